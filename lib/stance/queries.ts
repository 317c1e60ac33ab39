import 'server-only';
import { z } from 'zod';
import { authorize, type Ctx } from '../auth/context';
import { cachedStatement } from './chart-cache';
import { readDb } from '../db';
import { notFound } from '../errors';
import { Prisma } from '../generated/prisma/client';
import { readAnchors, type Anchor } from '../issues/schema';
import { withFilterDefaults, type BucketChoice, type BucketUnit, type StanceFilters, type StanceFiltersInput } from './schema';
import { readingScope, weightTenthsSql } from './sql';
import { currentPositions } from './current-position';
import { sharedOrigins } from './origins';
import {
  MAX_BUCKETS_PER_SERIES,
  MAX_LINE_POINTS_PER_CHART,
  MAX_READINGS_PER_CHART,
  MIN_BUCKETS_PER_SERIES,
  type ConfidenceLevel,
  type ReliabilityGrade,
  type SourceKindCode,
} from './weights';

// Read side of the stance dashboard. Every function takes the caller's Ctx, checks 'workspace:read',
// scopes by ctx.workspaceId and leaves out soft-deleted assessments, actors, sources and issues.
// Aggregation and thinning happen in PostgreSQL: a chart gets at most MAX_LINE_POINTS_PER_CHART line
// points and MAX_READINGS_PER_CHART readings in total (lib/stance/weights.ts), whatever the size of the data.

// ----------------------------------------------------------------------------------------------
// Types
// ----------------------------------------------------------------------------------------------

export type { Anchor } from '../issues/schema';

export interface StanceIssue {
  id: string;
  title: string;
  description: string;
  anchors: Anchor[];
}

export interface StanceSource {
  id: string;
  title: string;
  outlet: string;
  kind: SourceKindCode;
  reliability: ReliabilityGrade;
  publishedAt: string;
}

/** One bucket of one actor's line. `value` is the statistic the filters chose (mean/median, weighted or not). */
export interface StanceBucket {
  /** First day of the bucket, YYYY-MM-DD. */
  start: string;
  /** First day after the bucket. */
  end: string;
  n: number;
  value: number;
  mean: number;
  median: number;
  weightedMean: number;
  /** Computed only when the line shows it, or when all statistics are asked for (CSV export). */
  weightedMedian: number | null;
  /** Sample standard deviation (n − 1); null for a single reading. */
  sdSample: number | null;
  sdPopulation: number;
  min: number;
  max: number;
  /** The bucket's sources: all of them for the CSV (allStatistics), else at most MAX_SOURCES_PER_BUCKET. */
  sourceIds: string[];
  sourceCount: number;
}

export interface StanceReading {
  id: string;
  date: string;
  position: number;
  sourceId: string;
  analyst: string | null;
  confidence: ConfidenceLevel;
  reliability: ReliabilityGrade;
  credibility: number;
}

export interface StanceSeries {
  issueId: string;
  actorId: string;
  actorName: string;
  /** The actor's style (colour, marker, dash) in every chart: see actorStyleIndexes. */
  styleIndex: number;
  /** Readings that match the filters. */
  total: number;
  /** Readings sent (after thinning). */
  shown: number;
  thinned: boolean;
  buckets: StanceBucket[];
  readings: StanceReading[];
}

export interface StanceSeriesResult {
  filters: StanceFilters;
  bucketRequested: BucketChoice;
  /** The unit used; coarser than requested when the requested one would exceed MAX_BUCKETS_PER_SERIES. */
  bucketUnit: BucketUnit;
  series: StanceSeries[];
  sources: Record<string, StanceSource>;
  /** Reading markers the whole chart may send (shared by its series). */
  maxReadings: number;
}

// ----------------------------------------------------------------------------------------------
// Helpers
// ----------------------------------------------------------------------------------------------

const isUuid = (id: string) => z.uuid().safeParse(id).success;

/** lcm(1..12): weights shared by up to 12 sources of one origin stay whole numbers. */
const ORIGIN_SCALE = 27720;

/** The issue's anchors, ascending (lib/issues' reading); a scale with unreadable anchors falls back to its two ends. */
export function parseAnchors(raw: unknown): Anchor[] {
  const anchors = readAnchors(raw);
  return anchors.length ? anchors : [{ value: 0, label: '0' }, { value: 100, label: '100' }];
}

const BUCKET_RANK: Record<BucketChoice, number> = { auto: 0, day: 0, week: 1, month: 2 };

export function bucketEnd(start: string, unit: BucketUnit): string {
  const d = new Date(`${start}T00:00:00Z`);
  if (unit === 'day') d.setUTCDate(d.getUTCDate() + 1);
  else if (unit === 'week') d.setUTCDate(d.getUTCDate() + 7);
  else if (unit === 'month') d.setUTCMonth(d.getUTCMonth() + 1);
  else d.setUTCFullYear(d.getUTCFullYear() + 1);
  return d.toISOString().slice(0, 10);
}

function pickValue(b: { mean: number; median: number; wmean: number; wmedian: number | null }, f: StanceFilters): number {
  if (f.agg === 'median') return f.weighted ? (b.wmedian ?? b.median) : b.median;
  return f.weighted ? b.wmean : b.mean;
}

/**
 * Each actor's place in the chart palette (components/charts/palette.ts), the same on every page and
 * under every filter: its rank in the order the workspace's actors were created (deleted ones
 * included), so an actor keeps its colour and marker when others are added, filtered out or deleted.
 */
export async function actorStyleIndexes(ctx: Ctx): Promise<Map<string, number>> {
  authorize(ctx, 'workspace:read');
  const rows = await readDb(ctx).$queryRaw<{ id: string; i: number }[]>`
    SELECT "id", (row_number() OVER (ORDER BY "createdAt", "id") - 1)::int AS i FROM "Actor" WHERE "workspaceId" = ${ctx.workspaceId}::uuid`;
  return new Map(rows.map((r) => [r.id, r.i]));
}

/** A chart's bucket names a few of its sources (the tooltip); the CSV of the lines names them all. */
const MAX_SOURCES_PER_BUCKET = 5;

const isoDay = (d: Date | string) => (typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10));

// ----------------------------------------------------------------------------------------------
// Stance over time
// ----------------------------------------------------------------------------------------------

interface SeriesRow {
  issues_found: number;
  units: { issueId: string; unit: BucketUnit }[];
  series: { issueId: string; actorId: string; actorName: string; total: number }[];
  buckets: {
    issueId: string; actorId: string; start: string; n: number; mean: number; median: number; wmean: number; wmedian: number | null;
    sdSample: number | null; sdPopulation: number; min: number; max: number; sourceIds: string[]; sourceCount: number;
  }[];
  readings: (StanceReading & { issueId: string; actorId: string })[];
  sources: StanceSource[];
}

/**
 * The one SQL statement behind every stance chart. Per (issue, actor): bucketed aggregates (mean,
 * median, weighted mean and median, SDs, min, max, n, sources) and the readings thinned M4-style
 * (lib/stance/thinning.ts describes the rule; the CTEs `sliced` … `kept` implement it).
 */
export function seriesStatement(
  ctx: Ctx,
  {
    issueIds,
    actorIds,
    filters,
    maxPoints,
    withAllStatistics = false,
  }: { issueIds: string[] | null; actorIds: string[] | null; filters: StanceFilters; maxPoints: number; withAllStatistics?: boolean },
): Prisma.Sql {
  const maxBuckets = MAX_BUCKETS_PER_SERIES;
  const rank = BUCKET_RANK[filters.bucket];
  const withWeightedMedian = withAllStatistics || (filters.agg === 'median' && filters.weighted);
  const shareOrigins = filters.origins !== 'all';
  const issuesFound = issueIds
    ? Prisma.sql`(SELECT count(*)::int FROM "Issue" WHERE "id" = ANY(${issueIds}::uuid[]) AND "workspaceId" = ${ctx.workspaceId}::uuid AND "deletedAt" IS NULL)`
    : Prisma.sql`0`;
  return Prisma.sql`
    WITH base AS (
      SELECT a."id", a."issueId", a."actorId", a."sourceId", a."position", a."stanceDate", ${weightTenthsSql()} AS t,
             ${shareOrigins ? Prisma.sql`"source_origin_key"(s."origin")` : Prisma.sql`NULL::text`} AS g
      ${readingScope(ctx, { issueIds, actorIds, filters })}
    ),
    span AS (
      SELECT "issueId", min("stanceDate") AS lo, max("stanceDate") AS hi FROM base GROUP BY "issueId"
    ),
    totals AS (
      SELECT "issueId", "actorId", count(*)::int AS total FROM base GROUP BY "issueId", "actorId"
    ),
    budget AS (
      -- The chart's budgets are shared by all its lines: each line gets an equal part of the line
      -- points and of the reading points (at least 4: a slice's first, last, lowest and highest).
      SELECT least(${maxBuckets}::int, greatest(${MIN_BUCKETS_PER_SERIES}::int, ${MAX_LINE_POINTS_PER_CHART}::int / greatest(count(*), 1)::int)) AS buckets,
             greatest(4, ${maxPoints}::int / greatest(count(*), 1)::int / 4 * 4) AS points
      FROM totals
    ),
    unit AS (
      -- The requested unit, or the next coarser one while a line would have too many buckets.
      SELECT "issueId",
        CASE
          WHEN ${rank}::int <= 0 AND (hi - lo + 1) <= bg.buckets THEN 'day'
          WHEN ${rank}::int <= 1 AND ((date_trunc('week', hi::timestamp)::date - date_trunc('week', lo::timestamp)::date) / 7 + 1) <= bg.buckets THEN 'week'
          WHEN ${rank}::int <= 2 AND ((extract(year FROM hi) - extract(year FROM lo)) * 12 + extract(month FROM hi) - extract(month FROM lo) + 1) <= bg.buckets THEN 'month'
          ELSE 'year'
        END AS unit
      FROM span CROSS JOIN budget bg
    ),
    dated AS (
      SELECT b.*, date_trunc(u.unit, b."stanceDate"::timestamp)::date AS bucket
      FROM base b JOIN unit u ON u."issueId" = b."issueId"
    ),
    ${
      shareOrigins
        ? Prisma.sql`
    shared AS (
      -- Sources sharing an origin share one weight within the bucket (lib/stance/origins.ts): the
      -- number of distinct sources per origin. Weights are scaled by ORIGIN_SCALE (divisible by
      -- every group size up to 12) so that shares stay exact for the weighted median's tie rule.
      SELECT "issueId", "actorId", bucket, g, count(DISTINCT "sourceId") AS n FROM dated WHERE g IS NOT NULL GROUP BY 1, 2, 3, 4
    ),
    bucketed AS (
      SELECT d."id", d."issueId", d."actorId", d."sourceId", d."position", d."stanceDate", d.bucket,
             (d.t * ${ORIGIN_SCALE}::int)::numeric / coalesce(sh.n, 1) AS w
      FROM dated d LEFT JOIN shared sh ON d.g IS NOT NULL AND sh."issueId" = d."issueId" AND sh."actorId" = d."actorId" AND sh.bucket = d.bucket AND sh.g = d.g
    ),`
        : Prisma.sql`
    bucketed AS (SELECT d."id", d."issueId", d."actorId", d."sourceId", d."position", d."stanceDate", d.bucket, d.t AS w FROM dated d),`
    }
    cumulated AS (
      -- Running weight in position order, for the weighted median (an extra sort: only when it is shown).
      SELECT bk.*, ${
        withWeightedMedian
          ? Prisma.sql`sum(w) OVER (PARTITION BY "issueId", "actorId", bucket ORDER BY "position", "id" ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS cumw,
                       sum(w) OVER (PARTITION BY "issueId", "actorId", bucket) AS totw`
          : Prisma.sql`NULL::numeric AS cumw, NULL::numeric AS totw`
      }
      FROM bucketed bk
    ),
    agg AS (
      SELECT "issueId", "actorId", bucket,
        count(*)::int AS n,
        avg("position") AS mean,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY "position") AS median,
        sum(w::float8 * "position") / sum(w)::float8 AS wmean,
        -- Weighted median: the position where the running weight reaches half the total; when it
        -- lands exactly on half, the midpoint of that position and the next (so equal weights give
        -- the ordinary median).
        (min("position") FILTER (WHERE 2 * cumw >= totw) + min("position") FILTER (WHERE 2 * cumw > totw)) / 2 AS wmedian,
        stddev_samp("position") AS sd_samp,
        stddev_pop("position") AS sd_pop,
        min("position") AS lo,
        max("position") AS hi,
        ${withAllStatistics ? Prisma.sql`array_agg(DISTINCT "sourceId")` : Prisma.sql`(array_agg(DISTINCT "sourceId"))[1:${MAX_SOURCES_PER_BUCKET}::int]`} AS sources,
        count(DISTINCT "sourceId")::int AS nsources
      FROM cumulated
      GROUP BY "issueId", "actorId", bucket
    ),
    sliced AS (
      -- Time slices share the issue's date range, so every actor is cut at the same dates (M4's pixel
      -- columns). Series at or under the limit are not thinned: they form one slice, all kept.
      SELECT b."id", b."issueId", b."actorId", b."position", b."stanceDate",
        CASE WHEN t.total <= bg.points THEN -1
             ELSE floor((b."stanceDate" - sp.lo)::float8 * (bg.points / 4) / (sp.hi - sp.lo + 1))::int END AS slice
      FROM base b
      CROSS JOIN budget bg
      JOIN span sp ON sp."issueId" = b."issueId"
      JOIN totals t ON t."issueId" = b."issueId" AND t."actorId" = b."actorId"
    ),
    ordered AS (
      -- One sort, in date order within each slice; the slice's lowest and highest position come from
      -- frame-less windows over the same partition (no second sort).
      SELECT "id", "issueId", "actorId", "position", slice,
        row_number() OVER (PARTITION BY "issueId", "actorId", slice ORDER BY "stanceDate", "id") AS rn,
        count(*) OVER sl AS cnt, min("position") OVER sl AS pmin, max("position") OVER sl AS pmax
      FROM sliced
      WINDOW sl AS (PARTITION BY "issueId", "actorId", slice)
    ),
    marked AS (
      -- M4: keep the first, the last, the (earliest) lowest and the (earliest) highest reading of each slice.
      SELECT "id", slice, rn, cnt,
        min(rn) FILTER (WHERE "position" = pmin) OVER sl AS rn_min,
        min(rn) FILTER (WHERE "position" = pmax) OVER sl AS rn_max
      FROM ordered
      WINDOW sl AS (PARTITION BY "issueId", "actorId", slice)
    ),
    kept AS (
      SELECT "id" FROM marked WHERE slice = -1 OR rn = 1 OR rn = cnt OR rn = rn_min OR rn = rn_max
    )
    SELECT
      ${issuesFound} AS issues_found,
      (SELECT coalesce(json_agg(json_build_object('issueId', "issueId", 'unit', unit)), '[]'::json) FROM unit) AS units,
      (SELECT coalesce(json_agg(json_build_object('issueId', t."issueId", 'actorId', t."actorId", 'actorName', ac."name", 'total', t.total)
                                ORDER BY ac."name", t."actorId", t."issueId"), '[]'::json)
         FROM totals t JOIN "Actor" ac ON ac."id" = t."actorId") AS series,
      (SELECT coalesce(json_agg(json_build_object(
                'issueId', "issueId", 'actorId', "actorId", 'start', bucket, 'n', n, 'mean', mean, 'median', median,
                'wmean', wmean, 'wmedian', wmedian, 'sdSample', sd_samp, 'sdPopulation', sd_pop, 'min', lo, 'max', hi,
                'sourceIds', sources, 'sourceCount', nsources) ORDER BY "issueId", "actorId", bucket), '[]'::json)
         FROM agg) AS buckets,
      (SELECT coalesce(json_agg(json_build_object(
                'issueId', a."issueId", 'actorId', a."actorId", 'id', a."id", 'date', a."stanceDate", 'position', a."position",
                'sourceId', a."sourceId", 'analyst', u."name", 'confidence', a."confidence"::text,
                'reliability', s."reliability"::text, 'credibility', a."credibility")
                ORDER BY a."issueId", a."actorId", a."stanceDate", a."id"), '[]'::json)
         FROM kept k
         JOIN "Assessment" a ON a."id" = k."id"
         JOIN "Source" s ON s."id" = a."sourceId"
         LEFT JOIN "User" u ON u."id" = a."recordedById") AS readings,
      (SELECT coalesce(json_agg(json_build_object('id', s."id", 'title', s."title", 'outlet', s."outlet", 'kind', s."kind"::text,
                'reliability', s."reliability"::text, 'publishedAt', s."publishedAt") ORDER BY s."outlet", s."title"), '[]'::json)
         FROM "Source" s WHERE s."id" IN (SELECT DISTINCT "sourceId" FROM base)) AS sources`;
}

const seriesRowCost = (row: SeriesRow) => row.series.length + row.buckets.length + row.readings.length + row.sources.length;

async function querySeries(
  ctx: Ctx,
  options: { issueIds: string[] | null; actorIds: string[] | null; filters: StanceFilters; maxPoints: number; withAllStatistics?: boolean },
) {
  const { filters } = options;
  const [row, styles] = await Promise.all([
    cachedStatement<SeriesRow>(readDb(ctx), { workspaceId: ctx.workspaceId, issueIds: options.issueIds }, seriesStatement(ctx, options), seriesRowCost),
    actorStyleIndexes(ctx),
  ]);

  const units = new Map(row.units.map((u) => [u.issueId, u.unit]));
  const key = (issueId: string, actorId: string) => `${issueId}|${actorId}`;
  const series = new Map<string, StanceSeries>();
  for (const s of row.series) {
    series.set(key(s.issueId, s.actorId), { ...s, styleIndex: styles.get(s.actorId) ?? 0, shown: 0, thinned: false, buckets: [], readings: [] });
  }
  for (const b of row.buckets) {
    const unit = units.get(b.issueId) ?? 'day';
    series.get(key(b.issueId, b.actorId))?.buckets.push({
      start: b.start,
      end: bucketEnd(b.start, unit),
      n: b.n,
      value: pickValue(b, filters),
      mean: b.mean,
      median: b.median,
      weightedMean: b.wmean,
      weightedMedian: b.wmedian,
      sdSample: b.sdSample,
      sdPopulation: b.sdPopulation,
      min: b.min,
      max: b.max,
      sourceIds: b.sourceIds,
      sourceCount: b.sourceCount,
    });
  }
  for (const { issueId, actorId, ...reading } of row.readings) series.get(key(issueId, actorId))?.readings.push(reading);
  // Sources of a bucket in the order of the source list (by outlet), not in uuid order.
  const sourceRank = new Map(row.sources.map((src, i) => [src.id, i]));
  for (const s of series.values()) for (const b of s.buckets) b.sourceIds = [...b.sourceIds].sort((x, y) => (sourceRank.get(x) ?? 0) - (sourceRank.get(y) ?? 0));
  for (const s of series.values()) {
    s.shown = s.readings.length;
    s.thinned = s.shown < s.total;
  }
  return {
    issuesFound: row.issues_found,
    units,
    series: [...series.values()],
    sources: Object.fromEntries(row.sources.map((s) => [s.id, { ...s, publishedAt: isoDay(s.publishedAt) }])),
  };
}

/**
 * Stance over time on one issue: one series per actor, bucketed by stance date, with the readings
 * thinned to at most `maxPoints` in total (shared by the series). One SQL statement.
 */
export async function stanceSeries(
  ctx: Ctx,
  issueId: string,
  filtersInput: StanceFiltersInput = {},
  { maxPoints = MAX_READINGS_PER_CHART, allStatistics = false }: { maxPoints?: number; allStatistics?: boolean } = {},
): Promise<StanceSeriesResult> {
  authorize(ctx, 'workspace:read');
  if (!isUuid(issueId)) throw notFound('Issue');
  const filters = withFilterDefaults(filtersInput);
  const result = await querySeries(ctx, {
    issueIds: [issueId],
    actorIds: null,
    filters,
    maxPoints: Math.max(4, Math.min(maxPoints, MAX_READINGS_PER_CHART)),
    withAllStatistics: allStatistics,
  });
  if (result.issuesFound === 0) throw notFound('Issue');
  return {
    filters,
    bucketRequested: filters.bucket,
    bucketUnit: result.units.get(issueId) ?? (filters.bucket === 'auto' ? 'day' : filters.bucket),
    series: result.series,
    sources: result.sources,
    maxReadings: maxPoints,
  };
}

/**
 * The issue a stance page is about, with the actors and sources that have live readings on it (for the
 * filters). A soft-deleted issue is returned with its `deletedAt` (so its page can offer Restore); its
 * readings are not (stanceSeries answers NOT_FOUND for it).
 */
export async function stanceIssue(ctx: Ctx, issueId: string) {
  authorize(ctx, 'workspace:read');
  if (!isUuid(issueId)) throw notFound('Issue');
  const issue = await readDb(ctx).issue.findFirst({
    where: { id: issueId, workspaceId: ctx.workspaceId },
    select: { id: true, title: true, description: true, anchors: true, deletedAt: true },
  });
  if (!issue) throw notFound('Issue');
  // From the maintained current readings (one row per live issue × actor × source), not the readings.
  const [actors, sources] = await Promise.all([
    readDb(ctx).$queryRaw<{ id: string; name: string }[]>`
      SELECT ac."id", ac."name" FROM "Actor" ac
      WHERE ac."workspaceId" = ${ctx.workspaceId}::uuid AND ac."deletedAt" IS NULL
        AND ac."id" IN (SELECT c."actorId" FROM "CurrentReading" c JOIN "Source" s ON s."id" = c."sourceId" AND s."deletedAt" IS NULL
                        WHERE c."workspaceId" = ${ctx.workspaceId}::uuid AND c."issueId" = ${issueId}::uuid)
      ORDER BY ac."name"`,
    readDb(ctx).$queryRaw<{ id: string; title: string; outlet: string; kind: SourceKindCode; reliability: ReliabilityGrade }[]>`
      SELECT s."id", s."title", s."outlet", s."kind"::text AS kind, s."reliability"::text AS reliability FROM "Source" s
      WHERE s."workspaceId" = ${ctx.workspaceId}::uuid AND s."deletedAt" IS NULL
        AND s."id" IN (SELECT c."sourceId" FROM "CurrentReading" c JOIN "Actor" ac ON ac."id" = c."actorId" AND ac."deletedAt" IS NULL
                       WHERE c."workspaceId" = ${ctx.workspaceId}::uuid AND c."issueId" = ${issueId}::uuid)
      ORDER BY s."outlet", s."title"`,
  ]);
  return { issue: { ...issue, anchors: parseAnchors(issue.anchors) } satisfies StanceIssue, actors, sources };
}

/** Where a page of readings starts: after this (stance date, id), in the order of stanceReadings. */
export interface ReadingsCursor {
  date: string;
  id: string;
}

/** A cursor from its URL form `YYYY-MM-DD_<uuid>`; anything else starts at the first page. */
export function parseReadingsCursor(raw: unknown): ReadingsCursor | undefined {
  const m = typeof raw === 'string' ? /^(\d{4}-\d{2}-\d{2})_([0-9a-f-]{36})$/i.exec(raw) : null;
  return m && isUuid(m[2]!) && !Number.isNaN(Date.parse(m[1]!)) ? { date: m[1]!, id: m[2]! } : undefined;
}

export const formatReadingsCursor = (c: ReadingsCursor) => `${c.date}_${c.id}`;

/**
 * Matching readings on an issue, unthinned, oldest first (by stance date, then id): the CSV export
 * (up to `limit`) and the paged readings table (a page of `limit` after `after`, keyset-paged so that
 * any page costs the same).
 */
export async function stanceReadings(
  ctx: Ctx,
  issueId: string,
  filtersInput: StanceFiltersInput = {},
  { limit = 200_000, after }: { limit?: number; after?: ReadingsCursor } = {},
) {
  authorize(ctx, 'workspace:read');
  if (!isUuid(issueId)) throw notFound('Issue');
  const filters = withFilterDefaults(filtersInput);
  const rows = await readDb(ctx).$queryRaw<
    {
      id: string; date: Date; actor: string; position: number; salience: number; capability: number | null; confidence: ConfidenceLevel;
      credibility: number; source_title: string; source_outlet: string; source_kind: SourceKindCode; reliability: ReliabilityGrade;
      published_at: Date; source_origin: string | null; analyst: string | null; quote: string; rationale: string; weight10: number;
    }[]
  >`
    SELECT a."id", a."stanceDate" AS date, ac."name" AS actor, a."position", a."salience", a."capability",
           a."confidence"::text AS confidence, a."credibility", s."title" AS source_title, s."outlet" AS source_outlet,
           s."kind"::text AS source_kind, s."reliability"::text AS reliability, s."publishedAt" AS published_at, s."origin" AS source_origin,
           (SELECT u."name" FROM "User" u WHERE u."id" = a."recordedById") AS analyst, a."quote", a."rationale",
           ${weightTenthsSql()} AS weight10
    ${readingScope(ctx, { issueIds: [issueId], filters })}
    ${after ? Prisma.sql`AND (a."stanceDate", a."id") > (${after.date}::date, ${after.id}::uuid)` : Prisma.empty}
    ORDER BY a."stanceDate", a."id"
    LIMIT ${limit + 1}::int`;
  const page = rows.slice(0, limit).map((r) => ({ ...r, date: isoDay(r.date), published_at: isoDay(r.published_at), weight: r.weight10 / 10 }));
  const last = page[page.length - 1];
  return {
    filters,
    truncated: rows.length > limit,
    rows: page,
    next: rows.length > limit && last ? { date: last.date, id: last.id } : null,
  };
}

// ----------------------------------------------------------------------------------------------
// Shifts
// ----------------------------------------------------------------------------------------------

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

// ----------------------------------------------------------------------------------------------
// Latest assessments
// ----------------------------------------------------------------------------------------------

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

// ----------------------------------------------------------------------------------------------
// Current positions (spread)
// ----------------------------------------------------------------------------------------------

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

// ----------------------------------------------------------------------------------------------
// Actor profile
// ----------------------------------------------------------------------------------------------

/**
 * An actor's current position on every issue, its stance over time per issue (thinned to
 * `maxPoints` readings over all issues, for small multiples) and its stated interests.
 */
export async function actorProfile(ctx: Ctx, actorId: string, { maxPoints = MAX_READINGS_PER_CHART, filters: filtersInput = {} }: { maxPoints?: number; filters?: StanceFiltersInput } = {}) {
  authorize(ctx, 'workspace:read');
  if (!isUuid(actorId)) throw notFound('Actor');
  const actor = await readDb(ctx).actor.findFirst({ where: { id: actorId, workspaceId: ctx.workspaceId }, select: { id: true, name: true, deletedAt: true } });
  if (!actor) throw notFound('Actor');
  const filters = withFilterDefaults(filtersInput);
  const [positions, series, interests, issues] = await Promise.all([
    currentPositions(ctx, { actorId }),
    querySeries(ctx, { issueIds: null, actorIds: [actorId], filters, maxPoints: Math.min(maxPoints, MAX_READINGS_PER_CHART) }),
    readDb(ctx).statedInterest.findMany({
      where: { workspaceId: ctx.workspaceId, actorId, deletedAt: null, source: { deletedAt: null } },
      orderBy: [{ statedOn: 'desc' }, { createdAt: 'desc' }],
      select: { id: true, statedOn: true, quote: true, summary: true, source: { select: { id: true, title: true, outlet: true, reliability: true } } },
    }),
    readDb(ctx).issue.findMany({
      where: { workspaceId: ctx.workspaceId, deletedAt: null },
      select: { id: true, title: true, description: true, anchors: true },
      orderBy: { title: 'asc' },
    }),
  ]);
  const byIssue = new Map(series.series.map((s) => [s.issueId, s]));
  const styles = await actorStyleIndexes(ctx);
  return {
    actor: { ...actor, styleIndex: styles.get(actor.id) ?? 0 },
    filters,
    issues: issues
      .filter((issue) => byIssue.has(issue.id))
      .map((issue) => ({
        issue: { ...issue, anchors: parseAnchors(issue.anchors) } satisfies StanceIssue,
        current: positions.find((p) => p.issueId === issue.id) ?? null,
        bucketUnit: series.units.get(issue.id) ?? 'day',
        series: byIssue.get(issue.id)!,
      })),
    sources: series.sources,
    interests: interests.map((i) => ({ ...i, statedOn: isoDay(i.statedOn) })),
  };
}

// ----------------------------------------------------------------------------------------------
// Source comparison
// ----------------------------------------------------------------------------------------------

export interface SourcePlacement {
  assessmentId: string;
  sourceId: string;
  title: string;
  outlet: string;
  kind: SourceKindCode;
  reliability: ReliabilityGrade;
  position: number;
  stanceDate: string;
  confidence: ConfidenceLevel;
  credibility: number;
  analyst: string | null;
  quote: string;
  /** Readings from this source on this actor and issue up to the date (the latest is shown). */
  readings: number;
  /** The source's origin (lib/stance/origins.ts), null when it names none. */
  origin: string | null;
  /** Sources placed here that share this source's origin, itself included (1: independent). */
  sharingOrigin: number;
}

export interface SourceComparison {
  actor: { id: string; name: string };
  issue: { id: string; title: string };
  asOf: string | null;
  placements: SourcePlacement[];
  /** Groups of two or more placed sources with the same origin: in weighted figures each group counts once. */
  sharedOrigins: { origin: string; sourceIds: string[] }[];
  stats: {
    n: number;
    mean: number | null;
    median: number | null;
    /** Sample SD (n − 1), the one displayed, as expert surveys such as Chapel Hill report expert disagreement. */
    sdSample: number | null;
    sdPopulation: number | null;
    min: number | null;
    max: number | null;
    range: number | null;
  };
}

/** Where each source places an actor on an issue: its latest reading up to `asOf`, and the spread across sources. */
export async function sourceComparison(ctx: Ctx, actorId: string, issueId: string, { asOf }: { asOf?: string } = {}): Promise<SourceComparison> {
  authorize(ctx, 'workspace:read');
  if (!isUuid(actorId)) throw notFound('Actor');
  if (!isUuid(issueId)) throw notFound('Issue');
  const [row] = await readDb(ctx).$queryRaw<
    {
      actor: { id: string; name: string } | null;
      issue: { id: string; title: string } | null;
      placements: (Omit<SourcePlacement, 'stanceDate' | 'sharingOrigin'> & { stanceDate: string })[];
      stats: SourceComparison['stats'];
    }[]
  >`
    WITH scoped AS (
      SELECT a."id", a."sourceId", a."position", a."stanceDate", a."createdAt", a."confidence", a."credibility", a."quote", a."recordedById"
      ${readingScope(ctx, { issueIds: [issueId], actorIds: [actorId], asOf })}
    ),
    latest AS (
      SELECT DISTINCT ON ("sourceId") * FROM scoped ORDER BY "sourceId", "stanceDate" DESC, "createdAt" DESC, "id" DESC
    ),
    counts AS (SELECT "sourceId", count(*)::int AS n FROM scoped GROUP BY "sourceId")
    SELECT
      (SELECT json_build_object('id', "id", 'name', "name") FROM "Actor"
        WHERE "id" = ${actorId}::uuid AND "workspaceId" = ${ctx.workspaceId}::uuid AND "deletedAt" IS NULL) AS actor,
      (SELECT json_build_object('id', "id", 'title', "title") FROM "Issue"
        WHERE "id" = ${issueId}::uuid AND "workspaceId" = ${ctx.workspaceId}::uuid AND "deletedAt" IS NULL) AS issue,
      (SELECT coalesce(json_agg(json_build_object(
                'assessmentId', l."id", 'sourceId', l."sourceId", 'title', s."title", 'outlet', s."outlet", 'kind', s."kind"::text,
                'reliability', s."reliability"::text, 'position', l."position", 'stanceDate', l."stanceDate",
                'confidence', l."confidence"::text, 'credibility', l."credibility", 'analyst', u."name", 'quote', l."quote",
                'readings', c.n, 'origin', s."origin") ORDER BY l."position", s."outlet", s."title"), '[]'::json)
         FROM latest l JOIN "Source" s ON s."id" = l."sourceId" JOIN counts c ON c."sourceId" = l."sourceId"
         LEFT JOIN "User" u ON u."id" = l."recordedById") AS placements,
      (SELECT json_build_object('n', count(*)::int, 'mean', avg("position"),
                'median', percentile_cont(0.5) WITHIN GROUP (ORDER BY "position"),
                'sdSample', stddev_samp("position"), 'sdPopulation', stddev_pop("position"),
                'min', min("position"), 'max', max("position"), 'range', max("position") - min("position"))
         FROM latest) AS stats`;
  if (!row?.actor) throw notFound('Actor');
  if (!row.issue) throw notFound('Issue');
  const groups = sharedOrigins(row.placements);
  const placements = row.placements.map((p) => ({ ...p, sharingOrigin: groups.find((g) => g.sourceIds.includes(p.sourceId))?.sourceIds.length ?? 1 }));
  return { actor: row.actor, issue: row.issue, asOf: asOf ?? null, placements, sharedOrigins: groups, stats: row.stats };
}

// ----------------------------------------------------------------------------------------------
// One reading, on demand
// ----------------------------------------------------------------------------------------------

export interface ReadingDetail {
  id: string;
  quote: string;
  rationale: string;
}

/** What a chart leaves out of each reading marker (the quote and rationale), fetched when a reader points at it. */
export async function readingDetail(ctx: Ctx, id: string): Promise<ReadingDetail> {
  authorize(ctx, 'workspace:read');
  if (!isUuid(id)) throw notFound('Assessment');
  const row = await readDb(ctx).assessment.findFirst({
    where: { id, workspaceId: ctx.workspaceId, deletedAt: null, actor: { deletedAt: null }, issue: { deletedAt: null }, source: { deletedAt: null } },
    select: { id: true, quote: true, rationale: true },
  });
  if (!row) throw notFound('Assessment');
  return row;
}
