// Resolving an issue with the position it reached freezes every model's forecast on the issue's
// current positions and counts in the workspace's track record beside the scenarios; refusals
// (bad input, a viewer, another workspace, a deleted or already-resolved issue) change nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { toIssueDto } from '@/lib/api/dto';
import { db } from '@/lib/db';
import { forecast, nashBargaining, simulateBargaining, weightedMean, weightedMedian } from '@/lib/decision-models';
import { getIssue } from '@/lib/issues/queries';
import { issueResolution, resolveIssue } from '@/lib/issues/resolution';
import { createScenario, resolveScenario } from '@/lib/scenarios/commands';
import { composeBaseline } from '@/lib/scenarios/inputs';
import { scenarioBaseline } from '@/lib/scenarios/queries';
import { isoDay } from '@/lib/format';
import { modelTrackRecord } from '@/lib/scenarios/track-record-queries';
import { createTestWorkspace, rejection, type TestWorkspace } from './helpers/fixtures';

let home: TestWorkspace;
let other: TestWorkspace;
let sourceId: string;
const actorIds: string[] = [];

async function newIssue(title: string, withReadings = true) {
  const issue = await db().issue.create({ data: { workspaceId: home.workspaceId, title, anchors: [] } });
  if (withReadings) {
    const values: [number, number, number][] = [
      [90, 80, 90],
      [40, 70, 60],
      [60, 90, 50],
      [10, 90, 30],
    ];
    for (const [i, [position, salience, capability]] of values.entries()) {
      await db().assessment.create({
        data: {
          workspaceId: home.workspaceId, issueId: issue.id, actorId: actorIds[i]!, sourceId, position, salience, capability,
          confidence: 'HIGH', credibility: 2, stanceDate: new Date('2020-11-01T00:00:00Z'), quote: `reading ${i}`, recordedById: home.analyst.userId,
        },
      });
    }
  }
  return issue.id;
}

beforeAll(async () => {
  home = await createTestWorkspace('Issue outcomes desk');
  other = await createTestWorkspace('Other outcomes desk');
  sourceId = (await db().source.create({ data: { workspaceId: home.workspaceId, title: 'S', outlet: 'S', publishedAt: new Date('2020-11-01'), kind: 'NEWS', reliability: 'A' } })).id;
  for (const name of ['Russia', 'Turkey', 'Azerbaijan', 'Armenia']) {
    actorIds.push((await db().actor.create({ data: { workspaceId: home.workspaceId, name, kind: 'STATE' } })).id);
  }
});

describe('resolving an issue with the position reached', () => {
  it('freezes every model’s forecast on the current positions next to the outcome, the headline flagged, and audits it', async () => {
    const id = await newIssue('Peacekeeping');
    const { model } = composeBaseline((await scenarioBaseline(home.analyst, id, isoDay(new Date()))).actors);
    expect(model).toHaveLength(4);

    await resolveIssue(home.analyst, { id, outcomePosition: '75' });

    const resolution = await issueResolution(home.viewer, id);
    expect(resolution?.outcomePosition).toBe(75);
    expect(resolution?.resolvedByName).toBeTruthy();
    const scores = resolution!.scores;
    expect(scores.map((s) => s.model)).toEqual(['weighted-mean', 'bargaining', 'nash', 'pce', 'weighted-median']);
    const byModel = Object.fromEntries(scores.map((s) => [s.model, s]));
    expect(byModel['weighted-mean']!.forecast).toBeCloseTo(weightedMean(model), 9);
    expect(byModel['weighted-median']!.forecast).toBeCloseTo(weightedMedian(model), 9);
    expect(byModel.nash!.forecast).toBeCloseTo(nashBargaining(model), 9);
    expect(byModel.bargaining!.forecast).toBeCloseTo(simulateBargaining(model).forecast, 9);
    expect(byModel['weighted-mean']!.headline).toBe(true);
    expect(byModel['weighted-mean']!.p90).toBeCloseTo(forecast(model).interval.p90, 9);
    for (const s of scores) {
      expect(s.outcome).toBe(75);
      expect(s.error).toBeCloseTo(s.forecast - 75, 9);
      expect(s.covered).toBe(s.p10 <= 75 && 75 <= s.p90);
    }

    const row = await db().issue.findUniqueOrThrow({ where: { id } });
    expect([row.outcomePosition, row.resolvedById, row.version]).toEqual([75, home.analyst.userId, 2]);
    const audit = await db().auditLog.findFirst({ where: { entityId: id, action: 'issue.resolved' } });
    expect(audit).toMatchObject({ userId: home.analyst.userId, workspaceId: home.workspaceId, entityType: 'issue' });
    expect(audit?.details).toMatchObject({ outcomePosition: 75, actors: 4, scored: true });

    const dto = toIssueDto(await getIssue(home.viewer, id));
    expect(dto.outcomePosition).toBe(75);
    expect(dto.resolvedAt).toBe(row.resolvedAt!.toISOString());
  });

  it('counts in the track record beside resolved scenarios; a deleted issue and another workspace count nowhere', async () => {
    const issueA = await newIssue('Corridor');
    const issueB = await newIssue('Ceasefire line');
    const scenario = await createScenario(home.analyst, { issueId: issueA, name: 'Corridor opens', asOf: '2020-11-12', description: '' });
    await resolveScenario(home.analyst, { id: scenario.id, outcome: 'HAPPENED', outcomePosition: '20' });
    const before = await modelTrackRecord(home.viewer);
    await resolveIssue(home.admin, { id: issueA, outcomePosition: '30' });
    await resolveIssue(home.admin, { id: issueB, outcomePosition: '55' });

    const after = await modelTrackRecord(home.viewer);
    const scenarioRows = await db().scenarioModelScore.findMany({ where: { workspaceId: home.workspaceId } });
    const issueRows = await db().issueModelScore.findMany({ where: { workspaceId: home.workspaceId } });
    for (const r of after) {
      const mine = [...scenarioRows, ...issueRows].filter((row) => row.model === r.model);
      expect(r.count).toBe(before.find((b) => b.model === r.model)!.count + 2);
      expect(r.count).toBe(mine.length);
      expect(r.meanAbsError).toBeCloseTo(mine.reduce((s, m) => s + Math.abs(m.forecast - m.outcome), 0) / mine.length, 9);
      expect(r.coverage).toBeCloseTo(mine.filter((m) => m.outcome >= m.p10 && m.outcome <= m.p90).length / mine.length, 9);
    }

    await db().issue.update({ where: { id: issueB }, data: { deletedAt: new Date() } });
    const withoutDeleted = await modelTrackRecord(home.viewer);
    for (const r of withoutDeleted) expect(r.count).toBe(after.find((a) => a.model === r.model)!.count - 1);
    expect((await modelTrackRecord(other.viewer)).every((r) => r.count === 0 && r.meanAbsError === null)).toBe(true);
  });

  it('an issue without positions resolves and scores no model', async () => {
    const id = await newIssue('Nobody assessed', false);
    await resolveIssue(home.analyst, { id, outcomePosition: 0 });
    const resolution = await issueResolution(home.viewer, id);
    expect(resolution?.outcomePosition).toBe(0);
    expect(resolution?.scores).toEqual([]);
  });

  it('refuses a second resolution, bad positions, a viewer, another workspace and a deleted issue, leaving everything unchanged', async () => {
    const resolved = await newIssue('Already settled');
    await resolveIssue(home.analyst, { id: resolved, outcomePosition: '40' });
    const again = await rejection(() => resolveIssue(home.admin, { id: resolved, outcomePosition: '90' }));
    expect(again.code).toBe('CONFLICT');
    expect(again.message).toMatch(/already|resolved on .* at position 40/);
    expect((await db().issue.findUniqueOrThrow({ where: { id: resolved } })).outcomePosition).toBe(40);
    expect(await db().issueModelScore.count({ where: { issueId: resolved, outcome: 90 } })).toBe(0);

    const open = await newIssue('Still open');
    for (const [value, message] of [
      ['120', 'Position reached must be between 0 and 100'],
      ['abc', 'Position reached must be a number between 0 and 100'],
      ['', 'Position reached is required'],
    ] as const) {
      const bad = await rejection(() => resolveIssue(home.analyst, { id: open, outcomePosition: value }));
      expect(bad.extra.fieldErrors).toEqual({ outcomePosition: [message] });
    }
    expect((await rejection(() => resolveIssue(home.viewer, { id: open, outcomePosition: '50' }))).code).toBe('FORBIDDEN');
    expect((await rejection(() => resolveIssue(other.admin, { id: open, outcomePosition: '50' }))).code).toBe('NOT_FOUND');
    const deleted = await newIssue('Deleted before the outcome');
    await db().issue.update({ where: { id: deleted }, data: { deletedAt: new Date() } });
    expect((await rejection(() => resolveIssue(home.admin, { id: deleted, outcomePosition: '50' }))).code).toBe('NOT_FOUND');

    for (const id of [open, deleted]) {
      const row = await db().issue.findUniqueOrThrow({ where: { id } });
      expect([row.outcomePosition, row.resolvedAt, row.version]).toEqual([null, null, 1]);
      expect(await db().issueModelScore.count({ where: { issueId: id } })).toBe(0);
    }
    expect(await issueResolution(home.viewer, open)).toBeNull();
    expect((await rejection(() => issueResolution(other.viewer, open))).code).toBe('NOT_FOUND');
  });

  it('the database refuses a position outside 0-100 and a position without a resolution date', async () => {
    const id = await newIssue('Constraint check', false);
    await expect(db().issue.update({ where: { id }, data: { outcomePosition: 101, resolvedAt: new Date() } })).rejects.toThrow();
    await expect(db().issue.update({ where: { id }, data: { outcomePosition: 50 } })).rejects.toThrow();
  });
});
