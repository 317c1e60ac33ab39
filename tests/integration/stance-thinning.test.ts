// Thinning in SQL: a series of 20,000 readings reaches the browser as at most 1,000 points, and the
// first, last, lowest and highest reading always survive. The SQL must agree with the TypeScript
// statement of the same rule (lib/stance/thinning.ts) reading for reading.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildContext, type Ctx } from '@/lib/auth/context';
import { db } from '@/lib/db';
import { actorProfile } from '@/lib/stance/actor-profile';
import { parseReadingsCursor, stanceReadings } from '@/lib/stance/readings';
import { stanceSeries } from '@/lib/stance/series';
import { thinSeries } from '@/lib/stance/thinning';

let ctx: Ctx;
const ids = {} as Record<'ws' | 'user' | 'big' | 'small' | 'issue', string>;
const N = 20_000;

beforeAll(async () => {
  const ws = await db().workspace.create({ data: { name: 'Thinning', slug: 'thinning' } });
  const user = await db().user.create({ data: { email: 'thin@example.test', name: 'Thin', passwordHash: 'x' } });
  await db().membership.create({ data: { workspaceId: ws.id, userId: user.id, role: 'VIEWER' } });
  Object.assign(ids, { ws: ws.id, user: user.id });
  ctx = (await buildContext(user.id, ws.id, { kind: 'session', sessionId: 'x' }))!;
  ids.big = (await db().actor.create({ data: { workspaceId: ws.id, name: 'Big series', kind: 'STATE' } })).id;
  ids.small = (await db().actor.create({ data: { workspaceId: ws.id, name: 'Small series', kind: 'STATE' } })).id;
  ids.issue = (await db().issue.create({ data: { workspaceId: ws.id, title: 'Long-running issue', anchors: [{ value: 0, label: 'a' }, { value: 100, label: 'b' }] } })).id;
  const sources = await Promise.all(
    (['A', 'C', 'F'] as const).map((reliability, i) =>
      db().source.create({ data: { workspaceId: ws.id, title: `Source ${i}`, outlet: `Outlet ${i}`, kind: 'NEWS', reliability, publishedAt: new Date('2000-01-01') } }),
    ),
  );
  const sourceIds = sources.map((s) => s.id);

  // 20,000 readings in one statement: four a day for 5,000 days from 2000-01-01. Positions wander
  // between 1 and 99, except one planted minimum (0, reading 12,345) and maximum (100, reading 7,777).
  await db().$executeRaw`
    INSERT INTO "Assessment" ("workspaceId", "actorId", "issueId", "sourceId", "position", "salience", "confidence", "credibility",
                              "stanceDate", "quote", "recordedById", "updatedAt")
    SELECT ${ids.ws}::uuid, ${ids.big}::uuid, ${ids.issue}::uuid, (${sourceIds}::uuid[])[1 + n % 3],
           CASE n WHEN 12345 THEN 0 WHEN 7777 THEN 100 ELSE 1 + ((n * 7919) % 9801) / 100.0 END,
           50, (ARRAY['LOW','MODERATE','HIGH']::"Confidence"[])[1 + n % 3], 3,
           DATE '2000-01-01' + n / 4, 'Reading ' || n, ${ids.user}::uuid, now()
    FROM generate_series(0, ${N - 1}::int) AS n`;
  // A small series inside the same dates: it must come back whole.
  await db().$executeRaw`
    INSERT INTO "Assessment" ("workspaceId", "actorId", "issueId", "sourceId", "position", "salience", "confidence", "credibility",
                              "stanceDate", "quote", "recordedById", "updatedAt")
    SELECT ${ids.ws}::uuid, ${ids.small}::uuid, ${ids.issue}::uuid, ${sourceIds[0]}::uuid, 10 * n, 50, 'HIGH', 1,
           DATE '2003-01-01' + n * 30, 'Small ' || n, ${ids.user}::uuid, now()
    FROM generate_series(0, 9) AS n`;
}, 120_000);

async function allReadings(actorId: string) {
  const rows = await db().$queryRaw<{ id: string; date: Date; position: number; quote: string }[]>`
    SELECT "id", "stanceDate" AS date, "position", "quote" FROM "Assessment" WHERE "actorId" = ${actorId}::uuid`;
  return rows.map((r) => ({ id: r.id, date: r.date.toISOString().slice(0, 10), position: r.position, quote: r.quote }));
}

describe('thinning readings in SQL', () => {
  it('sends at most 1,000 readings in all, shared by the series: 500 of the 20,000-reading one, keeping its first, last, lowest and highest', async () => {
    const result = await stanceSeries(ctx, ids.issue, {});
    expect(result.series.reduce((n, s) => n + s.readings.length, 0)).toBeLessThanOrEqual(1000);
    const big = result.series.find((s) => s.actorId === ids.big)!;
    expect(big.total).toBe(N);
    expect(big.thinned).toBe(true);
    expect(big.readings.length).toBeLessThanOrEqual(500);
    expect(big.readings.length).toBeGreaterThan(450); // 125 slices × up to 4, most slices give 4

    const all = await allReadings(ids.big);
    const byDateId = [...all].sort((a, b) => (a.date === b.date ? (a.id < b.id ? -1 : 1) : a.date < b.date ? -1 : 1));
    const kept = new Set(big.readings.map((r) => r.id));
    expect(kept.has(byDateId[0]!.id)).toBe(true); // first
    expect(kept.has(byDateId[byDateId.length - 1]!.id)).toBe(true); // last
    const quoteOf = new Map(all.map((r) => [r.id, r.quote]));
    expect(quoteOf.get(big.readings.find((r) => r.position === 0)!.id)).toBe('Reading 12345'); // minimum
    expect(quoteOf.get(big.readings.find((r) => r.position === 100)!.id)).toBe('Reading 7777'); // maximum
    // Readings come in date order with everything the tooltip shows at once (the quote is fetched on demand).
    expect(big.readings.map((r) => r.date)).toEqual([...big.readings.map((r) => r.date)].sort());
    expect(big.readings[0]).toMatchObject({ analyst: 'Thin', credibility: 3 });
  });

  it('keeps exactly the readings that the TypeScript statement of the rule keeps', async () => {
    const result = await stanceSeries(ctx, ids.issue, {});
    const big = result.series.find((s) => s.actorId === ids.big)!;
    // The SQL slices the issue's whole date range (every actor's readings): 2000-01-01 .. 2013-09-08.
    const expected = thinSeries(await allReadings(ids.big), { maxPoints: 500, range: { first: '2000-01-01', last: '2013-09-08' } });
    expect(big.readings.map((r) => r.id)).toEqual(expected.map((r) => r.id));
  });

  it('leaves small series whole and keeps every line under 1,000 buckets, aggregated over all readings', async () => {
    const result = await stanceSeries(ctx, ids.issue, {});
    const small = result.series.find((s) => s.actorId === ids.small)!;
    expect(small.readings.map((r) => r.position)).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90]);
    expect(small.thinned).toBe(false);
    // 5,000 days is too many day buckets: weeks (715 of them).
    expect(result.bucketUnit).toBe('week');
    const big = result.series.find((s) => s.actorId === ids.big)!;
    expect(big.buckets.length).toBeLessThanOrEqual(1000);
    expect(big.buckets.reduce((n, b) => n + b.n, 0)).toBe(N);
    expect(Math.min(...big.buckets.map((b) => b.min))).toBe(0);
    expect(Math.max(...big.buckets.map((b) => b.max))).toBe(100);
  });

  it('thins to a smaller budget for small multiples, still keeping the extremes', async () => {
    const narrow = await stanceSeries(ctx, ids.issue, {}, { maxPoints: 200 });
    const big = narrow.series.find((s) => s.actorId === ids.big)!;
    expect(big.readings.length).toBeLessThanOrEqual(100);
    expect(big.readings.map((r) => r.position)).toEqual(expect.arrayContaining([0, 100]));
    const profile = await actorProfile(ctx, ids.big);
    expect(profile.issues[0]!.series.readings.length).toBeLessThanOrEqual(1000);
  });

  it('pages every reading of the issue, keyset by (stance date, id): each exactly once, in order, whatever the page', async () => {
    const seen: string[] = [];
    let after: { date: string; id: string } | undefined;
    let pages = 0;
    for (;;) {
      const page = await stanceReadings(ctx, ids.issue, {}, { limit: 6000, after });
      seen.push(...page.rows.map((r) => `${r.date}|${r.id}`));
      pages++;
      if (!page.next) break;
      after = page.next;
    }
    expect(pages).toBe(4); // 20,010 readings
    expect(seen).toHaveLength(N + 10);
    expect(new Set(seen).size).toBe(N + 10);
    expect(seen).toEqual([...seen].sort());
    // A cursor from the URL: garbage starts at the first page.
    expect(parseReadingsCursor('2003-01-01_not-a-uuid')).toBeUndefined();
    expect(parseReadingsCursor(`2003-01-01_${ids.issue}`)).toEqual({ date: '2003-01-01', id: ids.issue });
  });
});

