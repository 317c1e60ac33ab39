// M4 thinning (Jugel et al., "M4: A Visualization-Oriented Time Series Data Aggregation", VLDB 2014):
// cut a series into equal time slices and keep, in each, the first, last, lowest and highest reading.
// A line drawn through what is kept looks like the line through everything, and the series' own
// first, last, minimum and maximum always survive (each is the first/last/min/max of its slice).
//
// The dashboard does this in PostgreSQL (lib/stance/series.ts, CTEs `sliced` … `kept`); this is the same rule
// in TypeScript, used by the tests to check the SQL, and usable for data that is already in memory.

export interface ThinnableReading {
  id: string;
  /** YYYY-MM-DD */
  date: string;
  position: number;
}

export interface ThinOptions {
  /** Most readings to keep; 4 per slice, so maxPoints / 4 slices. */
  maxPoints?: number;
  /**
   * The dates the slices divide (YYYY-MM-DD). Default: the series' own first and last day. The SQL
   * uses the whole chart's range (every actor on the issue), so that all series are cut at the same dates.
   */
  range?: { first: string; last: string };
}

const DAY_MS = 86_400_000;
const dayNumber = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);

/** Slices used for a series of `maxPoints` kept readings. */
export function sliceCount(maxPoints: number): number {
  return Math.max(1, Math.floor(maxPoints / 4));
}

/** The time slice (0 .. slices-1) of a reading, exactly as the SQL computes it. */
export function sliceOf(day: number, firstDay: number, lastDay: number, slices: number): number {
  return Math.floor(((day - firstDay) * slices) / (lastDay - firstDay + 1));
}

const byDateThenId = (a: ThinnableReading, b: ThinnableReading) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Keeps at most `maxPoints` readings of ONE series (one actor on one issue), in date order. Series at or
 * under the limit come back whole. Ties: the earliest reading (then the smallest id) wins, as in SQL.
 */
export function thinSeries<T extends ThinnableReading>(readings: readonly T[], { maxPoints = 1000, range }: ThinOptions = {}): T[] {
  const sorted = [...readings].sort(byDateThenId);
  if (sorted.length <= maxPoints) return sorted;
  const slices = sliceCount(maxPoints);
  const firstDay = dayNumber(range?.first ?? sorted[0]!.date);
  const lastDay = dayNumber(range?.last ?? sorted[sorted.length - 1]!.date);
  const best = new Map<number, { first: T; last: T; min: T; max: T }>();
  for (const reading of sorted) {
    const slice = sliceOf(dayNumber(reading.date), firstDay, lastDay, slices);
    const current = best.get(slice);
    if (!current) {
      best.set(slice, { first: reading, last: reading, min: reading, max: reading });
      continue;
    }
    // `sorted` is in (date, id) order, so the first seen is the first, the last seen the last, and
    // a strict comparison keeps the earliest of equal positions.
    current.last = reading;
    if (reading.position < current.min.position) current.min = reading;
    if (reading.position > current.max.position) current.max = reading;
  }
  const kept = new Set<T>();
  for (const { first, last, min, max } of best.values()) [first, last, min, max].forEach((r) => kept.add(r));
  return sorted.filter((r) => kept.has(r));
}
