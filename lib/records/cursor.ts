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
}

const cursorStateSchema = z.object({
  s: z.string(),
  d: z.enum(['asc', 'desc']),
  f: z.string(),
  v: z.union([z.string(), z.number()]),
  i: z.uuid(),
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

/** Rows strictly after the cursor, in (field dir, id asc) order. Enum columns sort by declaration order in PostgreSQL. */
function afterWhere(field: string, kind: SortKind, dir: 'asc' | 'desc', state: CursorState): Record<string, unknown> {
  const value = kind.type === 'date' ? new Date(String(state.v)) : state.v;
  const beyond =
    kind.type === 'enum'
      ? { in: kind.values.filter((_, i) => (dir === 'asc' ? i > kind.values.indexOf(String(value)) : i < kind.values.indexOf(String(value)))) }
      : { [dir === 'asc' ? 'gt' : 'lt']: value };
  return { OR: [{ [field]: beyond }, { [field]: value, id: { gt: state.i } }] };
}

export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * Runs one page of a list: `find` receives the Prisma where/orderBy/take to use. `where` is the
 * list's filter (workspace scope included); the cursor condition is added to it.
 */
export async function cursorPage<T extends { id: string }, S extends string>(
  params: ListParams & { sort: S },
  sorts: SortSpecs<S>,
  where: Record<string, unknown>,
  find: (args: { where: Record<string, unknown>; orderBy: Record<string, 'asc' | 'desc'>[]; take: number }) => Promise<T[]>,
): Promise<CursorPage<T>> {
  const kind = sorts[params.sort];
  const state = decode(params);
  const rows = await find({
    where: state ? { AND: [where, afterWhere(params.sort, kind, params.dir, state)] } : where,
    orderBy: [{ [params.sort]: params.dir }, { id: 'asc' }],
    take: params.limit + 1,
  });
  const items = rows.slice(0, params.limit);
  const last = items[items.length - 1];
  const nextCursor =
    rows.length > params.limit && last
      ? encode({ s: params.sort, d: params.dir, f: filterDigest(params), v: comparable(kind, (last as Record<string, unknown>)[params.sort]), i: last.id })
      : null;
  return { items, nextCursor };
}
