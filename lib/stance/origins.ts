// Independent sources. No imports: safe in client components and pure for the tests.
//
// A source may name its origin: the original reporting its content comes from (the article that quotes
// an expert, the wire story several outlets rewrite). Sources that share an origin are one piece of
// evidence, so wherever readings are combined with weights (where an actor stands now, the weighted
// lines of the stance chart, the scenario baseline) they count once by default:
//
//   Each reading's weight (confidence × reliability) is divided by the number of sources with the
//   same origin among the readings being combined. A source without an origin is its own origin.
//
// So two sources sharing an origin, each weighing w, add up to w, not 2w: together they count as much
// as one source, with the mean of their weights, placed at their weighted mean. An independent source
// keeps its whole weight. On the stance chart the readings combined are those of one actor in one
// bucket (a source with several readings in a bucket keeps them all; only its weight is shared with the
// other sources of its origin). Unweighted figures (mean, median, spread) still show every reading.
// The SQL twin of originKey is "source_origin_key" (migration 20261203200000_source_origins).

/** How two origins are compared: case and runs of spaces do not matter; blank is no origin. */
export function originKey(origin: string | null | undefined): string | null {
  const key = (origin ?? '').trim().replace(/\s+/g, ' ').toLowerCase();
  return key === '' ? null : key;
}

export const ORIGIN_RULE =
  'Sources that share an origin (the original reporting they quote) count once: each reading’s weight is divided by the number of sources with the same origin.';

/**
 * The weight each reading counts with: its own weight divided by the number of distinct sources with
 * the same origin among `readings` (`origins: 'all'` leaves every weight whole).
 */
export function originSharedWeights<R extends { sourceId: string; origin: string | null; weight: number }>(
  readings: readonly R[],
  origins: 'independent' | 'all' = 'independent',
): number[] {
  if (origins === 'all') return readings.map((r) => r.weight);
  const sourcesByOrigin = new Map<string, Set<string>>();
  for (const r of readings) {
    const key = originKey(r.origin);
    if (key === null) continue;
    sourcesByOrigin.set(key, (sourcesByOrigin.get(key) ?? new Set()).add(r.sourceId));
  }
  return readings.map((r) => {
    const key = originKey(r.origin);
    return key === null ? r.weight : r.weight / sourcesByOrigin.get(key)!.size;
  });
}

/** Groups of two or more sources sharing an origin, for "which share an origin" displays. */
export function sharedOrigins<S extends { sourceId: string; origin: string | null }>(sources: readonly S[]): { origin: string; sourceIds: string[] }[] {
  const groups = new Map<string, { origin: string; sourceIds: string[] }>();
  for (const s of sources) {
    const key = originKey(s.origin);
    if (key === null) continue;
    const g = groups.get(key) ?? { origin: s.origin!.trim().replace(/\s+/g, ' '), sourceIds: [] };
    if (!g.sourceIds.includes(s.sourceId)) g.sourceIds.push(s.sourceId);
    groups.set(key, g);
  }
  return [...groups.values()].filter((g) => g.sourceIds.length > 1);
}
