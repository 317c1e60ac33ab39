/**
 * `npm run bench`: issue 11's measurements at ten years of data, each beside its hand-written SQL
 * baseline measured in the same run.
 *
 * Builds a scratch database on the server of DATABASE_URL (or the embedded one): one workspace with
 * 500,000 assessments (BENCH_SIZE=small: 20,000) over 50 actors, 20 issues and 200 sources, stance dates
 * 2016-2025, skewed the way real desks are (a few actors, issues and sources get most readings), plus a
 * second workspace that must never be read. Then it starts the built app (`next build` first when there
 * is no build) on that database and measures:
 *   - GET /issues/:id (the busiest issue) over HTTP: p50, p95, bytes; baseline: mean per actor per week in SQL;
 *   - the same right after a write to that issue, to the newest reading's actor and to the busiest actor
 *     (the frame and that actor's line are computed again: lib/stance/chart-cache.ts);
 *   - GET /assessments?q= (quote search) for a common and a rare word; baseline: the first page by ILIKE in SQL;
 *   - GET / (dashboard) over HTTP: p50, p95, bytes; baseline: its current positions by a scan of every reading;
 *   - where each actor stands now (lib/stance/current-position.ts, from the maintained current readings)
 *     against the same figure computed by scanning every reading;
 *   - the app server's peak RSS.
 * Prints the table, writes a JSON report (BENCH_REPORT, default .data/bench/report-<size>.json) with the
 * machine's details, and exits 1 when a target is missed. KEEP_BENCH_DB=1 keeps the scratch database;
 * BENCH_DB=<name> reuses one built before (skips the generation); BENCH_GENERATE_ONLY=1 only builds it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { ensureBuild } from './bench-scratch';

// lib/ is `server-only`; outside Next that package throws unless the react-server condition is set.
if (!process.execArgv.some((a) => a.includes('react-server')) && !(process.env.NODE_OPTIONS ?? '').includes('react-server')) {
  const result = spawnSync(process.execPath, [...process.execArgv, '--conditions=react-server', ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}

const { REPO_ROOT, createDatabaseIfMissing, resolveDatabase } = await import('../lib/db/server');
const { migrate } = await import('../lib/db/migrate');
const { resetEnvCache } = await import('../lib/env');
const { disconnectDb } = await import('../lib/db');
const { buildContext } = await import('../lib/auth/context');
const { hashPassword } = await import('../lib/auth/password');
const { currentPositions } = await import('../lib/stance/current-position');

const SMALL = process.env.BENCH_SIZE === 'small';
const SIZE = SMALL ? 20_000 : 500_000;
const RUNS = Number(process.env.BENCH_RUNS ?? (SMALL ? 10 : 20));
const PORT = Number(process.env.BENCH_PORT ?? 3917);
const PASSWORD = 'bench-password-2026';
const REPORT = process.env.BENCH_REPORT ?? path.join(REPO_ROOT, '.data', 'bench', `report-${SMALL ? 'small' : 'full'}.json`);

const handle = await resolveDatabase((line) => console.log(line));
const serverUrl = new URL(handle.url);
const scratch = process.env.BENCH_DB ?? `sb_bench_${SMALL ? 'small' : 'full'}_${process.pid}`;
const adminUrl = Object.assign(new URL(serverUrl), { pathname: '/postgres' }).toString();
const url = Object.assign(new URL(serverUrl), { pathname: `/${scratch}` }).toString();

const pool = new pg.Pool({ connectionString: url, max: 4 });
const sql = (text: string, params: unknown[] = []) => pool.query(text, params);

async function admin(text: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

/** The app's server processes (npm start runs WEB_CONCURRENCY, default one per core; lib/env.ts webConcurrency). */
const SERVER_PROCESSES = Number(process.env.WEB_CONCURRENCY) || os.availableParallelism();

async function timeIt(fn: () => Promise<unknown>, runs = RUNS, before?: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  // Warm-up: plans, caches, and the route's code loaded in every server process (the cluster hands
  // consecutive connections to the processes in turn; a route's first request in a process loads its chunks).
  for (let i = 0; i < SERVER_PROCESSES; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    await before?.(); // untimed
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

async function generate() {
  console.log(`Generating ${SIZE.toLocaleString('en')} assessments in ${scratch}...`);
  const t0 = performance.now();
  await admin(`DROP DATABASE IF EXISTS "${scratch}" WITH (FORCE)`);
  await createDatabaseIfMissing(adminUrl, scratch);
  await migrate(url);
  const hash = await hashPassword(PASSWORD);
  await sql(`SELECT setseed(0.11)`);
  await sql(
    `WITH ws AS (INSERT INTO "Workspace" ("name", "slug") VALUES ('Bench desk', 'bench'), ('Other team', 'other') RETURNING "id"),
          u AS (INSERT INTO "User" ("email", "name", "passwordHash", "updatedAt") VALUES ('bench@example.test', 'Bench Analyst', $1, now()) RETURNING "id")
     INSERT INTO "Membership" ("workspaceId", "userId", "role") SELECT ws."id", u."id", 'ANALYST' FROM ws, u`,
    [hash],
  );
  await sql(`
    INSERT INTO "Actor" ("workspaceId", "name", "kind", "updatedAt")
      SELECT w."id", 'Actor ' || lpad(n::text, 2, '0'), 'STATE', now() FROM "Workspace" w, generate_series(1, 50) n;
    INSERT INTO "Issue" ("workspaceId", "title", "anchors", "updatedAt")
      SELECT w."id", 'Issue ' || lpad(n::text, 2, '0'), '[{"value":0,"label":"None"},{"value":50,"label":"Half"},{"value":100,"label":"All"}]'::jsonb, now()
      FROM "Workspace" w, generate_series(1, 20) n;
    INSERT INTO "Source" ("workspaceId", "title", "outlet", "publishedAt", "kind", "reliability", "updatedAt")
      SELECT w."id", 'Source ' || lpad(n::text, 3, '0'), 'Outlet ' || lpad(n::text, 3, '0'), '2016-01-01',
             (ARRAY['NEWS','THINK_TANK','OFFICIAL_STATEMENT','INTERVIEW','SOCIAL_MEDIA','OTHER'])[1 + n % 6]::"SourceKind",
             (ARRAY['A','B','C','D','E','F'])[1 + n % 6]::"Reliability", now()
      FROM "Workspace" w, generate_series(1, 200) n;`);
  // Skew: index = 1 + floor(count × u^k) puts most readings on the first actors, issues and sources
  // (k = 1.5 on 20 issues: the busiest issue gets about 14% of all readings).
  const insert = (workspaceSlug: string, count: number) =>
    sql(
      `WITH w AS (SELECT "id" FROM "Workspace" WHERE "slug" = $2),
            ids AS (
              SELECT (SELECT array_agg("id" ORDER BY "name") FROM "Actor" WHERE "workspaceId" = w."id") AS actors,
                     (SELECT array_agg("id" ORDER BY "title") FROM "Issue" WHERE "workspaceId" = w."id") AS issues,
                     (SELECT array_agg("id" ORDER BY "title") FROM "Source" WHERE "workspaceId" = w."id") AS sources,
                     (SELECT "id" FROM "User" LIMIT 1) AS analyst, w."id" AS ws
              FROM w),
            g AS (
              SELECT n, 1 + floor(50 * power(random(), 1.8))::int AS ai, 1 + floor(20 * power(random(), 1.5))::int AS ii,
                     1 + floor(200 * power(random(), 1.5))::int AS si, floor(random() * 3653)::int AS d
              FROM generate_series(1, $1::int) n)
       INSERT INTO "Assessment" ("workspaceId", "actorId", "issueId", "sourceId", "position", "salience", "capability", "confidence", "credibility",
                                 "stanceDate", "quote", "recordedById", "createdAt", "updatedAt")
       SELECT ids.ws, ids.actors[ai], ids.issues[ii], ids.sources[si],
              round(greatest(0, least(100, 50 + 30 * sin(ai * 0.7 + ii * 1.3 + d / 900.0) + (random() - 0.5) * 20))::numeric, 1)::float8,
              round((30 + random() * 60)::numeric)::float8, CASE WHEN random() < 0.3 THEN NULL ELSE round((random() * 100)::numeric)::float8 END,
              (ARRAY['LOW','MODERATE','HIGH'])[1 + floor(random() * 3)::int]::"Confidence", 1 + floor(random() * 6)::int,
              DATE '2016-01-01' + d,
              'Actor ' || ai || ' said on issue ' || ii || ' that the ' || (ARRAY['ceasefire','corridor','peacekeepers','referendum','sanctions','pipeline','border','treaty'])[1 + n % 8]
                || ' must ' || (ARRAY['hold','end','expand','wait','change'])[1 + n % 5] || ' (ref ' || md5(n::text) || ').',
              ids.analyst, TIMESTAMP '2016-01-01' + d * INTERVAL '1 day' + random() * INTERVAL '30 days', now()
       FROM g, ids`,
      [count, workspaceSlug],
    );
  await insert('bench', SIZE);
  await insert('other', Math.round(SIZE / 10));
  await sql(`VACUUM ANALYZE`);
  console.log(`  done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

async function startApp(): Promise<ChildProcess> {
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'node_modules/next/dist/bin/next'), 'start', '--port', String(PORT), '--hostname', '127.0.0.1'], {
    cwd: REPO_ROOT,
    env: { ...process.env, DATABASE_URL: url, AUTH_SECRET: 'bench-secret-bench-secret-bench-secret-42', NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  for (let i = 0; i < 120; i++) {
    try {
      await fetch(`http://127.0.0.1:${PORT}/sign-in`);
      return child;
    } catch {
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  child.kill();
  throw new Error(`the app did not start:\n${log}`);
}

/** Peak resident memory of the app server and its children (Next starts a worker), in MB. */
function peakRssMb(pid: number): number {
  const pids = [pid, ...spawnSync('pgrep', ['-P', String(pid)]).stdout.toString().split('\n').filter(Boolean).map(Number)];
  let kb = 0;
  for (const p of pids) {
    try {
      kb += Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      /* exited */
    }
  }
  return Math.round(kb / 1024);
}

async function signIn(): Promise<string> {
  const base = `http://127.0.0.1:${PORT}`;
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = csrf.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar },
    body: new URLSearchParams({ csrfToken, email: 'bench@example.test', password: PASSWORD, callbackUrl: `${base}/` }),
  });
  const cookies = [jar, ...res.headers.getSetCookie().map((c) => c.split(';')[0])].join('; ');
  if (!/session-token/.test(cookies)) throw new Error(`sign-in failed (${res.status})`);
  return cookies;
}

interface Row {
  what: string;
  p50: number;
  p95: number;
  bytes?: number;
  baseline: string;
  baselineP50: number;
  target: string;
  met: boolean;
}

const rows: Row[] = [];
let app: ChildProcess | null = null;
let failed = false;
try {
  if (!process.env.BENCH_DB) await generate();
  else await migrate(url); // a kept database gets the migrations added since it was built
  if (process.env.BENCH_GENERATE_ONLY === '1') {
    console.log(`Generated ${scratch}; measure it with BENCH_DB=${scratch}.`);
    process.env.KEEP_BENCH_DB = '1';
    throw new Error('generate only');
  }
  process.env.DATABASE_URL = url;
  resetEnvCache();

  const ws = (await sql(`SELECT "id" FROM "Workspace" WHERE "slug" = 'bench'`)).rows[0].id as string;
  const user = (await sql(`SELECT "id" FROM "User" LIMIT 1`)).rows[0].id as string;
  const busiest = (
    await sql(`SELECT "issueId", count(*)::int AS n FROM "Assessment" WHERE "workspaceId" = $1 GROUP BY 1 ORDER BY 2 DESC LIMIT 1`, [ws])
  ).rows[0] as { issueId: string; n: number };
  const total = (await sql(`SELECT count(*)::int AS n FROM "Assessment" WHERE "workspaceId" = $1`, [ws])).rows[0].n as number;
  console.log(`Workspace: ${total.toLocaleString('en')} assessments; busiest issue ${busiest.n.toLocaleString('en')} readings.`);
  const ctx = (await buildContext(user, ws, { kind: 'session', sessionId: 'bench' }))!;

  // Where each actor stands now: maintained summary vs a scan of every reading (the same definition).
  const scanCurrent = () =>
    sql(
      `WITH latest AS (
         SELECT DISTINCT ON (a."issueId", a."actorId", a."sourceId") a."issueId", a."actorId", a."position", a."confidence", s."reliability"
         FROM "Assessment" a JOIN "Source" s ON s."id" = a."sourceId" AND s."deletedAt" IS NULL
         WHERE a."workspaceId" = $1 AND a."deletedAt" IS NULL
         ORDER BY a."issueId", a."actorId", a."sourceId", a."stanceDate" DESC, a."createdAt" DESC, a."id" DESC)
       SELECT "issueId", "actorId", count(*) FROM latest GROUP BY 1, 2`,
      [ws],
    );
  const summary = await timeIt(() => currentPositions(ctx));
  const scan = await timeIt(scanCurrent, Math.min(RUNS, 5));
  rows.push({ what: 'where each actor stands now (every issue)', ...summary, baseline: 'scan of every reading (SQL)', baselineP50: scan.p50, target: 'p95 < 100 ms', met: summary.p95 < 100 });

  ensureBuild(REPO_ROOT);
  app = await startApp();
  const cookie = await signIn();
  const get = async (route: string) => {
    const res = await fetch(`http://127.0.0.1:${PORT}${route}`, { headers: { cookie } });
    const body = await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${route} answered ${res.status}`);
    return body.byteLength;
  };

  const issueBytes = await get(`/issues/${busiest.issueId}`);
  const issuePage = await timeIt(() => get(`/issues/${busiest.issueId}`));
  const weekly = await timeIt(
    () =>
      sql(
        `SELECT "actorId", date_trunc('week', "stanceDate"::timestamp) AS wk, avg("position") FROM "Assessment"
         WHERE "workspaceId" = $1 AND "issueId" = $2 AND "deletedAt" IS NULL GROUP BY 1, 2`,
        [ws, busiest.issueId],
      ),
    Math.min(RUNS, 10),
  );
  rows.push({
    what: `GET /issues/:id (${busiest.n.toLocaleString('en')} readings)`,
    ...issuePage,
    bytes: issueBytes,
    baseline: 'mean per actor per week (SQL)',
    baselineP50: weekly.p50,
    target: 'p95 < 300 ms, < 1 MB',
    met: issuePage.p95 < 300 && issueBytes < 1_000_000,
  });

  // After a change to the issue's readings the chart computes its frame and the changed actor's line
  // again (lib/stance/series.ts, lib/stance/chart-cache.ts): the view right after a colleague's save.
  // Measured for the newest reading's actor and for the actor with the most readings on the issue.
  const afterWrite = async (label: string, pick: string) => {
    const {
      rows: [edited],
    } = await sql(pick, [ws, busiest.issueId]);
    const timing = await timeIt(
      () => get(`/issues/${busiest.issueId}`),
      Math.min(RUNS, 10),
      () => sql(`UPDATE "Assessment" SET "position" = 100 - "position" WHERE "id" = $1`, [edited.id]),
    );
    rows.push({
      what: `GET /issues/:id right after a write to it (${label})`,
      ...timing,
      bytes: issueBytes,
      baseline: 'mean per actor per week (SQL)',
      baselineP50: weekly.p50,
      target: 'p95 < 300 ms',
      met: timing.p95 < 300,
    });
  };
  await afterWrite(
    'newest reading',
    `SELECT "id" FROM "Assessment" WHERE "workspaceId" = $1 AND "issueId" = $2 AND "deletedAt" IS NULL ORDER BY "stanceDate" DESC LIMIT 1`,
  );
  await afterWrite(
    'busiest actor',
    `SELECT "id" FROM "Assessment" WHERE "workspaceId" = $1 AND "issueId" = $2 AND "deletedAt" IS NULL
       AND "actorId" = (SELECT "actorId" FROM "Assessment" WHERE "workspaceId" = $1 AND "issueId" = $2 AND "deletedAt" IS NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1)
     ORDER BY "stanceDate" DESC LIMIT 1`,
  );

  // Quote search on the assessments page: a word in one reading in eight, and one in a single reading.
  const rare = (await sql(`SELECT substr(md5('12345'), 1, 10) AS w`)).rows[0].w as string;
  for (const [label, word] of [['common word', 'peacekeepers'], ['rare word', rare]] as const) {
    const route = `/assessments?q=${encodeURIComponent(word)}`;
    const searchBytes = await get(route);
    const search = await timeIt(() => get(route));
    const ilike = await timeIt(
      () =>
        sql(
          `SELECT "id" FROM "Assessment" WHERE "workspaceId" = $1 AND "deletedAt" IS NULL AND ("quote" ILIKE $2 OR "rationale" ILIKE $2)
           ORDER BY "stanceDate" DESC, "id" LIMIT 26`,
          [ws, `%${word}%`],
        ),
      Math.min(RUNS, 10),
    );
    rows.push({
      what: `GET /assessments?q= (${label})`,
      ...search,
      bytes: searchBytes,
      baseline: 'first page by ILIKE (SQL)',
      baselineP50: ilike.p50,
      target: 'p95 < 150 ms',
      met: search.p95 < 150,
    });
  }

  const dashBytes = await get('/');
  const dashboard = await timeIt(() => get('/'));
  rows.push({
    what: 'GET / (dashboard)',
    ...dashboard,
    bytes: dashBytes,
    baseline: 'current positions by scan (SQL)',
    baselineP50: scan.p50,
    target: 'p95 < 250 ms',
    met: dashboard.p95 < 250,
  });

  const rss = peakRssMb(app.pid!);
  rows.push({ what: 'app server peak RSS (MB)', p50: rss, p95: rss, baseline: '-', baselineP50: 0, target: '< 600 MB', met: rss < 600 });
} catch (error) {
  console.error(error);
  failed = true;
} finally {
  app?.kill('SIGTERM');
  await pool.end();
  await disconnectDb();
  if (!process.env.KEEP_BENCH_DB && !process.env.BENCH_DB) await admin(`DROP DATABASE IF EXISTS "${scratch}" WITH (FORCE)`);
  else console.log(`Kept database ${scratch}.`);
  await handle.stop();
}

const ms = (n: number) => `${n.toFixed(1)} ms`;
console.log(`\n${'What'.padEnd(44)} ${'p50'.padStart(10)} ${'p95'.padStart(10)} ${'bytes'.padStart(10)}  ${'baseline p50'.padStart(12)}  target`);
for (const r of rows) {
  const isRss = r.what.includes('RSS');
  console.log(
    `${r.what.padEnd(44)} ${(isRss ? `${r.p50} MB` : ms(r.p50)).padStart(10)} ${(isRss ? '' : ms(r.p95)).padStart(10)} ${(r.bytes ? `${(r.bytes / 1024).toFixed(0)} kB` : '').padStart(10)}  ${(r.baselineP50 ? ms(r.baselineP50) : '-').padStart(12)}  ${r.target} ${r.met ? 'MET' : 'MISSED'}${r.baselineP50 ? ` (baseline: ${r.baseline})` : ''}`,
  );
}
mkdirSync(path.dirname(REPORT), { recursive: true });
writeFileSync(
  REPORT,
  JSON.stringify(
    {
      size: SIZE,
      runs: RUNS,
      at: new Date().toISOString(),
      machine: { cpu: os.cpus()[0]?.model, cores: os.cpus().length, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.release()}`, loadAverage: os.loadavg() },
      rows,
      failed,
    },
    null,
    2,
  ),
);
console.log(`\nReport: ${REPORT}`);
process.exit(failed || rows.some((r) => !r.met) ? 1 : 0);
