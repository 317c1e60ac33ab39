import { authorize, type Ctx } from '../auth/context';
import { db } from '../db';
import { invalid, notFound } from '../errors';
import { assertVersionedWrite, isUniqueViolation } from '../records/concurrency';
import { parseInput } from '../validation';
import { actorCreateSchema, actorUpdateSchema, type ActorCreateInput } from './schema';

async function assertParentAllowed(ctx: Ctx, parentId: string | null, selfId?: string): Promise<void> {
  if (!parentId) return;
  if (parentId === selfId) throw invalid({ parentId: ['An actor cannot be part of itself'] });
  const parent = await db().actor.findFirst({ where: { id: parentId, workspaceId: ctx.workspaceId, deletedAt: null }, select: { id: true } });
  // A parent from another workspace is reported exactly like a missing one.
  if (!parent) throw invalid({ parentId: ['Choose an actor from the list'] });
  if (selfId) {
    // Walk up from the proposed parent: reaching self would make a cycle.
    const chain = await db().$queryRaw<{ id: string }[]>`
      WITH RECURSIVE up AS (
        SELECT id, "parentId", 1 AS depth FROM "Actor" WHERE id = ${parentId}::uuid AND "workspaceId" = ${ctx.workspaceId}::uuid
        UNION ALL
        SELECT a.id, a."parentId", up.depth + 1 FROM "Actor" a JOIN up ON a.id = up."parentId" WHERE up.depth < 50
      ) SELECT id FROM up WHERE id = ${selfId}::uuid`;
    if (chain.length) throw invalid({ parentId: ['That would make the actor part of itself (a cycle)'] });
  }
}

function duplicateName(name: string) {
  return invalid({ name: [`An actor named “${name}” already exists in this workspace (if it was deleted, restore it instead).`] });
}

export async function createActor(ctx: Ctx, raw: unknown): Promise<{ id: string }> {
  authorize(ctx, 'records:write');
  const input: ActorCreateInput = parseInput(actorCreateSchema, raw);
  await assertParentAllowed(ctx, input.parentId);
  try {
    return await db().actor.create({ data: { ...input, workspaceId: ctx.workspaceId }, select: { id: true } });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateName(input.name);
    throw error;
  }
}

export async function updateActor(ctx: Ctx, raw: unknown): Promise<{ id: string; version: number }> {
  authorize(ctx, 'records:write');
  const { id, version, ...data } = parseInput(actorUpdateSchema, raw);
  const exists = await db().actor.findFirst({ where: { id, workspaceId: ctx.workspaceId, deletedAt: null }, select: { id: true } });
  if (!exists) throw notFound('Actor');
  await assertParentAllowed(ctx, data.parentId, id);
  let count: number;
  try {
    ({ count } = await db().actor.updateMany({
      where: { id, workspaceId: ctx.workspaceId, version, deletedAt: null },
      data: { ...data, version: { increment: 1 } },
    }));
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateName(data.name);
    throw error;
  }
  await assertVersionedWrite(count, 'This actor', () =>
    db().actor.findFirst({
      where: { id, workspaceId: ctx.workspaceId, deletedAt: null },
      select: { name: true, kind: true, aliases: true, parentId: true, description: true, version: true },
    }),
  );
  return { id, version: version + 1 };
}
