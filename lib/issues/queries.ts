import { z } from 'zod';
import { authorize, type Ctx } from '../auth/context';
import { db, readDb } from '../db';
import { notFound } from '../errors';
import type { Prisma } from '../generated/prisma/client';
import { listParamsSchema, toPage } from '../records/list-params';
import { parseInput } from '../validation';
import { readAnchors } from './schema';

export const issueListSchema = listParamsSchema(['title', 'updatedAt', 'createdAt'] as const, 'title');

export async function listIssues(ctx: Ctx, raw: unknown) {
  authorize(ctx, 'workspace:read');
  const p = parseInput(issueListSchema, raw);
  const where: Prisma.IssueWhereInput = {
    workspaceId: ctx.workspaceId,
    deletedAt: p.deleted === 'only' ? { not: null } : null,
    ...(p.q ? { OR: [{ title: { contains: p.q, mode: 'insensitive' } }, { description: { contains: p.q, mode: 'insensitive' } }] } : {}),
  };
  const [rows, total] = await Promise.all([
    readDb(ctx).issue.findMany({
      where,
      orderBy: [{ [p.sort]: p.dir }, { id: 'asc' }],
      skip: (p.page - 1) * p.pageSize,
      take: p.pageSize,
      include: { _count: { select: { assessments: { where: { deletedAt: null } }, scenarios: { where: { deletedAt: null } } } } },
    }),
    readDb(ctx).issue.count({ where }),
  ]);
  const items = rows.map((row) => ({ ...row, anchors: readAnchors(row.anchors) }));
  return { params: p, ...toPage(items, total, p.page, p.pageSize) };
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
