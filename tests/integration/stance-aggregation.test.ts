// lib/stance against real PostgreSQL, on a fixture small enough to compute by hand. Every expected
// number below is worked out in the comment next to it from the readings listed in the fixture.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildContext, type Ctx } from '@/lib/auth/context';
import { db } from '@/lib/db';
import { isAppError } from '@/lib/errors';
import { issueReadingsCsv, issueSeriesCsv, sourceComparisonCsv } from '@/lib/stance/export';
import { actorProfile } from '@/lib/stance/actor-profile';
import { issueSpread, largestShifts, latestAssessments } from '@/lib/stance/dashboard';
import { sourceComparison } from '@/lib/stance/source-comparison';
import { stanceIssue, stanceSeries } from '@/lib/stance/series';
import { stanceReadings } from '@/lib/stance/readings';
import { type StanceSeriesResult } from '@/lib/stance/types';
import { parseStanceFilters } from '@/lib/stance/schema';

type Conf = 'LOW' | 'MODERATE' | 'HIGH';

let ctx: Ctx;
let otherCtx: Ctx;
const ids = {} as Record<
  | 'ws' | 'other' | 'user' | 'otherUser' | 'alpha' | 'bravo' | 'deletedActor' | 'otherActor'
  | 'issue' | 'issueJ' | 'longIssue' | 'deletedIssue' | 'otherIssue'
  | 's1' | 's2' | 's3' | 'deletedSource' | 'otherSource' | 'r1',
  string
>;

let clock = Date.UTC(2025, 0, 1);
async function reading(r: {
  ws?: string; actor: string; issue: string; source: string; position: number; date: string; confidence: Conf;
  quote?: string; deleted?: boolean; user?: string;
}) {
  clock += 60_000; // createdAt increases with each insert, so "latest recorded" is predictable
  const row = await db().assessment.create({
    data: {
      workspaceId: r.ws ?? ids.ws,
      actorId: r.actor,
      issueId: r.issue,
      sourceId: r.source,
      position: r.position,
      salience: 50,
      confidence: r.confidence,
      credibility: 2,
      stanceDate: new Date(`${r.date}T00:00:00Z`),
      quote: r.quote ?? `Reading ${r.position} on ${r.date}`,
      recordedById: r.user ?? ids.user,
      createdAt: new Date(clock),
      deletedAt: r.deleted ? new Date(clock) : null,
    },
    select: { id: true },
  });
  return row.id;
}

async function workspaceWithAnalyst(slug: string, email: string) {
  const ws = await db().workspace.create({ data: { name: `Team ${slug}`, slug } });
  const user = await db().user.create({ data: { email, name: `Analyst ${slug}`, passwordHash: 'x' } });
  await db().membership.create({ data: { workspaceId: ws.id, userId: user.id, role: 'ANALYST' } });
  return { ws: ws.id, user: user.id };
}

const anchors = [{ value: 0, label: 'None' }, { value: 100, label: 'All' }];

beforeAll(async () => {
  const main = await workspaceWithAnalyst('main', 'main@example.test');
  const other = await workspaceWithAnalyst('other', 'other@example.test');
  Object.assign(ids, { ws: main.ws, user: main.user, other: other.ws, otherUser: other.user });
  ctx = (await buildContext(ids.user, ids.ws, { kind: 'session', sessionId: 'x' }))!;
  otherCtx = (await buildContext(ids.otherUser, ids.other, { kind: 'session', sessionId: 'y' }))!;

  const actor = (name: string, ws = ids.ws, deleted = false) =>
    db().actor.create({ data: { workspaceId: ws, name, kind: 'STATE', deletedAt: deleted ? new Date() : null } }).then((a) => a.id);
  const issue = (title: string, ws = ids.ws, deleted = false) =>
    db().issue.create({ data: { workspaceId: ws, title, anchors, deletedAt: deleted ? new Date() : null } }).then((i) => i.id);
  const source = (outlet: string, kind: 'NEWS' | 'THINK_TANK' | 'OFFICIAL_STATEMENT', reliability: 'A' | 'B' | 'C' | 'F', ws = ids.ws, deleted = false) =>
    db()
      .source.create({ data: { workspaceId: ws, title: `${outlet} article`, outlet, kind, reliability, publishedAt: new Date('2024-01-01'), deletedAt: deleted ? new Date() : null } })
      .then((s) => s.id);

  ids.alpha = await actor('Alpha');
  ids.bravo = await actor('Bravo');
  ids.deletedActor = await actor('Deleted actor', ids.ws, true);
  ids.otherActor = await actor('Other team actor', ids.other);
  ids.issue = await issue('Issue I');
  ids.issueJ = await issue('Issue J');
  ids.longIssue = await issue('Issue spanning decades');
  ids.deletedIssue = await issue('Deleted issue', ids.ws, true);
  ids.otherIssue = await issue('Other team issue', ids.other);
  ids.s1 = await source('S1 News', 'NEWS', 'A');
  ids.s2 = await source('S2 Think tank', 'THINK_TANK', 'C');
  ids.s3 = await source('S3 Statement', 'OFFICIAL_STATEMENT', 'F');
  ids.deletedSource = await source('Deleted source', 'NEWS', 'B', ids.ws, true);
  ids.otherSource = await source('Other team source', 'NEWS', 'A', ids.other);

  // Weights (STANCE_WEIGHTS, ×10 as the SQL keeps them): confidence LOW 1, MODERATE 2, HIGH 3 ×
  // reliability A 10, C 6, F 3.
  // Alpha on issue I (2024-01-01 and 2024-02-05 are Mondays):
  ids.r1 = await reading({ actor: ids.alpha, issue: ids.issue, source: ids.s1, position: 10, date: '2024-01-01', confidence: 'HIGH', quote: '=HYPERLINK("http://evil"), said "Alpha"\nand more' }); // w 30
  await reading({ actor: ids.alpha, issue: ids.issue, source: ids.s2, position: 40, date: '2024-01-03', confidence: 'LOW' }); // w 6
  await reading({ actor: ids.alpha, issue: ids.issue, source: ids.s3, position: 70, date: '2024-01-03', confidence: 'MODERATE' }); // w 6
  await reading({ actor: ids.alpha, issue: ids.issue, source: ids.s1, position: 50, date: '2024-01-10', confidence: 'MODERATE' }); // w 20
  await reading({ actor: ids.alpha, issue: ids.issue, source: ids.s2, position: 90, date: '2024-02-05', confidence: 'HIGH' }); // w 18
  // Bravo on issue I:
  await reading({ actor: ids.bravo, issue: ids.issue, source: ids.s1, position: 60, date: '2024-01-02', confidence: 'LOW' }); // w 10
  await reading({ actor: ids.bravo, issue: ids.issue, source: ids.s2, position: 80, date: '2024-01-02', confidence: 'LOW' }); // w 6
  // Alpha on issue J: S1 on 1 March, then two analysts read S1 for 2 March.
  await reading({ actor: ids.alpha, issue: ids.issueJ, source: ids.s1, position: 20, date: '2024-03-01', confidence: 'MODERATE' });
  await reading({ actor: ids.alpha, issue: ids.issueJ, source: ids.s1, position: 15, date: '2024-03-02', confidence: 'MODERATE' });
  await reading({ actor: ids.alpha, issue: ids.issueJ, source: ids.s1, position: 35, date: '2024-03-02', confidence: 'MODERATE' });
  // A long issue: 24 years between two readings.
  await reading({ actor: ids.alpha, issue: ids.longIssue, source: ids.s1, position: 5, date: '2000-01-01', confidence: 'LOW' });
  await reading({ actor: ids.alpha, issue: ids.longIssue, source: ids.s1, position: 95, date: '2024-01-01', confidence: 'LOW' });
  // Everything below must never show (all at position 0, which would drag any mean down), and they
  // are recorded last, so "latest assessments" would list them first if they leaked.
  await reading({ actor: ids.alpha, issue: ids.issue, source: ids.s1, position: 0, date: '2024-01-01', confidence: 'HIGH', deleted: true });
  await reading({ actor: ids.alpha, issue: ids.issue, source: ids.deletedSource, position: 0, date: '2024-01-01', confidence: 'HIGH' });
  await reading({ actor: ids.deletedActor, issue: ids.issue, source: ids.s1, position: 0, date: '2024-01-01', confidence: 'HIGH' });
  await reading({ actor: ids.alpha, issue: ids.deletedIssue, source: ids.s1, position: 0, date: '2024-01-01', confidence: 'HIGH' });
  await reading({ ws: ids.other, user: ids.otherUser, actor: ids.otherActor, issue: ids.otherIssue, source: ids.otherSource, position: 0, date: '2024-01-01', confidence: 'HIGH' });
  await reading({ ws: ids.other, user: ids.otherUser, actor: ids.otherActor, issue: ids.otherIssue, source: ids.otherSource, position: 100, date: '2024-03-05', confidence: 'HIGH' });

  await db().statedInterest.createMany({
    data: [
      { workspaceId: ids.ws, actorId: ids.alpha, sourceId: ids.s1, statedOn: new Date('2024-01-01'), quote: 'Alpha wants it all', createdById: ids.user },
      { workspaceId: ids.ws, actorId: ids.alpha, sourceId: ids.s1, statedOn: new Date('2024-01-02'), quote: 'Deleted interest', createdById: ids.user, deletedAt: new Date() },
      { workspaceId: ids.ws, actorId: ids.alpha, sourceId: ids.deletedSource, statedOn: new Date('2024-01-03'), quote: 'From a deleted source', createdById: ids.user },
    ],
  });
});

const seriesOf = (r: StanceSeriesResult, actorId: string) => r.series.find((s) => s.actorId === actorId);
const values = (r: StanceSeriesResult, actorId: string) => seriesOf(r, actorId)?.buckets.map((b) => [b.start, b.value]);

async function expectNotFound(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(isAppError(error) && error.code).toBe('NOT_FOUND');
}

describe('stanceSeries aggregates per actor and bucket in PostgreSQL', () => {
  it('picks day buckets for a short span and computes mean, median, weighted mean and median, SDs, min, max and sources', async () => {
    const r = await stanceSeries(ctx, ids.issue, { agg: 'median', weighted: true });
    expect(r.bucketUnit).toBe('day'); // 2024-01-01 .. 2024-02-05: 36 days
    expect(r.series.map((s) => s.actorName)).toEqual(['Alpha', 'Bravo']);
    const alpha = seriesOf(r, ids.alpha)!;
    expect(alpha.total).toBe(5);
    expect(alpha.buckets.map((b) => b.start)).toEqual(['2024-01-01', '2024-01-03', '2024-01-10', '2024-02-05']);
    const jan3 = alpha.buckets[1]!;
    // 40 (w 6) and 70 (w 6): mean 55, median 55; weighted mean (40·6 + 70·6)/12 = 55; weighted median:
    // the running weight reaches half (6 of 12) exactly at 40, so the midpoint of 40 and 70 = 55.
    expect(jan3).toMatchObject({ n: 2, mean: 55, median: 55, weightedMean: 55, weightedMedian: 55, min: 40, max: 70, end: '2024-01-04' });
    expect(jan3.sdSample).toBeCloseTo(Math.sqrt(450), 10); // ((−15)² + 15²) / (2 − 1) = 450
    expect(jan3.sdPopulation).toBeCloseTo(15, 10); // sqrt(450 / 2)
    expect(new Set(jan3.sourceIds)).toEqual(new Set([ids.s2, ids.s3]));
    expect(alpha.buckets[0]!.sdSample).toBeNull(); // one reading
    const bravo = seriesOf(r, ids.bravo)!.buckets[0]!;
    // 60 (w 10) and 80 (w 6): mean 70; weighted mean (600 + 480) / 16 = 67.5; weighted median: the
    // running weight passes half (8 of 16) at 60 already, so 60 (the line value: weighted median).
    expect(bravo).toMatchObject({ start: '2024-01-02', mean: 70, median: 70, weightedMean: 67.5, weightedMedian: 60, value: 60 });
  });

  it('buckets by ISO week (from Monday) and by month', async () => {
    const week = await stanceSeries(ctx, ids.issue, { bucket: 'week', weighted: true, agg: 'median' });
    expect(week.bucketUnit).toBe('week');
    const w1 = seriesOf(week, ids.alpha)!.buckets[0]!;
    // Week of Mon 2024-01-01: 10 (w 30), 40 (w 6), 70 (w 6). Mean 40, median 40.
    // Weighted mean (300 + 240 + 420) / 42 = 22.857…; weighted median 10 (30 of 42 already passes half).
    // Sample SD: deviations −30, 0, 30 → 1800 / 2 = 900 → 30; population sqrt(1800 / 3).
    expect(w1).toMatchObject({ start: '2024-01-01', end: '2024-01-08', n: 3, mean: 40, median: 40, weightedMedian: 10, sdSample: 30 });
    expect(w1.weightedMean).toBeCloseTo(960 / 42, 10);
    expect(w1.sdPopulation).toBeCloseTo(Math.sqrt(600), 10);
    expect(values(week, ids.alpha)).toEqual([['2024-01-01', 10], ['2024-01-08', 50], ['2024-02-05', 90]]);

    const month = await stanceSeries(ctx, ids.issue, { bucket: 'month' });
    expect(month.bucketUnit).toBe('month');
    // January: 10, 40, 70, 50 → mean 42.5, median (40 + 50) / 2 = 45. February: 90.
    expect(values(month, ids.alpha)).toEqual([['2024-01-01', 42.5], ['2024-02-01', 90]]);
    expect(seriesOf(month, ids.alpha)!.buckets[0]!.median).toBe(45);
    const weightedMonth = await stanceSeries(ctx, ids.issue, { bucket: 'month', weighted: true });
    // Weighted mean of January: (300 + 240 + 420 + 50·20) / (30 + 6 + 6 + 20) = 1960 / 62.
    expect(seriesOf(weightedMonth, ids.alpha)!.buckets[0]!.value).toBeCloseTo(1960 / 62, 10);
    const weightedMedianMonth = await stanceSeries(ctx, ids.issue, { bucket: 'month', weighted: true, agg: 'median' });
    // Sorted 10 (30), 40 (6), 50 (20), 70 (6); half of 62 is 31; running weight 30, then 36 at 40 → 40.
    expect(seriesOf(weightedMedianMonth, ids.alpha)!.buckets[0]!.value).toBe(40);
  });

  it('coarsens the buckets when a line would have more than 1,000 of them', async () => {
    // 2000-01-01 .. 2024-01-01: 8,767 days, 1,253 weeks, 289 months.
    const auto = await stanceSeries(ctx, ids.longIssue, {});
    expect(auto.bucketUnit).toBe('month');
    expect(values(auto, ids.alpha)).toEqual([['2000-01-01', 5], ['2024-01-01', 95]]);
    expect((await stanceSeries(ctx, ids.longIssue, { bucket: 'day' })).bucketUnit).toBe('month');
    expect((await stanceSeries(ctx, ids.issue, { bucket: 'day' })).bucketUnit).toBe('day');
  });

  it('filters by source, source kind, stance dates, minimum confidence and minimum reliability', async () => {
    const bySource = await stanceSeries(ctx, ids.issue, { sources: [ids.s1] });
    expect(values(bySource, ids.alpha)).toEqual([['2024-01-01', 10], ['2024-01-10', 50]]);
    expect(values(bySource, ids.bravo)).toEqual([['2024-01-02', 60]]);

    const byKind = await stanceSeries(ctx, ids.issue, { kinds: ['THINK_TANK'] });
    expect(values(byKind, ids.alpha)).toEqual([['2024-01-03', 40], ['2024-02-05', 90]]);
    expect(values(byKind, ids.bravo)).toEqual([['2024-01-02', 80]]);

    const byDate = await stanceSeries(ctx, ids.issue, { from: '2024-01-03', to: '2024-01-10' });
    expect(values(byDate, ids.alpha)).toEqual([['2024-01-03', 55], ['2024-01-10', 50]]);
    expect(seriesOf(byDate, ids.bravo)).toBeUndefined();

    const byConfidence = await stanceSeries(ctx, ids.issue, { minConfidence: 'MODERATE' });
    // Keeps HIGH and MODERATE: 10, 70, 50, 90. Bravo's readings are both LOW.
    expect(values(byConfidence, ids.alpha)).toEqual([['2024-01-01', 10], ['2024-01-03', 70], ['2024-01-10', 50], ['2024-02-05', 90]]);
    expect(seriesOf(byConfidence, ids.bravo)).toBeUndefined();
    expect(values(await stanceSeries(ctx, ids.issue, { minConfidence: 'HIGH' }), ids.alpha)).toEqual([['2024-01-01', 10], ['2024-02-05', 90]]);

    // Minimum C keeps A-C (S1, S2) and drops S3 (F); minimum E also drops F; "F" (or none) keeps all.
    const byReliability = await stanceSeries(ctx, ids.issue, { minReliability: 'C' });
    expect(values(byReliability, ids.alpha)).toEqual([['2024-01-01', 10], ['2024-01-03', 40], ['2024-01-10', 50], ['2024-02-05', 90]]);
    expect(values(await stanceSeries(ctx, ids.issue, { minReliability: 'E' }), ids.alpha)).toEqual(values(byReliability, ids.alpha));
    expect(values(await stanceSeries(ctx, ids.issue, { minReliability: 'F' }), ids.alpha)?.[1]).toEqual(['2024-01-03', 55]);
    expect(values(await stanceSeries(ctx, ids.issue, { minReliability: 'A' }), ids.alpha)).toEqual([['2024-01-01', 10], ['2024-01-10', 50]]);

    const byActor = await stanceSeries(ctx, ids.issue, { actors: [ids.bravo] });
    expect(byActor.series.map((s) => s.actorName)).toEqual(['Bravo']);
  });

  it('accepts the filters straight from a URL (repeated parameters) and ignores values it cannot read', async () => {
    const filters = parseStanceFilters(new URLSearchParams(`source=${ids.s1}&source=${ids.s2}&source=not-a-uuid&kind=NEWS&kind=THINK_TANK&confidence=SURE&to=2024-01-03&from=2024-13-01`));
    expect(filters).toMatchObject({ sources: [ids.s1, ids.s2], kinds: ['NEWS', 'THINK_TANK'], minConfidence: undefined, from: undefined, to: '2024-01-03' });
    const r = await stanceSeries(ctx, ids.issue, filters);
    expect(values(r, ids.alpha)).toEqual([['2024-01-01', 10], ['2024-01-03', 40]]);
  });

  it('returns each reading with its source, analyst, confidence, reliability, credibility and quote', async () => {
    const r = await stanceSeries(ctx, ids.issue, {});
    const first = seriesOf(r, ids.alpha)!.readings[0]!;
    expect(first).toMatchObject({ id: ids.r1, date: '2024-01-01', position: 10, sourceId: ids.s1, analyst: 'Analyst main', confidence: 'HIGH', reliability: 'A', credibility: 2 });
    expect(r.sources[ids.s1]).toMatchObject({ outlet: 'S1 News', kind: 'NEWS', reliability: 'A' });
    expect(seriesOf(r, ids.alpha)!.thinned).toBe(false);
  });

  it('never shows soft-deleted assessments, actors, sources or issues', async () => {
    const r = await stanceSeries(ctx, ids.issue, {});
    expect(r.series.map((s) => s.actorName)).not.toContain('Deleted actor');
    expect(Object.keys(r.sources)).not.toContain(ids.deletedSource);
    expect(r.series.flatMap((s) => s.readings.map((x) => x.position))).not.toContain(0);
    expect(seriesOf(r, ids.alpha)!.total).toBe(5);
    await expectNotFound(stanceSeries(ctx, ids.deletedIssue, {}));
    const readings = await stanceReadings(ctx, ids.issue, {});
    expect(readings.rows).toHaveLength(7);
  });

  it("never shows another workspace's data, and answers NOT_FOUND for its records", async () => {
    await expectNotFound(stanceSeries(ctx, ids.otherIssue, {}));
    await expectNotFound(stanceIssue(ctx, ids.otherIssue));
    await expectNotFound(sourceComparison(ctx, ids.otherActor, ids.issue));
    await expectNotFound(actorProfile(ctx, ids.otherActor));
    await expectNotFound(stanceSeries(ctx, 'not-a-uuid', {}));
    // Filtering by another workspace's actor or source finds nothing rather than its readings.
    expect((await stanceSeries(ctx, ids.issue, { actors: [ids.otherActor] })).series).toEqual([]);
    expect((await stanceSeries(ctx, ids.issue, { sources: [ids.otherSource] })).series).toEqual([]);
    const spread = await issueSpread(ctx);
    expect(spread.map((s) => s.issue.title)).not.toContain('Other team issue');
    expect((await largestShifts(ctx)).map((s) => s.actorName)).not.toContain('Other team actor');
    expect((await latestAssessments(ctx, 100)).map((a) => a.actor.name)).not.toContain('Other team actor');
    // And the other team sees its own data only.
    const theirs = await stanceSeries(otherCtx, ids.otherIssue, {});
    expect(theirs.series.map((s) => s.actorName)).toEqual(['Other team actor']);
    await expectNotFound(stanceSeries(otherCtx, ids.issue, {}));
  });
});

describe('the dashboard queries', () => {
  it('largestShifts compares the latest bucket with the one before, largest move first, with the sources involved', async () => {
    const shifts = await largestShifts(ctx);
    // Alpha on I: 2024-01-10 (50, S1) → 2024-02-05 (90, S2): +40. Alpha on J: 2024-03-01 (20) →
    // 2024-03-02 (mean of 15 and 35 = 25): +5. Bravo has one date; the long issue moves +90 over 24 years.
    expect(shifts.map((s) => [s.actorName, s.issueTitle, s.fromDate, s.toDate, s.from, s.to, s.delta])).toEqual([
      ['Alpha', 'Issue spanning decades', '2000-01-01', '2024-01-01', 5, 95, 90],
      ['Alpha', 'Issue I', '2024-01-10', '2024-02-05', 50, 90, 40],
      ['Alpha', 'Issue J', '2024-03-01', '2024-03-02', 20, 25, 5],
    ]);
    expect(shifts[1]!.fromSources.map((s) => s.id)).toEqual([ids.s1]);
    expect(shifts[1]!.toSources.map((s) => s.id)).toEqual([ids.s2]);
    // By month, Alpha on I: January mean 42.5 → February 90 = +47.5; J has a single month.
    const monthly = await largestShifts(ctx, { bucket: 'month' });
    expect(monthly.find((s) => s.issueTitle === 'Issue I')).toMatchObject({ fromDate: '2024-01-01', toDate: '2024-02-01', from: 42.5, to: 90, delta: 47.5 });
    expect(monthly.find((s) => s.issueTitle === 'Issue J')).toBeUndefined();
    // `since` keeps moves whose latest bucket starts on or after it.
    expect((await largestShifts(ctx, { since: '2024-03-01' })).map((s) => s.issueTitle)).toEqual(['Issue J']);
    expect(await largestShifts(ctx, { since: '2024-03-03' })).toEqual([]);
    expect(await largestShifts(ctx, { limit: 1 })).toHaveLength(1);
  });

  it("issueSpread gives each actor's current position: each source's latest reading, weighted by confidence × reliability", async () => {
    const spread = await issueSpread(ctx);
    expect(spread.map((s) => s.issue.title)).toEqual(['Issue I', 'Issue J', 'Issue spanning decades']);
    const onI = spread[0]!.actors;
    // Alpha: S1 latest 50 (01-10, w 20), S2 latest 90 (02-05, w 18), S3 latest 70 (01-03, w 6)
    //   → (1000 + 1620 + 420) / 44 = 69.09…, median 70, min 50, max 90.
    // Bravo: S1 60 (w 10), S2 80 (w 6) → 1080 / 16 = 67.5. Sorted by position, then name.
    expect(onI.map((a) => [a.actorName, a.position, a.median, a.min, a.max, a.sources, a.asOf, a.oldest])).toEqual([
      ['Bravo', 67.5, 70, 60, 80, 2, '2024-01-02', '2024-01-02'],
      ['Alpha', 3040 / 44, 70, 50, 90, 3, '2024-02-05', '2024-01-03'],
    ]);
    // J: S1's latest date has two readings (15, then 35): the one recorded last counts.
    expect(spread[1]!.actors.map((a) => [a.actorName, a.position, a.sources])).toEqual([['Alpha', 35, 1]]);
    // Weight of evidence: Alpha 44 tenths, Bravo 16.
    expect(onI.map((a) => [a.actorName, a.weight, a.actorsOnIssue])).toEqual([['Bravo', 1.6, 2], ['Alpha', 4.4, 2]]);
    expect(spread.map((s) => s.actorCount)).toEqual([2, 1, 1]);
  });

  it('issueSpread for the dashboard keeps per issue the actors with the most weight of evidence, and counts them all', async () => {
    const top = await issueSpread(ctx, { topPerIssue: 1 });
    expect(top.map((s) => [s.issue.title, s.actors.map((a) => a.actorName), s.actorCount])).toEqual([
      ['Issue I', ['Alpha'], 2],
      ['Issue J', ['Alpha'], 1],
      ['Issue spanning decades', ['Alpha'], 1],
    ]);
    expect(top[0]!.actors[0]).toEqual((await issueSpread(ctx))[0]!.actors.find((a) => a.actorName === 'Alpha'));
  });

  it('latestAssessments lists the most recently recorded live readings first', async () => {
    const latest = await latestAssessments(ctx, 3);
    expect(latest.map((a) => [a.issue.title, a.position, a.stanceDate])).toEqual([
      ['Issue spanning decades', 95, '2024-01-01'],
      ['Issue spanning decades', 5, '2000-01-01'],
      ['Issue J', 35, '2024-03-02'],
    ]);
    expect(latest[0]!.analyst).toBe('Analyst main');
  });

  it('sourceComparison places the actor by each source and reports n, mean, both SDs and the range', async () => {
    const c = await sourceComparison(ctx, ids.alpha, ids.issue);
    expect(c.placements.map((p) => [p.outlet, p.position, p.stanceDate, p.readings])).toEqual([
      ['S1 News', 50, '2024-01-10', 2],
      ['S3 Statement', 70, '2024-01-03', 1],
      ['S2 Think tank', 90, '2024-02-05', 2],
    ]);
    // 50, 70, 90: mean 70; deviations −20, 0, 20 → 800; sample SD sqrt(800 / 2) = 20, population sqrt(800 / 3).
    expect(c.stats).toMatchObject({ n: 3, mean: 70, median: 70, sdSample: 20, min: 50, max: 90, range: 40 });
    expect(c.stats.sdPopulation).toBeCloseTo(Math.sqrt(800 / 3), 10);
    // As of 5 January: S1 10, S2 40, S3 70 → mean 40, sample SD 30, range 60.
    const early = await sourceComparison(ctx, ids.alpha, ids.issue, { asOf: '2024-01-05' });
    expect(early.stats).toMatchObject({ n: 3, mean: 40, sdSample: 30, range: 60 });
    expect(early.placements.map((p) => p.readings)).toEqual([1, 1, 1]);
  });

  it('actorProfile gives current positions, a series per issue and live stated interests', async () => {
    const p = await actorProfile(ctx, ids.alpha);
    expect(p.issues.map((i) => [i.issue.title, i.current?.position, i.bucketUnit, i.series.buckets.length])).toEqual([
      ['Issue I', 3040 / 44, 'day', 4],
      ['Issue J', 35, 'day', 2],
      ['Issue spanning decades', 95, 'month', 2], // one source (S1): its latest reading
    ]);
    expect(p.interests.map((i) => i.quote)).toEqual(['Alpha wants it all']);
    const deleted = await actorProfile(ctx, ids.deletedActor);
    expect(deleted.issues).toEqual([]);
  });
});

describe('CSV exports (the functions behind app/api/stance/**)', () => {
  it('exports the readings with quotes, commas and line breaks escaped and formulas neutralised', async () => {
    const { fileName, csv } = await issueReadingsCsv(ctx, ids.issue, parseStanceFilters({ actor: ids.alpha }));
    expect(fileName).toBe('issue-i-readings.csv');
    expect(csv.startsWith('\uFEFFissue,stance_date,actor,position,')).toBe(true);
    expect(csv).toContain('"\'=HYPERLINK(""http://evil""), said ""Alpha""\nand more"');
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
    // Header + 5 readings of Alpha, the quote's embedded line break inside its quoted cell.
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(6);
  });

  it('exports the lines with every statistic and the comparison with its spread', async () => {
    const lines = await issueSeriesCsv(ctx, ids.issue, parseStanceFilters({ bucket: 'week' }));
    const rows = lines.csv.trim().split('\r\n');
    expect(rows[0]).toContain('weighted_median');
    // Week of 2024-01-01 for Alpha: mean 40, median 40, weighted mean 22.8571, weighted median 10, SD 30.
    expect(rows[1]).toBe('Issue I,Alpha,week,2024-01-01,2024-01-08,Mean,40,3,40,40,22.8571,10,30,24.4949,10,70,S1 News; S2 Think tank; S3 Statement');
    const comparison = await sourceComparisonCsv(ctx, ids.issue, { actor: ids.alpha });
    expect(comparison.csv).toContain('sd_sample (n-1),20');
    await expectNotFound(sourceComparisonCsv(ctx, ids.issue, { actor: ids.otherActor }));
  });
});
