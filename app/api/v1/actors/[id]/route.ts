import { actorsResource } from '@/lib/api/resources/actors';
import { resourceRoutes } from '@/lib/api/resource';

const routes = resourceRoutes(actorsResource);

export const GET = routes.get;
export const PATCH = routes.patch;
export const PUT = routes.put;
export const DELETE = routes.remove;
