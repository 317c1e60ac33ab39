import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { simulateBargaining } from '@/lib/decision-models';
import { bargainingForecast } from '@/lib/decision-models/bargaining';
import { parseBacktestCsv } from '@/lib/decision-models/backtest';

// The EU car-emissions table (BDM 1994) as shipped for the backtest, on 0-100 (4 years = 0, 10 years = 100).
const [emissions] = parseBacktestCsv(readFileSync('data/backtest/eu-car-emissions-1994.csv', 'utf8'));
const actors = emissions!.actors;

describe('bargaining log: who challenged whom, which offers were made and which accepted', () => {
  const run = simulateBargaining(actors, { offerRule: 'scholz-replication', maxRounds: 8 });

  it('round 0 has no bargains; every later round has one per actor, matching the positions', () => {
    expect(run.rounds[0]!.bargains).toBeUndefined();
    for (const round of run.rounds.slice(1)) {
      const previous = run.rounds[round.round - 1]!.positions;
      for (const a of actors) {
        const bargain = round.bargains![a.id]!;
        expect(bargain.from).toBe(previous[a.id]);
        expect(bargain.to).toBe(round.positions[a.id]);
        if (bargain.accepted) {
          expect(bargain.offers).toContain(bargain.accepted);
          expect(bargain.to).toBe(bargain.accepted.target);
          expect(bargain.accepted.proposerId).not.toBe(a.id);
        } else {
          expect(bargain.offers).toEqual([]);
          expect(bargain.to).toBe(bargain.from);
        }
      }
    }
  });

  it('shows the round-1 compromise that moves Belgium to the published 8.416 years', () => {
    const belgium = run.rounds[1]!.bargains!.Belgium!;
    expect(belgium.accepted?.kind).toBe('compromise');
    expect(belgium.to).toBeCloseTo(((8.416 - 4) / 6) * 100, 1);
    // a confrontation beats a compromise, so none was offered to Belgium
    expect(belgium.offers.some((o) => o.kind === 'confrontation')).toBe(false);
  });

  it('an accepted offer is the strongest kind offered (confrontation, then compromise, then capitulation)', () => {
    const rank = { confrontation: 3, compromise: 2, capitulation: 1 } as const;
    for (const round of run.rounds.slice(1)) {
      for (const bargain of Object.values(round.bargains!)) {
        if (!bargain.accepted) continue;
        const strongest = Math.max(...bargain.offers.map((o) => rank[o.kind]));
        expect(rank[bargain.accepted.kind]).toBe(strongest);
      }
    }
  });

  it('does not change the forecast: the run without a log (Monte Carlo path) agrees', () => {
    for (const opts of [{ offerRule: 'scholz-replication' as const, maxRounds: 8 }, {}]) {
      expect(bargainingForecast(actors, opts)).toEqual({ forecast: simulateBargaining(actors, opts).forecast, converged: simulateBargaining(actors, opts).converged });
    }
  });
});
