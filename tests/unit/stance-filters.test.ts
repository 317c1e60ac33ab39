import { describe, expect, it } from 'vitest';
import { timeTicks } from '@/components/charts/format';
import { seriesStyle } from '@/components/charts/palette';
import {
  DEFAULT_FILTERS,
  describeFilters,
  parseStanceFilters,
  sinceFromWindow,
  stanceFiltersQuery,
} from '@/lib/stance/schema';
import { thinSeries } from '@/lib/stance/thinning';
import { confidenceAtLeast, readingWeight, readingWeightTenths, reliabilityAtLeast, STANCE_WEIGHTS } from '@/lib/stance/weights';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';

describe('stance filters from the URL', () => {
  it('has defaults: every actor and source, mean, unweighted, sources sharing an origin counted once, automatic buckets, min-max band', () => {
    expect(DEFAULT_FILTERS).toEqual({
      actors: [], sources: [], kinds: [], from: undefined, to: undefined, minConfidence: undefined, minReliability: undefined,
      agg: 'mean', weighted: false, undisputed: false, origins: 'independent', bucket: 'auto', band: 'range', marks: [],
    });
  });

  it('reads repeated parameters from URLSearchParams and from Next searchParams alike', () => {
    const query = `actor=${A}&actor=${B}&actor=${A}&source=${B}&kind=NEWS&kind=INTERVIEW&from=2020-10-01&to=2020-11-30&confidence=MODERATE&reliability=B&agg=median&weighted=1&undisputed=1&origins=all&bucket=week&band=sd&mark=2020-11-09`;
    const fromUrl = parseStanceFilters(new URLSearchParams(query));
    const fromNext = parseStanceFilters({ actor: [A, B, A], source: B, kind: ['NEWS', 'INTERVIEW'], from: '2020-10-01', to: '2020-11-30', confidence: 'MODERATE', reliability: 'B', agg: 'median', weighted: '1', undisputed: '1', origins: 'all', bucket: 'week', band: 'sd', mark: '2020-11-09' });
    expect(fromUrl).toEqual(fromNext);
    expect(fromUrl).toEqual({
      actors: [A, B], sources: [B], kinds: ['NEWS', 'INTERVIEW'], from: '2020-10-01', to: '2020-11-30', minConfidence: 'MODERATE', minReliability: 'B',
      agg: 'median', weighted: true, undisputed: true, origins: 'all', bucket: 'week', band: 'sd', marks: ['2020-11-09'],
    });
    // And back: the query string reproduces the filters (defaults left out).
    expect(parseStanceFilters(new URLSearchParams(stanceFiltersQuery(fromUrl)))).toEqual(fromUrl);
    expect(stanceFiltersQuery(DEFAULT_FILTERS)).toBe('');
    expect(stanceFiltersQuery(DEFAULT_FILTERS, { table: 'series' })).toBe('table=series');
  });

  it('drops values it cannot read instead of failing the page (bookmarks outlive data)', () => {
    const f = parseStanceFilters({ actor: ['nope', A], kind: 'NEWSPAPER', from: '2020-02-30', to: 'soon', confidence: 'SURE', reliability: 'Z', agg: 'mode', weighted: 'yes', origins: 'some', bucket: 'hour', band: 'cloud', mark: ['2020-11-09', 'x'] });
    expect(f).toEqual({ ...DEFAULT_FILTERS, actors: [A], marks: ['2020-11-09'] });
  });

  it('reads a reversed date range the way round that makes sense', () => {
    expect(parseStanceFilters({ from: '2021-01-01', to: '2020-01-01' })).toMatchObject({ from: '2020-01-01', to: '2021-01-01' });
  });

  it('describes the applied filters in words', () => {
    const f = parseStanceFilters({ actor: A, agg: 'median', weighted: '1', reliability: 'C', mark: '2020-11-09' });
    expect(describeFilters(f, { actors: [{ id: A, name: 'Russia' }], sources: [] })).toEqual(['Actors: Russia', 'Reliability A–C', 'Weighted median', 'Marked 2020-11-09']);
  });

  it('turns a shifts window into its first day', () => {
    const today = new Date('2026-11-25T15:00:00Z');
    expect(sinceFromWindow('7', today)).toBe('2026-11-19');
    expect(sinceFromWindow('30', today)).toBe('2026-10-27');
    expect(sinceFromWindow('all', today)).toBeUndefined();
  });
});

describe('weights and minimums', () => {
  it('weighs a reading by confidence (1, 2, 3) times reliability (A 1.0 … E 0.2, F 0.3)', () => {
    expect(STANCE_WEIGHTS.reliability).toEqual({ A: 1, B: 0.8, C: 0.6, D: 0.4, E: 0.2, F: 0.3 });
    expect(readingWeight('HIGH', 'A')).toBe(3);
    expect(readingWeight('MODERATE', 'C')).toBe(1.2);
    expect(readingWeight('LOW', 'F')).toBe(0.3);
    expect(readingWeightTenths('HIGH', 'B')).toBe(24);
  });

  it('reads "minimum B" as A or B, and leaves F (cannot be judged) out of every minimum A-E', () => {
    expect(reliabilityAtLeast('B')).toEqual(['A', 'B']);
    expect(reliabilityAtLeast('E')).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(reliabilityAtLeast('F')).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
    expect(reliabilityAtLeast(undefined)).toHaveLength(6);
    expect(confidenceAtLeast('MODERATE')).toEqual(['MODERATE', 'HIGH']);
  });
});

describe('thinning in TypeScript (the rule the SQL implements)', () => {
  const series = Array.from({ length: 10_000 }, (_, i) => ({
    id: `r${String(i).padStart(5, '0')}`,
    date: new Date(Date.UTC(2000, 0, 1) + Math.floor(i / 3) * 86_400_000).toISOString().slice(0, 10),
    position: i === 4321 ? -1 : i === 1234 ? 101 : (i * 37) % 100,
  }));

  it('keeps at most maxPoints, including the first, last, minimum and maximum', () => {
    const kept = thinSeries(series, { maxPoints: 400 });
    expect(kept.length).toBeLessThanOrEqual(400);
    const ids = kept.map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining(['r00000', 'r09999', 'r04321', 'r01234']));
    expect(ids).toEqual([...ids].sort());
  });

  it('returns short series whole and in date order', () => {
    const short = [series[5]!, series[1]!, series[3]!];
    expect(thinSeries(short).map((r) => r.id)).toEqual(['r00001', 'r00003', 'r00005']);
  });
});

describe('chart helpers', () => {
  it('puts weekly ticks on Mondays for a few weeks and yearly ticks for a decade', () => {
    const day = (s: string) => Date.parse(`${s}T00:00:00Z`);
    const weekly = timeTicks(day('2020-10-11'), day('2020-11-11'), 9).map((t) => new Date(t).toISOString().slice(0, 10));
    expect(weekly).toEqual(['2020-10-12', '2020-10-19', '2020-10-26', '2020-11-02', '2020-11-09']);
    const yearly = timeTicks(day('2015-01-01'), day('2024-12-31'), 9).map((t) => new Date(t).toISOString().slice(0, 4));
    expect(yearly).toEqual(['2016', '2018', '2020', '2022', '2024']);
  });

  it('gives every one of the first 42 series a distinct colour-and-marker pair', () => {
    const pairs = new Set(Array.from({ length: 42 }, (_, i) => `${seriesStyle(i).color} ${seriesStyle(i).shape}`));
    expect(pairs.size).toBe(42);
  });
});
