/**
 * `npx tsx scripts/bench-write-sql.ts`: what the database does per assessment write, without the app.
 *
 * Creates three scratch databases (four with BENCH_SQL_EXPERIMENT) on the server of DATABASE_URL (or the embedded one), seeded alike
 * (30 actors, 8 issues, 20 sources, BENCH_SQL_EXISTING (5,000) earlier assessments, and a colleague
 * watching 3 of the actors):
 *   no triggers   migrated like "before", then the user triggers of "Assessment" disabled (the floor);
 *   before        migrated with the migrations named before BENCH_SQL_BEFORE (20261204100000);
 *   after         migrated with every migration on disk;
 *   experiment    only with BENCH_SQL_EXPERIMENT: like "after", then that SQL run on it (to measure a
 *                 change before writing its migration).
 * Then, in rounds that alternate the order (so a busy moment of this shared machine falls on all of
 * them), BENCH_SQL_CLIENTS (20) concurrent clients send the statement createAssessment
 * (lib/assessments/commands.ts) sends, for BENCH_SQL_SECONDS (3) per database per round, BENCH_SQL_ROUNDS
 * (4) rounds. Prints writes/s and latency per database and the ratios. First it checks that "before" and
 * "after" end with the same "CurrentReading", "CurrentPosition" and number of notifications after the
 * same 2,000 writes, edits (a quote, a position), a soft and a hard delete, and a source's reliability
 * and origin changed, replayed one by one into fresh copies; exits 1 if not. Scratch databases are dropped.
 */
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { median, rerunWithReactServer, scratchDatabase } from './bench-scratch';

rerunWithReactServer();

const { REPO_ROOT, createDatabaseIfMissing, resolveDatabase } = await import('../lib/db/server');
const { migrate, DEFAULT_MIGRATIONS_DIR } = await import('../lib/db/migrate');

const CLIENTS = Number(process.env.BENCH_SQL_CLIENTS ?? 20);
const SECONDS = Number(process.env.BENCH_SQL_SECONDS ?? 3);
const ROUNDS = Number(process.env.BENCH_SQL_ROUNDS ?? 4);
const EXISTING = Number(process.env.BENCH_SQL_EXISTING ?? 5000);
const BEFORE = process.env.BENCH_SQL_BEFORE ?? '20261204100000';

// The statement of createAssessment, with the same parameters.
const WRITE = `
    WITH refs AS (
      SELECT set_config('stanceboard.acting_user', $13, true) AS "actingUser",
             EXISTS (SELECT 1 FROM "Actor" WHERE id = $2::uuid AND "workspaceId" = $1::uuid AND "deletedAt" IS NULL) AS "actorFound",
             EXISTS (SELECT 1 FROM "Issue" WHERE id = $3::uuid AND "workspaceId" = $1::uuid AND "deletedAt" IS NULL) AS "issueFound",
             EXISTS (SELECT 1 FROM "Source" WHERE id = $4::uuid AND "workspaceId" = $1::uuid AND "deletedAt" IS NULL) AS "sourceFound"
    ), inserted AS (
      INSERT INTO "Assessment" ("workspaceId", "actorId", "issueId", "sourceId", position, salience, capability, confidence, credibility,
                                "stanceDate", quote, rationale, "recordedById", "updatedAt")
      SELECT $1::uuid, $2::uuid, $3::uuid, $4::uuid, $5::float8, $6::float8, $7::float8, $8::"Confidence", $9::int, $10::date, $11, $12, $13::uuid, now()
        FROM refs WHERE "actorFound" AND "issueFound" AND "sourceFound"
      RETURNING id, "workspaceId", "actorId", "issueId", "sourceId", position, salience, capability, confidence::text AS confidence, credibility,
                "stanceDate", quote, rationale, "recordedById", version, "createdAt", "updatedAt", "deletedAt"
    ), revision AS (
      INSERT INTO "AssessmentRevision" ("assessmentId", "workspaceId", version, "editedById", changes, snapshot)
      SELECT id, "workspaceId", 1, $13::uuid, $14::jsonb, $14::jsonb FROM inserted
    )
    SELECT refs."actorFound", refs."issueFound", refs."sourceFound", inserted.* FROM refs LEFT JOIN inserted ON true`;

const SEED = `
  SELECT setseed(0.42);
  INSERT INTO "Workspace" (id, name, slug) VALUES ('00000000-0000-4000-8000-000000000001', 'W', 'w');
  INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt") VALUES
    ('00000000-0000-4000-8000-000000000002', 'analyst@bench.local', 'Analyst', 'x', now()),
    ('00000000-0000-4000-8000-000000000003', 'watcher@bench.local', 'Watcher', 'x', now());
  INSERT INTO "Membership" ("workspaceId", "userId", role) SELECT w.id, u.id, 'ANALYST' FROM "Workspace" w, "User" u;
  INSERT INTO "Actor" (id, "workspaceId", name, kind, "updatedAt")
    SELECT ('00000000-0000-4000-8001-' || lpad(g::text, 12, '0'))::uuid, w.id, 'Actor ' || g, 'STATE', now() FROM "Workspace" w, generate_series(1, 30) g;
  INSERT INTO "Issue" (id, "workspaceId", title, anchors, "updatedAt")
    SELECT ('00000000-0000-4000-8002-' || lpad(g::text, 12, '0'))::uuid, w.id, 'Issue ' || g, '[{"value":0,"label":"no"},{"value":100,"label":"yes"}]', now()
      FROM "Workspace" w, generate_series(1, 8) g;
  INSERT INTO "Source" (id, "workspaceId", title, outlet, "publishedAt", kind, reliability, origin, "updatedAt")
    SELECT ('00000000-0000-4000-8003-' || lpad(g::text, 12, '0'))::uuid, w.id, 'Source ' || g, 'Wire', DATE '2020-11-01' + g, 'NEWS',
           (ARRAY['A','B','C','D','E','F'])[1 + g % 6]::"Reliability", CASE WHEN g % 4 = 0 THEN 'Wire story ' || (g % 3) END, now()
      FROM "Workspace" w, generate_series(1, 20) g;
  INSERT INTO "Watch" ("workspaceId", "userId", "actorId", threshold)
    SELECT w.id, '00000000-0000-4000-8000-000000000003', ('00000000-0000-4000-8001-' || lpad(g::text, 12, '0'))::uuid, 5
      FROM "Workspace" w, generate_series(1, 3) g;
`;

const EXISTING_ROWS = `
  INSERT INTO "Assessment" (id, "workspaceId", "actorId", "issueId", "sourceId", position, salience, confidence, credibility, "stanceDate", quote, "recordedById", "updatedAt")
  SELECT ('00000000-0000-4000-8004-' || lpad(g::text, 12, '0'))::uuid, '00000000-0000-4000-8000-000000000001', ('00000000-0000-4000-8001-' || lpad((1 + (g * 7) % 30)::text, 12, '0'))::uuid,
         ('00000000-0000-4000-8002-' || lpad((1 + (g * 3) % 8)::text, 12, '0'))::uuid, ('00000000-0000-4000-8003-' || lpad((1 + (g * 11) % 20)::text, 12, '0'))::uuid,
         (g * 37) % 1001 / 10.0, 50, (ARRAY['LOW','MODERATE','HIGH'])[1 + g % 3]::"Confidence", 3, DATE '2020-01-01' + (g * 13) % 360,
         'Earlier reading ' || g, '00000000-0000-4000-8000-000000000002', now()
    FROM generate_series(1, $1::int) g;
  ANALYZE;
`;

const WS = '00000000-0000-4000-8000-000000000001';
const ANALYST = '00000000-0000-4000-8000-000000000002';
const id = (kind: number, n: number) => `00000000-0000-4000-800${kind}-${String(n).padStart(12, '0')}`;

/** A deterministic stream of write parameters (a small LCG), so two databases can get the same writes. */
function writes(seed: number) {
  let s = seed >>> 0;
  const next = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0), s / 2 ** 32);
  const int = (n: number) => Math.floor(next() * n);
  return () => {
    const snapshot = {
      actorId: id(1, 1 + int(30)),
      issueId: id(2, 1 + int(8)),
      sourceId: id(3, 1 + int(20)),
      position: int(1001) / 10,
      salience: int(101),
      capability: next() < 0.5 ? null : int(101),
      confidence: ['LOW', 'MODERATE', 'HIGH'][int(3)]!,
      credibility: 1 + int(6),
      stanceDate: `2020-${String(1 + int(12)).padStart(2, '0')}-${String(1 + int(28)).padStart(2, '0')}`,
      quote: `Benchmark reading ${int(1e9)}`,
      rationale: '',
    };
    const s2 = snapshot;
    return [WS, s2.actorId, s2.issueId, s2.sourceId, s2.position, s2.salience, s2.capability, s2.confidence, s2.credibility, s2.stanceDate, s2.quote, s2.rationale, ANALYST, JSON.stringify(snapshot)];
  };
}

interface Run {
  writes: number;
  seconds: number;
  latencies: number[];
}

async function load(pool: pg.Pool, seconds: number, next: () => unknown[]): Promise<Run> {
  const latencies: number[] = [];
  const start = performance.now();
  const end = start + seconds * 1000;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (performance.now() < end) {
        const t = performance.now();
        const { rows } = await pool.query(WRITE, next());
        if (!rows[0]?.id) throw new Error('write refused');
        latencies.push(performance.now() - t);
      }
    }),
  );
  return { writes: latencies.length, seconds: (performance.now() - start) / 1000, latencies };
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? NaN;
};

const handle = await resolveDatabase((line) => console.log(line));
const beforeDir = mkdtempSync(path.join(os.tmpdir(), 'sb-migrations-before-'));
for (const name of readdirSync(DEFAULT_MIGRATIONS_DIR)) {
  if (name < BEFORE || !/^\d/.test(name)) cpSync(path.join(DEFAULT_MIGRATIONS_DIR, name), path.join(beforeDir, name), { recursive: true });
}
// BENCH_SQL_EXPERIMENT: SQL run on a fourth database migrated like "after", measured alongside (to try a change before writing its migration).
const EXPERIMENT = process.env.BENCH_SQL_EXPERIMENT;
const names = {
  floor: `sb_bench_wsql_floor_${process.pid}`,
  before: `sb_bench_wsql_before_${process.pid}`,
  after: `sb_bench_wsql_after_${process.pid}`,
  experiment: `sb_bench_wsql_experiment_${process.pid}`,
};
const dbs = Object.fromEntries(Object.entries(names).map(([k, n]) => [k, scratchDatabase(handle.url, n)])) as Record<keyof typeof names, ReturnType<typeof scratchDatabase>>;
const pools: pg.Pool[] = [];
let failed = false;

async function prepare(which: keyof typeof names, dir: string, existing: number) {
  const db = dbs[which];
  await db.drop();
  await createDatabaseIfMissing(db.adminUrl, names[which]);
  await migrate(db.url, { dir });
  await db.sql(SEED);
  for (const statement of EXISTING_ROWS.split(';').filter((s) => s.trim())) await db.sql(statement, statement.includes('$1') ? [existing] : []);
}

const summaryOf = async (db: ReturnType<typeof scratchDatabase>) =>
  (
    await db.sql(`
    SELECT (SELECT md5(string_agg(format('%s/%s/%s/%s/%s', c."issueId", c."actorId", c."sourceId", a.quote, c."position"), ',' ORDER BY c."issueId", c."actorId", c."sourceId")) FROM "CurrentReading" c JOIN "Assessment" a ON a.id = c."assessmentId") AS readings,
           (SELECT md5(string_agg(format('%s/%s/%s/%s/%s/%s/%s/%s/%s/%s', "issueId", "actorId", round("position"::numeric, 9), round("median"::numeric, 9), "min", "max", "sources", "origins", round("weight"::numeric, 9), "asOf"), ',' ORDER BY "issueId", "actorId")) FROM "CurrentPosition") AS positions,
           (SELECT count(*) FROM "Notification") AS notifications`)
  ).rows[0] as { readings: string; positions: string; notifications: string };

try {
  console.log(`Machine: ${os.cpus()[0]?.model ?? 'unknown CPU'} × ${os.cpus().length}, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  console.log(`before = migrations < ${BEFORE}; after = every migration in ${path.relative(REPO_ROOT, DEFAULT_MIGRATIONS_DIR)}`);

  // Same writes, one at a time, into fresh "before" and "after": the summary tables must agree.
  await prepare('before', beforeDir, EXISTING);
  await prepare('after', DEFAULT_MIGRATIONS_DIR, EXISTING);
  for (const which of ['before', 'after'] as const) {
    const client = new pg.Client({ connectionString: dbs[which].url });
    await client.connect();
    const next = writes(7);
    for (let i = 0; i < 2000; i++) await client.query(WRITE, next());
    const currentByQuote = `SELECT c."assessmentId" FROM "CurrentReading" c JOIN "Assessment" x ON x.id = c."assessmentId" ORDER BY x.quote`;
    // An edit of a quote only, an edit of a position, a soft delete and a hard delete, each of a current reading.
    await client.query(`UPDATE "Assessment" SET quote = quote || '!' WHERE id IN (${currentByQuote} LIMIT 5)`);
    await client.query(`UPDATE "Assessment" SET position = 100 - position WHERE id IN (${currentByQuote} OFFSET 5 LIMIT 5)`);
    await client.query(`UPDATE "Assessment" SET "deletedAt" = now() WHERE id IN (${currentByQuote} OFFSET 10 LIMIT 5)`);
    await client.query(`DELETE FROM "Assessment" WHERE id IN (${currentByQuote} OFFSET 15 LIMIT 5)`);
    await client.query(`UPDATE "Source" SET reliability = 'A' WHERE id = $1`, [id(3, 5)]);
    await client.query(`UPDATE "Source" SET origin = 'Wire story 1' WHERE id = $1`, [id(3, 6)]);
    await client.end();
  }
  const [b, a] = [await summaryOf(dbs.before), await summaryOf(dbs.after)];
  const same = b.readings === a.readings && b.positions === a.positions && b.notifications === a.notifications;
  console.log(
    `Same 2,000 writes + edits replayed into both: CurrentReading ${b.readings === a.readings ? 'same' : 'DIFFERENT'}, CurrentPosition ${b.positions === a.positions ? 'same' : 'DIFFERENT'}, notifications ${b.notifications} vs ${a.notifications}`,
  );
  if (!same) failed = true;

  await prepare('floor', beforeDir, EXISTING);
  await dbs.floor.sql(`ALTER TABLE "Assessment" DISABLE TRIGGER USER`);
  await prepare('before', beforeDir, EXISTING);
  await prepare('after', DEFAULT_MIGRATIONS_DIR, EXISTING);
  if (EXPERIMENT) {
    await prepare('experiment', DEFAULT_MIGRATIONS_DIR, EXISTING);
    await dbs.experiment.sql(EXPERIMENT);
  }

  const variants = [
    { name: 'no triggers (floor)', key: 'floor' as const },
    { name: 'before (triggers as on main)', key: 'before' as const },
    { name: 'after (this branch)', key: 'after' as const },
    ...(EXPERIMENT ? [{ name: 'experiment', key: 'experiment' as const }] : []),
  ].map((v) => ({ ...v, pool: new pg.Pool({ connectionString: dbs[v.key].url, max: CLIENTS }), runs: [] as Run[] }));
  pools.push(...variants.map((v) => v.pool));
  for (const v of variants) await load(v.pool, 1, writes(1)); // warm-up: connections, plans

  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? variants : [...variants].reverse();
    for (const v of order) v.runs.push(await load(v.pool, SECONDS, writes(100 + round)));
    process.stdout.write(`round ${round + 1}/${ROUNDS} done\n`);
  }

  console.log(`\n${CLIENTS} clients, ${ROUNDS} rounds × ${SECONDS} s per database, load average now ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  console.log(`${'What'.padEnd(30)} ${'writes/s'.padStart(9)} ${'(rounds)'.padStart(26)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'DB ms/write'.padStart(12)}`);
  const rate = (v: (typeof variants)[number]) => v.runs.reduce((n, r) => n + r.writes, 0) / v.runs.reduce((s, r) => s + r.seconds, 0);
  for (const v of variants) {
    const all = v.runs.flatMap((r) => r.latencies);
    console.log(
      `${v.name.padEnd(30)} ${rate(v).toFixed(0).padStart(9)} ${v.runs.map((r) => (r.writes / r.seconds).toFixed(0)).join(' ').padStart(26)} ${percentile(all, 50).toFixed(1).padStart(8)} ${percentile(all, 99).toFixed(1).padStart(8)} ${((1000 * os.availableParallelism()) / rate(v)).toFixed(2).padStart(12)}`,
    );
  }
  const [floor, before, after, experiment] = variants.map(rate) as [number, number, number, number | undefined];
  const perRound = variants[2]!.runs.map((r, i) => r.writes / r.seconds / (variants[1]!.runs[i]!.writes / variants[1]!.runs[i]!.seconds));
  console.log(`\nafter / before: ${(after / before).toFixed(2)}× writes/s (per round: ${perRound.map((x) => x.toFixed(2)).join(' ')}, median ${median(perRound).toFixed(2)})`);
  if (experiment) console.log(`experiment / after: ${(experiment / after).toFixed(2)}×`);
  console.log(`trigger cost per write (1 / rate − 1 / floor, × ${os.availableParallelism()} cores): before ${((1000 * os.availableParallelism()) * (1 / before - 1 / floor)).toFixed(2)} ms, after ${((1000 * os.availableParallelism()) * (1 / after - 1 / floor)).toFixed(2)} ms`);
} catch (error) {
  console.error(error);
  failed = true;
} finally {
  await Promise.all(pools.map((p) => p.end()));
  for (const db of Object.values(dbs)) await db.drop().catch((error: unknown) => console.error('Could not drop a scratch database:', error));
  rmSync(beforeDir, { recursive: true, force: true });
  await handle.stop();
}
process.exit(failed ? 1 : 0);
