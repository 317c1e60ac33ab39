// Annulling a resolution: an admin, with a reason, takes a resolved scenario out of every score
// (analysts' Brier scores, calibration, the models' and analysts' track record) and can undo it, which
// restores the resolution exactly. Analysts and viewers are refused; other workspaces get 404. Audited.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { exportWorkspaceText } from '@/lib/export/workspace';
import { importWorkspace } from '@/lib/export/import-workspace';
import { annulResolution, undoAnnulment } from '@/lib/scenarios/annulment';
import { addEstimate, createScenario, resolveScenario } from '@/lib/scenarios/commands';
import { analystBrierScores, getScenario, listScenarios } from '@/lib/scenarios/queries';
import { workspaceCalibration } from '@/lib/scenarios/team-forecasts';
import { analystPositionTrackRecord, modelTrackRecord } from '@/lib/scenarios/track-record-queries';
import { createMember, createTestWorkspace, rejection, type TestWorkspace } from './helpers/fixtures';
import { FORECAST_MODELS } from '@/lib/decision-models';

let home: TestWorkspace;
let other: TestWorkspace;
let issueId: string;
/** Resolved HAPPENED at 80; the analyst said 70% with a forecast position of 70. */
let first: string;
/** Resolved DID_NOT_HAPPEN at 30; the analyst said 40% with a forecast position of 20. */
let second: string;

beforeAll(async () => {
  home = await createTestWorkspace('Annul desk');
  other = await createTestWorkspace('Other annul desk');
  const ws = home.workspaceId;
  issueId = (await db().issue.create({ data: { workspaceId: ws, title: 'Peacekeeping', anchors: [{ value: 0, label: 'None' }, { value: 100, label: 'All' }] } })).id;
  const source = await db().source.create({ data: { workspaceId: ws, title: 'S', outlet: 'S', publishedAt: new Date('2020-11-01'), kind: 'NEWS', reliability: 'A' } });
  for (const [name, position] of [['Russia', 90], ['Turkey', 40]] as const) {
    const actor = await db().actor.create({ data: { workspaceId: ws, name, kind: 'STATE' } });
    await db().assessment.create({
      data: {
        workspaceId: ws, issueId, actorId: actor.id, sourceId: source.id, position, salience: 80, capability: 70,
        confidence: 'HIGH', credibility: 2, stanceDate: new Date('2020-11-01T00:00:00Z'), quote: `${name} reading`, recordedById: home.analyst.userId,
      },
    });
  }
  const resolved = async (name: string, probability: string, forecastPosition: string, outcome: 'HAPPENED' | 'DID_NOT_HAPPEN', outcomePosition: string) => {
    const { id } = await createScenario(home.analyst, { issueId, name, asOf: '2020-11-12', description: '' });
    await addEstimate(home.analyst, { scenarioId: id, likelihood: Number(probability) >= 55 ? 'LIKELY' : 'UNLIKELY', probability, estimatedOn: '2020-11-10', forecastPosition });
    await resolveScenario(home.analyst, { id, outcome, outcomePosition });
    return id;
  };
  first = await resolved('First', '70', '70', 'HAPPENED', '80');
  second = await resolved('Second', '40', '20', 'DID_NOT_HAPPEN', '30');
});

const reason = 'Resolved on a misreading of the test: the withdrawal was announced, not carried out.';

async function scoresNow() {
  const [brier, calibration, models, analysts] = await Promise.all([
    analystBrierScores(home.viewer),
    workspaceCalibration(home.viewer),
    modelTrackRecord(home.viewer),
    analystPositionTrackRecord(home.viewer),
  ]);
  const mine = brier.find((b) => b.analystId === home.analyst.userId)!;
  return {
    brierScenarios: mine.items.map((i) => i.scenarioId).sort(),
    brierMean: mine.brier,
    calibrationScenarios: calibration.scenarios,
    headlineCount: models.find((m) => m.headline)!.count,
    analystPositionScenarios: analysts.find((a) => a.analystId === home.analyst.userId)!.items.map((i) => i.scenarioId).sort(),
  };
}

describe('annulling a resolution', () => {
  it('refuses analysts and viewers, answers 404 to other workspaces, and changes nothing then', async () => {
    for (const caller of [home.analyst, home.viewer]) {
      expect((await rejection(() => annulResolution(caller, { id: first, reason }))).code).toBe('FORBIDDEN');
      expect((await rejection(() => undoAnnulment(caller, { id: first }))).code).toBe('FORBIDDEN');
    }
    expect((await rejection(() => annulResolution(other.admin, { id: first, reason }))).code).toBe('NOT_FOUND');
    expect((await rejection(() => undoAnnulment(other.admin, { id: first }))).code).toBe('NOT_FOUND');
    const row = await db().scenario.findUniqueOrThrow({ where: { id: first } });
    expect(row).toMatchObject({ annulledAt: null, annulledById: null, annulmentReason: null, version: 2 });
    expect(await db().auditLog.count({ where: { entityId: first, action: { in: ['scenario.resolution_annulled', 'scenario.annulment_undone'] } } })).toBe(0);
  });

  it('requires a reason and a resolved scenario', async () => {
    const blank = await rejection(() => annulResolution(home.admin, { id: first, reason: '  ' }));
    expect(blank.code).toBe('VALIDATION');
    expect(blank.extra.fieldErrors?.reason).toBeDefined();
    const { id: open } = await createScenario(home.analyst, { issueId, name: 'Still open', asOf: '2020-11-12', description: '' });
    expect((await rejection(() => annulResolution(home.admin, { id: open, reason }))).code).toBe('CONFLICT');
    expect((await rejection(() => undoAnnulment(home.admin, { id: first }))).code).toBe('CONFLICT');
  });

  it('takes the scenario out of Brier scores, calibration and the track record; undoing restores them exactly', async () => {
    const before = await scoresNow();
    // Hand-computed: Brier (0.7 − 1)² = 0.09 and (0.4 − 0)² = 0.16, mean 0.125.
    expect(before).toMatchObject({ brierScenarios: [first, second].sort(), calibrationScenarios: 2, headlineCount: 2 });
    expect(before.brierMean).toBeCloseTo(0.125, 12);
    expect(before.analystPositionScenarios).toEqual([first, second].sort());

    await annulResolution(home.admin, { id: first, reason });
    const during = await scoresNow();
    expect(during).toMatchObject({ brierScenarios: [second], calibrationScenarios: 1, headlineCount: 1, analystPositionScenarios: [second] });
    expect(during.brierMean).toBeCloseTo(0.16, 12);
    expect(await analystBrierScores(home.viewer, first)).toEqual([]);

    // The resolution itself is kept, marked annulled, and listed as such.
    const annulled = await getScenario(home.viewer, first);
    expect(annulled).toMatchObject({ outcome: 'HAPPENED', outcomePosition: 80, annulmentReason: reason, annulledById: home.admin.userId });
    expect(annulled.annulledByName).toBeTruthy();
    expect(await db().scenarioModelScore.count({ where: { scenarioId: first } })).toBe(FORECAST_MODELS.length);
    expect((await listScenarios(home.viewer, { status: 'resolved' })).items.map((s) => s.id)).toEqual([second]);
    expect((await listScenarios(home.viewer, { status: 'annulled' })).items.map((s) => s.id)).toEqual([first]);
    // Still frozen: no new estimate on an annulled resolution.
    expect((await rejection(() => addEstimate(home.analyst, { scenarioId: first, likelihood: 'LIKELY', probability: '70', estimatedOn: '2020-11-20' }))).code).toBe(
      'CONFLICT',
    );
    // Annulling twice is refused.
    expect((await rejection(() => annulResolution(home.admin, { id: first, reason: 'again' }))).code).toBe('CONFLICT');

    await undoAnnulment(home.admin, { id: first });
    const after = await scoresNow();
    expect(after).toEqual(before);
    expect(await db().scenario.findUniqueOrThrow({ where: { id: first } })).toMatchObject({ outcome: 'HAPPENED', outcomePosition: 80, annulledAt: null, annulmentReason: null });
  });

  it('audits the annulment with its reason and the undo, by whom', async () => {
    const rows = await db().auditLog.findMany({
      where: { entityId: first, action: { in: ['scenario.resolution_annulled', 'scenario.annulment_undone'] } },
      orderBy: { createdAt: 'asc' },
    });
    expect(rows.map((r) => [r.action, r.userId, r.workspaceId])).toEqual([
      ['scenario.resolution_annulled', home.admin.userId, home.workspaceId],
      ['scenario.annulment_undone', home.admin.userId, home.workspaceId],
    ]);
    expect(rows[0]!.details).toMatchObject({ reason, outcome: 'HAPPENED', outcomePosition: 80 });
    expect(rows[1]!.details).toMatchObject({ reason, outcome: 'HAPPENED', annulledById: home.admin.userId });
  });

  it('keeps an annulment through a workspace export and import', async () => {
    await annulResolution(home.admin, { id: second, reason });
    const target = await db().workspace.create({ data: { name: 'Restored annul desk', slug: `restored-annul-${Date.now()}` } });
    const admin = await createMember(target.id, 'ADMIN');
    await importWorkspace(admin, await exportWorkspaceText(home.admin));
    const restored = await db().scenario.findFirstOrThrow({ where: { workspaceId: target.id, name: 'Second' } });
    expect(restored).toMatchObject({ outcome: 'DID_NOT_HAPPEN', annulmentReason: reason });
    expect(restored.annulledAt).not.toBeNull();
    expect((await workspaceCalibration(admin)).scenarios).toBe(1);
    await undoAnnulment(home.admin, { id: second });
  });
});
