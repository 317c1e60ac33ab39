import 'server-only';
import type { Ctx } from '../auth/context';
import { invalid } from '../errors';
import { csvFileName, toCsv } from './csv';
import { actorProfile } from './actor-profile';
import { issueSpread, largestShifts, latestAssessments } from './dashboard';
import { sourceComparison } from './source-comparison';
import { stanceIssue, stanceSeries } from './series';
import { stanceReadings } from './readings';
import { aggregationLabel, sourceComparisonSchema, type StanceFilters } from './schema';
import { parseInput } from '../validation';

// The CSV behind every stance chart, built from the same lib/stance functions and filters as the
// pages. Each returns the file name and the text; app/api/stance/**/route.ts only add the HTTP.

export interface CsvFile {
  fileName: string;
  csv: string;
}

const round = (v: number | null | undefined, digits = 4) => (v === null || v === undefined ? null : Number(v.toFixed(digits)));

/** The lines of the issue chart: one row per actor and bucket, with every statistic. */
export async function issueSeriesCsv(ctx: Ctx, issueId: string, filters: StanceFilters): Promise<CsvFile> {
  const [{ issue }, result] = await Promise.all([stanceIssue(ctx, issueId), stanceSeries(ctx, issueId, filters, { allStatistics: true })]);
  const header = [
    'issue', 'actor', 'bucket_unit', 'bucket_start', 'bucket_end', 'line_statistic', 'line_value', 'readings', 'mean', 'median',
    'weighted_mean', 'weighted_median', 'sd_sample', 'sd_population', 'min', 'max', 'sources',
  ];
  const rows = result.series.flatMap((s) =>
    s.buckets.map((b) => [
      issue.title, s.actorName, result.bucketUnit, b.start, b.end, aggregationLabel(filters), round(b.value), b.n, round(b.mean), round(b.median),
      round(b.weightedMean), round(b.weightedMedian), round(b.sdSample), round(b.sdPopulation), b.min, b.max,
      b.sourceIds.map((id) => result.sources[id]?.outlet ?? id).join('; '),
    ]),
  );
  return { fileName: csvFileName(issue.title, 'stance-lines'), csv: toCsv(header, rows) };
}

/** Every reading that matches the filters (not thinned), oldest first. */
export async function issueReadingsCsv(ctx: Ctx, issueId: string, filters: StanceFilters): Promise<CsvFile> {
  const [{ issue }, readings] = await Promise.all([stanceIssue(ctx, issueId), stanceReadings(ctx, issueId, filters)]);
  const header = [
    'issue', 'stance_date', 'actor', 'position', 'salience', 'capability', 'confidence', 'credibility', 'source', 'outlet', 'source_kind',
    'source_reliability', 'source_published', 'source_origin', 'analyst', 'weight', 'quote', 'rationale',
  ];
  const rows = readings.rows.map((r) => [
    issue.title, r.date, r.actor, r.position, r.salience, r.capability, r.confidence, r.credibility, r.source_title, r.source_outlet, r.source_kind,
    r.reliability, r.published_at, r.source_origin ?? '', r.analyst, r.weight, r.quote, r.rationale,
  ]);
  return { fileName: csvFileName(issue.title, 'readings'), csv: toCsv(header, rows) };
}

export async function sourceComparisonCsv(ctx: Ctx, issueId: string, raw: unknown): Promise<CsvFile> {
  const { actor, asOf } = parseInput(sourceComparisonSchema, raw);
  const c = await sourceComparison(ctx, actor, issueId, { asOf });
  const header = ['issue', 'actor', 'as_of', 'source', 'outlet', 'source_kind', 'source_reliability', 'source_origin', 'sources_sharing_origin', 'position', 'stance_date', 'confidence', 'credibility', 'analyst', 'readings_from_source', 'quote'];
  const rows: (string | number | null)[][] = c.placements.map((p) => [
    c.issue.title, c.actor.name, asOf ?? '', p.title, p.outlet, p.kind, p.reliability, p.origin ?? '', p.sharingOrigin, p.position, p.stanceDate, p.confidence, p.credibility, p.analyst, p.readings, p.quote,
  ]);
  const s = c.stats;
  rows.push([], ['statistic', 'value'], ['n (sources)', s.n], ['mean', round(s.mean)], ['median', round(s.median)], ['sd_sample (n-1)', round(s.sdSample)], ['sd_population (n)', round(s.sdPopulation)], ['min', s.min], ['max', s.max], ['range', s.range]);
  return { fileName: csvFileName(c.issue.title, c.actor.name, 'sources'), csv: toCsv(header, rows) };
}

export async function actorProfileCsv(ctx: Ctx, actorId: string, table: string): Promise<CsvFile> {
  const profile = await actorProfile(ctx, actorId);
  if (table === 'positions') {
    const header = ['actor', 'issue', 'position_mean_of_sources', 'median', 'min', 'max', 'sources', 'latest_stance_date', 'oldest_stance_date'];
    const rows = profile.issues
      .filter((i) => i.current)
      .map(({ issue, current }) => [profile.actor.name, issue.title, round(current!.position), round(current!.median), current!.min, current!.max, current!.sources, current!.asOf, current!.oldest]);
    return { fileName: csvFileName(profile.actor.name, 'positions'), csv: toCsv(header, rows) };
  }
  if (table === 'series') {
    const header = ['actor', 'issue', 'bucket_unit', 'bucket_start', 'bucket_end', 'mean', 'median', 'readings', 'sd_sample', 'min', 'max'];
    const rows = profile.issues.flatMap(({ issue, bucketUnit, series }) =>
      series.buckets.map((b) => [profile.actor.name, issue.title, bucketUnit, b.start, b.end, round(b.mean), round(b.median), b.n, round(b.sdSample), b.min, b.max]),
    );
    return { fileName: csvFileName(profile.actor.name, 'stance-over-time'), csv: toCsv(header, rows) };
  }
  throw invalid({ table: ['Choose positions or series'] });
}

export async function dashboardCsv(ctx: Ctx, table: string, { since }: { since?: string } = {}): Promise<CsvFile> {
  if (table === 'shifts') {
    const shifts = await largestShifts(ctx, { since, limit: 100 });
    const header = ['actor', 'issue', 'from_date', 'to_date', 'from_position', 'to_position', 'change', 'sources_before', 'sources_after'];
    const rows = shifts.map((s) => [
      s.actorName, s.issueTitle, s.fromDate, s.toDate, round(s.from), round(s.to), round(s.delta),
      s.fromSources.map((x) => x.outlet).join('; '), s.toSources.map((x) => x.outlet).join('; '),
    ]);
    return { fileName: csvFileName('largest-shifts', since ? `since-${since}` : 'all-time'), csv: toCsv(header, rows) };
  }
  if (table === 'spread') {
    const spread = await issueSpread(ctx);
    const header = ['issue', 'actor', 'position_mean_of_sources', 'median', 'min', 'max', 'sources', 'latest_stance_date', 'oldest_stance_date'];
    const rows = spread.flatMap(({ issue, actors }) =>
      actors.map((a) => [issue.title, a.actorName, round(a.position), round(a.median), a.min, a.max, a.sources, a.asOf, a.oldest]),
    );
    return { fileName: csvFileName('current-positions'), csv: toCsv(header, rows) };
  }
  if (table === 'latest') {
    const latest = await latestAssessments(ctx, 100);
    const header = ['recorded_at', 'actor', 'issue', 'position', 'stance_date', 'confidence', 'source', 'outlet', 'source_reliability', 'analyst', 'quote'];
    const rows = latest.map((a) => [
      a.createdAt.toISOString(), a.actor.name, a.issue.title, a.position, a.stanceDate, a.confidence, a.source.title, a.source.outlet, a.source.reliability, a.analyst, a.quote,
    ]);
    return { fileName: csvFileName('latest-assessments'), csv: toCsv(header, rows) };
  }
  throw invalid({ table: ['Choose shifts, spread or latest'] });
}
