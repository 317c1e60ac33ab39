/**
 * Benchmark of the assessment import: `npx tsx scripts/bench-import.ts`.
 *
 * Creates a scratch database on the server of DATABASE_URL (or the embedded one, see lib/db/server.ts),
 * migrates it, and seeds one workspace with 100 actors, 20 issues and 200 sources. Then, in the same run:
 *   1. baseline: 1,000 rows written one by one with createAssessment (the form's command: its own
 *      transaction and revision per row), extrapolated to the import size;
 *   2. the import as POST /api/v1/import/assessments runs it after authentication (body read with the
 *      size limit, then lib/import): mode=check (decode + parse + validate, nothing written), then
 *      mode=commit (all of it again, plus the one-transaction bulk write), with each phase timed;
 *   3. a check that every imported assessment has its version-1 revision;
 *   4. the floor: the same rows and their revisions written with COPY (binary-free text COPY of
 *      pre-made rows, one transaction, the same triggers firing), the fastest way into the tables;
 *      the import's end-to-end rate is reported as a share of it (target: at least 30%).
 * BENCH_ROWS (default 100000) sets the import size. The scratch database is dropped at the end
 * (KEEP_BENCH_DB=1 keeps it).
 */
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { randomUUID } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

// lib/ modules are `server-only`; outside Next that package throws unless the react-server condition
// is set, so re-run this script with it (keeping tsx's loader flags).
if (!process.execArgv.some((a) => a.includes('react-server')) && !(process.env.NODE_OPTIONS ?? '').includes('react-server')) {
  const result = spawnSync(process.execPath, [...process.execArgv, '--conditions=react-server', ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}

const { createDatabaseIfMissing, resolveDatabase } = await import('../lib/db/server');
const { migrate } = await import('../lib/db/migrate');
const { resetEnvCache } = await import('../lib/env');
const { db, disconnectDb } = await import('../lib/db');
const { buildContext } = await import('../lib/auth/context');
const { createAssessment } = await import('../lib/assessments/commands');
const { csvCell } = await import('../lib/stance/csv');

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const BASELINE_ROWS = 1000;

const handle = await resolveDatabase((line) => console.log(line));
const serverUrl = new URL(handle.url);
const scratch = `sb_bench_import_${process.pid}`;
const adminUrl = Object.assign(new URL(serverUrl), { pathname: '/postgres' }).toString();
const url = Object.assign(new URL(serverUrl), { pathname: `/${scratch}` }).toString();

async function dropScratch() {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${scratch}" WITH (FORCE)`);
  await admin.end();
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const rate = (rows: number, ms: number) => `${Math.round(rows / (ms / 1000)).toLocaleString('en')} rows/s`;

try {
  console.log(`Machine: ${os.cpus()[0]?.model ?? 'unknown CPU'} × ${os.cpus().length}, Node ${process.version}`);
  await dropScratch();
  await createDatabaseIfMissing(adminUrl, scratch);
  await migrate(url);
  process.env.DATABASE_URL = url;
  process.env.API_RATE_LIMIT_PER_MINUTE = '100000';
  process.env.IMPORT_MAX_BYTES = String(200 * 1024 * 1024);
  resetEnvCache();

  const workspace = await db().workspace.create({ data: { name: 'Bench', slug: 'bench' } });
  const user = await db().user.create({ data: { email: 'bench@example.test', name: 'Bench Analyst', passwordHash: 'x' } });
  await db().membership.create({ data: { workspaceId: workspace.id, userId: user.id, role: 'ANALYST' } });
  const ctx = (await buildContext(user.id, workspace.id, { kind: 'session', sessionId: '00000000-0000-0000-0000-000000000000' }))!;
  const w = workspace.id;
  await db().actor.createMany({ data: Array.from({ length: 100 }, (_, i) => ({ workspaceId: w, name: `Actor ${i + 1}`, kind: 'STATE' as const })) });
  await db().issue.createMany({
    data: Array.from({ length: 20 }, (_, i) => ({
      workspaceId: w,
      title: `Issue ${i + 1}`,
      anchors: [
        { value: 0, label: 'None' },
        { value: 50, label: 'Half' },
        { value: 100, label: 'All' },
      ],
    })),
  });
  await db().source.createMany({
    data: Array.from({ length: 200 }, (_, i) => ({
      workspaceId: w,
      title: `Source ${i + 1}`,
      outlet: `Outlet ${(i % 15) + 1}`,
      publishedAt: new Date(Date.UTC(2020, 0, 1 + i)),
      kind: 'NEWS' as const,
      reliability: 'B' as const,
    })),
  });
  const [actors, issues, sources] = await Promise.all([
    db().actor.findMany({ where: { workspaceId: w }, select: { id: true, name: true } }),
    db().issue.findMany({ where: { workspaceId: w }, select: { id: true, title: true } }),
    db().source.findMany({ where: { workspaceId: w }, select: { id: true, title: true } }),
  ]);

  const confidence = ['LOW', 'MODERATE', 'HIGH'];
  const row = (i: number) => ({
    actor: i % 100,
    issue: (i * 7) % 20,
    source: (i * 13) % 200,
    position: (i * 37) % 101,
    salience: 20 + ((i * 11) % 80),
    capability: i % 3 === 0 ? '' : String((i * 3) % 101),
    confidence: confidence[i % 3]!,
    credibility: 1 + (i % 6),
    stanceDate: new Date(Date.UTC(2015, 0, 1) + (i % 3650) * 86_400_000).toISOString().slice(0, 10),
    quote: `Reading ${i}: "We will not accept any deal", the minister said, adding that talks, however long, would continue.`,
    rationale: i % 4 === 0 ? 'Stated in a televised address; consistent with earlier statements.' : '',
  });

  // 1. Baseline: the form's command, row by row.
  const t = performance.now();
  for (let i = 0; i < BASELINE_ROWS; i++) {
    const r = row(i);
    await createAssessment(ctx, {
      actorId: actors[r.actor]!.id,
      issueId: issues[r.issue]!.id,
      sourceId: sources[r.source]!.id,
      position: String(r.position),
      salience: String(r.salience),
      capability: r.capability,
      confidence: r.confidence,
      credibility: String(r.credibility),
      stanceDate: r.stanceDate,
      quote: r.quote,
      rationale: r.rationale,
    });
  }
  const baselineMs = performance.now() - t;

  // 2. The import, through the route handler, as an API client would call it.
  const header = 'actor,issue,source,position,salience,capability,confidence,credibility,stance_date,quote,rationale';
  const lines = [header];
  for (let i = 0; i < ROWS; i++) {
    const r = row(i);
    lines.push(
      [actors[r.actor]!.name, issues[r.issue]!.title, sources[r.source]!.title, r.position, r.salience, r.capability, r.confidence, r.credibility, r.stanceDate, r.quote, r.rationale]
        .map(csvCell)
        .join(','),
    );
  }
  const file = new TextEncoder().encode(lines.join('\r\n') + '\r\n');
  console.log(`Import file: ${ROWS.toLocaleString('en')} rows, ${(file.length / 1024 / 1024).toFixed(1)} MB of CSV`);

  // What POST /api/v1/import/assessments does after authentication (the route module itself needs
  // Next's runtime): read the body with the size limit, then check or check-and-write.
  const { readLimitedBody } = await import('../lib/api/body');
  const { importAssessments } = await import('../lib/import/assessments');
  const call = async (mode: 'check' | 'commit', sha256?: string) => {
    const started = performance.now();
    const request = new Request('http://bench.local/api/v1/import/assessments', {
      method: 'POST',
      headers: { 'content-type': 'text/csv', 'content-length': String(file.length) },
      body: file,
    });
    const bytes = await readLimitedBody(request, 200 * 1024 * 1024);
    const body = await importAssessments(ctx, bytes, { format: 'csv', createMissing: false, commit: mode === 'commit', expectedSha256: sha256 });
    return { ms: performance.now() - started, body };
  };
  const check = await call('check');
  if (check.body.errorCount) throw new Error(`the generated file has ${check.body.errorCount} errors`);
  const commit = await call('commit', check.body.sha256);

  // 3. Every assessment has its revision 1.
  const [counts] = await db().$queryRaw<{ assessments: number; revisions: number }[]>`
    SELECT (SELECT count(*)::int FROM "Assessment" WHERE "workspaceId" = ${w}::uuid) AS assessments,
           (SELECT count(*)::int FROM "AssessmentRevision" r WHERE r."workspaceId" = ${w}::uuid AND r.version = 1) AS revisions`;
  const { assessments, revisions } = counts!;
  if (assessments !== ROWS + BASELINE_ROWS || revisions !== assessments) {
    throw new Error(`expected ${ROWS + BASELINE_ROWS} assessments each with a revision, found ${assessments} and ${revisions}`);
  }

  // 4. COPY of the same rows, each with its revision, in one transaction on a plain connection.
  const copyRows = async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const text = (v: string) => v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
    const started = performance.now();
    try {
      await client.query('BEGIN');
      const ids: string[] = [];
      const assessmentLines = function* () {
        for (let i = 0; i < ROWS; i++) {
          const r = row(i);
          const id = randomUUID();
          ids.push(id);
          yield `${id}\t${w}\t${actors[r.actor]!.id}\t${issues[r.issue]!.id}\t${sources[r.source]!.id}\t${r.position}\t${r.salience}\t${r.capability || '\\N'}\t${r.confidence}\t${r.credibility}\t${r.stanceDate}\t${text(r.quote)}\t${text(r.rationale)}\t${user.id}\tnow\n`;
        }
      };
      await pipeline(
        Readable.from(assessmentLines()),
        client.query(
          copyFrom(`COPY "Assessment" (id, "workspaceId", "actorId", "issueId", "sourceId", position, salience, capability, confidence, credibility, "stanceDate", quote, rationale, "recordedById", "updatedAt") FROM STDIN`),
        ),
      );
      const revisionLines = function* () {
        for (let i = 0; i < ROWS; i++) {
          const r = row(i);
          const snapshot = text(JSON.stringify({ ...r, actorId: actors[r.actor]!.id, issueId: issues[r.issue]!.id, sourceId: sources[r.source]!.id }));
          yield `${ids[i]}\t${w}\t1\t${user.id}\t${snapshot}\t${snapshot}\n`;
        }
      };
      await pipeline(
        Readable.from(revisionLines()),
        client.query(copyFrom(`COPY "AssessmentRevision" ("assessmentId", "workspaceId", version, "editedById", changes, snapshot) FROM STDIN`)),
      );
      await client.query('COMMIT');
      return performance.now() - started;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      await client.end();
    }
  };
  const copyMs = await copyRows();

  const tm = commit.body.timings;
  const validationMs = (tm.decodeMs ?? 0) + (tm.parseMs ?? 0) + (tm.lookupMs ?? 0) + (tm.validateMs ?? 0);
  const writeMs = tm.writeMs ?? 0;
  console.log('');
  console.log(`Baseline, createAssessment row by row: ${BASELINE_ROWS} rows in ${seconds(baselineMs)} (${rate(BASELINE_ROWS, baselineMs)})`);
  console.log(`  extrapolated to ${ROWS.toLocaleString('en')} rows: ${seconds((baselineMs / BASELINE_ROWS) * ROWS)}`);
  console.log(`Import, mode=check (nothing written): ${seconds(check.ms)}`);
  console.log(`Import, mode=commit: ${seconds(commit.ms)} end to end (${rate(ROWS, commit.ms)})`);
  console.log(`  decode ${tm.decodeMs} ms, parse ${tm.parseMs} ms, look-ups ${tm.lookupMs} ms, validate ${tm.validateMs} ms -> validation ${seconds(validationMs)}`);
  console.log(`  write (one transaction, ${ROWS.toLocaleString('en')} assessments + ${ROWS.toLocaleString('en')} revisions): ${seconds(writeMs)} (${rate(ROWS, writeMs)})`);
  console.log(`  speed-up over the baseline: ${((baselineMs / BASELINE_ROWS) * ROWS / commit.ms).toFixed(1)}x`);
  const shareOfCopy = copyMs / commit.ms;
  console.log(`COPY of the same rows and revisions (one transaction): ${seconds(copyMs)} (${rate(ROWS, copyMs)})`);
  console.log(`  the import end to end runs at ${(shareOfCopy * 100).toFixed(0)}% of COPY's rate: ${shareOfCopy >= 0.3 ? 'MET' : 'MISSED'} (target ≥ 30%)`);
  console.log(`Verified: ${assessments.toLocaleString('en')} assessments, each with its version-1 revision.`);
  console.log(commit.ms < 30_000 ? 'PASS: under 30 s' : 'FAIL: 30 s or more');
} finally {
  await disconnectDb();
  if (process.env.KEEP_BENCH_DB !== '1') await dropScratch();
  else console.log(`Kept ${scratch}`);
  await handle.stop();
}
