/**
 * Benchmark of keyset list paging (lib/records/list.ts): `npx tsx scripts/bench-lists.ts`.
 *
 * Creates a scratch database on the server of DATABASE_URL (or the embedded one), migrates it and
 * generates BENCH_ASSESSMENTS (default 200,000) assessments of one issue (stance days with many ties),
 * plus as many spread over nine other issues. Then it times the API's list of that issue's assessments
 * (what assessmentsResource.list runs: parse, keyset query, DTOs), 20 a page, newest first, at the first page and
 * at rows 10,000, 100,000 and the last page, against the bare keyset SQL for the same rows and the
 * OFFSET query the pages used before. The scratch database is dropped at the end (KEEP_BENCH_DB=1 keeps it).
 */
import os from 'node:os';
import pg from 'pg';
import { rerunWithReactServer, scratchDatabase, timeRuns } from './bench-scratch';

rerunWithReactServer();

const { createDatabaseIfMissing, resolveDatabase } = await import('../lib/db/server');
const { migrate } = await import('../lib/db/migrate');
const { resetEnvCache } = await import('../lib/env');
const { disconnectDb } = await import('../lib/db');
const { buildContext } = await import('../lib/auth/context');
const { toAssessmentDto } = await import('../lib/api/dto');
const { ASSESSMENT_SORTS, assessmentListSchema, listAssessments } = await import('../lib/assessments/queries');
const { cursorAfter } = await import('../lib/records/cursor');

const ASSESSMENTS = Number(process.env.BENCH_ASSESSMENTS ?? 200_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const LIMIT = 20;

const handle = await resolveDatabase((line) => console.log(line));
const scratch = `sb_bench_lists_${process.pid}`;
const { adminUrl, url, sql, drop: dropScratch } = scratchDatabase(handle.url, scratch);

try {
  console.log(`Machine: ${os.cpus()[0]?.model ?? 'unknown CPU'} × ${os.cpus().length}, Node ${process.version}`);
  await dropScratch();
  await createDatabaseIfMissing(adminUrl, scratch);
  await migrate(url);
  process.env.DATABASE_URL = url;
  resetEnvCache();

  const t0 = performance.now();
  await sql(`
    WITH ws AS (INSERT INTO "Workspace" ("name", "slug") VALUES ('Bench', 'bench') RETURNING "id"),
         u AS (INSERT INTO "User" ("email", "name", "passwordHash", "updatedAt") VALUES ('bench@example.test', 'Bench Analyst', 'x', now()) RETURNING "id")
    INSERT INTO "Membership" ("workspaceId", "userId", "role") SELECT ws."id", u."id", 'ANALYST' FROM ws, u`);
  await sql(`
    INSERT INTO "Actor" ("workspaceId", "name", "kind", "updatedAt") SELECT w."id", 'Actor ' || n, 'STATE', now() FROM "Workspace" w, generate_series(1, 100) n;
    INSERT INTO "Issue" ("workspaceId", "title", "anchors", "updatedAt")
      SELECT w."id", 'Issue ' || n, '[{"value":0,"label":"None"},{"value":100,"label":"All"}]'::jsonb, now() FROM "Workspace" w, generate_series(1, 10) n;
    INSERT INTO "Source" ("workspaceId", "title", "outlet", "publishedAt", "kind", "reliability", "updatedAt")
      SELECT w."id", 'Source ' || n, 'Outlet ' || n, '2015-01-01', 'NEWS', 'B', now() FROM "Workspace" w, generate_series(1, 50) n;`);
  // Issue 1 gets ASSESSMENTS rows over ~3,000 days (about 65 a day: ties on the sort key); the other nine share as many.
  await sql(
    `
    WITH a AS (SELECT "workspaceId", array_agg("id" ORDER BY "name") AS ids FROM "Actor" GROUP BY 1),
         i AS (SELECT array_agg("id" ORDER BY "title") AS ids FROM "Issue"),
         s AS (SELECT array_agg("id") AS ids FROM "Source")
    INSERT INTO "Assessment" ("workspaceId", "actorId", "issueId", "sourceId", "position", "salience", "confidence", "credibility",
                              "stanceDate", "quote", "rationale", "recordedById", "updatedAt")
    SELECT a."workspaceId", a.ids[1 + n % 100], CASE WHEN n <= $1::int THEN i.ids[1] ELSE i.ids[2 + n % 9] END, s.ids[1 + n % 50],
           n % 101, 50, 'MODERATE', 2, DATE '2015-01-01' + (n % 3000), 'quote ' || n, '', (SELECT "id" FROM "User" LIMIT 1), now()
      FROM a, i, s, generate_series(1, 2 * $1::int) AS g(n)`,
    [ASSESSMENTS],
  );
  await sql(`VACUUM ANALYZE`);
  console.log(`  ${(2 * ASSESSMENTS).toLocaleString('en')} assessments, ${ASSESSMENTS.toLocaleString('en')} in the measured issue (${((performance.now() - t0) / 1000).toFixed(1)} s)`);

  const ws = (await sql(`SELECT "id" FROM "Workspace"`)).rows[0].id as string;
  const user = (await sql(`SELECT "id" FROM "User" LIMIT 1`)).rows[0].id as string;
  const issue = (await sql(`SELECT "id" FROM "Issue" WHERE "title" = 'Issue 1'`)).rows[0].id as string;
  const ctx = (await buildContext(user, ws, { kind: 'session', sessionId: 'bench' }))!;
  const params = assessmentListSchema.parse({ issue, limit: String(LIMIT) });
  // One open connection for the SQL baselines, as the app's pool has.
  const client = new pg.Client({ connectionString: url });
  await client.connect();

  console.log(`\nAPI list of one issue's assessments, ${LIMIT} a page, newest first. Median of ${RUNS} runs after a warm-up (ms):`);
  for (const depth of [0, 10_000, 100_000, ASSESSMENTS - LIMIT]) {
    const before =
      depth === 0
        ? null
        : ((
            await sql(
              `SELECT "id", "stanceDate" FROM "Assessment" WHERE "workspaceId" = $1 AND "issueId" = $2 AND "deletedAt" IS NULL
                ORDER BY "stanceDate" DESC, "id" ASC OFFSET $3 LIMIT 1`,
              [ws, issue, depth - 1],
            )
          ).rows[0] as { id: string; stanceDate: Date });
    const cursor = before ? cursorAfter(params, ASSESSMENT_SORTS, before) : undefined;
    // What GET /api/v1/assessments runs (lib/api/resources/assessments.ts list), without the HTTP layer.
    const api = await timeRuns(async () => {
      const page = await listAssessments(ctx, { issue, limit: String(LIMIT), ...(cursor ? { cursor } : {}) }, 'api');
      return { items: page.items.map(toAssessmentDto), nextCursor: page.nextCursor };
    }, RUNS);
    const keyset = await timeRuns(
      async () =>
        (
          await client.query(
            `SELECT * FROM "Assessment" WHERE "workspaceId" = $1 AND "issueId" = $2 AND "deletedAt" IS NULL
               ${before ? `AND "stanceDate" <= $3::date AND ("stanceDate" < $3::date OR ("stanceDate" = $3::date AND "id" > $4::uuid))` : ''}
             ORDER BY "stanceDate" DESC, "id" ASC LIMIT ${LIMIT + 1}`,
            before ? [ws, issue, before.stanceDate, before.id] : [ws, issue],
          )
        ).rows,
      RUNS,
    );
    const offset = await timeRuns(
      async () =>
        (
          await client.query(
            `SELECT * FROM "Assessment" WHERE "workspaceId" = $1 AND "issueId" = $2 AND "deletedAt" IS NULL
             ORDER BY "stanceDate" DESC, "id" ASC OFFSET ${depth} LIMIT ${LIMIT}`,
            [ws, issue],
          )
        ).rows,
      RUNS,
    );
    const same = JSON.stringify(api.last.items.map((r) => r.id)) === JSON.stringify(offset.last.map((r: { id: string }) => r.id));
    console.log(
      `  row ${String(depth).padStart(7)}: API ${api.median.toFixed(1).padStart(6)}  keyset SQL ${keyset.median.toFixed(1).padStart(6)}  ratio ${(api.median / keyset.median).toFixed(2)}  (OFFSET SQL ${offset.median.toFixed(1)})  same rows as OFFSET: ${same}`,
    );
  }
  await client.end();
} finally {
  await disconnectDb().catch(() => undefined);
  if (process.env.KEEP_BENCH_DB !== '1') await dropScratch();
  await handle.stop?.();
}
