import { authorize, type Ctx } from '../auth/context';
import { db, readDb } from '../db';
import { notFound } from '../errors';
import type { Prisma } from '../generated/prisma/client';
import { listParamsSchema, toPage } from '../records/list-params';
import { parseInput } from '../validation';
import { ActorKind } from '../generated/prisma/enums';
import { z } from 'zod';

export const actorListSchema = listParamsSchema(['name', 'kind', 'updatedAt'] as const, 'name').extend({
  kind: z.enum(ActorKind).optional().catch(undefined),
});

export async function listActors(ctx: Ctx, raw: unknown) {
  authorize(ctx, 'workspace:read');
  const p = parseInput(actorListSchema, raw);
  const where: Prisma.ActorWhereInput = {
    workspaceId: ctx.workspaceId,
    deletedAt: p.deleted === 'only' ? { not: null } : null,
    ...(p.kind ? { kind: p.kind } : {}),
    ...(p.q ? { OR: [{ name: { contains: p.q, mode: 'insensitive' } }, { aliases: { has: p.q } }, { description: { contains: p.q, mode: 'insensitive' } }] } : {}),
  };
  const [items, total] = await Promise.all([
    readDb(ctx).actor.findMany({
      where,
      orderBy: [{ [p.sort]: p.dir }, { id: 'asc' }],
      skip: (p.page - 1) * p.pageSize,
      take: p.pageSize,
      include: { parent: { select: { id: true, name: true } }, _count: { select: { assessments: { where: { deletedAt: null } } } } },
    }),
    readDb(ctx).actor.count({ where }),
  ]);
  return { params: p, ...toPage(items, total, p.page, p.pageSize) };
}

export async function getActor(ctx: Ctx, id: string) {
  authorize(ctx, 'workspace:read');
  if (!z.uuid().safeParse(id).success) throw notFound('Actor');
  const actor = await db().actor.findFirst({
    where: { id, workspaceId: ctx.workspaceId },
    include: {
      parent: { select: { id: true, name: true } },
      members: { where: { deletedAt: null }, select: { id: true, name: true, kind: true }, orderBy: { name: 'asc' } },
    },
  });
  if (!actor) throw notFound('Actor');
  return actor;
}

/** Id and name of every live actor, for select inputs and alias highlighting. */
export async function actorOptions(ctx: Ctx) {
  authorize(ctx, 'workspace:read');
  return db().actor.findMany({
    where: { workspaceId: ctx.workspaceId, deletedAt: null },
    select: { id: true, name: true, aliases: true, kind: true },
    orderBy: { name: 'asc' },
  });
}
