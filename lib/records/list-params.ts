import { z } from 'zod';
import { wholeNumber } from '../validation';

export const PAGE_SIZES = [25, 50, 100] as const;

/** Query-string parameters shared by every list page and list API. */
export function listParamsSchema<S extends readonly [string, ...string[]]>(sortable: S, defaultSort: S[number]) {
  return z.object({
    q: z.string().trim().max(200).optional().default(''),
    sort: z.enum(sortable).catch(defaultSort).default(defaultSort),
    dir: z.enum(['asc', 'desc']).catch('asc').default('asc'),
    // A list page reads its paging from the address bar: a mangled value shows the first page, not an error.
    page: wholeNumber('Page', 1, 1_000_000).catch(1).default(1),
    pageSize: wholeNumber('Page size', 1, 1000).refine((n) => (PAGE_SIZES as readonly number[]).includes(n)).catch(25).default(25),
    deleted: z.enum(['only', 'exclude']).catch('exclude').default('exclude'),
  });
}

/**
 * Lists count at most this many matches (lib/records/list.ts runList): past it the pager says "more
 * than 1,000". Counting a common word in ten years of quotes up to 10,000 took 270 ms, more than the
 * page itself; up to 1,000, 50 ms (`npm run bench`, 500,000 assessments).
 */
export const COUNT_CAP = 1_000;

/**
 * A text search counts at most this many: each candidate row is matched against its texts (ILIKE on a
 * quote and a rationale), so counting 1,000 matches of a common word read 8,000 rows (25 ms, most of
 * the page's database time); 200 read a fifth of that. Past it the pager says "more than 200".
 */
export const SEARCH_COUNT_CAP = 200;

export interface Page<T> {
  items: T[];
  /** At most the cap given to toPage; `capped` says there are more. */
  total: number;
  capped: boolean;
  page: number;
  pageSize: number;
  pageCount: number;
}

/** `total` counted with `take: cap + 1` (or exactly, without a cap): more than `cap` shows as "more than cap". */
export function toPage<T>(items: T[], total: number, page: number, pageSize: number, cap = Infinity): Page<T> {
  const capped = total > cap;
  const shown = capped ? cap : total;
  const more = capped && items.length === pageSize ? page + 1 : 1;
  return { items, total: shown, capped, page, pageSize, pageCount: Math.max(more, Math.ceil(shown / pageSize), 1) };
}

/** Reads one value from Next's searchParams (which may hold arrays). */
export function firstParam(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export function searchParamsObject(params: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    const first = firstParam(value);
    if (first !== undefined && first !== '') out[key] = first;
  }
  return out;
}

/** A list page's size in its links: left out at the default. */
export function pageSizeParam(limit: number): number | undefined {
  return limit === PAGE_SIZES[0] ? undefined : limit;
}
