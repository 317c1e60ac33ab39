import { describe, it, expect } from 'vitest';
import { sensitivity, weightedMean, type ModelActor } from '@/lib/decision-models';

const actors: ModelActor[] = [
  { id: 'ru', name: 'Russia', position: 90, salience: 80, capability: 90 },
  { id: 'tr', name: 'Turkey', position: 40, salience: 70, capability: 60 },
  { id: 'am', name: 'Armenia', position: 10, salience: 90, capability: 20 },
];

describe('sensitivity (tornado data)', () => {
  it('moves the weighted mean by step × w_i / W for a position, exactly', () => {
    const { base, bars } = sensitivity(actors, { step: 10 });
    expect(base).toBeCloseTo(weightedMean(actors), 12);
    const total = actors.reduce((s, a) => s + a.capability * a.salience, 0);
    for (const a of actors) {
      const bar = bars.find((b) => b.actorId === a.id && b.field === 'position')!;
      const share = (a.capability * a.salience) / total;
      // Russia at 90 can only rise to 100: the clamp is part of the answer
      expect(bar.up).toBeCloseTo((Math.min(100, a.position + 10) - a.position) * share, 9);
      expect(bar.down).toBeCloseTo(-10 * share, 9);
    }
  });

  it('recomputes for salience and capability, and sorts the largest move first', () => {
    const { base, bars } = sensitivity(actors);
    const ruCap = bars.find((b) => b.actorId === 'ru' && b.field === 'capability')!;
    expect(ruCap.down).toBeCloseTo(weightedMean(actors.map((a) => (a.id === 'ru' ? { ...a, capability: 80 } : a))) - base, 12);
    expect(bars).toHaveLength(9);
    const reach = bars.map((b) => Math.max(Math.abs(b.down), Math.abs(b.up)));
    expect([...reach].sort((a, b) => b - a)).toEqual(reach);
  });

  it('marks a move that leaves no weighted actor as NaN instead of failing', () => {
    const lone: ModelActor[] = [{ id: 'a', name: 'A', position: 50, salience: 5, capability: 50 }, { id: 'b', name: 'B', position: 20, salience: 50, capability: 0 }];
    const bar = sensitivity(lone).bars.find((b) => b.actorId === 'a' && b.field === 'salience')!;
    expect(bar.down).toBeNaN();
    expect(() => sensitivity(lone, { step: 0 })).toThrow(/step must be a number of points/);
  });
});
