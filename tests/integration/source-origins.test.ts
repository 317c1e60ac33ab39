// Independent sources: readings from sources that share an origin count once in the weights (each
// reading's weight divided by the number of sources with its origin; lib/stance/origins.ts), in the
// trigger-kept current position, the weighted stance lines and the scenario baseline alike; every source
// whole on request (origins=all). A source's origin is entered through the same schema by form and API.
import { beforeAll, describe, expect, it } from 'vitest';
import { createAssessment } from '@/lib/assessments/commands';
import { db } from '@/lib/db';
import { exportWorkspaceText } from '@/lib/export/workspace';
import { importWorkspace } from '@/lib/export/import-workspace';
import { deleteRecord, restoreRecord } from '@/lib/records/soft-delete';
import { scenarioBaseline } from '@/lib/scenarios/queries';
import { createSource, updateSource } from '@/lib/sources/commands';
import { getSource, originOptions, sourcesSharingOrigin } from '@/lib/sources/queries';
import { currentPositions } from '@/lib/stance/current-position';
import { issueReadingsCsv, sourceComparisonCsv } from '@/lib/stance/export';
import { sourceComparison } from '@/lib/stance/source-comparison';
import { stanceSeries } from '@/lib/stance/series';
import { createBasics, createMember, createTestWorkspace, rejection, type TestWorkspace } from './helpers/fixtures';

type Basics = Awaited<ReturnType<typeof createBasics>>;

const sourceInput = (title: string, reliability: 'A' | 'B', origin: string) => ({
  title, outlet: title, author: '', url: '', publishedAt: '2020-11-10', kind: 'NEWS', reliability, body: '', citedInId: null, origin,
});

// The hand-computed example. Weights are confidence × reliability (lib/stance/weights.ts):
//   Gabuev comment  B, HIGH      2.4  at 20  } same origin: the London Daily piece,
//   London Daily    B, MODERATE  1.6  at 40  } so each counts with half its weight (1.2, 0.8)
//   ISW             A, HIGH      3.0  at 80    independent: whole weight
// Position = (20·1.2 + 40·0.8 + 80·3.0) / (1.2 + 0.8 + 3.0) = 296 / 5 = 59.2, weight 5.0, 2 origins.
// Counting every source whole: (20·2.4 + 40·1.6 + 80·3.0) / 7 = 352 / 7 = 50.2857…, weight 7.0.
// Weighted median, shared: cumulative 1.2, 2.0, 5.0 of 5.0 → half reached at 80; whole: 2.4, 4.0 of 7.0 → 40.
const SHARED = 296 / 5;
const WHOLE = 352 / 7;

let ws: TestWorkspace;
let b: Basics;
let gabuev: { id: string };
let london: { id: string };
let isw: { id: string };

async function reading(sourceId: string, position: number, confidence: 'MODERATE' | 'HIGH', actorId = b.actor.id) {
  return createAssessment(ws.analyst, {
    actorId, issueId: b.issue.id, sourceId, position, salience: 60, capability: 50, confidence, credibility: 2, stanceDate: '2020-11-10', quote: `At ${position}`,
  });
}
const positionNow = async (origins?: 'all') => (await currentPositions(ws.viewer, { actorId: b.actor.id, ...(origins ? { origins } : {}) }))[0]!;
const version = async (id: string) => (await db().source.findUniqueOrThrow({ where: { id } })).version;

beforeAll(async () => {
  ws = await createTestWorkspace('Origins desk');
  b = await createBasics(ws.workspaceId);
  // Spelled differently on purpose: case and spacing do not matter.
  gabuev = await createSource(ws.analyst, sourceInput('Gabuev comment', 'B', 'London Daily analysis, 10 Nov 2020'));
  london = await createSource(ws.analyst, sourceInput('London Daily', 'B', '  london daily   ANALYSIS, 10 Nov 2020 '));
  isw = await createSource(ws.analyst, sourceInput('ISW', 'A', ''));
  await reading(gabuev.id, 20, 'HIGH');
  await reading(london.id, 40, 'MODERATE');
  await reading(isw.id, 80, 'HIGH');
});

describe('origin de-duplication in the weights', () => {
  it('counts two sources sharing an origin once in where the actor stands now (hand-computed)', async () => {
    expect((await db().source.findUniqueOrThrow({ where: { id: london.id } })).origin).toBe('london daily ANALYSIS, 10 Nov 2020');
    expect((await db().source.findUniqueOrThrow({ where: { id: isw.id } })).origin).toBeNull();
    const now = await positionNow();
    expect(now).toMatchObject({ sources: 3, origins: 2, min: 20, max: 80, median: 40 });
    expect(now.position).toBeCloseTo(SHARED, 9);
    expect(now.weight).toBeCloseTo(5, 9);
    const whole = await positionNow('all');
    expect(whole).toMatchObject({ sources: 3, origins: 2 });
    expect(whole.position).toBeCloseTo(WHOLE, 9);
    expect(whole.weight).toBeCloseTo(7, 9);
  });

  it('applies the same rule to the weighted stance line (mean and median) unless every source is asked for', async () => {
    const bucketOf = async (filters: Parameters<typeof stanceSeries>[2]) =>
      (await stanceSeries(ws.viewer, b.issue.id, { ...filters, bucket: 'day' }, { allStatistics: true })).series.find((s) => s.actorId === b.actor.id)!.buckets[0]!;
    const shared = await bucketOf({ weighted: true });
    expect(shared.weightedMean).toBeCloseTo(SHARED, 9);
    expect(shared.weightedMedian).toBe(80);
    expect(shared.mean).toBeCloseTo(140 / 3, 9); // unweighted figures show every reading
    const whole = await bucketOf({ weighted: true, origins: 'all' });
    expect(whole.weightedMean).toBeCloseTo(WHOLE, 9);
    expect(whole.weightedMedian).toBe(40);
    const median = await stanceSeries(ws.viewer, b.issue.id, { weighted: true, agg: 'median', bucket: 'day' });
    expect(median.series[0]!.buckets[0]!.value).toBe(80);
  });

  it('applies it to the scenario baseline, and says so in the explanation', async () => {
    const baseline = await scenarioBaseline(ws.viewer, b.issue.id, '2020-11-30');
    const actor = baseline.actors.find((a) => a.actorId === b.actor.id)!;
    expect(actor.position).toBeCloseTo(SHARED, 9);
    const weights = Object.fromEntries(actor.readings.map((r) => [r.sourceTitle, [r.ownWeight, r.weight]]));
    expect(weights).toEqual({ 'Gabuev comment': [2.4, 1.2], 'London Daily': [1.6, 0.8], ISW: [3, 3] });
    expect(actor.explanation.join('\n')).toContain('2 sources share the origin');
  });

  it('shows which sources share an origin in the source comparison, its CSV and on the source', async () => {
    const comparison = await sourceComparison(ws.viewer, b.actor.id, b.issue.id);
    expect(comparison.sharedOrigins).toHaveLength(1);
    expect(comparison.sharedOrigins[0]!.sourceIds.sort()).toEqual([gabuev.id, london.id].sort());
    expect(Object.fromEntries(comparison.placements.map((p) => [p.title, p.sharingOrigin]))).toEqual({ 'Gabuev comment': 2, 'London Daily': 2, ISW: 1 });
    const csv = (await sourceComparisonCsv(ws.viewer, b.issue.id, { actor: b.actor.id })).csv;
    expect(csv).toContain('source_origin,sources_sharing_origin');
    expect(csv).toMatch(/Gabuev comment,.*London Daily analysis, 10 Nov 2020",2,20/);
    expect((await issueReadingsCsv(ws.viewer, b.issue.id, {} as never)).csv).toContain('source_origin');
    expect((await sourcesSharingOrigin(ws.viewer, gabuev.id, (await getSource(ws.viewer, gabuev.id)).origin)).map((s) => s.id)).toEqual([london.id]);
    expect(await originOptions(ws.viewer)).toHaveLength(2); // two spellings, each offered once
  });

  it('recomputes the kept position in the same write when an origin changes, whatever writes it', async () => {
    // ISW joins the same origin: one origin, so every weight is shared by three and the figure is the plain weighted mean.
    await updateSource(ws.analyst, { id: isw.id, version: await version(isw.id), ...sourceInput('ISW', 'A', 'LONDON DAILY analysis, 10 Nov 2020') });
    let now = await positionNow();
    expect(now).toMatchObject({ origins: 1 });
    expect(now.position).toBeCloseTo(WHOLE, 9);
    expect(now.weight).toBeCloseTo(7 / 3, 9);

    // A write outside the app (plain SQL) is followed too: Gabuev's comment loses its origin.
    await db().$executeRaw`UPDATE "Source" SET "origin" = NULL WHERE "id" = ${gabuev.id}::uuid`;
    now = await positionNow();
    // Gabuev 2.4 alone; London Daily and ISW share: 0.8 and 1.5. (48 + 32 + 120) / 4.7
    expect(now).toMatchObject({ origins: 2 });
    expect(now.position).toBeCloseTo((20 * 2.4 + 40 * 0.8 + 80 * 1.5) / 4.7, 9);

    // Deleting one of a sharing pair gives the other its whole weight back; restoring shares it again.
    await deleteRecord(ws.analyst, 'source', { id: london.id });
    now = await positionNow();
    expect(now.position).toBeCloseTo((20 * 2.4 + 80 * 3) / 5.4, 9);
    await restoreRecord(ws.analyst, 'source', { id: london.id });
    expect((await positionNow()).position).toBeCloseTo((20 * 2.4 + 40 * 0.8 + 80 * 1.5) / 4.7, 9);

    // Back to the example.
    await updateSource(ws.analyst, { id: isw.id, version: await version(isw.id), ...sourceInput('ISW', 'A', '') });
    await updateSource(ws.analyst, { id: gabuev.id, version: await version(gabuev.id), ...sourceInput('Gabuev comment', 'B', 'London Daily analysis, 10 Nov 2020') });
    expect((await positionNow()).position).toBeCloseTo(SHARED, 9);
  });

  it('validates the origin with the shared schema and refuses viewers', async () => {
    const tooLong = await rejection(() => createSource(ws.analyst, sourceInput('Long', 'B', 'x'.repeat(501))));
    expect(tooLong.code).toBe('VALIDATION');
    expect(tooLong.extra.fieldErrors?.origin?.[0]).toMatch(/Origin must be at most 500 characters/);
    expect((await rejection(() => createSource(ws.viewer, sourceInput('Viewer', 'B', 'Wire')))).code).toBe('FORBIDDEN');
    const isw2 = await db().source.findUniqueOrThrow({ where: { id: isw.id } });
    expect((await rejection(() => updateSource(ws.viewer, { id: isw.id, version: isw2.version, ...sourceInput('ISW', 'A', 'Wire') }))).code).toBe('FORBIDDEN');
    expect((await db().source.findUniqueOrThrow({ where: { id: isw.id } })).origin).toBeNull();
  });

  it('keeps origins to their workspace: the same text elsewhere shares nothing, and other workspaces get 404', async () => {
    const other = await createTestWorkspace('Other origins desk');
    const ob = await createBasics(other.workspaceId);
    const twin = await createSource(other.analyst, sourceInput('Twin', 'B', 'London Daily analysis, 10 Nov 2020'));
    await createAssessment(other.analyst, {
      actorId: ob.actor.id, issueId: ob.issue.id, sourceId: twin.id, position: 10, salience: 60, confidence: 'HIGH', credibility: 2, stanceDate: '2020-11-10', quote: 'Far off',
    });
    // A source of this workspace with the same origin as theirs does not pull their weights down.
    expect((await positionNow()).position).toBeCloseTo(SHARED, 9);
    expect(await currentPositions(other.viewer, { actorId: ob.actor.id })).toMatchObject([{ position: 10, sources: 1, origins: 1, weight: 2.4 }]);
    expect(await sourcesSharingOrigin(other.viewer, twin.id, 'London Daily analysis, 10 Nov 2020')).toEqual([]);
    expect(await originOptions(other.viewer)).toEqual(['London Daily analysis, 10 Nov 2020']);
    expect((await rejection(() => getSource(other.viewer, gabuev.id))).code).toBe('NOT_FOUND');
    const v = await version(gabuev.id);
    expect((await rejection(() => updateSource(other.admin, { id: gabuev.id, version: v, ...sourceInput('Hijack', 'B', 'Twin') }))).code).toBe('NOT_FOUND');
    expect((await rejection(() => sourceComparison(other.viewer, b.actor.id, b.issue.id))).code).toBe('NOT_FOUND');
  });

  it('keeps origins through a workspace export and import, with the same positions', async () => {
    const target = await db().workspace.create({ data: { name: 'Restored origins', slug: `restored-origins-${Date.now()}` } });
    const admin = await createMember(target.id, 'ADMIN');
    await importWorkspace(admin, await exportWorkspaceText(ws.admin));
    const origins = await db().source.findMany({ where: { workspaceId: target.id }, select: { title: true, origin: true }, orderBy: { title: 'asc' } });
    expect(origins).toEqual(
      expect.arrayContaining([
        { title: 'Gabuev comment', origin: 'London Daily analysis, 10 Nov 2020' },
        { title: 'ISW', origin: null },
        { title: 'London Daily', origin: 'london daily ANALYSIS, 10 Nov 2020' },
      ]),
    );
    const restored = (await currentPositions(admin)).find((p) => p.actorName === b.actor.name)!;
    expect(restored.position).toBeCloseTo(SHARED, 9);
    expect(restored.origins).toBe(2);
  });
});
