import { z } from 'zod';
import { Likelihood, ScenarioOutcome } from '../generated/prisma/enums';
import { isoDate, optionalScaleValue, optionalText, recordId, requiredText, strictNumber, version } from '../validation';
import { inBand, outOfBandMessage } from './likelihood';

/**
 * Scenario input, shared by the form (field names below), the server action and any API.
 *
 * The form sends one row per actor in its table:
 *   actorId=<uuid>            (repeated, one per row)
 *   position_<uuid>, salience_<uuid>, capability_<uuid>   (blank = keep the baseline value)
 *   include_<uuid>=on         (checkbox; absent = leave the actor out)
 *   actorRows=1               (always: the table was sent, even with no rows)
 * An API caller may send `actors: [{ actorId, position, salience, capability, included }]` instead.
 * Both become `actors: { [actorId]: {...} }`, so a validation message lands on
 * `actors.<actorId>.<field>` and the form shows it beside that actor's input.
 */
export const OVERRIDE_FIELDS = ['position', 'salience', 'capability'] as const;
export type OverrideField = (typeof OVERRIDE_FIELDS)[number];
export const OVERRIDE_LABELS: Record<OverrideField, string> = { position: 'Position', salience: 'Salience', capability: 'Capability' };

export const MAX_SCENARIO_ACTORS = 300;

export const overrideFieldName = (field: OverrideField, actorId: string) => `${field}_${actorId}`;
export const includeFieldName = (actorId: string) => `include_${actorId}`;
export const actorErrorKey = (actorId: string, field: OverrideField | 'actorId' | 'included') => `actors.${actorId}.${field}`;

const actorInput = z.object({
  actorId: z.uuid({ error: 'Choose an actor from the list' }),
  position: optionalScaleValue('Position'),
  salience: optionalScaleValue('Salience'),
  capability: optionalScaleValue('Capability'),
  included: z.boolean({ error: 'Say whether the actor is in the scenario' }),
});
export type ScenarioActorInput = z.infer<typeof actorInput>;

const truthy = (v: unknown) => v === true || v === 'on' || v === 'true' || v === '1';

/** Repeated form fields (or an API array) → `actors` keyed by actor id. */
function collectActors(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null) return raw;
  const input = raw as Record<string, unknown>;
  if (Array.isArray(input.actors)) {
    const actors: Record<string, unknown> = {};
    for (const a of input.actors) {
      const row = (typeof a === 'object' && a !== null ? a : {}) as Record<string, unknown>;
      actors[String(row.actorId ?? '')] = { ...row, included: row.included === undefined ? true : truthy(row.included) };
    }
    return { ...input, actors };
  }
  // The form always sends `actorRows` so that a table with no rows left still means "no overrides".
  if (input.actors !== undefined || (input.actorId === undefined && input.actorRows === undefined)) return raw;
  const ids = [...new Set([input.actorId ?? []].flat().map(String))];
  const actors: Record<string, unknown> = {};
  for (const id of ids) {
    actors[id] = {
      actorId: id,
      position: input[overrideFieldName('position', id)],
      salience: input[overrideFieldName('salience', id)],
      capability: input[overrideFieldName('capability', id)],
      included: truthy(input[includeFieldName(id)]),
    };
  }
  return { ...input, actors };
}

const actorsInput = z
  .record(z.string(), actorInput)
  .refine((actors) => Object.keys(actors).length <= MAX_SCENARIO_ACTORS, { error: `At most ${MAX_SCENARIO_ACTORS} actors in one scenario` });

const scenarioFields = z.object({
  name: requiredText('Name', 200),
  description: optionalText('Assumptions', 10_000),
  asOf: isoDate('As-of date'),
  /** Absent (an API PATCH that does not touch them): on update the stored overrides stay as they are. */
  actors: actorsInput.optional(),
});

export const scenarioCreateSchema = z.preprocess(collectActors, scenarioFields.extend({ issueId: recordId('Issue') }));
export type ScenarioCreateInput = z.infer<typeof scenarioCreateSchema>;

/** The issue of a scenario is fixed once created: its overrides are positions on that issue's scale. */
export const scenarioUpdateSchema = z.preprocess(collectActors, scenarioFields.extend({ id: recordId('Scenario'), version }));
export type ScenarioUpdateInput = z.infer<typeof scenarioUpdateSchema>;

export const SCENARIO_FIELD_LABELS: Record<string, string> = { name: 'Name', description: 'Assumptions', asOf: 'As-of date' };

/** The baseline request of the "new scenario" page: GET ?issueId=&asOf= */
export const baselineParamsSchema = z.object({ issueId: recordId('Issue'), asOf: isoDate('As-of date') });

// Likelihood estimates -------------------------------------------------------------------------

/** Tomorrow in UTC: an analyst east of Greenwich may already be a day ahead. */
function latestAllowedDay(): string {
  return new Date(Date.now() + 24 * 3600 * 1000).toISOString().slice(0, 10);
}

export const estimateCreateSchema = z
  .object({
    scenarioId: recordId('Scenario'),
    likelihood: z.enum(Likelihood, { error: 'Choose how likely the scenario is' }),
    /** Percent, 1-99; stored as 0-1. */
    probability: strictNumber('Probability', { min: 1, max: 99, message: 'Probability must be a number of percent from 1 to 99', rangeMessage: 'Probability must be from 1 to 99 percent' }),
    estimatedOn: isoDate('Date').refine((d) => d <= latestAllowedDay(), { error: 'The date of an estimate cannot be in the future' }),
    /** Where the analyst expects the issue to land, on its 0-100 scale; blank for none. */
    forecastPosition: optionalScaleValue('Forecast position'),
    rationale: optionalText('Rationale', 5000),
  })
  .superRefine((value, ctx) => {
    // Outside 1-99 the field rule above has already said so.
    if (value.probability >= 1 && value.probability <= 99 && !inBand(value.likelihood, value.probability)) {
      ctx.addIssue({ code: 'custom', path: ['probability'], message: outOfBandMessage(value.likelihood, value.probability) });
    }
  });
export type EstimateCreateInput = z.infer<typeof estimateCreateSchema>;

export const ESTIMATE_FIELD_LABELS: Record<string, string> = {
  likelihood: 'Likelihood',
  probability: 'Probability',
  estimatedOn: 'Date',
  forecastPosition: 'Forecast position',
  rationale: 'Rationale',
};

// Resolution -----------------------------------------------------------------------------------

export const resolveSchema = z.object({
  id: recordId('Scenario'),
  outcome: z.enum(ScenarioOutcome, { error: 'Choose whether the scenario happened' }),
  /** Position the issue actually reached, on its 0-100 scale; blank when it cannot be placed. */
  outcomePosition: optionalScaleValue('Position reached'),
});
export type ResolveInput = z.infer<typeof resolveSchema>;

/** An admin annuls a resolution: the reason is required and kept in the audit log and on the scenario. */
export const annulResolutionSchema = z.object({
  id: recordId('Scenario'),
  reason: requiredText('Reason', 2000),
});
export const undoAnnulmentSchema = z.object({ id: recordId('Scenario') });

// Compare --------------------------------------------------------------------------------------

export const MAX_COMPARE = 6;
export const compareParamsSchema = z.object({
  id: z.preprocess(
    (v) => [v ?? []].flat(),
    z
      .array(z.uuid({ error: 'Unknown scenario' }))
      .transform((ids) => [...new Set(ids)])
      .refine((ids) => ids.length >= 2, { error: 'Choose at least two scenarios to compare' })
      .refine((ids) => ids.length <= MAX_COMPARE, { error: `Compare at most ${MAX_COMPARE} scenarios at a time` }),
  ),
});
