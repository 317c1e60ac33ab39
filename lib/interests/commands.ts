import { authorize, type Ctx } from '../auth/context';
import { db } from '../db';
import { assertVersionedWrite } from '../records/concurrency';
import { assertReferences } from '../records/references';
import { parseInput } from '../validation';
import { interestCreateSchema, interestUpdateSchema } from './schema';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

export async function createInterest(ctx: Ctx, raw: unknown): Promise<{ id: string }> {
  authorize(ctx, 'records:write');
  const input = parseInput(interestCreateSchema, raw);
  await assertReferences(ctx, { actorId: input.actorId, sourceId: input.sourceId });
  return db().statedInterest.create({
    data: { ...input, statedOn: day(input.statedOn), workspaceId: ctx.workspaceId, createdById: ctx.userId },
    select: { id: true },
  });
}

export async function updateInterest(ctx: Ctx, raw: unknown): Promise<{ id: string; version: number }> {
  authorize(ctx, 'records:write');
  const { id, version, ...input } = parseInput(interestUpdateSchema, raw);
  await assertReferences(ctx, { actorId: input.actorId, sourceId: input.sourceId });
  const { count } = await db().statedInterest.updateMany({
    where: { id, workspaceId: ctx.workspaceId, version, deletedAt: null },
    data: { ...input, statedOn: day(input.statedOn), version: { increment: 1 } },
  });
  await assertVersionedWrite(count, 'This stated interest', () =>
    db().statedInterest.findFirst({
      where: { id, workspaceId: ctx.workspaceId, deletedAt: null },
      select: { actorId: true, sourceId: true, statedOn: true, quote: true, summary: true, version: true },
    }),
  );
  return { id, version: version + 1 };
}
