import { describe, it, expect } from 'vitest';
import { shuffle } from './shuffle';
import {
  BDM_MODEL_NAME,
  createRng,
  simulateBargaining,
  weightedMean,
  type BargainingResult,
  type ModelActor,
} from '@/lib/decision-models';

/**
 * The published worked example: Bueno de Mesquita (1994), "Political forecasting: an expected
 * utility method", in Bueno de Mesquita & Stokman (eds), European Community Decision Making,
 * p. 78 — the date (years) by which emission standards should apply to medium-sized cars —
 * reproduced as Table 1 of Scholz, Calbert & Smith (2011), "Unravelling Bueno De Mesquita's
 * group decision model", and as ExampleActors.csv in the public reimplementations
 * dmasad/BDM_DecisionModel_Replication and jmckib/bdm-scholz-expected-utility-model.
 */
const EMISSIONS: ModelActor[] = (
  [
    ['Netherlands', 0.08, 4, 80],
    ['Belgium', 0.08, 7, 40],
    ['Luxembourg', 0.03, 4, 20],
    ['Germany', 0.16, 4, 80],
    ['France', 0.16, 10, 60],
    ['Italy', 0.16, 10, 60],
    ['UK', 0.16, 10, 90],
    ['Ireland', 0.05, 7, 10],
    ['Denmark', 0.05, 4, 100],
    ['Greece', 0.08, 7, 70],
  ] as const
).map(([name, capability, position, salience]) => ({ id: name, name, capability, position, salience }));

/**
 * Scholz, Calbert & Smith (2011), section 7 (Results), Table 2: median and mean voter
 * position (years) at the end of rounds 1-8 for the table above, with Q = 1.0, to one
 * decimal. The text states the first of them: "the median voter position at the end of the
 * first round to be 8.4 years". (Table values as transcribed from the paper in the public
 * extract hamzagul07/schelling, docs/papers/scholz_extract.md, section 7.)
 */
const SCHOLZ_TABLE_2 = {
  median: [8.4, 9.9, 9.9, 9.9, 9.9, 7.4, 8.8, 9.6],
  mean: [7.4, 7.5, 7.6, 7.3, 7.3, 7.4, 7.5, 7.6],
};

function meanAt(result: BargainingResult, round: number, actors: ModelActor[]): number {
  const snap = result.rounds[round];
  if (!snap) throw new Error(`no round ${round}`);
  return weightedMean(actors.map((a) => ({ ...a, position: snap.positions[a.id] as number })));
}

function randomActors(rng: () => number, n: number): ModelActor[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `actor-${i}`,
    name: `Actor ${i}`,
    position: rng() < 0.3 ? Math.round(rng() * 10) * 10 : rng() * 100,
    salience: 5 + rng() * 95,
    capability: 1 + rng() * 99,
  }));
}


describe('simulateBargaining on the published BDM (1994) / Scholz et al. (2011) example', () => {
  it('starts from the input state (round 0): median 7, mean 7.39', () => {
    const result = simulateBargaining(EMISSIONS, { maxRounds: 8, stopEarly: false });
    expect(result.model).toBe(BDM_MODEL_NAME);
    expect(result.rounds[0]?.round).toBe(0);
    expect(result.rounds[0]?.forecast).toBe(7);
    expect(result.rounds[0]?.positions).toEqual(Object.fromEntries(EMISSIONS.map((a) => [a.id, a.position])));
    expect(meanAt(result, 0, EMISSIONS)).toBeCloseTo(7.39, 2);
  });

  it('reproduces the published round-1 median of 8.4 years (Scholz et al. 2011, Table 2 and text)', () => {
    for (const offerRule of ['least-move', 'scholz-replication'] as const) {
      const result = simulateBargaining(EMISSIONS, { maxRounds: 8, stopEarly: false, offerRule });
      // toBeCloseTo(x, 1): |difference| < 0.05, i.e. equal at the published one decimal
      expect(result.rounds[1]?.forecast).toBeCloseTo(8.4, 1);
      // round 1: Belgium compromises towards France's 10 years and becomes the median voter
      expect(result.rounds[1]?.positions.Belgium).toBeCloseTo(8.416, 3);
      // the published round-1 mean is 7.4; ours is 7.46
      expect(Math.abs(meanAt(result, 1, EMISSIONS) - (SCHOLZ_TABLE_2.mean[0] as number))).toBeLessThan(0.1);
    }
  });

  it('with the replication offer rule, tracks all of Table 2 to within 0.1 except the round-2 median', () => {
    const result = simulateBargaining(EMISSIONS, { maxRounds: 8, stopEarly: false, offerRule: 'scholz-replication' });
    expect(result.rounds).toHaveLength(9);
    for (let t = 1; t <= 8; t++) {
      const publishedMean = SCHOLZ_TABLE_2.mean[t - 1] as number;
      expect(Math.abs(meanAt(result, t, EMISSIONS) - publishedMean)).toBeLessThan(0.1);
      if (t === 2) continue;
      const publishedMedian = SCHOLZ_TABLE_2.median[t - 1] as number;
      expect(Math.abs((result.rounds[t]?.forecast as number) - publishedMedian)).toBeLessThan(0.1);
    }
    // Known deviation: Scholz et al. report 9.9 after round 2; this formulation (and the
    // public reimplementation it follows) gives 9.61. Pinned so a change is noticed.
    expect(result.rounds[2]?.forecast).toBeCloseTo(9.611, 3);
    // the published trajectory's qualitative shape: up to ~9.9-10, a drop in round 6, then up again
    const medians = result.rounds.slice(1).map((r) => r.forecast);
    expect(medians[5]).toBeLessThan(7.6);
    expect(medians[6]).toBeCloseTo(8.8, 1);
  });

  it('keeps the coalition structure (low bloc at 4 years, high bloc at 10)', () => {
    const result = simulateBargaining(EMISSIONS);
    const last = result.rounds[result.rounds.length - 1]?.positions ?? {};
    for (const id of ['Netherlands', 'Germany', 'Denmark']) expect(last[id]).toBe(4);
    for (const id of ['France', 'Italy', 'UK']) expect(last[id]).toBe(10);
    expect(result.converged).toBe(true);
    expect(result.forecast).toBeGreaterThanOrEqual(4);
    expect(result.forecast).toBeLessThanOrEqual(10);
  });
});

describe('simulateBargaining behaviour', () => {
  it('returns at once when everyone already agrees', () => {
    const result = simulateBargaining([
      { id: 'a', name: 'A', position: 55, salience: 80, capability: 10 },
      { id: 'b', name: 'B', position: 55, salience: 20, capability: 90 },
    ]);
    expect(result).toEqual({
      rounds: [{ round: 0, positions: { a: 55, b: 55 }, forecast: 55 }],
      forecast: 55,
      converged: true,
      model: BDM_MODEL_NAME,
    });
  });

  it('maxRounds: 0 simulates nothing and reports the input median', () => {
    const result = simulateBargaining(EMISSIONS, { maxRounds: 0 });
    expect(result.rounds).toHaveLength(1);
    expect(result.forecast).toBe(7);
    expect(result.converged).toBe(false);
  });

  it('stopEarly: false runs every round without changing forecast or convergence', () => {
    const early = simulateBargaining(EMISSIONS);
    const full = simulateBargaining(EMISSIONS, { stopEarly: false, maxRounds: 40 });
    expect(full.rounds).toHaveLength(41);
    expect(full.forecast).toBe(early.forecast);
    expect(full.converged).toBe(early.converged);
    expect(full.rounds.slice(0, early.rounds.length)).toEqual(early.rounds);
  });

  it('reports a non-converged run with the mean of its last rounds', () => {
    // the replication rule oscillates on the emissions table; cut it off after 8 rounds
    const result = simulateBargaining(EMISSIONS, { maxRounds: 8, offerRule: 'scholz-replication' });
    expect(result.converged).toBe(false);
    const tail = result.rounds.slice(-8).map((r) => r.forecast);
    expect(result.forecast).toBeCloseTo(tail.reduce((s, v) => s + v, 0) / tail.length, 12);
  });

  it('stops a run whose positions return to an earlier state and reports the cycle mean', () => {
    // found by a seeded search of small integer inputs; the positions repeat after 9 rounds
    const actors: ModelActor[] = (
      [
        ['a', 80, 70, 10],
        ['b', 70, 10, 70],
        ['c', 70, 10, 30],
        ['d', 20, 40, 90],
        ['e', 40, 90, 40],
      ] as const
    ).map(([id, position, salience, capability]) => ({ id, name: id, position, salience, capability }));
    const result = simulateBargaining(actors);
    expect(result.converged).toBe(false);
    const last = result.rounds.length - 1;
    expect(last).toBeLessThan(100);
    const first = result.rounds.findIndex((r) => JSON.stringify(r.positions) === JSON.stringify(result.rounds[last]?.positions));
    expect(first).toBeLessThan(last);
    const cycle = result.rounds.slice(first + 1).map((r) => r.forecast);
    expect(result.forecast).toBeCloseTo(cycle.reduce((s, v) => s + v, 0) / cycle.length, 12);
    // the periodic continuation does not change the verdict
    const full = simulateBargaining(actors, { stopEarly: false });
    expect(full.rounds).toHaveLength(101);
    expect(full.forecast).toBe(result.forecast);
    expect(full.converged).toBe(false);
    expect(full.rounds[last + (last - first)]?.positions).toEqual(result.rounds[last]?.positions);
  });

  it('rejects bad input and options with a RangeError', () => {
    const ok = EMISSIONS;
    expect(() => simulateBargaining([])).toThrow(/empty/);
    expect(() => simulateBargaining([{ ...ok[0]!, position: Number.NaN }])).toThrow(/NaN/);
    expect(() => simulateBargaining([{ ...ok[0]!, salience: 100.5 }])).toThrow(/between 0 and 100/);
    expect(() => simulateBargaining(ok.map((a) => ({ ...a, capability: 0 })))).toThrow(/capability x salience = 0/);
    expect(() => simulateBargaining(ok, { maxRounds: 1.5 })).toThrow(RangeError);
    expect(() => simulateBargaining(ok, { maxRounds: -1 })).toThrow(/maxRounds/);
    expect(() => simulateBargaining(ok, { tolerance: Number.NaN })).toThrow(/tolerance/);
  });

  // How fast is measured by `npm run bench:scenario` against baselines in the same run, not by a
  // wall clock here (a unit test on a loaded machine would fail for the machine, not the code).
  it('runs 50 actors for the full 100 rounds when asked not to stop early', () => {
    const actors = randomActors(createRng(50), 50);
    const result = simulateBargaining(actors, { maxRounds: 100, stopEarly: false });
    expect(result.rounds).toHaveLength(101);
    expect(result.rounds.every((r) => Object.keys(r.positions).length === 50)).toBe(true);
  });
});

describe('simulateBargaining properties (seeded random cases)', () => {
  const rng = createRng(1994);
  const cases = Array.from({ length: 120 }, (_, k) => randomActors(rng, 2 + (k % 14)));

  it('all actors at one position: that position is the outcome', () => {
    for (const actors of cases) {
      const x = actors[0]?.position as number;
      const result = simulateBargaining(actors.map((a) => ({ ...a, position: x })));
      expect(result.forecast).toBe(x);
      expect(result.converged).toBe(true);
    }
  });

  it('the forecast and every position stay within [min position, max position]', () => {
    for (const actors of cases) {
      const xs = actors.map((a) => a.position);
      const lo = Math.min(...xs);
      const hi = Math.max(...xs);
      const result = simulateBargaining(actors, { maxRounds: 30 });
      expect(result.forecast).toBeGreaterThanOrEqual(lo);
      expect(result.forecast).toBeLessThanOrEqual(hi);
      for (const snap of result.rounds) {
        expect(snap.forecast).toBeGreaterThanOrEqual(lo);
        expect(snap.forecast).toBeLessThanOrEqual(hi);
        for (const v of Object.values(snap.positions)) {
          expect(v).toBeGreaterThanOrEqual(lo - 1e-9);
          expect(v).toBeLessThanOrEqual(hi + 1e-9);
        }
      }
    }
  });

  it('scaling every capability by the same constant changes nothing', () => {
    for (const actors of cases) {
      const base = simulateBargaining(actors, { maxRounds: 30 });
      // a power of two scales exactly in floating point: results are bit-identical
      const half = simulateBargaining(actors.map((a) => ({ ...a, capability: a.capability / 2 })), { maxRounds: 30 });
      expect(half).toEqual(base);
      // any other constant: equal up to rounding
      const scaled = simulateBargaining(
        actors.map((a) => ({ ...a, capability: a.capability * 0.37 })),
        { maxRounds: 30 },
      );
      expect(scaled.rounds).toHaveLength(base.rounds.length);
      expect(scaled.forecast).toBeCloseTo(base.forecast, 6);
      expect(scaled.converged).toBe(base.converged);
    }
  });

  it('reordering the actors changes nothing', () => {
    const order = createRng(3);
    for (const actors of cases) {
      const base = simulateBargaining(actors, { maxRounds: 30 });
      expect(simulateBargaining(shuffle(actors, order), { maxRounds: 30 })).toEqual(base);
    }
  });
});
