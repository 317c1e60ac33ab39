import type { Confidence, Reliability } from '../generated/prisma/enums';

/**
 * How much one reading counts in a baseline: confidence x source reliability.
 * Pure (no I/O) so the page, the worker and the tests share it.
 */
export const CONFIDENCE_WEIGHT: Record<Confidence, number> = { LOW: 1, MODERATE: 2, HIGH: 3 };

/**
 * NATO Admiralty source reliability. F ("cannot be judged") sits above E ("unreliable"): a source we
 * cannot judge is not known to be bad.
 */
export const RELIABILITY_WEIGHT: Record<Reliability, number> = { A: 1.0, B: 0.8, C: 0.6, D: 0.4, E: 0.2, F: 0.3 };

/**
 * The capability the model uses for an actor when no reading up to the as-of date gives one. The
 * model needs a number; 50 is the middle of the scale, so the actor neither dominates nor vanishes.
 * Every place that uses it says so ("default 50"), and the analyst can override it.
 */
export const DEFAULT_CAPABILITY = 50;

/**
 * Weight of the single synthetic reading of an actor the analyst added with all three values (not
 * in the baseline): as much as a HIGH-confidence reading from a completely reliable source, so the
 * uncertainty run jitters it by about +/-2.9 points (lib/decision-models JITTER_SD / sqrt(3)).
 */
export const ADDED_ACTOR_WEIGHT = 3;

export function readingWeight(confidence: Confidence, reliability: Reliability): number {
  // Rounded so 3 x 0.6 shows and sums as 1.8, not 1.7999999999999998.
  return Math.round(CONFIDENCE_WEIGHT[confidence] * RELIABILITY_WEIGHT[reliability] * 1000) / 1000;
}
