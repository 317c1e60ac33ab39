import { invalid } from '../errors';
import { lineColumn } from '../json-text';

// JSON imports: an array of row objects, or { "assessments": [ … ] }. Each row is reported by the line
// its object starts on, found by a light scan of the text (JSON.parse keeps no positions).

export interface JsonRow {
  line: number;
  value: unknown;
}

const refuse = (message: string) => invalid({ _file: [message] }, message);

export const JSON_ROWS_KEY = 'assessments';

export function parseJsonRows(text: string): JsonRow[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    const where = position ? (({ line, column }) => ` at line ${line}, column ${column}`)(lineColumn(text, Number(position[1]))) : '';
    throw refuse(`The file is not valid JSON${where}: ${message.replace(/ in JSON at position \d+.*$/, '').replace(/, ".*" is not valid JSON$/s, '')}.`);
  }
  let rows: unknown[];
  let wrapped = false;
  if (Array.isArray(data)) rows = data;
  else if (typeof data === 'object' && data !== null && Array.isArray((data as Record<string, unknown>)[JSON_ROWS_KEY])) {
    rows = (data as Record<string, unknown[]>)[JSON_ROWS_KEY]!;
    wrapped = true;
  } else {
    throw refuse(`A JSON import must be an array of rows ([{ "actor": …, "issue": … }, …]) or an object with an "${JSON_ROWS_KEY}" array.`);
  }
  const lines = elementLines(text, wrapped);
  return rows.map((value, i) => ({ line: lines[i] ?? 0, value }));
}

/** Lines on which the elements of the rows array start (top-level array, or the "assessments" array of the top object). */
export function elementLines(text: string, wrapped: boolean): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let targetDepth = wrapped ? -1 : 1;
  let expecting = false;
  let lastKey: string | null = null;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      i++;
      continue;
    }
    if (c === 32 || c === 9 || c === 13) {
      i++;
      continue;
    }
    if (expecting && depth === targetDepth && c !== 93 /* ] */) {
      lines.push(line);
      expecting = false;
    }
    if (c === 34 /* " */) {
      // Skip the string (escapes included); remember it as a possible key of the top object.
      let j = i + 1;
      while (j < n) {
        const s = text.charCodeAt(j);
        if (s === 92) j += 2;
        else if (s === 34) break;
        else j++;
      }
      if (wrapped && depth === 1) {
        try {
          lastKey = JSON.parse(text.slice(i, j + 1)) as string;
        } catch {
          lastKey = null;
        }
      }
      i = j + 1;
      continue;
    }
    if (c === 91 /* [ */ || c === 123 /* { */) {
      depth++;
      if (c === 91 && wrapped && depth === 2 && targetDepth === -1 && lastKey === JSON_ROWS_KEY) targetDepth = 2;
      if (c === 91 && depth === targetDepth) expecting = true;
    } else if (c === 93 || c === 125) {
      if (depth === targetDepth && c === 93) targetDepth = wrapped ? -2 : -1; // done with the rows array
      depth--;
    } else if (c === 44 /* , */ && depth === targetDepth) {
      expecting = true;
    }
    i++;
  }
  return lines;
}
