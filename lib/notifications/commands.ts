import { authorize, type Ctx } from '../auth/context';
import { db } from '../db';
import { notFound } from '../errors';
import { assertReferences } from '../records/references';
import { parseInput } from '../validation';
import { announceRead } from './announce';
import { notificationRefSchema, watchRefSchema, watchSchema } from './schema';

// Watching is reading (workspace:read): viewers may watch too, always for themselves only.

/** Watches an actor or an issue; watching it again changes the threshold of the one watch. */
export async function saveWatch(ctx: Ctx, raw: unknown): Promise<{ id: string; threshold: number }> {
  authorize(ctx, 'workspace:read');
  const input = parseInput(watchSchema, raw);
  await assertReferences(ctx, { actorId: input.actorId ?? undefined, issueId: input.issueId ?? undefined });
  const target = { userId: ctx.userId, workspaceId: ctx.workspaceId, actorId: input.actorId, issueId: input.issueId };
  return db().$transaction(async (tx) => {
    // One watch per member and target, also when the same form is sent twice at once.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`watch:${ctx.userId}:${ctx.workspaceId}`}, 7078))`;
    const existing = await tx.watch.findFirst({ where: target, select: { id: true } });
    if (existing) return tx.watch.update({ where: { id: existing.id }, data: { threshold: input.threshold }, select: { id: true, threshold: true } });
    return tx.watch.create({ data: { ...target, threshold: input.threshold }, select: { id: true, threshold: true } });
  });
}

export async function removeWatch(ctx: Ctx, raw: unknown): Promise<void> {
  authorize(ctx, 'workspace:read');
  const { id } = parseInput(watchRefSchema, raw);
  const { count } = await db().watch.deleteMany({ where: { id, userId: ctx.userId, workspaceId: ctx.workspaceId } });
  if (count === 0) throw notFound('Watch');
}

export async function markNotificationRead(ctx: Ctx, raw: unknown): Promise<void> {
  authorize(ctx, 'workspace:read');
  const { id } = parseInput(notificationRefSchema, raw);
  const where = { id, userId: ctx.userId, workspaceId: ctx.workspaceId };
  const { count } = await db().notification.updateMany({ where: { ...where, readAt: null }, data: { readAt: new Date() } });
  if (count === 0 && !(await db().notification.findFirst({ where, select: { id: true } }))) throw notFound('Notification');
  if (count > 0) await announceRead(ctx);
}

export async function markAllNotificationsRead(ctx: Ctx): Promise<{ count: number }> {
  authorize(ctx, 'workspace:read');
  const { count } = await db().notification.updateMany({ where: { userId: ctx.userId, workspaceId: ctx.workspaceId, readAt: null }, data: { readAt: new Date() } });
  if (count > 0) await announceRead(ctx);
  return { count };
}
