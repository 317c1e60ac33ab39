import 'server-only';
import { audit } from '../audit';
import { authorize, type Ctx } from '../auth/context';
import { db } from '../db';
import { AppError, invalid, notFound, type FieldErrors } from '../errors';
import { staleVersionError } from '../records/concurrency';
import { assertReferences } from '../records/references';
import { deleteRecord, recordRefSchema, restoreRecord } from '../records/soft-delete';
import { parseInput } from '../validation';
import { composeScenario, modelProblem } from './inputs';
import { OUTCOME_LABELS } from './likelihood';
import { getScenario, scenarioBaseline, scenarioModel } from './queries';
import { isoDay } from '../format';
import {
  actorErrorKey,
  estimateCreateSchema,
  OVERRIDE_FIELDS,
  OVERRIDE_LABELS,
  resolveSchema,
  scenarioCreateSchema,
  scenarioUpdateSchema,
  type ScenarioActorInput,
} from './schema';
import { modelScoresAtResolution, type ModelScoreRow } from './track-record';
import type { ActorOverride, Baseline } from './types';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

interface ActorRow {
  actorId: string;
  position: number | null;
  salience: number | null;
  capability: number | null;
  excluded: boolean;
}

/**
 * Turns the form's per-actor rows into the ScenarioActor rows to store, and refuses input the model
 * could not use. Only departures from the baseline are stored: a row with a value, an exclusion of
 * an actor the baseline includes, or an inclusion of one it leaves out. Every message names the
 * actor and lands on that actor's field (`actors.<id>.<field>`).
 */
async function planActorRows(ctx: Ctx, baseline: Baseline, actors: Record<string, ScenarioActorInput>): Promise<ActorRow[]> {
  const inputs = Object.entries(actors);
  const errors: FieldErrors = {};
  for (const [key, a] of inputs) if (key !== a.actorId) errors[actorErrorKey(key, 'actorId')] = ['This row does not match its actor; reload the page'];
  const ids = inputs.map(([, a]) => a.actorId);
  const live = ids.length
    ? await db().actor.findMany({ where: { id: { in: ids }, workspaceId: ctx.workspaceId, deletedAt: null }, select: { id: true, name: true } })
    : [];
  const names = new Map(live.map((a) => [a.id, a.name]));
  const inBaseline = new Map(baseline.actors.map((b) => [b.actorId, b]));
  const rows: ActorRow[] = [];

  for (const [, a] of inputs) {
    const name = names.get(a.actorId);
    // An actor of another workspace gets the same message as a deleted or unknown one.
    if (!name) {
      errors[actorErrorKey(a.actorId, 'actorId')] = ['This actor is not in the workspace any more (deleted?); remove it from the scenario'];
      continue;
    }
    const b = inBaseline.get(a.actorId);
    const hasValue = a.position !== null || a.salience !== null || a.capability !== null;
    if (!b && a.included) {
      for (const field of OVERRIDE_FIELDS) {
        if (a[field] === null) {
          errors[actorErrorKey(a.actorId, field)] = [
            `${name} has no readings on this issue up to ${baseline.asOf}: give a ${OVERRIDE_LABELS[field].toLowerCase()}`,
          ];
        }
      }
    }
    const defaultIncluded = b ? b.defaultIncluded : false;
    if (hasValue || a.included !== defaultIncluded) {
      rows.push({ actorId: a.actorId, position: a.position, salience: a.salience, capability: a.capability, excluded: !a.included });
    }
  }
  if (Object.keys(errors).length) throw invalid(errors);

  const overrides: ActorOverride[] = rows.map((r) => ({ ...r, name: names.get(r.actorId) ?? '' }));
  const problem = modelProblem(composeScenario(baseline.actors, overrides).model);
  if (problem) throw invalid({ _form: [problem] }, problem);
  return rows;
}

async function assertModellable(ctx: Ctx, scenarioId: string, baseline: Baseline): Promise<void> {
  const stored = await db().scenarioActor.findMany({
    where: { scenarioId, actor: { workspaceId: ctx.workspaceId, deletedAt: null } },
    include: { actor: { select: { name: true } } },
  });
  const overrides: ActorOverride[] = stored.map((r) => ({ ...r, name: r.actor.name }));
  const problem = modelProblem(composeScenario(baseline.actors, overrides).model);
  if (problem) throw invalid({ _form: [problem] }, problem);
}

export async function createScenario(ctx: Ctx, raw: unknown): Promise<{ id: string }> {
  authorize(ctx, 'scenarios:write');
  const input = parseInput(scenarioCreateSchema, raw);
  await assertReferences(ctx, { issueId: input.issueId });
  const baseline = await scenarioBaseline(ctx, input.issueId, input.asOf);
  const rows = await planActorRows(ctx, baseline, input.actors ?? {});
  return db().scenario.create({
    data: {
      workspaceId: ctx.workspaceId,
      issueId: input.issueId,
      name: input.name,
      description: input.description,
      asOf: day(input.asOf),
      createdById: ctx.userId,
      actors: { create: rows },
    },
    select: { id: true },
  });
}

function resolvedError(what: string, outcome: keyof typeof OUTCOME_LABELS, resolvedAt: Date | null): AppError {
  return new AppError(
    'CONFLICT',
    `This scenario was resolved (${OUTCOME_LABELS[outcome].toLowerCase()}) on ${resolvedAt ? isoDay(resolvedAt) : 'an earlier day'}; ${what}.`,
  );
}

/**
 * Saves an edit only if nobody saved since the editor opened the scenario (its version), replacing
 * its overrides as one step. A resolved scenario is frozen: its inputs are what was scored.
 */
export async function updateScenario(ctx: Ctx, raw: unknown): Promise<{ id: string; version: number }> {
  authorize(ctx, 'scenarios:write');
  const { id, version, actors, ...data } = parseInput(scenarioUpdateSchema, raw);
  const existing = await db().scenario.findFirst({
    where: { id, workspaceId: ctx.workspaceId, deletedAt: null },
    select: { issueId: true, outcome: true, resolvedAt: true },
  });
  if (!existing) throw notFound('Scenario');
  if (existing.outcome) throw resolvedError('its inputs can no longer be changed', existing.outcome, existing.resolvedAt);
  const baseline = await scenarioBaseline(ctx, existing.issueId, data.asOf);
  // No actors in the input: keep the stored overrides, but still refuse a date that leaves nothing to model.
  const rows = actors ? await planActorRows(ctx, baseline, actors) : null;
  if (!rows) await assertModellable(ctx, id, baseline);
  return db().$transaction(async (tx) => {
    const { count } = await tx.scenario.updateMany({
      where: { id, workspaceId: ctx.workspaceId, version, deletedAt: null, outcome: null },
      data: { name: data.name, description: data.description, asOf: day(data.asOf), version: { increment: 1 } },
    });
    if (count !== 1) {
      const current = await tx.scenario.findFirst({
        where: { id, workspaceId: ctx.workspaceId, deletedAt: null },
        select: { name: true, description: true, asOf: true, version: true, outcome: true, resolvedAt: true },
      });
      if (!current) throw notFound('Scenario');
      if (current.outcome) throw resolvedError('its inputs can no longer be changed', current.outcome, current.resolvedAt);
      throw staleVersionError('This scenario', { name: current.name, description: current.description, asOf: isoDay(current.asOf), version: current.version });
    }
    if (rows) {
      await tx.scenarioActor.deleteMany({ where: { scenarioId: id } });
      if (rows.length) await tx.scenarioActor.createMany({ data: rows.map((r) => ({ ...r, scenarioId: id })) });
    }
    return { id, version: version + 1 };
  });
}

/** Soft delete: needs the scenario permission as well as the general record one. */
export async function deleteScenario(ctx: Ctx, raw: unknown): Promise<{ id: string }> {
  authorize(ctx, 'scenarios:write');
  const ref = parseInput(recordRefSchema, raw);
  await deleteRecord(ctx, 'scenario', ref);
  return ref;
}

export async function restoreScenario(ctx: Ctx, raw: unknown): Promise<{ id: string }> {
  authorize(ctx, 'scenarios:write');
  const ref = parseInput(recordRefSchema, raw);
  await restoreRecord(ctx, 'scenario', ref);
  return ref;
}

/**
 * Records an analyst's likelihood estimate (ICD 203 term + a point probability inside its band).
 * Refused once the scenario is resolved: an estimate made knowing the answer is not a forecast.
 */
export async function addEstimate(ctx: Ctx, raw: unknown): Promise<{ id: string; scenarioId: string }> {
  authorize(ctx, 'estimates:write');
  const input = parseInput(estimateCreateSchema, raw);
  const scenario = await db().scenario.findFirst({
    where: { id: input.scenarioId, workspaceId: ctx.workspaceId, deletedAt: null },
    select: { id: true, outcome: true, resolvedAt: true },
  });
  if (!scenario) throw notFound('Scenario');
  if (scenario.outcome) throw resolvedError('estimates are closed', scenario.outcome, scenario.resolvedAt);
  const row = await db().likelihoodEstimate.create({
    data: {
      workspaceId: ctx.workspaceId,
      scenarioId: scenario.id,
      analystId: ctx.userId,
      estimatedOn: day(input.estimatedOn),
      likelihood: input.likelihood,
      // Percent in the form, 0-1 stored; rounded so 7 is stored as 0.07 exactly as typed.
      probability: Math.round(input.probability * 100) / 10_000,
      forecastPosition: input.forecastPosition,
      rationale: input.rationale,
    },
    select: { id: true },
  });
  return { id: row.id, scenarioId: scenario.id };
}

/**
 * Records whether the scenario happened, by whom and when, and optionally the position the issue
 * reached; audited as 'scenario.resolved'. With a position, every model's forecast on the
 * scenario's inputs as they stand now is frozen next to it (lib/scenarios/track-record.ts).
 */
export async function resolveScenario(ctx: Ctx, raw: unknown): Promise<{ id: string }> {
  authorize(ctx, 'scenarios:write');
  const { id, outcome, outcomePosition } = parseInput(resolveSchema, raw);
  let scores: ModelScoreRow[] = [];
  if (outcomePosition !== null) {
    const scenario = await getScenario(ctx, id);
    const { composed } = await scenarioModel(ctx, scenario);
    if (!modelProblem(composed.model)) scores = modelScoresAtResolution(composed.model, outcomePosition);
  }
  return db().$transaction(async (tx) => {
    const { count } = await tx.scenario.updateMany({
      where: { id, workspaceId: ctx.workspaceId, deletedAt: null, outcome: null },
      data: { outcome, outcomePosition, resolvedAt: new Date(), resolvedById: ctx.userId, version: { increment: 1 } },
    });
    if (count !== 1) {
      const current = await tx.scenario.findFirst({
        where: { id, workspaceId: ctx.workspaceId, deletedAt: null },
        select: { outcome: true, resolvedAt: true },
      });
      if (!current?.outcome) throw notFound('Scenario');
      throw resolvedError('it cannot be resolved again', current.outcome, current.resolvedAt);
    }
    if (scores.length) {
      await tx.scenarioModelScore.createMany({ data: scores.map((s) => ({ ...s, workspaceId: ctx.workspaceId, scenarioId: id })) });
    }
    await audit(
      {
        action: 'scenario.resolved',
        workspaceId: ctx.workspaceId,
        userId: ctx.userId,
        entityType: 'scenario',
        entityId: id,
        details: { outcome, label: OUTCOME_LABELS[outcome], outcomePosition },
      },
      tx,
    );
    return { id };
  });
}
