import { sourcesResource } from '@/lib/api/resources/sources';
import { resourceRoutes } from '@/lib/api/resource';

const routes = resourceRoutes(sourcesResource);

export const GET = routes.get;
export const PATCH = routes.patch;
export const PUT = routes.put;
export const DELETE = routes.remove;
