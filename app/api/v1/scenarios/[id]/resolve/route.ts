import { resolveScenarioRoute } from '@/lib/api/resources/scenarios';

export const POST = resolveScenarioRoute;
