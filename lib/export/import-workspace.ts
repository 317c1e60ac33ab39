import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { actorCreateSchema } from '../actors/schema';
import { assessmentCreateSchema } from '../assessments/schema';
import { authorize, type Ctx } from '../auth/context';
import { db } from '../db';
import { AppError, invalid, type FieldErrors } from '../errors';
import { parseJsonText } from '../json-text';
import { audit } from '../audit';
import { withBulkTransaction, type BulkWriter } from '../db/bulk';
import { interestCreateSchema } from '../interests/schema';
import { issueCreateSchema } from '../issues/schema';
import { opinionCreateSchema } from '../opinions/schema';
import { eventCreateSchema } from '../events/schema';
import { estimateCreateSchema } from '../scenarios/schema';
import { sourceCreateSchema } from '../sources/schema';
import { scaleValue, unsafeTextPaths, zodFieldErrors } from '../validation';
import { workspaceExportSchema, type WorkspaceExport } from './format';

// Importing a whole-workspace export (lib/export/format.ts) into an EMPTY workspace: every record is
// checked with the same schemas as the forms, every reference must resolve inside the file, and then
// everything is written in one transaction with new ids, keeping versions, timestamps, deletions and
// the assessments' revision history.

/** Stands in for a reference while a record's own fields are checked with its create schema. */
const PLACEHOLDER_ID = '00000000-0000-4000-8000-000000000000';
const MAX_ERRORS = 500;

export type WorkspaceImportResult = {
  counts: { actors: number; issues: number; sources: number; interests: number; assessments: number; revisions: number; opinions: number; scenarios: number; estimates: number; events: number };
  /** Users of the file matched by email to members of this workspace; the others were attributed to the importer. */
  users: { matched: number; attributedToImporter: string[] };
};

class Problems {
  readonly errors: FieldErrors = {};
  count = 0;
  add(path: string, message: string) {
    this.count++;
    if (this.count > MAX_ERRORS) return;
    (this.errors[path] ??= []).push(message);
  }
  addZod(prefix: string, error: z.ZodError, rename: Record<string, string> = {}) {
    for (const [field, messages] of Object.entries(zodFieldErrors(error))) {
      const head = field.split('.')[0]!;
      const path = `${prefix}.${rename[head] ?? field}`;
      for (const m of messages) this.add(path, m);
    }
  }
}

/** Checks everything a file says; throws VALIDATION listing every problem (path → messages). */
export function checkWorkspaceExport(raw: unknown, now = new Date()): WorkspaceExport {
  const unstorable = unsafeTextPaths(raw, MAX_ERRORS);
  if (unstorable.length) {
    const errors: FieldErrors = {};
    for (const { path, reason } of unstorable) (errors[path] ??= []).push(`This value ${reason}`);
    throw invalid(errors, `The file holds text that cannot be stored, first at ${unstorable[0]!.path}. Nothing was imported.`);
  }
  const parsed = workspaceExportSchema.safeParse(raw);
  if (!parsed.success) {
    const errors = zodFieldErrors(parsed.error);
    throw invalid(errors, `The file is not a valid workspace export: ${Object.keys(errors).length} problem(s), first at ${Object.keys(errors)[0]}. Nothing was imported.`);
  }
  const data = parsed.data;
  const p = new Problems();
  const keysOf = (name: string, list: { key: string }[]) => {
    const keys = new Set<string>();
    list.forEach((item, i) => {
      if (keys.has(item.key)) p.add(`${name}.${i}.key`, `Another ${name.slice(0, -1)} has the key “${item.key}”`);
      keys.add(item.key);
    });
    return keys;
  };
  const users = keysOf('users', data.users);
  const actors = keysOf('actors', data.actors);
  const issues = keysOf('issues', data.issues);
  const sources = keysOf('sources', data.sources);
  keysOf('interests', data.interests);
  keysOf('assessments', data.assessments);
  keysOf('scenarios', data.scenarios);
  keysOf('events', data.events);
  const ref = (path: string, set: Set<string>, what: string, key: string | null) => {
    if (key !== null && !set.has(key)) p.add(path, `No ${what} with the key “${key}” in the file`);
  };
  const unique = (name: string, values: string[], field: string) => {
    const seen = new Map<string, number>();
    values.forEach((v, i) => {
      if (seen.has(v)) p.add(`${name}.${i}.${field}`, `Same ${field} as ${name}.${seen.get(v)} (it must be unique in a workspace)`);
      seen.set(v, i);
    });
  };
  // The same rules as the forms and the API (lib/actors/commands.ts, lib/sources/commands.ts).
  const actorParent = new Map(data.actors.map((a) => [a.key, a.parentKey]));
  data.actors.forEach((a, i) => {
    if (a.parentKey === null) return;
    if (a.parentKey === a.key) return p.add(`actors.${i}.parentKey`, 'An actor cannot be part of itself');
    const seen = new Set([a.key]);
    for (let up = actorParent.get(a.parentKey) ?? null; up !== null; up = actorParent.get(up) ?? null) {
      if (seen.has(up)) return p.add(`actors.${i}.parentKey`, 'That would make the actor part of itself (a cycle)');
      seen.add(up);
    }
  });
  data.sources.forEach((s, i) => {
    if (s.citedInKey === s.key) p.add(`sources.${i}.citedInKey`, 'A source cannot be quoted in itself');
  });
  // Timestamps in the future would sort every later edit before them; a few minutes of clock skew are allowed.
  const latest = now.getTime() + 5 * 60_000;
  const notInFuture = (path: string, iso: string | null) => {
    if (iso !== null && Date.parse(iso) > latest) p.add(path, `${iso} is in the future`);
  };
  const collections = { actors: data.actors, issues: data.issues, sources: data.sources, interests: data.interests, assessments: data.assessments, scenarios: data.scenarios };
  for (const [name, list] of Object.entries(collections)) {
    list.forEach((r: { createdAt: string; updatedAt: string; deletedAt: string | null }, i: number) => {
      notInFuture(`${name}.${i}.createdAt`, r.createdAt);
      notInFuture(`${name}.${i}.updatedAt`, r.updatedAt);
      notInFuture(`${name}.${i}.deletedAt`, r.deletedAt);
      if (Date.parse(r.updatedAt) < Date.parse(r.createdAt)) p.add(`${name}.${i}.updatedAt`, 'Updated before it was created');
    });
  }
  data.scenarios.forEach((s, i) => s.estimates.forEach((e, j) => notInFuture(`scenarios.${i}.estimates.${j}.createdAt`, e.createdAt)));
  data.scenarios.forEach((s, i) => notInFuture(`scenarios.${i}.resolvedAt`, s.resolvedAt));
  unique('actors', data.actors.map((a) => a.name), 'name');
  unique('issues', data.issues.map((i) => i.title), 'title');

  data.actors.forEach((a, i) => {
    const r = actorCreateSchema.safeParse({ name: a.name, kind: a.kind, aliases: a.aliases, parentId: null, description: a.description });
    if (!r.success) p.addZod(`actors.${i}`, r.error);
    ref(`actors.${i}.parentKey`, actors, 'actor', a.parentKey);
  });
  data.issues.forEach((issue, i) => {
    const r = issueCreateSchema.safeParse({ title: issue.title, description: issue.description, anchors: issue.anchors });
    if (!r.success) p.addZod(`issues.${i}`, r.error);
  });
  data.sources.forEach((s, i) => {
    const r = sourceCreateSchema.safeParse({ ...s, citedInId: null });
    if (!r.success) p.addZod(`sources.${i}`, r.error);
    ref(`sources.${i}.citedInKey`, sources, 'source', s.citedInKey);
  });
  data.interests.forEach((it, i) => {
    const r = interestCreateSchema.safeParse({ ...it, actorId: PLACEHOLDER_ID, sourceId: PLACEHOLDER_ID });
    if (!r.success) p.addZod(`interests.${i}`, r.error);
    ref(`interests.${i}.actorKey`, actors, 'actor', it.actorKey);
    ref(`interests.${i}.sourceKey`, sources, 'source', it.sourceKey);
    ref(`interests.${i}.createdByKey`, users, 'user', it.createdByKey);
  });
  data.assessments.forEach((a, i) => {
    const r = assessmentCreateSchema.safeParse({ ...a, actorId: PLACEHOLDER_ID, issueId: PLACEHOLDER_ID, sourceId: PLACEHOLDER_ID });
    if (!r.success) p.addZod(`assessments.${i}`, r.error);
    ref(`assessments.${i}.actorKey`, actors, 'actor', a.actorKey);
    ref(`assessments.${i}.issueKey`, issues, 'issue', a.issueKey);
    ref(`assessments.${i}.sourceKey`, sources, 'source', a.sourceKey);
    ref(`assessments.${i}.recordedByKey`, users, 'user', a.recordedByKey);
    const versions = new Set<number>();
    a.revisions.forEach((rev, j) => {
      if (versions.has(rev.version)) p.add(`assessments.${i}.revisions.${j}.version`, `Version ${rev.version} appears twice`);
      if (rev.version > a.version) {
        p.add(`assessments.${i}.revisions.${j}.version`, `Revision ${rev.version} is newer than the assessment itself (version ${a.version})`);
      }
      notInFuture(`assessments.${i}.revisions.${j}.editedAt`, rev.editedAt);
      versions.add(rev.version);
      ref(`assessments.${i}.revisions.${j}.editedByKey`, users, 'user', rev.editedByKey);
    });
    const authors = new Set<string>();
    a.opinions.forEach((o, j) => {
      const r = opinionCreateSchema.safeParse({ ...o, assessmentId: PLACEHOLDER_ID });
      if (!r.success) p.addZod(`assessments.${i}.opinions.${j}`, r.error);
      ref(`assessments.${i}.opinions.${j}.authorKey`, users, 'user', o.authorKey);
      if (authors.has(o.authorKey)) p.add(`assessments.${i}.opinions.${j}.authorKey`, 'This user has two opinions of the assessment (one per user)');
      authors.add(o.authorKey);
    });
  });
  data.scenarios.forEach((s, i) => {
    ref(`scenarios.${i}.issueKey`, issues, 'issue', s.issueKey);
    ref(`scenarios.${i}.createdByKey`, users, 'user', s.createdByKey);
    ref(`scenarios.${i}.resolvedByKey`, users, 'user', s.resolvedByKey);
    ref(`scenarios.${i}.annulledByKey`, users, 'user', s.annulledByKey);
    if (!s.name.trim()) p.add(`scenarios.${i}.name`, 'Name is required');
    if (s.outcomePosition !== null && !scaleValue('Position reached').safeParse(s.outcomePosition).success) {
      p.add(`scenarios.${i}.outcomePosition`, 'Position reached must be between 0 and 100');
    }
    const seen = new Set<string>();
    s.actors.forEach((a, j) => {
      ref(`scenarios.${i}.actors.${j}.actorKey`, actors, 'actor', a.actorKey);
      if (seen.has(a.actorKey)) p.add(`scenarios.${i}.actors.${j}.actorKey`, 'This actor appears twice in the scenario');
      seen.add(a.actorKey);
      for (const field of ['position', 'salience', 'capability'] as const) {
        const v = a[field];
        if (v !== null && !scaleValue(field).safeParse(v).success) p.add(`scenarios.${i}.actors.${j}.${field}`, `${field} must be between 0 and 100`);
      }
    });
    s.estimates.forEach((e, j) => {
      const r = estimateCreateSchema.safeParse({
        scenarioId: PLACEHOLDER_ID,
        likelihood: e.likelihood,
        probability: Math.round(e.probability * 10_000) / 100,
        estimatedOn: e.estimatedOn,
        forecastPosition: e.forecastPosition,
        rationale: e.rationale,
      });
      if (!r.success) p.addZod(`scenarios.${i}.estimates.${j}`, r.error);
      ref(`scenarios.${i}.estimates.${j}.analystKey`, users, 'user', e.analystKey);
    });
    const models = new Set<string>();
    s.modelScores.forEach((m, j) => {
      if (models.has(m.model)) p.add(`scenarios.${i}.modelScores.${j}.model`, 'This model is scored twice on the scenario');
      models.add(m.model);
      for (const field of ['forecast', 'p10', 'p90', 'outcome'] as const) {
        if (!scaleValue(field).safeParse(m[field]).success) p.add(`scenarios.${i}.modelScores.${j}.${field}`, `${field} must be between 0 and 100`);
      }
      if (!(m.p10 <= m.forecast && m.forecast <= m.p90)) p.add(`scenarios.${i}.modelScores.${j}.forecast`, 'The forecast must lie inside its interval (p10 ≤ forecast ≤ p90)');
    });
  });
  data.events.forEach((e, i) => {
    // The same rules as the event form and the API (lib/events/schema.ts), on the file's own values.
    const r = eventCreateSchema.safeParse({ occurredOn: e.occurredOn, title: e.title, description: e.description, sourceId: e.sourceKey === null ? null : PLACEHOLDER_ID, issueIds: e.issueKeys.map(() => PLACEHOLDER_ID) });
    if (!r.success) p.addZod(`events.${i}`, r.error);
    ref(`events.${i}.sourceKey`, sources, 'source', e.sourceKey);
    e.issueKeys.forEach((k, j) => ref(`events.${i}.issueKeys.${j}`, issues, 'issue', k));
    if (e.issueKeys.length > 100) p.add(`events.${i}.issueKeys`, 'An event concerns at most 100 issues, or none for the whole workspace');
    ref(`events.${i}.createdByKey`, users, 'user', e.createdByKey);
    notInFuture(`events.${i}.createdAt`, e.createdAt);
  });
  if (p.count) {
    throw invalid(p.errors, `The file has ${p.count} problem${p.count === 1 ? '' : 's'}${p.count > MAX_ERRORS ? ` (the first ${MAX_ERRORS} are listed)` : ''}; nothing was imported.`);
  }
  return data;
}

/** Restores an export into the caller's workspace, which must hold no records at all (deleted ones included). */
export async function importWorkspace(ctx: Ctx, text: string): Promise<WorkspaceImportResult> {
  // Restoring a workspace writes records in other members' names (authorship, revisions, estimates): admins only.
  authorize(ctx, 'members:manage');
  const data = checkWorkspaceExport(parseJsonText(text, 'The file'));

  const members = await db().membership.findMany({ where: { workspaceId: ctx.workspaceId }, select: { user: { select: { id: true, email: true } } } });
  const byEmail = new Map(members.map((m) => [m.user.email.toLowerCase(), m.user.id]));
  const userId = new Map<string, string>();
  const unmatched: string[] = [];
  for (const u of data.users) {
    const id = byEmail.get(u.email.toLowerCase());
    userId.set(u.key, id ?? ctx.userId);
    if (!id) unmatched.push(u.email);
  }
  const user = (key: string) => userId.get(key) ?? ctx.userId;
  // New ids for every record. Keys are unique per collection, so each collection has its own map.
  const newIds = (list: { key: string }[]) => new Map(list.map((r) => [r.key, randomUUID()]));
  const actorIds = newIds(data.actors);
  const issueIds = newIds(data.issues);
  const sourceIds = newIds(data.sources);
  const aId = (key: string) => actorIds.get(key)!;
  const iId = (key: string) => issueIds.get(key)!;
  const sId = (key: string) => sourceIds.get(key)!;
  // Revision snapshots and changes name actors, issues and sources by id: point them at the new records.
  const REF_FIELDS: Record<string, Map<string, string>> = { actorId: actorIds, issueId: issueIds, sourceId: sourceIds };
  const remap = (field: string, value: unknown) => (typeof value === 'string' && REF_FIELDS[field]?.get(value)) || value;
  const ws = ctx.workspaceId;

  return withBulkTransaction(async (writer) => {
    await assertEmpty(writer, ws);
    const inWorkspace = { same: { workspaceId: ws } };
    await writer.insert(
      'Actor',
      data.actors.map((a) => ({ id: aId(a.key), name: a.name, kind: a.kind, aliases: a.aliases, description: a.description, ...meta(a) })),
      inWorkspace,
    );
    await writer.setColumn('Actor', 'parentId', data.actors.filter((a) => a.parentKey).map((a) => ({ id: aId(a.key), value: aId(a.parentKey!) })));
    await writer.insert('Issue', data.issues.map((i) => ({ id: iId(i.key), title: i.title, description: i.description, anchors: i.anchors, ...meta(i) })), inWorkspace);
    await writer.insert(
      'Source',
      data.sources.map((s) => ({
        id: sId(s.key),
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
    await writer.setColumn('Source', 'citedInId', data.sources.filter((s) => s.citedInKey).map((s) => ({ id: sId(s.key), value: sId(s.citedInKey!) })));
    await writer.insert(
      'StatedInterest',
      data.interests.map((it) => ({
        id: randomUUID(),
        actorId: aId(it.actorKey),
        sourceId: sId(it.sourceKey),
        statedOn: it.statedOn,
        quote: it.quote,
        summary: it.summary,
        createdById: user(it.createdByKey),
        ...meta(it),
      })),
      inWorkspace,
    );
    const assessmentIds = data.assessments.map(() => randomUUID());
    await writer.insert(
      'Assessment',
      data.assessments.map((a, i) => ({
        id: assessmentIds[i],
        actorId: aId(a.actorKey),
        issueId: iId(a.issueKey),
        sourceId: sId(a.sourceKey),
        position: a.position,
        salience: a.salience,
        capability: a.capability,
        confidence: a.confidence,
        credibility: a.credibility,
        stanceDate: a.stanceDate,
        quote: a.quote,
        rationale: a.rationale,
        recordedById: user(a.recordedByKey),
        ...meta(a),
      })),
      inWorkspace,
    );
    const revisions = data.assessments.flatMap((a, i) =>
      a.revisions.map((r) => ({
        assessmentId: assessmentIds[i]!,
        version: r.version,
        editedById: user(r.editedByKey),
        editedAt: r.editedAt,
        changes: Object.fromEntries(Object.entries(r.changes).map(([field, c]) => [field, { from: remap(field, c.from), to: remap(field, c.to) }])),
        snapshot: Object.fromEntries(Object.entries(r.snapshot).map(([field, v]) => [field, remap(field, v)])),
      })),
    );
    await writer.insert('AssessmentRevision', revisions, inWorkspace);
    const opinions = data.assessments.flatMap((a, i) =>
      a.opinions.map((o) => ({
        id: randomUUID(),
        assessmentId: assessmentIds[i],
        authorId: user(o.authorKey),
        stance: o.stance,
        position: o.position,
        comment: o.comment,
        ...meta(o),
      })),
    );
    assertOneOpinionPerAuthor(opinions, unmatched);
    await writer.insert('AssessmentOpinion', opinions, inWorkspace);
    const scenarioIds = data.scenarios.map(() => randomUUID());
    await writer.insert(
      'Scenario',
      data.scenarios.map((s, i) => ({
        id: scenarioIds[i],
        issueId: iId(s.issueKey),
        name: s.name,
        description: s.description,
        asOf: s.asOf,
        createdById: user(s.createdByKey),
        outcome: s.outcome,
        resolvedAt: s.resolvedAt,
        resolvedById: s.resolvedByKey ? user(s.resolvedByKey) : null,
        outcomePosition: s.outcomePosition,
        annulledAt: s.annulledAt,
        annulledById: s.annulledByKey ? user(s.annulledByKey) : null,
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
          actorId: aId(a.actorKey),
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
        analystId: user(e.analystKey),
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
        s.modelScores.map((m) => ({
          id: randomUUID(),
          scenarioId: scenarioIds[i],
          model: m.model,
          forecast: m.forecast,
          p10: m.p10,
          p90: m.p90,
          outcome: m.outcome,
          headline: m.headline,
          createdAt: m.createdAt,
        })),
      ),
      inWorkspace,
    );
    await writer.insert(
      'Event',
      data.events.map((e) => ({
        id: randomUUID(),
        occurredOn: e.occurredOn,
        title: e.title,
        description: e.description,
        sourceId: e.sourceKey === null ? null : sId(e.sourceKey),
        issueIds: [...new Set(e.issueKeys.map(iId))],
        createdById: user(e.createdByKey),
        createdAt: e.createdAt,
      })),
      inWorkspace,
    );
    const result: WorkspaceImportResult = {
      counts: {
        actors: data.actors.length,
        issues: data.issues.length,
        sources: data.sources.length,
        interests: data.interests.length,
        assessments: data.assessments.length,
        revisions: revisions.length,
        opinions: opinions.length,
        scenarios: data.scenarios.length,
        estimates: estimates.length,
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
