// Pure constants shared by the SQL (lib/stance/series.ts and its neighbours), the CSV export and the UI, so that the
// numbers the dashboard uses are the numbers it shows. No imports: safe in client components.

export type ConfidenceLevel = 'LOW' | 'MODERATE' | 'HIGH';
export type ReliabilityGrade = 'A' | 'B' | 'C' | 'D' | 'E' | 'F';
export type SourceKindCode = 'NEWS' | 'THINK_TANK' | 'OFFICIAL_STATEMENT' | 'INTERVIEW' | 'SOCIAL_MEDIA' | 'OTHER';

/**
 * Weight of one reading in a weighted mean or weighted median: confidence weight × reliability weight.
 *
 * Reliability follows the Admiralty ladder A (1.0) down to E (0.2). F, "cannot be judged", is not a
 * rung on that ladder: it says nothing is known about the source, which is better evidence than a
 * source known to be unreliable (E) and worse than one not usually reliable (D), so it weighs 0.3.
 * (The minimum-reliability filter treats F differently; see RELIABILITY_FILTER_NOTE.)
 */
export const STANCE_WEIGHTS = {
  confidence: { LOW: 1, MODERATE: 2, HIGH: 3 } as const satisfies Record<ConfidenceLevel, number>,
  reliability: { A: 1.0, B: 0.8, C: 0.6, D: 0.4, E: 0.2, F: 0.3 } as const satisfies Record<ReliabilityGrade, number>,
};

/**
 * The weights scaled ×10 to integers (1..30). The SQL works with these so that cumulative sums in the
 * weighted median are exact (no floating-point ties); scaling every weight by the same factor changes
 * neither a weighted mean nor a weighted median.
 */
export function readingWeightTenths(confidence: ConfidenceLevel, reliability: ReliabilityGrade): number {
  return Math.round(STANCE_WEIGHTS.confidence[confidence] * STANCE_WEIGHTS.reliability[reliability] * 10);
}

export function readingWeight(confidence: ConfidenceLevel, reliability: ReliabilityGrade): number {
  return readingWeightTenths(confidence, reliability) / 10;
}

export const CONFIDENCE_ORDER: readonly ConfidenceLevel[] = ['LOW', 'MODERATE', 'HIGH'];
/** Best first. F (cannot be judged) comes last: see RELIABILITY_FILTER_NOTE. */
export const RELIABILITY_ORDER: readonly ReliabilityGrade[] = ['A', 'B', 'C', 'D', 'E', 'F'];

export const RELIABILITY_FILTER_NOTE =
  'A minimum reliability keeps sources graded at that level or better (minimum B = A or B). F ("cannot be judged") gives no evidence of reliability, so every minimum from A to E leaves F sources out; "any" keeps them.';

/** Confidence levels a "minimum confidence" filter keeps. */
export function confidenceAtLeast(min: ConfidenceLevel | undefined): ConfidenceLevel[] {
  if (!min) return [...CONFIDENCE_ORDER];
  return CONFIDENCE_ORDER.slice(CONFIDENCE_ORDER.indexOf(min));
}

/** Reliability grades a "minimum reliability" filter keeps (minimum B = A, B; minimum E = A-E, not F). */
export function reliabilityAtLeast(min: ReliabilityGrade | undefined): ReliabilityGrade[] {
  if (!min || min === 'F') return [...RELIABILITY_ORDER];
  return RELIABILITY_ORDER.slice(0, RELIABILITY_ORDER.indexOf(min) + 1);
}

/**
 * What one chart may send to the browser, whatever the size of the data: the most buckets one line
 * may have; the line points of all its lines together (shared equally, at least MIN_BUCKETS_PER_SERIES
 * each: more lines, coarser buckets); and the individual reading markers of all its lines together
 * (shared equally, at least 4 per line). The rest is a click away: the paged readings table and the CSV.
 */
export const MAX_BUCKETS_PER_SERIES = 1000;
export const MIN_BUCKETS_PER_SERIES = 12;
export const MAX_LINE_POINTS_PER_CHART = 3000;
export const MAX_READINGS_PER_CHART = 1000;
