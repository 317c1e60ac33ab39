// CSV for analysts who open exports in Excel or LibreOffice (RFC 4180, CRLF line ends).

export type CsvValue = string | number | boolean | null | undefined | Date;

/**
 * One cell. Quotes, commas and line breaks are quoted (quotes doubled). A text cell that a spreadsheet
 * would run as a formula (starting with =, +, -, @, or a tab / carriage return that some spreadsheets
 * strip before looking) is prefixed with an apostrophe, as OWASP recommends against CSV injection.
 * Numbers are written as numbers: a negative number is data, not a formula.
 */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  let text = value instanceof Date ? value.toISOString() : value;
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  // A byte-order mark so that Excel reads UTF-8 (Azerbaijani and Turkish names) correctly.
  return '\uFEFF' + [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** A file name safe in a Content-Disposition header. */
export function csvFileName(...parts: string[]): string {
  const base = parts
    .join('-')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\w.-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 120)
    .toLowerCase();
  return `${base || 'export'}.csv`;
}

export function csvResponse(csv: string, fileName: string): Response {
  return new Response(csv, {
    status: 200,
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${fileName}"`,
      'Cache-Control': 'no-store',
    },
  });
}
