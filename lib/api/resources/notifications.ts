import 'server-only';
import { markAllNotificationsRead, markNotificationRead, removeWatch, saveWatch } from '../../notifications/commands';
import { listNotifications, listWatches } from '../../notifications/queries';
import { readJsonObject } from '../body';
import { apiRoute, json, noContent } from '../handler';
import { queryObject } from '../resource';

// The caller's own notifications and watches (lib/notifications/). Watching is reading: every role.

export const listNotificationsRoute = apiRoute({ permission: 'workspace:read' }, async ({ ctx, request }) => json(await listNotifications(ctx, queryObject(request))));

export const readNotificationRoute = apiRoute<{ id: string }>({ permission: 'workspace:read' }, async ({ ctx, params }) => {
  await markNotificationRead(ctx, { id: params.id });
  return noContent();
});

export const readAllNotificationsRoute = apiRoute({ permission: 'workspace:read' }, async ({ ctx }) => json(await markAllNotificationsRead(ctx)));

export const listWatchesRoute = apiRoute({ permission: 'workspace:read' }, async ({ ctx }) => json({ items: await listWatches(ctx) }));

export const saveWatchRoute = apiRoute({ permission: 'workspace:read' }, async ({ ctx, request }) =>
  json(await saveWatch(ctx, await readJsonObject(request)), { status: 201 }),
);

export const removeWatchRoute = apiRoute<{ id: string }>({ permission: 'workspace:read' }, async ({ ctx, params }) => {
  await removeWatch(ctx, { id: params.id });
  return noContent();
});
