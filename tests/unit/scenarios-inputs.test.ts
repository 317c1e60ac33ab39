import { describe, expect, it } from 'vitest';
import { runUncertainty } from '@/lib/decision-models';
import { chunkPlan, chunkSeed, chunkSize, summariseOutcomes } from '@/lib/scenarios/distribution';
import { composeBaseline, composeScenario, modelProblem } from '@/lib/scenarios/inputs';
import { actorErrorKey, scenarioCreateSchema } from '@/lib/scenarios/schema';
import type { BaselineActor } from '@/lib/scenarios/types';
import { ADDED_ACTOR_WEIGHT, DEFAULT_CAPABILITY } from '@/lib/scenarios/weights';
import { readingWeight } from '@/lib/stance/weights';
import { zodFieldErrors } from '@/lib/validation';

const reading = (position: number, salience: number, capability: number | null, weight: number) => ({
  assessmentId: `a${position}`,
  sourceId: `s${weight}`,
  sourceTitle: 'S',
  outlet: 'S',
  reliability: 'A' as const,
  confidence: 'HIGH' as const,
  credibility: 2,
  stanceDate: '2020-11-10',
  quote: 'q',
  position,
  salience,
  capability,
  origin: null,
  ownWeight: weight,
  weight,
});

function actor(id: string, name: string, extra: Partial<BaselineActor> = {}): BaselineActor {
  return {
    actorId: id,
    name,
    kind: 'STATE',
    parentId: null,
    coveredBy: null,
    defaultIncluded: true,
    position: 50,
    salience: 50,
    capability: 50,
    capabilityDefaulted: false,
    nSources: 1,
    readings: [reading(50, 50, 50, 1)],
    explanation: [],
    ...extra,
  };
}

const russia = actor('r', 'Russia', { position: 95, salience: 90, capability: 90, readings: [reading(100, 90, 90, 3), reading(80, 90, null, 1)] });
const putin = actor('p', 'Vladimir Putin', { parentId: 'r', coveredBy: { id: 'r', name: 'Russia' }, defaultIncluded: false });
const turkey = actor('t', 'Turkey', { position: 60, capability: DEFAULT_CAPABILITY, capabilityDefaulted: true, readings: [reading(60, 50, null, 2)] });

describe('composing a scenario', () => {
  it('uses the baseline as is by default, leaving out an actor covered by its parent', () => {
    const c = composeBaseline([russia, putin, turkey]);
    expect(c.model.map((a) => a.id)).toEqual(['r', 't']);
    expect(c.actors.map((a) => [a.name, a.status])).toEqual([
      ['Russia', 'baseline'],
      ['Turkey', 'baseline'],
      ['Vladimir Putin', 'covered'],
    ]);
    expect(c.actors.find((a) => a.actorId === 't')?.capabilityDefaulted).toBe(true);
    expect(c.uncertain.find((a) => a.id === 't')).toMatchObject({ fallbackCapability: DEFAULT_CAPABILITY });
  });

  it('applies overrides, exclusions, explicit inclusion and added actors', () => {
    const c = composeScenario(
      [russia, putin, turkey],
      [
        { actorId: 't', name: 'Turkey', position: null, salience: null, capability: 70, excluded: false },
        { actorId: 'p', name: 'Vladimir Putin', position: null, salience: null, capability: null, excluded: false },
        { actorId: 'r', name: 'Russia', position: null, salience: null, capability: null, excluded: true },
        { actorId: 'a', name: 'Armenia', position: 95, salience: 70, capability: 20, excluded: false },
        { actorId: 'g', name: 'Georgia', position: 10, salience: null, capability: null, excluded: false },
      ],
    );
    expect(c.model).toEqual([
      { id: 'a', name: 'Armenia', position: 95, salience: 70, capability: 20 },
      { id: 't', name: 'Turkey', position: 60, salience: 50, capability: 70 },
      { id: 'p', name: 'Vladimir Putin', position: 50, salience: 50, capability: 50 },
    ]);
    expect(Object.fromEntries(c.actors.map((a) => [a.name, a.status]))).toEqual({
      Armenia: 'added',
      Georgia: 'incomplete',
      Russia: 'excluded',
      Turkey: 'overridden',
      'Vladimir Putin': 'baseline',
    });
    // The override replaces the value in every reading; readings keep their weights.
    expect(c.uncertain.find((a) => a.id === 't')?.readings).toEqual([{ position: 60, salience: 50, capability: 70, weight: 2 }]);
    expect(c.uncertain.find((a) => a.id === 'a')?.readings).toEqual([{ position: 95, salience: 70, capability: 20, weight: ADDED_ACTOR_WEIGHT }]);
  });

  it('says why the model cannot run', () => {
    expect(modelProblem([])).toMatch(/No actor is left/);
    expect(modelProblem([{ id: 'x', name: 'X', position: 1, salience: 0, capability: 10 }])).toMatch(/capability × salience = 0/);
    expect(modelProblem([{ id: 'x', name: 'X', position: 1, salience: 1, capability: 10 }])).toBeNull();
  });

  it('weights readings by confidence × reliability', () => {
    expect(readingWeight('HIGH', 'A')).toBe(3);
    expect(readingWeight('HIGH', 'C')).toBe(1.8);
    expect(readingWeight('LOW', 'F')).toBe(0.3);
    expect(readingWeight('MODERATE', 'E')).toBe(0.4);
  });
});

describe('scenario form schema', () => {
  const id1 = '00000000-0000-4000-8000-000000000001';
  const id2 = '00000000-0000-4000-8000-000000000002';
  const base = { issueId: '00000000-0000-4000-8000-0000000000aa', name: 'S', asOf: '2020-11-15' };

  it('collects repeated per-actor fields into actors keyed by id (blank keeps the baseline)', () => {
    const parsed = scenarioCreateSchema.parse({
      ...base,
      actorId: [id1, id2],
      [`position_${id1}`]: '',
      [`capability_${id1}`]: '60',
      [`include_${id1}`]: 'on',
    });
    expect(parsed.actors).toEqual({
      [id1]: { actorId: id1, position: null, salience: null, capability: 60, included: true },
      [id2]: { actorId: id2, position: null, salience: null, capability: null, included: false },
    });
  });

  it('puts an error on the exact actor and field', () => {
    const result = scenarioCreateSchema.safeParse({ ...base, actorId: id2, [`salience_${id2}`]: '120', [`include_${id2}`]: 'on' });
    expect(result.success).toBe(false);
    expect(zodFieldErrors(result.error!)).toEqual({ [actorErrorKey(id2, 'salience')]: ['Salience must be between 0 and 100'] });
  });

  it('accepts the API shape: an array of actor rows', () => {
    const parsed = scenarioCreateSchema.parse({ ...base, actors: [{ actorId: id1, position: 40, salience: null, capability: null }] });
    expect(parsed.actors?.[id1]).toEqual({ actorId: id1, position: 40, salience: null, capability: null, included: true });
  });
});

describe('chunked uncertainty run', () => {
  const actors = [
    { id: 'r', name: 'Russia', readings: [{ position: 100, salience: 90, capability: 90, weight: 3 }, { position: 80, salience: 80, capability: 85, weight: 1.2 }] },
    { id: 't', name: 'Turkey', readings: [{ position: 55, salience: 70, capability: 40, weight: 1.6 }] },
    { id: 'a', name: 'Azerbaijan', readings: [{ position: 75, salience: 60, capability: null, weight: 1.6 }], fallbackCapability: 50 },
  ];

  it('summarises one chunk exactly as runUncertainty does', () => {
    const whole = runUncertainty(actors, { draws: 150, seed: 7 });
    expect(summariseOutcomes(whole.outcomes, 7)).toEqual(whole);
  });

  it('plans deterministic chunks whose sizes add up to the draws', () => {
    expect(chunkSize(3)).toBe(200);
    expect(chunkSize(10)).toBe(20);
    expect(chunkSize(60)).toBe(1);
    expect(chunkPlan(450, 3)).toEqual([200, 200, 50]);
    expect(chunkSeed(1, 0)).toBe(1);
    expect(chunkSeed(1, 1)).not.toBe(chunkSeed(1, 2));
  });
});
