import { removeWatchRoute } from '@/lib/api/resources/notifications';

export const DELETE = removeWatchRoute;
