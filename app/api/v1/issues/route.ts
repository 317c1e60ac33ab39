import { issuesResource } from '@/lib/api/resources/issues';
import { resourceRoutes } from '@/lib/api/resource';

const routes = resourceRoutes(issuesResource);

/** List (cursor pagination; ?format=csv for every matching row as CSV). */
export const GET = routes.list;
export const POST = routes.create;
