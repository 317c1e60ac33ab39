// A small RFC 4180 CSV reader: quoted fields, doubled quotes inside them, line breaks inside quotes,
// CRLF / LF / CR line ends. It keeps the line each record starts on, so every problem can be reported
// where a person looking at the file in an editor will find it.

export interface CsvRecord {
  /** 1-based line of the file where the record starts. */
  line: number;
  cells: string[];
}

export interface CsvProblem {
  line: number;
  reason: string;
}

export interface CsvParseResult {
  delimiter: string;
  records: CsvRecord[];
  /** Syntax problems; a record with one is still returned (best effort) so other checks can run. */
  problems: CsvProblem[];
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

/** The delimiter of the header line: comma unless semicolons or tabs clearly are (Excel in many European locales writes `;`). */
export function detectDelimiter(text: string): string {
  let comma = 0;
  let semicolon = 0;
  let tab = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) quoted = !quoted;
    else if (!quoted) {
      if (c === LF || c === CR) break;
      if (c === 44) comma++;
      else if (c === 59) semicolon++;
      else if (c === 9) tab++;
    }
  }
  if (semicolon > comma && semicolon >= tab) return ';';
  if (tab > comma && tab > semicolon) return '\t';
  return ',';
}

export function parseCsv(text: string, delimiter = detectDelimiter(text)): CsvParseResult {
  const d = delimiter.charCodeAt(0);
  const records: CsvRecord[] = [];
  const problems: CsvProblem[] = [];
  const n = text.length;
  let i = 0;
  let line = 1;
  let nextD = -1;
  let nextLF = -1;
  let nextCR = -1;

  while (i < n) {
    const recordLine = line;
    const cells: string[] = [];
    let endOfRecord = false;
    while (!endOfRecord) {
      if (i < n && text.charCodeAt(i) === QUOTE) {
        // Quoted field: runs to the next quote that is not doubled.
        const fieldLine = line;
        let value = '';
        let j = i + 1;
        let closed = false;
        while (j < n) {
          const q = text.indexOf('"', j);
          if (q === -1) break;
          value += text.slice(j, q);
          if (text.charCodeAt(q + 1) === QUOTE) {
            value += '"';
            j = q + 2;
            continue;
          }
          j = q + 1;
          closed = true;
          break;
        }
        if (!closed) {
          problems.push({ line: fieldLine, reason: `A quoted value starting on line ${fieldLine} is never closed (a missing ")` });
          value += text.slice(j);
          j = n;
        }
        line += countLineBreaks(value);
        i = j;
        // After the closing quote: a delimiter, a line end, or the end of the file.
        if (i < n) {
          const c = text.charCodeAt(i);
          if (c !== d && c !== CR && c !== LF) {
            let k = i;
            while (k < n && text.charCodeAt(k) !== d && text.charCodeAt(k) !== CR && text.charCodeAt(k) !== LF) k++;
            problems.push({
              line,
              reason: `Text after a closing quote in value ${cells.length + 1} (a quote inside a quoted value must be doubled: "")`,
            });
            value += text.slice(i, k);
            i = k;
          }
        }
        cells.push(value);
      } else {
        // Unquoted field: up to the next delimiter or line end. The next position of each is kept
        // and found with indexOf (native, fast), instead of looking at every character here.
        if (nextD < i) nextD = indexOrEnd(text, delimiter, i);
        if (nextLF < i) nextLF = indexOrEnd(text, '\n', i);
        if (nextCR < i) nextCR = indexOrEnd(text, '\r', i);
        const k = Math.min(nextD, nextLF, nextCR);
        cells.push(text.slice(i, k));
        i = k;
      }
      if (i >= n) {
        endOfRecord = true;
      } else {
        const c = text.charCodeAt(i);
        if (c === d) {
          i++;
          // A delimiter as the last character of the file still ends a (empty) field.
          if (i >= n) {
            cells.push('');
            endOfRecord = true;
          }
        } else {
          i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
          line++;
          endOfRecord = true;
        }
      }
    }
    // Blank lines (and the line end at the end of the file) are not records.
    if (!(cells.length === 1 && cells[0] === '')) records.push({ line: recordLine, cells });
  }
  return { delimiter, records, problems };
}

function indexOrEnd(text: string, search: string, from: number): number {
  const at = text.indexOf(search, from);
  return at === -1 ? text.length : at;
}

function countLineBreaks(s: string): number {
  let count = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === LF) count++;
    else if (c === CR && s.charCodeAt(i + 1) !== LF) count++;
  }
  return count;
}
