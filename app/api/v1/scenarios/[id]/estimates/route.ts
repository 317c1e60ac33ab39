import { addEstimateRoute, listEstimatesRoute } from '@/lib/api/resources/scenarios';

export const GET = listEstimatesRoute;
export const POST = addEstimateRoute;
