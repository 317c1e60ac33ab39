import { describe, it, expect } from 'vitest';
import {
  aggregateReadings,
  createRng,
  JITTER_SD,
  runUncertainty,
  ScenarioCancelledError,
  simulateBargaining,
  type Reading,
  type UncertainActor,
} from '@/lib/decision-models';

function reading(position: number, salience: number, capability: number | null, weight: number): Reading {
  return { position, salience, capability, weight };
}

/** Ten actors with two or three disagreeing readings each (weights: confidence x reliability). */
function tenActors(): UncertainActor[] {
  const rng = createRng(11);
  return Array.from({ length: 10 }, (_, i) => ({
    id: `a${i}`,
    name: `Actor ${i}`,
    readings: Array.from({ length: 2 + (i % 2) }, () =>
      reading(rng() * 100, 20 + rng() * 80, i === 3 ? null : 10 + rng() * 90, 1 + Math.floor(rng() * 3) * 1.5),
    ),
    fallbackCapability: i === 3 ? 40 : undefined,
  }));
}

describe('aggregateReadings', () => {
  it('is the weight-averaged reading; capability averages the readings that have one', () => {
    const agg = aggregateReadings([reading(10, 50, 20, 1), reading(40, 80, null, 2), reading(70, 20, 60, 3)]);
    expect(agg.position).toBeCloseTo((10 + 80 + 210) / 6, 12);
    expect(agg.salience).toBeCloseTo((50 + 160 + 60) / 6, 12);
    expect(agg.capability).toBeCloseTo((20 + 180) / 4, 12);
  });

  it('gives null capability when no reading has one', () => {
    expect(aggregateReadings([reading(30, 30, null, 2)])).toEqual({ position: 30, salience: 30, capability: null });
  });

  it('rejects empty, zero-weight and out-of-range readings', () => {
    expect(() => aggregateReadings([])).toThrow(RangeError);
    expect(() => aggregateReadings([reading(10, 10, 10, 0)])).toThrow(/weight 0/);
    expect(() => aggregateReadings([reading(10, 10, 10, -1)])).toThrow(/weight/);
    expect(() => aggregateReadings([reading(Number.NaN, 10, 10, 1)])).toThrow(/NaN/);
    expect(() => aggregateReadings([reading(10, 10, 120, 1)])).toThrow(/capability/);
  });
});

describe('runUncertainty', () => {
  it('returns a consistent summary of the outcome distribution', () => {
    const result = runUncertainty(tenActors(), { draws: 200, seed: 1 });
    expect(result.draws).toBe(200);
    expect(result.seed).toBe(1);
    expect(result.outcomes).toHaveLength(200);
    const sorted = [...result.outcomes].sort((a, b) => a - b);
    expect(result.outcomes).toEqual(sorted);
    for (const v of result.outcomes) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(100);
    }
    expect(result.mean).toBeCloseTo(result.outcomes.reduce((s, v) => s + v, 0) / 200, 9);
    expect(result.p05).toBeLessThanOrEqual(result.p25);
    expect(result.p25).toBeLessThanOrEqual(result.median);
    expect(result.median).toBeLessThanOrEqual(result.p75);
    expect(result.p75).toBeLessThanOrEqual(result.p95);
    // median of an even count: mean of the two middle outcomes
    expect(result.median).toBeCloseTo(((sorted[99] as number) + (sorted[100] as number)) / 2, 12);
    expect(result.histogram).toHaveLength(20);
    expect(result.histogram[0]).toMatchObject({ from: 0, to: 5 });
    expect(result.histogram[19]).toMatchObject({ from: 95, to: 100 });
    expect(result.histogram.reduce((s, b) => s + b.count, 0)).toBe(200);
  });

  it('same seed gives the same distribution; a different seed (generally) a different one', () => {
    const a = runUncertainty(tenActors(), { draws: 100, seed: 123 });
    const b = runUncertainty(tenActors(), { draws: 100, seed: 123 });
    const c = runUncertainty(tenActors(), { draws: 100, seed: 124 });
    expect(b).toEqual(a);
    expect(c.outcomes).not.toEqual(a.outcomes);
  });

  it('does not depend on the order of the actors', () => {
    const actors = tenActors();
    const a = runUncertainty(actors, { draws: 50, seed: 9 });
    const b = runUncertainty([...actors].reverse(), { draws: 50, seed: 9 });
    expect(b).toEqual(a);
  });

  it('with one actor the outcome is that actor\'s drawn position, spread by its confidence', () => {
    const result = runUncertainty(
      [{ id: 'x', name: 'X', readings: [reading(50, 50, 50, 1)] }],
      { draws: 4000, seed: 5 },
    );
    expect(result.mean).toBeCloseTo(50, 0);
    // standard deviation of the jitter for a weight-1 reading
    const sd = Math.sqrt(result.outcomes.reduce((s, v) => s + (v - result.mean) ** 2, 0) / result.draws);
    expect(sd).toBeGreaterThan(JITTER_SD * 0.9);
    expect(sd).toBeLessThan(JITTER_SD * 1.1);
  });

  it('more confident readings give a narrower distribution', () => {
    const spread = (weight: number) => {
      const r = runUncertainty(
        [
          { id: 'a', name: 'A', readings: [reading(20, 60, 50, weight)] },
          { id: 'b', name: 'B', readings: [reading(60, 60, 50, weight)] },
          { id: 'c', name: 'C', readings: [reading(80, 60, 50, weight)] },
        ],
        { draws: 300, seed: 77 },
      );
      return r.p95 - r.p05;
    };
    expect(spread(9)).toBeLessThan(spread(1));
  });

  it('uses fallbackCapability when no reading has a capability, and needs one of them', () => {
    const withFallback: UncertainActor[] = [
      { id: 'a', name: 'A', readings: [reading(10, 50, null, 3)], fallbackCapability: 80 },
      { id: 'b', name: 'B', readings: [reading(90, 50, 20, 3)] },
    ];
    expect(runUncertainty(withFallback, { draws: 10, seed: 1 }).outcomes).toHaveLength(10);
    expect(() =>
      runUncertainty([{ id: 'a', name: 'A', readings: [reading(10, 50, null, 1)] }], { draws: 10, seed: 1 }),
    ).toThrow(/no reading with a capability and no fallbackCapability/);
  });

  it('agrees with the deterministic model when readings leave no room for doubt', () => {
    // weight 1e6 shrinks the jitter to 0.005 points: every draw is (almost) the aggregate
    const actors: UncertainActor[] = [
      { id: 'a', name: 'A', readings: [reading(20, 70, 60, 1e6)] },
      { id: 'b', name: 'B', readings: [reading(45, 40, 30, 1e6)] },
      { id: 'c', name: 'C', readings: [reading(90, 90, 50, 1e6)] },
    ];
    const deterministic = simulateBargaining(
      actors.map((a) => {
        const r = a.readings[0] as Reading;
        return { id: a.id, name: a.name, position: r.position, salience: r.salience, capability: r.capability as number };
      }),
    ).forecast;
    const result = runUncertainty(actors, { draws: 50, seed: 3 });
    expect(result.median).toBeCloseTo(deterministic, 1);
  });

  it('reports progress and can be cancelled between draws', () => {
    const calls: [number, number][] = [];
    runUncertainty(tenActors(), { draws: 250, seed: 2, onProgress: (done, total) => calls.push([done, total]) });
    expect(calls.length).toBeGreaterThan(10);
    expect(calls[calls.length - 1]).toEqual([250, 250]);
    for (let k = 1; k < calls.length; k++) expect(calls[k]![0]).toBeGreaterThan(calls[k - 1]![0]);

    let asked = 0;
    let caught: unknown;
    try {
      runUncertainty(tenActors(), { draws: 1000, seed: 2, shouldCancel: () => ++asked > 20 });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ScenarioCancelledError);
    expect((caught as ScenarioCancelledError).completedDraws).toBe(20);
  });

  it('rejects bad options and actors', () => {
    const actors = tenActors();
    expect(() => runUncertainty([], { draws: 10, seed: 1 })).toThrow(/empty/);
    expect(() => runUncertainty(actors, { draws: 0, seed: 1 })).toThrow(/draws/);
    expect(() => runUncertainty(actors, { draws: 2.5, seed: 1 })).toThrow(/draws/);
    expect(() => runUncertainty(actors, { draws: 10, seed: Number.NaN })).toThrow(/seed/);
    expect(() => runUncertainty([{ id: 'a', name: 'A', readings: [] }], { draws: 10, seed: 1 })).toThrow(
      /no readings/,
    );
    expect(() =>
      runUncertainty([{ id: 'a', name: 'A', readings: [reading(10, 10, 10, 1)], fallbackCapability: 150 }], {
        draws: 1,
        seed: 1,
      }),
    ).toThrow(/fallbackCapability/);
  });

  // Timed by `npm run bench:scenario` (1,000 draws of 10 actors against a 100-draw baseline), not here.
  it('runs 1,000 draws of 10 actors, each a finite outcome on the scale', () => {
    const result = runUncertainty(tenActors(), { draws: 1000, seed: 2024 });
    expect(result.outcomes).toHaveLength(1000);
    expect(result.outcomes.every((o) => Number.isFinite(o) && o >= 0 && o <= 100)).toBe(true);
  });
});

describe('createRng', () => {
  it('is deterministic, in [0, 1), and seed-dependent', () => {
    const a = createRng(99);
    const b = createRng(99);
    const seqA = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(seqA);
    for (const v of seqA) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThan(1);
    }
    const meanValue = seqA.reduce((s, v) => s + v, 0) / seqA.length;
    expect(meanValue).toBeGreaterThan(0.45);
    expect(meanValue).toBeLessThan(0.55);
    const c = createRng(100);
    expect(Array.from({ length: 10 }, () => c())).not.toEqual(seqA.slice(0, 10));
    expect(() => createRng(Number.NaN)).toThrow(RangeError);
  });
});
