import { readAllNotificationsRoute } from '@/lib/api/resources/notifications';

export const POST = readAllNotificationsRoute;
