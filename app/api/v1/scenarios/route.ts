import { scenariosResource } from '@/lib/api/resources/scenarios';
import { resourceRoutes } from '@/lib/api/resource';

const routes = resourceRoutes(scenariosResource);

/** List (cursor pagination; ?format=csv for every matching row as CSV). */
export const GET = routes.list;
export const POST = routes.create;
