// The stance chart statement's result is reused until something it shows changes (lib/stance/chart-cache.ts).
// Every kind of change a chart shows must make the next read recompute, and a change elsewhere must not.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { actorProfile } from '@/lib/stance/actor-profile';
import { chartUnit, querySeries, stanceSeries } from '@/lib/stance/series';
import { parseStanceFilters } from '@/lib/stance/schema';
import { stanceStatementsComputed } from '@/lib/stance/chart-cache';
import { createBasics, createTestWorkspace, type TestWorkspace } from './helpers/fixtures';

let ws: TestWorkspace;
let basics: Awaited<ReturnType<typeof createBasics>>;
let otherIssueId: string;

async function reading(issueId: string, position: number, date: string, confidence: 'LOW' | 'MODERATE' | 'HIGH' = 'HIGH') {
  const row = await db().assessment.create({
    data: {
      workspaceId: ws.workspaceId, actorId: basics.actor.id, issueId, sourceId: basics.source.id, position, salience: 50, confidence,
      credibility: 2, stanceDate: new Date(`${date}T00:00:00Z`), quote: `At ${position}`, recordedById: ws.analyst.userId,
    },
    select: { id: true },
  });
  return row.id;
}

/** The chart, and whether reading it ran the statement (true) or reused the stored result (false). */
async function chart(issueId = basics.issue.id, filters = {}) {
  const before = stanceStatementsComputed();
  const result = await stanceSeries(ws.viewer, issueId, filters);
  return { result, computed: stanceStatementsComputed() > before };
}
const line = (r: Awaited<ReturnType<typeof chart>>['result']) => r.series[0]?.buckets.map((b) => b.value) ?? [];

beforeAll(async () => {
  ws = await createTestWorkspace('Chart cache');
  basics = await createBasics(ws.workspaceId);
  otherIssueId = (await db().issue.create({ data: { workspaceId: ws.workspaceId, title: 'Another issue', anchors: [{ value: 0, label: 'a' }, { value: 100, label: 'b' }] } })).id;
  await reading(basics.issue.id, 40, '2020-11-02');
  await reading(basics.issue.id, 60, '2020-11-03');
});

describe('reusing a computed stance chart', () => {
  it('computes once and reuses the result while nothing changed', async () => {
    const first = await chart();
    const second = await chart();
    expect(second.computed).toBe(false);
    expect(second.result).toEqual(first.result);
    expect(line(second.result)).toEqual([40, 60]);
  });

  it('keeps separate results for separate filters', async () => {
    const monthly = await chart(basics.issue.id, { bucket: 'month' });
    expect(monthly.computed).toBe(true);
    expect(line(monthly.result)).toEqual([50]);
    expect((await chart(basics.issue.id, { bucket: 'month' })).computed).toBe(false);
    expect(line((await chart()).result)).toEqual([40, 60]);
    // The weighted line is picked from the same statement's result: nothing to compute.
    const weighted = await chart(basics.issue.id, { weighted: '1' });
    expect(weighted.computed).toBe(false);
    expect(weighted.result.filters.weighted).toBe('1');
  });

  it('recomputes after a new reading, an edit, a soft delete and a move to another issue', async () => {
    const id = await reading(basics.issue.id, 80, '2020-11-04');
    let now = await chart();
    expect(now.computed).toBe(true);
    expect(line(now.result)).toEqual([40, 60, 80]);

    await db().assessment.update({ where: { id }, data: { position: 90 } });
    expect(line((await chart()).result)).toEqual([40, 60, 90]);

    await db().assessment.update({ where: { id }, data: { deletedAt: new Date() } });
    expect(line((await chart()).result)).toEqual([40, 60]);

    await db().assessment.update({ where: { id }, data: { deletedAt: null } });
    expect(line((await chart()).result)).toEqual([40, 60, 90]);
    expect(line((await chart(otherIssueId)).result)).toEqual([]);
    await db().assessment.update({ where: { id }, data: { issueId: otherIssueId } });
    now = await chart();
    expect(now.computed).toBe(true);
    expect(line(now.result)).toEqual([40, 60]);
    expect(line((await chart(otherIssueId)).result)).toEqual([90]);
    await db().assessment.delete({ where: { id } });
    expect(line((await chart(otherIssueId)).result)).toEqual([]);
  });

  it('does not recompute for a reading on another issue', async () => {
    await chart();
    const id = await reading(otherIssueId, 10, '2020-11-05');
    expect((await chart()).computed).toBe(false);
    expect(line((await chart(otherIssueId)).result)).toEqual([10]);
    await db().assessment.delete({ where: { id } });
  });

  it('recomputes when a source, an actor or an analyst shown on the chart changes', async () => {
    await chart();
    await db().source.update({ where: { id: basics.source.id }, data: { outlet: 'Institute for the Study of War' } });
    let now = await chart();
    expect(now.computed).toBe(true);
    expect(now.result.sources[basics.source.id]?.outlet).toBe('Institute for the Study of War');

    await db().actor.update({ where: { id: basics.actor.id }, data: { name: 'Russian Federation' } });
    now = await chart();
    expect(now.computed).toBe(true);
    expect(now.result.series[0]?.actorName).toBe('Russian Federation');

    await db().user.update({ where: { id: ws.analyst.userId }, data: { name: 'Renamed analyst' } });
    now = await chart();
    expect(now.computed).toBe(true);
    expect(now.result.series[0]?.readings.map((r) => r.analyst)).toEqual(['Renamed analyst', 'Renamed analyst']);

    await db().source.update({ where: { id: basics.source.id }, data: { deletedAt: new Date() } });
    expect(line((await chart()).result)).toEqual([]);
    await db().source.update({ where: { id: basics.source.id }, data: { deletedAt: null } });
    expect(line((await chart()).result)).toEqual([40, 60]);
  });

  it('sees a change committed while a transaction that read the chart was open, once it commits', async () => {
    await chart();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const writing = db().$transaction(async (tx) => {
      await tx.assessment.updateMany({ where: { issueId: basics.issue.id, position: 60 }, data: { position: 65 } });
      await held;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(line((await chart()).result)).toEqual([40, 60]);
    release();
    await writing;
    expect(line((await chart()).result)).toEqual([40, 65]);
  });

  it('serves the actor page from the same store, renewed the same way', async () => {
    const first = await actorProfile(ws.viewer, basics.actor.id);
    const before = stanceStatementsComputed();
    await actorProfile(ws.viewer, basics.actor.id);
    expect(stanceStatementsComputed()).toBe(before);
    await reading(otherIssueId, 20, '2020-11-06');
    const after = await actorProfile(ws.viewer, basics.actor.id);
    expect(stanceStatementsComputed()).toBe(before + 1);
    expect(after.issues.length).toBe(first.issues.length + 1);
  });

  it('picks the bucket unit in TypeScript exactly as the chart statement does in SQL', async () => {
    const cases: { lo: string; hi: string; lines: number; bucket: 'auto' | 'day' | 'week' | 'month' }[] = [];
    const day = (n: number) => new Date(Date.UTC(2015, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
    let seed = 7;
    const next = (n: number) => ((seed = (seed * 48271) % 2147483647), seed % n);
    for (let i = 0; i < 400; i++) {
      const start = next(4000);
      // Spans around the limits: 12 to 1,000 buckets of days, weeks and months.
      const span = [0, 11, 12, 13, 249, 250, 251, 999, 1000, 1001, 1750, 7000, 30_000, 90, 365, 84, 85][next(17)]! + next(3) - 1;
      cases.push({ lo: day(start), hi: day(start + Math.max(0, span)), lines: [1, 2, 3, 12, 50, 250, 251, 400][next(8)]!, bucket: (['auto', 'day', 'week', 'month'] as const)[next(4)]! });
    }
    const rank = { auto: 0, day: 0, week: 1, month: 2 };
    const rows = await db().$queryRaw<{ unit: string }[]>`
      SELECT CASE
          WHEN r <= 0 AND (hi - lo + 1) <= b THEN 'day'
          WHEN r <= 1 AND ((date_trunc('week', hi::timestamp)::date - date_trunc('week', lo::timestamp)::date) / 7 + 1) <= b THEN 'week'
          WHEN r <= 2 AND ((extract(year FROM hi) - extract(year FROM lo)) * 12 + extract(month FROM hi) - extract(month FROM lo) + 1) <= b THEN 'month'
          ELSE 'year' END AS unit
      FROM unnest(${cases.map((c) => c.lo)}::date[], ${cases.map((c) => c.hi)}::date[], ${cases.map((c) => rank[c.bucket])}::int[],
                  ${cases.map((c) => Math.min(1000, Math.max(12, Math.floor(3000 / c.lines))))}::int[]) WITH ORDINALITY AS k(lo, hi, r, b, i)
      ORDER BY i`;
    expect(cases.map((c) => chartUnit(c.bucket, c.lo, c.hi, c.lines))).toEqual(rows.map((r) => r.unit));
    expect(new Set(rows.map((r) => r.unit))).toEqual(new Set(['day', 'week', 'month', 'year']));
  });

  describe('one line per actor', () => {
    let issueId: string;
    const actors: string[] = [];
    const sources: string[] = [];
    const add = (actor: number, source: number, position: number, date: string, confidence: 'LOW' | 'MODERATE' | 'HIGH' = 'HIGH') =>
      db().assessment.create({
        data: {
          workspaceId: ws.workspaceId, actorId: actors[actor]!, issueId, sourceId: sources[source]!, position, salience: 50, confidence,
          credibility: 2, stanceDate: new Date(`${date}T00:00:00Z`), quote: `Line ${actor} at ${position}`, recordedById: ws.analyst.userId,
        },
        select: { id: true },
      });

    beforeAll(async () => {
      issueId = (await db().issue.create({ data: { workspaceId: ws.workspaceId, title: 'Lines issue', anchors: [{ value: 0, label: 'a' }, { value: 100, label: 'b' }] } })).id;
      for (const name of ['Azerbaijan', 'Armenia', 'Turkey']) actors.push((await db().actor.create({ data: { workspaceId: ws.workspaceId, name, kind: 'STATE' } })).id);
      for (const [title, origin] of [['Wire A', 'wire'], ['Wire B', 'wire'], ['Think tank', null]] as const) {
        sources.push((await db().source.create({ data: { workspaceId: ws.workspaceId, title, outlet: title, kind: 'NEWS', reliability: 'B', origin, publishedAt: new Date('2021-01-01T00:00:00Z') } })).id);
      }
      // Three lines over two years, enough readings for the smallest budgets to thin them.
      for (let i = 0; i < 120; i++) {
        const day = new Date(Date.UTC(2021, 0, 1) + i * 6 * 86_400_000).toISOString().slice(0, 10);
        await add(i % 3, i % 3 === 1 ? i % 2 : 2, (i * 37) % 101, day, (['LOW', 'MODERATE', 'HIGH'] as const)[i % 3]);
      }
    });

    const viaLines = (filters: Record<string, string>, maxPoints: number) =>
      querySeries(ws.viewer, { issueIds: [issueId], actorIds: null, filters: parseStanceFilters(filters), maxPoints, withAllStatistics: true });
    const whole = (filters: Record<string, string>, maxPoints: number) =>
      querySeries(ws.viewer, { issueIds: [issueId], actorIds: [...actors], filters: parseStanceFilters(filters), maxPoints, withAllStatistics: true });

    it('draws exactly what the one statement over the whole issue draws, whatever the filters and budget', async () => {
      const cases: [Record<string, string>, number][] = [
        [{}, 1000],
        [{}, 12],
        [{ bucket: 'week' }, 40],
        [{ bucket: 'month', agg: 'median', weighted: '1' }, 1000],
        [{ origins: 'all' }, 16],
        [{ minConfidence: 'MODERATE' }, 1000],
        [{ from: '2021-06-01', to: '2022-01-31' }, 8],
      ];
      for (const [filters, maxPoints] of cases) {
        const [lines, all] = await Promise.all([viaLines(filters, maxPoints), whole(filters, maxPoints)]);
        expect(lines.series.length, JSON.stringify(filters)).toBeGreaterThan(0);
        expect(lines.series, `${JSON.stringify(filters)} ${maxPoints}`).toEqual(all.series);
        expect(lines.sources).toEqual(all.sources);
        expect([...lines.units]).toEqual([...all.units]);
      }
      expect((await viaLines({}, 12)).series.some((s) => s.thinned)).toBe(true);
    });

    it('computes again only the line of the actor whose reading changed', async () => {
      await viaLines({}, 1000);
      const before = stanceStatementsComputed();
      await viaLines({}, 1000);
      expect(stanceStatementsComputed()).toBe(before);

      const { id } = await add(1, 0, 99, '2021-03-03');
      const after = await viaLines({}, 1000);
      // That actor's statistics (the chart's frame is made of them) and its line.
      expect(stanceStatementsComputed()).toBe(before + 2);
      expect(after.series.find((s) => s.actorId === actors[1])?.readings.some((r) => r.id === id)).toBe(true);
      expect(after.series).toEqual((await whole({}, 1000)).series);
    });

    it('recomputes a chart of undisputed readings when a colleague disputes one of them', async () => {
      const undisputed = { undisputed: '1' };
      const before = await viaLines(undisputed, 1000);
      const target = before.series[0]!.readings[0]!;
      await db().assessmentOpinion.create({
        data: { workspaceId: ws.workspaceId, assessmentId: target.id, authorId: ws.admin.userId, stance: 'DISAGREE', comment: 'Misread' },
      });
      const after = await viaLines(undisputed, 1000);
      expect(after.series[0]!.readings.map((r) => r.id)).not.toContain(target.id);
      expect(after.series[0]!.total).toBe(before.series[0]!.total - 1);
      expect(after.series).toEqual((await whole(undisputed, 1000)).series);
    });
  });
});
