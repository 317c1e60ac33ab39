import type { ModelActor } from './types';
import { actorWeights, validateActors } from './validate';

/**
 * Indices of the entries with positive weight, sorted by (position, weight, index).
 * Summing in this canonical order makes the results independent of the input order.
 */
function canonicalOrder(positions: ArrayLike<number>, weights: ArrayLike<number>): number[] {
  const idx: number[] = [];
  for (let i = 0; i < positions.length; i++) if ((weights[i] ?? 0) > 0) idx.push(i);
  idx.sort((a, b) => {
    const pa = positions[a] ?? 0;
    const pb = positions[b] ?? 0;
    if (pa !== pb) return pa - pb;
    const wa = weights[a] ?? 0;
    const wb = weights[b] ?? 0;
    return wa !== wb ? wa - wb : a - b;
  });
  return idx;
}

/** sum(w*x)/sum(w) over parallel arrays; caller guarantees sum(w) > 0. */
export function weightedMeanOf(positions: ArrayLike<number>, weights: ArrayLike<number>): number {
  let num = 0;
  let den = 0;
  for (const i of canonicalOrder(positions, weights)) {
    const w = weights[i] ?? 0;
    num += w * (positions[i] ?? 0);
    den += w;
  }
  return num / den;
}

/**
 * Weighted median over parallel arrays; caller guarantees sum(w) > 0.
 *
 * Rule (deterministic): sort the positions that carry weight, accumulate weight from the low
 * end, and return the first position at which the cumulative weight reaches half the total.
 * If the cumulative weight there equals exactly half (relative tolerance 1e-12), the weight
 * splits evenly between that position and the next one up; every point between them is then
 * unbeaten, and we return the midpoint of the two.
 */
export function weightedMedianOf(positions: ArrayLike<number>, weights: ArrayLike<number>): number {
  const order = canonicalOrder(positions, weights);
  let total = 0;
  for (const i of order) total += weights[i] ?? 0;
  const half = total / 2;
  const eps = total * 1e-12;
  let cum = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k] as number;
    const x = positions[i] ?? 0;
    cum += weights[i] ?? 0;
    // absorb the rest of a group of equal positions before testing
    const next = order[k + 1];
    if (next !== undefined && (positions[next] ?? 0) === x) continue;
    if (cum >= half - eps) {
      if (Math.abs(cum - half) <= eps && next !== undefined) {
        return (x + (positions[next] ?? 0)) / 2;
      }
      return x;
    }
  }
  // unreachable while total > 0; keeps the type checker happy
  return positions[order[order.length - 1] ?? 0] ?? 0;
}

/**
 * Capability-and-salience weighted mean of positions: sum(c*s*x) / sum(c*s).
 * Throws a RangeError for an empty list, NaN or out-of-range values, or when every c*s is 0.
 */
export function weightedMean(actors: ModelActor[]): number {
  validateActors(actors, 'weightedMean');
  const w = actorWeights(actors, 'weightedMean');
  return weightedMeanOf(
    actors.map((a) => a.position),
    w,
  );
}

/**
 * The weighted median: the position no majority of weighted votes can beat, where actor i's
 * vote between positions y and z is c_i*s_i*(u_i(y) - u_i(z)) and u_i falls linearly with
 * distance from x_i. Summing those votes, y beats z iff F(y) < F(z) with
 * F(y) = sum_i c_i*s_i*|x_i - y|, so the unbeaten positions are the minimisers of F: the
 * weighted median of the x_i with weights c_i*s_i (Black's median voter theorem on a line).
 * Tie rule: see `weightedMedianOf` (midpoint when the weight splits exactly in half).
 */
export function weightedMedian(actors: ModelActor[]): number {
  validateActors(actors, 'weightedMedian');
  const w = actorWeights(actors, 'weightedMedian');
  return weightedMedianOf(
    actors.map((a) => a.position),
    w,
  );
}
