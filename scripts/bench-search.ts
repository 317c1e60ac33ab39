/**
 * Benchmark of the global search (lib/search/queries.ts): `npx tsx scripts/bench-search.ts` (or `npm run bench:search`).
 *
 * Creates a scratch database on the server of DATABASE_URL (or the embedded one), migrates it and
 * generates BENCH_ASSESSMENTS (default 500,000) assessments whose quotes and rationales draw words from a
 * 5,000-word synthetic vocabulary, plus a few rare and a very common word, 200 actors with aliases and
 * 50 sources, all in the measured workspace, and a tenth as many in a second workspace that must not be read. Then it times searchWorkspace (every kind of record, six queries in one transaction) for a rare
 * word, a very common word (in a fifth of all quotes), a prefix, two words, and a misspelled actor
 * name; and, in the same run, the baseline without the search columns: ILIKE '%word%' over quotes and
 * rationales. The scratch database is dropped at the end (KEEP_BENCH_DB=1 keeps it).
 */
import os from 'node:os';
import { rerunWithReactServer, scratchDatabase, timeRuns } from './bench-scratch';

rerunWithReactServer();

const { createDatabaseIfMissing, resolveDatabase } = await import('../lib/db/server');
const { migrate } = await import('../lib/db/migrate');
const { resetEnvCache } = await import('../lib/env');
const { disconnectDb } = await import('../lib/db');
const { buildContext } = await import('../lib/auth/context');
const { searchWorkspace } = await import('../lib/search/queries');

const ASSESSMENTS = Number(process.env.BENCH_ASSESSMENTS ?? 500_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

const handle = await resolveDatabase((line) => console.log(line));
const scratch = `sb_bench_search_${process.pid}`;
const { adminUrl, url, sql, drop: dropScratch } = scratchDatabase(handle.url, scratch);
const time = <T>(fn: () => Promise<T>) => timeRuns(fn, RUNS);

try {
  console.log(`Machine: ${os.cpus()[0]?.model ?? 'unknown CPU'} × ${os.cpus().length}, Node ${process.version}`);
  await dropScratch();
  await createDatabaseIfMissing(adminUrl, scratch);
  await migrate(url);
  process.env.DATABASE_URL = url;
  resetEnvCache();

  console.log(`Generating ${ASSESSMENTS.toLocaleString('en')} assessments (and a tenth as many in another workspace) in ${scratch}...`);
  const t0 = performance.now();
  await sql(`SELECT setseed(0.42)`);
  await sql(`
    WITH ws AS (
      INSERT INTO "Workspace" ("name", "slug") VALUES ('Bench', 'bench'), ('Other team', 'other') RETURNING "id"
    ), u AS (
      INSERT INTO "User" ("email", "name", "passwordHash", "updatedAt") VALUES ('bench@example.test', 'Bench Analyst', 'x', now()) RETURNING "id"
    )
    INSERT INTO "Membership" ("workspaceId", "userId", "role") SELECT ws."id", u."id", 'ANALYST' FROM ws, u`);
  await sql(`
    INSERT INTO "Actor" ("workspaceId", "name", "kind", "aliases", "updatedAt")
      SELECT w."id", 'Actor ' || n, 'STATE', ARRAY['Capital ' || n], now() FROM "Workspace" w, generate_series(1, 199) n;
    INSERT INTO "Actor" ("workspaceId", "name", "kind", "aliases", "updatedAt")
      SELECT w."id", 'Nikol Pashinyan', 'PERSON', ARRAY['Pashinyan', 'Yerevan'], now() FROM "Workspace" w;
    INSERT INTO "Issue" ("workspaceId", "title", "anchors", "updatedAt")
      SELECT w."id", 'Issue ' || n, '[{"value":0,"label":"None"},{"value":100,"label":"All"}]'::jsonb, now() FROM "Workspace" w, generate_series(1, 10) n;
    INSERT INTO "Source" ("workspaceId", "title", "outlet", "publishedAt", "kind", "reliability", "updatedAt")
      SELECT w."id", 'Source ' || n, 'Outlet ' || n, '2015-01-01', 'NEWS', 'B', now() FROM "Workspace" w, generate_series(1, 50) n;`);
  // Quotes of 12 words from a 5,000-word vocabulary; "ceasefire" in every fifth, "zanzibar" in 20 rows.
  await sql(
    `
    WITH actors AS (SELECT a."workspaceId", array_agg(a."id") AS ids, min(w."slug") AS slug FROM "Actor" a JOIN "Workspace" w ON w."id" = a."workspaceId" GROUP BY 1),
         issues AS (SELECT "workspaceId", array_agg("id") AS ids FROM "Issue" GROUP BY 1),
         sources AS (SELECT "workspaceId", array_agg("id") AS ids FROM "Source" GROUP BY 1)
    INSERT INTO "Assessment" ("workspaceId", "actorId", "issueId", "sourceId", "position", "salience", "confidence", "credibility",
                              "stanceDate", "quote", "rationale", "recordedById", "updatedAt")
    SELECT a."workspaceId", a.ids[1 + n % 200], i.ids[1 + n % 10], s.ids[1 + n % 50], 50, 50, 'MODERATE', 2,
           DATE '2015-01-01' + (n % 3650),
           (SELECT string_agg('word' || floor(random() * 5000 + (j + n) * 0)::int, ' ') FROM generate_series(1, 12) AS k(j))
             || CASE WHEN n % 5 = 0 THEN ' ceasefire' ELSE '' END || CASE WHEN n % 25000 = 7 THEN ' zanzibar' ELSE '' END,
           'rationale term' || (n % 997),
           (SELECT "id" FROM "User" LIMIT 1), now()
      FROM actors a
      CROSS JOIN LATERAL generate_series(1, CASE WHEN a.slug = 'bench' THEN $1::int ELSE $1::int / 10 END) AS g(n)
      JOIN issues i ON i."workspaceId" = a."workspaceId" JOIN sources s ON s."workspaceId" = a."workspaceId"`,
    [ASSESSMENTS],
  );
  await sql(`VACUUM ANALYZE`);
  const { rows: counts } = await sql(`SELECT w."slug", count(*)::int AS n FROM "Assessment" a JOIN "Workspace" w ON w."id" = a."workspaceId" GROUP BY 1 ORDER BY 1`);
  console.log(`  ${counts.map((c) => `${c.slug}: ${c.n.toLocaleString('en')} assessments`).join(', ')} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);

  const ws = (await sql(`SELECT "id" FROM "Workspace" WHERE "slug" = 'bench'`)).rows[0].id as string;
  const user = (await sql(`SELECT "id" FROM "User" LIMIT 1`)).rows[0].id as string;
  const ctx = (await buildContext(user, ws, { kind: 'session', sessionId: 'bench' }))!;
  const count = (r: Awaited<ReturnType<typeof searchWorkspace>>) =>
    r.groups.filter((g) => g.hits.length).map((g) => `${g.kind} ${g.hits.length}`).join(', ') || 'nothing';

  const rows: [string, string, number, number, string][] = [];
  for (const [label, q] of [
    ['rare word (20 quotes)', 'zanzibar'],
    ['very common word (1 in 5 quotes)', 'ceasefire'],
    ['prefix of many words', 'word12'],
    ['two words', 'ceasefire word42'],
    ['misspelled actor name', 'Pashinian'],
  ] as const) {
    const r = await time(() => searchWorkspace(ctx, { q }));
    rows.push([`searchWorkspace: ${label}`, q, r.median, r.best, count(r.last)]);
  }
  for (const [label, q] of [
    ['rare word', 'zanzibar'],
    ['very common word', 'ceasefire'],
  ] as const) {
    const r = await time(async () =>
      (
        await sql(
          `SELECT "id" FROM "Assessment" WHERE "workspaceId" = $1 AND "deletedAt" IS NULL AND ("quote" ILIKE $2 OR "rationale" ILIKE $2) ORDER BY "stanceDate" DESC LIMIT 8`,
          [ws, `%${q}%`],
        )
      ).rows.length,
    );
    rows.push([`BASELINE ILIKE on quotes and rationales only: ${label}`, q, r.median, r.best, `${r.last} assessments`]);
  }
  console.log(`\nMedian of ${RUNS} runs after a warm-up (ms):`);
  for (const [label, q, med, best, note] of rows) console.log(`  ${med.toFixed(1).padStart(8)}  (best ${best.toFixed(1)})  ${label} "${q}": ${note}`);
} finally {
  await disconnectDb().catch(() => undefined);
  if (process.env.KEEP_BENCH_DB !== '1') await dropScratch();
  await handle.stop?.();
}
