/**
 * Benchmark of lib/decision-models: `npx tsx scripts/bench-scenario.ts` (or `npm run bench:scenario`).
 *
 * Measures, on this machine and in this process:
 *   (a) one 50-actor bargaining run forced to 100 rounds,
 *   (b) one 1,000-draw uncertainty run over 10 actors with 3 readings each,
 * plus baselines measured in the same run so the numbers can be compared across machines:
 *   the weighted mean and weighted median of the same 50 actors, a 10-actor 100-round run,
 *   and a 100-draw uncertainty run.
 * Each case is warmed up, then timed several times; the median and the fastest are printed.
 */
import os from 'node:os';
import {
  createRng,
  runUncertainty,
  simulateBargaining,
  weightedMean,
  weightedMedian,
  type ModelActor,
  type UncertainActor,
} from '../lib/decision-models';

function actors(n: number, seed: number): ModelActor[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, (_, i) => ({
    id: `actor-${String(i).padStart(3, '0')}`,
    name: `Actor ${i}`,
    position: rng() * 100,
    salience: 10 + rng() * 90,
    capability: 5 + rng() * 95,
  }));
}

function uncertainActors(n: number, seed: number): UncertainActor[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, (_, i) => ({
    id: `actor-${i}`,
    name: `Actor ${i}`,
    readings: Array.from({ length: 3 }, () => ({
      position: rng() * 100,
      salience: 10 + rng() * 90,
      capability: rng() < 0.2 ? null : 5 + rng() * 95,
      weight: [1, 2, 3][Math.floor(rng() * 3)] as number,
    })),
    fallbackCapability: 50,
  }));
}

interface Timing {
  label: string;
  medianMs: number;
  minMs: number;
  note: string;
}

/** Times `fn` (which runs `inner` operations) `reps` times after `warmup` untimed calls. */
function time(label: string, fn: () => string, opts: { reps: number; warmup: number; inner?: number }): Timing {
  let note = '';
  for (let k = 0; k < opts.warmup; k++) note = fn();
  const samples: number[] = [];
  for (let k = 0; k < opts.reps; k++) {
    const start = performance.now();
    note = fn();
    samples.push((performance.now() - start) / (opts.inner ?? 1));
  }
  samples.sort((a, b) => a - b);
  return { label, medianMs: samples[Math.floor(samples.length / 2)] as number, minMs: samples[0] as number, note };
}

function fmt(ms: number): string {
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  if (ms >= 1) return `${ms.toFixed(2)} ms`;
  return `${(ms * 1000).toFixed(2)} µs`;
}

const fifty = actors(50, 50);
const ten = actors(10, 10);
const tenUncertain = uncertainActors(10, 1000);
let sink = 0;

const results: Timing[] = [
  time(
    'baseline: weightedMean, 50 actors',
    () => {
      for (let k = 0; k < 1000; k++) sink += weightedMean(fifty);
      return 'per call';
    },
    { reps: 7, warmup: 2, inner: 1000 },
  ),
  time(
    'baseline: weightedMedian, 50 actors',
    () => {
      for (let k = 0; k < 1000; k++) sink += weightedMedian(fifty);
      return 'per call';
    },
    { reps: 7, warmup: 2, inner: 1000 },
  ),
  time(
    'baseline: bargaining, 10 actors x 100 rounds',
    () => {
      const r = simulateBargaining(ten, { maxRounds: 100, stopEarly: false });
      sink += r.forecast;
      return `${r.rounds.length - 1} rounds`;
    },
    { reps: 15, warmup: 3 },
  ),
  time(
    '(a) bargaining, 50 actors x 100 rounds',
    () => {
      const r = simulateBargaining(fifty, { maxRounds: 100, stopEarly: false });
      sink += r.forecast;
      return `${r.rounds.length - 1} rounds, forecast ${r.forecast.toFixed(2)}, converged ${r.converged}`;
    },
    { reps: 9, warmup: 2 },
  ),
  time(
    'baseline: uncertainty, 100 draws x 10 actors',
    () => {
      const r = runUncertainty(tenUncertain, { draws: 100, seed: 7 });
      sink += r.mean;
      return `median ${r.median.toFixed(2)}`;
    },
    { reps: 9, warmup: 2 },
  ),
  time(
    '(b) uncertainty, 1,000 draws x 10 actors',
    () => {
      const r = runUncertainty(tenUncertain, { draws: 1000, seed: 2024 });
      sink += r.mean;
      return `median ${r.median.toFixed(2)}, p05-p95 ${r.p05.toFixed(2)}-${r.p95.toFixed(2)}`;
    },
    { reps: 5, warmup: 1 },
  ),
];

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
console.log(`scenario benchmark — node ${process.version}, ${os.cpus().length} x ${cpu}`);
const width = Math.max(...results.map((r) => r.label.length));
for (const r of results) {
  console.log(`${r.label.padEnd(width)}  median ${fmt(r.medianMs).padStart(10)}  min ${fmt(r.minMs).padStart(10)}  (${r.note})`);
}
const a = results.find((r) => r.label.startsWith('(a)'));
const base10 = results.find((r) => r.label.includes('10 actors x 100'));
const mean50 = results.find((r) => r.label.includes('weightedMean'));
if (a && base10 && mean50) {
  console.log(
    `ratios: (a) = ${(a.medianMs / base10.medianMs).toFixed(1)} x the 10-actor run, ` +
      `${(a.medianMs / mean50.medianMs).toFixed(0)} x one weighted mean of the same actors`,
  );
}
if (!Number.isFinite(sink)) console.log('unexpected non-finite checksum');
