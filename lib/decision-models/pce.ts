import type { ModelActor } from './types';
import { actorWeights, validateActors } from './validate';

/**
 * KTAB's probabilistic Condorcet election (PCE), Markov-incentive variant, on one issue dimension.
 *
 * Source: KTAB, the Kinetic Tournament Analysis Builder of KAPSARC (King Abdullah Petroleum Studies
 * and Research Center, 2015-2016, MIT licence), `kmodel/kmodel.cpp`: `Model::vote` (proportional
 * rule), `Model::coalitions`, `Model::vProb` (linear VPModel) and `Model::markovIncentivePCE`, the
 * default PCE of its spatial model of politics (SMP) as used, for instance, by J. Efird, S. Lester
 * & J. Wise (2016), Journal of East Asian Studies 16(1): 117-145. KTAB cites its own note "Markov
 * Voting with Incentives in KTAB" for the incentive matrix.
 *
 * The options are the distinct positions of the actors that carry weight. Voter k has strength
 * w_k = c_k s_k / 100 (KTAB's "effective power", influence × salience / 100) and risk-neutral
 * utility u_k(x) = 1 − |x − x_k| / 100. Then, with KTAB's small constants kept:
 *
 *   coalition   C(i,j) = 1e-8 + Σ_k max(0, w_k (u_k(x_i) − u_k(x_j)))      (strength for i against j)
 *   victory     V(i,j) = C(i,j) / (C(i,j) + C(j,i)),  V(i,i) = 1/2
 *   incentive   N(i,j) = C(i,j) V(i,j) (+1e-10 when i = j)
 *   challenge   H(i,j) = N(i,j) / Σ_k N(k,j)     (who challenges j when j is the favourite)
 *   iterate     q_i = Σ_j V(i,j) (p_i H(j,i) + p_j H(i,j)),  p ← (p + q)/2, from p uniform,
 *               until no p_i moves by more than 1e-8.
 *
 * p is the probability that each option wins; the forecast is the expected position Σ_i p_i x_i.
 * This is the election over the actors' *initial* positions, not KTAB's full SMP, which then lets
 * actors move turn by turn; we do not reproduce those dynamics. The unit test reproduces a KTAB
 * reference run (`kmodel/doc/2016-10-15-emod-run-03048962486573118966.txt`) to six decimals.
 */

const MIN_COALITION = 1e-8;
const SELF_SUPPORT = 1e-10;
const TOLERANCE = 1e-8;
const MAX_ITERATIONS = 10_000;

/** V(i,j), KTAB `Model::vProb` with the linear VPModel. */
export function victoryProbabilities(coalitions: readonly (readonly number[])[]): number[][] {
  return coalitions.map((row, i) =>
    row.map((cij, j) => {
      if (i === j) return 0.5;
      const cji = coalitions[j]![i]!;
      return cij / (cij + cji);
    }),
  );
}

/** C(i,j) for voters of strength `weights` and utilities `utilities[k][i]` of option i to voter k (proportional voting). */
export function coalitionStrengths(weights: readonly number[], utilities: readonly (readonly number[])[]): number[][] {
  const n = utilities[0]?.length ?? 0;
  const c: number[][] = [];
  for (let i = 0; i < n; i++) {
    const row: number[] = [];
    for (let j = 0; j < n; j++) {
      let s = MIN_COALITION;
      if (i !== j) {
        for (let k = 0; k < weights.length; k++) {
          const v = weights[k]! * (utilities[k]![i]! - utilities[k]![j]!);
          if (v > 0) s += v;
        }
      }
      row.push(s);
    }
    c.push(row);
  }
  return c;
}

/** The limiting probability of each option, KTAB `Model::markovIncentivePCE`. */
export function markovIncentivePce(coalitions: readonly (readonly number[])[]): number[] {
  const n = coalitions.length;
  if (n === 0) return [];
  const v = victoryProbabilities(coalitions);
  const incentive = coalitions.map((row, i) => row.map((cij, j) => cij * v[i]![j]! + (i === j ? SELF_SUPPORT : 0)));
  const columnTotals = Array.from({ length: n }, (_, j) => incentive.reduce((s, row) => s + row[j]!, 0));
  const challenge = incentive.map((row) => row.map((nij, j) => nij / columnTotals[j]!));
  let p = new Array<number>(n).fill(1 / n);
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    let change = 0;
    const q = p.map((pi, i) => {
      let qi = 0;
      for (let j = 0; j < n; j++) qi += v[i]![j]! * (pi * challenge[j]![i]! + p[j]! * challenge[i]![j]!);
      change = Math.max(change, Math.abs(qi - pi));
      return qi;
    });
    p = p.map((pi, i) => (pi + q[i]!) / 2);
    if (change <= TOLERANCE) break;
  }
  return p;
}

/** The options (distinct positions of the actors with weight), their winning probabilities, and the expected position. */
export function probabilisticCondorcet(actors: ModelActor[]): { options: number[]; probabilities: number[]; value: number } {
  validateActors(actors, 'probabilisticCondorcet');
  const weights = actorWeights(actors, 'probabilisticCondorcet');
  const voters = actors.map((a, k) => ({ position: a.position, strength: weights[k]! / 100 })).filter((a) => a.strength > 0);
  const options = [...new Set(voters.map((a) => a.position))].sort((a, b) => a - b);
  const utilities = voters.map((a) => options.map((x) => 1 - Math.abs(x - a.position) / 100));
  const probabilities = markovIncentivePce(coalitionStrengths(voters.map((a) => a.strength), utilities));
  const value = options.reduce((s, x, i) => s + x * probabilities[i]!, 0);
  return { options, probabilities, value: Math.min(100, Math.max(0, value)) };
}
