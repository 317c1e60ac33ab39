import { authorize, type Ctx } from '../auth/context';
import { db } from '../db';
import { invalid } from '../errors';
import type { Prisma } from '../generated/prisma/client';
import { parseInput } from '../validation';
import { describeNotification, referencedIds, type NotificationItem, type NotificationNames, type StoredNotification } from './describe';
import { notificationListSchema } from './schema';

export type { NotificationItem } from './describe';

// Watching is reading: every member, viewers included, has their own watches and notifications, and
// sees only their own (another member's are NOT_FOUND like another workspace's records).
const own = (ctx: Ctx) => ({ userId: ctx.userId, workspaceId: ctx.workspaceId });

/** The names a set of notifications mentions, of live records of `workspaceId` only. */
export async function namesFor(workspaceId: string, rows: readonly StoredNotification[]): Promise<NotificationNames> {
  const refs = rows.map((r) => referencedIds(r.payload));
  const actorIds = [...new Set(refs.flatMap((r) => (r.actorId ? [r.actorId] : [])))];
  const issueIds = [...new Set(refs.flatMap((r) => r.issueIds))];
  const scenarioIds = [...new Set(refs.flatMap((r) => (r.scenarioId ? [r.scenarioId] : [])))];
  const live = { workspaceId, deletedAt: null };
  const [actors, issues, scenarios] = await Promise.all([
    actorIds.length ? db().actor.findMany({ where: { ...live, id: { in: actorIds } }, select: { id: true, name: true } }) : [],
    issueIds.length ? db().issue.findMany({ where: { ...live, id: { in: issueIds } }, select: { id: true, title: true } }) : [],
    scenarioIds.length ? db().scenario.findMany({ where: { ...live, id: { in: scenarioIds } }, select: { id: true, name: true } }) : [],
  ]);
  return {
    actors: new Map(actors.map((a) => [a.id, a.name])),
    issues: new Map(issues.map((i) => [i.id, i.title])),
    scenarios: new Map(scenarios.map((s) => [s.id, s.name])),
  };
}

const NOTIFICATION_FIELDS = { id: true, kind: true, payload: true, createdAt: true, readAt: true } as const;

/** The caller's notifications in this workspace, newest first, with the unread count. */
export async function listNotifications(
  ctx: Ctx,
  raw: unknown = {},
): Promise<{ items: NotificationItem[]; unread: number; nextBefore: string | null }> {
  authorize(ctx, 'workspace:read');
  const query = parseInput(notificationListSchema, raw);
  const where: Prisma.NotificationWhereInput = { ...own(ctx) };
  if (query.unread === 'true') where.readAt = null;
  if (query.unread === 'false') where.readAt = { not: null };
  if (query.before) {
    const after = await db().notification.findFirst({ where: { ...own(ctx), id: query.before }, select: { createdAt: true } });
    if (!after) throw invalid({ before: ['before must be the id of a notification from the previous page'] });
    where.OR = [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: query.before } }];
  }
  const [rows, unread] = await Promise.all([
    db().notification.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: query.limit + 1, select: NOTIFICATION_FIELDS }),
    unreadCount(ctx),
  ]);
  const page = rows.slice(0, query.limit);
  const names = await namesFor(ctx.workspaceId, page);
  return { items: page.map((r) => describeNotification(r, names)), unread, nextBefore: rows.length > query.limit ? page.at(-1)!.id : null };
}

/** One of the caller's notifications, or null (someone else's or another workspace's: null too). */
export async function getNotification(ctx: Ctx, id: string): Promise<NotificationItem | null> {
  authorize(ctx, 'workspace:read');
  const row = await db().notification.findFirst({ where: { ...own(ctx), id }, select: NOTIFICATION_FIELDS });
  return row ? describeNotification(row, await namesFor(ctx.workspaceId, [row])) : null;
}

export async function unreadCount(ctx: Ctx): Promise<number> {
  authorize(ctx, 'workspace:read');
  return db().notification.count({ where: { ...own(ctx), readAt: null } });
}

export interface WatchItem {
  id: string;
  threshold: number;
  actor: { id: string; name: string } | null;
  issue: { id: string; title: string } | null;
  createdAt: string;
}

/** The caller's watches in this workspace (of live actors and issues), by name. */
export async function listWatches(ctx: Ctx): Promise<WatchItem[]> {
  authorize(ctx, 'workspace:read');
  const rows = await db().watch.findMany({
    where: { ...own(ctx), AND: [{ OR: [{ actorId: null }, { actor: { deletedAt: null } }] }, { OR: [{ issueId: null }, { issue: { deletedAt: null } }] }] },
    include: { actor: { select: { id: true, name: true } }, issue: { select: { id: true, title: true } } },
    orderBy: { createdAt: 'asc' },
  });
  return rows
    .map((w) => ({ id: w.id, threshold: w.threshold, actor: w.actor, issue: w.issue, createdAt: w.createdAt.toISOString() }))
    .sort((a, b) => label(a).localeCompare(label(b)));
}

const label = (w: WatchItem) => `${w.actor?.name ?? ''} ${w.issue?.title ?? ''}`.trim();

/** The caller's watch of exactly this actor or this issue, for the watch form on its page. */
export async function watchOf(ctx: Ctx, target: { actorId?: string; issueId?: string }): Promise<{ id: string; threshold: number } | null> {
  authorize(ctx, 'workspace:read');
  return db().watch.findFirst({
    where: { ...own(ctx), actorId: target.actorId ?? null, issueId: target.issueId ?? null },
    select: { id: true, threshold: true },
  });
}
