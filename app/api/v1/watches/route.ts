import { listWatchesRoute, saveWatchRoute } from '@/lib/api/resources/notifications';

export const GET = listWatchesRoute;
export const POST = saveWatchRoute;
