import { z } from 'zod';
import { authorize, type Ctx } from '../auth/context';
import { db, readDb } from '../db';
import { notFound } from '../errors';
import type { Prisma } from '../generated/prisma/client';
import { cursorListParams, type SortSpecs } from '../records/cursor';
import { parseListParams, runList, type ListFrom, type ListPage } from '../records/list';
import { readAnchors } from './schema';

const ISSUE_SORTS: SortSpecs<'title' | 'updatedAt' | 'createdAt'> = {
  title: { type: 'string' },
  updatedAt: { type: 'date' },
  createdAt: { type: 'date' },
};

/** The issue list's params, for the issues page (read from the address bar) and GET /api/v1/issues alike. */
export const issueListSchema = cursorListParams(['title', 'updatedAt', 'createdAt'] as const, 'title', 'asc');
export type IssueListParams = z.output<typeof issueListSchema>;

export function issueWhere(workspaceId: string, p: IssueListParams): Prisma.IssueWhereInput {
  return {
    workspaceId,
    deletedAt: p.deleted === 'only' ? { not: null } : null,
    ...(p.q ? { OR: [{ title: { contains: p.q, mode: 'insensitive' } }, { description: { contains: p.q, mode: 'insensitive' } }] } : {}),
  };
}

const issuePageInclude = {
  _count: { select: { assessments: { where: { deletedAt: null } }, scenarios: { where: { deletedAt: null } } } },
} satisfies Prisma.IssueInclude;

type Anchored<T> = Omit<T, 'anchors'> & { anchors: ReturnType<typeof readAnchors> };
type Issue = Anchored<Prisma.IssueGetPayload<object>>;
type IssueListed = Anchored<Prisma.IssueGetPayload<{ include: typeof issuePageInclude }>>;

/** The page view carries the counts it shows; the API view the bare rows. */
export function listIssues(ctx: Ctx, raw: unknown, from: 'api'): Promise<ListPage<Issue, IssueListParams>>;
export function listIssues(ctx: Ctx, raw: unknown, from?: 'page'): Promise<ListPage<IssueListed, IssueListParams>>;
export async function listIssues(ctx: Ctx, raw: unknown, from: ListFrom = 'page') {
  authorize(ctx, 'workspace:read');
  const p = parseListParams(issueListSchema, raw, from);
  const page = await runList(
    p,
    from,
    ISSUE_SORTS,
    issueWhere(ctx.workspaceId, p),
    (args) => readDb(ctx).issue.findMany({ ...(args as Prisma.IssueFindManyArgs), ...(from === 'page' ? { include: issuePageInclude } : {}) }),
    (args) => readDb(ctx).issue.count(args as Prisma.IssueCountArgs),
  );
  return { ...page, items: page.items.map((row) => ({ ...row, anchors: readAnchors(row.anchors) })) };
}

export async function getIssue(ctx: Ctx, id: string) {
  authorize(ctx, 'workspace:read');
  if (!z.uuid().safeParse(id).success) throw notFound('Issue');
  const issue = await db().issue.findFirst({ where: { id, workspaceId: ctx.workspaceId } });
  if (!issue) throw notFound('Issue');
  return { ...issue, anchors: readAnchors(issue.anchors) };
}

export async function issueOptions(ctx: Ctx) {
  authorize(ctx, 'workspace:read');
  const rows = await db().issue.findMany({
    where: { workspaceId: ctx.workspaceId, deletedAt: null },
    select: { id: true, title: true, anchors: true },
    orderBy: { title: 'asc' },
  });
  return rows.map((row) => ({ ...row, anchors: readAnchors(row.anchors) }));
}
