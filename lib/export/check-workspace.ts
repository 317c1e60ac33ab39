import type { z } from 'zod';
import { actorCreateSchema } from '../actors/schema';
import { assessmentCreateSchema } from '../assessments/schema';
import { invalid, type FieldErrors } from '../errors';
import { eventCreateSchema } from '../events/schema';
import { interestCreateSchema } from '../interests/schema';
import { issueCreateSchema } from '../issues/schema';
import { opinionCreateSchema } from '../opinions/schema';
import { estimateCreateSchema } from '../scenarios/schema';
import { sourceCreateSchema } from '../sources/schema';
import { scaleValue, unsafeTextPaths, zodFieldErrors } from '../validation';
import { workspaceExportSchema, type WorkspaceExport } from './format';

// Checking a whole-workspace export (lib/export/format.ts) before anything of it is written
// (lib/export/import-workspace.ts): every record with the same schemas as the forms, every reference
// inside the file, every problem listed by its path.

/** Stands in for a reference while a record's own fields are checked with its create schema. */
const PLACEHOLDER_ID = '00000000-0000-4000-8000-000000000000';
const MAX_ERRORS = 500;

type Keys = Record<'users' | 'actors' | 'issues' | 'sources', Set<string>>;

class Problems {
  readonly errors: FieldErrors = {};
  count = 0;
  /** Timestamps in the future would sort every later edit before them; a few minutes of clock skew are allowed. */
  private readonly latest: number;

  constructor(now: Date) {
    this.latest = now.getTime() + 5 * 60_000;
  }

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

  ref(path: string, set: Set<string>, what: string, key: string | null) {
    if (key !== null && !set.has(key)) this.add(path, `No ${what} with the key “${key}” in the file`);
  }

  unique(name: string, values: string[], field: string) {
    const seen = new Map<string, number>();
    values.forEach((v, i) => {
      if (seen.has(v)) this.add(`${name}.${i}.${field}`, `Same ${field} as ${name}.${seen.get(v)} (it must be unique in a workspace)`);
      seen.set(v, i);
    });
  }

  notInFuture(path: string, iso: string | null) {
    if (iso !== null && Date.parse(iso) > this.latest) this.add(path, `${iso} is in the future`);
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
  const p = new Problems(now);
  const keys = checkKeys(p, data);
  checkSelfReferences(p, data);
  checkTimestamps(p, data);
  p.unique('actors', data.actors.map((a) => a.name), 'name');
  p.unique('issues', data.issues.map((i) => i.title), 'title');
  checkRecords(p, data, keys);
  checkAssessments(p, data, keys);
  checkScenarios(p, data, keys);
  checkEvents(p, data, keys);
  if (p.count) {
    throw invalid(p.errors, `The file has ${p.count} problem${p.count === 1 ? '' : 's'}${p.count > MAX_ERRORS ? ` (the first ${MAX_ERRORS} are listed)` : ''}; nothing was imported.`);
  }
  return data;
}

/** Each collection's keys, each key once. */
function checkKeys(p: Problems, data: WorkspaceExport): Keys {
  const keysOf = (name: string, list: { key: string }[]) => {
    const keys = new Set<string>();
    list.forEach((item, i) => {
      if (keys.has(item.key)) p.add(`${name}.${i}.key`, `Another ${name.slice(0, -1)} has the key “${item.key}”`);
      keys.add(item.key);
    });
    return keys;
  };
  const keys = { users: keysOf('users', data.users), actors: keysOf('actors', data.actors), issues: keysOf('issues', data.issues), sources: keysOf('sources', data.sources) };
  keysOf('interests', data.interests);
  keysOf('assessments', data.assessments);
  keysOf('scenarios', data.scenarios);
  keysOf('events', data.events);
  return keys;
}

/** The same rules as the forms and the API (lib/actors/commands.ts, lib/sources/commands.ts). */
function checkSelfReferences(p: Problems, data: WorkspaceExport): void {
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
}

function checkTimestamps(p: Problems, data: WorkspaceExport): void {
  const collections = { actors: data.actors, issues: data.issues, sources: data.sources, interests: data.interests, assessments: data.assessments, scenarios: data.scenarios };
  for (const [name, list] of Object.entries(collections)) {
    list.forEach((r: { createdAt: string; updatedAt: string; deletedAt: string | null }, i: number) => {
      p.notInFuture(`${name}.${i}.createdAt`, r.createdAt);
      p.notInFuture(`${name}.${i}.updatedAt`, r.updatedAt);
      p.notInFuture(`${name}.${i}.deletedAt`, r.deletedAt);
      if (Date.parse(r.updatedAt) < Date.parse(r.createdAt)) p.add(`${name}.${i}.updatedAt`, 'Updated before it was created');
    });
  }
  data.scenarios.forEach((s, i) => s.estimates.forEach((e, j) => p.notInFuture(`scenarios.${i}.estimates.${j}.createdAt`, e.createdAt)));
  data.scenarios.forEach((s, i) => p.notInFuture(`scenarios.${i}.resolvedAt`, s.resolvedAt));
}

/** Actors, issues, sources and stated interests, with their forms' schemas. */
function checkRecords(p: Problems, data: WorkspaceExport, keys: Keys): void {
  data.actors.forEach((a, i) => {
    const r = actorCreateSchema.safeParse({ name: a.name, kind: a.kind, aliases: a.aliases, parentId: null, description: a.description });
    if (!r.success) p.addZod(`actors.${i}`, r.error);
    p.ref(`actors.${i}.parentKey`, keys.actors, 'actor', a.parentKey);
  });
  data.issues.forEach((issue, i) => {
    const r = issueCreateSchema.safeParse({ title: issue.title, description: issue.description, anchors: issue.anchors });
    if (!r.success) p.addZod(`issues.${i}`, r.error);
  });
  data.sources.forEach((s, i) => {
    const r = sourceCreateSchema.safeParse({ ...s, citedInId: null });
    if (!r.success) p.addZod(`sources.${i}`, r.error);
    p.ref(`sources.${i}.citedInKey`, keys.sources, 'source', s.citedInKey);
  });
  data.interests.forEach((it, i) => {
    const r = interestCreateSchema.safeParse({ ...it, actorId: PLACEHOLDER_ID, sourceId: PLACEHOLDER_ID });
    if (!r.success) p.addZod(`interests.${i}`, r.error);
    p.ref(`interests.${i}.actorKey`, keys.actors, 'actor', it.actorKey);
    p.ref(`interests.${i}.sourceKey`, keys.sources, 'source', it.sourceKey);
    p.ref(`interests.${i}.createdByKey`, keys.users, 'user', it.createdByKey);
  });
}

/** Assessments with their revision history and colleagues' opinions. */
function checkAssessments(p: Problems, data: WorkspaceExport, keys: Keys): void {
  data.assessments.forEach((a, i) => {
    const r = assessmentCreateSchema.safeParse({ ...a, actorId: PLACEHOLDER_ID, issueId: PLACEHOLDER_ID, sourceId: PLACEHOLDER_ID });
    if (!r.success) p.addZod(`assessments.${i}`, r.error);
    p.ref(`assessments.${i}.actorKey`, keys.actors, 'actor', a.actorKey);
    p.ref(`assessments.${i}.issueKey`, keys.issues, 'issue', a.issueKey);
    p.ref(`assessments.${i}.sourceKey`, keys.sources, 'source', a.sourceKey);
    p.ref(`assessments.${i}.recordedByKey`, keys.users, 'user', a.recordedByKey);
    const versions = new Set<number>();
    a.revisions.forEach((rev, j) => {
      if (versions.has(rev.version)) p.add(`assessments.${i}.revisions.${j}.version`, `Version ${rev.version} appears twice`);
      if (rev.version > a.version) {
        p.add(`assessments.${i}.revisions.${j}.version`, `Revision ${rev.version} is newer than the assessment itself (version ${a.version})`);
      }
      p.notInFuture(`assessments.${i}.revisions.${j}.editedAt`, rev.editedAt);
      versions.add(rev.version);
      p.ref(`assessments.${i}.revisions.${j}.editedByKey`, keys.users, 'user', rev.editedByKey);
    });
    const authors = new Set<string>();
    a.opinions.forEach((o, j) => {
      const r = opinionCreateSchema.safeParse({ ...o, assessmentId: PLACEHOLDER_ID });
      if (!r.success) p.addZod(`assessments.${i}.opinions.${j}`, r.error);
      p.ref(`assessments.${i}.opinions.${j}.authorKey`, keys.users, 'user', o.authorKey);
      if (authors.has(o.authorKey)) p.add(`assessments.${i}.opinions.${j}.authorKey`, 'This user has two opinions of the assessment (one per user)');
      authors.add(o.authorKey);
    });
  });
}

/** Scenarios with their actors, likelihood estimates and frozen model scores. */
function checkScenarios(p: Problems, data: WorkspaceExport, keys: Keys): void {
  data.scenarios.forEach((s, i) => {
    p.ref(`scenarios.${i}.issueKey`, keys.issues, 'issue', s.issueKey);
    p.ref(`scenarios.${i}.createdByKey`, keys.users, 'user', s.createdByKey);
    p.ref(`scenarios.${i}.resolvedByKey`, keys.users, 'user', s.resolvedByKey);
    p.ref(`scenarios.${i}.annulledByKey`, keys.users, 'user', s.annulledByKey);
    if (!s.name.trim()) p.add(`scenarios.${i}.name`, 'Name is required');
    if (s.outcomePosition !== null && !scaleValue('Position reached').safeParse(s.outcomePosition).success) {
      p.add(`scenarios.${i}.outcomePosition`, 'Position reached must be between 0 and 100');
    }
    const seen = new Set<string>();
    s.actors.forEach((a, j) => {
      p.ref(`scenarios.${i}.actors.${j}.actorKey`, keys.actors, 'actor', a.actorKey);
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
      p.ref(`scenarios.${i}.estimates.${j}.analystKey`, keys.users, 'user', e.analystKey);
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
}

/** The same rules as the event form and the API (lib/events/schema.ts), on the file's own values. */
function checkEvents(p: Problems, data: WorkspaceExport, keys: Keys): void {
  data.events.forEach((e, i) => {
    const r = eventCreateSchema.safeParse({ occurredOn: e.occurredOn, title: e.title, description: e.description, sourceId: e.sourceKey === null ? null : PLACEHOLDER_ID, issueIds: e.issueKeys.map(() => PLACEHOLDER_ID) });
    if (!r.success) p.addZod(`events.${i}`, r.error);
    p.ref(`events.${i}.sourceKey`, keys.sources, 'source', e.sourceKey);
    e.issueKeys.forEach((k, j) => p.ref(`events.${i}.issueKeys.${j}`, keys.issues, 'issue', k));
    if (e.issueKeys.length > 100) p.add(`events.${i}.issueKeys`, 'An event concerns at most 100 issues, or none for the whole workspace');
    p.ref(`events.${i}.createdByKey`, keys.users, 'user', e.createdByKey);
    p.notInFuture(`events.${i}.createdAt`, e.createdAt);
  });
}
