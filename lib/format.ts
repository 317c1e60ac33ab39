// How dates read everywhere in the app: lists, detail pages, charts and tables all say "9 Nov 2020".
// Formatted by hand from the UTC day, so the server render and the browser agree whatever their locale
// and time zone (stance dates are calendar days, not instants).

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "9 Nov 2020", from a Date or a "YYYY-MM-DD…" string. */
export function formatDay(value: Date | string): string {
  const iso = typeof value === 'string' ? value : value.toISOString();
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${Number(d)} ${MONTHS[Number(m) - 1]} ${y}`;
}

export function monthName(month1: number): string {
  return MONTHS[month1 - 1]!;
}

/** "1.5 MB", "12 KB", "300 bytes". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1).replace(/\.0$/, '')} KB`;
  return `${bytes} bytes`;
}

/** "2020-11-09": the calendar day of a date column (or of an ISO string). */
export const isoDay = (d: Date | string) => (typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10));

/** A position on the 0-100 scale as every page, chart and email shows it: at most one decimal (50, 50.3). */
export function formatPosition(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  const rounded = Number(value.toFixed(digits));
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(digits);
}

export function formatDelta(value: number): string {
  return `${value > 0 ? '+' : value < 0 ? '−' : '±'}${formatPosition(Math.abs(value))}`;
}
