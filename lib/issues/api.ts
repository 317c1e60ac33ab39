import { authorize, type Ctx } from '../auth/context';
import { db } from '../db';
import type { Prisma } from '../generated/prisma/client';
import { cursorListParams, cursorPage, type SortSpecs } from '../records/cursor';
import { parseInput } from '../validation';

// Cursor-paginated issue list for the API: the same filters as the issues page (listIssues).

const SORTS: SortSpecs<'title' | 'updatedAt' | 'createdAt'> = {
  title: { type: 'string' },
  updatedAt: { type: 'date' },
  createdAt: { type: 'date' },
};

export const issueCursorListSchema = cursorListParams(['title', 'updatedAt', 'createdAt'] as const, 'title', 'asc');

export function issueWhere(workspaceId: string, p: { q: string; deleted: 'exclude' | 'only' }): Prisma.IssueWhereInput {
  return {
    workspaceId,
    deletedAt: p.deleted === 'only' ? { not: null } : null,
    ...(p.q ? { OR: [{ title: { contains: p.q, mode: 'insensitive' } }, { description: { contains: p.q, mode: 'insensitive' } }] } : {}),
  };
}

export async function listIssuesByCursor(ctx: Ctx, raw: unknown) {
  authorize(ctx, 'workspace:read');
  const p = parseInput(issueCursorListSchema, raw);
  return cursorPage(p, SORTS, issueWhere(ctx.workspaceId, p) as Record<string, unknown>, (args) =>
    db().issue.findMany(args as Prisma.IssueFindManyArgs),
  );
}
