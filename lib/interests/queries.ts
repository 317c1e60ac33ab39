import { z } from 'zod';
import { authorize, type Ctx } from '../auth/context';
import { db, readDb } from '../db';
import { notFound } from '../errors';
import type { Prisma } from '../generated/prisma/client';
import { cursorListParams, type SortSpecs } from '../records/cursor';
import { parseListParams, runList, type ListFrom, type ListPage } from '../records/list';

const INTEREST_SORTS: SortSpecs<'statedOn' | 'createdAt' | 'updatedAt'> = {
  statedOn: { type: 'date' },
  createdAt: { type: 'date' },
  updatedAt: { type: 'date' },
};

/** The stated-interest list's params, for the page (read from the address bar) and GET /api/v1/interests alike. */
export const interestListSchema = cursorListParams(['statedOn', 'createdAt', 'updatedAt'] as const, 'statedOn', 'desc').extend({
  actor: z.uuid({ error: 'actor must be an actor id' }).optional(),
  source: z.uuid({ error: 'source must be a source id' }).optional(),
});
export type InterestListParams = z.output<typeof interestListSchema>;

export function interestWhere(workspaceId: string, p: InterestListParams): Prisma.StatedInterestWhereInput {
  return {
    workspaceId,
    deletedAt: p.deleted === 'only' ? { not: null } : null,
    ...(p.actor ? { actorId: p.actor } : {}),
    ...(p.source ? { sourceId: p.source } : {}),
    ...(p.q ? { OR: [{ quote: { contains: p.q, mode: 'insensitive' } }, { summary: { contains: p.q, mode: 'insensitive' } }] } : {}),
  };
}

const interestPageInclude = {
  actor: { select: { id: true, name: true } },
  source: { select: { id: true, title: true, outlet: true } },
} satisfies Prisma.StatedInterestInclude;

type Interest = Prisma.StatedInterestGetPayload<object>;
type InterestListed = Prisma.StatedInterestGetPayload<{ include: typeof interestPageInclude }>;

/** The page view carries the actor and source it shows; the API view the bare rows. */
export function listInterests(ctx: Ctx, raw: unknown, from: 'api'): Promise<ListPage<Interest, InterestListParams>>;
export function listInterests(ctx: Ctx, raw: unknown, from?: 'page'): Promise<ListPage<InterestListed, InterestListParams>>;
export async function listInterests(ctx: Ctx, raw: unknown, from: ListFrom = 'page') {
  authorize(ctx, 'workspace:read');
  const p = parseListParams(interestListSchema, raw, from);
  return runList(
    p,
    from,
    INTEREST_SORTS,
    interestWhere(ctx.workspaceId, p),
    (args) =>
      readDb(ctx).statedInterest.findMany({ ...(args as Prisma.StatedInterestFindManyArgs), ...(from === 'page' ? { include: interestPageInclude } : {}) }),
    (args) => readDb(ctx).statedInterest.count(args as Prisma.StatedInterestCountArgs),
  );
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
