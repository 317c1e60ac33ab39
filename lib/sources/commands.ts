import { authorize, type Ctx } from '../auth/context';
import { db } from '../db';
import { invalid } from '../errors';
import { assertVersionedWrite } from '../records/concurrency';
import { parseInput } from '../validation';
import { sourceCreateSchema, sourceUpdateSchema, type SourceCreateInput } from './schema';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

async function assertCitedInAllowed(ctx: Ctx, citedInId: string | null, selfId?: string) {
  if (!citedInId) return;
  if (citedInId === selfId) throw invalid({ citedInId: ['A source cannot be quoted in itself'] });
  const carrier = await db().source.findFirst({ where: { id: citedInId, workspaceId: ctx.workspaceId, deletedAt: null }, select: { id: true } });
  if (!carrier) throw invalid({ citedInId: ['Choose a source from the list'] });
}

function toData(input: Omit<SourceCreateInput, never>) {
  return { ...input, publishedAt: day(input.publishedAt) };
}

export async function createSource(ctx: Ctx, raw: unknown): Promise<{ id: string }> {
  authorize(ctx, 'records:write');
  const input = parseInput(sourceCreateSchema, raw);
  await assertCitedInAllowed(ctx, input.citedInId);
  return db().source.create({ data: { ...toData(input), workspaceId: ctx.workspaceId }, select: { id: true } });
}

export async function updateSource(ctx: Ctx, raw: unknown): Promise<{ id: string; version: number }> {
  authorize(ctx, 'records:write');
  const { id, version, ...input } = parseInput(sourceUpdateSchema, raw);
  await assertCitedInAllowed(ctx, input.citedInId, id);
  const { count } = await db().source.updateMany({
    where: { id, workspaceId: ctx.workspaceId, version, deletedAt: null },
    data: { ...toData(input), version: { increment: 1 } },
  });
  await assertVersionedWrite(count, 'This source', () =>
    db().source.findFirst({
      where: { id, workspaceId: ctx.workspaceId, deletedAt: null },
      select: { title: true, outlet: true, author: true, url: true, publishedAt: true, kind: true, reliability: true, citedInId: true, origin: true, version: true },
    }),
  );
  return { id, version: version + 1 };
}
