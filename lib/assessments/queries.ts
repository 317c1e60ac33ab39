import { z } from 'zod';
import { authorize, type Ctx } from '../auth/context';
import { db, readDb } from '../db';
import { notFound } from '../errors';
import type { Prisma } from '../generated/prisma/client';
import { Confidence } from '../generated/prisma/enums';
import { readAnchors } from '../issues/schema';
import { cursorListParams, type SortSpecs } from '../records/cursor';
import { parseListParams, runList, type ListFrom, type ListPage } from '../records/list';
import { isoDate } from '../validation';

export const ASSESSMENT_SORTS: SortSpecs<'stanceDate' | 'position' | 'createdAt' | 'updatedAt'> = {
  stanceDate: { type: 'date' },
  position: { type: 'number' },
  createdAt: { type: 'date' },
  updatedAt: { type: 'date' },
};

/** The assessment list's params, for the assessments page (read from the address bar) and GET /api/v1/assessments alike. */
export const assessmentListSchema = cursorListParams(['stanceDate', 'position', 'createdAt', 'updatedAt'] as const, 'stanceDate', 'desc').extend({
  actor: z.uuid({ error: 'actor must be an actor id' }).optional(),
  issue: z.uuid({ error: 'issue must be an issue id' }).optional(),
  source: z.uuid({ error: 'source must be a source id' }).optional(),
  confidence: z.enum(Confidence, { error: 'confidence must be one of: LOW, MODERATE, HIGH' }).optional(),
  from: isoDate('from').optional(),
  to: isoDate('to').optional(),
});
export type AssessmentListParams = z.output<typeof assessmentListSchema>;

export function assessmentWhere(workspaceId: string, p: AssessmentListParams): Prisma.AssessmentWhereInput {
  return {
    workspaceId,
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
}

const assessmentPageInclude = {
  actor: { select: { id: true, name: true } },
  issue: { select: { id: true, title: true } },
  source: { select: { id: true, title: true, outlet: true, reliability: true } },
} satisfies Prisma.AssessmentInclude;

type Assessment = Prisma.AssessmentGetPayload<object>;
type AssessmentListed = Prisma.AssessmentGetPayload<{ include: typeof assessmentPageInclude }>;

/** The page view carries the actor, issue and source it shows; the API view the bare rows. */
export function listAssessments(ctx: Ctx, raw: unknown, from: 'api'): Promise<ListPage<Assessment, AssessmentListParams>>;
export function listAssessments(ctx: Ctx, raw: unknown, from?: 'page'): Promise<ListPage<AssessmentListed, AssessmentListParams>>;
export async function listAssessments(ctx: Ctx, raw: unknown, from: ListFrom = 'page') {
  authorize(ctx, 'workspace:read');
  const p = parseListParams(assessmentListSchema, raw, from);
  return runList(
    p,
    from,
    ASSESSMENT_SORTS,
    assessmentWhere(ctx.workspaceId, p),
    (args) => readDb(ctx).assessment.findMany({ ...(args as Prisma.AssessmentFindManyArgs), ...(from === 'page' ? { include: assessmentPageInclude } : {}) }),
    // Capped (runList): an exact count of a large match (a common word in ten years of quotes) costs
    // more than the page itself. The pager says "more than" at the cap.
    (args) => readDb(ctx).assessment.count(args as Prisma.AssessmentCountArgs),
  );
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
  // Changes of actor, issue or source are stored as ids; show them by name.
  const refIds = new Set<string>();
  for (const r of revisions) {
    for (const field of ['actorId', 'issueId', 'sourceId']) {
      const change = (r.changes as Record<string, { from: unknown; to: unknown } | undefined>)[field];
      for (const v of [change?.from, change?.to]) if (typeof v === 'string') refIds.add(v);
    }
  }
  const ids = [...refIds];
  const where = { id: { in: ids }, workspaceId: ctx.workspaceId };
  const [actors, issues, sources] = ids.length
    ? await Promise.all([
        db().actor.findMany({ where, select: { id: true, name: true } }),
        db().issue.findMany({ where, select: { id: true, title: true } }),
        db().source.findMany({ where, select: { id: true, title: true } }),
      ])
    : [[], [], []];
  const refNames = new Map<string, string>([
    ...actors.map((a) => [a.id, a.name] as const),
    ...issues.map((i) => [i.id, i.title] as const),
    ...sources.map((s) => [s.id, s.title] as const),
  ]);
  const label = (v: unknown) => (typeof v === 'string' && refNames.has(v) ? refNames.get(v) : v);
  return revisions.map((r) => ({
    ...r,
    editedByName: names.get(r.editedById) ?? 'unknown',
    changes: Object.fromEntries(
      Object.entries(r.changes as Record<string, { from: unknown; to: unknown }>).map(([field, c]) => [field, { from: label(c.from), to: label(c.to) }]),
    ),
  }));
}
