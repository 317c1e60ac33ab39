import { interestsResource } from '@/lib/api/resources/interests';
import { resourceRoutes } from '@/lib/api/resource';

const routes = resourceRoutes(interestsResource);

/** List (cursor pagination; ?format=csv for every matching row as CSV). */
export const GET = routes.list;
export const POST = routes.create;
