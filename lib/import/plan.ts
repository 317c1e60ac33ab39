import { assessmentCreateSchema, type AssessmentCreateInput } from '../assessments/schema';
import { FIELD_COLUMN, IMPORT_COLUMNS, isImportColumn } from './columns';
import type { RowError } from './report';
import { Resolver, type NewActor, type NewIssue, type NewSource, type Lookups, type PlanOptions } from './resolve';
import type { RawRow } from './rows';

export type { RowError };

// Checking an import completely before anything is written: every row is resolved (names → records,
// lib/import/resolve.ts) and validated with the same zod schemas as the forms, and every problem is kept
// with its line, column and reason. Pure: the workspace's records come in as `Lookups`, so this is unit-tested.

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


const shorten = (value: string | undefined) => (value === undefined ? undefined : value.length > 120 ? `${value.slice(0, 117)}…` : value);
/** Any syntactically valid UUID: stands in for a reference that failed, so the row's other fields are still checked. */
const PLACEHOLDER_ID = '00000000-0000-4000-8000-000000000000';

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
