import { describe, expect, it } from 'vitest';
import { coalitionStrengths, forecast, markovIncentivePce, probabilisticCondorcet, victoryProbabilities, type ModelActor } from '@/lib/decision-models';

const actor = (id: string, position: number, salience = 50, capability = 50): ModelActor => ({ id, name: id, position, salience, capability });

// A reference run of KTAB's own implementation, shipped in its repository as
// KTAB/kmodel/doc/2016-10-15-emod-run-03048962486573118966.txt (scenario "EModel-Matrix-KEM",
// first state, 6 actors, the 5 distinct options): actor strengths, utility matrix, and KTAB's
// printed "Coalition strength matrix", "Probability Opt_i > Opt_j" and "Probability Opt_i".
const KTAB_WEIGHTS = [6.21, 41.41, 38.96, 2.4, 18.82, 17.9];
const KTAB_UTILITIES = [
  [0.038633, 0.043352, 0.604478, 0.101941, 1.0],
  [0.583619, 0.0, 0.553179, 0.686276, 0.584847],
  [0.0, 0.762553, 0.235927, 0.795718, 0.961891],
  [0.0, 0.308265, 0.088954, 1.0, 0.609571],
  [0.293139, 0.630801, 0.531428, 0.026165, 0.0],
  [0.427777, 0.182886, 0.889504, 0.647899, 0.954474],
];
const KTAB_COALITIONS = [
  [0.0, 28.549214, 1.260415, 5.024904, 5.517368],
  [36.830137, 0.0, 22.911642, 11.380289, 11.872753],
  [25.668302, 39.038607, 0.0, 16.955481, 10.002382],
  [41.9795, 40.053962, 29.502189, 0.0, 5.627967],
  [54.382194, 52.456656, 34.459321, 17.538198, 0.0],
].map((row, i) => row.map((c, j) => (i === j ? 1e-8 : c))); // KTAB prints its 1e-8 diagonal as 0.000000
const KTAB_VICTORY_ROW_0 = [0.5, 0.43667, 0.046806, 0.106903, 0.09211];
const KTAB_PROBABILITIES = [0.01033, 0.073977, 0.119015, 0.138753, 0.657926];

describe('KTAB probabilistic Condorcet election (Markov incentives)', () => {
  it('reproduces KTAB’s reference run: coalitions, victory probabilities and the limiting distribution', () => {
    // coalitions from the printed inputs: the weights are printed to 0.01, so agreement is to about 0.01
    const coalitions = coalitionStrengths(KTAB_WEIGHTS, KTAB_UTILITIES);
    coalitions.forEach((row, i) => row.forEach((c, j) => expect(Math.abs(c - KTAB_COALITIONS[i]![j]!)).toBeLessThan(0.01)));
    victoryProbabilities(KTAB_COALITIONS)[0]!.forEach((v, j) => expect(v).toBeCloseTo(KTAB_VICTORY_ROW_0[j]!, 6));
    // from KTAB's own coalition matrix, the distribution agrees to the six printed decimals
    markovIncentivePce(KTAB_COALITIONS).forEach((p, i) => expect(p).toBeCloseTo(KTAB_PROBABILITIES[i]!, 6));
    // and from the rounded inputs to within 1e-4
    markovIncentivePce(coalitions).forEach((p, i) => expect(Math.abs(p - KTAB_PROBABILITIES[i]!)).toBeLessThan(1e-4));
  });

  it('sums to one, is 50 for two equal actors at the ends, and stays with a unanimous group', () => {
    const result = probabilisticCondorcet([actor('a', 10, 80, 90), actor('b', 40, 70, 60), actor('c', 60, 90, 50), actor('d', 90, 90, 30)]);
    expect(result.probabilities.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 9);
    expect(probabilisticCondorcet([actor('a', 0), actor('b', 100)]).value).toBeCloseTo(50, 6);
    expect(probabilisticCondorcet([actor('a', 37), actor('b', 37, 90, 10)]).value).toBe(37);
  });

  it('does not depend on the order of the actors, mirrors with the scale, and ignores weightless actors', () => {
    const actors = [actor('a', 10, 80, 90), actor('b', 40, 70, 60), actor('c', 60, 90, 50), actor('d', 90, 90, 30)];
    const base = probabilisticCondorcet(actors).value;
    expect(probabilisticCondorcet([...actors].reverse()).value).toBeCloseTo(base, 9);
    const mirrored = actors.map((a) => ({ ...a, position: 100 - a.position }));
    expect(probabilisticCondorcet(mirrored).value).toBeCloseTo(100 - base, 6);
    expect(probabilisticCondorcet([...actors, actor('e', 100, 0, 80)]).value).toBeCloseTo(base, 9);
  });

  it('favours the position a heavier coalition prefers, and is offered by forecast()', () => {
    const light = probabilisticCondorcet([actor('a', 20, 50, 30), actor('b', 80, 50, 70)]).value;
    expect(light).toBeGreaterThan(50);
    const result = forecast([actor('a', 20, 50, 30), actor('b', 80, 50, 70)], { model: 'pce' });
    expect(result.modelId).toBe('pce');
    expect(result.value).toBeCloseTo(light, 9);
    expect(() => probabilisticCondorcet([actor('a', 20, 0, 30)])).toThrow(RangeError);
  });
});
