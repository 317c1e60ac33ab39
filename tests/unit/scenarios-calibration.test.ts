import { describe, expect, it } from 'vitest';
import { brierDecomposition, calibrationBins, scoresRelativeToTeamMedian, teamAggregate, type Forecast } from '@/lib/scenarios/calibration';

const f = (probability: number, outcome: 0 | 1): Forecast => ({ probability, outcome });

describe('the Murphy decomposition of the Brier score', () => {
  it('matches a hand-computed example: BS 0.24 = REL 0.01778 − RES 0.02778 + UNC 0.25', () => {
    // Three forecasts of 20% (one happened) and three of 80% (two happened); base rate 1/2.
    // BS = (0.04 + 0.04 + 0.64 + 0.04 + 0.04 + 0.64) / 6 = 0.24
    // REL = (3 (0.2 − 1/3)² + 3 (0.8 − 2/3)²) / 6 = 0.017778
    // RES = (3 (1/3 − 1/2)² + 3 (2/3 − 1/2)²) / 6 = 0.027778
    // UNC = 0.5 × 0.5 = 0.25
    const d = brierDecomposition([f(0.2, 0), f(0.2, 0), f(0.2, 1), f(0.8, 1), f(0.8, 1), f(0.8, 0)])!;
    expect(d.n).toBe(6);
    expect(d.brier).toBeCloseTo(0.24, 12);
    expect(d.reliability).toBeCloseTo(0.16 / 9, 12);
    expect(d.resolution).toBeCloseTo(0.25 / 9, 12);
    expect(d.uncertainty).toBeCloseTo(0.25, 12);
    expect(d.reliability - d.resolution + d.uncertainty).toBeCloseTo(d.brier, 12);
  });

  it('gives a perfectly sharp, perfectly calibrated forecaster REL 0 and RES = UNC', () => {
    const d = brierDecomposition([f(1, 1), f(0, 0), f(0, 0), f(1, 1)])!;
    expect(d).toEqual({ n: 4, brier: 0, reliability: 0, resolution: 0.25, uncertainty: 0.25 });
  });

  it('has nothing to decompose without resolved forecasts', () => {
    expect(brierDecomposition([])).toBeNull();
  });
});

describe('calibration bins', () => {
  it('counts each bin and compares its mean forecast with how often it happened', () => {
    const bins = calibrationBins([f(0.05, 0), f(0.15, 0), f(0.15, 1), f(0.95, 1), f(1, 1)]);
    expect(bins).toHaveLength(10);
    expect(bins[0]).toEqual({ lo: 0, hi: 0.1, n: 1, meanForecast: 0.05, observedFrequency: 0 });
    expect(bins[1]).toMatchObject({ n: 2, observedFrequency: 0.5 });
    expect(bins[1]!.meanForecast).toBeCloseTo(0.15, 12);
    // 100% belongs to the last bin, not to an eleventh.
    expect(bins[9]).toMatchObject({ n: 2, meanForecast: 0.975, observedFrequency: 1 });
    expect(bins.filter((b) => b.n === 0).every((b) => b.meanForecast === null && b.observedFrequency === null)).toBe(true);
    expect(bins.reduce((s, b) => s + b.n, 0)).toBe(5);
  });
});

describe('the team aggregate of latest estimates', () => {
  it('gives the median and a mean whose weights halve every 30 days of age', () => {
    const asOf = new Date('2020-12-01T00:00:00Z');
    // Weights 1, 1/2, 1/4: (0.2 + 0.3 + 0.225) / 1.75 = 0.414286
    const a = teamAggregate(
      [
        { probability: 0.2, estimatedOn: '2020-12-01' },
        { probability: 0.6, estimatedOn: '2020-11-01' },
        { probability: 0.9, estimatedOn: new Date('2020-10-02T00:00:00Z') },
      ],
      asOf,
    );
    expect(a.n).toBe(3);
    expect(a.median).toBeCloseTo(0.6, 12);
    expect(a.recencyWeightedMean).toBeCloseTo(0.725 / 1.75, 12);
    expect(a.halfLifeDays).toBe(30);
  });

  it('is empty with no estimates', () => {
    expect(teamAggregate([], new Date())).toEqual({ n: 0, median: null, recencyWeightedMean: null, halfLifeDays: 30 });
  });
});

describe('scores relative to the team median', () => {
  it('compares each analyst with the median forecast on the same scenarios (hand-computed)', () => {
    // S1 happened, S2 did not. Team medians: S1 median(0.3, 0.6, 0.9) = 0.6; S2 median(0.2, 0.4) = 0.3.
    const scores = scoresRelativeToTeamMedian(
      [
        { analystId: 'A', scenarioId: 'S1', probability: 0.9 },
        { analystId: 'A', scenarioId: 'S2', probability: 0.2 },
        { analystId: 'B', scenarioId: 'S1', probability: 0.6 },
        { analystId: 'B', scenarioId: 'S2', probability: 0.4 },
        { analystId: 'C', scenarioId: 'S1', probability: 0.3 },
        { analystId: 'C', scenarioId: 'OPEN', probability: 0.5 },
      ],
      new Map([
        ['S1', 1],
        ['S2', 0],
      ]),
    );
    expect(scores.map((s) => s.analystId)).toEqual(['A', 'B', 'C']);
    const [a, b, c] = scores;
    // A: own (0.01 + 0.04) / 2 = 0.025; team (0.16 + 0.09) / 2 = 0.125
    expect(a!.brier).toBeCloseTo(0.025, 12);
    expect(a!.teamMedianBrier).toBeCloseTo(0.125, 12);
    expect(a!.relative).toBeCloseTo(-0.1, 12);
    // B: own (0.16 + 0.16) / 2 = 0.16; relative +0.035
    expect(b!.relative).toBeCloseTo(0.035, 12);
    // C: only S1 counts (the open scenario is not scored): 0.49 against 0.16
    expect(c).toMatchObject({ n: 1 });
    expect(c!.relative).toBeCloseTo(0.33, 12);
  });
});
