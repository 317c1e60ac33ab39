import { annulResolutionRoute, undoAnnulmentRoute } from '@/lib/api/resources/scenarios';

export const POST = annulResolutionRoute;
export const DELETE = undoAnnulmentRoute;
