import { z } from 'zod';
import { authorize, type Ctx } from '../auth/context';
import { db } from '../db';
import { notFound } from '../errors';
import type { Prisma } from '../generated/prisma/client';
import { Confidence } from '../generated/prisma/enums';
import { readAnchors } from '../issues/schema';
import { listParamsSchema, toPage } from '../records/list-params';
import { isoDate, parseInput } from '../validation';

export const assessmentListSchema = listParamsSchema(['stanceDate', 'position', 'createdAt', 'updatedAt'] as const, 'stanceDate').extend({
  actor: z.uuid().optional().catch(undefined),
  issue: z.uuid().optional().catch(undefined),
  source: z.uuid().optional().catch(undefined),
  confidence: z.enum(Confidence).optional().catch(undefined),
  from: isoDate('From').optional().catch(undefined),
  to: isoDate('To').optional().catch(undefined),
});

export async function listAssessments(ctx: Ctx, raw: unknown) {
  authorize(ctx, 'workspace:read');
  const p = parseInput(assessmentListSchema, { dir: 'desc', ...(raw as object) });
  const where: Prisma.AssessmentWhereInput = {
    workspaceId: ctx.workspaceId,
    deletedAt: p.deleted === 'only' ? { not: null } : null,
    ...(p.actor ? { actorId: p.actor } : {}),
    ...(p.issue ? { issueId: p.issue } : {}),
    ...(p.source ? { sourceId: p.source } : {}),
    ...(p.confidence ? { confidence: p.confidence } : {}),
    ...(p.from || p.to
      ? { stanceDate: { ...(p.from ? { gte: new Date(`${p.from}T00:00:00Z`) } : {}), ...(p.to ? { lte: new Date(`${p.to}T00:00:00Z`) } : {}) } }
      : {}),
    ...(p.q ? { OR: [{ quote: { contains: p.q, mode: 'insensitive' } }, { rationale: { contains: p.q, mode: 'insensitive' } }] } : {}),
  };
  const [items, total] = await Promise.all([
    db().assessment.findMany({
      where,
      orderBy: [{ [p.sort]: p.dir }, { id: 'asc' }],
      skip: (p.page - 1) * p.pageSize,
      take: p.pageSize,
      include: {
        actor: { select: { id: true, name: true } },
        issue: { select: { id: true, title: true } },
        source: { select: { id: true, title: true, outlet: true, reliability: true } },
      },
    }),
    db().assessment.count({ where }),
  ]);
  return { params: p, ...toPage(items, total, p.page, p.pageSize) };
}

export async function getAssessment(ctx: Ctx, id: string) {
  authorize(ctx, 'workspace:read');
  if (!z.uuid().safeParse(id).success) throw notFound('Assessment');
  const row = await db().assessment.findFirst({
    where: { id, workspaceId: ctx.workspaceId },
    include: {
      actor: { select: { id: true, name: true } },
      issue: { select: { id: true, title: true, anchors: true } },
      source: { select: { id: true, title: true, outlet: true, reliability: true, publishedAt: true } },
    },
  });
  if (!row) throw notFound('Assessment');
  const recordedBy = await db().user.findUnique({ where: { id: row.recordedById }, select: { name: true } });
  return { ...row, issue: { ...row.issue, anchors: readAnchors(row.issue.anchors) }, recordedByName: recordedBy?.name ?? 'unknown' };
}

/** The revision history of an assessment, newest first, with editor names. */
export async function assessmentRevisions(ctx: Ctx, assessmentId: string) {
  authorize(ctx, 'workspace:read');
  const revisions = await db().assessmentRevision.findMany({
    where: { assessmentId, workspaceId: ctx.workspaceId },
    orderBy: { version: 'desc' },
  });
  const editors = await db().user.findMany({
    where: { id: { in: [...new Set(revisions.map((r) => r.editedById))] } },
    select: { id: true, name: true },
  });
  const names = new Map(editors.map((e) => [e.id, e.name]));
  return revisions.map((r) => ({
    ...r,
    editedByName: names.get(r.editedById) ?? 'unknown',
    changes: r.changes as Record<string, { from: unknown; to: unknown }>,
  }));
}
