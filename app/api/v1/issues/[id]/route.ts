import { issuesResource } from '@/lib/api/resources/issues';
import { resourceRoutes } from '@/lib/api/resource';

const routes = resourceRoutes(issuesResource);

export const GET = routes.get;
export const PATCH = routes.patch;
export const PUT = routes.put;
export const DELETE = routes.remove;
