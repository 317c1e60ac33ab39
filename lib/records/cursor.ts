import { createHash } from 'node:crypto';
import { z } from 'zod';
import { invalid } from '../errors';
import { wholeNumber } from '../validation';

// Keyset ("cursor") pagination for the API lists: stable under inserts and deletes, no OFFSET scans.
// Order is always (sort field, id ascending); the cursor carries the last row's sort value and id.

export type SortKind = { type: 'string' } | { type: 'number' } | { type: 'date' } | { type: 'enum'; values: readonly string[] };
export type SortSpecs<S extends string> = Record<S, SortKind>;

export const API_PAGE_MAX = 200;

/** Query parameters shared by every cursor-paginated list. Unlike the pages' lists, bad values are refused, not defaulted. */
export function cursorListParams<S extends readonly [string, ...string[]]>(sortable: S, defaultSort: S[number], defaultDir: 'asc' | 'desc') {
  return z.object({
    q: z.string().trim().max(200, { error: 'q must be at most 200 characters' }).optional().default(''),
    sort: z.enum(sortable, { error: `sort must be one of: ${sortable.join(', ')}` }).default(defaultSort),
    dir: z.enum(['asc', 'desc'], { error: 'dir must be asc or desc' }).default(defaultDir),
    deleted: z.enum(['exclude', 'only'], { error: 'deleted must be exclude or only' }).default('exclude'),
    limit: wholeNumber('limit', 1, API_PAGE_MAX).optional().default(50),
    cursor: z.string().max(4000).optional(),
  });
}

interface CursorState {
  /** sort field, direction, and a digest of the filters: a cursor only continues the list it came from */
  s: string;
  d: 'asc' | 'desc';
  f: string;
  /** last row's sort value (dates as ISO strings) and id */
  v: string | number;
  i: string;
  /** set on a "Previous" cursor: the rows just before this one, not after */
  b?: 1;
}

const cursorStateSchema = z.object({
  s: z.string(),
  d: z.enum(['asc', 'desc']),
  f: z.string(),
  v: z.union([z.string(), z.number()]),
  i: z.uuid(),
  b: z.literal(1).optional(),
});

interface ListParams {
  sort: string;
  dir: 'asc' | 'desc';
  limit: number;
  cursor?: string;
  [filter: string]: unknown;
}

function filterDigest(params: ListParams): string {
  const { cursor: _c, limit: _l, sort: _s, dir: _d, ...filters } = params;
  const stable = Object.keys(filters)
    .sort()
    .map((k) => [k, filters[k] ?? null]);
  return createHash('sha256').update(JSON.stringify(stable)).digest('base64url').slice(0, 12);
}

const badCursor = (why: string) => invalid({ cursor: [why] }, `The cursor is not valid: ${why}`);

function decode(params: ListParams): CursorState | null {
  if (!params.cursor) return null;
  let state: CursorState;
  try {
    const parsed = cursorStateSchema.safeParse(JSON.parse(Buffer.from(params.cursor, 'base64url').toString('utf8')));
    if (!parsed.success) throw new Error('shape');
    state = parsed.data;
  } catch {
    throw badCursor('pass back the nextCursor of a previous page unchanged.');
  }
  if (state.s !== params.sort || state.d !== params.dir || state.f !== filterDigest(params)) {
    throw badCursor('it belongs to a list with other sort or filters; keep them the same while paging, or start again without a cursor.');
  }
  return state;
}

function encode(state: CursorState): string {
  return Buffer.from(JSON.stringify(state), 'utf8').toString('base64url');
}

function comparable(kind: SortKind, value: unknown): string | number {
  if (value instanceof Date) return value.toISOString();
  if (kind.type === 'number') return Number(value);
  return String(value);
}

/**
 * Rows strictly beyond the cursor row in the given scan order (field `dir`, then id `idDir`). Enum columns
 * sort by declaration order in PostgreSQL. The inclusive bound on the field alone is implied by the OR, but
 * it is what lets PostgreSQL start its index scan at the cursor instead of filtering every earlier row, so
 * page 500 costs what page 1 does.
 */
function beyondWhere(field: string, kind: SortKind, dir: 'asc' | 'desc', idDir: 'asc' | 'desc', state: CursorState): Record<string, unknown> {
  const value = kind.type === 'date' ? new Date(String(state.v)) : state.v;
  const at = kind.type === 'enum' ? kind.values.indexOf(String(value)) : -1;
  const enumRange = (strict: boolean) => ({
    in: kind.type === 'enum' ? kind.values.filter((_, i) => (dir === 'asc' ? (strict ? i > at : i >= at) : strict ? i < at : i <= at)) : [],
  });
  const strictly = kind.type === 'enum' ? enumRange(true) : { [dir === 'asc' ? 'gt' : 'lt']: value };
  const fromValue = kind.type === 'enum' ? enumRange(false) : { [dir === 'asc' ? 'gte' : 'lte']: value };
  return {
    AND: [{ [field]: fromValue }, { OR: [{ [field]: strictly }, { [field]: value, id: { [idDir === 'asc' ? 'gt' : 'lt']: state.i } }] }],
  };
}

const flip = (dir: 'asc' | 'desc') => (dir === 'asc' ? 'desc' : 'asc');

/** The cursor that continues a list after `row` (for tests and benchmarks that start deep in a list). */
export function cursorAfter(params: ListParams, sorts: SortSpecs<string>, row: { id: string; [field: string]: unknown }): string {
  return encode({ s: params.sort, d: params.dir, f: filterDigest(params), v: comparable(sorts[params.sort]!, row[params.sort]), i: row.id });
}

export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
  /** The page before this one ("Previous" on a list page); null on the first page. Not part of the API's answer. */
  prevCursor: string | null;
}

/**
 * Runs one page of a list: `find` receives the Prisma where/orderBy/take to use. `where` is the
 * list's filter (workspace scope included); the cursor condition is added to it. A "Previous" cursor
 * reads the rows before it in reverse order and turns them round; when it reaches the start of the list
 * it answers the first page, so that page is always full.
 */
export async function cursorPage<T extends { id: string }, S extends string>(
  params: ListParams & { sort: S },
  sorts: SortSpecs<S>,
  where: Record<string, unknown>,
  find: (args: { where: Record<string, unknown>; orderBy: Record<string, 'asc' | 'desc'>[]; take: number }) => Promise<T[]>,
): Promise<CursorPage<T>> {
  const kind = sorts[params.sort];
  const state = decode(params);
  const cursorAt = (row: T, backward: boolean) =>
    encode({
      s: params.sort,
      d: params.dir,
      f: filterDigest(params),
      v: comparable(kind, (row as Record<string, unknown>)[params.sort]),
      i: row.id,
      ...(backward ? { b: 1 as const } : {}),
    });

  if (state?.b) {
    const before = await find({
      where: { AND: [where, beyondWhere(params.sort, kind, flip(params.dir), 'desc', state)] },
      orderBy: [{ [params.sort]: flip(params.dir) }, { id: 'desc' }],
      take: params.limit + 1,
    });
    if (before.length > params.limit) {
      const items = before.slice(0, params.limit).reverse();
      return { items, nextCursor: cursorAt(items[items.length - 1]!, false), prevCursor: cursorAt(items[0]!, true) };
    }
    return cursorPage({ ...params, cursor: undefined }, sorts, where, find);
  }

  const rows = await find({
    where: state ? { AND: [where, beyondWhere(params.sort, kind, params.dir, 'asc', state)] } : where,
    orderBy: [{ [params.sort]: params.dir }, { id: 'asc' }],
    take: params.limit + 1,
  });
  const items = rows.slice(0, params.limit);
  const first = items[0];
  const last = items[items.length - 1];
  return {
    items,
    nextCursor: rows.length > params.limit && last ? cursorAt(last, false) : null,
    prevCursor: !state ? null : first ? cursorAt(first, true) : encode({ ...state, b: 1 }),
  };
}
