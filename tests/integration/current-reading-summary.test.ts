// The maintained current readings ("CurrentReading", kept by triggers on "Assessment") must equal what a
// full scan of the assessments gives, after every kind of write: create, edit (date, position, moving
// a reading to another actor), soft delete, restore, hard delete, CSV import, workspace import, and
// concurrent writers on the same actor and issue. The same holds for the current positions
// ("CurrentPosition", kept from "CurrentReading" and "Source" by triggers), compared with the figure
// recomputed from every assessment with the weights of lib/stance/weights.ts, after the same writes and
// after a source's reliability changes or the source is deleted and restored.
import { describe, expect, it } from 'vitest';
import { createAssessment, updateAssessment } from '@/lib/assessments/commands';
import { db } from '@/lib/db';
import { exportWorkspaceText } from '@/lib/export/workspace';
import { importWorkspace } from '@/lib/export/import-workspace';
import { importAssessments } from '@/lib/import/assessments';
import { deleteRecord, restoreRecord } from '@/lib/records/soft-delete';
import { updateSource } from '@/lib/sources/commands';
import { currentPositions } from '@/lib/stance/current-position';
import { weightTenthsSql } from '@/lib/stance/sql';
import { Prisma } from '@/lib/generated/prisma/client';
import { createBasics, createMember, createTestWorkspace } from './helpers/fixtures';

const SUMMARY = `SELECT "workspaceId", "issueId", "actorId", "sourceId", "assessmentId", "position", "salience", "capability", "confidence"::text, "stanceDate", "recordedAt"
  FROM "CurrentReading" ORDER BY 1, 2, 3, 4`;
const SCAN = `SELECT * FROM (
  SELECT DISTINCT ON ("workspaceId", "issueId", "actorId", "sourceId")
         "workspaceId", "issueId", "actorId", "sourceId", "id" AS "assessmentId", "position", "salience", "capability", "confidence"::text, "stanceDate", "createdAt" AS "recordedAt"
    FROM "Assessment" WHERE "deletedAt" IS NULL
   ORDER BY "workspaceId", "issueId", "actorId", "sourceId", "stanceDate" DESC, "createdAt" DESC, "id" DESC) x ORDER BY 1, 2, 3, 4`;

const POSITIONS = Prisma.sql`SELECT "workspaceId", "issueId", "actorId", round("position"::numeric, 9) AS position, "median", "min", "max", "sources", "origins",
    round("weight"::numeric, 9) AS weight, "asOf", "oldest" FROM "CurrentPosition" ORDER BY 1, 2, 3`;
const POSITIONS_RECOMPUTED = Prisma.sql`
  WITH latest AS (
    SELECT DISTINCT ON ("workspaceId", "issueId", "actorId", "sourceId") *
      FROM "Assessment" WHERE "deletedAt" IS NULL
     ORDER BY "workspaceId", "issueId", "actorId", "sourceId", "stanceDate" DESC, "createdAt" DESC, "id" DESC),
  weighted AS (
    -- Sources sharing an origin (same text ignoring case and spacing) share one weight (lib/stance/origins.ts).
    SELECT a.*, ${weightTenthsSql()}::float8 / count(*) OVER (PARTITION BY a."workspaceId", a."issueId", a."actorId", g.key) AS w, g.key AS g FROM latest a
      JOIN "Source" s ON s."id" = a."sourceId" AND s."workspaceId" = a."workspaceId" AND s."deletedAt" IS NULL
      CROSS JOIN LATERAL (SELECT coalesce(nullif(lower(regexp_replace(btrim(s."origin"), '\\s+', ' ', 'g')), ''), a."sourceId"::text) AS key) g)
  SELECT "workspaceId", "issueId", "actorId", round((sum(w * "position") / sum(w))::numeric, 9) AS position,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY "position") AS median, min("position") AS min, max("position") AS max,
         count(*)::int AS sources, count(DISTINCT g)::int AS origins, round((sum(w) / 10.0)::numeric, 9) AS weight, max("stanceDate") AS "asOf", min("stanceDate") AS oldest
    FROM weighted GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`;

async function expectSummaryMatchesScan() {
  const [summary, scan, positions, recomputed] = await Promise.all([
    db().$queryRawUnsafe<unknown[]>(SUMMARY),
    db().$queryRawUnsafe<unknown[]>(SCAN),
    db().$queryRaw<unknown[]>(POSITIONS),
    db().$queryRaw<unknown[]>(POSITIONS_RECOMPUTED),
  ]);
  expect(summary).toEqual(scan);
  expect(positions).toEqual(recomputed);
  return summary.length;
}

const summaryOf = (workspaceId: string) =>
  db().$queryRaw<{ assessmentId: string; actorId: string; position: number }[]>`
    SELECT "assessmentId", "actorId", "position" FROM "CurrentReading" WHERE "workspaceId" = ${workspaceId}::uuid ORDER BY "actorId", "sourceId"`;

describe('the current readings kept by the write path', () => {
  it('follow create, edit, move, soft delete, restore and hard delete of assessments', async () => {
    const ws = await createTestWorkspace('Summary desk');
    const b = await createBasics(ws.workspaceId);
    const other = await db().actor.create({ data: { workspaceId: ws.workspaceId, name: 'Turkey', kind: 'STATE' } });
    const reading = (position: number, stanceDate: string, actorId = b.actor.id) =>
      createAssessment(ws.analyst, {
        actorId, issueId: b.issue.id, sourceId: b.source.id, position, salience: 60, confidence: 'HIGH', credibility: 2, stanceDate, quote: `At ${position}`,
      });

    const first = await reading(40, '2020-01-01');
    expect(await summaryOf(ws.workspaceId)).toEqual([{ assessmentId: first.id, actorId: b.actor.id, position: 40 }]);
    const later = await reading(70, '2020-06-01');
    const sameDay = await reading(75, '2020-06-01'); // same stance date, recorded last: it counts
    expect((await summaryOf(ws.workspaceId)).map((r) => r.assessmentId)).toEqual([sameDay.id]);
    await expectSummaryMatchesScan();

    // Edit: the same-day reading moves back in time, so the other June reading is the latest again.
    await updateAssessment(ws.analyst, {
      id: sameDay.id, version: 1, actorId: b.actor.id, issueId: b.issue.id, sourceId: b.source.id, position: 75, salience: 60, confidence: 'HIGH', credibility: 2,
      stanceDate: '2019-01-01', quote: 'At 75',
    });
    expect((await summaryOf(ws.workspaceId)).map((r) => r.assessmentId)).toEqual([later.id]);

    // Edit: a position change shows; moving the reading to another actor refreshes both actors.
    await updateAssessment(ws.analyst, {
      id: later.id, version: 1, actorId: other.id, issueId: b.issue.id, sourceId: b.source.id, position: 71, salience: 60, confidence: 'HIGH', credibility: 2,
      stanceDate: '2020-06-01', quote: 'At 71',
    });
    const moved = await summaryOf(ws.workspaceId);
    expect(moved).toHaveLength(2);
    expect(moved).toContainEqual({ assessmentId: later.id, actorId: other.id, position: 71 });
    expect(moved).toContainEqual({ assessmentId: first.id, actorId: b.actor.id, position: 40 }); // 2020-01-01 beats the edited 2019-01-01
    await expectSummaryMatchesScan();

    // Soft delete and restore.
    await deleteRecord(ws.analyst, 'assessment', { id: later.id });
    expect((await summaryOf(ws.workspaceId)).map((r) => r.actorId)).toEqual([b.actor.id]);
    await restoreRecord(ws.analyst, 'assessment', { id: later.id });
    expect(await summaryOf(ws.workspaceId)).toContainEqual({ assessmentId: later.id, actorId: other.id, position: 71 });
    await expectSummaryMatchesScan();

    // Hard delete (a workspace removal cascades to its assessments).
    await db().assessment.deleteMany({ where: { id: { in: [first.id, sameDay.id] } } });
    expect((await summaryOf(ws.workspaceId)).map((r) => r.actorId)).toEqual([other.id]);
    await expectSummaryMatchesScan();

    // The figure itself comes from the summary, and a deleted source stops counting at once.
    expect(await currentPositions(ws.viewer, { actorId: other.id })).toMatchObject([{ actorId: other.id, position: 71, sources: 1 }]);
    await deleteRecord(ws.analyst, 'source', { id: b.source.id });
    expect(await currentPositions(ws.viewer, { actorId: other.id })).toEqual([]);
    await expectSummaryMatchesScan();
  });

  it('weigh each source by its reliability now: a re-graded, deleted or restored source changes the position in the same write', async () => {
    const ws = await createTestWorkspace('Weights desk');
    const b = await createBasics(ws.workspaceId); // source graded B
    const wire = await db().source.create({
      data: { workspaceId: ws.workspaceId, title: 'Wire', outlet: 'Wire', kind: 'NEWS', reliability: 'A', publishedAt: new Date('2020-11-10') },
    });
    const reading = (sourceId: string, position: number, confidence: 'LOW' | 'HIGH') =>
      createAssessment(ws.analyst, {
        actorId: b.actor.id, issueId: b.issue.id, sourceId, position, salience: 60, confidence, credibility: 2, stanceDate: '2020-11-11', quote: `At ${position}`,
      });
    await reading(b.source.id, 20, 'HIGH'); // weight 3 × 0.8 = 2.4
    await reading(wire.id, 80, 'LOW'); // weight 1 × 1.0 = 1
    const position = async () => (await currentPositions(ws.viewer, { actorId: b.actor.id }))[0];
    expect(await position()).toMatchObject({ sources: 2, min: 20, max: 80, median: 50, asOf: '2020-11-11' });
    expect((await position())!.position).toBeCloseTo((20 * 24 + 80 * 10) / 34, 9);
    expect((await position())!.weight).toBeCloseTo(3.4, 9);
    await expectSummaryMatchesScan();

    // Re-grading the think tank from B to E (weight 3 × 0.2 = 0.6) moves the figure towards the wire.
    const source = await db().source.findUniqueOrThrow({ where: { id: b.source.id } });
    await updateSource(ws.analyst, {
      id: source.id, version: source.version, title: source.title, outlet: source.outlet, author: '', url: '', publishedAt: '2020-11-13', kind: source.kind,
      reliability: 'E', citedInId: null,
    });
    expect((await position())!.position).toBeCloseTo((20 * 6 + 80 * 10) / 16, 9);
    await expectSummaryMatchesScan();

    // Deleting the wire leaves the think tank alone; restoring it brings the wire back.
    await deleteRecord(ws.analyst, 'source', { id: wire.id });
    expect(await position()).toMatchObject({ sources: 1, position: 20 });
    await expectSummaryMatchesScan();
    await restoreRecord(ws.analyst, 'source', { id: wire.id });
    expect(await position()).toMatchObject({ sources: 2 });
    await expectSummaryMatchesScan();

    // A deleted actor drops out of the figures (readers join the actor), and comes back on restore.
    await deleteRecord(ws.analyst, 'actor', { id: b.actor.id });
    expect(await currentPositions(ws.viewer)).toEqual([]);
    await restoreRecord(ws.analyst, 'actor', { id: b.actor.id });
    expect(await currentPositions(ws.viewer)).toHaveLength(1);
  });

  it('follow a CSV import and a workspace import, in the same transaction as the rows', async () => {
    const ws = await createTestWorkspace('Import desk');
    const b = await createBasics(ws.workspaceId);
    const header = 'actor,issue,source,position,salience,capability,confidence,credibility,stance_date,quote,rationale';
    const rows = [
      [b.actor.name, b.issue.title, b.source.title, 20, 50, '', 'low', 3, '2020-01-01', 'early', ''],
      [b.actor.name, b.issue.title, b.source.title, 80, 50, 40, 'high', 2, '2020-11-10', 'late', ''],
      ['Armenia', b.issue.title, b.source.title, 10, 70, '', 'moderate', 2, '2020-11-10', 'Yerevan', ''],
    ].map((r) => r.join(','));
    const report = await importAssessments(ws.analyst, new TextEncoder().encode(`${header}\n${rows.join('\n')}\n`), { format: 'csv', createMissing: true, commit: true });
    expect(report).toMatchObject({ ok: true, committed: true });
    const imported = await summaryOf(ws.workspaceId);
    expect(imported.map((r) => r.position).sort()).toEqual([10, 80]);
    await expectSummaryMatchesScan();

    const target = await db().workspace.create({ data: { name: 'Restored desk', slug: `restored-${Date.now()}` } });
    const admin = await createMember(target.id, 'ADMIN');
    await importWorkspace(admin, await exportWorkspaceText(ws.admin));
    expect((await summaryOf(target.id)).map((r) => r.position).sort()).toEqual([10, 80]);
    await expectSummaryMatchesScan();
    const strip = (list: { actorName: string; position: number; sources: number }[]) => list.map(({ actorName, position, sources }) => ({ actorName, position, sources }));
    expect(strip(await currentPositions(admin))).toEqual(strip(await currentPositions(ws.admin)));
  });

  it('stay right when many analysts record readings of the same actor and issue at once', async () => {
    const ws = await createTestWorkspace('Busy desk');
    const b = await createBasics(ws.workspaceId);
    const sources = await Promise.all(
      [1, 2, 3].map((n) => db().source.create({ data: { workspaceId: ws.workspaceId, title: `Wire ${n}`, outlet: `Wire ${n}`, kind: 'NEWS', reliability: 'B', publishedAt: new Date('2020-11-10') } })),
    );
    await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        createAssessment(ws.analyst, {
          actorId: b.actor.id, issueId: b.issue.id, sourceId: sources[i % 3]!.id, position: i, salience: 50, confidence: 'MODERATE', credibility: 2,
          stanceDate: `2020-11-${String(1 + (i % 28)).padStart(2, '0')}`, quote: `Reading ${i}`,
        }),
      ),
    );
    expect(await summaryOf(ws.workspaceId)).toHaveLength(3);
    await expectSummaryMatchesScan();
  });
});
