// Resolving a scenario with the position reached freezes every model's forecast next to it; the
// track record aggregates models and analysts per workspace; bad input and refusals change nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { forecast, nashBargaining, weightedMean, weightedMedian, simulateBargaining } from '@/lib/decision-models';
import { addEstimate, createScenario, resolveScenario } from '@/lib/scenarios/commands';
import { getScenario, scenarioModel } from '@/lib/scenarios/queries';
import { analystPositionTrackRecord, modelTrackRecord, scenarioModelScores } from '@/lib/scenarios/track-record-queries';
import { createMember, createTestWorkspace, rejection, type TestWorkspace } from './helpers/fixtures';

let home: TestWorkspace;
let other: TestWorkspace;
let issueId: string;


beforeAll(async () => {
  home = await createTestWorkspace('Track desk');
  other = await createTestWorkspace('Other track desk');
  const ws = home.workspaceId;
  issueId = (await db().issue.create({ data: { workspaceId: ws, title: 'Peacekeeping', anchors: [] } })).id;
  const source = await db().source.create({ data: { workspaceId: ws, title: 'S', outlet: 'S', publishedAt: new Date('2020-11-01'), kind: 'NEWS', reliability: 'A' } });
  const values: [string, number, number, number][] = [
    ['Russia', 90, 80, 90],
    ['Turkey', 40, 70, 60],
    ['Azerbaijan', 60, 90, 50],
    ['Armenia', 10, 90, 30],
  ];
  for (const [name, position, salience, capability] of values) {
    const actor = await db().actor.create({ data: { workspaceId: ws, name, kind: 'STATE' } });
    await db().assessment.create({
      data: {
        workspaceId: ws, issueId, actorId: actor.id, sourceId: source.id, position, salience, capability,
        confidence: 'HIGH', credibility: 2, stanceDate: new Date('2020-11-01T00:00:00Z'), quote: `${name} reading`, recordedById: home.analyst.userId,
      },
    });
  }
});

async function newScenario(name: string) {
  return createScenario(home.analyst, { issueId, name, asOf: '2020-11-12', description: '' });
}

describe('resolving with the position reached', () => {
  it('freezes every model’s forecast and interval next to the outcome, the headline flagged', async () => {
    const { id } = await newScenario('Resolved with a position');
    await addEstimate(home.analyst, { scenarioId: id, likelihood: 'LIKELY', probability: '70', estimatedOn: '2020-11-10', forecastPosition: '70' });
    await resolveScenario(home.analyst, { id, outcome: 'HAPPENED', outcomePosition: '80' });

    const scenario = await getScenario(home.analyst, id);
    expect(scenario.outcomePosition).toBe(80);
    const { composed } = await scenarioModel(home.analyst, scenario);
    const scores = await scenarioModelScores(home.viewer, id);
    expect(scores.map((s) => s.model)).toEqual(['weighted-mean', 'bargaining', 'nash', 'pce', 'weighted-median']);
    const byModel = Object.fromEntries(scores.map((s) => [s.model, s]));
    expect(byModel['weighted-mean']!.forecast).toBeCloseTo(weightedMean(composed.model), 9);
    expect(byModel['weighted-median']!.forecast).toBeCloseTo(weightedMedian(composed.model), 9);
    expect(byModel.bargaining!.forecast).toBeCloseTo(simulateBargaining(composed.model).forecast, 9);
    expect(byModel.nash!.forecast).toBeCloseTo(nashBargaining(composed.model), 9);
    expect(byModel['weighted-mean']!.headline).toBe(true);
    expect(byModel['weighted-mean']!.p10).toBeCloseTo(forecast(composed.model).interval.p10, 9);
    for (const s of scores) {
      expect(s.outcome).toBe(80);
      expect(s.error).toBeCloseTo(s.forecast - 80, 9);
    }
    const audit = await db().auditLog.findFirst({ where: { entityId: id, action: 'scenario.resolved' } });
    expect(audit?.details).toMatchObject({ outcome: 'HAPPENED', outcomePosition: 80 });
  });

  it('aggregates each model’s mean absolute error, coverage and count over the workspace, and each analyst’s', async () => {
    const { id } = await newScenario('Second resolved');
    const second = await createMember(home.workspaceId, 'ANALYST', 'second');
    await addEstimate(second, { scenarioId: id, likelihood: 'UNLIKELY', probability: '30', estimatedOn: '2020-11-10', forecastPosition: '25' });
    await addEstimate(second, { scenarioId: id, likelihood: 'UNLIKELY', probability: '30', estimatedOn: '2020-11-11' }); // no position: the earlier one counts
    await resolveScenario(home.analyst, { id, outcome: 'DID_NOT_HAPPEN', outcomePosition: '30' });

    const records = await modelTrackRecord(home.viewer);
    expect(records.map((r) => r.model)).toEqual(['weighted-mean', 'weighted-median', 'nash', 'bargaining', 'pce']);
    const rows = await db().scenarioModelScore.findMany({ where: { workspaceId: home.workspaceId } });
    for (const r of records) {
      const mine = rows.filter((row) => row.model === r.model);
      expect(r.count).toBe(2);
      expect(r.meanAbsError).toBeCloseTo(mine.reduce((s, m) => s + Math.abs(m.forecast - m.outcome), 0) / 2, 9);
      expect(r.coverage).toBeCloseTo(mine.filter((m) => m.outcome >= m.p10 && m.outcome <= m.p90).length / 2, 9);
    }
    const analysts = await analystPositionTrackRecord(home.viewer);
    // best (lowest error) first: the second analyst said 25 for 30, the first 70 for 80
    expect(analysts.map((a) => [a.analystId, a.count, a.meanAbsError])).toEqual([
      [second.userId, 1, 5],
      [home.analyst.userId, 1, 10],
    ]);

    // another workspace sees none of it
    expect((await modelTrackRecord(other.viewer)).every((r) => r.count === 0 && r.meanAbsError === null)).toBe(true);
    expect(await analystPositionTrackRecord(other.viewer)).toEqual([]);
    expect(await scenarioModelScores(other.viewer, id)).toEqual([]);
  });

  it('without a position, resolves as before and scores no model', async () => {
    const { id } = await newScenario('Resolved without a position');
    await resolveScenario(home.analyst, { id, outcome: 'HAPPENED', outcomePosition: '' });
    expect((await getScenario(home.analyst, id)).outcomePosition).toBeNull();
    expect(await scenarioModelScores(home.viewer, id)).toEqual([]);
  });

  it('refuses a position outside 0-100 on its field, and a viewer, leaving everything unchanged', async () => {
    const { id } = await newScenario('Refused');
    const bad = await rejection(() => resolveScenario(home.analyst, { id, outcome: 'HAPPENED', outcomePosition: '120' }));
    expect(bad.extra.fieldErrors).toEqual({ outcomePosition: ['Position reached must be between 0 and 100'] });
    const viewer = await rejection(() => resolveScenario(home.viewer, { id, outcome: 'HAPPENED', outcomePosition: '50' }));
    expect(viewer.code).toBe('FORBIDDEN');
    const badEstimate = await rejection(() =>
      addEstimate(home.analyst, { scenarioId: id, likelihood: 'LIKELY', probability: '70', estimatedOn: '2020-11-10', forecastPosition: 'abc' }),
    );
    expect(badEstimate.extra.fieldErrors).toEqual({ forecastPosition: ['Forecast position must be a number between 0 and 100'] });
    const row = await db().scenario.findUniqueOrThrow({ where: { id } });
    expect([row.outcome, row.outcomePosition, row.version]).toEqual([null, null, 1]);
    expect(await db().scenarioModelScore.count({ where: { scenarioId: id } })).toBe(0);
    expect(await db().likelihoodEstimate.count({ where: { scenarioId: id } })).toBe(0);
  });

  it('a scenario of another workspace answers NOT_FOUND and gets no scores', async () => {
    const { id } = await newScenario('Not theirs');
    const error = await rejection(() => resolveScenario(other.admin, { id, outcome: 'HAPPENED', outcomePosition: '50' }));
    expect(error.code).toBe('NOT_FOUND');
    expect(await db().scenarioModelScore.count({ where: { scenarioId: id } })).toBe(0);
  });
});
