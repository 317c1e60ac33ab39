import { assessmentsResource } from '@/lib/api/resources/assessments';
import { resourceRoutes } from '@/lib/api/resource';

const routes = resourceRoutes(assessmentsResource);

export const GET = routes.get;
export const PATCH = routes.patch;
export const PUT = routes.put;
export const DELETE = routes.remove;
