import { scenariosResource } from '@/lib/api/resources/scenarios';
import { resourceRoutes } from '@/lib/api/resource';

const routes = resourceRoutes(scenariosResource);

export const GET = routes.get;
export const PATCH = routes.patch;
export const PUT = routes.put;
export const DELETE = routes.remove;
