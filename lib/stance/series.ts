import 'server-only';
import { createHash } from 'node:crypto';
import { isUuid } from '../validation';
import { isoDay } from '../format';
import type { StanceIssue, StanceReading, StanceSeries, StanceSeriesResult, StanceSource, Anchor } from './types';
import { authorize, type Ctx } from '../auth/context';
import { actorLineVersions, cachedActorLines, cachedStatement } from './chart-cache';
import { readDb } from '../db';
import { notFound } from '../errors';
import { Prisma } from '../generated/prisma/client';
import { readAnchors } from '../issues/schema';
import { withFilterDefaults, type BucketChoice, type BucketUnit, type StanceFilters, type StanceFiltersInput } from './schema';
import { readingScope, weightTenthsSql } from './sql';
import { MAX_BUCKETS_PER_SERIES, MAX_LINE_POINTS_PER_CHART, MAX_READINGS_PER_CHART, MIN_BUCKETS_PER_SERIES, type ReliabilityGrade, type SourceKindCode } from './weights';

// Stance over time: the one chart statement behind the issue page, the actor page and the brief, and
// the issue a stance page is about. Every stance read takes the caller's Ctx, checks 'workspace:read',
// scopes by ctx.workspaceId and leaves out soft-deleted assessments, actors, sources and issues.
// Aggregation and thinning happen in PostgreSQL: a chart gets at most MAX_LINE_POINTS_PER_CHART line
// points and MAX_READINGS_PER_CHART readings in total (lib/stance/weights.ts), whatever the size of the data.

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
/**
 * What every line of one issue's chart shares, read before the lines themselves (lib/stance/chart-cache.ts
 * cachedActorLines): the issue's date range (the M4 slices of every line are cut at the same dates),
 * how many lines share the budgets, and the bucket unit.
 */
export interface ChartFrame {
  issueId: string;
  lo: string;
  hi: string;
  lines: number;
  unit: BucketUnit;
}

/**
 * The CTEs span, totals, budget and unit: the date range per issue, the readings per line, each line's
 * share of the chart's budgets, and the bucket unit per issue. Given a frame, the range, the number of
 * lines and the unit are the frame's (so a subset of the lines is computed exactly as in the whole chart).
 */
function frameCtes(filters: StanceFilters, maxPoints: number, frame?: ChartFrame): Prisma.Sql {
  const rank = BUCKET_RANK[filters.bucket];
  const lines = frame ? Prisma.sql`${frame.lines}::int` : Prisma.sql`greatest(count(*), 1)::int`;
  return Prisma.sql`
    span AS (
      ${
        frame
          ? Prisma.sql`SELECT ${frame.issueId}::uuid AS "issueId", ${frame.lo}::date AS lo, ${frame.hi}::date AS hi`
          : Prisma.sql`SELECT "issueId", min("stanceDate") AS lo, max("stanceDate") AS hi FROM base GROUP BY "issueId"`
      }
    ),
    totals AS (
      SELECT "issueId", "actorId", count(*)::int AS total FROM base GROUP BY "issueId", "actorId"
    ),
    budget AS (
      -- The chart's budgets are shared by all its lines: each line gets an equal part of the line
      -- points and of the reading points (at least 4: a slice's first, last, lowest and highest).
      SELECT least(${MAX_BUCKETS_PER_SERIES}::int, greatest(${MIN_BUCKETS_PER_SERIES}::int, ${MAX_LINE_POINTS_PER_CHART}::int / ${lines})) AS buckets,
             greatest(4, ${maxPoints}::int / ${lines} / 4 * 4) AS points
      ${frame ? Prisma.empty : Prisma.sql`FROM totals`}
    ),
    unit AS (
      ${
        frame
          ? Prisma.sql`SELECT ${frame.issueId}::uuid AS "issueId", ${frame.unit}::text AS unit`
          : Prisma.sql`
      -- The requested unit, or the next coarser one while a line would have too many buckets.
      SELECT "issueId",
        CASE
          WHEN ${rank}::int <= 0 AND (hi - lo + 1) <= bg.buckets THEN 'day'
          WHEN ${rank}::int <= 1 AND ((date_trunc('week', hi::timestamp)::date - date_trunc('week', lo::timestamp)::date) / 7 + 1) <= bg.buckets THEN 'week'
          WHEN ${rank}::int <= 2 AND ((extract(year FROM hi) - extract(year FROM lo)) * 12 + extract(month FROM hi) - extract(month FROM lo) + 1) <= bg.buckets THEN 'month'
          ELSE 'year'
        END AS unit
      FROM span CROSS JOIN budget bg`
      }
    )`;
}

function issuesFoundSql(ctx: Ctx, issueIds: string[] | null): Prisma.Sql {
  return issueIds
    ? Prisma.sql`(SELECT count(*)::int FROM "Issue" WHERE "id" = ANY(${issueIds}::uuid[]) AND "workspaceId" = ${ctx.workspaceId}::uuid AND "deletedAt" IS NULL)`
    : Prisma.sql`0`;
}

/** The chart's sources (for tooltips and the source list), by outlet and title. */
const chartSourcesSql = Prisma.sql`(SELECT coalesce(json_agg(json_build_object('id', s."id", 'title', s."title", 'outlet', s."outlet", 'kind', s."kind"::text,
                'reliability', s."reliability"::text, 'publishedAt', s."publishedAt") ORDER BY s."outlet", s."title"), '[]'::json)
         FROM "Source" s WHERE s."id" IN (SELECT DISTINCT "sourceId" FROM base))`;

/** One actor's readings on an issue under the chart's filters: what the chart's frame is made of. */
interface LineStats {
  actorId: string;
  lo: string;
  hi: string;
  total: number;
  sourceIds: string[];
}

/** Per actor of `actorIds`: date range, number of readings and sources on the issue, under the filters. */
export function lineStatsStatement(ctx: Ctx, issueId: string, actorIds: string[], filters: StanceFilters): Prisma.Sql {
  return Prisma.sql`
    WITH base AS (
      SELECT a."actorId", a."sourceId", a."stanceDate"
      ${readingScope(ctx, { issueIds: [issueId], actorIds, filters })}
    )
    SELECT coalesce(json_agg(json_build_object('actorId', "actorId", 'lo', lo, 'hi', hi, 'total', total, 'sourceIds', sources)), '[]'::json) AS stats
    FROM (SELECT "actorId", min("stanceDate")::text AS lo, max("stanceDate")::text AS hi, count(*)::int AS total, array_agg(DISTINCT "sourceId") AS sources
          FROM base GROUP BY "actorId") x`;
}

const DAY_MS = 86_400_000;
const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
/** Monday of the ISO week of `iso`, as a day number (date_trunc('week', …) in SQL). */
const weekStart = (iso: string) => {
  const n = dayNumber(iso);
  return n - ((new Date(n * DAY_MS).getUTCDay() + 6) % 7);
};

/**
 * The bucket unit of a chart of `lines` lines over lo…hi: the requested unit, or the next coarser one
 * while a line would have too many buckets. The same rule as the unit CTE of frameCtes.
 */
export function chartUnit(bucket: BucketChoice, lo: string, hi: string, lines: number): BucketUnit {
  const buckets = Math.min(MAX_BUCKETS_PER_SERIES, Math.max(MIN_BUCKETS_PER_SERIES, Math.floor(MAX_LINE_POINTS_PER_CHART / Math.max(lines, 1))));
  const rank = BUCKET_RANK[bucket];
  const [loYear, loMonth] = [Number(lo.slice(0, 4)), Number(lo.slice(5, 7))];
  const [hiYear, hiMonth] = [Number(hi.slice(0, 4)), Number(hi.slice(5, 7))];
  if (rank <= 0 && dayNumber(hi) - dayNumber(lo) + 1 <= buckets) return 'day';
  if (rank <= 1 && Math.trunc((weekStart(hi) - weekStart(lo)) / 7) + 1 <= buckets) return 'week';
  if (rank <= 2 && (hiYear - loYear) * 12 + hiMonth - loMonth + 1 <= buckets) return 'month';
  return 'year';
}

export function seriesStatement(
  ctx: Ctx,
  {
    issueIds,
    actorIds,
    filters,
    maxPoints,
    withAllStatistics = false,
    frame,
  }: { issueIds: string[] | null; actorIds: string[] | null; filters: StanceFilters; maxPoints: number; withAllStatistics?: boolean; frame?: ChartFrame },
): Prisma.Sql {
  const withWeightedMedian = withAllStatistics || (filters.agg === 'median' && filters.weighted);
  const shareOrigins = filters.origins !== 'all';
  return Prisma.sql`
    WITH base AS (
      SELECT a."id", a."issueId", a."actorId", a."sourceId", a."position", a."stanceDate", ${weightTenthsSql()} AS t,
             ${shareOrigins ? Prisma.sql`"source_origin_key"(s."origin")` : Prisma.sql`NULL::text`} AS g
      ${readingScope(ctx, { issueIds, actorIds, filters })}
    ),
    ${frameCtes(filters, maxPoints, frame)},
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
      ${frame ? Prisma.sql`0` : issuesFoundSql(ctx, issueIds)} AS issues_found,
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
      ${frame ? Prisma.sql`'[]'::json` : chartSourcesSql} AS sources`;
}

const seriesRowCost = (row: SeriesRow) => row.series.length + row.buckets.length + row.readings.length + row.sources.length;

type SeriesOptions = { issueIds: string[] | null; actorIds: string[] | null; filters: StanceFilters; maxPoints: number; withAllStatistics?: boolean };
type ActorLine = Pick<SeriesRow, 'series' | 'buckets' | 'readings'>;
const NO_LINE: ActorLine = { series: [], buckets: [], readings: [] };
const NIL_UUID = '00000000-0000-0000-0000-000000000000';

/**
 * One issue's chart statement result, assembled from one line per actor, each reused until that
 * actor's readings change (cachedActorLines): the same rows as seriesStatement over the whole issue
 * (tests/integration/stance-chart-cache.test.ts compares them), at the cost of the changed lines only.
 * The lines share a frame (the issue's date range, the number of lines, the bucket unit), made here
 * from each actor's cached statistics; when it changes (a reading outside the range, a first reading
 * of another actor) every line is computed again.
 */
async function issueSeriesRow(ctx: Ctx, issueId: string, options: SeriesOptions): Promise<SeriesRow> {
  const { filters } = options;
  const conn = readDb(ctx);
  // The actors with live readings on the issue, in the order of the chart's lines (by name), from the
  // maintained current readings (one row per live issue × actor × source).
  const [head] = await conn.$queryRaw<{ found: number; actors: string[] }[]>`
    SELECT (SELECT count(*)::int FROM "Issue" WHERE "id" = ${issueId}::uuid AND "workspaceId" = ${ctx.workspaceId}::uuid AND "deletedAt" IS NULL) AS found,
      (SELECT coalesce(json_agg(ac."id" ORDER BY ac."name", ac."id"), '[]'::json) FROM "Actor" ac
        WHERE ac."workspaceId" = ${ctx.workspaceId}::uuid AND ac."deletedAt" IS NULL
          AND ac."id" IN (SELECT c."actorId" FROM "CurrentReading" c JOIN "Source" s ON s."id" = c."sourceId" AND s."deletedAt" IS NULL
                          WHERE c."workspaceId" = ${ctx.workspaceId}::uuid AND c."issueId" = ${issueId}::uuid)) AS actors`;
  const empty: SeriesRow = { issues_found: head?.found ?? 0, units: [], series: [], buckets: [], readings: [], sources: [] };
  if (!head?.found || !head.actors.length) return empty;
  const versions = await actorLineVersions(ctx, issueId, head.actors);
  const statsTemplate = lineStatsStatement(ctx, issueId, [NIL_UUID], filters);
  const statsKey = createHash('sha256').update(statsTemplate.text).update(JSON.stringify(statsTemplate.values)).digest('base64url');
  const stats = await cachedActorLines<LineStats | null>(
    ctx,
    issueId,
    head.actors,
    (actorId) => `stance-stats:${statsKey}:${actorId}`,
    async (missing) => {
      const [row] = await conn.$queryRaw<{ stats: LineStats[] }[]>(lineStatsStatement(ctx, issueId, missing, filters));
      return new Map((row?.stats ?? []).map((x) => [x.actorId, x]));
    },
    { cost: (x) => 1 + (x?.sourceIds.length ?? 0), empty: null, versions },
  );
  const drawn = head.actors.map((id) => stats.get(id)).filter((x): x is LineStats => Boolean(x && x.total > 0));
  if (!drawn.length) return empty;
  const lo = drawn.reduce((m, x) => (x.lo < m ? x.lo : m), drawn[0]!.lo);
  const hi = drawn.reduce((m, x) => (x.hi > m ? x.hi : m), drawn[0]!.hi);
  const unit = chartUnit(filters.bucket, lo, hi, drawn.length);
  const frame: ChartFrame = { issueId, lo, hi, lines: drawn.length, unit };
  // A line's key is its statement (with the actor left out): whatever the statement depends on is in
  // it, and filters it does not depend on (the aggregate shown, picked in pickValue) share the line.
  const template = seriesStatement(ctx, { ...options, issueIds: [issueId], actorIds: [NIL_UUID], frame });
  const lineKey = createHash('sha256').update(template.text).update(JSON.stringify(template.values)).digest('base64url');
  const sourceIds = [...new Set(drawn.flatMap((x) => x.sourceIds))];
  const [lines, sources] = await Promise.all([
    cachedActorLines<ActorLine>(
      ctx,
      issueId,
      drawn.map((x) => x.actorId),
      (actorId) => `stance-line:${lineKey}:${actorId}`,
      async (missing) => {
        const [row] = await conn.$queryRaw<SeriesRow[]>(seriesStatement(ctx, { ...options, issueIds: [issueId], actorIds: missing, frame }));
        const byActor = new Map<string, ActorLine>(missing.map((id) => [id, { series: [], buckets: [], readings: [] }]));
        for (const x of row?.series ?? []) byActor.get(x.actorId)?.series.push(x);
        for (const x of row?.buckets ?? []) byActor.get(x.actorId)?.buckets.push(x);
        for (const x of row?.readings ?? []) byActor.get(x.actorId)?.readings.push(x);
        return byActor;
      },
      { cost: (line) => line.series.length + line.buckets.length + line.readings.length, empty: NO_LINE, versions },
    ),
    conn.$queryRaw<StanceSource[]>`
      SELECT s."id", s."title", s."outlet", s."kind"::text AS kind, s."reliability"::text AS reliability, s."publishedAt" FROM "Source" s
      WHERE s."id" = ANY(${sourceIds}::uuid[]) AND s."workspaceId" = ${ctx.workspaceId}::uuid ORDER BY s."outlet", s."title"`,
  ]);
  const ordered = drawn.map((x) => lines.get(x.actorId) ?? NO_LINE);
  return {
    issues_found: head.found,
    units: [{ issueId, unit }],
    series: ordered.flatMap((l) => l.series),
    buckets: ordered.flatMap((l) => l.buckets),
    readings: ordered.flatMap((l) => l.readings),
    sources,
  };
}

export async function querySeries(ctx: Ctx, options: SeriesOptions) {
  authorize(ctx, 'workspace:read');
  const { filters } = options;
  const singleIssue = options.issueIds?.length === 1 && options.actorIds === null ? options.issueIds[0]! : null;
  const [row, styles] = await Promise.all([
    singleIssue
      ? issueSeriesRow(ctx, singleIssue, options)
      : cachedStatement<SeriesRow>(ctx, options.issueIds, seriesStatement(ctx, options), seriesRowCost),
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
    styles,
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
