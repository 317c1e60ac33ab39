import { authorize, type Ctx } from '../auth/context';
import { audit } from '../audit';
import { db } from '../db';
import { invalid, notFound } from '../errors';
import { parseInput } from '../validation';
import { z } from 'zod';
import { eventCreateSchema } from './schema';

/** Every referenced issue and the source must be live records of the caller's workspace. */
async function assertReferences(ctx: Ctx, issueIds: string[], sourceId: string | null): Promise<void> {
  const [issues, source] = await Promise.all([
    issueIds.length ? db().issue.count({ where: { id: { in: issueIds }, workspaceId: ctx.workspaceId, deletedAt: null } }) : 0,
    sourceId ? db().source.findFirst({ where: { id: sourceId, workspaceId: ctx.workspaceId, deletedAt: null }, select: { id: true } }) : null,
  ]);
  const errors: Record<string, string[]> = {};
  // Another workspace's records are reported exactly like missing ones.
  if (issues !== issueIds.length) errors.issueIds = ['Choose issues from the list'];
  if (sourceId && !source) errors.sourceId = ['Choose a source from the list'];
  if (Object.keys(errors).length) throw invalid(errors);
}

export async function createEvent(ctx: Ctx, raw: unknown): Promise<{ id: string }> {
  authorize(ctx, 'records:write');
  const input = parseInput(eventCreateSchema, raw);
  await assertReferences(ctx, input.issueIds, input.sourceId);
  return db().event.create({
    data: { ...input, occurredOn: new Date(`${input.occurredOn}T00:00:00Z`), workspaceId: ctx.workspaceId, createdById: ctx.userId },
    select: { id: true },
  });
}

export async function deleteEvent(ctx: Ctx, raw: unknown): Promise<void> {
  authorize(ctx, 'records:write');
  const { id } = parseInput(z.object({ id: z.uuid({ error: 'Choose an event from the list' }) }), raw);
  const { count } = await db().event.deleteMany({ where: { id, workspaceId: ctx.workspaceId } });
  if (count === 0) throw notFound('Event');
  await audit({ action: 'record.deleted', workspaceId: ctx.workspaceId, userId: ctx.userId, entityType: 'event', entityId: id });
}
