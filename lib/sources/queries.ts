import { z } from 'zod';
import { authorize, type Ctx } from '../auth/context';
import { db, readDb } from '../db';
import { notFound } from '../errors';
import type { Prisma } from '../generated/prisma/client';
import { Reliability, SourceKind } from '../generated/prisma/enums';
import { cursorListParams, type SortSpecs } from '../records/cursor';
import { parseListParams, runList, type ListFrom, type ListPage } from '../records/list';

const SOURCE_SORTS: SortSpecs<'publishedAt' | 'title' | 'outlet' | 'reliability' | 'updatedAt' | 'createdAt'> = {
  publishedAt: { type: 'date' },
  title: { type: 'string' },
  outlet: { type: 'string' },
  reliability: { type: 'enum', values: Object.values(Reliability) },
  updatedAt: { type: 'date' },
  createdAt: { type: 'date' },
};

/** The source list's params, for the sources page (read from the address bar) and GET /api/v1/sources alike. */
export const sourceListSchema = cursorListParams(
  ['publishedAt', 'title', 'outlet', 'reliability', 'updatedAt', 'createdAt'] as const,
  'publishedAt',
  'desc',
).extend({
  kind: z.enum(SourceKind, { error: `kind must be one of: ${Object.values(SourceKind).join(', ')}` }).optional(),
  reliability: z.enum(Reliability, { error: 'reliability must be one of: A, B, C, D, E, F' }).optional(),
});
export type SourceListParams = z.output<typeof sourceListSchema>;

export function sourceWhere(workspaceId: string, p: SourceListParams): Prisma.SourceWhereInput {
  return {
    workspaceId,
    deletedAt: p.deleted === 'only' ? { not: null } : null,
    ...(p.kind ? { kind: p.kind } : {}),
    ...(p.reliability ? { reliability: p.reliability } : {}),
    ...(p.q
      ? { OR: [{ title: { contains: p.q, mode: 'insensitive' } }, { outlet: { contains: p.q, mode: 'insensitive' } }, { author: { contains: p.q, mode: 'insensitive' } }] }
      : {}),
  };
}

const sourcePageInclude = {
  citedIn: { select: { id: true, title: true } },
  _count: { select: { assessments: { where: { deletedAt: null } } } },
} satisfies Prisma.SourceInclude;

// Lists leave out the full text (body); the source's own page and GET /sources/{id} have it.
type Source = Prisma.SourceGetPayload<{ omit: { body: true } }>;
type SourceListed = Prisma.SourceGetPayload<{ omit: { body: true }; include: typeof sourcePageInclude }>;

/** The page view carries the citing source and assessment count it shows; the API view the bare rows. */
export function listSources(ctx: Ctx, raw: unknown, from: 'api'): Promise<ListPage<Source, SourceListParams>>;
export function listSources(ctx: Ctx, raw: unknown, from?: 'page'): Promise<ListPage<SourceListed, SourceListParams>>;
export async function listSources(ctx: Ctx, raw: unknown, from: ListFrom = 'page') {
  authorize(ctx, 'workspace:read');
  const p = parseListParams(sourceListSchema, raw, from);
  return runList(
    p,
    from,
    SOURCE_SORTS,
    sourceWhere(ctx.workspaceId, p),
    (args) =>
      readDb(ctx).source.findMany({
        ...(args as Prisma.SourceFindManyArgs),
        omit: { body: true },
        ...(from === 'page' ? { include: sourcePageInclude } : {}),
      }),
    (args) => readDb(ctx).source.count(args as Prisma.SourceCountArgs),
  );
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
