import { sourcesResource } from '@/lib/api/resources/sources';
import { resourceRoutes } from '@/lib/api/resource';

const routes = resourceRoutes(sourcesResource);

/** List (cursor pagination; ?format=csv for every matching row as CSV). */
export const GET = routes.list;
export const POST = routes.create;
