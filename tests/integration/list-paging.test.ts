// The record lists shared by the list pages and the API (lib/records/list.ts): one params schema, one
// where-builder and keyset paging per domain. The same filter gives the same rows on the page and in the
// API; paging by cursor (forward and back, at any depth) gives the rows OFFSET would; ties on the sort key
// keep a stable order by id; every sort a list offers has an index led by (workspaceId, sort column). The
// events list (its page only: there is no events API) pages the same way.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { actorListSchema, listActors } from '@/lib/actors/queries';
import { assessmentListSchema, ASSESSMENT_SORTS, listAssessments } from '@/lib/assessments/queries';
import { interestListSchema, listInterests } from '@/lib/interests/queries';
import { issueListSchema, listIssues } from '@/lib/issues/queries';
import { listSources, sourceListSchema } from '@/lib/sources/queries';
import { listScenarios, scenarioListSchema } from '@/lib/scenarios/queries';
import { eventListSchema, listEvents } from '@/lib/events/queries';
import { scenariosResource } from '@/lib/api/resources/scenarios';
import { actorsResource } from '@/lib/api/resources/actors';
import { assessmentsResource } from '@/lib/api/resources/assessments';
import { interestsResource } from '@/lib/api/resources/interests';
import { issuesResource } from '@/lib/api/resources/issues';
import { sourcesResource } from '@/lib/api/resources/sources';
import type { Ctx } from '@/lib/auth/context';
import { db } from '@/lib/db';
import { cursorAfter } from '@/lib/records/cursor';
import { COUNT_CAP, SEARCH_COUNT_CAP } from '@/lib/records/list-params';
import { createBasics, createTestWorkspace, type TestWorkspace } from './helpers/fixtures';

// The resources reach the route layer's imports; no browser session here.
vi.mock('@/lib/auth/next-auth', () => ({ auth: vi.fn(async () => null) }));

type Page = { items: { id: string }[]; nextCursor: string | null; prevCursor?: string | null };

/** Every id of a list, following nextCursor from the first page. */
async function walk(read: (cursor?: string) => Promise<Page>): Promise<{ ids: string[]; pages: Page[] }> {
  const ids: string[] = [];
  const pages: Page[] = [];
  let cursor: string | undefined;
  for (let n = 0; n < 500; n++) {
    const page = await read(cursor);
    pages.push(page);
    ids.push(...page.items.map((r) => r.id));
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return { ids, pages };
}

let desk: TestWorkspace;
let ctx: Ctx;
let basics: Awaited<ReturnType<typeof createBasics>>;
let otherIssueId: string;
let parentId: string;

beforeAll(async () => {
  desk = await createTestWorkspace('List desk');
  ctx = desk.viewer;
  basics = await createBasics(desk.workspaceId);
  otherIssueId = (await db().issue.create({ data: { workspaceId: desk.workspaceId, title: 'Other issue', anchors: [] } })).id;
  parentId = (await db().actor.create({ data: { workspaceId: desk.workspaceId, name: 'Alliance', kind: 'ORGANISATION' } })).id;
  const kinds = ['STATE', 'PERSON', 'ORGANISATION'] as const;
  await db().actor.createMany({
    data: Array.from({ length: 31 }, (_, i) => ({
      workspaceId: desk.workspaceId,
      name: `Member ${String(i).padStart(2, '0')}`,
      kind: kinds[i % 3]!,
      parentId: i % 2 ? parentId : null,
      aliases: i % 4 === 1 ? ['Capital'] : [],
    })),
  });
  await db().source.createMany({
    data: Array.from({ length: 23 }, (_, i) => ({
      workspaceId: desk.workspaceId,
      title: `Report ${i % 5}`,
      outlet: `Outlet ${i % 3}`,
      publishedAt: new Date(Date.UTC(2021, 0, 1 + (i % 4))),
      kind: i % 2 ? ('NEWS' as const) : ('THINK_TANK' as const),
      reliability: (['A', 'B', 'C'] as const)[i % 3]!,
    })),
  });
  // Ties everywhere: four positions, three stance days, two confidences, two issues.
  await db().assessment.createMany({
    data: Array.from({ length: 57 }, (_, i) => ({
      workspaceId: desk.workspaceId,
      actorId: basics.actor.id,
      issueId: i % 5 ? basics.issue.id : otherIssueId,
      sourceId: basics.source.id,
      position: [10, 50, 50, 90][i % 4]!,
      salience: 50,
      confidence: i % 2 ? ('LOW' as const) : ('HIGH' as const),
      credibility: 3,
      stanceDate: new Date(Date.UTC(2020, 10, 1 + (i % 3))),
      quote: i % 6 ? `quote ${i}` : `ceasefire quote ${i}`,
      recordedById: desk.analyst.userId,
      deletedAt: i === 13 ? new Date() : null,
    })),
  });
  await db().scenario.createMany({
    data: Array.from({ length: 9 }, (_, i) => ({
      workspaceId: desk.workspaceId,
      issueId: i % 3 ? basics.issue.id : otherIssueId,
      name: `Scenario ${i % 4}`,
      asOf: new Date(Date.UTC(2021, 0, 1 + (i % 2))),
      createdById: desk.analyst.userId,
      ...(i % 3 === 1 ? { outcome: 'HAPPENED' as const, resolvedAt: new Date(), resolvedById: desk.analyst.userId } : {}),
      ...(i === 4 ? { annulledAt: new Date(), annulledById: desk.analyst.userId, annulmentReason: 'test' } : {}),
    })),
  });
  // Events: three days, so most share their date with others; every third mentions a ceasefire.
  await db().event.createMany({
    data: Array.from({ length: 29 }, (_, i) => ({
      workspaceId: desk.workspaceId,
      occurredOn: new Date(Date.UTC(2020, 9, 1 + (i % 3))),
      title: i % 3 ? `Event ${i}` : `Ceasefire event ${i}`,
      issueIds: i % 2 ? [basics.issue.id] : [],
      createdById: desk.analyst.userId,
    })),
  });
  await db().statedInterest.createMany({
    data: Array.from({ length: 12 }, (_, i) => ({
      workspaceId: desk.workspaceId,
      actorId: basics.actor.id,
      sourceId: basics.source.id,
      statedOn: new Date(Date.UTC(2020, 0, 1 + (i % 2))),
      quote: `We want ${i}`,
      createdById: desk.analyst.userId,
    })),
  });
});

describe('one list for the page and the API', () => {
  const cases: Array<[string, Record<string, string>, (q: Record<string, string>) => Promise<Page>, (q: Record<string, string>) => Promise<Page>]> = [
    ['actors by kind, parent and name', { kind: 'STATE', parent: '', q: 'member', sort: 'name', dir: 'desc' }, (q) => listActors(ctx, q), (q) => actorsResource.list(ctx, q)],
    ['actors of one parent (a filter the page lacked), by exact alias', { parent: '', q: 'Capital', sort: 'kind', dir: 'asc' }, (q) => listActors(ctx, q), (q) => actorsResource.list(ctx, q)],
    ['issues by text', { q: 'issue', sort: 'createdAt', dir: 'desc' }, (q) => listIssues(ctx, q), (q) => issuesResource.list(ctx, q)],
    ['sources by kind and reliability', { kind: 'NEWS', reliability: 'B', sort: 'publishedAt', dir: 'desc' }, (q) => listSources(ctx, q), (q) => sourcesResource.list(ctx, q)],
    ['sources by reliability (enum sort)', { sort: 'reliability', dir: 'desc' }, (q) => listSources(ctx, q), (q) => sourcesResource.list(ctx, q)],
    ['interests of an actor', { actor: '', sort: 'statedOn', dir: 'asc' }, (q) => listInterests(ctx, q), (q) => interestsResource.list(ctx, q)],
    [
      'assessments of an issue, by confidence, dates and words',
      { issue: '', confidence: 'LOW', from: '2020-11-02', to: '2020-11-03', q: 'quote', sort: 'position', dir: 'desc' },
      (q) => listAssessments(ctx, q),
      (q) => assessmentsResource.list(ctx, q),
    ],
    ['deleted assessments', { deleted: 'only' }, (q) => listAssessments(ctx, q), (q) => assessmentsResource.list(ctx, q)],
    ['open scenarios of an issue', { issue: '', status: 'open', sort: 'name', dir: 'asc' }, (q) => listScenarios(ctx, q), (q) => scenariosResource.list(ctx, q)],
    ['resolved scenarios (annulled ones left out)', { status: 'resolved', sort: 'asOf', dir: 'desc' }, (q) => listScenarios(ctx, q), (q) => scenariosResource.list(ctx, q)],
  ];
  for (const [what, filters, page, api] of cases) {
    it(`gives the same rows on the page and in the API: ${what}`, async () => {
      const query = Object.fromEntries(
        Object.entries(filters).map(([k, v]) => [k, v || (k === 'parent' ? parentId : k === 'issue' ? basics.issue.id : k === 'actor' ? basics.actor.id : v)]),
      );
      const onPage = await walk((cursor) => page({ ...query, pageSize: '50', ...(cursor ? { cursor } : {}) }));
      const inApi = await walk((cursor) => api({ ...query, limit: '7', ...(cursor ? { cursor } : {}) }));
      expect(onPage.ids.length).toBeGreaterThan(0);
      expect(new Set(inApi.ids).size).toBe(inApi.ids.length);
      expect(inApi.ids).toEqual(onPage.ids);
    });
  }

  it('reads the page params leniently and the API params strictly, from one schema', async () => {
    const page = await listActors(ctx, { sort: 'bogus', dir: 'up', kind: 'KING', pageSize: '50', cursor: 'not-a-cursor' });
    expect(page.params).toMatchObject({ sort: 'name', dir: 'asc', limit: 50 });
    expect(page.params.kind).toBeUndefined();
    expect(page.items.length).toBe(33);
    await expect(actorsResource.list(ctx, { sort: 'bogus' })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(actorsResource.list(ctx, { cursor: 'not-a-cursor' })).rejects.toMatchObject({ code: 'VALIDATION' });
    for (const schema of [actorListSchema, issueListSchema, sourceListSchema, interestListSchema, assessmentListSchema]) {
      expect(Object.keys(schema.shape)).toEqual(expect.arrayContaining(['q', 'sort', 'dir', 'deleted', 'limit', 'cursor']));
    }
  });

  it('counts the matches for the page, and says "more than" past the cap', async () => {
    const page = await listAssessments(ctx, { issue: basics.issue.id, limit: '5' });
    expect(page.total).toBe(await db().assessment.count({ where: { workspaceId: desk.workspaceId, issueId: basics.issue.id, deletedAt: null } }));
    expect(page.capped).toBe(false);
    const big = await createTestWorkspace('Big desk');
    await db().actor.createMany({ data: Array.from({ length: COUNT_CAP + 1 }, (_, i) => ({ workspaceId: big.workspaceId, name: `A${i}`, kind: 'OTHER' as const })) });
    const capped = await listActors(big.viewer, {});
    expect(capped).toMatchObject({ total: COUNT_CAP, capped: true });
    expect(capped.items.length).toBe(25);
    // A text search counts less far: each candidate is matched against its texts.
    expect(await listActors(big.viewer, { q: 'A' })).toMatchObject({ total: SEARCH_COUNT_CAP, capped: true });
    expect(await listActors(big.viewer, { q: 'A99' })).toMatchObject({ total: 11, capped: false });
  });
});

describe('keyset paging', () => {
  const orders = [
    ['position', 'asc'],
    ['position', 'desc'],
    ['stanceDate', 'desc'],
    ['stanceDate', 'asc'],
    ['createdAt', 'desc'],
  ] as const;

  for (const [sort, dir] of orders) {
    it(`gives, page after page, the rows OFFSET would, ties broken by id (${sort} ${dir})`, async () => {
      const offsetPage = async (n: number, size: number) =>
        (
          await db().assessment.findMany({
            where: { workspaceId: desk.workspaceId, deletedAt: null },
            orderBy: [{ [sort]: dir }, { id: 'asc' }],
            skip: n * size,
            take: size,
            select: { id: true },
          })
        ).map((r) => r.id);
      const { pages } = await walk((cursor) => listAssessments(ctx, { sort, dir, limit: '4', ...(cursor ? { cursor } : {}) }));
      expect(pages.length).toBe(14); // 56 live rows
      for (const [n, page] of pages.entries()) expect(page.items.map((r) => r.id), `page ${n + 1}`).toEqual(await offsetPage(n, 4));

      // Back from the last page with "Previous": the same pages in reverse, the first one full.
      let back = pages[pages.length - 1]!;
      for (let n = pages.length - 2; n >= 0; n--) {
        back = await listAssessments(ctx, { sort, dir, limit: '4', cursor: back.prevCursor! });
        expect(back.items.map((r) => r.id), `back to page ${n + 1}`).toEqual(await offsetPage(n, 4));
      }
      expect(back.prevCursor).toBeNull();
    });
  }

  for (const dir of ['desc', 'asc'] as const) {
    it(`pages the events list (the events page) as OFFSET would, forward and back, ties broken by id (${dir})`, async () => {
      const offsetPage = async (n: number, size: number, q = '') =>
        (
          await db().event.findMany({
            where: { workspaceId: desk.workspaceId, ...(q ? { title: { contains: q, mode: 'insensitive' as const } } : {}) },
            orderBy: [{ occurredOn: dir }, { id: 'asc' }],
            skip: n * size,
            take: size,
            select: { id: true },
          })
        ).map((r) => r.id);
      const { pages } = await walk((cursor) => listEvents(ctx, { dir, limit: '4', ...(cursor ? { cursor } : {}) }));
      expect(pages.length).toBe(8); // 29 events, 4 a page
      for (const [n, page] of pages.entries()) expect(page.items.map((r) => r.id), `page ${n + 1}`).toEqual(await offsetPage(n, 4));
      let back = pages[pages.length - 1]!;
      for (let n = pages.length - 2; n >= 0; n--) {
        back = await listEvents(ctx, { dir, limit: '4', cursor: back.prevCursor! });
        expect(back.items.map((r) => r.id), `back to page ${n + 1}`).toEqual(await offsetPage(n, 4));
      }
      expect(back.prevCursor).toBeNull();

      const ceasefire = await listEvents(ctx, { dir, q: 'CEASEFIRE', limit: '4' });
      expect(ceasefire).toMatchObject({ total: 10, capped: false });
      expect(ceasefire.items.map((r) => r.id)).toEqual(await offsetPage(0, 4, 'ceasefire'));
      const next = await listEvents(ctx, { dir, q: 'CEASEFIRE', limit: '4', cursor: ceasefire.nextCursor! });
      expect(next.items.map((r) => r.id)).toEqual(await offsetPage(1, 4, 'ceasefire'));
    });
  }

  it('reads the events page params leniently: a bad sort, direction or cursor shows the first page, newest first', async () => {
    const page = await listEvents(ctx, { sort: 'title', dir: 'up', cursor: 'not-a-cursor', deleted: 'only' });
    expect(page.params).toMatchObject({ sort: 'occurredOn', dir: 'desc', limit: 25 });
    expect(page).toMatchObject({ total: 29, capped: false, prevCursor: null });
    expect(page.items.length).toBe(25);
    expect(page.items[0]).toMatchObject({ date: '2020-10-03', issues: expect.any(Array) });
  });

  it('starts at any depth from a cursor and gives the rows OFFSET would there', async () => {
    const all = await db().assessment.findMany({
      where: { workspaceId: desk.workspaceId, deletedAt: null },
      orderBy: [{ stanceDate: 'desc' }, { id: 'asc' }],
    });
    const params = assessmentListSchema.parse({ limit: '5' });
    for (const depth of [1, 17, 40, 51]) {
      const cursor = cursorAfter(params, ASSESSMENT_SORTS, all[depth - 1]!);
      const page = await assessmentsResource.list(ctx, { limit: '5', cursor });
      expect(page.items.map((r) => r.id), `after row ${depth}`).toEqual(all.slice(depth, depth + 5).map((r) => r.id));
    }
  });

  it('starts its index scan at the cursor (an index range condition on the sort column), not at the top of the list', async () => {
    const params = assessmentListSchema.parse({ issue: basics.issue.id, limit: '20' });
    const [row] = await db().assessment.findMany({ where: { issueId: basics.issue.id }, orderBy: [{ stanceDate: 'desc' }, { id: 'asc' }], skip: 20, take: 1 });
    // The SQL Prisma runs for a cursor page: the inclusive bound is what makes it an index range.
    const plan = await db().$transaction(async (tx) => {
      await tx.$executeRawUnsafe('SET LOCAL enable_seqscan = off');
      return tx.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(
        `EXPLAIN SELECT "id" FROM "Assessment" WHERE "workspaceId" = $1::uuid AND "issueId" = $2::uuid AND "deletedAt" IS NULL
           AND "stanceDate" <= $3::date AND ("stanceDate" < $3::date OR ("stanceDate" = $3::date AND "id" > $4::uuid))
         ORDER BY "stanceDate" DESC, "id" ASC LIMIT 21`,
        desk.workspaceId,
        basics.issue.id,
        row!.stanceDate,
        row!.id,
      );
    });
    const text = plan.map((r) => r['QUERY PLAN']).join('\n');
    expect(text).toMatch(/Index Cond: .*"stanceDate" <=/);
    expect(cursorAfter(params, ASSESSMENT_SORTS, row!)).toBeTruthy();
  });
});

describe('indexes', () => {
  const lists = [
    ['Actor', actorListSchema],
    ['Issue', issueListSchema],
    ['Source', sourceListSchema],
    ['StatedInterest', interestListSchema],
    ['Assessment', assessmentListSchema],
    ['Scenario', scenarioListSchema],
    ['Event', eventListSchema],
  ] as const;
  for (const [table, schema] of lists) {
    it(`has an index led by (workspaceId, column) for every sort the ${table} list offers`, async () => {
      const sorts = schema.shape.sort.unwrap().options as readonly string[];
      const indexes = await db().$queryRaw<{ columns: string[] }[]>`
        SELECT array_agg(a.attname::text ORDER BY k.n) AS columns
          FROM pg_index i
          JOIN pg_class c ON c.oid = i.indrelid
          CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, n)
          JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
         WHERE c.relname = ${table}
         GROUP BY i.indexrelid`;
      for (const sort of sorts) {
        expect(indexes.some((ix) => ix.columns[0] === 'workspaceId' && ix.columns[1] === sort), `${table}.${sort}`).toBe(true);
      }
    });
  }
});
