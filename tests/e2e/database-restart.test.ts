// Fault tests (issue 13): the built app, on a PostgreSQL cluster of its own started by this test, under
// a bounded write load while the cluster is stopped and started again. Every acknowledged write must be
// stored exactly once, every request while the database is down must be a 503 (never a 500), and the
// app must recover by itself, without a restart. Prints requests, 2xx, 503, recovery seconds. Then the
// app is killed (SIGKILL) in the middle of a 20,000-row import (FAULT_IMPORT_ROWS): nothing of it may remain.
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashTokenSecret, generateTokenSecret, displayPrefix } from '@/lib/tokens/secret';
import { migrate } from '@/lib/db/migrate';
import { REPO_ROOT } from '@/lib/db/server';
import { encode } from 'next-auth/jwt';
import { DATABASE_UNAVAILABLE_MESSAGE } from '@/lib/errors';
import { clusterDirectory, freePort, PG_BIN, pgTool } from '../setup/pg-tools';
import { spawnAppServer } from './app-server';

const available = existsSync(path.join(PG_BIN, 'pg_ctl')) && existsSync(path.join(REPO_ROOT, process.env.NEXT_DIST_DIR || '.next', 'BUILD_ID'));


const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Attempt {
  started: number;
  ended: number;
  status: number;
  message?: string;
}

describe.skipIf(!available)('PostgreSQL stopped and restarted under write load', () => {
  let dir: string;
  let dataDir: string;
  let dbPort: number;
  let app: ChildProcess;
  let appUrl: string;
  let appLog = () => '';
  let token: string;
  let databaseUrl: string;
  /** A signed-in browser's cookie, for the pages. */
  let sessionCookie: string;
  const AUTH_SECRET = 'fault-secret-fault-secret-fault-secret-00';

  const pgCtl = (action: 'start' | 'stop') =>
    pgTool('pg_ctl', action === 'start'
      ? ['-D', dataDir, '-l', path.join(dir, 'postgres.log'), '-w', '-t', '30', '-o', `-p ${dbPort} -k ${dir} -c listen_addresses=127.0.0.1`, 'start']
      : ['-D', dataDir, '-m', 'fast', '-w', 'stop']);

  async function startApp() {
    const server = await spawnAppServer({ DATABASE_URL: databaseUrl, AUTH_SECRET, WEB_CONCURRENCY: '1' });
    app = server.process;
    appUrl = server.url;
    appLog = server.log;
    for (let i = 0; i < 200; i++) {
      if ((await fetch(`${appUrl}/api/health`).catch(() => null))?.ok) return;
      await sleep(300);
    }
    throw new Error(`The app did not start:\n${appLog()}`);
  }

  beforeAll(async () => {
    dir = clusterDirectory('sb-fault-', ['data']);
    dataDir = path.join(dir, 'data');
    dbPort = await freePort();
    await pgTool('initdb', ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '--no-sync']);
    await pgCtl('start');
    const admin = `postgresql://postgres@127.0.0.1:${dbPort}/postgres`;
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query('CREATE DATABASE stanceboard_fault');
    await client.end();
    databaseUrl = `postgresql://postgres@127.0.0.1:${dbPort}/stanceboard_fault`;
    await migrate(databaseUrl);

    // One workspace, one analyst with a token: written with SQL so this test needs none of the app's modules' state.
    token = generateTokenSecret();
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    const ws = (await db.query(`INSERT INTO "Workspace" (id, name, slug) VALUES (gen_random_uuid(), 'Fault desk', 'fault-desk') RETURNING id`)).rows[0].id;
    const user = (await db.query(`INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt") VALUES (gen_random_uuid(), 'fault@test.local', 'Fault', 'x', now()) RETURNING id`)).rows[0].id;
    await db.query(`INSERT INTO "Membership" (id, "workspaceId", "userId", role) VALUES (gen_random_uuid(), $1, $2, 'ANALYST')`, [ws, user]);
    await db.query(`INSERT INTO "ApiToken" (id, "workspaceId", "userId", name, role, "tokenHash", prefix) VALUES (gen_random_uuid(), $1, $2, 'load', 'ANALYST', $3, $4)`, [
      ws,
      user,
      hashTokenSecret(token),
      displayPrefix(token),
    ]);
    const sid = (await db.query(`INSERT INTO "AuthSession" ("userId", "currentWorkspaceId", "expiresAt") VALUES ($1, $2, now() + interval '1 hour') RETURNING id`, [user, ws])).rows[0].id;
    const jwt = await encode({ token: { sid }, secret: AUTH_SECRET, salt: 'authjs.session-token' });
    sessionCookie = `authjs.session-token=${jwt}`;
    await db.end();

    await startApp();
  }, 120_000);

  afterAll(async () => {
    app?.kill('SIGTERM');
    await pgCtl('stop').catch(() => undefined); // already stopped
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every acknowledged write exactly once, answers 503 while down, and recovers by itself', async () => {
    const attempts: Attempt[] = [];
    const acknowledged = new Map<string, number>();
    let stopAt = Infinity;
    let stoppedAt = Infinity;
    let restartAt = Infinity;
    let restartedAt = Infinity;
    let running = true;

    async function writer(id: number) {
      for (let n = 0; running; n++) {
        const name = `Writer ${id} actor ${n}`;
        const key = randomUUID();
        // A client that retries with the same Idempotency-Key until it gets an answer that is not a 503.
        for (let tries = 0; running || tries === 0; tries++) {
          const started = Date.now();
          let status = 0;
          let message: string | undefined;
          try {
            const response = await fetch(`${appUrl}/api/v1/actors`, {
              method: 'POST',
              headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': key },
              body: JSON.stringify({ name, kind: 'STATE' }),
              signal: AbortSignal.timeout(15_000),
            });
            status = response.status;
            const body = await response.json().catch(() => null);
            message = body?.error?.message;
            if (status === 503) expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
          } catch (error) {
            message = String(error);
          }
          attempts.push({ started, ended: Date.now(), status, message });
          if (status >= 200 && status < 300) {
            acknowledged.set(name, (acknowledged.get(name) ?? 0) + 1);
            break;
          }
          if (status !== 503 && status !== 409) break;
          await sleep(200);
        }
      }
    }

    const page = () => fetch(`${appUrl}/actors`, { headers: { cookie: sessionCookie }, redirect: 'manual' });
    const pageBefore = await page();
    expect(pageBefore.status, 'a signed-in page before the outage').toBe(200);
    const writers = Array.from({ length: 4 }, (_, i) => writer(i));
    await sleep(3000);
    stopAt = Date.now();
    await pgCtl('stop');
    stoppedAt = Date.now();
    const pageDuring = await page();
    await sleep(6000);
    restartAt = Date.now();
    await pgCtl('start');
    restartedAt = Date.now();
    let recoveredAt = Infinity;
    while (Date.now() - restartedAt < 30_000) {
      const ok = attempts.find((a) => a.started >= restartedAt && a.status >= 200 && a.status < 300);
      if (ok) {
        recoveredAt = ok.ended;
        break;
      }
      await sleep(100);
    }
    await sleep(2000);
    running = false;
    await Promise.all(writers);

    const during = attempts.filter((a) => a.started >= stoppedAt && a.ended <= restartAt);
    const ok = attempts.filter((a) => a.status >= 200 && a.status < 300);
    const unavailable = attempts.filter((a) => a.status === 503);
    const recoverySeconds = (recoveredAt - restartedAt) / 1000;
    const others = attempts.filter((a) => !(a.status >= 200 && a.status < 300) && a.status !== 503);
    const slowest503 = Math.max(0, ...unavailable.map((a) => a.ended - a.started)) / 1000;
    const otherCounts = new Map<string, number>();
    for (const a of others) otherCounts.set(`${a.status || 'no answer'}`, (otherCounts.get(`${a.status || 'no answer'}`) ?? 0) + 1);
    const otherByStatus = [...otherCounts].map(([status, n]) => `${status}×${n}`).join(' ');
    console.log(
      `[fault: database restart] requests ${attempts.length}, 2xx ${ok.length}, 503 ${unavailable.length}, other ${others.length}${others.length ? ` (${otherByStatus})` : ''}; ` +
        `outage ${((restartedAt - stopAt) / 1000).toFixed(1)} s (${during.length} requests inside it); page during it HTTP ${pageDuring.status}; recovery ${recoverySeconds.toFixed(2)} s after the restart; slowest 503 ${slowest503.toFixed(2)} s; acknowledged writes ${acknowledged.size}`,
    );

    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    const { rows } = await db.query<{ name: string; n: string }>(`SELECT name, count(*) AS n FROM "Actor" GROUP BY name`);
    await db.end();
    const stored = new Map(rows.map((r) => [r.name, Number(r.n)]));

    expect(pageDuring.status, 'a page during the outage').toBe(503);
    expect(pageDuring.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(ok.length).toBeGreaterThan(10);
    expect(during.length).toBeGreaterThan(0);
    for (const a of during) {
      expect(a.status, `during the outage: ${a.message}`).toBe(503);
      expect(a.message).toBe(DATABASE_UNAVAILABLE_MESSAGE);
    }
    expect(attempts.filter((a) => a.status >= 500 && a.status !== 503).map((a) => a.message)).toEqual([]);
    for (const [name, times] of acknowledged) {
      expect(times, name).toBe(1);
      expect(stored.get(name), `${name} acknowledged but stored ${stored.get(name) ?? 0} times`).toBe(1);
    }
    // Nothing stored twice, acknowledged or not.
    expect([...stored.values()].filter((n) => n !== 1)).toEqual([]);
    expect(recoverySeconds).toBeLessThan(15);
    expect(app.exitCode).toBeNull();
    expect(appLog()).not.toMatch(/uncaughtException|unhandledRejection|Unhandled 'error' event/);
  }, 90_000);
  it('an import killed (SIGKILL) while writing leaves nothing behind, and the restarted app imports it whole', async () => {
    const ROWS = Number(process.env.FAULT_IMPORT_ROWS ?? 20_000);
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    const count = async () => Number((await db.query(`SELECT count(*) AS n FROM "Assessment"`)).rows[0].n);
    const ws = (await db.query(`SELECT id FROM "Workspace" WHERE slug = 'fault-desk'`)).rows[0].id;
    await db.query(`INSERT INTO "Actor" (id, "workspaceId", name, kind, "updatedAt") VALUES (gen_random_uuid(), $1, 'Import actor', 'STATE', now())`, [ws]);
    await db.query(
      `INSERT INTO "Issue" (id, "workspaceId", title, anchors, "updatedAt") VALUES (gen_random_uuid(), $1, 'Import issue', '[{"value":0,"label":"None"},{"value":100,"label":"All"}]', now())`,
      [ws],
    );
    await db.query(`INSERT INTO "Source" (id, "workspaceId", title, outlet, "publishedAt", kind, reliability, "updatedAt") VALUES (gen_random_uuid(), $1, 'Import source', 'AP', '2020-11-10', 'NEWS', 'B', now())`, [ws]);
    const lines = ['actor,issue,source,position,salience,capability,confidence,credibility,stance_date,quote,rationale'];
    for (let i = 0; i < ROWS; i++) lines.push(`Import actor,Import issue,Import source,${i % 101},50,,high,2,2020-11-10,"Reading ${i} of the bulk file",`);
    const csv = lines.join('\n');
    const before = await count();

    const started = Date.now();
    const response = await fetch(`${appUrl}/api/v1/import/assessments?mode=commit`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv', accept: 'application/x-ndjson' },
      body: csv,
    });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let seen = '';
    let killedAt = 0;
    while (!killedAt) {
      const { done, value } = await reader.read();
      if (done) break;
      seen += decoder.decode(value, { stream: true });
      // Kill at the first progress line of the write phase: the transaction is open and rows are going in.
      if (/"phase":"write","done":[1-9]/.test(seen)) {
        app.kill('SIGKILL');
        killedAt = Date.now();
      }
    }
    await reader.cancel().catch(() => undefined);
    expect(killedAt, `the import finished before it could be killed: ${seen.slice(-300)}`).toBeGreaterThan(0);
    await new Promise((resolve) => (app.exitCode !== null || app.signalCode ? resolve(null) : app.once('exit', resolve)));
    // PostgreSQL rolls the open transaction back when the connection drops.
    for (let i = 0; i < 50 && (await db.query(`SELECT count(*) AS n FROM pg_stat_activity WHERE state = 'idle in transaction' OR query LIKE 'INSERT INTO "Assessment"%'`)).rows[0].n !== '0'; i++) await sleep(100);
    const afterKill = await count();

    await startApp();
    const redo = await fetch(`${appUrl}/api/v1/import/assessments?mode=commit`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
      body: csv,
    });
    const redoBody = await redo.json();
    const afterRedo = await count();
    await db.end();
    console.log(
      `[fault: app killed mid-import] ${ROWS} rows; killed ${((killedAt - started) / 1000).toFixed(1)} s into the import, during the write phase; ` +
        `rows stored after the kill: ${afterKill - before}; after the restarted app's import: ${afterRedo - before} (HTTP ${redo.status})`,
    );
    expect(afterKill).toBe(before);
    expect(redo.status, JSON.stringify(redoBody).slice(0, 300)).toBe(201);
    expect(afterRedo - before).toBe(ROWS);
  }, 180_000);
});
