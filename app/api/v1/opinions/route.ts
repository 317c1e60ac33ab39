import { opinionsResource } from '@/lib/api/resources/opinions';
import { resourceRoutes } from '@/lib/api/resource';

const routes = resourceRoutes(opinionsResource);

/** List (cursor pagination; ?format=csv for every matching row as CSV). */
export const GET = routes.list;
export const POST = routes.create;
