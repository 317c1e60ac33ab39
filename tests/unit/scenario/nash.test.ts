import { describe, expect, it } from 'vitest';
import { forecast, nashBargaining, weightedMean, type ModelActor } from '@/lib/decision-models';

const actor = (id: string, position: number, salience = 50, capability = 50): ModelActor => ({ id, name: id, position, salience, capability });

/** N(x) = Σ w log(D² − (x − x_i)²), evaluated directly: the objective the solution must maximise. */
function nashProduct(actors: ModelActor[], x: number): number {
  return actors.reduce((s, a) => {
    const w = a.capability * a.salience;
    if (w === 0) return s;
    const reach = Math.max(a.position, 100 - a.position) ** 2;
    return s + w * Math.log(reach - (x - a.position) ** 2);
  }, 0);
}

/** The maximiser by brute force over a 0.001-point grid of the positions' range: an independent check. */
function gridMaximum(actors: ModelActor[]): number {
  const xs = actors.map((a) => a.position);
  let best = { x: NaN, value: -Infinity };
  for (let x = Math.min(...xs); x <= Math.max(...xs) + 1e-9; x += 0.001) {
    const value = nashProduct(actors, x);
    if (value > best.value) best = { x, value };
  }
  return best.x;
}

describe('asymmetric Nash bargaining solution', () => {
  it('splits the difference between two equal actors and stays with a unanimous group', () => {
    expect(nashBargaining([actor('a', 30), actor('b', 70)])).toBeCloseTo(50, 9);
    expect(nashBargaining([actor('a', 0), actor('b', 100)])).toBeCloseTo(50, 9);
    expect(nashBargaining([actor('a', 42), actor('b', 42, 10, 90)])).toBe(42);
  });

  it('maximises the weighted Nash product (checked against a brute-force grid)', () => {
    const cases = [
      [actor('a', 20, 60, 75), actor('b', 80, 40, 25)],
      [actor('a', 5, 90, 30), actor('b', 50, 20, 80), actor('c', 95, 70, 60)],
      [actor('a', 10, 30, 30), actor('b', 15, 80, 90), actor('c', 60, 50, 10), actor('d', 100, 100, 40)],
    ];
    for (const actors of cases) expect(Math.abs(nashBargaining(actors) - gridMaximum(actors))).toBeLessThan(0.002);
  });

  it('is the weighted mean when the actors are close together (Achen 2006) and pulls towards the centre when they are not', () => {
    const around = (spread: number) => [actor('a', 50 - 2 * spread, 50, 80), actor('b', 50, 30, 20), actor('c', 50 + 3 * spread, 90, 60)];
    const gap = (spread: number) => Math.abs(nashBargaining(around(spread)) - weightedMean(around(spread)));
    expect(gap(0.05)).toBeLessThan(0.001);
    // The gap closes with the square of the spread: a tenth of the spread, about a hundredth of the gap.
    expect(gap(0.05)).toBeLessThan(gap(0.5) / 50);
    // An actor at the centre has its disagreement point nearest (50 points away): it gains bargaining leverage.
    const spread = [actor('centre', 50), actor('edge', 100)];
    expect(weightedMean(spread)).toBe(75);
    expect(nashBargaining(spread)).toBeLessThan(75);
  });

  it('does not depend on the order of the actors, and leaves out actors without weight', () => {
    const actors = [actor('a', 12, 70, 40), actor('b', 64, 20, 90), actor('c', 88, 50, 50), actor('z', 0, 0, 100)];
    const value = nashBargaining(actors);
    expect(nashBargaining([...actors].reverse())).toBeCloseTo(value, 9);
    expect(nashBargaining(actors.slice(0, 3))).toBeCloseTo(value, 9);
  });

  it('is offered by forecast() as a named, cited formulation, and refuses what the other models refuse', () => {
    const result = forecast([actor('a', 20, 60, 75), actor('b', 80, 40, 25)], { model: 'nash' });
    expect(result.modelId).toBe('nash');
    expect(result.citation).toMatch(/Nash \(1950\)/);
    expect(result.interval.p10).toBeLessThanOrEqual(result.value);
    expect(() => nashBargaining([])).toThrow(RangeError);
    expect(() => nashBargaining([actor('a', 20, 0, 0)])).toThrow(/no actor carries any weight/);
  });
});
