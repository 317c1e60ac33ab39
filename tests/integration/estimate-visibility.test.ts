// Forecasting that teaches: with the workspace setting on, colleagues' estimates of an open scenario
// stay hidden from an analyst (or admin) until they have made their own — in the query, so pages and
// the API agree. Viewers (who do not estimate) see all; a resolved scenario shows all. Only admins
// change the setting, audited; one workspace's setting never touches another.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '@/lib/auth/context';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { addEstimate, createScenario, resolveScenario } from '@/lib/scenarios/commands';
import { listScenarios, scenarioEstimates } from '@/lib/scenarios/queries';
import { getForecastingSettings, setForecastingSettings } from '@/lib/workspaces/settings';
import { databaseFingerprint } from './helpers/auth-fixtures';
import { createBasics, createMember, createTestWorkspace, type TestWorkspace } from './helpers/fixtures';

let home: TestWorkspace;
let other: TestWorkspace;
let issueId: string;
let actorId: string;
let late: Ctx;

beforeAll(async () => {
  home = await createTestWorkspace('Forecast desk');
  other = await createTestWorkspace('Other desk');
  const basics = await createBasics(home.workspaceId);
  issueId = basics.issue.id;
  actorId = basics.actor.id;
  late = await createMember(home.workspaceId, 'ANALYST', 'late');
});

const estimate = (ctx: Ctx, scenarioId: string, probability: string, likelihood = 'LIKELY') =>
  addEstimate(ctx, { scenarioId, likelihood, probability, estimatedOn: '2020-11-12', rationale: '' });
const scenario = (ctx: Ctx, name: string, issue = issueId, actor = actorId) =>
  createScenario(ctx, { issueId: issue, name, asOf: '2020-11-12', actors: [{ actorId: actor, position: 50, salience: 80, capability: 60, included: true }] });
const analystsSeenBy = async (ctx: Ctx, scenarioId: string) => (await scenarioEstimates(ctx, scenarioId)).map((e) => e.analystId).sort();

describe('hiding estimates until you have made your own', () => {
  it('shows everything while the setting is off (the default)', async () => {
    expect(await getForecastingSettings(home.viewer)).toEqual({ hideEstimatesUntilOwn: false });
    const s = await scenario(home.analyst, 'Open by default');
    await estimate(home.analyst, s.id, '70');
    expect(await analystsSeenBy(late, s.id)).toEqual([home.analyst.userId]);
  });

  it('withholds colleagues’ estimates from an analyst and an admin until they estimate; viewers see all', async () => {
    await setForecastingSettings(home.admin, { hideEstimatesUntilOwn: 'on' });
    const s = await scenario(home.analyst, 'Turkey doubles down');
    await estimate(home.analyst, s.id, '70');

    expect(await scenarioEstimates(late, s.id)).toEqual([]);
    expect(await scenarioEstimates(home.admin, s.id)).toEqual([]);
    expect(await analystsSeenBy(home.viewer, s.id)).toEqual([home.analyst.userId]);
    // The list page's "latest estimate" does not leak it either.
    const listed = (await listScenarios(late, { q: 'Turkey doubles down' })).items.find((i) => i.id === s.id)!;
    expect(listed.lastEstimate).toBeNull();
    expect((await listScenarios(home.viewer, { q: 'Turkey doubles down' })).items.find((i) => i.id === s.id)!.lastEstimate).not.toBeNull();

    // Once the late analyst has made theirs, everyone's shows.
    await estimate(late, s.id, '30', 'UNLIKELY');
    expect(await analystsSeenBy(late, s.id)).toEqual([home.analyst.userId, late.userId].sort());
    expect((await listScenarios(late, { q: 'Turkey doubles down' })).items.find((i) => i.id === s.id)!.lastEstimate).not.toBeNull();
    // The admin still has not estimated.
    expect(await scenarioEstimates(home.admin, s.id)).toEqual([]);
  });

  it('shows every estimate of a resolved scenario', async () => {
    const s = await scenario(home.analyst, 'Resolved one');
    await estimate(home.analyst, s.id, '70');
    expect(await scenarioEstimates(late, s.id)).toEqual([]);
    await resolveScenario(home.admin, { id: s.id, outcome: 'HAPPENED' });
    expect(await analystsSeenBy(late, s.id)).toEqual([home.analyst.userId]);
  });
});

describe('the setting', () => {
  it('is changed by admins only (audited); an analyst’s attempt changes nothing', async () => {
    const before = await databaseFingerprint();
    await expect(setForecastingSettings(home.analyst, { hideEstimatesUntilOwn: '' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(setForecastingSettings(home.viewer, {})).rejects.toBeInstanceOf(AppError);
    expect(await databaseFingerprint()).toEqual(before);

    expect(await setForecastingSettings(home.admin, {})).toEqual({ hideEstimatesUntilOwn: false });
    const log = await db().auditLog.findFirstOrThrow({ where: { workspaceId: home.workspaceId, action: 'workspace.settings_changed' }, orderBy: { id: 'desc' } });
    expect(log.details).toEqual({ hideEstimatesUntilOwn: { from: true, to: false } });
    await setForecastingSettings(home.admin, { hideEstimatesUntilOwn: 'on' });
  });

  it('refuses a value that is not on or off, naming the field', async () => {
    await expect(setForecastingSettings(home.admin, { hideEstimatesUntilOwn: 'sometimes' })).rejects.toMatchObject({
      code: 'VALIDATION',
      extra: { fieldErrors: { hideEstimatesUntilOwn: ['Hide estimates must be on or off'] } },
    });
  });

  it('belongs to one workspace: another workspace’s setting and scenarios stay apart', async () => {
    expect(await getForecastingSettings(other.admin)).toEqual({ hideEstimatesUntilOwn: false });
    const otherBasics = await createBasics(other.workspaceId);
    const s = await scenario(other.analyst, 'Elsewhere', otherBasics.issue.id, otherBasics.actor.id);
    await estimate(other.analyst, s.id, '60');
    const second = await createMember(other.workspaceId, 'ANALYST', 'second');
    expect(await analystsSeenBy(second, s.id)).toEqual([other.analyst.userId]);
    await expect(scenarioEstimates(home.admin, s.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
