import { z } from 'zod';
import { isAppError } from '../errors';
import { parseInput } from '../validation';
import { cursorPage, type CursorPage, type SortSpecs } from './cursor';
import { COUNT_CAP, PAGE_SIZES, SEARCH_COUNT_CAP } from './list-params';

// One list per domain, read by its page and its API alike: one params schema (the API's: strict),
// one where-builder, keyset paging. Only the reading of the params differs (see parseListParams).

/** `api`: bad params are refused. `page`: read from the address bar, bad values fall back to their defaults. */
export type ListFrom = 'api' | 'page';

export interface ListPage<T, P> extends CursorPage<T> {
  params: P;
  /** Matching rows, counted up to COUNT_CAP, SEARCH_COUNT_CAP for a text search (page lists only; the API does not count). */
  total: number;
  /** More than `total` match. */
  capped: boolean;
}

const PAGE_DEFAULT_LIMIT = PAGE_SIZES[0];

/**
 * The page's reading of a list's params: a value the schema refuses is dropped (its default applies),
 * as a mangled address shows the list rather than an error. `pageSize` is the pages' older name for `limit`.
 */
export function parseListParams<S extends z.ZodObject>(schema: S, raw: unknown, from: ListFrom): z.output<S> {
  if (from === 'api') return parseInput(schema, raw);
  const { pageSize, page: _oldOffsetPage, ...rest } = (raw ?? {}) as Record<string, unknown>;
  const input: Record<string, unknown> = { limit: pageSize ?? PAGE_DEFAULT_LIMIT, ...rest };
  const first = schema.safeParse(input);
  if (first.success) return first.data;
  for (const issue of first.error.issues) delete input[String(issue.path[0])];
  return parseInput(schema, input);
}

/**
 * One page of a list. `where` is built once from the parsed params by the domain's where-builder;
 * the page view also counts the matches, capped so a large match costs no more than the cap.
 */
export async function runList<P extends { sort: S; dir: 'asc' | 'desc'; limit: number; cursor?: string; q?: string }, S extends string, T extends { id: string }>(
  params: P,
  from: ListFrom,
  sorts: SortSpecs<S>,
  where: Record<string, unknown>,
  find: (args: { where: Record<string, unknown>; orderBy: Record<string, 'asc' | 'desc'>[]; take: number }) => Promise<T[]>,
  count: (args: { where: Record<string, unknown>; take: number }) => Promise<number>,
): Promise<ListPage<T, P>> {
  const page = async (p: P) => cursorPage(p as P & { sort: S }, sorts, where, find);
  const cap = params.q ? SEARCH_COUNT_CAP : COUNT_CAP;
  const [rows, total] = await Promise.all([
    from === 'page'
      ? page(params).catch((error: unknown) => {
          // A stale or mangled cursor in the address bar shows the first page.
          if (params.cursor && isAppError(error) && error.code === 'VALIDATION') return page({ ...params, cursor: undefined });
          throw error;
        })
      : page(params),
    from === 'page' ? count({ where, take: cap + 1 }) : Promise.resolve(0),
  ]);
  return { ...rows, params, total: Math.min(total, cap), capped: total > cap };
}
