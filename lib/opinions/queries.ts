import { isUuid } from '@/lib/validation';
import { authorize, type Ctx } from '../auth/context';
import { db } from '../db';
import { notFound } from '../errors';
import type { OpinionStance } from '../generated/prisma/enums';
import { undisputedSql } from './sql';


export interface OpinionDistribution {
  total: number;
  counts: Record<OpinionStance, number>;
  /** The positions colleagues gave (opinions without one are left out) against the assessment's. */
  positions: {
    n: number;
    mean: number | null;
    median: number | null;
    min: number | null;
    max: number | null;
    /** Sample SD (n − 1), as the source comparison reports disagreement. */
    sd: number | null;
    /** Mean of (colleague's position − assessment's position): the side colleagues lean to. */
    meanDifference: number | null;
    /** Largest distance of a colleague's position from the assessment's. */
    maxDistance: number | null;
  };
}

/** The live opinions of an assessment, oldest first, with their authors' names. */
export async function listOpinions(ctx: Ctx, assessmentId: string) {
  authorize(ctx, 'workspace:read');
  if (!isUuid(assessmentId)) throw notFound('Assessment');
  const rows = await db().assessmentOpinion.findMany({
    where: { assessmentId, workspaceId: ctx.workspaceId, deletedAt: null },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  const authors = await db().user.findMany({ where: { id: { in: rows.map((r) => r.authorId) } }, select: { id: true, name: true } });
  const names = new Map(authors.map((a) => [a.id, a.name]));
  return rows.map((r) => ({ ...r, authorName: names.get(r.authorId) ?? 'a former member' }));
}

/** One opinion (deleted ones too, with deletedAt), for the API. */
export async function getOpinion(ctx: Ctx, id: string) {
  authorize(ctx, 'workspace:read');
  if (!isUuid(id)) throw notFound('Opinion');
  const row = await db().assessmentOpinion.findFirst({ where: { id, workspaceId: ctx.workspaceId } });
  if (!row) throw notFound('Opinion');
  return row;
}

/** How colleagues' opinions of one assessment are distributed: counts per stance and the spread of their positions. */
export async function opinionDistribution(ctx: Ctx, assessmentId: string): Promise<OpinionDistribution> {
  authorize(ctx, 'workspace:read');
  if (!isUuid(assessmentId)) throw notFound('Assessment');
  const [row] = await db().$queryRaw<(OpinionDistribution['positions'] & { found: boolean; total: number; agree: number; partly: number; disagree: number })[]>`
    SELECT (a."id" IS NOT NULL) AS found,
           count(o."id")::int AS total,
           (count(*) FILTER (WHERE o."stance" = 'AGREE'))::int AS agree,
           (count(*) FILTER (WHERE o."stance" = 'PARTLY_AGREE'))::int AS partly,
           (count(*) FILTER (WHERE o."stance" = 'DISAGREE'))::int AS disagree,
           count(o."position")::int AS n,
           avg(o."position") AS mean,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY o."position") AS median,
           min(o."position") AS min,
           max(o."position") AS max,
           stddev_samp(o."position") AS sd,
           avg(o."position" - a."position") AS "meanDifference",
           max(abs(o."position" - a."position")) AS "maxDistance"
      FROM (SELECT "id", "position", "workspaceId" FROM "Assessment" WHERE "id" = ${assessmentId}::uuid AND "workspaceId" = ${ctx.workspaceId}::uuid) a
      LEFT JOIN "AssessmentOpinion" o ON o."assessmentId" = a."id" AND o."workspaceId" = a."workspaceId" AND o."deletedAt" IS NULL
     GROUP BY a."id"`;
  if (!row?.found) throw notFound('Assessment');
  return {
    total: row.total,
    counts: { AGREE: row.agree, PARTLY_AGREE: row.partly, DISAGREE: row.disagree },
    positions: { n: row.n, mean: row.mean, median: row.median, min: row.min, max: row.max, sd: row.sd, meanDifference: row.meanDifference, maxDistance: row.maxDistance },
  };
}

/** Counts of live opinions per stance for each of the given assessments of the caller's workspace (absent: none). */
export async function opinionCounts(ctx: Ctx, assessmentIds: readonly string[]): Promise<Map<string, Record<OpinionStance, number>>> {
  authorize(ctx, 'workspace:read');
  const ids = assessmentIds.filter(isUuid);
  if (!ids.length) return new Map();
  const rows = await db().$queryRaw<{ assessmentId: string; agree: number; partly: number; disagree: number }[]>`
    SELECT "assessmentId",
           (count(*) FILTER (WHERE "stance" = 'AGREE'))::int AS agree,
           (count(*) FILTER (WHERE "stance" = 'PARTLY_AGREE'))::int AS partly,
           (count(*) FILTER (WHERE "stance" = 'DISAGREE'))::int AS disagree
      FROM "AssessmentOpinion"
     WHERE "workspaceId" = ${ctx.workspaceId}::uuid AND "assessmentId" = ANY(${ids}::uuid[]) AND "deletedAt" IS NULL
     GROUP BY "assessmentId"`;
  return new Map(rows.map((r) => [r.assessmentId, { AGREE: r.agree, PARTLY_AGREE: r.partly, DISAGREE: r.disagree }]));
}

/** The live assessments of an issue that are disputed (see lib/opinions/sql.ts). */
export async function disputedAssessmentIds(ctx: Ctx, issueId: string): Promise<string[]> {
  authorize(ctx, 'workspace:read');
  if (!isUuid(issueId)) throw notFound('Issue');
  const rows = await db().$queryRaw<{ id: string }[]>`
    SELECT a."id" FROM "Assessment" a
     WHERE a."workspaceId" = ${ctx.workspaceId}::uuid AND a."issueId" = ${issueId}::uuid AND a."deletedAt" IS NULL
       AND NOT ${undisputedSql('a')}
     ORDER BY a."id"`;
  return rows.map((r) => r.id);
}
