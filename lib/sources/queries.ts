import { z } from 'zod';
import { authorize, type Ctx } from '../auth/context';
import { db, readDb } from '../db';
import { notFound } from '../errors';
import type { Prisma } from '../generated/prisma/client';
import { Reliability, SourceKind } from '../generated/prisma/enums';
import { listParamsSchema, toPage } from '../records/list-params';
import { parseInput } from '../validation';

export const sourceListSchema = listParamsSchema(['publishedAt', 'title', 'outlet', 'reliability'] as const, 'publishedAt').extend({
  kind: z.enum(SourceKind).optional().catch(undefined),
  reliability: z.enum(Reliability).optional().catch(undefined),
});

export async function listSources(ctx: Ctx, raw: unknown) {
  authorize(ctx, 'workspace:read');
  const p = parseInput(sourceListSchema, raw);
  const where: Prisma.SourceWhereInput = {
    workspaceId: ctx.workspaceId,
    deletedAt: p.deleted === 'only' ? { not: null } : null,
    ...(p.kind ? { kind: p.kind } : {}),
    ...(p.reliability ? { reliability: p.reliability } : {}),
    ...(p.q
      ? { OR: [{ title: { contains: p.q, mode: 'insensitive' } }, { outlet: { contains: p.q, mode: 'insensitive' } }, { author: { contains: p.q, mode: 'insensitive' } }] }
      : {}),
  };
  const [items, total] = await Promise.all([
    readDb(ctx).source.findMany({
      where,
      orderBy: [{ [p.sort]: p.dir }, { id: 'asc' }],
      skip: (p.page - 1) * p.pageSize,
      take: p.pageSize,
      omit: { body: true },
      include: { citedIn: { select: { id: true, title: true } }, _count: { select: { assessments: { where: { deletedAt: null } } } } },
    }),
    readDb(ctx).source.count({ where }),
  ]);
  return { params: p, ...toPage(items, total, p.page, p.pageSize) };
}

export async function getSource(ctx: Ctx, id: string) {
  authorize(ctx, 'workspace:read');
  if (!z.uuid().safeParse(id).success) throw notFound('Source');
  const source = await db().source.findFirst({
    where: { id, workspaceId: ctx.workspaceId },
    include: {
      citedIn: { select: { id: true, title: true, body: true } },
      citations: { where: { deletedAt: null }, select: { id: true, title: true, author: true }, orderBy: { title: 'asc' } },
    },
  });
  if (!source) throw notFound('Source');
  return source;
}

export async function sourceOptions(ctx: Ctx) {
  authorize(ctx, 'workspace:read');
  return db().source.findMany({
    where: { workspaceId: ctx.workspaceId, deletedAt: null },
    select: { id: true, title: true, outlet: true, publishedAt: true, reliability: true },
    orderBy: [{ publishedAt: 'desc' }, { title: 'asc' }],
  });
}

/** The origins already named in the workspace (each spelling once), for the form's suggestions. */
export async function originOptions(ctx: Ctx): Promise<string[]> {
  authorize(ctx, 'workspace:read');
  const rows = await db().source.findMany({
    where: { workspaceId: ctx.workspaceId, deletedAt: null, origin: { not: null } },
    select: { origin: true },
    distinct: ['origin'],
    orderBy: { origin: 'asc' },
  });
  return rows.map((r) => r.origin!);
}

/** Other live sources naming the same origin (compared as lib/stance/origins.ts does). */
export async function sourcesSharingOrigin(ctx: Ctx, sourceId: string, origin: string | null) {
  authorize(ctx, 'workspace:read');
  if (!origin) return [];
  return db().$queryRaw<{ id: string; title: string; outlet: string }[]>`
    SELECT "id", "title", "outlet" FROM "Source"
    WHERE "workspaceId" = ${ctx.workspaceId}::uuid AND "deletedAt" IS NULL AND "id" <> ${sourceId}::uuid
      AND "source_origin_key"("origin") = "source_origin_key"(${origin})
    ORDER BY "title"`;
}
