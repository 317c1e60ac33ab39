/**
 * Iterative bargaining: Bueno de Mesquita's expected-utility ("challenge, compromise or
 * capitulate") group decision model, in the explicit reconstruction of
 *
 *   J. B. Scholz, G. J. Calbert & G. A. Smith (2011), "Unravelling Bueno De Mesquita's group
 *   decision model", Journal of Theoretical Politics 23(4): 510-531 (conference version:
 *   ICAART 2011, SciTePress), which replicates
 *   B. Bueno de Mesquita (1994), "Political forecasting: an expected utility method", in
 *   B. Bueno de Mesquita & F. N. Stokman (eds), European Community Decision Making, Yale UP,
 *   ch. 4, pp. 71-104.
 *
 * Equation numbers below are Scholz et al.'s. Notation: x_i position, c_i capability, s_i
 * salience as a probability (s_i/100 here), R = x_max - x_min (range of the input positions,
 * held fixed for the run: positions only ever move towards other actors' positions, so they
 * never leave the initial range), mu = weighted median, r_i risk exponent.
 *
 * One round (Scholz et al., Appendix "complete algorithm", steps 2-11):
 *  1. r_i = 1 for everyone.
 *  2. Votes (eq. 26-29): actor k's vote for x_i over x_j is
 *       v_k(i,j) = c_k s_k ( (|x_k - x_j|/R)^r_k - (|x_k - x_i|/R)^r_k ).
 *  3. Probability that i prevails against j (eq. 30-31): the votes for i over j of the actors
 *     who side with i. Eq. 31 as printed divides by the votes cast in the i-j contest; we
 *     divide by the absolute votes cast in all n^2 contests, as the public reimplementation
 *     jmckib/bdm-scholz-expected-utility-model (bdm_scholz_model.py, `probability`) does and
 *     documents as faithful to Scholz et al.'s code. Only this normalisation reproduces their
 *     published Table 2 (with the per-contest denominator the round-1 median stays at 7.0
 *     instead of the published 8.4; see README):
 *       P_i(j) = sum_k max(0, v_k(i,j)) / sum_k sum_a sum_b |v_k(a,b)|,  0 if x_i = x_j.
 *  4. Basic utilities (eq. 15, 16, 24), for an actor with risk exponent r and d = |x_i - x_j|/R:
 *       U_s = 2 - 4 (0.5 - 0.5 d)^r,  U_f = 2 - 4 (0.5 + 0.5 d)^r,  U_sq = 2 - 4 (0.5)^r.
 *  5. Expected utility of i challenging j (eq. 5-7), with Q = 1 as in Scholz et al.'s
 *     replication ("No value for Q was given. We chose Q=1.0"), which removes the
 *     (1-Q)(T U_b + (1-T) U_w) term of eq. 7:
 *       E(U_ij) = s_j (P_i(j) U_s + (1 - P_i(j)) U_f) + (1 - s_j) U_s - U_sq.
 *  6. Security and risk (eq. 32-34, 33), from the step-5 utilities computed with r = 1:
 *       Sec_i = sum_{j != i} E^j(U_ji)   (what i's adversaries expect from challenging i),
 *       R_i = (2 Sec_i - max_k Sec_k - min_k Sec_k) / (max_k Sec_k - min_k Sec_k)   (0 if all equal),
 *       r_i = (1 - R_i/3) / (1 + R_i/3)   in [0.5, 2].
 *  7. Steps 2-5 again with the new r (votes use each voter's r_k; each actor i evaluates both
 *     its own E^i(U_ij) and its estimate E^i(U_ji) of j's expected utility with its own r_i).
 *  8. Offers (section 6, figure 6), for each actor i and each j at another position, with
 *     a = E^i(U_ij) and b = E^i(U_ji):
 *       b > a > 0                 confrontation that i loses: i moves to x_j;
 *       a < 0 < b and b > |a|     compromise: i moves to x_i + (x_j - x_i) |a / b|  (eq. 36);
 *       a < 0 < b and b < |a|     capitulation (compel): i moves to x_j;
 *       otherwise                 no move for i from this dyad.
 *     Each actor accepts one offer: a confrontation before a compromise before a capitulation
 *     (section 6.2) and, within a kind, the one that moves it least (ties: the proposer that
 *     sorts first by id). All actors move simultaneously.
 *
 * Stopping: after each round the forecast is the weighted median of the new positions
 * (weights c_i*s_i). The run has converged when no position moved in a round (a fixed point:
 * the model is deterministic) or when the forecast changed by at most `tolerance` in
 * STABLE_ROUNDS consecutive rounds; the result's forecast is then that round's. The model is
 * known not always to settle (Scholz et al. report a median that "continues to change"). If
 * the positions return exactly to an earlier round's, the run is periodic from then on: it
 * counts as converged if the forecast changes by at most `tolerance` along the cycle, and
 * otherwise ends with `converged` false and the mean forecast over one cycle. If `maxRounds`
 * is reached before any of this, `converged` is false and the forecast is the mean of the last
 * TAIL_ROUNDS round forecasts, so that an oscillating run reports the centre of its
 * oscillation rather than wherever it happened to stop. With `stopEarly: false` the run goes
 * on to maxRounds for display; the forecast and `converged` are still decided at the first of
 * these events, so they do not depend on the flag.
 */
import type { Bargain, BargainOffer, BargainingOptions, BargainingResult, ModelActor, RoundSnapshot } from './types';
import { weightedMedianOf } from './median';
import { actorWeights, validateActors } from './validate';

export const BDM_MODEL_NAME =
  'Bueno de Mesquita expected-utility bargaining model (Scholz, Calbert & Smith 2011 reconstruction)';

export const DEFAULT_MAX_ROUNDS = 100;
export const DEFAULT_TOLERANCE = 0.01;
/** Consecutive rounds with an unchanged forecast that count as "stabilised". */
export const STABLE_ROUNDS = 3;
/** Rounds averaged for the forecast of a run that did not converge. */
export const TAIL_ROUNDS = 10;
/** Upper bound accepted for maxRounds. */
export const MAX_ROUNDS_LIMIT = 10_000;

const OFFER_NONE = 0;
const OFFER_CONFRONT = 3;
const OFFER_COMPROMISE = 2;
const OFFER_CAPITULATE = 1;

/** Pre-allocated work arrays for one simulation. */
interface Workspace {
  n: number;
  /** s_i as probability. */
  s: Float64Array;
  /** c_i * s_i (vote and median weight). */
  w: Float64Array;
  range: number;
  /** n*n: (|x_k - x_a| / R)^r_k, row k. */
  dist: Float64Array;
  /** n*n: P_i(j) at [i*n + j]. */
  prob: Float64Array;
  r: Float64Array;
  security: Float64Array;
  next: Float64Array;
  replicationRule: boolean;
  /** When set (display runs only), every offer of the last round per receiving actor, and the accepted one's index. */
  log: { offers: { proposer: number; kind: number; target: number }[][]; accepted: Int32Array } | null;
}

function fillDistances(ws: Workspace, x: Float64Array, useRisk: boolean): void {
  const { n, dist, r, range } = ws;
  for (let k = 0; k < n; k++) {
    const xk = x[k] as number;
    const rk = useRisk ? (r[k] as number) : 1;
    const row = k * n;
    for (let a = 0; a < n; a++) {
      const d = Math.abs(xk - (x[a] as number)) / range;
      dist[row + a] = rk === 1 ? d : Math.pow(d, rk);
    }
  }
}

/** Step 3: P_i(j) for every ordered pair, from the distances currently in `ws.dist`. */
function fillProbabilities(ws: Workspace, x: Float64Array): void {
  const { n, dist, w, prob } = ws;
  // denominator: sum_k w_k * sum_a sum_b |dist[k,b] - dist[k,a]| = 2 * sum over a < b
  let den = 0;
  for (let k = 0; k < n; k++) {
    const wk = w[k] as number;
    if (wk === 0) continue;
    const row = k * n;
    let s = 0;
    for (let a = 0; a < n; a++) {
      const da = dist[row + a] as number;
      for (let b = a + 1; b < n; b++) s += Math.abs((dist[row + b] as number) - da);
    }
    den += wk * 2 * s;
  }
  for (let i = 0; i < n; i++) {
    const xi = x[i] as number;
    for (let j = 0; j < n; j++) {
      if (i === j || xi === x[j] || !(den > 0)) {
        prob[i * n + j] = 0;
        continue;
      }
      let num = 0;
      for (let k = 0; k < n; k++) {
        const row = k * n;
        const v = (w[k] as number) * ((dist[row + j] as number) - (dist[row + i] as number));
        if (v > 0) num += v;
      }
      prob[i * n + j] = num / den;
    }
  }
}

/**
 * Step 5: expected utility to a challenger of challenging a target with salience `sTarget`,
 * given the challenger's probability `p` of prevailing and the basic utilities (step 4).
 */
function expectedUtility(p: number, sTarget: number, us: number, uf: number, usq: number): number {
  return sTarget * (p * us + (1 - p) * uf) + (1 - sTarget) * us - usq;
}

/** Step 4: U_s and U_f for normalised distance d and risk exponent r (eq. 15, 16). */
function successUtility(d: number, r: number): number {
  const base = 0.5 - 0.5 * d;
  return 2 - 4 * (r === 1 ? base : Math.pow(base, r));
}
function failureUtility(d: number, r: number): number {
  const base = 0.5 + 0.5 * d;
  return 2 - 4 * (r === 1 ? base : Math.pow(base, r));
}
/** eq. 24 */
function statusQuoUtility(r: number): number {
  return 2 - 4 * Math.pow(0.5, r);
}

/** One full round; writes the new positions to `ws.next`. Returns the largest move. */
function bargainingRound(ws: Workspace, x: Float64Array): number {
  const { n, s, prob, r, security, next, range } = ws;

  // Pass 1 (r = 1): security levels and risk exponents (steps 1-6).
  fillDistances(ws, x, false);
  fillProbabilities(ws, x);
  security.fill(0);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      if (i === j) continue;
      // E^j(U_ji): j challenges i, with r = 1
      const d = Math.abs((x[j] as number) - (x[i] as number)) / range;
      const eu = expectedUtility(prob[j * n + i] as number, s[i] as number, successUtility(d, 1), failureUtility(d, 1), 0);
      security[i] = (security[i] as number) + eu;
    }
  }
  let maxSec = -Infinity;
  let minSec = Infinity;
  for (let i = 0; i < n; i++) {
    const v = security[i] as number;
    if (v > maxSec) maxSec = v;
    if (v < minSec) minSec = v;
  }
  const spread = maxSec - minSec;
  for (let i = 0; i < n; i++) {
    const R = spread > 1e-12 * Math.max(1, Math.abs(maxSec), Math.abs(minSec))
      ? (2 * (security[i] as number) - maxSec - minSec) / spread
      : 0;
    r[i] = (1 - R / 3) / (1 + R / 3);
  }

  // Pass 2 (risk-adjusted): offers and moves (steps 7-8).
  fillDistances(ws, x, true);
  fillProbabilities(ws, x);
  let maxMove = 0;
  for (let i = 0; i < n; i++) {
    const xi = x[i] as number;
    const ri = r[i] as number;
    const usq = statusQuoUtility(ri);
    let bestKind = OFFER_NONE;
    let bestTarget = xi;
    let bestKey = Infinity;
    const offers = ws.log?.offers[i];
    if (ws.log) {
      (offers as unknown[]).length = 0;
      ws.log.accepted[i] = -1;
    }
    for (let j = 0; j < n; j++) {
      const xj = x[j] as number;
      if (j === i || xj === xi) continue;
      const d = Math.abs(xi - xj) / range;
      // both evaluated by i, with i's risk exponent (U_s, U_f depend only on |x_i - x_j|)
      const us = successUtility(d, ri);
      const uf = failureUtility(d, ri);
      const a = expectedUtility(prob[i * n + j] as number, s[j] as number, us, uf, usq);
      const b = expectedUtility(prob[j * n + i] as number, s[i] as number, us, uf, usq);
      let kind = OFFER_NONE;
      let target = xi;
      if (b > a && a > 0) {
        kind = OFFER_CONFRONT;
        target = xj;
      } else if (a < 0 && b > 0 && b > -a) {
        kind = OFFER_COMPROMISE;
        target = xi + (xj - xi) * Math.abs(a / b);
      } else if (a < 0 && b > 0 && b < -a) {
        kind = OFFER_CAPITULATE;
        target = xj;
      }
      if (kind !== OFFER_NONE) offers?.push({ proposer: j, kind, target });
      if (kind === OFFER_NONE || kind < bestKind) continue;
      const key =
        kind === OFFER_COMPROMISE && ws.replicationRule
          ? (Math.abs(a) * xi + Math.abs(b) * xj) / (Math.abs(a) + Math.abs(b))
          : Math.abs(target - xi);
      // strict comparisons keep the first (lowest-index, i.e. lowest-id) proposer on ties
      if (kind > bestKind || key < bestKey) {
        bestKind = kind;
        bestTarget = target;
        bestKey = key;
        if (ws.log && offers) ws.log.accepted[i] = offers.length - 1;
      }
    }
    next[i] = bestTarget;
    const move = Math.abs(bestTarget - xi);
    if (move > maxMove) maxMove = move;
  }
  return maxMove;
}

function checkOptions(opts: BargainingOptions): Required<BargainingOptions> {
  const maxRounds = opts.maxRounds ?? DEFAULT_MAX_ROUNDS;
  if (!Number.isInteger(maxRounds) || maxRounds < 0 || maxRounds > MAX_ROUNDS_LIMIT) {
    throw new RangeError(
      `simulateBargaining: maxRounds must be an integer between 0 and ${MAX_ROUNDS_LIMIT} (got ${String(maxRounds)})`,
    );
  }
  const tolerance = opts.tolerance ?? DEFAULT_TOLERANCE;
  if (typeof tolerance !== 'number' || !Number.isFinite(tolerance) || tolerance < 0) {
    throw new RangeError(`simulateBargaining: tolerance must be a finite number >= 0 (got ${String(tolerance)})`);
  }
  const offerRule = opts.offerRule ?? 'least-move';
  if (offerRule !== 'least-move' && offerRule !== 'scholz-replication') {
    throw new RangeError(`simulateBargaining: unknown offerRule "${String(offerRule)}"`);
  }
  const stopEarly = opts.stopEarly ?? true;
  if (typeof stopEarly !== 'boolean') throw new RangeError('simulateBargaining: stopEarly must be a boolean');
  return { maxRounds, tolerance, offerRule, stopEarly };
}

interface CoreResult {
  forecast: number;
  converged: boolean;
}

/**
 * The simulation loop shared by `simulateBargaining` and the uncertainty runs. `actors` must
 * be validated and sorted by id. `onRound` (if given) receives every state, round 0 first.
 */
function bargain(
  actors: readonly ModelActor[],
  options: Required<BargainingOptions>,
  onRound?: (round: number, x: Float64Array, forecast: number, log: Workspace['log']) => void,
): CoreResult {
  const { maxRounds, tolerance, offerRule, stopEarly } = options;
  const fn = 'simulateBargaining';
  const w = actorWeights(actors, fn);
  const n = actors.length;
  let x: Float64Array = Float64Array.from(actors, (a) => a.position);
  let min = Infinity;
  let max = -Infinity;
  for (const v of x) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const forecasts: number[] = [weightedMedianOf(x, w)];
  onRound?.(0, x, forecasts[0] as number, null);
  if (max === min) {
    // everyone already agrees: nothing to bargain over
    return { forecast: forecasts[0] as number, converged: true };
  }

  const ws: Workspace = {
    n,
    s: Float64Array.from(actors, (a) => a.salience / 100),
    w,
    range: max - min,
    dist: new Float64Array(n * n),
    prob: new Float64Array(n * n),
    r: new Float64Array(n).fill(1),
    security: new Float64Array(n),
    next: new Float64Array(n),
    replicationRule: offerRule === 'scholz-replication',
    // only a display run (with onRound) keeps the offers; Monte Carlo draws stay allocation-free
    log: onRound ? { offers: Array.from({ length: n }, () => []), accepted: new Int32Array(n) } : null,
  };

  // states seen so far (exact positions) -> round, for cycle detection
  const seen = new Map<string, number>([[x.join(','), 0]]);
  let outcome: CoreResult | null = null;
  let stable = 0;
  for (let t = 1; t <= maxRounds; t++) {
    const maxMove = bargainingRound(ws, x);
    const moved = ws.next;
    ws.next = x;
    x = moved;
    const f = weightedMedianOf(x, w);
    const prev = forecasts[forecasts.length - 1] as number;
    forecasts.push(f);
    onRound?.(t, x, f, ws.log);
    if (outcome) continue; // already decided; still simulating for display (stopEarly: false)

    stable = Math.abs(f - prev) <= tolerance ? stable + 1 : 0;
    if (maxMove === 0 || stable >= STABLE_ROUNDS) {
      outcome = { forecast: f, converged: true };
    } else {
      const key = x.join(',');
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, t);
      } else {
        // The positions are back to those of round `first`: the deterministic model will
        // repeat rounds first+1..t forever. If the forecast never changes by more than the
        // tolerance along that cycle it has stabilised; otherwise report the cycle's mean.
        const cycle = forecasts.slice(first + 1, t + 1);
        let steady = true;
        for (let k = 0; k < cycle.length; k++) {
          const a = cycle[k] as number;
          const b = cycle[(k + 1) % cycle.length] as number;
          if (Math.abs(a - b) > tolerance) steady = false;
        }
        outcome = steady
          ? { forecast: f, converged: true }
          : { forecast: cycle.reduce((sum, v) => sum + v, 0) / cycle.length, converged: false };
      }
    }
    if (outcome && stopEarly) break;
  }
  if (outcome) return outcome;
  if (forecasts.length === 1) return { forecast: forecasts[0] as number, converged: false };
  const tail = forecasts.slice(Math.max(1, forecasts.length - TAIL_ROUNDS));
  return { forecast: tail.reduce((sum, v) => sum + v, 0) / tail.length, converged: false };
}

function sortById<T extends { id: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Runs the bargaining model (see the module comment for the formulation and its citation).
 * Actors are processed in id order, so the result does not depend on the order of `actors`.
 */
export function simulateBargaining(actors: ModelActor[], opts: BargainingOptions = {}): BargainingResult {
  validateActors(actors, 'simulateBargaining');
  const options = checkOptions(opts);
  const sorted = sortById(actors);
  const ids = sorted.map((a) => a.id);
  const rounds: RoundSnapshot[] = [];
  const kinds: Record<number, BargainOffer['kind']> = { [OFFER_CONFRONT]: 'confrontation', [OFFER_COMPROMISE]: 'compromise', [OFFER_CAPITULATE]: 'capitulation' };
  const { forecast, converged } = bargain(sorted, options, (round, x, f, log) => {
    const positions: Record<string, number> = {};
    ids.forEach((id, i) => {
      positions[id] = x[i] as number;
    });
    const snapshot: RoundSnapshot = { round, positions, forecast: f };
    if (log) {
      const previous = rounds[rounds.length - 1]?.positions ?? {};
      const bargains: Record<string, Bargain> = {};
      ids.forEach((id, i) => {
        const offers = (log.offers[i] ?? []).map((o) => ({ proposerId: ids[o.proposer] as string, kind: kinds[o.kind] as BargainOffer['kind'], target: o.target }));
        bargains[id] = { from: previous[id] as number, to: x[i] as number, offers, accepted: offers[log.accepted[i] as number] ?? null };
      });
      snapshot.bargains = bargains;
    }
    rounds.push(snapshot);
  });
  return { rounds, forecast, converged, model: BDM_MODEL_NAME };
}

/** The forecast of `simulateBargaining` without the per-round snapshots (for Monte Carlo). */
export function bargainingForecast(actors: ModelActor[], opts: BargainingOptions = {}): CoreResult {
  validateActors(actors, 'simulateBargaining');
  return bargain(sortById(actors), { ...checkOptions(opts), stopEarly: true });
}
