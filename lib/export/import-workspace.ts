import { randomUUID } from 'node:crypto';
import { audit } from '../audit';
import { authorize, type Ctx } from '../auth/context';
import { db } from '../db';
import { withBulkTransaction, type BulkWriter } from '../db/bulk';
import { AppError, invalid } from '../errors';
import { parseJsonText } from '../json-text';
import { checkWorkspaceExport } from './check-workspace';
import type { WorkspaceExport } from './format';

// Importing a whole-workspace export (lib/export/format.ts) into an EMPTY workspace: the file is checked
// first (lib/export/check-workspace.ts), then everything is written in one transaction with new ids,
// keeping versions, timestamps, deletions and the assessments' revision history.

export type WorkspaceImportResult = {
  counts: { actors: number; issues: number; sources: number; interests: number; assessments: number; revisions: number; opinions: number; scenarios: number; estimates: number; events: number };
  /** Users of the file matched by email to members of this workspace; the others were attributed to the importer. */
  users: { matched: number; attributedToImporter: string[] };
};

/** The file's keys → the ids of the target workspace. */
interface Ids {
  user: (key: string) => string;
  actor: (key: string) => string;
  issue: (key: string) => string;
  source: (key: string) => string;
  /** Revision snapshots and changes name actors, issues and sources by id: point them at the new records. */
  remap: (field: string, value: unknown) => unknown;
}

/** Restores an export into the caller's workspace, which must hold no records at all (deleted ones included). */
export async function importWorkspace(ctx: Ctx, text: string): Promise<WorkspaceImportResult> {
  // Restoring a workspace writes records in other members' names (authorship, revisions, estimates): admins only.
  authorize(ctx, 'members:manage');
  const data = checkWorkspaceExport(parseJsonText(text, 'The file'));
  const { user, unmatched } = await matchUsers(ctx, data);
  const ids = newIds(data, user);
  const ws = ctx.workspaceId;

  return withBulkTransaction(async (writer) => {
    await assertEmpty(writer, ws);
    await writeRecords(writer, ws, data, ids);
    const { revisions, opinions } = await writeAssessments(writer, ws, data, ids, unmatched);
    const { estimates } = await writeScenarios(writer, ws, data, ids);
    await writeEvents(writer, ws, data, ids);
    const result: WorkspaceImportResult = {
      counts: {
        actors: data.actors.length,
        issues: data.issues.length,
        sources: data.sources.length,
        interests: data.interests.length,
        assessments: data.assessments.length,
        revisions,
        opinions,
        scenarios: data.scenarios.length,
        estimates,
        events: data.events.length,
      },
      users: { matched: data.users.length - unmatched.length, attributedToImporter: unmatched },
    };
    await audit(
      { action: 'import.completed', workspaceId: ws, userId: ctx.userId, entityType: 'workspace', details: { ...result, from: data.workspace.name, exportedAt: data.exportedAt } },
      writer,
    );
    return result;
  });
}

/** The file's users matched by email to members of this workspace; the others become the importer. */
async function matchUsers(ctx: Ctx, data: WorkspaceExport): Promise<{ user: (key: string) => string; unmatched: string[] }> {
  const members = await db().membership.findMany({ where: { workspaceId: ctx.workspaceId }, select: { user: { select: { id: true, email: true } } } });
  const byEmail = new Map(members.map((m) => [m.user.email.toLowerCase(), m.user.id]));
  const userId = new Map<string, string>();
  const unmatched: string[] = [];
  for (const u of data.users) {
    const id = byEmail.get(u.email.toLowerCase());
    userId.set(u.key, id ?? ctx.userId);
    if (!id) unmatched.push(u.email);
  }
  return { user: (key) => userId.get(key) ?? ctx.userId, unmatched };
}

/** New ids for every record. Keys are unique per collection, so each collection has its own map. */
function newIds(data: WorkspaceExport, user: (key: string) => string): Ids {
  const idsOf = (list: { key: string }[]) => new Map(list.map((r) => [r.key, randomUUID()]));
  const actorIds = idsOf(data.actors);
  const issueIds = idsOf(data.issues);
  const sourceIds = idsOf(data.sources);
  const REF_FIELDS: Record<string, Map<string, string>> = { actorId: actorIds, issueId: issueIds, sourceId: sourceIds };
  return {
    user,
    actor: (key) => actorIds.get(key)!,
    issue: (key) => issueIds.get(key)!,
    source: (key) => sourceIds.get(key)!,
    remap: (field, value) => (typeof value === 'string' && REF_FIELDS[field]?.get(value)) || value,
  };
}

/** Actors, issues, sources (with their references to each other) and stated interests. */
async function writeRecords(writer: BulkWriter, ws: string, data: WorkspaceExport, ids: Ids): Promise<void> {
  const inWorkspace = { same: { workspaceId: ws } };
  await writer.insert(
    'Actor',
    data.actors.map((a) => ({ id: ids.actor(a.key), name: a.name, kind: a.kind, aliases: a.aliases, description: a.description, ...meta(a) })),
    inWorkspace,
  );
  await writer.setColumn('Actor', 'parentId', data.actors.filter((a) => a.parentKey).map((a) => ({ id: ids.actor(a.key), value: ids.actor(a.parentKey!) })));
  await writer.insert('Issue', data.issues.map((i) => ({ id: ids.issue(i.key), title: i.title, description: i.description, anchors: i.anchors, ...meta(i) })), inWorkspace);
  await writer.insert(
    'Source',
    data.sources.map((s) => ({
      id: ids.source(s.key),
      title: s.title,
      outlet: s.outlet,
      author: s.author,
      url: s.url,
      publishedAt: s.publishedAt,
      kind: s.kind,
      reliability: s.reliability,
      body: s.body,
      origin: s.origin,
      ...meta(s),
    })),
    { ...inWorkspace, chunkSize: 200 },
  );
  await writer.setColumn('Source', 'citedInId', data.sources.filter((s) => s.citedInKey).map((s) => ({ id: ids.source(s.key), value: ids.source(s.citedInKey!) })));
  await writer.insert(
    'StatedInterest',
    data.interests.map((it) => ({
      id: randomUUID(),
      actorId: ids.actor(it.actorKey),
      sourceId: ids.source(it.sourceKey),
      statedOn: it.statedOn,
      quote: it.quote,
      summary: it.summary,
      createdById: ids.user(it.createdByKey),
      ...meta(it),
    })),
    inWorkspace,
  );
}

/** Assessments with their revision history and colleagues' opinions; answers how many of those were written. */
async function writeAssessments(writer: BulkWriter, ws: string, data: WorkspaceExport, ids: Ids, unmatched: string[]): Promise<{ revisions: number; opinions: number }> {
  const inWorkspace = { same: { workspaceId: ws } };
  const assessmentIds = data.assessments.map(() => randomUUID());
  await writer.insert(
    'Assessment',
    data.assessments.map((a, i) => ({
      id: assessmentIds[i],
      actorId: ids.actor(a.actorKey),
      issueId: ids.issue(a.issueKey),
      sourceId: ids.source(a.sourceKey),
      position: a.position,
      salience: a.salience,
      capability: a.capability,
      confidence: a.confidence,
      credibility: a.credibility,
      stanceDate: a.stanceDate,
      quote: a.quote,
      rationale: a.rationale,
      recordedById: ids.user(a.recordedByKey),
      ...meta(a),
    })),
    inWorkspace,
  );
  const revisions = data.assessments.flatMap((a, i) =>
    a.revisions.map((r) => ({
      assessmentId: assessmentIds[i]!,
      version: r.version,
      editedById: ids.user(r.editedByKey),
      editedAt: r.editedAt,
      changes: Object.fromEntries(Object.entries(r.changes).map(([field, c]) => [field, { from: ids.remap(field, c.from), to: ids.remap(field, c.to) }])),
      snapshot: Object.fromEntries(Object.entries(r.snapshot).map(([field, v]) => [field, ids.remap(field, v)])),
    })),
  );
  await writer.insert('AssessmentRevision', revisions, inWorkspace);
  const opinions = data.assessments.flatMap((a, i) =>
    a.opinions.map((o) => ({
      id: randomUUID(),
      assessmentId: assessmentIds[i],
      authorId: ids.user(o.authorKey),
      stance: o.stance,
      position: o.position,
      comment: o.comment,
      ...meta(o),
    })),
  );
  assertOneOpinionPerAuthor(opinions, unmatched);
  await writer.insert('AssessmentOpinion', opinions, inWorkspace);
  return { revisions: revisions.length, opinions: opinions.length };
}

/** Scenarios with their actors, likelihood estimates and frozen model scores; answers how many estimates were written. */
async function writeScenarios(writer: BulkWriter, ws: string, data: WorkspaceExport, ids: Ids): Promise<{ estimates: number }> {
  const inWorkspace = { same: { workspaceId: ws } };
  const scenarioIds = data.scenarios.map(() => randomUUID());
  await writer.insert(
    'Scenario',
    data.scenarios.map((s, i) => ({
      id: scenarioIds[i],
      issueId: ids.issue(s.issueKey),
      name: s.name,
      description: s.description,
      asOf: s.asOf,
      createdById: ids.user(s.createdByKey),
      outcome: s.outcome,
      resolvedAt: s.resolvedAt,
      resolvedById: s.resolvedByKey ? ids.user(s.resolvedByKey) : null,
      outcomePosition: s.outcomePosition,
      annulledAt: s.annulledAt,
      annulledById: s.annulledByKey ? ids.user(s.annulledByKey) : null,
      annulmentReason: s.annulmentReason,
      ...meta(s),
    })),
    inWorkspace,
  );
  await writer.insert(
    'ScenarioActor',
    data.scenarios.flatMap((s, i) =>
      s.actors.map((a) => ({
        id: randomUUID(),
        scenarioId: scenarioIds[i],
        actorId: ids.actor(a.actorKey),
        position: a.position,
        salience: a.salience,
        capability: a.capability,
        excluded: a.excluded,
      })),
    ),
  );
  const estimates = data.scenarios.flatMap((s, i) =>
    s.estimates.map((e) => ({
      id: randomUUID(),
      scenarioId: scenarioIds[i],
      analystId: ids.user(e.analystKey),
      estimatedOn: e.estimatedOn,
      likelihood: e.likelihood,
      probability: e.probability,
      forecastPosition: e.forecastPosition,
      rationale: e.rationale,
      createdAt: e.createdAt,
    })),
  );
  await writer.insert('LikelihoodEstimate', estimates, inWorkspace);
  await writer.insert(
    'ScenarioModelScore',
    data.scenarios.flatMap((s, i) =>
      s.modelScores.map((m) => ({ id: randomUUID(), scenarioId: scenarioIds[i], ...m })),
    ),
    inWorkspace,
  );
  return { estimates: estimates.length };
}

async function writeEvents(writer: BulkWriter, ws: string, data: WorkspaceExport, ids: Ids): Promise<void> {
  await writer.insert(
    'Event',
    data.events.map((e) => ({
      id: randomUUID(),
      occurredOn: e.occurredOn,
      title: e.title,
      description: e.description,
      sourceId: e.sourceKey === null ? null : ids.source(e.sourceKey),
      issueIds: [...new Set(e.issueKeys.map(ids.issue))],
      createdById: ids.user(e.createdByKey),
      createdAt: e.createdAt,
    })),
    { same: { workspaceId: ws } },
  );
}

const meta = (r: { version: number; createdAt: string; updatedAt: string; deletedAt: string | null }) => ({
  version: r.version,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
  deletedAt: r.deletedAt,
});

/**
 * Authors who are not members here are attributed to the importer; two of them with opinions of the
 * same assessment would collapse into one. Refuse rather than drop one: the admin adds the members first.
 */
function assertOneOpinionPerAuthor(opinions: { assessmentId?: string; authorId: string }[], unmatched: string[]): void {
  const seen = new Set<string>();
  for (const o of opinions) {
    const pair = `${o.assessmentId}/${o.authorId}`;
    if (seen.has(pair)) {
      throw invalid(
        { users: [`Add these people as members first: ${unmatched.join(', ')}`] },
        `Some opinions are by people who are not members of this workspace (${unmatched.join(', ')}); they would merge into one. Add them as members, then import again. Nothing was imported.`,
      );
    }
    seen.add(pair);
  }
}

/** The target must hold nothing: merging into existing records would need rules this import does not guess. Locks the workspace row against a concurrent import. */
async function assertEmpty(writer: BulkWriter, workspaceId: string): Promise<void> {
  await writer.query(`SELECT id FROM "Workspace" WHERE id = $1 FOR UPDATE`, [workspaceId]);
  const { rows } = await writer.query<{ n: number }>(
    `SELECT (SELECT count(*) FROM "Actor" WHERE "workspaceId" = $1) + (SELECT count(*) FROM "Issue" WHERE "workspaceId" = $1)
          + (SELECT count(*) FROM "Source" WHERE "workspaceId" = $1) + (SELECT count(*) FROM "StatedInterest" WHERE "workspaceId" = $1)
          + (SELECT count(*) FROM "Assessment" WHERE "workspaceId" = $1) + (SELECT count(*) FROM "Scenario" WHERE "workspaceId" = $1)
          + (SELECT count(*) FROM "Event" WHERE "workspaceId" = $1) AS n`,
    [workspaceId],
  );
  if (Number(rows[0]?.n ?? 0) > 0) {
    throw new AppError(
      'CONFLICT',
      'This workspace already has records (deleted ones count too). A workspace export can only be imported into an empty workspace: create a new workspace for it.',
    );
  }
}
