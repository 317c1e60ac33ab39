import { opinionsResource } from '@/lib/api/resources/opinions';
import { resourceRoutes } from '@/lib/api/resource';

const routes = resourceRoutes(opinionsResource);

export const GET = routes.get;
export const PATCH = routes.patch;
export const PUT = routes.put;
export const DELETE = routes.remove;
