/**
 * Uncertainty: turns analysts' disagreement (several readings per actor) and confidence
 * (reading weights) into a distribution of bargaining outcomes.
 *
 * Each draw, for each actor (in id order, so input order does not matter):
 *  - position and salience: pick one of the actor's readings with probability proportional
 *    to its weight (disagreement), then add Gaussian jitter with standard deviation
 *    JITTER_SD / sqrt(weight) (confidence: a weight-1 reading, e.g. LOW confidence from a
 *    reliability-1 source, is read as +/- 5 points; a weight-3 HIGH one as +/- 2.9);
 *  - capability: the same, but picked independently among the readings that carry a
 *    capability; if none does, `fallbackCapability` is used as is (no jitter);
 *  - every jittered value is clamped to [0, 100].
 * The bargaining model then runs on the drawn inputs and its forecast is recorded.
 * All randomness comes from `createRng(seed)`, consumed in a fixed order, so the same inputs
 * and seed always give the same distribution.
 */
import type { Reading, UncertainActor, UncertaintyOptions, UncertaintyResult, ModelActor, HistogramBin } from './types';
import { bargainingForecast } from './bargaining';
import { ScenarioCancelledError } from './errors';
import { createRng, normal } from './rng';
import { checkScale } from './validate';

/** Standard deviation (0-100 points) of the jitter around a reading of weight 1. */
export const JITTER_SD = 5;
export const HISTOGRAM_BINS = 20;
export const MAX_DRAWS = 1_000_000;

function checkReadings(readings: readonly Reading[], who: string): number {
  if (!Array.isArray(readings) || readings.length === 0) {
    throw new RangeError(`${who} has no readings`);
  }
  let total = 0;
  readings.forEach((r, k) => {
    const what = `${who}, reading #${k}`;
    checkScale(r.position, `${what}: position`);
    checkScale(r.salience, `${what}: salience`);
    if (r.capability !== null) checkScale(r.capability, `${what}: capability`);
    if (typeof r.weight !== 'number' || !Number.isFinite(r.weight) || r.weight < 0) {
      throw new RangeError(`${what}: weight must be a finite number >= 0 (got ${String(r.weight)})`);
    }
    total += r.weight;
  });
  if (!(total > 0)) throw new RangeError(`${who}: every reading has weight 0`);
  return total;
}

/**
 * Confidence-weighted mean of readings: sum(weight*value)/sum(weight) for position and
 * salience; capability averages only the readings that carry one (null if none does).
 */
export function aggregateReadings(readings: Reading[]): {
  position: number;
  salience: number;
  capability: number | null;
} {
  const total = checkReadings(readings, 'aggregateReadings');
  let position = 0;
  let salience = 0;
  let capNum = 0;
  let capDen = 0;
  for (const r of readings) {
    position += r.weight * r.position;
    salience += r.weight * r.salience;
    if (r.capability !== null) {
      capNum += r.weight * r.capability;
      capDen += r.weight;
    }
  }
  return {
    position: position / total,
    salience: salience / total,
    capability: capDen > 0 ? capNum / capDen : null,
  };
}

interface PreparedActor {
  id: string;
  name: string;
  readings: Reading[];
  /** cumulative weights over `readings` */
  cum: Float64Array;
  capReadings: Reading[];
  capCum: Float64Array;
  fallbackCapability: number | null;
}

function cumulative(readings: readonly Reading[]): Float64Array {
  const cum = new Float64Array(readings.length);
  let s = 0;
  readings.forEach((r, k) => {
    s += r.weight;
    cum[k] = s;
  });
  return cum;
}

function pick(readings: readonly Reading[], cum: Float64Array, u: number): Reading {
  const target = u * (cum[cum.length - 1] as number);
  for (let k = 0; k < cum.length; k++) {
    const r = readings[k] as Reading;
    if (target < (cum[k] as number) && r.weight > 0) return r;
  }
  // u*total rounding up to total: take the last reading with weight
  for (let k = readings.length - 1; k >= 0; k--) {
    const r = readings[k] as Reading;
    if (r.weight > 0) return r;
  }
  return readings[0] as Reading;
}

function jitter(value: number, weight: number, rng: () => number): number {
  const v = value + (JITTER_SD / Math.sqrt(weight)) * normal(rng);
  return v < 0 ? 0 : v > 100 ? 100 : v;
}

function prepare(actors: readonly UncertainActor[]): PreparedActor[] {
  if (!Array.isArray(actors) || actors.length === 0) {
    throw new RangeError('runUncertainty: the actor list is empty; at least one actor is needed');
  }
  const seen = new Set<string>();
  const prepared = actors.map((a, index) => {
    if (typeof a !== 'object' || a === null || typeof a.id !== 'string' || a.id === '') {
      throw new RangeError(`runUncertainty: actor #${index} has no id`);
    }
    if (seen.has(a.id)) throw new RangeError(`runUncertainty: actor id "${a.id}" appears more than once`);
    seen.add(a.id);
    const who = `runUncertainty: actor "${a.name || a.id}"`;
    checkReadings(a.readings, who);
    const capReadings = a.readings.filter((r: Reading) => r.capability !== null && r.weight > 0);
    let fallback: number | null = null;
    if (a.fallbackCapability !== undefined) {
      fallback = checkScale(a.fallbackCapability, `${who}: fallbackCapability`);
    }
    if (capReadings.length === 0 && fallback === null) {
      throw new RangeError(`${who} has no reading with a capability and no fallbackCapability`);
    }
    return {
      id: a.id,
      name: a.name,
      readings: a.readings,
      cum: cumulative(a.readings),
      capReadings,
      capCum: cumulative(capReadings),
      fallbackCapability: fallback,
    };
  });
  return prepared.sort((p, q) => (p.id < q.id ? -1 : p.id > q.id ? 1 : 0));
}

/** Percentile by linear interpolation between order statistics (R type 7 / numpy default). */
function quantile(sorted: readonly number[], q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (h - lo) * (b - a);
}

function histogram(sorted: readonly number[]): HistogramBin[] {
  const width = 100 / HISTOGRAM_BINS;
  const bins: HistogramBin[] = Array.from({ length: HISTOGRAM_BINS }, (_, k) => ({
    from: k * width,
    to: (k + 1) * width,
    count: 0,
  }));
  for (const v of sorted) {
    const k = Math.min(HISTOGRAM_BINS - 1, Math.max(0, Math.floor(v / width)));
    (bins[k] as HistogramBin).count++;
  }
  return bins;
}

/**
 * Runs the bargaining model `draws` times on inputs drawn from the actors' readings (see the
 * module comment). Calls `onProgress` about every 1% of draws and once at the end, checks
 * `shouldCancel` before every draw and throws `ScenarioCancelledError` when it returns true.
 */
export function runUncertainty(actors: UncertainActor[], opts: UncertaintyOptions): UncertaintyResult {
  if (typeof opts !== 'object' || opts === null) throw new RangeError('runUncertainty: options are required');
  const { draws, seed, maxRounds, onProgress, shouldCancel } = opts;
  if (!Number.isInteger(draws) || draws < 1 || draws > MAX_DRAWS) {
    throw new RangeError(`runUncertainty: draws must be an integer between 1 and ${MAX_DRAWS} (got ${String(draws)})`);
  }
  if (typeof seed !== 'number' || !Number.isFinite(seed)) {
    throw new RangeError(`runUncertainty: seed must be a finite number (got ${String(seed)})`);
  }
  if (maxRounds !== undefined && (!Number.isInteger(maxRounds) || maxRounds < 0)) {
    throw new RangeError(`runUncertainty: maxRounds must be a non-negative integer (got ${String(maxRounds)})`);
  }
  const prepared = prepare(actors);
  const rng = createRng(seed);
  const progressEvery = Math.max(1, Math.floor(draws / 100));
  const outcomes: number[] = new Array<number>(draws);
  const modelActors: ModelActor[] = prepared.map((p) => ({
    id: p.id,
    name: p.name,
    position: 0,
    salience: 0,
    capability: 0,
  }));
  const bargainingOpts = maxRounds === undefined ? {} : { maxRounds };

  for (let d = 0; d < draws; d++) {
    if (shouldCancel?.()) throw new ScenarioCancelledError(d);
    prepared.forEach((p, i) => {
      const m = modelActors[i] as ModelActor;
      const r = pick(p.readings, p.cum, rng());
      m.position = jitter(r.position, r.weight, rng);
      m.salience = jitter(r.salience, r.weight, rng);
      if (p.capReadings.length > 0) {
        const c = pick(p.capReadings, p.capCum, rng());
        m.capability = jitter(c.capability as number, c.weight, rng);
      } else {
        m.capability = p.fallbackCapability as number;
      }
    });
    let forecast: number;
    try {
      forecast = bargainingForecast(modelActors, bargainingOpts).forecast;
    } catch (err) {
      // A draw in which every c*s came out 0 carries no information: fall back to the
      // unweighted median of the drawn positions rather than aborting the whole run.
      if (err instanceof RangeError && /no actor carries any weight/.test(err.message)) {
        const xs = modelActors.map((m) => m.position).sort((a, b) => a - b);
        forecast = quantile(xs, 0.5);
      } else {
        throw err;
      }
    }
    outcomes[d] = forecast;
    if (onProgress && ((d + 1) % progressEvery === 0 || d + 1 === draws)) onProgress(d + 1, draws);
  }

  outcomes.sort((a, b) => a - b);
  const mean = outcomes.reduce((s, v) => s + v, 0) / draws;
  return {
    outcomes,
    mean,
    median: quantile(outcomes, 0.5),
    p05: quantile(outcomes, 0.05),
    p25: quantile(outcomes, 0.25),
    p75: quantile(outcomes, 0.75),
    p95: quantile(outcomes, 0.95),
    histogram: histogram(outcomes),
    draws,
    seed,
  };
}
