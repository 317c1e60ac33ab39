import { invalid } from '../errors';
import { isImportColumn, normaliseColumnName, REQUIRED_COLUMNS, type ImportColumnName } from './columns';
import type { CsvParseResult } from './csv';
import type { JsonRow } from './json-rows';

// The rows of an import file, keyed by column, each with the syntax problems found in it: nothing is
// resolved or validated yet (lib/import/plan.ts does that).

export interface RawRow {
  /** Line of the file where the row starts. */
  line: number;
  values: Partial<Record<ImportColumnName, string>>;
  problems: { column: string | null; reason: string }[];
}

const refuse = (message: string) => invalid({ _file: [message] }, message);

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
