/**
 * `npm run bench:write`: the API write path under load. In a scratch database on the server of
 * DATABASE_URL (or the embedded one) it creates a workspace with actors, issues, sources and an API
 * token, starts the built app the way `npm start` does (scripts/app.ts: migrations, then
 * WEB_CONCURRENCY server processes behind one port; `next build` first when there is no build), and
 * fires BENCH_WRITE_CLIENTS (20) concurrent clients of POST /api/v1/assessments for BENCH_WRITE_SECONDS
 * (20). Then it checks none was lost (rows and revisions == 201 answers) and, in the same run, measures
 * the baseline: the same INSERT of the row and its revision in one transaction straight through pg.
 *
 * Targets: ≥ 300 writes/s, p99 < 200 ms, no write lost, no error. Exits 1 on a miss. Writes
 * .data/bench/write-report.json (BENCH_WRITE_REPORT). KEEP_BENCH_DB=1 keeps the scratch database.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { ensureBuild, rerunWithReactServer, scratchDatabase } from './bench-scratch';

rerunWithReactServer();

const { REPO_ROOT, createDatabaseIfMissing, resolveDatabase } = await import('../lib/db/server');
const { migrate } = await import('../lib/db/migrate');
const { displayPrefix, generateTokenSecret, hashTokenSecret } = await import('../lib/tokens/secret');

const CLIENTS = Number(process.env.BENCH_WRITE_CLIENTS ?? 20);
const SECONDS = Number(process.env.BENCH_WRITE_SECONDS ?? 20);
const WARM_UP_SECONDS = 3;
const PORT = Number(process.env.BENCH_PORT ?? 3918);
const REPORT = process.env.BENCH_WRITE_REPORT ?? path.join(REPO_ROOT, '.data', 'bench', 'write-report.json');
const TARGET = { writesPerSecond: 300, p99Ms: 200 };

const percentile = (xs: number[], p: number) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
};

interface Run {
  writes: number;
  errors: Record<string, number>;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
}

/** `clients` loops calling `write` until `seconds` are up: successful writes, errors by kind, latencies. */
async function load(clients: number, seconds: number, write: () => Promise<string | null>): Promise<Run> {
  const latencies: number[] = [];
  const errors: Record<string, number> = {};
  const end = performance.now() + seconds * 1000;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < end) {
        const t = performance.now();
        const problem = await write().catch((error: unknown) => String((error as Error).message ?? error).slice(0, 80));
        if (problem === null) latencies.push(performance.now() - t);
        else errors[problem] = (errors[problem] ?? 0) + 1;
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  return {
    writes: latencies.length,
    errors,
    seconds: elapsed,
    perSecond: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
  };
}

const handle = await resolveDatabase((line) => console.log(line));
const scratchName = `sb_bench_write_${process.pid}`;
const scratch = scratchDatabase(handle.url, scratchName);
await createDatabaseIfMissing(scratch.adminUrl, scratchName);
const pool = new pg.Pool({ connectionString: scratch.url, max: CLIENTS });

let app: ChildProcess | undefined;
let failed = false;
interface ApiRun extends Run {
  /** CPU time (user + system) of the app's processes per successful write, in ms. */
  serverCpuMsPerWrite: number | null;
}
const results: {
  api?: ApiRun;
  /** The same load with API_FAST_PATH=0: every request through Next's pipeline. */
  apiThroughNext?: ApiRun;
  baseline?: Run;
  answered201?: number;
  rows?: number;
  revisions?: number;
  webConcurrency?: number;
} = {};

/** CPU seconds (user + system) used so far by `root` and every process under it (Linux /proc; null elsewhere). */
function treeCpuSeconds(root: number): number | null {
  try {
    const stats = readdirSync('/proc')
      .filter((name) => /^\d+$/.test(name))
      .map((name) => {
        try {
          // Fields after the command name, which is in parentheses and may contain spaces.
          const text = readFileSync(`/proc/${name}/stat`, 'utf8');
          const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
          return { pid: Number(name), ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
        } catch {
          return null;
        }
      })
      .filter((s): s is { pid: number; ppid: number; ticks: number } => s !== null);
    const inTree = new Set([root]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const s of stats) {
        if (inTree.has(s.pid) || !inTree.has(s.ppid)) continue;
        inTree.add(s.pid);
        grew = true;
      }
    }
    const ticksPerSecond = 100; // USER_HZ on Linux
    return stats.filter((s) => inTree.has(s.pid)).reduce((sum, s) => sum + s.ticks, 0) / ticksPerSecond;
  } catch {
    return null;
  }
}

async function stopApp(): Promise<void> {
  const child = app;
  app = undefined;
  if (!child?.pid || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return; // already gone
  }
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
}

async function startApp(fastPath: boolean): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'scripts', 'app.ts'), 'start'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      NODE_OPTIONS: '',
      DATABASE_URL: scratch.url,
      PORT: String(PORT),
      AUTH_SECRET: 'bench-secret-bench-secret-bench-secret-42',
      // The benchmark measures the write path, not the limiter refusing it.
      API_RATE_LIMIT_PER_MINUTE: '100000000',
      API_FAST_PATH: fastPath ? '1' : '0',
      NEXT_TELEMETRY_DISABLED: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let log = '';
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) break;
    try {
      const res = await fetch(`http://127.0.0.1:${PORT}/api/health`);
      if (res.ok) {
        console.log(log.split('\n').filter((l) => /Starting|Database/.test(l)).join('\n'));
        return child;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill();
  throw new Error(`the app did not start:\n${log}`);
}

try {
  await migrate(scratch.url, { log: () => {} });
  const ws = (await pool.query(`INSERT INTO "Workspace" (name, slug) VALUES ('Write bench', $1) RETURNING id`, [`write-bench-${process.pid}`])).rows[0].id as string;
  const user = (
    await pool.query(`INSERT INTO "User" (email, name, "passwordHash", "updatedAt") VALUES ($1, 'Bench analyst', 'not-used', now()) RETURNING id`, [
      `bench-${process.pid}@bench.local`,
    ])
  ).rows[0].id as string;
  await pool.query(`INSERT INTO "Membership" ("workspaceId", "userId", role) VALUES ($1, $2, 'ANALYST')`, [ws, user]);
  const ids = async (text: string, n: number) => (await pool.query(text, [ws, n])).rows.map((r: { id: string }) => r.id);
  const actors = await ids(`INSERT INTO "Actor" ("workspaceId", name, kind, "updatedAt") SELECT $1, 'Actor ' || g, 'STATE', now() FROM generate_series(1, $2) g RETURNING id`, 30);
  const issues = await ids(
    `INSERT INTO "Issue" ("workspaceId", title, anchors, "updatedAt") SELECT $1, 'Issue ' || g, '[{"value":0,"label":"no"},{"value":100,"label":"yes"}]', now() FROM generate_series(1, $2) g RETURNING id`,
    8,
  );
  const sources = await ids(
    `INSERT INTO "Source" ("workspaceId", title, outlet, "publishedAt", kind, reliability, "updatedAt") SELECT $1, 'Source ' || g, 'Wire', DATE '2020-11-01' + g, 'NEWS', 'B', now() FROM generate_series(1, $2) g RETURNING id`,
    20,
  );
  const secret = generateTokenSecret();
  await pool.query(`INSERT INTO "ApiToken" ("workspaceId", "userId", name, "tokenHash", prefix, role) VALUES ($1, $2, 'bench', $3, $4, 'ANALYST')`, [
    ws,
    user,
    hashTokenSecret(secret),
    displayPrefix(secret),
  ]);

  const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)]!;
  const assessment = () => ({
    actorId: pick(actors),
    issueId: pick(issues),
    sourceId: pick(sources),
    position: Math.round(Math.random() * 1000) / 10,
    salience: Math.round(Math.random() * 100),
    capability: Math.random() < 0.5 ? null : Math.round(Math.random() * 100),
    confidence: pick(['LOW', 'MODERATE', 'HIGH']),
    credibility: 1 + Math.floor(Math.random() * 6),
    stanceDate: `2020-${String(1 + Math.floor(Math.random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(Math.random() * 28)).padStart(2, '0')}`,
    quote: `Benchmark reading ${randomUUID()}`,
  });

  ensureBuild(REPO_ROOT);
  results.webConcurrency = Number(process.env.WEB_CONCURRENCY) || os.availableParallelism();

  let answered201 = 0;
  /** Starts the app, warms it up, loads it for SECONDS, stops it. */
  const measureApi = async (fastPath: boolean): Promise<ApiRun> => {
    app = await startApp(fastPath);
    const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
    const post = () =>
      new Promise<string | null>((resolve, reject) => {
        const body = JSON.stringify(assessment());
        const request = http.request(
          {
            host: '127.0.0.1',
            port: PORT,
            path: '/api/v1/assessments',
            method: 'POST',
            agent,
            headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
          },
          (response) => {
            let text = '';
            response.setEncoding('utf8');
            response.on('data', (d) => (text += d));
            response.on('end', () => {
              if (response.statusCode === 201) {
                answered201++;
                resolve(null);
              } else resolve(`HTTP ${response.statusCode}: ${text.slice(0, 60)}`);
            });
          },
        );
        request.on('error', reject);
        request.end(body);
      });
    const label = fastPath ? '' : ' through Next (API_FAST_PATH=0)';
    console.log(`Warming up (${WARM_UP_SECONDS} s)...`);
    await load(CLIENTS, WARM_UP_SECONDS, post);
    console.log(`POST /api/v1/assessments${label}: ${CLIENTS} clients for ${SECONDS} s...`);
    const cpuBefore = treeCpuSeconds(app.pid!);
    const run = await load(CLIENTS, SECONDS, post);
    const cpuAfter = treeCpuSeconds(app.pid!);
    agent.destroy();
    await stopApp();
    const serverCpuMsPerWrite = cpuBefore !== null && cpuAfter !== null && run.writes ? ((cpuAfter - cpuBefore) * 1000) / run.writes : null;
    return { ...run, serverCpuMsPerWrite };
  };
  results.api = await measureApi(true);
  if (process.env.BENCH_WRITE_NEXT !== '0') results.apiThroughNext = await measureApi(false);
  results.answered201 = answered201;
  results.rows = Number((await pool.query(`SELECT count(*) FROM "Assessment" WHERE "workspaceId" = $1`, [ws])).rows[0].count);
  results.revisions = Number((await pool.query(`SELECT count(*) FROM "AssessmentRevision" WHERE "workspaceId" = $1`, [ws])).rows[0].count);

  // Baseline: the least a write can cost here, the row and its revision in one transaction, no HTTP.
  const baselineWrite = async (): Promise<string | null> => {
    const a = assessment();
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const row = (
        await client.query(
          `INSERT INTO "Assessment" ("workspaceId", "actorId", "issueId", "sourceId", position, salience, capability, confidence, credibility, "stanceDate", quote, "recordedById", "updatedAt")
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, now()) RETURNING id`,
          [ws, a.actorId, a.issueId, a.sourceId, a.position, a.salience, a.capability, a.confidence, a.credibility, a.stanceDate, a.quote, user],
        )
      ).rows[0];
      await client.query(
        `INSERT INTO "AssessmentRevision" ("assessmentId", "workspaceId", version, "editedById", changes, snapshot) VALUES ($1, $2, 1, $3, $4, $4)`,
        [row.id, ws, user, JSON.stringify(a)],
      );
      await client.query('COMMIT');
      return null;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  };
  console.log(`Baseline (INSERT + revision in one transaction via pg): ${CLIENTS} clients for ${SECONDS} s...`);
  await load(CLIENTS, WARM_UP_SECONDS, baselineWrite);
  results.baseline = await load(CLIENTS, SECONDS, baselineWrite);
} catch (error) {
  console.error(error);
  failed = true;
} finally {
  await stopApp();
  await pool.end();
  if (!process.env.KEEP_BENCH_DB) await scratch.drop().catch((error: unknown) => console.error('Could not drop the scratch database:', error));
  else console.log(`Kept database ${scratchName}.`);
  await handle.stop();
}

const { api, baseline } = results;
const lost = (results.answered201 ?? 0) - (results.rows ?? 0);
const checks = api
  ? [
      { what: 'writes/s', value: api.perSecond.toFixed(0), target: `≥ ${TARGET.writesPerSecond}`, met: api.perSecond >= TARGET.writesPerSecond },
      { what: 'p99', value: `${api.p99.toFixed(1)} ms`, target: `< ${TARGET.p99Ms} ms`, met: api.p99 < TARGET.p99Ms },
      { what: 'lost (201 answers − rows)', value: String(lost), target: '0', met: lost === 0 && results.rows === results.revisions },
      { what: 'errors', value: String(Object.values(api.errors).reduce((n, c) => n + c, 0)), target: '0', met: Object.keys(api.errors).length === 0 },
    ]
  : [];
const line = (name: string, r: (Run & { serverCpuMsPerWrite?: number | null }) | undefined) =>
  r
    ? `${name.padEnd(48)} ${r.perSecond.toFixed(0).padStart(8)} ${r.p50.toFixed(1).padStart(8)} ${r.p95.toFixed(1).padStart(8)} ${r.p99.toFixed(1).padStart(8)} ${String(r.writes).padStart(8)} ${(r.serverCpuMsPerWrite == null ? '-' : r.serverCpuMsPerWrite.toFixed(1)).padStart(14)}`
    : `${name.padEnd(48)} (not measured)`;
console.log(
  `\n${'What'.padEnd(48)} ${'writes/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'writes'.padStart(8)} ${'server CPU ms'.padStart(14)}`,
);
console.log(line(`POST /api/v1/assessments (${results.webConcurrency ?? '?'} procs)`, api));
if (results.apiThroughNext) console.log(line('  the same through Next (API_FAST_PATH=0)', results.apiThroughNext));
console.log(line('baseline: INSERT + revision via pg', baseline));
if (api && Object.keys(api.errors).length) console.log('API errors:', api.errors);
if (baseline && Object.keys(baseline.errors).length) console.log('Baseline errors:', baseline.errors);
console.log(`201 answers ${results.answered201 ?? '-'}, rows ${results.rows ?? '-'}, revisions ${results.revisions ?? '-'}`);
for (const c of checks) console.log(`${c.what.padEnd(28)} ${c.value.padStart(10)}  target ${c.target}  ${c.met ? 'MET' : 'MISSED'}`);

mkdirSync(path.dirname(REPORT), { recursive: true });
writeFileSync(
  REPORT,
  JSON.stringify(
    {
      at: new Date().toISOString(),
      clients: CLIENTS,
      seconds: SECONDS,
      machine: { cpu: os.cpus()[0]?.model, cores: os.availableParallelism(), memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, loadAverage: os.loadavg() },
      ...results,
      checks,
      failed,
    },
    null,
    2,
  ),
);
console.log(`\nReport: ${REPORT}`);
process.exit(failed || !api || checks.some((c) => !c.met) ? 1 : 0);
