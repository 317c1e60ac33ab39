import 'server-only';
import { annulResolution, undoAnnulment } from '../../scenarios/annulment';
import { deleteScenario, addEstimate, createScenario, resolveScenario, updateScenario } from '../../scenarios/commands';
import { getScenario, listScenarios, scenarioEstimates, scenarioListSchema } from '../../scenarios/queries';
import { scenarioCreateSchema, scenarioUpdateSchema } from '../../scenarios/schema';
import { readJsonObject } from '../body';
import { scenarioDto, toEstimateDto, toScenarioDto, type ScenarioDto } from '../dto';
import { apiRoute, json } from '../handler';
import type { ApiResource } from '../resource';
import { nameMaps } from './lookups';

export const scenariosResource: ApiResource<ScenarioDto> = {
  path: 'scenarios',
  label: 'Scenario',
  description:
    'A named set of departures from the baseline of an issue (the latest assessments up to asOf): per actor a position, salience or capability override, or leaving the actor out.',
  readPermission: 'workspace:read',
  writePermission: 'scenarios:write',
  listQuery: scenarioListSchema,
  createSchema: scenarioCreateSchema,
  updateSchema: scenarioUpdateSchema,
  dto: scenarioDto,
  editable: ['name', 'description', 'asOf', 'actors'],
  inputProperties: {
    actors: {
      type: 'array',
      description:
        'Departures from the baseline, one per actor: a value replaces the baseline’s (null keeps it); included: false leaves the actor out. An actor with no readings up to asOf needs all three values. Replaces the stored list.',
      items: {
        type: 'object',
        properties: {
          actorId: { type: 'string', format: 'uuid' },
          position: { type: ['number', 'null'], minimum: 0, maximum: 100 },
          salience: { type: ['number', 'null'], minimum: 0, maximum: 100 },
          capability: { type: ['number', 'null'], minimum: 0, maximum: 100 },
          included: { type: 'boolean', default: true },
        },
        required: ['actorId'],
      },
    },
  },
  async list(ctx, query) {
    const page = await listScenarios(ctx, query, 'api');
    return { items: page.items.map((s) => toScenarioDto(s)), nextCursor: page.nextCursor };
  },
  get: async (ctx, id) => toScenarioDto(await getScenario(ctx, id)),
  create: createScenario,
  update: updateScenario,
  remove: async (ctx, id) => {
    await deleteScenario(ctx, { id });
  },
  csv: {
    header: ['name', 'issue', 'as_of', 'description', 'outcome', 'resolved_at', 'created_by', 'id', 'version', 'created_at', 'updated_at', 'deleted_at'],
    async rows(ctx, items) {
      const names = await nameMaps(ctx, { issues: items.map((s) => s.issueId), users: items.map((s) => s.createdById) });
      return items.map((s) => [
        s.name,
        names.issue.get(s.issueId) ?? '',
        s.asOf,
        s.description,
        s.outcome,
        s.resolvedAt,
        names.user.get(s.createdById) ?? '',
        s.id,
        s.version,
        s.createdAt,
        s.updatedAt,
        s.deletedAt,
      ]);
    },
  },
};

/** GET /scenarios/{id}/estimates: every likelihood estimate, oldest first. */
export const listEstimatesRoute = apiRoute<{ id: string }>({ permission: 'workspace:read' }, async ({ ctx, params }) =>
  json({ data: (await scenarioEstimates(ctx, params.id)).map(toEstimateDto) }),
);

/** POST /scenarios/{id}/estimates: { likelihood, probability (percent), estimatedOn, rationale }. */
export const addEstimateRoute = apiRoute<{ id: string }>({ permission: 'estimates:write' }, async ({ ctx, request, params }) => {
  const body = await readJsonObject(request);
  const { id } = await addEstimate(ctx, { ...body, scenarioId: params.id });
  const created = (await scenarioEstimates(ctx, params.id)).find((e) => e.id === id);
  return json(created ? toEstimateDto(created) : { id }, { status: 201 });
});

/** POST /scenarios/{id}/annulment: { reason } (admin). */
export const annulResolutionRoute = apiRoute<{ id: string }>({ permission: 'resolutions:annul' }, async ({ ctx, request, params }) => {
  const body = await readJsonObject(request);
  await annulResolution(ctx, { ...body, id: params.id });
  return json(toScenarioDto(await getScenario(ctx, params.id)));
});

/** DELETE /scenarios/{id}/annulment (admin): the resolution counts again. */
export const undoAnnulmentRoute = apiRoute<{ id: string }>({ permission: 'resolutions:annul' }, async ({ ctx, params }) => {
  await undoAnnulment(ctx, { id: params.id });
  return json(toScenarioDto(await getScenario(ctx, params.id)));
});

/** POST /scenarios/{id}/resolve: { outcome: HAPPENED | DID_NOT_HAPPEN }. */
export const resolveScenarioRoute = apiRoute<{ id: string }>({ permission: 'scenarios:write' }, async ({ ctx, request, params }) => {
  const body = await readJsonObject(request);
  await resolveScenario(ctx, { ...body, id: params.id });
  return json(toScenarioDto(await getScenario(ctx, params.id)));
});
