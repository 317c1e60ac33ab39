import { isoDay } from '@/lib/format';
import 'server-only';
import { authorize, type Ctx } from '../auth/context';
import { readDb } from '../db';
import { Prisma } from '../generated/prisma/client';
import type { ActorKind, Confidence, Reliability } from '../generated/prisma/enums';
import { ORIGIN_RULE } from './origins';
import { STANCE_WEIGHTS } from './weights';

// "Where an actor stands now": the one definition used by the dashboard, the actor page, the issue
// chart's "Latest" line and the scenario baseline.
//
//   Which readings: from each source, its latest live reading of the actor on the issue (latest stance
//   date up to the as-of day; on a tie, the one recorded last). Readings of deleted sources, actors or
//   issues do not count.
//   Weights: confidence (low 1, moderate 2, high 3) × source reliability (A 1.0 … E 0.2, F 0.3),
//   STANCE_WEIGHTS in lib/stance/weights.ts; sources sharing an origin share one weight (each reading's
//   weight divided by the number of sources with its origin: lib/stance/origins.ts). `origins: 'all'`
//   counts every source whole instead.
//   Figure: the weighted mean of those readings' positions.
//   As of: today for the dashboard, actor and issue pages; the scenario's as-of day for its baseline.
//
// Each source's latest reading is kept in "CurrentReading" by triggers on "Assessment" (migration
// 20261202100000_current_readings), and the figure itself per (workspace, issue, actor) in
// "CurrentPosition" by triggers on "CurrentReading" and "Source" (migration 20261202600000_current_positions),
// so "now" reads one row per actor and never scans every reading.

const weightList = (w: Record<string, number>) => Object.entries(w).map(([k, v]) => `${k.toLowerCase()} ${v}`).join(', ');

/** The definition in words, for the pages that show the figure. */
export function currentPositionDefinition(asOf?: string): string {
  return (
    `From each source, only its latest reading counts (the latest stance date${asOf ? ` up to ${asOf}` : ''}; on a tie, the one recorded last); ` +
    `those readings are averaged, each weighted by confidence (${weightList(STANCE_WEIGHTS.confidence)}) × source reliability (${Object.entries(STANCE_WEIGHTS.reliability)
      .map(([g, v]) => `${g} ${v.toFixed(1)}`)
      .join(', ')}). ${ORIGIN_RULE} Deleted readings and readings of deleted sources do not count.`
  );
}

export interface CurrentPosition {
  issueId: string;
  actorId: string;
  actorName: string;
  /** Weighted mean, across sources, of each source's latest reading. */
  position: number;
  /** Unweighted median, lowest and highest of those readings. */
  median: number;
  min: number;
  max: number;
  sources: number;
  /** Independent origins among those sources (each source without an origin is its own). */
  origins: number;
  /** Sum of those readings' weights (confidence × reliability, shared within an origin): how much evidence the figure rests on. */
  weight: number;
  /** How many actors have a position on this issue (all of them, also when only the top ones are returned). */
  actorsOnIssue: number;
  /** Latest and earliest stance date among those readings. */
  asOf: string;
  oldest: string;
}


/**
 * Where each actor stands now on each issue (optionally one issue or one actor), from the maintained
 * current positions. `topPerIssue` keeps, per issue, only the actors whose figure rests on the most
 * weight of evidence (ties by name); `actorsOnIssue` still counts them all.
 */
export async function currentPositions(
  ctx: Ctx,
  {
    issueId,
    actorId,
    topPerIssue,
    origins = 'independent',
  }: { issueId?: string; actorId?: string; topPerIssue?: number; origins?: 'independent' | 'all' } = {},
): Promise<CurrentPosition[]> {
  authorize(ctx, 'workspace:read');
  const where = [Prisma.sql`a."workspaceId" = ${ctx.workspaceId}::uuid`];
  if (issueId) where.push(Prisma.sql`a."issueId" = ${issueId}::uuid`);
  if (actorId) where.push(Prisma.sql`a."actorId" = ${actorId}::uuid`);
  const top = topPerIssue === undefined ? null : Math.max(1, Math.floor(topPerIssue));
  // The maintained table holds the default (origins shared); counting every source whole is the same
  // aggregate over the same current readings without the sharing, computed on request.
  const positions =
    origins === 'all'
      ? Prisma.sql`(
        SELECT c."workspaceId", c."issueId", c."actorId",
               sum(t * c."position") / sum(t)::float8 AS "position",
               percentile_cont(0.5) WITHIN GROUP (ORDER BY c."position") AS "median",
               min(c."position") AS "min", max(c."position") AS "max", count(*)::int AS "sources",
               count(DISTINCT coalesce("source_origin_key"(s."origin"), c."sourceId"::text))::int AS "origins",
               sum(t) / 10.0::float8 AS "weight", max(c."stanceDate") AS "asOf", min(c."stanceDate") AS "oldest"
        FROM "CurrentReading" c
        JOIN "Source" s ON s."id" = c."sourceId" AND s."workspaceId" = c."workspaceId" AND s."deletedAt" IS NULL
        CROSS JOIN LATERAL (SELECT "reading_weight_tenths"(c."confidence", s."reliability") AS t) w
        WHERE c."workspaceId" = ${ctx.workspaceId}::uuid
          ${issueId ? Prisma.sql`AND c."issueId" = ${issueId}::uuid` : Prisma.empty}
          ${actorId ? Prisma.sql`AND c."actorId" = ${actorId}::uuid` : Prisma.empty}
        GROUP BY c."workspaceId", c."issueId", c."actorId")`
      : Prisma.sql`"CurrentPosition"`;
  const rows = await readDb(ctx).$queryRaw<(Omit<CurrentPosition, 'asOf' | 'oldest'> & { asOf: Date; oldest: Date })[]>`
    SELECT "issueId", "actorId", "actorName", "position", "median", "min", "max", "sources", "origins", "weight", "asOf", "oldest", "actorsOnIssue"
    FROM (
      SELECT a."issueId", a."actorId", ac."name" AS "actorName", a."position", a."median", a."min", a."max", a."sources", a."origins", a."weight", a."asOf", a."oldest",
             count(*) OVER (PARTITION BY a."issueId")::int AS "actorsOnIssue",
             row_number() OVER (PARTITION BY a."issueId" ORDER BY a."weight" DESC, ac."name") AS "weightRank"
      FROM ${positions} a
      JOIN "Actor" ac ON ac."id" = a."actorId" AND ac."workspaceId" = a."workspaceId" AND ac."deletedAt" IS NULL
      JOIN "Issue" i ON i."id" = a."issueId" AND i."workspaceId" = a."workspaceId" AND i."deletedAt" IS NULL
      WHERE ${Prisma.join(where, ' AND ')}
    ) ranked
    ${top === null ? Prisma.empty : Prisma.sql`WHERE "weightRank" <= ${top}::int`}
    ORDER BY "issueId", "position", "actorName"`;
  return rows.map((r) => ({ ...r, asOf: isoDay(r.asOf), oldest: isoDay(r.oldest) }));
}

/** One source's latest reading of one actor, with what the scenario baseline shows of it. */
export interface CurrentReadingRow {
  assessmentId: string;
  actorId: string;
  sourceId: string;
  position: number;
  salience: number;
  capability: number | null;
  confidence: Confidence;
  credibility: number;
  stanceDate: Date;
  quote: string;
  sourceTitle: string;
  outlet: string;
  reliability: Reliability;
  /** The source's origin (lib/stance/origins.ts), null when it names none. */
  origin: string | null;
  actorName: string;
  actorKind: ActorKind;
  parentId: string | null;
}

/**
 * Each source's latest reading of each actor on an issue as of a day: the readings "where an actor
 * stands" is made of. From the maintained current readings when none of them is later than `asOf`
 * (always so for today); otherwise from the assessments, with the same rule.
 */
export async function currentReadings(ctx: Ctx, issueId: string, asOf: string): Promise<CurrentReadingRow[]> {
  authorize(ctx, 'workspace:read');
  const [{ latest } = { latest: null }] = await readDb(ctx).$queryRaw<{ latest: Date | null }[]>`
    SELECT max("stanceDate") AS latest FROM "CurrentReading" WHERE "workspaceId" = ${ctx.workspaceId}::uuid AND "issueId" = ${issueId}::uuid`;
  const fromSummary = latest === null || isoDay(latest) <= asOf;
  const chosen = fromSummary
    ? Prisma.sql`
      SELECT c."assessmentId" AS id FROM "CurrentReading" c
      WHERE c."workspaceId" = ${ctx.workspaceId}::uuid AND c."issueId" = ${issueId}::uuid`
    : Prisma.sql`
      SELECT DISTINCT ON (x."actorId", x."sourceId") x."id" FROM "Assessment" x
      WHERE x."workspaceId" = ${ctx.workspaceId}::uuid AND x."issueId" = ${issueId}::uuid AND x."deletedAt" IS NULL
        AND x."stanceDate" <= ${asOf}::date
      ORDER BY x."actorId", x."sourceId", x."stanceDate" DESC, x."createdAt" DESC, x."id" DESC`;
  return readDb(ctx).$queryRaw<CurrentReadingRow[]>`
    SELECT a.id AS "assessmentId", a."actorId", a."sourceId", a.position, a.salience, a.capability,
      a.confidence::text AS confidence, a.credibility, a."stanceDate", a.quote,
      s.title AS "sourceTitle", s.outlet, s.reliability::text AS reliability, s.origin,
      ac.name AS "actorName", ac.kind::text AS "actorKind", ac."parentId"
    FROM (${chosen}) chosen
    JOIN "Assessment" a ON a.id = chosen.id
    JOIN "Actor" ac ON ac.id = a."actorId" AND ac."workspaceId" = a."workspaceId" AND ac."deletedAt" IS NULL
    JOIN "Source" s ON s.id = a."sourceId" AND s."workspaceId" = a."workspaceId" AND s."deletedAt" IS NULL
    ORDER BY a."actorId", a."sourceId"`;
}
