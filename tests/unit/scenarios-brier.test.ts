import { describe, expect, it } from 'vitest';
import { brierScore, brierScores, finalEstimates, type ScoredEstimate } from '@/lib/scenarios/brier';

const at = (iso: string) => new Date(iso);
const est = (analystId: string, scenarioId: string, estimatedOn: string, probability: number, createdAt = `${estimatedOn}T12:00:00Z`): ScoredEstimate => ({
  analystId,
  scenarioId,
  estimatedOn,
  createdAt: at(createdAt),
  probability,
});

describe('Brier score', () => {
  it('is (p - outcome)² for one forecast', () => {
    expect(brierScore(0.3, 'HAPPENED')).toBeCloseTo(0.49, 15);
    expect(brierScore(0.3, 'DID_NOT_HAPPEN')).toBeCloseTo(0.09, 15);
    expect(brierScore(1, 'HAPPENED')).toBe(0);
    expect(brierScore(0.5, 'DID_NOT_HAPPEN')).toBe(0.25);
  });

  it('scores each analyst on their final estimate before resolution, averaged over resolved scenarios (hand-computed)', () => {
    const resolutions = [
      { scenarioId: 's1', outcome: 'HAPPENED' as const, resolvedAt: at('2021-01-10T09:00:00Z') },
      { scenarioId: 's2', outcome: 'DID_NOT_HAPPEN' as const, resolvedAt: at('2021-02-01T09:00:00Z') },
    ];
    const estimates = [
      // Analyst A on s1: 0.1, then 0.3 (final). Score (0.3 - 1)² = 0.49.
      est('A', 's1', '2020-11-15', 0.1),
      est('A', 's1', '2020-12-01', 0.3),
      // ...and one dated after the resolution day, ignored.
      est('A', 's1', '2021-01-11', 0.99),
      // Analyst A on s2: 0.2 → (0.2 - 0)² = 0.04. A's Brier = (0.49 + 0.04) / 2 = 0.265.
      est('A', 's2', '2020-12-05', 0.2),
      // Analyst B on s1: two estimates the same day; the later recorded (0.8) counts → 0.04.
      est('B', 's1', '2020-12-01', 0.6, '2020-12-01T08:00:00Z'),
      est('B', 's1', '2020-12-01', 0.8, '2020-12-01T09:00:00Z'),
      // B recorded one on the resolution day but after the resolution: ignored.
      est('B', 's1', '2021-01-10', 0.05, '2021-01-10T10:00:00Z'),
      // Unresolved scenario: ignored.
      est('B', 's3', '2020-12-01', 0.9),
    ];
    const scores = brierScores(estimates, resolutions);
    expect(scores.map((s) => s.analystId)).toEqual(['B', 'A']);
    const [b, a] = scores as [(typeof scores)[0], (typeof scores)[0]];
    expect(b.n).toBe(1);
    expect(b.brier).toBeCloseTo(0.04, 12);
    expect(a.n).toBe(2);
    expect(a.brier).toBeCloseTo(0.265, 12);
    expect(a.items.map((i) => [i.scenarioId, i.probability, i.outcome, Number(i.score.toFixed(12))])).toEqual([
      ['s1', 0.3, 1, 0.49],
      ['s2', 0.2, 0, 0.04],
    ]);
  });

  it('keeps the final estimate per analyst and scenario only', () => {
    const finals = finalEstimates(
      [est('A', 's1', '2020-11-15', 0.1), est('A', 's1', '2020-11-16', 0.2), est('B', 's1', '2020-11-14', 0.4)],
      [{ scenarioId: 's1', outcome: 'HAPPENED', resolvedAt: at('2020-12-01T00:00:00Z') }],
    );
    expect(finals.map((e) => [e.analystId, e.probability]).sort()).toEqual([
      ['A', 0.2],
      ['B', 0.4],
    ]);
  });

  it('is empty with no resolved scenario', () => {
    expect(brierScores([est('A', 's1', '2020-11-15', 0.1)], [])).toEqual([]);
  });
});
