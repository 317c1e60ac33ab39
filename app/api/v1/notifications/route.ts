import { listNotificationsRoute } from '@/lib/api/resources/notifications';

/** The caller's notifications, newest first (?unread=true, ?limit, ?before=<id> for the next page). */
export const GET = listNotificationsRoute;
