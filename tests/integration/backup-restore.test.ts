// The backup procedure documented in SECURITY.md ("Backups and restore"): pg_dump in custom format,
// pg_restore into a fresh, empty database, and every table of the restored copy compared with the
// original, row for row. Run against this test file's own database, holding every kind of record.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAssessment, updateAssessment } from '@/lib/assessments/commands';
import { createAuthSession } from '@/lib/auth/sessions';
import { addEstimate, createScenario } from '@/lib/scenarios/commands';
import { createToken } from '@/lib/tokens/commands';
import { createBasics, createTestWorkspace } from './helpers/fixtures';

vi.mock('@/lib/auth/next-auth', () => ({ auth: vi.fn(async () => null) }));

const tool = (name: string) => (process.env.PG_BIN ? path.join(process.env.PG_BIN, name) : name);
const available = spawnSync(tool('pg_dump'), ['--version']).status === 0 && spawnSync(tool('pg_restore'), ['--version']).status === 0;

/** Every table of a database, each as an md5 over its rows in a fixed order, plus its row count. */
async function tableContents(url: string): Promise<Record<string, { rows: number; md5: string }>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
    );
    const out: Record<string, { rows: number; md5: string }> = {};
    for (const { name } of tables) {
      const { rows } = await client.query<{ n: string; md5: string }>(
        `SELECT count(*) AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS md5 FROM "${name}" t`,
      );
      out[name] = { rows: Number(rows[0]!.n), md5: rows[0]!.md5 };
    }
    return out;
  } finally {
    await client.end();
  }
}

describe.skipIf(!available)('backup with pg_dump, restore with pg_restore', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'sb-backup-'));
  const source = process.env.DATABASE_URL!;
  const restoredName = `${new URL(source).pathname.slice(1)}_restored`;
  const restored = Object.assign(new URL(source), { pathname: `/${restoredName}` }).toString();
  const admin = Object.assign(new URL(source), { pathname: '/postgres' }).toString();

  async function adminQuery(sql: string) {
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  }

  beforeAll(async () => {
    const ws = await createTestWorkspace('Backup desk');
    const b = await createBasics(ws.workspaceId);
    const { id } = await createAssessment(ws.analyst, {
      actorId: b.actor.id, issueId: b.issue.id, sourceId: b.source.id, position: 45, salience: 70, confidence: 'HIGH', credibility: 2, stanceDate: '2020-11-01',
      quote: 'Ankara says its "deserved place in the world order" — with ünïcödé, “quotes” and 😀',
    });
    await updateAssessment(ws.analyst, {
      id, version: 1, actorId: b.actor.id, issueId: b.issue.id, sourceId: b.source.id, position: 82.5, salience: 70, confidence: 'HIGH', credibility: 2,
      stanceDate: '2020-11-10', quote: 'After the 9 November statement',
    });
    const scenario = await createScenario(ws.analyst, { issueId: b.issue.id, name: 'Russia distracted', asOf: '2020-11-10', actors: [{ actorId: b.actor.id, position: 70, salience: 60, capability: 80 }] });
    await addEstimate(ws.analyst, { scenarioId: scenario.id, likelihood: 'LIKELY', probability: 60, estimatedOn: '2020-11-11', rationale: 'Ceasefire holds' });
    await createToken(ws.analyst, { name: 'backup', role: 'ANALYST' });
    await createAuthSession(ws.analyst.userId, ws.workspaceId);
    await adminQuery(`DROP DATABASE IF EXISTS "${restoredName}" WITH (FORCE)`);
  });

  afterAll(async () => {
    await adminQuery(`DROP DATABASE IF EXISTS "${restoredName}" WITH (FORCE)`);
    rmSync(work, { recursive: true, force: true });
  });

  it('restores into a fresh database with every table identical', async () => {
    const dump = path.join(work, 'stanceboard.dump');
    const started = performance.now();
    const dumped = spawnSync(tool('pg_dump'), ['--format=custom', '--no-owner', '--file', dump, source], { encoding: 'utf8' });
    expect(dumped.status, dumped.stderr).toBe(0);
    await adminQuery(`CREATE DATABASE "${restoredName}"`);
    const restore = spawnSync(tool('pg_restore'), ['--no-owner', '--exit-on-error', '--dbname', restored, dump], { encoding: 'utf8' });
    expect(restore.status, restore.stderr).toBe(0);
    const seconds = ((performance.now() - started) / 1000).toFixed(2);

    const original = await tableContents(source);
    const copy = await tableContents(restored);
    const tables = Object.keys(original);
    console.log(`[backup] pg_dump + pg_restore in ${seconds} s; ${tables.length} tables, ${Object.values(original).reduce((n, t) => n + t.rows, 0)} rows compared`);
    expect(tables).toEqual(expect.arrayContaining(['Actor', 'Assessment', 'AssessmentRevision', 'Scenario', 'LikelihoodEstimate', 'ApiToken', '_prisma_migrations']));
    expect(Object.keys(copy)).toEqual(tables);
    for (const table of tables) expect(copy[table], table).toEqual(original[table]);
    expect(original.AssessmentRevision!.rows).toBeGreaterThanOrEqual(2);
  });
});
