import { z } from 'zod';
import { isoDate } from '../validation';
import {
  CONFIDENCE_ORDER,
  RELIABILITY_ORDER,
  type ConfidenceLevel,
  type ReliabilityGrade,
  type SourceKindCode,
} from './weights';

// URL filters of the stance charts. They come from GET forms and bookmarks, so a value that does not
// parse is dropped (the chart shows everything for that filter) rather than failing the page, as the
// list pages do with their sort and page parameters.

const SOURCE_KINDS = ['NEWS', 'THINK_TANK', 'OFFICIAL_STATEMENT', 'INTERVIEW', 'SOCIAL_MEDIA', 'OTHER'] as const satisfies readonly SourceKindCode[];
export const BUCKETS = ['auto', 'day', 'week', 'month'] as const;
export const AGGREGATIONS = ['mean', 'median'] as const;
export const BANDS = ['range', 'sd', 'none'] as const;
export const ORIGIN_MODES = ['independent', 'all'] as const;

export type BucketChoice = (typeof BUCKETS)[number];
export type BucketUnit = 'day' | 'week' | 'month' | 'year';
export type Aggregation = (typeof AGGREGATIONS)[number];
export type Band = (typeof BANDS)[number];

const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : Array.isArray(v) ? v[0] : v);

/** A repeated parameter (`actor=…&actor=…`): invalid entries are dropped, duplicates removed. */
function list<T>(item: z.ZodType<T>, max: number) {
  return z
    .preprocess((v) => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(z.unknown()))
    .transform((values) => {
      const out: T[] = [];
      for (const value of values) {
        const parsed = item.safeParse(value);
        if (parsed.success && !out.includes(parsed.data)) out.push(parsed.data);
      }
      return out.slice(0, max);
    });
}

const optionalDate = (label: string) => z.preprocess(blankToUndefined, isoDate(label).optional()).catch(undefined);
const optionalEnum = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(blankToUndefined, z.enum(values).optional()).catch(undefined);
const withDefault = <const T extends readonly [string, ...string[]]>(values: T, fallback: T[number]) =>
  z.preprocess(blankToUndefined, z.enum(values).default(fallback)).catch(fallback);

export const stanceFiltersSchema = z
  .object({
    actor: list(z.uuid(), 100),
    source: list(z.uuid(), 200),
    kind: list(z.enum(SOURCE_KINDS), SOURCE_KINDS.length),
    from: optionalDate('From'),
    to: optionalDate('To'),
    confidence: optionalEnum(CONFIDENCE_ORDER as unknown as readonly [ConfidenceLevel, ...ConfidenceLevel[]]),
    reliability: optionalEnum(RELIABILITY_ORDER as unknown as readonly [ReliabilityGrade, ...ReliabilityGrade[]]),
    agg: withDefault(AGGREGATIONS, 'mean'),
    weighted: z.preprocess(blankToUndefined, z.enum(['0', '1']).default('0')).catch('0'),
    /** Leave out readings a colleague disagrees with (lib/opinions/sql.ts). */
    undisputed: z.preprocess(blankToUndefined, z.enum(['0', '1']).default('0')).catch('0'),
    /** Weighted figures: sources sharing an origin count once (default) or every source whole (lib/stance/origins.ts). */
    origins: withDefault(ORIGIN_MODES, 'independent'),
    bucket: withDefault(BUCKETS, 'auto'),
    band: withDefault(BANDS, 'range'),
    /** Dates to mark with a reference line (e.g. the day an agreement was signed). */
    mark: list(isoDate('Marked date'), 5),
  })
  .transform((p) => {
    // A reversed range is almost always a slip: read it the way round that makes sense.
    const [from, to] = p.from && p.to && p.from > p.to ? [p.to, p.from] : [p.from, p.to];
    return {
      actors: p.actor,
      sources: p.source,
      kinds: p.kind,
      from,
      to,
      minConfidence: p.confidence,
      minReliability: p.reliability,
      agg: p.agg,
      weighted: p.weighted === '1',
      undisputed: p.undisputed === '1',
      origins: p.origins,
      bucket: p.bucket,
      band: p.band,
      marks: p.mark,
    };
  });

export type StanceFilters = z.output<typeof stanceFiltersSchema>;
export type StanceFiltersInput = Partial<StanceFilters>;

export const DEFAULT_FILTERS: StanceFilters = stanceFiltersSchema.parse({});

/** Fills the defaults of a partial filter object (for callers in code rather than URLs). */
export function withFilterDefaults(input: StanceFiltersInput = {}): StanceFilters {
  return { ...DEFAULT_FILTERS, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) };
}

type RawParams = URLSearchParams | Record<string, string | string[] | undefined>;

/** Next's `searchParams` (or a URL's) as a plain object in which repeated keys stay arrays. */
export function rawSearchParams(params: RawParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  const entries: [string, string][] =
    params instanceof URLSearchParams
      ? [...params.entries()]
      : Object.entries(params).flatMap(([k, v]) => (v === undefined ? [] : Array.isArray(v) ? v.map((x) => [k, x] as [string, string]) : [[k, v] as [string, string]]));
  for (const [key, value] of entries) {
    const existing = out[key];
    if (existing === undefined) out[key] = value;
    else out[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return out;
}

export function parseStanceFilters(params: RawParams): StanceFilters {
  return stanceFiltersSchema.parse(rawSearchParams(params));
}

/** The query string that reproduces `filters` (defaults left out), for links and CSV exports. */
export function stanceFiltersQuery(filters: StanceFilters, extra: Record<string, string | undefined> = {}): string {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(extra)) if (value) q.set(key, value);
  for (const id of filters.actors) q.append('actor', id);
  for (const id of filters.sources) q.append('source', id);
  for (const kind of filters.kinds) q.append('kind', kind);
  if (filters.from) q.set('from', filters.from);
  if (filters.to) q.set('to', filters.to);
  if (filters.minConfidence) q.set('confidence', filters.minConfidence);
  if (filters.minReliability) q.set('reliability', filters.minReliability);
  if (filters.agg !== 'mean') q.set('agg', filters.agg);
  if (filters.weighted) q.set('weighted', '1');
  if (filters.undisputed) q.set('undisputed', '1');
  if (filters.origins !== 'independent') q.set('origins', filters.origins);
  if (filters.bucket !== 'auto') q.set('bucket', filters.bucket);
  if (filters.band !== 'range') q.set('band', filters.band);
  for (const mark of filters.marks) q.append('mark', mark);
  return q.toString();
}

/** Human description of the line's statistic, e.g. "Weighted median". */
export function aggregationLabel(filters: Pick<StanceFilters, 'agg' | 'weighted'>): string {
  const base = filters.agg === 'median' ? 'median' : 'mean';
  return filters.weighted ? `Weighted ${base}` : base[0]!.toUpperCase() + base.slice(1);
}

export const sourceComparisonSchema = z.object({
  actor: z.preprocess(blankToUndefined, z.uuid({ error: 'Choose an actor' })),
  asOf: optionalDate('As of'),
});

export const shiftsWindowSchema = z.preprocess(blankToUndefined, z.enum(['7', '30', '90', '365', 'all']).default('all')).catch('all');

export type ShiftsWindow = z.output<typeof shiftsWindowSchema>;

/** First day of a "last N days" window ending `today` (UTC), or undefined for all time. */
export function sinceFromWindow(window: ShiftsWindow, today: Date = new Date()): string | undefined {
  if (window === 'all') return undefined;
  const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
  d.setUTCDate(d.getUTCDate() - Number(window) + 1);
  return d.toISOString().slice(0, 10);
}

/** The applied filters in a few words, for the collapsed filter panel ("Actors: Russia, Turkey · Weighted median · …"). */
export function describeFilters(
  f: StanceFilters,
  names: { actors: { id: string; name: string }[]; sources: { id: string; outlet: string }[] },
): string[] {
  const parts: string[] = [];
  const pick = <T extends { id: string }>(ids: string[], list: T[], label: (t: T) => string) =>
    ids.map((id) => list.find((x) => x.id === id)).filter((x): x is T => Boolean(x)).map(label).join(', ');
  if (f.actors.length) parts.push(`Actors: ${pick(f.actors, names.actors, (a) => a.name)}`);
  if (f.sources.length) parts.push(`Sources: ${pick(f.sources, names.sources, (s) => s.outlet)}`);
  if (f.kinds.length) parts.push(`Kinds: ${f.kinds.map((k) => k.toLowerCase().replace('_', ' ')).join(', ')}`);
  if (f.from || f.to) parts.push(`Stance dates ${f.from ?? '…'} to ${f.to ?? '…'}`);
  if (f.minConfidence) parts.push(`Confidence ≥ ${f.minConfidence.toLowerCase()}`);
  if (f.minReliability && f.minReliability !== 'F') parts.push(`Reliability A–${f.minReliability}`);
  if (f.agg !== 'mean' || f.weighted) parts.push(aggregationLabel(f));
  if (f.undisputed) parts.push('Undisputed readings only');
  if (f.origins === 'all') parts.push('Every source counted whole');
  if (f.bucket !== 'auto') parts.push(`By ${f.bucket}`);
  if (f.band !== 'range') parts.push(f.band === 'sd' ? 'Band ± 1 SD' : 'No band');
  if (f.marks.length) parts.push(`Marked ${f.marks.join(', ')}`);
  return parts;
}
