import 'server-only';
import { z } from 'zod';
import { audit } from '../audit';
import { authorize, type Ctx } from '../auth/context';
import { db } from '../db';
import { FORECAST_MODELS } from '../decision-models';
import { AppError, notFound } from '../errors';
import { composeBaseline, modelProblem } from '../scenarios/inputs';
import { scenarioBaseline, userNames } from '../scenarios/queries';
import { isoDay } from '../format';
import { modelScoresAtResolution, type ModelScoreRow } from '../scenarios/track-record';
import { parseInput } from '../validation';
import { issueResolveSchema } from './schema';

// Resolving an issue with the position it actually reached. Every model's forecast on the issue's
// current positions (each actor's current reading up to the day of resolution, the same baseline a
// scenario starts from, without a scenario's changes) is frozen next to the outcome and counts in the
// workspace's track record beside the resolved scenarios. Final, like a scenario's resolution: an
// issue is resolved once.

const alreadyResolved = (resolvedAt: Date | null, outcomePosition: number | null) =>
  new AppError(
    'CONFLICT',
    `This issue was resolved on ${resolvedAt ? isoDay(resolvedAt) : 'an earlier day'} at position ${outcomePosition ?? '—'}; it cannot be resolved again.`,
  );

export async function resolveIssue(ctx: Ctx, raw: unknown): Promise<{ id: string }> {
  // Resolving scores the forecasts, as resolving a scenario does, so it needs the same permission.
  authorize(ctx, 'scenarios:write');
  const { id, outcomePosition } = parseInput(issueResolveSchema, raw);
  const issue = await db().issue.findFirst({ where: { id, workspaceId: ctx.workspaceId, deletedAt: null }, select: { id: true, resolvedAt: true, outcomePosition: true } });
  if (!issue) throw notFound('Issue');
  if (issue.resolvedAt) throw alreadyResolved(issue.resolvedAt, issue.outcomePosition);

  const baseline = await scenarioBaseline(ctx, id, isoDay(new Date()));
  const { model } = composeBaseline(baseline.actors);
  const scores: ModelScoreRow[] = modelProblem(model) ? [] : modelScoresAtResolution(model, outcomePosition);

  return db().$transaction(async (tx) => {
    const { count } = await tx.issue.updateMany({
      where: { id, workspaceId: ctx.workspaceId, deletedAt: null, resolvedAt: null },
      data: { outcomePosition, resolvedAt: new Date(), resolvedById: ctx.userId, version: { increment: 1 } },
    });
    if (count !== 1) {
      const current = await tx.issue.findFirst({ where: { id, workspaceId: ctx.workspaceId, deletedAt: null }, select: { resolvedAt: true, outcomePosition: true } });
      if (!current?.resolvedAt) throw notFound('Issue');
      throw alreadyResolved(current.resolvedAt, current.outcomePosition);
    }
    if (scores.length) {
      await tx.issueModelScore.createMany({ data: scores.map((s) => ({ ...s, workspaceId: ctx.workspaceId, issueId: id })) });
    }
    await audit(
      {
        action: 'issue.resolved',
        workspaceId: ctx.workspaceId,
        userId: ctx.userId,
        entityType: 'issue',
        entityId: id,
        details: { outcomePosition, actors: model.length, scored: scores.length > 0 },
      },
      tx,
    );
    return { id };
  });
}

const modelName = (id: string) => FORECAST_MODELS.find((m) => m.id === id)?.name ?? id;

/** An issue's resolution, if any: the position reached, when, by whom, and every model's frozen forecast with its error (headline first). */
export async function issueResolution(ctx: Ctx, issueId: string) {
  authorize(ctx, 'workspace:read');
  if (!z.uuid().safeParse(issueId).success) throw notFound('Issue');
  const issue = await db().issue.findFirst({
    where: { id: issueId, workspaceId: ctx.workspaceId },
    select: { outcomePosition: true, resolvedAt: true, resolvedById: true },
  });
  if (!issue) throw notFound('Issue');
  if (issue.resolvedAt === null || issue.outcomePosition === null) return null;
  const [rows, names] = await Promise.all([
    db().issueModelScore.findMany({ where: { issueId, workspaceId: ctx.workspaceId }, orderBy: [{ headline: 'desc' }, { model: 'asc' }] }),
    userNames(ctx, [issue.resolvedById]),
  ]);
  return {
    outcomePosition: issue.outcomePosition,
    resolvedAt: issue.resolvedAt,
    resolvedByName: issue.resolvedById ? (names.get(issue.resolvedById) ?? 'unknown') : 'unknown',
    scores: rows.map((r) => ({ ...r, name: modelName(r.model), error: r.forecast - r.outcome, covered: r.outcome >= r.p10 && r.outcome <= r.p90 })),
  };
}
