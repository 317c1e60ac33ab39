import { isUuid } from '@/lib/validation';
import { isoDay } from '@/lib/format';
import 'server-only';
import { z } from 'zod';
import { authorize, type Ctx } from '../auth/context';
import { db } from '../db';
import { notFound } from '../errors';
import type { Prisma } from '../generated/prisma/client';
import { readAnchors } from '../issues/schema';
import { cursorListParams, type SortSpecs } from '../records/cursor';
import { parseListParams, runList, type ListFrom, type ListPage } from '../records/list';
import { aggregateReadings } from '../decision-models';
import { isoDate, parseInput } from '../validation';
import { currentReadings, type CurrentReadingRow } from '../stance/current-position';
import { ORIGIN_RULE, originSharedWeights, sharedOrigins } from '../stance/origins';
import { COUNTED_RESOLUTION } from './annulment';
import { brierScores } from './brier';
import { scenariosHidingEstimates, visibleEstimatesWhere } from './visibility';
import { composeBaseline, composeScenario } from './inputs';
import type { ActorOverride, Baseline, BaselineActor, BaselineReading } from './types';
import { DEFAULT_CAPABILITY } from './weights';
import { readingWeight } from '../stance/weights';


export async function userNames(ctx: Ctx, ids: Iterable<string | null | undefined>): Promise<Map<string, string>> {
  authorize(ctx, 'workspace:read');
  const unique = [...new Set([...ids].filter((id): id is string => Boolean(id)))];
  if (!unique.length) return new Map();
  const users = await db().user.findMany({ where: { id: { in: unique } }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name]));
}

// Baseline -------------------------------------------------------------------------------------

const fmt = (n: number) => String(Number(n.toFixed(2)));

function formula(label: string, parts: { weight: number; value: number }[], result: number): string {
  if (parts.length === 1) return `${label} = ${fmt(result)} (one reading)`;
  const total = parts.reduce((s, p) => s + p.weight, 0);
  return `${label} = (${parts.map((p) => `${fmt(p.weight)} × ${fmt(p.value)}`).join(' + ')}) / ${fmt(total)} = ${fmt(result)}`;
}

function explain(readings: BaselineReading[], agg: { position: number; salience: number; capability: number | null }, asOf: string): string[] {
  const n = readings.length;
  const lines = [
    `${n === 1 ? 'One source' : `${n} sources`} with a stance dated up to ${asOf}; from each source only its latest reading counts. ` +
      'Each reading is weighted by confidence (low 1, moderate 2, high 3) × source reliability (A 1.0, B 0.8, C 0.6, D 0.4, E 0.2, F 0.3). ' +
      ORIGIN_RULE,
    formula('Position', readings.map((r) => ({ weight: r.weight, value: r.position })), agg.position),
    formula('Salience', readings.map((r) => ({ weight: r.weight, value: r.salience })), agg.salience),
  ];
  for (const g of sharedOrigins(readings)) {
    lines.push(`${g.sourceIds.length} sources share the origin “${g.origin}”, so each counts with ${g.sourceIds.length === 2 ? 'half' : `1/${g.sourceIds.length}`} of its weight.`);
  }
  const withCap = readings.filter((r) => r.capability !== null);
  if (agg.capability === null) {
    lines.push(`Capability: no reading gives one, so the model uses the default ${DEFAULT_CAPABILITY} (override it if you know better).`);
  } else {
    const note = withCap.length < n ? ` (only the ${withCap.length} of ${n} readings that give one)` : '';
    lines.push(formula('Capability', withCap.map((r) => ({ weight: r.weight, value: r.capability as number })), agg.capability) + note);
  }
  return lines;
}

/**
 * The baseline of an issue as of a day: for each live actor with live assessments on the issue
 * dated up to `asOf`, each source's latest reading (lib/stance/current-position.ts, the one
 * definition of where an actor stands), aggregated across sources with weights confidence × source
 * reliability (lib/decision-models `aggregateReadings`). Assessments from
 * deleted sources do not count. A part of another actor in the baseline (a leader of a state in
 * it, found through the parentId chain) is left out by default: `defaultIncluded` false.
 */
export async function scenarioBaseline(ctx: Ctx, issueId: string, asOf: string): Promise<Baseline> {
  authorize(ctx, 'workspace:read');
  if (!isUuid(issueId)) throw notFound('Issue');
  const asOfDay = parseInput(isoDate('As-of date'), asOf);
  // A deleted issue keeps its scenarios readable, so only the workspace matters here.
  const issue = await db().issue.findFirst({ where: { id: issueId, workspaceId: ctx.workspaceId }, select: { id: true } });
  if (!issue) throw notFound('Issue');

  const rows = await currentReadings(ctx, issueId, asOfDay);

  const byActor = new Map<string, CurrentReadingRow[]>();
  for (const row of rows) byActor.set(row.actorId, [...(byActor.get(row.actorId) ?? []), row]);
  const coveredBy = await coveringAncestors(ctx, [...byActor.keys()]);

  const actors: BaselineActor[] = [...byActor.entries()].map(([actorId, list]) => {
    const first = list[0] as CurrentReadingRow;
    const shared = originSharedWeights(list.map((r) => ({ sourceId: r.sourceId, origin: r.origin, weight: readingWeight(r.confidence, r.reliability) })));
    const readings: BaselineReading[] = list
      .map((r, i) => ({
        assessmentId: r.assessmentId,
        sourceId: r.sourceId,
        sourceTitle: r.sourceTitle,
        outlet: r.outlet,
        reliability: r.reliability,
        confidence: r.confidence,
        credibility: Number(r.credibility),
        stanceDate: isoDay(r.stanceDate),
        position: Number(r.position),
        salience: Number(r.salience),
        capability: r.capability === null ? null : Number(r.capability),
        origin: r.origin,
        ownWeight: readingWeight(r.confidence, r.reliability),
        weight: shared[i]!,
        quote: r.quote,
      }))
      .sort((a, b) => b.weight - a.weight || (a.stanceDate < b.stanceDate ? 1 : a.stanceDate > b.stanceDate ? -1 : 0) || a.sourceTitle.localeCompare(b.sourceTitle));
    const agg = aggregateReadings(readings);
    const cover = coveredBy.get(actorId) ?? null;
    return {
      actorId,
      name: first.actorName,
      kind: first.actorKind,
      parentId: first.parentId,
      coveredBy: cover,
      defaultIncluded: cover === null,
      position: agg.position,
      salience: agg.salience,
      capability: agg.capability ?? DEFAULT_CAPABILITY,
      capabilityDefaulted: agg.capability === null,
      nSources: readings.length,
      readings,
      explanation: explain(readings, agg, asOfDay),
    };
  });
  actors.sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }));
  return { issueId, asOf: asOfDay, actors };
}

/** For each actor, its nearest ancestor that is also in `ids` (walking parentId up to 50 levels). */
async function coveringAncestors(ctx: Ctx, ids: string[]): Promise<Map<string, { id: string; name: string }>> {
  if (ids.length === 0) return new Map();
  const chain = await db().$queryRaw<{ start: string; ancestorId: string; ancestorName: string; depth: number }[]>`
    WITH RECURSIVE up AS (
      SELECT a.id AS start, a."parentId" AS ancestor, 1 AS depth
      FROM "Actor" a
      WHERE a.id = ANY(${ids}::uuid[]) AND a."workspaceId" = ${ctx.workspaceId}::uuid AND a."parentId" IS NOT NULL
      UNION ALL
      SELECT up.start, p."parentId", up.depth + 1
      FROM up JOIN "Actor" p ON p.id = up.ancestor
      WHERE p."parentId" IS NOT NULL AND up.depth < 50
    )
    SELECT up.start, up.ancestor AS "ancestorId", anc.name AS "ancestorName", up.depth
    FROM up JOIN "Actor" anc ON anc.id = up.ancestor AND anc."workspaceId" = ${ctx.workspaceId}::uuid
    WHERE up.ancestor = ANY(${ids}::uuid[])
    ORDER BY up.start, up.depth`;
  const out = new Map<string, { id: string; name: string }>();
  for (const row of chain) if (!out.has(row.start) && row.ancestorId !== row.start) out.set(row.start, { id: row.ancestorId, name: row.ancestorName });
  return out;
}

// List -----------------------------------------------------------------------------------------

const SCENARIO_SORTS: SortSpecs<'name' | 'asOf' | 'createdAt' | 'updatedAt'> = {
  name: { type: 'string' },
  asOf: { type: 'date' },
  createdAt: { type: 'date' },
  updatedAt: { type: 'date' },
};

/** The scenario list's params, for the scenarios page (read from the address bar) and GET /api/v1/scenarios alike. */
export const scenarioListSchema = cursorListParams(['name', 'asOf', 'createdAt', 'updatedAt'] as const, 'updatedAt', 'desc').extend({
  issue: z.uuid({ error: 'issue must be an issue id' }).optional(),
  status: z.enum(['open', 'resolved', 'annulled'], { error: 'status must be open, resolved or annulled' }).optional(),
});
export type ScenarioListParams = z.output<typeof scenarioListSchema>;

export function scenarioWhere(workspaceId: string, p: ScenarioListParams): Prisma.ScenarioWhereInput {
  return {
    workspaceId,
    deletedAt: p.deleted === 'only' ? { not: null } : null,
    ...(p.issue ? { issueId: p.issue } : {}),
    // "resolved" counts only resolutions that stand; an annulled one is listed under "annulled".
    ...(p.status === 'open' ? { outcome: null } : p.status === 'resolved' ? COUNTED_RESOLUTION : p.status === 'annulled' ? { annulledAt: { not: null } } : {}),
    ...(p.q ? { OR: [{ name: { contains: p.q, mode: 'insensitive' } }, { description: { contains: p.q, mode: 'insensitive' } }] } : {}),
  };
}

const scenarioPageInclude = {
  issue: { select: { id: true, title: true } },
  estimates: { orderBy: [{ estimatedOn: 'desc' }, { createdAt: 'desc' }], take: 1 },
  _count: { select: { estimates: true, actors: true } },
} satisfies Prisma.ScenarioInclude;

type ScenarioRow = Prisma.ScenarioGetPayload<object>;
type ScenarioListedRow = Prisma.ScenarioGetPayload<{ include: typeof scenarioPageInclude }>;

async function withAuthorsAndLastEstimate(ctx: Ctx, rows: ScenarioListedRow[]) {
  const hiding = await scenariosHidingEstimates(ctx, rows);
  const names = await userNames(ctx, rows.flatMap((r) => [r.createdById, r.resolvedById, r.estimates[0]?.analystId]));
  return rows.map(({ estimates, ...r }) => {
    const last = hiding.has(r.id) ? undefined : estimates[0];
    return {
      ...r,
      authorName: names.get(r.createdById) ?? 'unknown',
      resolvedByName: r.resolvedById ? (names.get(r.resolvedById) ?? 'unknown') : null,
      lastEstimate: last ? { ...last, analystName: names.get(last.analystId) ?? 'unknown' } : null,
    };
  });
}
type ScenarioListed = Awaited<ReturnType<typeof withAuthorsAndLastEstimate>>[number];

/** The page view carries the issue, author names and the latest estimate the caller may see; the API view the bare rows. */
export function listScenarios(ctx: Ctx, raw: unknown, from: 'api'): Promise<ListPage<ScenarioRow, ScenarioListParams>>;
export function listScenarios(ctx: Ctx, raw: unknown, from?: 'page'): Promise<ListPage<ScenarioListed, ScenarioListParams>>;
export async function listScenarios(ctx: Ctx, raw: unknown, from: ListFrom = 'page') {
  authorize(ctx, 'workspace:read');
  const p = parseListParams(scenarioListSchema, raw, from);
  const where = scenarioWhere(ctx.workspaceId, p);
  const count = (args: { where: Record<string, unknown>; take: number }) => db().scenario.count(args as Prisma.ScenarioCountArgs);
  if (from === 'api') {
    return runList(p, from, SCENARIO_SORTS, where, (args) => db().scenario.findMany(args as Prisma.ScenarioFindManyArgs), count);
  }
  const page = await runList(
    p,
    from,
    SCENARIO_SORTS,
    where,
    (args) => db().scenario.findMany({ ...(args as Prisma.ScenarioFindManyArgs), include: scenarioPageInclude }) as Promise<ScenarioListedRow[]>,
    count,
  );
  return { ...page, items: await withAuthorsAndLastEstimate(ctx, page.items) };
}

// One scenario ---------------------------------------------------------------------------------

/** A scenario of the caller's workspace (deleted ones too, so the page can offer Restore). */
export async function getScenario(ctx: Ctx, id: string) {
  authorize(ctx, 'workspace:read');
  if (!isUuid(id)) throw notFound('Scenario');
  const row = await db().scenario.findFirst({
    where: { id, workspaceId: ctx.workspaceId },
    include: {
      issue: { select: { id: true, title: true, anchors: true, deletedAt: true } },
      actors: { include: { actor: { select: { id: true, name: true, deletedAt: true } } } },
    },
  });
  if (!row) throw notFound('Scenario');
  const names = await userNames(ctx, [row.createdById, row.resolvedById, row.annulledById]);
  const overrides: (ActorOverride & { actorDeleted: boolean })[] = row.actors.map((a) => ({
    actorId: a.actorId,
    name: a.actor.name,
    position: a.position,
    salience: a.salience,
    capability: a.capability,
    excluded: a.excluded,
    actorDeleted: a.actor.deletedAt !== null,
  }));
  return {
    ...row,
    asOfDay: isoDay(row.asOf),
    issue: { ...row.issue, anchors: readAnchors(row.issue.anchors) },
    overrides,
    authorName: names.get(row.createdById) ?? 'unknown',
    resolvedByName: row.resolvedById ? (names.get(row.resolvedById) ?? 'unknown') : null,
    annulledByName: row.annulledById ? (names.get(row.annulledById) ?? 'unknown') : null,
  };
}
export type ScenarioDetail = Awaited<ReturnType<typeof getScenario>>;

/**
 * Everything the model needs for a scenario: its baseline (recomputed from the live records with a
 * stance date up to the scenario's as-of date), the composed inputs, and the baseline's own inputs
 * for "what changed". An override of an actor deleted since is left out, with a warning.
 */
export async function scenarioModel(ctx: Ctx, scenario: ScenarioDetail, asOf: string = scenario.asOfDay) {
  const baseline = await scenarioBaseline(ctx, scenario.issueId, asOf);
  const live = scenario.overrides.filter((o) => !o.actorDeleted);
  const warnings = scenario.overrides.filter((o) => o.actorDeleted).map((o) => `${o.name} was deleted since this scenario was saved; it is left out.`);
  const composed = composeScenario(baseline.actors, live);
  for (const a of composed.actors) {
    if (a.status === 'incomplete') warnings.push(`${a.name} has no readings up to ${asOf} and not all three values are set, so it is left out.`);
  }
  return { baseline, composed, baselineComposed: composeBaseline(baseline.actors), warnings };
}

// Estimates and scores -------------------------------------------------------------------------

/** Every likelihood estimate of a scenario, oldest first, with the analyst's name. */
export async function scenarioEstimates(ctx: Ctx, scenarioId: string) {
  authorize(ctx, 'workspace:read');
  if (!isUuid(scenarioId)) throw notFound('Scenario');
  const scenario = await db().scenario.findFirst({ where: { id: scenarioId, workspaceId: ctx.workspaceId }, select: { id: true, outcome: true } });
  if (!scenario) throw notFound('Scenario');
  const { where } = await visibleEstimatesWhere(ctx, scenario);
  const rows = await db().likelihoodEstimate.findMany({
    where,
    orderBy: [{ estimatedOn: 'asc' }, { createdAt: 'asc' }],
  });
  const names = await userNames(ctx, rows.map((r) => r.analystId));
  return rows.map((r) => ({ ...r, estimatedOnDay: isoDay(r.estimatedOn), analystName: names.get(r.analystId) ?? 'unknown' }));
}

/**
 * Brier score per analyst over the workspace's resolved (live) scenarios, or over one scenario.
 * Each analyst's final estimate before resolution counts (lib/scenarios/brier.ts says why).
 */
export async function analystBrierScores(ctx: Ctx, scenarioId?: string) {
  authorize(ctx, 'workspace:read');
  const scenarios = await db().scenario.findMany({
    where: { workspaceId: ctx.workspaceId, deletedAt: null, ...COUNTED_RESOLUTION, ...(scenarioId ? { id: scenarioId } : {}) },
    select: { id: true, name: true, outcome: true, resolvedAt: true },
  });
  if (!scenarios.length) return [];
  const estimates = await db().likelihoodEstimate.findMany({
    where: { workspaceId: ctx.workspaceId, scenarioId: { in: scenarios.map((s) => s.id) } },
    select: { analystId: true, scenarioId: true, estimatedOn: true, createdAt: true, probability: true },
  });
  const scores = brierScores(
    estimates,
    scenarios.map((s) => ({ scenarioId: s.id, outcome: s.outcome!, resolvedAt: s.resolvedAt ?? new Date(0) })),
  );
  const names = await userNames(ctx, scores.map((s) => s.analystId));
  const scenarioNames = new Map(scenarios.map((s) => [s.id, s.name]));
  return scores.map((s) => ({
    ...s,
    analystName: names.get(s.analystId) ?? 'unknown',
    items: s.items.map((i) => ({ ...i, scenarioName: scenarioNames.get(i.scenarioId) ?? '' })),
  }));
}

/** Live scenarios of the workspace, for pickers (compare). */
export async function scenarioOptions(ctx: Ctx) {
  authorize(ctx, 'workspace:read');
  return db().scenario.findMany({
    where: { workspaceId: ctx.workspaceId, deletedAt: null },
    select: { id: true, name: true, issueId: true, asOf: true, issue: { select: { title: true } } },
    orderBy: [{ issue: { title: 'asc' } }, { name: 'asc' }],
  });
}
