import { actorsResource } from '@/lib/api/resources/actors';
import { resourceRoutes } from '@/lib/api/resource';

const routes = resourceRoutes(actorsResource);

/** List (cursor pagination; ?format=csv for every matching row as CSV). */
export const GET = routes.list;
export const POST = routes.create;
