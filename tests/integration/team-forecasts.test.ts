// The team's aggregate of a scenario's latest estimates and the calibration of the team and of each
// analyst over resolved scenarios, from real rows; the maths itself is unit-tested in
// tests/unit/scenarios-calibration.test.ts against hand-computed examples.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '@/lib/auth/context';
import { addEstimate, createScenario, resolveScenario } from '@/lib/scenarios/commands';
import { scenarioTeamAggregate, workspaceCalibration } from '@/lib/scenarios/team-forecasts';
import { setForecastingSettings } from '@/lib/workspaces/settings';
import { createBasics, createMember, createTestWorkspace, type TestWorkspace } from './helpers/fixtures';

let home: TestWorkspace;
let other: TestWorkspace;
let b: Awaited<ReturnType<typeof createBasics>>;
let second: Ctx;

beforeAll(async () => {
  home = await createTestWorkspace('Record desk');
  other = await createTestWorkspace('Other desk');
  b = await createBasics(home.workspaceId);
  second = await createMember(home.workspaceId, 'ANALYST', 'second');
});

const scenario = (name: string) =>
  createScenario(home.analyst, { issueId: b.issue.id, name, asOf: '2020-11-12', actors: [{ actorId: b.actor.id, position: 50, salience: 80, capability: 60, included: true }] });
const estimate = (ctx: Ctx, scenarioId: string, likelihood: string, probability: string, estimatedOn: string) =>
  addEstimate(ctx, { scenarioId, likelihood, probability, estimatedOn, rationale: '' });

describe('the team aggregate of a scenario', () => {
  it("takes each analyst's latest estimate: median, and a mean whose weights halve every 30 days", async () => {
    const s = await scenario('Aggregate');
    await estimate(home.analyst, s.id, 'LIKELY', '70', '2020-11-01');
    await estimate(home.analyst, s.id, 'LIKELY', '80', '2020-12-01');
    await estimate(second, s.id, 'UNLIKELY', '30', '2020-11-01');
    const a = await scenarioTeamAggregate(home.viewer, s.id, new Date('2020-12-01T00:00:00Z'));
    // Latest: 0.8 (today, weight 1) and 0.3 (30 days old, weight 1/2): median 0.55, mean (0.8 + 0.15) / 1.5.
    expect(a!.n).toBe(2);
    expect(a!.median).toBeCloseTo(0.55, 12);
    expect(a!.recencyWeightedMean).toBeCloseTo(0.95 / 1.5, 12);
  });

  it('is withheld from an analyst who has not estimated while the workspace hides estimates', async () => {
    const s = await scenario('Hidden aggregate');
    await estimate(home.analyst, s.id, 'LIKELY', '70', '2020-11-01');
    await setForecastingSettings(home.admin, { hideEstimatesUntilOwn: 'on' });
    try {
      expect(await scenarioTeamAggregate(second, s.id)).toBeNull();
      expect((await scenarioTeamAggregate(home.analyst, s.id))!.n).toBe(1);
    } finally {
      await setForecastingSettings(home.admin, {});
    }
  });

  it('answers NOT_FOUND to another workspace', async () => {
    const s = await scenario('Private');
    await expect(scenarioTeamAggregate(other.admin, s.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('calibration over resolved scenarios', () => {
  it('scores final forecasts per analyst and for the team, with the decomposition and the score against the team median', async () => {
    const ws = await createTestWorkspace('Calibration desk');
    const wb = await createBasics(ws.workspaceId);
    const analyst2 = await createMember(ws.workspaceId, 'ANALYST', 'analyst2');
    const make = (name: string) =>
      createScenario(ws.analyst, { issueId: wb.issue.id, name, asOf: '2020-11-12', actors: [{ actorId: wb.actor.id, position: 50, salience: 80, capability: 60, included: true }] });
    const s1 = await make('Happened');
    const s2 = await make('Did not');
    const open = await make('Still open');
    await addEstimate(ws.analyst, { scenarioId: s1.id, likelihood: 'UNLIKELY', probability: '40', estimatedOn: '2020-11-01' });
    await addEstimate(ws.analyst, { scenarioId: s1.id, likelihood: 'LIKELY', probability: '80', estimatedOn: '2020-11-05' });
    await addEstimate(analyst2, { scenarioId: s1.id, likelihood: 'UNLIKELY', probability: '30', estimatedOn: '2020-11-05' });
    await addEstimate(ws.analyst, { scenarioId: s2.id, likelihood: 'VERY_UNLIKELY', probability: '20', estimatedOn: '2020-11-05' });
    await addEstimate(analyst2, { scenarioId: s2.id, likelihood: 'UNLIKELY', probability: '40', estimatedOn: '2020-11-05' });
    await addEstimate(analyst2, { scenarioId: open.id, likelihood: 'LIKELY', probability: '60', estimatedOn: '2020-11-05' });
    await resolveScenario(ws.admin, { id: s1.id, outcome: 'HAPPENED' });
    await resolveScenario(ws.admin, { id: s2.id, outcome: 'DID_NOT_HAPPEN' });

    const c = await workspaceCalibration(ws.viewer);
    expect(c.scenarios).toBe(2);
    // Final forecasts: analyst 0.8 (happened), 0.2 (did not); analyst2 0.3 (happened), 0.4 (did not).
    // Team BS = (0.04 + 0.04 + 0.49 + 0.16) / 4 = 0.1825; every forecast value is distinct, so REL = BS, RES = UNC = 0.25.
    expect(c.team.decomposition!.n).toBe(4);
    expect(c.team.decomposition!.brier).toBeCloseTo(0.1825, 12);
    expect(c.team.decomposition!.reliability).toBeCloseTo(0.1825, 12);
    expect(c.team.decomposition!.resolution).toBeCloseTo(0.25, 12);
    expect(c.team.decomposition!.uncertainty).toBeCloseTo(0.25, 12);
    expect(c.team.bins.reduce((s, bin) => s + bin.n, 0)).toBe(4);
    expect(c.team.bins[8]).toMatchObject({ n: 1, observedFrequency: 1 });

    // Team medians: happened 0.55, did not 0.3 → (0.2025 + 0.09) / 2 = 0.14625.
    const [best, worst] = c.analysts;
    expect(best).toMatchObject({ analystId: ws.analyst.userId });
    expect(best!.decomposition.brier).toBeCloseTo(0.04, 12);
    expect(best!.teamMedianBrier).toBeCloseTo(0.14625, 12);
    expect(best!.relative).toBeCloseTo(0.04 - 0.14625, 12);
    expect(worst).toMatchObject({ analystId: analyst2.userId });
    expect(worst!.decomposition.brier).toBeCloseTo(0.325, 12);

    expect(await workspaceCalibration(other.viewer)).toMatchObject({ scenarios: 0, analysts: [], team: { decomposition: null } });
  });
});
