// Formatting shared by server and client chart code. Dates are plain YYYY-MM-DD days in UTC and are
// formatted by hand, so the server render and the browser agree whatever their locale and time zone.

import { formatDay, formatDelta, formatPosition, monthName } from '@/lib/format';

export { formatDay, formatDelta, formatPosition };
const DAY_MS = 86_400_000;

export function dayMs(iso: string): number {
  return Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);
}

export function isoFromMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Tick label for a time axis spanning `spanDays`. */
export function formatTick(ms: number, spanDays: number): string {
  const iso = isoFromMs(ms);
  const [y, m, d] = iso.split('-');
  if (spanDays > 365 * 4) return y!;
  if (spanDays > 120) return `${monthName(Number(m))} ${y}`;
  return `${Number(d)} ${monthName(Number(m))}${spanDays > 60 ? '' : ` ${y!.slice(2)}`}`;
}

/** A bucket [start, end) in words: "9 Nov 2020", "week of 9 Nov 2020", "Nov 2020", "2020". */
export function formatBucket(start: string, unit: 'day' | 'week' | 'month' | 'year'): string {
  const [y, m] = start.split('-');
  if (unit === 'day') return formatDay(start);
  if (unit === 'week') return `week of ${formatDay(start)}`;
  if (unit === 'month') return `${monthName(Number(m))} ${y}`;
  return y!;
}

export function spanDays(fromMs: number, toMs: number): number {
  return Math.round((toMs - fromMs) / DAY_MS);
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** Calendar-aligned ticks for a time axis: days, Mondays, first of months, quarters or years, about `target` of them. */
export function timeTicks(fromMs: number, toMs: number, target = 8): number[] {
  const days = Math.max(1, (toMs - fromMs) / DAY_MS);
  const ticks: number[] = [];
  const start = new Date(fromMs);
  if (days <= target * 2) {
    const step = Math.max(1, Math.ceil(days / target));
    const d = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate() + 1));
    for (; d.getTime() <= toMs; d.setUTCDate(d.getUTCDate() + step)) ticks.push(d.getTime());
    return ticks;
  }
  if (days <= target * 7 * 2) {
    const step = Math.max(1, Math.ceil(days / 7 / target)) * 7;
    const d = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate()));
    while (d.getUTCDay() !== 1 || d.getTime() < fromMs) d.setUTCDate(d.getUTCDate() + 1);
    for (; d.getTime() <= toMs; d.setUTCDate(d.getUTCDate() + step)) ticks.push(d.getTime());
    return ticks;
  }
  const months = days / 30.44;
  const stepMonths = [1, 2, 3, 6, 12, 24, 60, 120].find((m) => months / m <= target) ?? 240;
  const d = new Date(Date.UTC(start.getUTCFullYear(), 0, 1));
  while (d.getTime() < fromMs) d.setUTCMonth(d.getUTCMonth() + (stepMonths >= 12 ? 12 : 1));
  while (stepMonths < 12 && d.getUTCMonth() % stepMonths !== 0) d.setUTCMonth(d.getUTCMonth() + 1);
  while (stepMonths >= 12 && d.getUTCFullYear() % (stepMonths / 12) !== 0) d.setUTCFullYear(d.getUTCFullYear() + 1);
  for (; d.getTime() <= toMs; d.setUTCMonth(d.getUTCMonth() + stepMonths)) ticks.push(d.getTime());
  return ticks;
}
