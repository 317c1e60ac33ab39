import { z } from 'zod';
import { authorize, type Ctx } from '../auth/context';
import { db, readDb } from '../db';
import { notFound } from '../errors';
import type { Prisma } from '../generated/prisma/client';
import { listParamsSchema, toPage } from '../records/list-params';
import { parseInput } from '../validation';

export const interestListSchema = listParamsSchema(['statedOn', 'createdAt'] as const, 'statedOn').extend({
  actor: z.uuid().optional().catch(undefined),
  source: z.uuid().optional().catch(undefined),
});

export async function listInterests(ctx: Ctx, raw: unknown) {
  authorize(ctx, 'workspace:read');
  const p = parseInput(interestListSchema, raw);
  const where: Prisma.StatedInterestWhereInput = {
    workspaceId: ctx.workspaceId,
    deletedAt: p.deleted === 'only' ? { not: null } : null,
    ...(p.actor ? { actorId: p.actor } : {}),
    ...(p.source ? { sourceId: p.source } : {}),
    ...(p.q ? { OR: [{ quote: { contains: p.q, mode: 'insensitive' } }, { summary: { contains: p.q, mode: 'insensitive' } }] } : {}),
  };
  const [items, total] = await Promise.all([
    readDb(ctx).statedInterest.findMany({
      where,
      orderBy: [{ [p.sort]: p.dir }, { id: 'asc' }],
      skip: (p.page - 1) * p.pageSize,
      take: p.pageSize,
      include: { actor: { select: { id: true, name: true } }, source: { select: { id: true, title: true, outlet: true } } },
    }),
    readDb(ctx).statedInterest.count({ where }),
  ]);
  return { params: p, ...toPage(items, total, p.page, p.pageSize) };
}

export async function getInterest(ctx: Ctx, id: string) {
  authorize(ctx, 'workspace:read');
  if (!z.uuid().safeParse(id).success) throw notFound('Stated interest');
  const row = await db().statedInterest.findFirst({
    where: { id, workspaceId: ctx.workspaceId },
    include: {
      actor: { select: { id: true, name: true } },
      source: { select: { id: true, title: true, outlet: true, publishedAt: true, reliability: true } },
    },
  });
  if (!row) throw notFound('Stated interest');
  const createdBy = await db().user.findUnique({ where: { id: row.createdById }, select: { name: true } });
  return { ...row, createdByName: createdBy?.name ?? 'a former member' };
}
