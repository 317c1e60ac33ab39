// Read scaling against a real streaming replica started here: a primary cluster (wal_level=replica)
// and a standby made from it with pg_basebackup -R. Replay on the standby is paused, so a row written
// on the primary is visible on the primary only: whoever sees it read from the primary.
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAssessment } from '@/lib/assessments/commands';
import { listAssessments } from '@/lib/assessments/queries';
import { db, disconnectDb, readDb } from '@/lib/db';
import { migrate } from '@/lib/db/migrate';
import { READ_YOUR_WRITES_MS } from '@/lib/db/read-your-writes';
import { resetEnvCache } from '@/lib/env';
import { currentPositions } from '@/lib/stance/current-position';
import { latestAssessments } from '@/lib/stance/dashboard';
import { stanceSeries } from '@/lib/stance/series';
import { createBasics, createTestWorkspace, type TestWorkspace } from './helpers/fixtures';
import { clusterDirectory, freePort, PG_BIN, pgTool } from '../setup/pg-tools';

const available = ['pg_ctl', 'initdb', 'pg_basebackup'].every((tool) => existsSync(path.join(PG_BIN, tool)));
if (!available) console.warn(`read-replica.test.ts skipped: the PostgreSQL 15 tools are not in ${PG_BIN} (set PG_BIN).`);



async function one<T>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.skipIf(!available)('reads from a streaming replica, writes and read-your-writes on the primary', () => {
  let dir: string;
  let primaryDir: string;
  let replicaDir: string;
  let primaryUrl: string;
  let replicaUrl: string;
  const saved = { url: process.env.DATABASE_URL, replica: process.env.DATABASE_REPLICA_URL };
  let ws: TestWorkspace;
  let basics: Awaited<ReturnType<typeof createBasics>>;

  const ctl = (dataDir: string, port: number, action: 'start' | 'stop') =>
    pgTool(
      'pg_ctl',
      action === 'start'
        ? ['-D', dataDir, '-l', path.join(dir, `${path.basename(dataDir)}.log`), '-w', '-t', '60', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c wal_level=replica -c max_wal_senders=5 -c hot_standby=on -c fsync=off`, 'start']
        : ['-D', dataDir, '-m', 'immediate', '-w', 'stop'],
    );
  let primaryPort: number;
  let replicaPort: number;

  /** Is the row of `id` on the server of `url`? */
  const has = async (url: string, id: string) => (await one<{ n: number }>(url, `SELECT count(*)::int AS n FROM "Assessment" WHERE id = $1`, [id]))[0]!.n === 1;

  beforeAll(async () => {
    dir = clusterDirectory('sb-replica-');
    primaryDir = path.join(dir, 'primary');
    replicaDir = path.join(dir, 'replica');
    primaryPort = await freePort();
    replicaPort = await freePort();
    await pgTool('initdb', ['-D', primaryDir, '-A', 'trust', '-U', 'postgres', '--no-sync']);
    await ctl(primaryDir, primaryPort, 'start');
    await one(`postgresql://postgres@127.0.0.1:${primaryPort}/postgres`, 'CREATE DATABASE stanceboard_replica');
    primaryUrl = `postgresql://postgres@127.0.0.1:${primaryPort}/stanceboard_replica`;
    replicaUrl = `postgresql://postgres@127.0.0.1:${replicaPort}/stanceboard_replica`;
    await migrate(primaryUrl, { log: () => {} });
    // -R writes standby.signal and primary_conninfo: the copy starts as a streaming standby.
    await pgTool('pg_basebackup', ['-h', '127.0.0.1', '-p', String(primaryPort), '-U', 'postgres', '-D', replicaDir, '-R', '-X', 'stream', '--no-sync']);
    await ctl(replicaDir, replicaPort, 'start');

    process.env.DATABASE_URL = primaryUrl;
    process.env.DATABASE_REPLICA_URL = replicaUrl;
    resetEnvCache();
    await disconnectDb();
    ws = await createTestWorkspace('Replica desk');
    basics = await createBasics(ws.workspaceId);
    await until('the standby to catch up', async () => (await one(replicaUrl, `SELECT 1 FROM "Source" WHERE id = $1`, [basics.source.id])).length === 1);
  }, 180_000);

  afterAll(async () => {
    await disconnectDb();
    process.env.DATABASE_URL = saved.url;
    if (saved.replica === undefined) delete process.env.DATABASE_REPLICA_URL;
    else process.env.DATABASE_REPLICA_URL = saved.replica;
    resetEnvCache();
    if (replicaPort) await ctl(replicaDir, replicaPort, 'stop').catch(() => undefined);
    if (primaryPort) await ctl(primaryDir, primaryPort, 'stop').catch(() => undefined);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const reading = (quote: string) => ({
    actorId: basics.actor.id,
    issueId: basics.issue.id,
    sourceId: basics.source.id,
    position: 70,
    salience: 60,
    confidence: 'HIGH',
    credibility: 2,
    stanceDate: '2020-11-10',
    quote,
  });

  it('the read client is the standby and the write client the primary', async () => {
    const recovery = async (client: ReturnType<typeof db>) => (await client.$queryRaw<{ r: boolean }[]>`SELECT pg_is_in_recovery() AS r`)[0]!.r;
    expect(await recovery(db())).toBe(false);
    expect(await recovery(readDb(ws.viewer))).toBe(true);
  });

  it('a write goes to the primary; its writer reads it back from the primary at once, others from the lagging replica', async () => {
    await one(replicaUrl, 'SELECT pg_wal_replay_pause()');
    try {
      const written = await createAssessment(ws.analyst, reading('Written while the standby is paused'));
      expect(await has(primaryUrl, written.id)).toBe(true);
      expect(await has(replicaUrl, written.id)).toBe(false);

      // The writer, right after: dashboard, chart and list all read the primary.
      expect((await latestAssessments(ws.analyst)).map((a) => a.id)).toContain(written.id);
      expect((await listAssessments(ws.analyst, {})).items.map((a) => a.id)).toContain(written.id);
      expect((await currentPositions(ws.analyst, { issueId: basics.issue.id })).map((p) => p.actorId)).toContain(basics.actor.id);
      const writerSeries = await stanceSeries(ws.analyst, basics.issue.id);
      expect(JSON.stringify(writerSeries)).toContain('2020-11-10');

      // Someone who has not written reads the replica, which has not replayed it yet.
      expect((await latestAssessments(ws.viewer)).map((a) => a.id)).not.toContain(written.id);
      expect((await listAssessments(ws.viewer, {})).items.map((a) => a.id)).not.toContain(written.id);
      expect(await currentPositions(ws.viewer, { issueId: basics.issue.id })).toEqual([]);
      expect(JSON.stringify(await stanceSeries(ws.viewer, basics.issue.id))).not.toContain('2020-11-10');

      // And so does the writer once their window has passed.
      const later = Date.now() + READ_YOUR_WRITES_MS + 1;
      expect((await readDb(ws.analyst, later).assessment.findMany({ where: { id: written.id } })).length).toBe(0);
    } finally {
      await one(replicaUrl, 'SELECT pg_wal_replay_resume()');
    }
  });

  it('once the standby replays, everyone reads the write from it', async () => {
    const written = await createAssessment(ws.analyst, reading('Replayed normally'));
    await until('the standby to replay the write', () => has(replicaUrl, written.id));
    expect((await latestAssessments(ws.viewer)).map((a) => a.id)).toContain(written.id);
  });
});
