import 'server-only';
import { authorize, type Ctx } from '../auth/context';
import { db } from '../db';
import { notFound } from '../errors';
import { COUNTED_RESOLUTION } from './annulment';
import { finalEstimates, outcomeValue } from './brier';
import { brierDecomposition, calibrationBins, scoresRelativeToTeamMedian, teamAggregate, type Forecast } from './calibration';
import { userNames } from './queries';
import { visibleEstimatesWhere } from './visibility';

/**
 * Calibration of the team and of each analyst over the workspace's resolved live scenarios (annulled resolutions left out): each
 * analyst's final estimate before resolution (lib/scenarios/brier.ts says why) is one forecast.
 */
export async function workspaceCalibration(ctx: Ctx) {
  authorize(ctx, 'workspace:read');
  const scenarios = await db().scenario.findMany({
    where: { workspaceId: ctx.workspaceId, deletedAt: null, ...COUNTED_RESOLUTION },
    select: { id: true, outcome: true, resolvedAt: true },
  });
  const estimates = scenarios.length
    ? await db().likelihoodEstimate.findMany({
        where: { workspaceId: ctx.workspaceId, scenarioId: { in: scenarios.map((s) => s.id) } },
        select: { analystId: true, scenarioId: true, estimatedOn: true, createdAt: true, probability: true },
      })
    : [];
  const outcomes = new Map(scenarios.map((s) => [s.id, outcomeValue(s.outcome!)]));
  const finals = finalEstimates(
    estimates,
    scenarios.map((s) => ({ scenarioId: s.id, outcome: s.outcome!, resolvedAt: s.resolvedAt ?? new Date(0) })),
  );
  const forecastsOf = (list: typeof finals): Forecast[] => list.map((f) => ({ probability: f.probability, outcome: outcomes.get(f.scenarioId)! }));
  const names = await userNames(ctx, finals.map((f) => f.analystId));
  const relative = new Map(scoresRelativeToTeamMedian(finals, outcomes).map((r) => [r.analystId, r]));
  const analysts = [...new Set(finals.map((f) => f.analystId))].map((analystId) => {
    const own = forecastsOf(finals.filter((f) => f.analystId === analystId));
    const r = relative.get(analystId)!;
    return {
      analystId,
      name: names.get(analystId) ?? 'a former member',
      bins: calibrationBins(own),
      decomposition: brierDecomposition(own)!,
      teamMedianBrier: r.teamMedianBrier,
      relative: r.relative,
    };
  });
  analysts.sort((a, b) => a.relative - b.relative || a.name.localeCompare(b.name));
  const all = forecastsOf(finals);
  return { scenarios: scenarios.length, team: { bins: calibrationBins(all), decomposition: brierDecomposition(all) }, analysts };
}

/** The team's view of one scenario: each analyst's latest estimate, as a median and a recency-weighted mean (none while estimates are hidden from the caller). */
export async function scenarioTeamAggregate(ctx: Ctx, scenarioId: string, asOf: Date = new Date()) {
  authorize(ctx, 'workspace:read');
  const scenario = await db().scenario.findFirst({ where: { id: scenarioId, workspaceId: ctx.workspaceId }, select: { id: true, outcome: true } });
  if (!scenario) throw notFound('Scenario');
  const { where, visibility } = await visibleEstimatesWhere(ctx, scenario);
  if (visibility.hidden) return null;
  const latest = await db().likelihoodEstimate.findMany({
    where,
    orderBy: [{ analystId: 'asc' }, { estimatedOn: 'desc' }, { createdAt: 'desc' }],
    distinct: ['analystId'],
    select: { probability: true, estimatedOn: true },
  });
  return teamAggregate(latest, asOf);
}
