// Scenarios on real PostgreSQL: the baseline computed by hand for a small fixture, workspace
// isolation, create/update/conflict/delete/restore, likelihood estimates, resolution and Brier scores.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '@/lib/auth/context';
import { db } from '@/lib/db';
import { addEstimate, createScenario, deleteScenario, resolveScenario, restoreScenario, updateScenario } from '@/lib/scenarios/commands';
import { analystBrierScores, getScenario, listScenarios, scenarioBaseline, scenarioEstimates, scenarioModel } from '@/lib/scenarios/queries';
import { createMember, createTestWorkspace, rejection, type TestWorkspace } from './helpers/fixtures';

let home: TestWorkspace;
let other: TestWorkspace;
let secondAnalyst: Ctx;
const ids = {} as Record<'issue' | 'otherIssue' | 'russia' | 'putin' | 'turkey' | 'armenia' | 'ghost' | 'otherActor' | 's1' | 's2' | 's3' | 's4', string>;


const anchors = [
  { value: 0, label: 'No foreign forces' },
  { value: 100, label: 'Russian-only peacekeeping force' },
];

async function reading(
  actorId: string,
  sourceId: string,
  values: { position: number; salience: number; capability: number | null },
  confidence: 'LOW' | 'MODERATE' | 'HIGH',
  stanceDate: string,
  extra: { createdAt?: string; deletedAt?: Date; workspaceId?: string; issueId?: string; recordedById?: string } = {},
) {
  return db().assessment.create({
    data: {
      workspaceId: extra.workspaceId ?? home.workspaceId,
      issueId: extra.issueId ?? ids.issue,
      actorId,
      sourceId,
      ...values,
      confidence,
      credibility: 2,
      stanceDate: new Date(`${stanceDate}T00:00:00Z`),
      quote: `${confidence} reading of ${stanceDate}`,
      recordedById: extra.recordedById ?? home.analyst.userId,
      ...(extra.createdAt ? { createdAt: new Date(extra.createdAt) } : {}),
      ...(extra.deletedAt ? { deletedAt: extra.deletedAt } : {}),
    },
  });
}

beforeAll(async () => {
  home = await createTestWorkspace('Scenario desk');
  other = await createTestWorkspace('Other desk');
  secondAnalyst = await createMember(home.workspaceId, 'ANALYST', 'second');
  const ws = home.workspaceId;
  ids.issue = (await db().issue.create({ data: { workspaceId: ws, title: 'Foreign military presence', anchors } })).id;
  ids.otherIssue = (await db().issue.create({ data: { workspaceId: other.workspaceId, title: 'Other issue', anchors } })).id;
  ids.russia = (await db().actor.create({ data: { workspaceId: ws, name: 'Russia', kind: 'STATE' } })).id;
  ids.putin = (await db().actor.create({ data: { workspaceId: ws, name: 'Vladimir Putin', kind: 'PERSON', parentId: ids.russia } })).id;
  ids.turkey = (await db().actor.create({ data: { workspaceId: ws, name: 'Turkey', kind: 'STATE' } })).id;
  ids.armenia = (await db().actor.create({ data: { workspaceId: ws, name: 'Armenia', kind: 'STATE' } })).id;
  ids.ghost = (await db().actor.create({ data: { workspaceId: ws, name: 'Deleted actor', kind: 'STATE', deletedAt: new Date() } })).id;
  ids.otherActor = (await db().actor.create({ data: { workspaceId: other.workspaceId, name: 'Other Russia', kind: 'STATE' } })).id;
  const source = (title: string, reliability: 'A' | 'B' | 'C' | 'F', deleted = false) =>
    db().source.create({
      data: { workspaceId: ws, title, outlet: title, publishedAt: new Date('2020-11-13'), kind: 'NEWS', reliability, ...(deleted ? { deletedAt: new Date() } : {}) },
    });
  ids.s1 = (await source('Source A', 'A')).id;
  ids.s2 = (await source('Source C', 'C')).id;
  ids.s3 = (await source('Source F', 'F')).id;
  ids.s4 = (await source('Deleted source B', 'B', true)).id;

  // Russia. S1: the 10 Nov reading supersedes the 1 Oct one; the 1 Dec one is after the as-of date.
  await reading(ids.russia, ids.s1, { position: 80, salience: 70, capability: 90 }, 'HIGH', '2020-10-01');
  await reading(ids.russia, ids.s1, { position: 100, salience: 90, capability: 80 }, 'MODERATE', '2020-11-10');
  await reading(ids.russia, ids.s1, { position: 10, salience: 10, capability: 10 }, 'HIGH', '2020-12-01');
  await reading(ids.russia, ids.s2, { position: 70, salience: 60, capability: null }, 'LOW', '2020-11-05');
  // Ignored: a deleted assessment, and a reading from a deleted source.
  await reading(ids.russia, ids.s3, { position: 0, salience: 100, capability: 100 }, 'HIGH', '2020-11-01', { deletedAt: new Date() });
  await reading(ids.russia, ids.s4, { position: 0, salience: 100, capability: 100 }, 'HIGH', '2020-11-01');
  // Turkey. Two S2 readings of the same day: the one recorded later counts. S3 is dated on the as-of day itself.
  await reading(ids.turkey, ids.s2, { position: 40, salience: 50, capability: null }, 'MODERATE', '2020-11-01', { createdAt: '2020-11-02T10:00:00Z' });
  await reading(ids.turkey, ids.s2, { position: 60, salience: 50, capability: null }, 'MODERATE', '2020-11-01', { createdAt: '2020-11-02T11:00:00Z' });
  await reading(ids.turkey, ids.s3, { position: 30, salience: 80, capability: null }, 'HIGH', '2020-11-15');
  // Putin is part of Russia, which is in the baseline: left out by default.
  await reading(ids.putin, ids.s1, { position: 100, salience: 95, capability: 100 }, 'HIGH', '2020-11-10');
  // A deleted actor's readings never count.
  await reading(ids.ghost, ids.s1, { position: 0, salience: 100, capability: 100 }, 'HIGH', '2020-11-10');
});

describe('scenario baseline', () => {
  it('takes each source’s latest reading up to the as-of date and weights it by confidence × reliability', async () => {
    const baseline = await scenarioBaseline(home.viewer, ids.issue, '2020-11-15');
    expect(baseline.actors.map((a) => a.name)).toEqual(['Russia', 'Turkey', 'Vladimir Putin']);
    const [russia, turkey, putin] = baseline.actors as [typeof baseline.actors[0], typeof baseline.actors[0], typeof baseline.actors[0]];

    // Russia: S1 MODERATE×A = 2 (100, 90, 80) and S2 LOW×C = 0.6 (70, 60, no capability).
    expect(russia.nSources).toBe(2);
    expect(russia.readings.map((r) => [r.sourceTitle, r.weight, r.stanceDate])).toEqual([
      ['Source A', 2, '2020-11-10'],
      ['Source C', 0.6, '2020-11-05'],
    ]);
    expect(russia.position).toBeCloseTo((2 * 100 + 0.6 * 70) / 2.6, 10); // 93.08
    expect(russia.salience).toBeCloseTo((2 * 90 + 0.6 * 60) / 2.6, 10); // 83.08
    expect(russia.capability).toBe(80); // only S1 gives one
    expect(russia.capabilityDefaulted).toBe(false);
    expect(russia.explanation.join('\n')).toContain('Position = (2 × 100 + 0.6 × 70) / 2.6 = 93.08');
    expect(russia.explanation.join('\n')).toContain('only the 1 of 2 readings that give one');

    // Turkey: S2 MODERATE×C = 1.2 (the later-recorded 60) and S3 HIGH×F = 0.9 (30, on the as-of day).
    expect(turkey.readings.map((r) => [r.sourceTitle, r.weight, r.position])).toEqual([
      ['Source C', 1.2, 60],
      ['Source F', 0.9, 30],
    ]);
    expect(turkey.position).toBeCloseTo((1.2 * 60 + 0.9 * 30) / 2.1, 10); // 47.14
    expect(turkey.salience).toBeCloseTo((1.2 * 50 + 0.9 * 80) / 2.1, 10); // 62.86
    expect(turkey.capability).toBe(50);
    expect(turkey.capabilityDefaulted).toBe(true);
    expect(turkey.explanation.join('\n')).toMatch(/no reading gives one, so the model uses the default 50/);

    expect(putin.coveredBy).toEqual({ id: ids.russia, name: 'Russia' });
    expect(putin.defaultIncluded).toBe(false);
    expect(russia.defaultIncluded).toBe(true);
  });

  it('moves with the as-of date: earlier readings before, none at all before the first stance', async () => {
    const early = await scenarioBaseline(home.analyst, ids.issue, '2020-10-31');
    expect(early.actors.map((a) => a.name)).toEqual(['Russia']);
    expect(early.actors[0]).toMatchObject({ position: 80, salience: 70, capability: 90, nSources: 1 });
    expect((await scenarioBaseline(home.analyst, ids.issue, '2020-09-01')).actors).toEqual([]);
  });

  it('answers NOT_FOUND for an issue of another workspace', async () => {
    expect((await rejection(() => scenarioBaseline(home.analyst, ids.otherIssue, '2020-11-15'))).code).toBe('NOT_FOUND');
    expect((await rejection(() => scenarioBaseline(other.analyst, ids.issue, '2020-11-15'))).code).toBe('NOT_FOUND');
  });
});

const form = (extra: Record<string, unknown> = {}) => ({
  issueId: ids.issue,
  name: 'Turkey doubles down',
  description: 'Ankara presses for troops inside the enclave.',
  asOf: '2020-11-15',
  actorId: [ids.russia, ids.turkey, ids.putin, ids.armenia],
  [`include_${ids.russia}`]: 'on',
  [`include_${ids.turkey}`]: 'on',
  [`capability_${ids.turkey}`]: '70',
  [`position_${ids.turkey}`]: '',
  [`include_${ids.putin}`]: 'on',
  [`include_${ids.armenia}`]: 'on',
  [`position_${ids.armenia}`]: '95',
  [`salience_${ids.armenia}`]: '70',
  [`capability_${ids.armenia}`]: '20',
  ...extra,
});

describe('scenario create, update, delete', () => {
  let id: string;

  it('creates from repeated form fields, storing only departures from the baseline, with author and dates', async () => {
    ({ id } = await createScenario(home.analyst, form()));
    const s = await getScenario(home.viewer, id);
    expect(s).toMatchObject({ name: 'Turkey doubles down', asOfDay: '2020-11-15', createdById: home.analyst.userId, version: 1, outcome: null });
    expect(s.authorName).toBe(home.analyst.userName);
    expect(s.createdAt).toBeInstanceOf(Date);
    const rows = Object.fromEntries(s.overrides.map((o) => [o.name, [o.position, o.salience, o.capability, o.excluded]]));
    // Russia has no departure, so no row; Putin is included back explicitly; Armenia is added.
    expect(rows).toEqual({
      Turkey: [null, null, 70, false],
      'Vladimir Putin': [null, null, null, false],
      Armenia: [95, 70, 20, false],
    });
    const { composed, baselineComposed } = await scenarioModel(home.viewer, s);
    expect(composed.model.map((a) => [a.name, a.capability])).toEqual([
      ['Armenia', 20],
      ['Russia', 80],
      ['Turkey', 70],
      ['Vladimir Putin', 100],
    ]);
    expect(baselineComposed.model.map((a) => a.name)).toEqual(['Russia', 'Turkey']);
  });

  it('points a validation error at the exact actor and field, and stores nothing', async () => {
    const before = await db().scenario.count();
    const missing = await rejection(() => createScenario(home.analyst, form({ [`salience_${ids.armenia}`]: '' })));
    expect(missing.code).toBe('VALIDATION');
    expect(missing.extra.fieldErrors?.[`actors.${ids.armenia}.salience`]?.[0]).toBe('Armenia has no readings on this issue up to 2020-11-15: give a salience');

    const range = await rejection(() => createScenario(home.analyst, form({ [`position_${ids.turkey}`]: '150' })));
    expect(range.extra.fieldErrors?.[`actors.${ids.turkey}.position`]).toEqual(['Position must be between 0 and 100']);

    const foreignActor = await rejection(() => createScenario(home.analyst, form({ actorId: [ids.russia, ids.otherActor], [`include_${ids.otherActor}`]: 'on' })));
    expect(foreignActor.extra.fieldErrors?.[`actors.${ids.otherActor}.actorId`]?.[0]).toMatch(/not in the workspace/);

    const foreignIssue = await rejection(() => createScenario(home.analyst, form({ issueId: ids.otherIssue })));
    expect(foreignIssue.extra.fieldErrors?.issueId).toEqual(['Choose an issue from the list']);

    const nobody = await rejection(() => createScenario(home.analyst, { ...form(), actorId: [ids.russia, ids.turkey], [`include_${ids.russia}`]: '', [`include_${ids.turkey}`]: '' }));
    expect(nobody.message).toMatch(/No actor is left in this scenario/);

    expect((await rejection(() => createScenario(home.viewer, form()))).code).toBe('FORBIDDEN');
    expect(await db().scenario.count()).toBe(before);
  });

  it('updates with optimistic concurrency: a stale version is refused with what is stored now', async () => {
    const saved = await updateScenario(home.analyst, {
      ...form({ [`capability_${ids.turkey}`]: '90' }),
      id,
      version: '1',
      name: 'Turkey doubles down (revised)',
      actorId: [ids.russia, ids.turkey],
    });
    expect(saved).toEqual({ id, version: 2 });
    const s = await getScenario(home.analyst, id);
    expect(s.name).toBe('Turkey doubles down (revised)');
    // The overrides were replaced: Putin and Armenia are gone, Turkey's capability is 90.
    expect(s.overrides.map((o) => [o.name, o.capability])).toEqual([['Turkey', 90]]);
    expect(s.updatedAt.getTime()).toBeGreaterThanOrEqual(s.createdAt.getTime());

    const stale = await rejection(() => updateScenario(secondAnalyst, { ...form(), id, version: '1', name: 'Lost update' }));
    expect(stale.code).toBe('CONFLICT');
    expect((stale.extra.details as { current: { name: string; version: number } }).current).toMatchObject({ name: 'Turkey doubles down (revised)', version: 2 });
    expect((await getScenario(home.analyst, id)).name).toBe('Turkey doubles down (revised)');
  });

  it('keeps the stored overrides when an update (an API PATCH) sends no actors', async () => {
    const before = (await getScenario(home.analyst, id)).overrides;
    const saved = await updateScenario(home.analyst, { id, version: '2', name: 'Turkey doubles down (revised)', asOf: '2020-11-15', description: 'Renamed only.' });
    expect(saved.version).toBe(3);
    expect((await getScenario(home.analyst, id)).overrides).toEqual(before);
    // ...but still refuses a date at which nothing would be left to model.
    const empty = await rejection(() => updateScenario(home.analyst, { id, version: '3', name: 'Too early', asOf: '2020-09-01' }));
    expect(empty.message).toMatch(/No actor is left/);
  });

  it('keeps other workspaces out: NOT_FOUND for reads and writes by id', async () => {
    expect((await rejection(() => getScenario(other.admin, id))).code).toBe('NOT_FOUND');
    expect((await rejection(() => updateScenario(other.admin, { ...form(), id, version: '3' }))).code).toBe('NOT_FOUND');
    expect((await rejection(() => deleteScenario(other.admin, { id }))).code).toBe('NOT_FOUND');
    expect((await rejection(() => scenarioEstimates(other.admin, id))).code).toBe('NOT_FOUND');
    expect((await rejection(() => addEstimate(other.admin, { scenarioId: id, likelihood: 'LIKELY', probability: '60', estimatedOn: '2020-11-20' }))).code).toBe('NOT_FOUND');
    expect((await rejection(() => resolveScenario(other.admin, { id, outcome: 'HAPPENED' }))).code).toBe('NOT_FOUND');
    expect((await listScenarios(other.admin, {})).items.map((s) => s.id)).not.toContain(id);
  });

  it('soft-deletes and restores; a deleted scenario is hidden and cannot be edited', async () => {
    expect((await rejection(() => deleteScenario(home.viewer, { id }))).code).toBe('FORBIDDEN');
    await deleteScenario(home.analyst, { id });
    expect((await listScenarios(home.analyst, {})).items.map((s) => s.id)).not.toContain(id);
    expect((await listScenarios(home.analyst, { deleted: 'only' })).items.map((s) => s.id)).toContain(id);
    expect((await rejection(() => updateScenario(home.analyst, { ...form(), id, version: '3' }))).code).toBe('NOT_FOUND');
    await restoreScenario(home.analyst, { id });
    const list = await listScenarios(home.viewer, {});
    expect(list.items.find((s) => s.id === id)).toMatchObject({ authorName: home.analyst.userName, issue: { title: 'Foreign military presence' } });
  });
});

describe('likelihood estimates, resolution and Brier scores', () => {
  let id: string;
  beforeAll(async () => {
    ({ id } = await createScenario(home.analyst, form({ name: 'Scored scenario' })));
  });

  it('stores a probability inside the chosen ICD 203 band, as 0-1', async () => {
    await addEstimate(home.analyst, { scenarioId: id, likelihood: 'VERY_UNLIKELY', probability: '10', estimatedOn: '2020-11-15', rationale: 'Russians already deploying.' });
    // 20% is the shared end of "very unlikely" and "unlikely": both accept it.
    await addEstimate(home.analyst, { scenarioId: id, likelihood: 'UNLIKELY', probability: '20', estimatedOn: '2020-12-01' });
    await addEstimate(secondAnalyst, { scenarioId: id, likelihood: 'LIKELY', probability: '70', estimatedOn: '2020-11-20' });
    const list = await scenarioEstimates(home.viewer, id);
    expect(list.map((e) => [e.analystName, e.likelihood, e.probability, e.estimatedOnDay])).toEqual([
      [home.analyst.userName, 'VERY_UNLIKELY', 0.1, '2020-11-15'],
      [secondAnalyst.userName, 'LIKELY', 0.7, '2020-11-20'],
      [home.analyst.userName, 'UNLIKELY', 0.2, '2020-12-01'],
    ]);
  });

  it('refuses a probability outside its band with a message that says which band and which term fits', async () => {
    const before = await db().likelihoodEstimate.count();
    const error = await rejection(() => addEstimate(home.analyst, { scenarioId: id, likelihood: 'VERY_UNLIKELY', probability: '30', estimatedOn: '2020-11-20' }));
    expect(error.code).toBe('VALIDATION');
    expect(error.extra.fieldErrors?.probability).toEqual([
      '“Very unlikely” means 5–20%, and 30% is outside it. Enter a probability from 5 to 20, or call 30% “unlikely”.',
    ]);
    const zero = await rejection(() => addEstimate(home.analyst, { scenarioId: id, likelihood: 'ALMOST_NO_CHANCE', probability: '0', estimatedOn: '2020-11-20' }));
    expect(zero.extra.fieldErrors?.probability).toEqual(['Probability must be from 1 to 99 percent']);
    const term = await rejection(() => addEstimate(home.analyst, { scenarioId: id, likelihood: 'MAYBE', probability: '50', estimatedOn: '2020-11-20' }));
    expect(term.extra.fieldErrors?.likelihood).toEqual(['Choose how likely the scenario is']);
    const future = await rejection(() => addEstimate(home.analyst, { scenarioId: id, likelihood: 'LIKELY', probability: '60', estimatedOn: '2999-01-01' }));
    expect(future.extra.fieldErrors?.estimatedOn).toEqual(['The date of an estimate cannot be in the future']);
    expect((await rejection(() => addEstimate(home.viewer, { scenarioId: id, likelihood: 'LIKELY', probability: '60', estimatedOn: '2020-11-20' }))).code).toBe('FORBIDDEN');
    expect(await db().likelihoodEstimate.count()).toBe(before);
  });

  it('resolves once, audited; then estimates, edits and a second resolution are refused; Brier uses each analyst’s final estimate', async () => {
    expect((await rejection(() => resolveScenario(home.viewer, { id, outcome: 'HAPPENED' }))).code).toBe('FORBIDDEN');
    expect(await analystBrierScores(home.viewer, id)).toEqual([]);
    await resolveScenario(secondAnalyst, { id, outcome: 'HAPPENED' });
    const s = await getScenario(home.viewer, id);
    expect(s).toMatchObject({ outcome: 'HAPPENED', resolvedById: secondAnalyst.userId, resolvedByName: secondAnalyst.userName });
    expect(s.resolvedAt).toBeInstanceOf(Date);
    const log = await db().auditLog.findMany({ where: { workspaceId: home.workspaceId, action: 'scenario.resolved', entityId: id } });
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ userId: secondAnalyst.userId, entityType: 'scenario', details: { outcome: 'HAPPENED' } });

    expect((await rejection(() => addEstimate(home.analyst, { scenarioId: id, likelihood: 'ALMOST_CERTAIN', probability: '99', estimatedOn: '2020-12-20' }))).code).toBe('CONFLICT');
    expect((await rejection(() => resolveScenario(home.analyst, { id, outcome: 'DID_NOT_HAPPEN' }))).message).toMatch(/resolved \(happened\)/);
    expect((await rejection(() => updateScenario(home.analyst, { ...form(), id, version: String(s.version) }))).code).toBe('CONFLICT');

    // Home analyst: final estimate 0.2 → (0.2 - 1)² = 0.64. Second analyst: 0.7 → (0.7 - 1)² = 0.09.
    const scores = await analystBrierScores(home.viewer, id);
    expect(scores.map((x) => [x.analystName, x.n, Number(x.brier.toFixed(10))])).toEqual([
      [secondAnalyst.userName, 1, 0.09],
      [home.analyst.userName, 1, 0.64],
    ]);

    // A second resolved scenario that did not happen: the home analyst said 0.3 → 0.09; mean (0.64 + 0.09) / 2 = 0.365.
    const { id: second } = await createScenario(home.analyst, form({ name: 'Second scored scenario' }));
    await addEstimate(home.analyst, { scenarioId: second, likelihood: 'UNLIKELY', probability: '30', estimatedOn: '2020-11-16' });
    await resolveScenario(home.analyst, { id: second, outcome: 'DID_NOT_HAPPEN' });
    const all = await analystBrierScores(home.viewer);
    expect(all.find((x) => x.analystId === home.analyst.userId)).toMatchObject({ n: 2 });
    expect(all.find((x) => x.analystId === home.analyst.userId)!.brier).toBeCloseTo(0.365, 12);
    // Other workspaces see none of it.
    expect(await analystBrierScores(other.admin)).toEqual([]);
  });
});
