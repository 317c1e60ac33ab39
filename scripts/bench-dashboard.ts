/**
 * Benchmark of the stance dashboard queries: `npx tsx scripts/bench-dashboard.ts` (or `npm run bench:dashboard`).
 *
 * Creates a scratch database on the server of DATABASE_URL (or the embedded one, see lib/db/server.ts),
 * migrates it, and generates years of data with INSERT … SELECT generate_series:
 *   the measured workspace: 10 actors × 3 sources × 3 issues × every day for 10 years ≈ 329,000 assessments
 *   (≈ 110,000 on the issue that is charted), plus a second workspace of the same size that must not be read.
 * Then it times, with every index (the migrations as shipped) and again without the indexes of
 * prisma/migrations/20261125100000_stance_indexes (dropped, measured, re-created in the same run):
 *   stanceSeries (default filters, and filtered), largestShifts, issueSpread, sourceComparison, actorProfile;
 * plus a naive baseline measured in the same run: fetch every reading of the issue with Prisma and
 * aggregate and thin in JavaScript. It prints the points each call returns. The scratch database is
 * dropped at the end (KEEP_BENCH_DB=1 keeps it). BENCH_YEARS (default 10) and BENCH_RUNS (default 5) tune it.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { median, rerunWithReactServer, scratchDatabase } from './bench-scratch';

rerunWithReactServer();

const { REPO_ROOT, createDatabaseIfMissing, resolveDatabase } = await import('../lib/db/server');
const { migrate } = await import('../lib/db/migrate');
const { resetEnvCache } = await import('../lib/env');
const { db, disconnectDb } = await import('../lib/db');
const { buildContext } = await import('../lib/auth/context');
const stance = {
  ...(await import('../lib/stance/series')),
  ...(await import('../lib/stance/dashboard')),
  ...(await import('../lib/stance/source-comparison')),
  ...(await import('../lib/stance/actor-profile')),
};
const { thinSeries } = await import('../lib/stance/thinning');
const { readingWeightTenths } = await import('../lib/stance/weights');

const YEARS = Number(process.env.BENCH_YEARS ?? 10);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const MIGRATION = path.join(REPO_ROOT, 'prisma/migrations/20261125100000_stance_indexes/migration.sql');

const handle = await resolveDatabase((line) => console.log(line));
const scratch = `sb_bench_${process.pid}`;
const { adminUrl, url, sql, drop: dropScratch } = scratchDatabase(handle.url, scratch);

async function time<T>(label: string, fn: () => Promise<T>, describe: (r: T) => string): Promise<{ label: string; median: number; best: number; note: string }> {
  let last = await fn(); // warm-up (plans, caches, connections)
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    last = await fn();
    times.push(performance.now() - t);
  }
  return { label, median: median(times), best: Math.min(...times), note: describe(last) };
}

try {
  console.log(`Machine: ${os.cpus()[0]?.model ?? 'unknown CPU'} × ${os.cpus().length}, Node ${process.version}`);
  await dropScratch();
  await createDatabaseIfMissing(adminUrl, scratch);
  await migrate(url);
  process.env.DATABASE_URL = url;
  resetEnvCache();

  console.log(`Generating ${YEARS} years of daily readings in ${scratch}...`);
  const t0 = performance.now();
  await sql(`SELECT setseed(0.42)`);
  await sql(`
    WITH ws AS (
      INSERT INTO "Workspace" ("name", "slug") VALUES ('Bench', 'bench'), ('Other team', 'other') RETURNING "id", "slug"
    ), u AS (
      INSERT INTO "User" ("email", "name", "passwordHash", "updatedAt") VALUES ('bench@example.test', 'Bench Analyst', 'x', now()) RETURNING "id"
    )
    INSERT INTO "Membership" ("workspaceId", "userId", "role") SELECT ws."id", u."id", 'ANALYST' FROM ws, u`);
  await sql(`
    INSERT INTO "Actor" ("workspaceId", "name", "kind", "updatedAt")
      SELECT w."id", 'Actor ' || n, 'STATE', now() FROM "Workspace" w, generate_series(1, 10) n;
    INSERT INTO "Issue" ("workspaceId", "title", "anchors", "updatedAt")
      SELECT w."id", 'Issue ' || n, '[{"value":0,"label":"None"},{"value":100,"label":"All"}]'::jsonb, now() FROM "Workspace" w, generate_series(1, 3) n;
    INSERT INTO "Source" ("workspaceId", "title", "outlet", "publishedAt", "kind", "reliability", "updatedAt")
      SELECT w."id", 'Source ' || n, 'Outlet ' || n, '2015-01-01', (ARRAY['NEWS','THINK_TANK','OFFICIAL_STATEMENT'])[n]::"SourceKind",
             (ARRAY['A','C','F'])[n]::"Reliability", now()
      FROM "Workspace" w, generate_series(1, 3) n;`);
  await sql(
    `
    INSERT INTO "Assessment" ("workspaceId", "actorId", "issueId", "sourceId", "position", "salience", "confidence", "credibility",
                              "stanceDate", "quote", "recordedById", "updatedAt")
    SELECT ac."workspaceId", ac."id", i."id", s."id",
           greatest(0, least(100, 50 + 35 * sin(d.n / 365.0 * 2 * pi() / (1 + right(ac."name", 1)::int % 4) + right(ac."name", 1)::int)
                                  + (random() - 0.5) * 25 + right(s."title", 1)::int * 4)),
           50, (ARRAY['LOW','MODERATE','HIGH'])[1 + floor(random() * 3)::int]::"Confidence", 1 + floor(random() * 6)::int,
           DATE '2015-01-01' + d.n, 'Reading ' || d.n || ' of ' || ac."name" || ' by ' || s."outlet" || ': "quoted", with, commas',
           (SELECT "id" FROM "User" LIMIT 1), now()
    FROM generate_series(0, $1::int - 1) AS d(n)
    JOIN "Actor" ac ON true
    JOIN "Issue" i ON i."workspaceId" = ac."workspaceId"
    JOIN "Source" s ON s."workspaceId" = ac."workspaceId"`,
    [Math.round(YEARS * 365.25)],
  );
  // Steady state: autovacuum would have set the visibility map (index-only scans need it) and statistics.
  await sql(`VACUUM ANALYZE`);
  const { rows: counts } = await sql(
    `SELECT w."slug", count(*)::int AS n FROM "Assessment" a JOIN "Workspace" w ON w."id" = a."workspaceId" GROUP BY w."slug" ORDER BY 1`,
  );
  console.log(`  ${counts.map((c) => `${c.slug}: ${c.n.toLocaleString('en')} assessments`).join(', ')} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);

  const ws = (await sql(`SELECT "id" FROM "Workspace" WHERE "slug" = 'bench'`)).rows[0].id as string;
  const user = (await sql(`SELECT "id" FROM "User" LIMIT 1`)).rows[0].id as string;
  const issueId = (await sql(`SELECT "id" FROM "Issue" WHERE "workspaceId" = $1 AND "title" = 'Issue 1'`, [ws])).rows[0].id as string;
  const actorId = (await sql(`SELECT "id" FROM "Actor" WHERE "workspaceId" = $1 AND "name" = 'Actor 1'`, [ws])).rows[0].id as string;
  const sourceId = (await sql(`SELECT "id" FROM "Source" WHERE "workspaceId" = $1 AND "title" = 'Source 1'`, [ws])).rows[0].id as string;
  const issueRows = (await sql(`SELECT count(*)::int AS n FROM "Assessment" WHERE "issueId" = $1`, [issueId])).rows[0].n as number;
  const ctx = (await buildContext(user, ws, { kind: 'session', sessionId: 'bench' }))!;

  const points = (r: Awaited<ReturnType<typeof stance.stanceSeries>>) => {
    const readings = r.series.map((s) => s.readings.length);
    const buckets = r.series.map((s) => s.buckets.length);
    return `${r.series.length} series, ${r.bucketUnit} buckets: ${Math.max(...buckets)} per line, readings sent ${readings.reduce((a, b) => a + b, 0).toLocaleString('en')} (max ${Math.max(...readings)} per series) of ${r.series.reduce((a, s) => a + s.total, 0).toLocaleString('en')}`;
  };
  const cases = () => [
    () => time('stanceSeries (defaults: auto buckets, mean)', () => stance.stanceSeries(ctx, issueId, {}), points),
    () =>
      time(
        'stanceSeries (last 2 years, 1 source, min. confidence MODERATE, weighted median)',
        () =>
          stance.stanceSeries(ctx, issueId, {
            from: `${2015 + YEARS - 2}-01-01`,
            sources: [sourceId],
            minConfidence: 'MODERATE',
            agg: 'median',
            weighted: true,
          }),
        points,
      ),
    () => time('largestShifts (all time, top 10)', () => stance.largestShifts(ctx, { limit: 10 }), (r) => `${r.length} shifts`),
    () =>
      time(
        'largestShifts (last 30 days, weekly buckets)',
        () => stance.largestShifts(ctx, { since: `${2015 + YEARS - 1}-12-01`, bucket: 'week', limit: 10 }),
        (r) => `${r.length} shifts`,
      ),
    () => time('issueSpread (every issue, every actor)', () => stance.issueSpread(ctx), (r) => `${r.reduce((a, x) => a + x.actors.length, 0)} positions`),
    () => time('sourceComparison (one actor, one issue)', () => stance.sourceComparison(ctx, actorId, issueId), (r) => `${r.placements.length} sources`),
    () =>
      time('actorProfile (3 issues, small multiples)', () => stance.actorProfile(ctx, actorId), (r) =>
        `${r.issues.length} issues, ${r.issues.reduce((a, i) => a + i.series.readings.length, 0)} readings sent`,
      ),
  ];

  const naive = () =>
    time(
      'BASELINE naive: Prisma findMany of the issue + aggregate and thin in JS',
      async () => {
        const rows = await db().assessment.findMany({
          where: { workspaceId: ws, issueId, deletedAt: null, actor: { deletedAt: null }, source: { deletedAt: null } },
          select: { id: true, actorId: true, position: true, stanceDate: true, confidence: true, source: { select: { reliability: true } } },
        });
        const byActor = new Map<string, typeof rows>();
        for (const r of rows) (byActor.get(r.actorId) ?? byActor.set(r.actorId, []).get(r.actorId)!).push(r);
        const out = [];
        for (const [actor, list] of byActor) {
          const weeks = new Map<string, { sum: number; w: number; wsum: number; n: number }>();
          for (const r of list) {
            const d = new Date(r.stanceDate);
            d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
            const k = d.toISOString().slice(0, 10);
            const b = weeks.get(k) ?? weeks.set(k, { sum: 0, w: 0, wsum: 0, n: 0 }).get(k)!;
            const w = readingWeightTenths(r.confidence, r.source.reliability);
            b.sum += r.position;
            b.n += 1;
            b.w += w;
            b.wsum += w * r.position;
          }
          const thinned = thinSeries(list.map((r) => ({ id: r.id, date: r.stanceDate.toISOString().slice(0, 10), position: r.position })));
          out.push({ actor, buckets: weeks.size, readings: thinned.length, total: list.length });
        }
        return out;
      },
      (r) => `${r.length} series, ${Math.max(...r.map((x) => x.buckets))} week buckets per line, ${Math.max(...r.map((x) => x.readings))} readings per series (means only; no medians, no quotes)`,
    );

  const migrationSql = readFileSync(MIGRATION, 'utf8');
  const ours = [...migrationSql.matchAll(/CREATE INDEX "([^"]+)"/g)].map((m) => m[1]!);

  console.log(`\nCharted issue: ${issueRows.toLocaleString('en')} assessments (10 actors × 3 sources × ${Math.round(YEARS * 365.25)} days); ${RUNS} timed runs each after a warm-up.\n`);
  const results: { phase: string; label: string; median: number; best: number; note: string }[] = [];
  for (const run of cases()) results.push({ phase: 'with indexes', ...(await run()) });
  results.push({ phase: 'baseline', ...(await naive()) });

  if (ours.length) {
    for (const name of ours) await sql(`DROP INDEX "${name}"`);
    await sql('ANALYZE "Assessment"');
    for (const run of cases()) results.push({ phase: `without ${ours.join(', ')}`, ...(await run()) });
    await sql(migrationSql);
    await sql('ANALYZE "Assessment"');
  }

  let phase = '';
  for (const r of results) {
    if (r.phase !== phase) console.log(`\n== ${(phase = r.phase)}`);
    console.log(`${r.label.padEnd(82)} median ${r.median.toFixed(1).padStart(7)} ms  best ${r.best.toFixed(1).padStart(7)} ms   ${r.note}`);
  }
} finally {
  await disconnectDb();
  if (process.env.KEEP_BENCH_DB === '1') console.log(`\nKept ${url}`);
  else await dropScratch();
  await handle.stop();
}
