import 'server-only';
import { authorize, type Ctx } from '@/lib/auth/context';
import { Prisma, readDb, type Db } from '@/lib/db';

// The stance chart statement (lib/stance/series.ts seriesStatement) reads every reading of an issue:
// hundreds of milliseconds at ten years of data. Its result is reused until something it shows
// changes, which the "StanceVersion" counters tell (migration 20261204900000_stance_versions): they
// are bumped in the same transaction as every change to the workspace's assessments (per issue),
// sources, actors, issues and analysts' names. The version is read before the statement runs, on the
// same connection pool, so a change committed in between makes the stored version older than the
// result: the next read recomputes (never the other way round, which could serve a stale chart). The
// rows' transaction ids are part of the version, so a database restored under a running app (counters
// rewritten, possibly to values seen before) does not match what was stored before the restore.

const WORKSPACE_SCOPE = '00000000-0000-0000-0000-000000000000';
/** Budget of the cache in rows kept (line points + readings + series + sources), about 60 full charts. */
const MAX_COST = 150_000;

interface Entry {
  version: string;
  value: unknown;
  cost: number;
}

const globalForCache = globalThis as unknown as { stanceChartCache?: { entries: Map<string, Entry>; cost: number; computed: number } };
function cache() {
  globalForCache.stanceChartCache ??= { entries: new Map(), cost: 0, computed: 0 };
  return globalForCache.stanceChartCache;
}

/** The version of what a chart over these issues (null: every issue of the workspace) shows. */
async function stanceVersion(conn: Db, workspaceId: string, issueIds: readonly string[] | null): Promise<string> {
  const [row] = await conn.$queryRaw<{ v: string }[]>`
    SELECT coalesce(sum("n"), 0)::text || '/' || coalesce(sum("xmin"::text::bigint), 0)::text AS v FROM "StanceVersion"
    WHERE "workspaceId" = ${workspaceId}::uuid
      ${issueIds ? Prisma.sql`AND "scope" = ANY(${[WORKSPACE_SCOPE, ...issueIds]}::uuid[])` : Prisma.empty}`;
  return row?.v ?? '0';
}

/**
 * The versions of the lines of `actorIds` on one issue (actor id → version): each line's (issue, actor)
 * counter (migration 20261205000000_stance_version_pairs) with the workspace's. Read before computing
 * anything these versions will be stored with.
 */
export async function actorLineVersions(ctx: Ctx, issueId: string, actorIds: readonly string[]): Promise<Map<string, string>> {
  authorize(ctx, 'workspace:read');
  if (!actorIds.length) return new Map();
  const conn = readDb(ctx);
  const workspaceId = ctx.workspaceId;
  const rows = await conn.$queryRaw<{ actor: string; v: string }[]>`
    SELECT k."actor"::text AS actor, coalesce(sum(v."n"), 0)::text || '/' || coalesce(sum(v."xmin"::text::bigint), 0)::text AS v
    FROM unnest(${[...actorIds]}::uuid[]) AS k("actor")
    LEFT JOIN "StanceVersion" v ON v."workspaceId" = ${workspaceId}::uuid
      AND v."scope" IN ("stance_pair_scope"(${issueId}::uuid, k."actor"), ${WORKSPACE_SCOPE}::uuid)
    GROUP BY k."actor"`;
  return new Map(rows.map((r) => [r.actor, r.v]));
}

/**
 * One issue chart's lines, one per actor, each reused until that actor's readings on the issue (or the
 * workspace's sources, actors, issues, names) change: after a colleague's save only their line is
 * computed again. `keyOf` names everything else a line depends on (filters, the chart's date range
 * and budgets); `compute` gets the actors whose line must be computed and answers one value per actor
 * (an actor it leaves out gets `empty`). Versions are read before computing, as in cachedStatement
 * (or passed in, read by the caller before anything was computed).
 */
export async function cachedActorLines<T>(
  ctx: Ctx,
  issueId: string,
  actorIds: readonly string[],
  keyOf: (actorId: string) => string,
  compute: (actorIds: string[]) => Promise<Map<string, T>>,
  { cost, empty, versions: known }: { cost: (value: T) => number; empty: T; versions?: Map<string, string> },
): Promise<Map<string, T>> {
  authorize(ctx, 'workspace:read');
  const { entries } = cache();
  // Versions read by the caller for several uses must have been read before any of them computed.
  const versions = known ?? (await actorLineVersions(ctx, issueId, actorIds));
  const out = new Map<string, T>();
  const missing: string[] = [];
  for (const actorId of actorIds) {
    const key = keyOf(actorId);
    const hit = entries.get(key);
    if (hit && hit.version === versions.get(actorId)) {
      entries.delete(key);
      entries.set(key, hit);
      out.set(actorId, hit.value as T);
    } else missing.push(actorId);
  }
  if (missing.length) {
    const computed = await compute(missing);
    for (const actorId of missing) {
      const value = computed.get(actorId) ?? empty;
      out.set(actorId, value);
      store(keyOf(actorId), { version: versions.get(actorId) ?? '0', value, cost: cost(value) });
    }
  }
  return out;
}

/**
 * The one row `statement` answers for the caller, computed again only when the data of the caller's
 * workspace on `issueIds` (null: every issue) changed since it was last computed in this process. The
 * key is the statement's text and parameters (which include the workspace), so two different questions
 * never share an entry. Version and statement go to the same database (the replica or the primary).
 */
export async function cachedStatement<T>(
  ctx: Ctx,
  issueIds: readonly string[] | null,
  statement: Prisma.Sql,
  cost: (value: T) => number,
): Promise<T> {
  authorize(ctx, 'workspace:read');
  const conn = readDb(ctx);
  const scope = { workspaceId: ctx.workspaceId, issueIds };
  const { entries } = cache();
  const key = `${statement.text}\u0000${JSON.stringify(statement.values)}`;
  const version = await stanceVersion(conn, scope.workspaceId, scope.issueIds);
  const hit = entries.get(key);
  if (hit && hit.version === version) {
    entries.delete(key);
    entries.set(key, hit);
    return hit.value as T;
  }
  const [value] = await conn.$queryRaw<T[]>(statement);
  if (value === undefined) throw new Error('stance statement returned no row');
  store(key, { version, value, cost: cost(value) });
  return value;
}

function store(key: string, entry: Entry) {
  const c = cache();
  const old = c.entries.get(key);
  if (old) {
    c.entries.delete(key);
    c.cost -= old.cost;
  }
  c.computed += 1;
  if (entry.cost > MAX_COST) return;
  c.entries.set(key, entry);
  c.cost += entry.cost;
  for (const [k, e] of c.entries) {
    if (c.cost <= MAX_COST) break;
    c.entries.delete(k);
    c.cost -= e.cost;
  }
}

/** For tests: how many results (whole statements or actor lines) were computed rather than reused, in this process. */
export function stanceStatementsComputed(): number {
  return cache().computed;
}
