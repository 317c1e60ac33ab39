import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { actorCreateSchema, ACTOR_KIND_LABELS } from '../actors/schema';
import { assessmentCreateSchema, type AssessmentCreateInput } from '../assessments/schema';
import { invalid } from '../errors';
import { ActorKind, Reliability, SourceKind } from '../generated/prisma/enums';
import { issueCreateSchema, type Anchor } from '../issues/schema';
import { sourceCreateSchema, SOURCE_KIND_LABELS } from '../sources/schema';
import { FIELD_COLUMN, IMPORT_COLUMNS, isImportColumn, normaliseColumnName, REQUIRED_COLUMNS, type ImportColumnName } from './columns';
import type { CsvParseResult } from './csv';
import type { JsonRow } from './json-rows';
import type { RowError } from './report';

export type { RowError };

// Checking an import completely before anything is written: every row is resolved (names → records)
// and validated with the same zod schemas as the forms, and every problem is kept with its line,
// column and reason. Pure: the workspace's records come in as `Lookups`, so this is unit-tested.

export interface RawRow {
  /** Line of the file where the row starts. */
  line: number;
  values: Partial<Record<ImportColumnName, string>>;
  problems: { column: string | null; reason: string }[];
}

export interface Lookups {
  actors: { id: string; name: string; aliases: string[]; deleted: boolean }[];
  issues: { id: string; title: string; deleted: boolean }[];
  sources: { id: string; title: string; outlet: string; publishedAt: string; deleted: boolean }[];
}

export interface NewActor {
  id: string;
  name: string;
  kind: ActorKind;
  line: number;
}
export interface NewIssue {
  id: string;
  title: string;
  anchors: Anchor[];
  line: number;
}
export interface NewSource {
  id: string;
  title: string;
  outlet: string;
  author: string;
  url: string;
  publishedAt: string;
  kind: SourceKind;
  reliability: Reliability;
  line: number;
}

export interface PlannedRow extends AssessmentCreateInput {
  line: number;
}

export interface ImportPlan {
  rowCount: number;
  rows: PlannedRow[];
  errors: RowError[];
  /** Rows with at least one error. */
  badRowCount: number;
  warnings: string[];
  newActors: NewActor[];
  newIssues: NewIssue[];
  newSources: NewSource[];
}

export interface PlanOptions {
  createMissing: boolean;
}

const refuse = (message: string) => invalid({ _file: [message] }, message);
const shorten = (value: string | undefined) => (value === undefined ? undefined : value.length > 120 ? `${value.slice(0, 117)}…` : value);
const key = (s: string) => s.normalize('NFC').trim().toLowerCase();
/** Any syntactically valid UUID: stands in for a reference that failed, so the row's other fields are still checked. */
const PLACEHOLDER_ID = '00000000-0000-4000-8000-000000000000';

// ------------------------------------------------------------------------------------ rows from files

/** CSV records → rows keyed by column; the header must name every required column exactly once. */
export function rowsFromCsv(parsed: CsvParseResult): { rows: RawRow[]; ignoredColumns: string[] } {
  const [header, ...records] = parsed.records;
  if (!header) throw refuse('The file has no header row: the first line must name the columns (actor, issue, source, position, …).');
  const names = header.cells.map(normaliseColumnName);
  const seen = new Map<string, number>();
  names.forEach((name, i) => {
    if (name && isImportColumn(name) && seen.has(name)) {
      throw refuse(`The column “${name}” appears twice in the header (columns ${seen.get(name)! + 1} and ${i + 1}).`);
    }
    seen.set(name, i);
  });
  const missing = REQUIRED_COLUMNS.filter((c) => !seen.has(c));
  if (missing.length) {
    throw refuse(
      `The header has no ${missing.map((c) => `“${c}”`).join(', ')} column${missing.length > 1 ? 's' : ''}. ` +
        `Required: ${REQUIRED_COLUMNS.join(', ')}. Found: ${header.cells.map((c) => c.trim()).filter(Boolean).join(', ') || 'nothing'}.` +
        (header.cells.length === 1 && /[;\t]/.test(header.cells[0] ?? '') ? ' (Is the delimiter a comma? It could not be detected.)' : ''),
    );
  }
  const ignoredColumns = header.cells.filter((_, i) => !isImportColumn(names[i]!)).map((c) => c.trim() || '(empty)');
  const width = header.cells.length;
  const columnIndex = names.map((name) => (isImportColumn(name) ? name : null));

  // Syntax problems belong to the record they are in: the last record starting at or before their line.
  const problemsByRecord = new Map<number, { column: string | null; reason: string }[]>();
  for (const problem of parsed.problems) {
    let lo = 0;
    let hi = records.length - 1;
    let at = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (records[mid]!.line <= problem.line) {
        at = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (at === -1) throw refuse(`The header row cannot be read: ${problem.reason} (line ${problem.line}).`);
    const list = problemsByRecord.get(at) ?? [];
    list.push({ column: null, reason: problem.reason });
    problemsByRecord.set(at, list);
  }

  const rows = records.map((record, r): RawRow => {
    const values: RawRow['values'] = {};
    for (let i = 0; i < record.cells.length && i < width; i++) {
      const column = columnIndex[i];
      if (column) values[column] = record.cells[i];
    }
    const problems = problemsByRecord.get(r) ?? [];
    if (record.cells.length !== width) {
      problems.push({
        column: null,
        reason: `This row has ${record.cells.length} value${record.cells.length === 1 ? '' : 's'} but the header has ${width} columns (an unquoted comma, or a missing one?)`,
      });
    }
    return { line: record.line, values, problems };
  });
  return { rows, ignoredColumns };
}

/** JSON row objects → rows keyed by column; values must be text or numbers. */
export function rowsFromJson(items: JsonRow[]): { rows: RawRow[]; ignoredColumns: string[] } {
  const ignored = new Set<string>();
  const rows = items.map(({ line, value }): RawRow => {
    const problems: RawRow['problems'] = [];
    const values: RawRow['values'] = {};
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      problems.push({ column: null, reason: 'Each row must be an object such as { "actor": "…", "issue": "…", … }' });
      return { line, values, problems };
    }
    for (const [rawKey, v] of Object.entries(value as Record<string, unknown>)) {
      const name = normaliseColumnName(rawKey);
      if (!isImportColumn(name)) {
        ignored.add(rawKey);
        continue;
      }
      if (v === null || v === undefined) continue;
      if (typeof v === 'string') values[name] = v;
      else if (typeof v === 'number' && Number.isFinite(v)) values[name] = String(v);
      else problems.push({ column: name, reason: `${name} must be text or a number, not ${Array.isArray(v) ? 'a list' : typeof v}` });
    }
    return { line, values, problems };
  });
  return { rows, ignoredColumns: [...ignored] };
}

// ------------------------------------------------------------------------------------ resolving names

type Resolution = { id: string; errors?: undefined } | { id?: undefined; errors: { column: string; reason: string }[] };

/** "Armed group", "armed-group", "ARMED_GROUP" → ARMED_GROUP; unknown text is passed on for the schema to refuse. */
function enumValue<T extends string>(raw: string | undefined, values: readonly T[], labels: Record<T, string>, fallback: T): string {
  const text = raw?.trim() ?? '';
  if (!text) return fallback;
  const upper = text.toUpperCase().replace(/[\s-]+/g, '_');
  const byValue = values.find((v) => v === upper);
  if (byValue) return byValue;
  const byLabel = values.find((v) => labels[v].toLowerCase() === text.toLowerCase());
  return byLabel ?? text;
}

function fieldErrors(error: z.ZodError, columns: Record<string, string>, fallback: string): { column: string; reason: string }[] {
  return error.issues.map((issue) => ({ column: columns[String(issue.path[0] ?? '')] ?? fallback, reason: issue.message }));
}

/** "0=No foreign forces|50=Joint|100=Russian only" → anchors (refused by the issue schema if incomplete). */
export function parseAnchorSpec(spec: string): { value: string; label: string }[] {
  return spec
    .split('|')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const eq = part.indexOf('=');
      return eq === -1 ? { value: part, label: '' } : { value: part.slice(0, eq).trim(), label: part.slice(eq + 1).trim() };
    });
}

class Resolver {
  readonly newActors: NewActor[] = [];
  readonly newIssues: NewIssue[] = [];
  readonly newSources: NewSource[] = [];
  private readonly actorByName = new Map<string, string>();
  private readonly actorByAlias = new Map<string, string | 'ambiguous'>();
  private readonly deletedActors = new Set<string>();
  private readonly issueByTitle = new Map<string, string>();
  private readonly deletedIssues = new Set<string>();
  private readonly sourcesByTitle = new Map<string, Lookups['sources']>();
  private readonly actorCache = new Map<string, Resolution & { newActor?: NewActor }>();
  private readonly issueCache = new Map<string, Resolution & { newIssue?: NewIssue }>();
  private readonly sourceCache = new Map<string, Resolution & { newSource?: NewSource }>();
  private readonly newSourcesByTitle = new Map<string, NewSource[]>();

  constructor(
    lookups: Lookups,
    private readonly options: PlanOptions,
  ) {
    for (const a of lookups.actors) {
      if (a.deleted) {
        this.deletedActors.add(key(a.name));
        continue;
      }
      this.actorByName.set(key(a.name), a.id);
      for (const alias of a.aliases) {
        const k = key(alias);
        const existing = this.actorByAlias.get(k);
        this.actorByAlias.set(k, existing && existing !== a.id ? 'ambiguous' : a.id);
      }
    }
    for (const i of lookups.issues) {
      if (i.deleted) this.deletedIssues.add(key(i.title));
      else this.issueByTitle.set(key(i.title), i.id);
    }
    for (const s of lookups.sources) {
      if (s.deleted) continue;
      const list = this.sourcesByTitle.get(key(s.title)) ?? [];
      list.push(s);
      this.sourcesByTitle.set(key(s.title), list);
    }
  }

  private get createHint(): string {
    return this.options.createMissing ? '' : ' Check the spelling, or tick “Create missing actors, issues and sources”.';
  }

  actor(row: RawRow): Resolution {
    const name = row.values.actor?.trim() ?? '';
    if (!name) return { errors: [{ column: 'actor', reason: 'Actor is required' }] };
    const k = key(name);
    let hit = this.actorCache.get(k);
    if (!hit) {
      hit = this.resolveActor(name, k, row);
      this.actorCache.set(k, hit);
    }
    // A new actor's kind comes from the first row naming it; a later row must not say otherwise.
    if (hit.newActor && row.values.actor_kind?.trim()) {
      const kind = enumValue(row.values.actor_kind, Object.values(ActorKind), ACTOR_KIND_LABELS, 'OTHER');
      if (kind !== hit.newActor.kind) {
        return { errors: [{ column: 'actor_kind', reason: `The new actor “${name}” is given kind ${hit.newActor.kind} on line ${hit.newActor.line}` }] };
      }
    }
    return hit;
  }

  private resolveActor(name: string, k: string, row: RawRow): Resolution & { newActor?: NewActor } {
    const byName = this.actorByName.get(k);
    if (byName) return { id: byName };
    const byAlias = this.actorByAlias.get(k);
    if (byAlias === 'ambiguous') return { errors: [{ column: 'actor', reason: `“${name}” is an alias of more than one actor; use the actor’s name` }] };
    if (byAlias) return { id: byAlias };
    if (this.deletedActors.has(k)) {
      return { errors: [{ column: 'actor', reason: `The actor “${name}” was deleted; restore it in Stanceboard first` }] };
    }
    if (!this.options.createMissing) return { errors: [{ column: 'actor', reason: `No actor named “${name}” in this workspace.${this.createHint}` }] };
    const kind = enumValue(row.values.actor_kind, Object.values(ActorKind), ACTOR_KIND_LABELS, 'OTHER');
    const parsed = actorCreateSchema.safeParse({ name, kind, aliases: [], parentId: null });
    if (!parsed.success) return { errors: fieldErrors(parsed.error, { name: 'actor', kind: 'actor_kind' }, 'actor') };
    const newActor: NewActor = { id: randomUUID(), name: parsed.data.name, kind: parsed.data.kind, line: row.line };
    this.newActors.push(newActor);
    return { id: newActor.id, newActor };
  }

  issue(row: RawRow): Resolution {
    const title = row.values.issue?.trim() ?? '';
    if (!title) return { errors: [{ column: 'issue', reason: 'Issue is required' }] };
    const k = key(title);
    let hit = this.issueCache.get(k);
    if (!hit) {
      hit = this.resolveIssue(title, k, row);
      this.issueCache.set(k, hit);
    }
    if (hit.newIssue && row.values.issue_anchors?.trim()) {
      const anchors = parseAnchorSpec(row.values.issue_anchors);
      const same =
        anchors.length === hit.newIssue.anchors.length &&
        [...anchors].sort((a, b) => Number(a.value) - Number(b.value)).every((a, i) => Number(a.value) === hit!.newIssue!.anchors[i]!.value && a.label === hit!.newIssue!.anchors[i]!.label);
      if (!same) return { errors: [{ column: 'issue_anchors', reason: `The new issue “${title}” is given other anchors on line ${hit.newIssue.line}` }] };
    }
    return hit;
  }

  private resolveIssue(title: string, k: string, row: RawRow): Resolution & { newIssue?: NewIssue } {
    const id = this.issueByTitle.get(k);
    if (id) return { id };
    if (this.deletedIssues.has(k)) return { errors: [{ column: 'issue', reason: `The issue “${title}” was deleted; restore it in Stanceboard first` }] };
    const spec = row.values.issue_anchors?.trim();
    if (!this.options.createMissing || !spec) {
      return {
        errors: [
          {
            column: 'issue',
            reason:
              `No issue titled “${title}” in this workspace. ` +
              (this.options.createMissing
                ? 'A new issue needs its scale: give issue_anchors such as “0=…|50=…|100=…”, or create the issue in Stanceboard first.'
                : 'Create it in Stanceboard first (its scale needs labelled anchor points), or give issue_anchors and tick “Create missing actors, issues and sources”.'),
          },
        ],
      };
    }
    const parsed = issueCreateSchema.safeParse({ title, anchors: parseAnchorSpec(spec) });
    if (!parsed.success) return { errors: fieldErrors(parsed.error, { title: 'issue', anchors: 'issue_anchors' }, 'issue_anchors') };
    const newIssue: NewIssue = { id: randomUUID(), title: parsed.data.title, anchors: parsed.data.anchors, line: row.line };
    this.newIssues.push(newIssue);
    return { id: newIssue.id, newIssue };
  }

  source(row: RawRow): Resolution {
    const title = row.values.source?.trim() ?? '';
    if (!title) return { errors: [{ column: 'source', reason: 'Source is required' }] };
    const outlet = row.values.source_outlet?.trim() ?? '';
    const published = row.values.source_published?.trim() ?? '';
    const k = `${key(title)}\u0000${key(outlet)}\u0000${published}`;
    let hit = this.sourceCache.get(k);
    if (!hit) {
      hit = this.resolveSource(title, outlet, published, row);
      this.sourceCache.set(k, hit);
    }
    return hit;
  }

  private resolveSource(title: string, outlet: string, published: string, row: RawRow): Resolution & { newSource?: NewSource } {
    const all = this.sourcesByTitle.get(key(title)) ?? [];
    const matches = all.filter((s) => (!outlet || key(s.outlet) === key(outlet)) && (!published || s.publishedAt === published));
    if (matches.length === 1) return { id: matches[0]!.id };
    if (matches.length > 1) {
      return {
        errors: [
          {
            column: 'source',
            reason: `${matches.length} sources are titled “${title}”${outlet ? ` in ${outlet}` : ''}; give source_outlet and source_published to say which`,
          },
        ],
      };
    }
    // Not an existing source: perhaps one this import creates, named by its title only.
    const planned = this.newSourcesByTitle.get(key(title)) ?? [];
    if (!outlet && !published && planned.length === 1) return { id: planned[0]!.id, newSource: planned[0] };
    if (!this.options.createMissing) {
      return {
        errors: [
          {
            column: 'source',
            reason: `No source titled “${title}”${outlet ? ` from ${outlet}` : ''}${published ? ` published ${published}` : ''} in this workspace.${this.createHint}`,
          },
        ],
      };
    }
    const parsed = sourceCreateSchema.safeParse({
      title,
      outlet: outlet || undefined,
      publishedAt: published || undefined,
      kind: enumValue(row.values.source_kind, Object.values(SourceKind), SOURCE_KIND_LABELS, 'OTHER'),
      reliability: (row.values.source_reliability?.trim() || 'F').toUpperCase(),
      author: row.values.source_author ?? '',
      url: row.values.source_url ?? '',
      citedInId: null,
    });
    if (!parsed.success) {
      return {
        errors: fieldErrors(
          parsed.error,
          {
            title: 'source',
            outlet: 'source_outlet',
            publishedAt: 'source_published',
            kind: 'source_kind',
            reliability: 'source_reliability',
            author: 'source_author',
            url: 'source_url',
          },
          'source',
        ).map((e) => ({ ...e, reason: `New source “${title}”: ${e.reason}` })),
      };
    }
    const { title: t, outlet: o, author, url, publishedAt, kind, reliability } = parsed.data;
    const newSource: NewSource = { id: randomUUID(), title: t, outlet: o, author, url, publishedAt, kind, reliability, line: row.line };
    this.newSources.push(newSource);
    const list = this.newSourcesByTitle.get(key(title)) ?? [];
    list.push(newSource);
    this.newSourcesByTitle.set(key(title), list);
    return { id: newSource.id, newSource };
  }
}

// ------------------------------------------------------------------------------------ the plan

const emptyToUndefined = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : v);

function rowError(row: RawRow, column: string | null, reason: string): RowError {
  return { line: row.line, column, value: column && isImportColumn(column) ? shorten(row.values[column]) : undefined, reason };
}

export function planImport(
  rows: RawRow[],
  lookups: Lookups,
  options: PlanOptions,
  onProgress?: (done: number, total: number) => void,
): ImportPlan {
  const resolver = new Resolver(lookups, options);
  const planned: PlannedRow[] = [];
  const errors: RowError[] = [];
  let badRowCount = 0;
  const order = new Map<string, number>(IMPORT_COLUMNS.map((c, i) => [c.name, i]));

  for (let index = 0; index < rows.length; index++) {
    const row = rows[index]!;
    // Hot loop (100,000 rows in seconds): no per-row closures or spreads.
    const rowErrors: RowError[] = [];
    for (const p of row.problems) rowErrors.push(rowError(row, p.column, p.reason));
    const actor = resolver.actor(row);
    const issue = resolver.issue(row);
    const source = resolver.source(row);
    if (actor.errors) for (const e of actor.errors) rowErrors.push(rowError(row, e.column, e.reason));
    if (issue.errors) for (const e of issue.errors) rowErrors.push(rowError(row, e.column, e.reason));
    if (source.errors) for (const e of source.errors) rowErrors.push(rowError(row, e.column, e.reason));

    const v = row.values;
    const parsed = assessmentCreateSchema.safeParse({
      actorId: actor.errors ? PLACEHOLDER_ID : actor.id,
      issueId: issue.errors ? PLACEHOLDER_ID : issue.id,
      sourceId: source.errors ? PLACEHOLDER_ID : source.id,
      position: emptyToUndefined(v.position),
      salience: emptyToUndefined(v.salience),
      capability: v.capability ?? '',
      confidence: emptyToUndefined(v.confidence)?.trim().toUpperCase(),
      credibility: emptyToUndefined(v.credibility),
      stanceDate: emptyToUndefined(v.stance_date),
      quote: emptyToUndefined(v.quote),
      rationale: v.rationale,
    });
    if (!parsed.success) {
      // One message per field: a date that fails the pattern would also "not be a real calendar date".
      const seen = new Set<string>();
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '');
        if (seen.has(field)) continue;
        seen.add(field);
        rowErrors.push(rowError(row, FIELD_COLUMN[field] ?? null, issue.message));
      }
    }
    if (rowErrors.length) {
      badRowCount++;
      rowErrors.sort((a, b) => (order.get(a.column ?? '') ?? -1) - (order.get(b.column ?? '') ?? -1));
      for (const e of rowErrors) errors.push(e);
    } else if (parsed.success) {
      const row0 = parsed.data as PlannedRow;
      row0.line = row.line;
      planned.push(row0);
    }
    if (onProgress && (index + 1) % 5000 === 0) onProgress(index + 1, rows.length);
  }
  onProgress?.(rows.length, rows.length);

  return {
    rowCount: rows.length,
    rows: planned,
    errors,
    badRowCount,
    warnings: [],
    newActors: resolver.newActors,
    newIssues: resolver.newIssues,
    newSources: resolver.newSources,
  };
}
