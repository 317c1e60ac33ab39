/**
 * The uncertainty run in the browser is split into chunks so that a Cancel message reaches the
 * worker between them (a Web Worker cannot read messages while a synchronous loop runs). Each
 * chunk is one `runUncertainty` call with its own seed; the outcomes of all chunks are merged
 * here and summarised exactly as lib/decision-models summarises one run (mean, type-7 percentiles,
 * 20 bins of width 5 over 0-100 with 100 in the last bin). Chunk sizes and seeds depend only on
 * the inputs, the draw count and the seed, so the same run gives the same distribution.
 */
import type { HistogramBin, UncertaintyResult } from '../decision-models/types';

export const HISTOGRAM_BINS = 20;

/** Draws per chunk: about 20,000 actor³ units of work (a few milliseconds), at least 1, at most 200. */
export function chunkSize(actorCount: number): number {
  const n = Math.max(1, actorCount);
  return Math.max(1, Math.min(200, Math.floor(20_000 / n ** 3)));
}

/** Seed of chunk k of a run seeded with `seed` (32-bit, golden-ratio stride). */
export function chunkSeed(seed: number, k: number): number {
  return (Math.trunc(seed) + Math.imul(k, 0x9e3779b9)) >>> 0;
}

/** [draws of chunk 0, draws of chunk 1, ...] summing to `draws`. */
export function chunkPlan(draws: number, actorCount: number): number[] {
  const size = chunkSize(actorCount);
  const plan: number[] = [];
  for (let left = draws; left > 0; left -= size) plan.push(Math.min(size, left));
  return plan;
}

/** Percentile by linear interpolation between order statistics (R type 7), of a sorted array. */
export function quantile(sorted: readonly number[], q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (h - lo) * (b - a);
}

export function histogram(sorted: readonly number[]): HistogramBin[] {
  const width = 100 / HISTOGRAM_BINS;
  const bins: HistogramBin[] = Array.from({ length: HISTOGRAM_BINS }, (_, k) => ({ from: k * width, to: (k + 1) * width, count: 0 }));
  for (const v of sorted) {
    const k = Math.min(HISTOGRAM_BINS - 1, Math.max(0, Math.floor(v / width)));
    (bins[k] as HistogramBin).count++;
  }
  return bins;
}

/** The summary of a set of outcomes, in lib/decision-models's UncertaintyResult shape. */
export function summariseOutcomes(outcomes: readonly number[], seed: number): UncertaintyResult {
  if (outcomes.length === 0) throw new RangeError('summariseOutcomes: no outcomes');
  const sorted = [...outcomes].sort((a, b) => a - b);
  return {
    outcomes: sorted,
    mean: sorted.reduce((s, v) => s + v, 0) / sorted.length,
    median: quantile(sorted, 0.5),
    p05: quantile(sorted, 0.05),
    p25: quantile(sorted, 0.25),
    p75: quantile(sorted, 0.75),
    p95: quantile(sorted, 0.95),
    histogram: histogram(sorted),
    draws: sorted.length,
    seed,
  };
}
