import { describe, it, expect } from 'vitest';
import { shuffle } from './shuffle';
import { createRng, weightedMean, weightedMedian, type ModelActor } from '@/lib/decision-models';

/**
 * Input table of Bueno de Mesquita (1994, p. 78; "the date (years) of introduction of emission
 * standards for medium-sized automobiles"), as reproduced in Scholz, Calbert & Smith (2011),
 * Table 1, and in the public reimplementations' ExampleActors.csv
 * (dmasad/BDM_DecisionModel_Replication, jmckib/bdm-scholz-expected-utility-model).
 * Capability on 0-1 and salience on 0-100, as published; both fit our 0-100 scale unchanged.
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

function actor(id: string, position: number, capability = 50, salience = 50): ModelActor {
  return { id, name: id, position, capability, salience };
}

/** Summed pairwise votes for y over z: sum_i c_i s_i (u_i(y) - u_i(z)), u_i = -|x_i - .|. */
function voteMargin(actors: ModelActor[], y: number, z: number): number {
  return actors.reduce(
    (sum, a) => sum + a.capability * a.salience * (Math.abs(a.position - z) - Math.abs(a.position - y)),
    0,
  );
}

function randomActors(rng: () => number, n: number, opts: { integer?: boolean; equalWeights?: boolean } = {}) {
  return Array.from({ length: n }, (_, i) => {
    const raw = rng() * 100;
    const position = opts.integer ? Math.round(raw / 10) * 10 : raw;
    const capability = opts.equalWeights ? 10 : Math.round(rng() * 100);
    const salience = opts.equalWeights ? 10 : Math.round(rng() * 100);
    return actor(`a${i}`, position, capability, salience);
  });
}


describe('weightedMean', () => {
  it('is sum(c*s*x) / sum(c*s)', () => {
    expect(weightedMean([actor('a', 0, 10, 10), actor('b', 100, 30, 10)])).toBeCloseTo(75, 12);
  });

  it('reproduces the public replication output for the BDM (1994) emission-standards table', () => {
    // dmasad/BDM_DecisionModel_Replication, Testing.ipynb, cell `model.find_mean()`:
    // output "7.389955686853767" (same table, salience divided by 100, which cancels).
    expect(weightedMean(EMISSIONS)).toBeCloseTo(7.389955686853767, 12);
  });

  it('reproduces the weighted mean of the Greece 2015 example (muratk5n/tw)', () => {
    // muratk5n/tw, en/0119/2015/07/mesquita-game-theory-greece.md prints "mean voter 82" for
    // this table under Python 2 integer division; the exact value is 3,700,000 / 45,000.
    const greece = [
      actor('Greece', 40, 100, 100),
      actor('USA', 60, 30, 100),
      actor('IMF', 70, 20, 100),
      actor('Juncker', 80, 10, 100),
      actor('Germany', 100, 100, 80),
      actor('France', 100, 70, 100),
      actor('Dijsselbloem', 100, 70, 40),
      actor('Tusk', 100, 70, 40),
      actor('Italy', 100, 50, 100),
      actor('ECB', 100, 20, 70),
      actor('Spain', 100, 20, 100),
    ];
    expect(weightedMean(greece)).toBeCloseTo(3_700_000 / 45_000, 12);
    expect(Math.floor(weightedMean(greece))).toBe(82);
    // same source: "weighted mode 100.0" (their cumulative-weight median)
    expect(weightedMedian(greece)).toBe(100);
  });
});

describe('weightedMedian', () => {
  it('is 7 years for the BDM (1994) emission-standards table', () => {
    // dmasad/BDM_DecisionModel_Replication, "Comparison with Original.ipynb": `model.vote()`
    // (the Condorcet winner of the pairwise contests) prints "7.0".
    expect(weightedMedian(EMISSIONS)).toBe(7);
  });

  it('takes the midpoint when the weight splits exactly in half', () => {
    expect(weightedMedian([actor('a', 20), actor('b', 60)])).toBe(40);
    expect(weightedMedian([actor('a', 10), actor('b', 30), actor('c', 50, 100, 50)])).toBe(40);
    // not an exact split: the lower position already holds more than half
    expect(weightedMedian([actor('a', 10, 60), actor('b', 30, 40)])).toBe(10);
  });

  it('ignores actors whose c*s is 0', () => {
    expect(weightedMedian([actor('a', 10), actor('b', 90, 0, 50), actor('c', 95, 50, 0)])).toBe(10);
    expect(weightedMedian([actor('a', 10), actor('z', 50, 0, 0), actor('c', 30)])).toBe(20);
  });

  it('is unbeaten: brute force over a grid with the pairwise vote rule', () => {
    const rng = createRng(20201109);
    const grid = Array.from({ length: 401 }, (_, k) => k * 0.25);
    for (let c = 0; c < 300; c++) {
      const n = 1 + Math.floor(rng() * 12);
      const actors = randomActors(rng, n, { integer: c % 3 === 0, equalWeights: c % 5 === 0 });
      if (actors.every((a) => a.capability * a.salience === 0)) continue;
      const m = weightedMedian(actors);
      const scale = actors.reduce((s, a) => s + a.capability * a.salience, 0) * 100;
      // m must never lose a pairwise vote (a tie is not a defeat)
      let worst = Infinity;
      for (const z of [...grid, ...actors.map((a) => a.position)]) worst = Math.min(worst, voteMargin(actors, m, z));
      expect(worst).toBeGreaterThanOrEqual(-1e-12 * scale);
    }
  });

  it('is beaten by nothing and beats every position outside the median interval', () => {
    // three equal voters: the median voter's position beats all others strictly
    const actors = [actor('a', 10), actor('b', 35), actor('c', 90)];
    expect(weightedMedian(actors)).toBe(35);
    for (let z = 0; z <= 100; z += 0.5) {
      if (z !== 35) expect(voteMargin(actors, 35, z)).toBeGreaterThan(0);
    }
  });
});

describe('validation', () => {
  for (const [name, fn] of [
    ['weightedMean', weightedMean],
    ['weightedMedian', weightedMedian],
  ] as const) {
    it(`${name} rejects bad input with a RangeError`, () => {
      expect(() => fn([])).toThrow(RangeError);
      expect(() => fn([])).toThrow(/empty/);
      expect(() => fn([actor('a', Number.NaN)])).toThrow(/position.*NaN/);
      expect(() => fn([actor('a', 101)])).toThrow(/between 0 and 100/);
      expect(() => fn([actor('a', 50, -1)])).toThrow(/capability.*between 0 and 100/);
      expect(() => fn([actor('a', 50, 50, Number.POSITIVE_INFINITY)])).toThrow(/salience/);
      expect(() => fn([actor('a', 10, 0, 50), actor('b', 20, 50, 0)])).toThrow(/capability x salience = 0/);
      expect(() => fn([actor('a', 10), actor('a', 20)])).toThrow(/more than once/);
    });
  }
});

describe('properties of mean and median', () => {
  const rng = createRng(42);
  const cases = Array.from({ length: 200 }, (_, c) => randomActors(rng, 1 + (c % 15), { integer: c % 4 === 0 }))
    .filter((actors) => actors.some((a) => a.capability * a.salience > 0));

  it('all actors at one position give that position', () => {
    for (const actors of cases) {
      const same = actors.map((a) => ({ ...a, position: 37.5 }));
      expect(weightedMean(same)).toBeCloseTo(37.5, 12);
      expect(weightedMedian(same)).toBe(37.5);
    }
  });

  it('lie within [min position, max position]', () => {
    for (const actors of cases) {
      const xs = actors.map((a) => a.position);
      for (const v of [weightedMean(actors), weightedMedian(actors)]) {
        expect(v).toBeGreaterThanOrEqual(Math.min(...xs) - 1e-12);
        expect(v).toBeLessThanOrEqual(Math.max(...xs) + 1e-12);
      }
    }
  });

  it('do not change when every capability is scaled by the same constant', () => {
    for (const actors of cases) {
      for (const k of [0.5, 0.37, 0.01]) {
        const scaled = actors.map((a) => ({ ...a, capability: a.capability * k }));
        expect(weightedMean(scaled)).toBeCloseTo(weightedMean(actors), 9);
        expect(weightedMedian(scaled)).toBeCloseTo(weightedMedian(actors), 9);
      }
    }
  });

  it('do not depend on the order of the actors', () => {
    const order = createRng(7);
    for (const actors of cases) {
      const shuffled = shuffle(actors, order);
      expect(weightedMean(shuffled)).toBe(weightedMean(actors));
      expect(weightedMedian(shuffled)).toBe(weightedMedian(actors));
    }
  });
});
