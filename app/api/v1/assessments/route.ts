import { assessmentsResource } from '@/lib/api/resources/assessments';
import { resourceRoutes } from '@/lib/api/resource';

const routes = resourceRoutes(assessmentsResource);

/** List (cursor pagination; ?format=csv for every matching row as CSV). */
export const GET = routes.list;
export const POST = routes.create;
