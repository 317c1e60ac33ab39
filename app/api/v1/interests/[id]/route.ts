import { interestsResource } from '@/lib/api/resources/interests';
import { resourceRoutes } from '@/lib/api/resource';

const routes = resourceRoutes(interestsResource);

export const GET = routes.get;
export const PATCH = routes.patch;
export const PUT = routes.put;
export const DELETE = routes.remove;
