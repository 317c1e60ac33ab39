import 'server-only';
import { authorize, type Ctx } from '../auth/context';
import { db } from '../db';
import { FORECAST_MODELS, HEADLINE_MODEL_ID } from '../decision-models';
import { COUNTED_RESOLUTION } from './annulment';
import { userNames } from './queries';
import { analystPositionRecords, type ErrorSummary } from './track-record';

const modelName = (id: string) => FORECAST_MODELS.find((m) => m.id === id)?.name ?? id;

/** Each model's frozen forecast of one resolved scenario, headline first, with its error. */
export async function scenarioModelScores(ctx: Ctx, scenarioId: string) {
  authorize(ctx, 'workspace:read');
  const rows = await db().scenarioModelScore.findMany({
    where: { scenarioId, workspaceId: ctx.workspaceId },
    orderBy: [{ headline: 'desc' }, { model: 'asc' }],
  });
  return rows.map((r) => ({
    ...r,
    name: modelName(r.model),
    error: r.forecast - r.outcome,
    covered: r.outcome >= r.p10 && r.outcome <= r.p90,
  }));
}

export interface ModelRecord extends ErrorSummary {
  model: string;
  name: string;
  headline: boolean;
}

/**
 * Every model's record over the workspace's live scenarios resolved with a position (annulled resolutions left out) and its live
 * issues resolved with a position (lib/issues/resolution.ts): mean absolute error, share of outcomes inside the 80% interval,
 * count. Aggregated in PostgreSQL. Models never scored are listed with count 0, so the page always names every model.
 */
export async function modelTrackRecord(ctx: Ctx): Promise<ModelRecord[]> {
  authorize(ctx, 'workspace:read');
  const rows = await db().$queryRaw<{ model: string; count: number; mae: number; coverage: number }[]>`
    SELECT m."model",
           count(*)::int AS "count",
           avg(abs(m."forecast" - m."outcome"))::float8 AS "mae",
           avg(CASE WHEN m."outcome" BETWEEN m."p10" AND m."p90" THEN 1 ELSE 0 END)::float8 AS "coverage"
    FROM (
      SELECT sm."model", sm."forecast", sm."outcome", sm."p10", sm."p90"
      FROM "ScenarioModelScore" sm
      JOIN "Scenario" s ON s."id" = sm."scenarioId"
      WHERE sm."workspaceId" = ${ctx.workspaceId}::uuid AND s."workspaceId" = ${ctx.workspaceId}::uuid AND s."deletedAt" IS NULL AND s."annulledAt" IS NULL
      UNION ALL
      SELECT im."model", im."forecast", im."outcome", im."p10", im."p90"
      FROM "IssueModelScore" im
      JOIN "Issue" i ON i."id" = im."issueId"
      WHERE im."workspaceId" = ${ctx.workspaceId}::uuid AND i."workspaceId" = ${ctx.workspaceId}::uuid AND i."deletedAt" IS NULL
    ) m
    GROUP BY m."model"`;
  const byModel = new Map(rows.map((r) => [r.model, r]));
  return FORECAST_MODELS.map((m) => {
    const r = byModel.get(m.id);
    return {
      model: m.id,
      name: m.name,
      headline: m.id === HEADLINE_MODEL_ID,
      count: r?.count ?? 0,
      meanAbsError: r ? r.mae : null,
      coverage: r ? r.coverage : null,
    };
  });
}

/** Each analyst's record of forecast positions over the workspace's scenarios resolved with a position. */
export async function analystPositionTrackRecord(ctx: Ctx) {
  authorize(ctx, 'workspace:read');
  const scenarios = await db().scenario.findMany({
    where: { workspaceId: ctx.workspaceId, deletedAt: null, ...COUNTED_RESOLUTION, outcomePosition: { not: null } },
    select: { id: true, name: true, outcome: true, resolvedAt: true, outcomePosition: true },
  });
  if (!scenarios.length) return [];
  const estimates = await db().likelihoodEstimate.findMany({
    where: { workspaceId: ctx.workspaceId, scenarioId: { in: scenarios.map((s) => s.id) }, forecastPosition: { not: null } },
    select: { analystId: true, scenarioId: true, estimatedOn: true, createdAt: true, probability: true, forecastPosition: true },
  });
  const records = analystPositionRecords(
    estimates,
    scenarios.map((s) => ({ scenarioId: s.id, outcome: s.outcome!, resolvedAt: s.resolvedAt ?? new Date(0), outcomePosition: s.outcomePosition! })),
  );
  const names = await userNames(ctx, records.map((r) => r.analystId));
  const scenarioNames = new Map(scenarios.map((s) => [s.id, s.name]));
  return records.map((r) => ({
    ...r,
    analystName: names.get(r.analystId) ?? 'unknown',
    items: r.items.map((i) => ({ ...i, scenarioName: scenarioNames.get(i.scenarioId) ?? '' })),
  }));
}
