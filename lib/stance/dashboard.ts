import 'server-only';
import { isUuid } from '../validation';
import { isoDay } from '../format';
import type { StanceIssue } from './types';
import { authorize, type Ctx } from '../auth/context';
import { actorStyleIndexes, parseAnchors } from './series';
import { readDb } from '../db';
import { notFound } from '../errors';
import { Prisma } from '../generated/prisma/client';
import { currentPositions } from './current-position';

// The dashboard's lists: largest shifts, latest assessments, where each actor stands on each issue.
// Like every stance read: the caller's Ctx, 'workspace:read', scoped to the workspace, soft-deleted
// records left out.

export interface StanceShift {
  issueId: string;
  issueTitle: string;
  actorId: string;
  actorName: string;
  fromDate: string;
  toDate: string;
  from: number;
  to: number;
  delta: number;
  fromSources: { id: string; outlet: string; title: string }[];
  toSources: { id: string; outlet: string; title: string }[];
}

/**
 * The largest moves: per actor and issue, the mean position in its latest bucket minus the mean in
 * the bucket before, sorted by the size of the move. `since` keeps moves whose latest bucket starts on
 * or after that day ("what changed this week"); unchanged positions are not shifts and are left out.
 */
export async function largestShifts(
  ctx: Ctx,
  { since, limit = 10, bucket = 'day', issueId }: { since?: string; limit?: number; bucket?: 'day' | 'week' | 'month'; issueId?: string } = {},
): Promise<StanceShift[]> {
  authorize(ctx, 'workspace:read');
  if (issueId !== undefined && !isUuid(issueId)) throw notFound('Issue');
  const unit = (['day', 'week', 'month'] as const).includes(bucket) ? bucket : 'day';
  const take = Math.max(1, Math.min(100, Math.floor(limit)));
  const ws = ctx.workspaceId;
  // Live readings of one actor on one issue (alias a), for the probes below.
  const live = (issue: Prisma.Sql, actor: Prisma.Sql) => Prisma.sql`
      FROM "Assessment" a JOIN "Source" s ON s."id" = a."sourceId" AND s."deletedAt" IS NULL
      WHERE a."workspaceId" = ${ws}::uuid AND a."issueId" = ${issue} AND a."actorId" = ${actor} AND a."deletedAt" IS NULL`;
  const rows = await readDb(ctx).$queryRaw<(Omit<StanceShift, 'fromDate' | 'toDate'> & { fromDate: Date; toDate: Date })[]>`
    WITH latest AS (
      -- Every (issue, actor) pair with live readings and the stance date of its latest one: the
      -- maintained current positions (lib/stance/current-position.ts) hold exactly that, one row per pair.
      SELECT p."issueId", p."actorId", date_trunc(${unit}, p."asOf"::timestamp)::date AS cur_start
      FROM "CurrentPosition" p
      JOIN "Actor" ac ON ac."id" = p."actorId" AND ac."workspaceId" = p."workspaceId" AND ac."deletedAt" IS NULL
      JOIN "Issue" i ON i."id" = p."issueId" AND i."workspaceId" = p."workspaceId" AND i."deletedAt" IS NULL
      WHERE p."workspaceId" = ${ws}::uuid
      ${issueId ? Prisma.sql`AND p."issueId" = ${issueId}::uuid` : Prisma.empty}
      ${since ? Prisma.sql`AND p."asOf" >= date_trunc(${unit}, ${since}::date::timestamp)::date` : Prisma.empty}
    ),
    previous AS (
      SELECT c.*, date_trunc(${unit}, l.d::timestamp)::date AS prev_start
      FROM latest c
      CROSS JOIN LATERAL (
        SELECT a."stanceDate" AS d ${live(Prisma.sql`c."issueId"`, Prisma.sql`c."actorId"`)} AND a."stanceDate" < c.cur_start
        ORDER BY a."stanceDate" DESC LIMIT 1
      ) l
    ),
    shifts AS (
      -- The previous bucket is the latest before the current one, so every reading from its start on
      -- is in one of the two.
      SELECT pr."issueId", pr."actorId", pr.prev_start AS from_date, pr.cur_start AS to_date,
             avg(a."position") FILTER (WHERE a."stanceDate" < pr.cur_start) AS from_v,
             avg(a."position") FILTER (WHERE a."stanceDate" >= pr.cur_start) AS to_v,
             array_agg(DISTINCT a."sourceId") FILTER (WHERE a."stanceDate" < pr.cur_start) AS from_sources,
             array_agg(DISTINCT a."sourceId") FILTER (WHERE a."stanceDate" >= pr.cur_start) AS to_sources
      FROM previous pr
      CROSS JOIN LATERAL (SELECT a."position", a."stanceDate", a."sourceId" ${live(Prisma.sql`pr."issueId"`, Prisma.sql`pr."actorId"`)}
                          AND a."stanceDate" >= pr.prev_start) a
      GROUP BY pr."issueId", pr."actorId", pr.prev_start, pr.cur_start
    ),
    top AS (
      SELECT *, to_v - from_v AS delta FROM shifts
      WHERE abs(to_v - from_v) > 1e-9
      ORDER BY abs(to_v - from_v) DESC, to_date DESC, "actorId"
      LIMIT ${take}::int
    )
    SELECT t."issueId", i."title" AS "issueTitle", t."actorId", ac."name" AS "actorName",
           t.from_date AS "fromDate", t.to_date AS "toDate", t.from_v AS "from", t.to_v AS "to", t.delta,
           (SELECT coalesce(json_agg(json_build_object('id', s."id", 'outlet', s."outlet", 'title', s."title") ORDER BY s."outlet"), '[]'::json)
              FROM "Source" s WHERE s."id" = ANY(t.from_sources)) AS "fromSources",
           (SELECT coalesce(json_agg(json_build_object('id', s."id", 'outlet', s."outlet", 'title', s."title") ORDER BY s."outlet"), '[]'::json)
              FROM "Source" s WHERE s."id" = ANY(t.to_sources)) AS "toSources"
    FROM top t JOIN "Issue" i ON i."id" = t."issueId" JOIN "Actor" ac ON ac."id" = t."actorId"
    ORDER BY abs(t.delta) DESC, t.to_date DESC, ac."name"`;
  return rows.map((r) => ({ ...r, fromDate: isoDay(r.fromDate), toDate: isoDay(r.toDate) }));
}

/** The most recently recorded live assessments, newest first. */
export async function latestAssessments(ctx: Ctx, limit = 10) {
  authorize(ctx, 'workspace:read');
  const rows = await readDb(ctx).assessment.findMany({
    where: {
      workspaceId: ctx.workspaceId,
      deletedAt: null,
      actor: { deletedAt: null },
      issue: { deletedAt: null },
      source: { deletedAt: null },
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: Math.max(1, Math.min(100, Math.floor(limit))),
    select: {
      id: true,
      position: true,
      stanceDate: true,
      confidence: true,
      createdAt: true,
      quote: true,
      recordedById: true,
      actor: { select: { id: true, name: true } },
      issue: { select: { id: true, title: true } },
      source: { select: { id: true, title: true, outlet: true, reliability: true } },
    },
  });
  const users = await readDb(ctx).user.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.recordedById))] } }, select: { id: true, name: true } });
  const names = new Map(users.map((u) => [u.id, u.name]));
  return rows.map(({ recordedById, stanceDate, ...r }) => ({ ...r, stanceDate: isoDay(stanceDate), analyst: names.get(recordedById) ?? null }));
}

/**
 * For each live issue, where each actor stands now (lib/stance/current-position.ts, with the min-max
 * across sources). Issues without readings are included, with no actors. `topPerIssue` keeps the
 * actors with the most weight of evidence per issue; `actorCount` counts them all.
 */
export async function issueSpread(ctx: Ctx, { topPerIssue }: { topPerIssue?: number } = {}) {
  authorize(ctx, 'workspace:read');
  const [issues, positions, styles] = await Promise.all([
    readDb(ctx).issue.findMany({
      where: { workspaceId: ctx.workspaceId, deletedAt: null },
      select: { id: true, title: true, description: true, anchors: true },
      orderBy: { title: 'asc' },
    }),
    currentPositions(ctx, { topPerIssue }),
    actorStyleIndexes(ctx),
  ]);
  const byIssue = new Map<string, typeof positions>();
  for (const p of positions) byIssue.set(p.issueId, [...(byIssue.get(p.issueId) ?? []), p]);
  return issues.map((issue) => {
    const actors = (byIssue.get(issue.id) ?? []).map((p) => ({ ...p, styleIndex: styles.get(p.actorId) ?? 0 }));
    return { issue: { ...issue, anchors: parseAnchors(issue.anchors) } satisfies StanceIssue, actors, actorCount: actors[0]?.actorsOnIssue ?? 0 };
  });
}

