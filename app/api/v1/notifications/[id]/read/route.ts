import { readNotificationRoute } from '@/lib/api/resources/notifications';

export const POST = readNotificationRoute;
