// The /api/v1 record endpoints, called as Next calls them (Request in, Response out), authenticated with
// real API tokens: create/get/patch/put/delete for every record type, validation (422 with field
// errors), optimistic concurrency (409 with the current record), soft delete, cursor pagination that
// visits every row exactly once, CSV exports with formula cells neutralised.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import * as actorItem from '@/app/api/v1/actors/[id]/route';
import * as actorList from '@/app/api/v1/actors/route';
import * as assessmentItem from '@/app/api/v1/assessments/[id]/route';
import * as assessmentRevisions from '@/app/api/v1/assessments/[id]/revisions/route';
import * as assessmentList from '@/app/api/v1/assessments/route';
import * as interestItem from '@/app/api/v1/interests/[id]/route';
import * as interestList from '@/app/api/v1/interests/route';
import * as issueItem from '@/app/api/v1/issues/[id]/route';
import * as issueList from '@/app/api/v1/issues/route';
import * as scenarioEstimates from '@/app/api/v1/scenarios/[id]/estimates/route';
import * as scenarioItem from '@/app/api/v1/scenarios/[id]/route';
import * as scenarioResolve from '@/app/api/v1/scenarios/[id]/resolve/route';
import * as scenarioList from '@/app/api/v1/scenarios/route';
import * as sourceItem from '@/app/api/v1/sources/[id]/route';
import * as sourceList from '@/app/api/v1/sources/route';
import { db } from '@/lib/db';
import { createToken } from '@/lib/tokens/commands';
import { createBasics, createTestWorkspace, type TestWorkspace } from './helpers/fixtures';

// No browser session in these tests: only the session reader is replaced; tokens are real.
vi.mock('@/lib/auth/next-auth', () => ({ auth: vi.fn(async () => null) }));

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
interface Call {
  method?: string;
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
  params?: Record<string, string>;
}
interface Answer {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
  text: string;
}

async function call(handler: Handler, path: string, { method = 'GET', token, body, headers = {}, params = {} }: Call = {}): Promise<Answer> {
  const init: RequestInit = {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined && typeof body !== 'string' ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
  };
  if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
  const response = await handler(new Request(`http://stanceboard.test/api/v1${path}`, init), { params: Promise.resolve(params) });
  // Keep a byte-order mark in the text (Response.text() would drop it).
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, json, text };
}

let ws: TestWorkspace;
let basics: Awaited<ReturnType<typeof createBasics>>;
let token: string;

beforeAll(async () => {
  ws = await createTestWorkspace('Records desk');
  basics = await createBasics(ws.workspaceId);
  token = (await createToken(ws.analyst, { name: 'records tests', role: 'ANALYST' })).secret;
});

interface ResourceCase {
  name: string;
  path: string;
  list: { GET: Handler; POST: Handler };
  item: { GET: Handler; PATCH: Handler; PUT: Handler; DELETE: Handler };
  create: () => Record<string, unknown>;
  invalid: () => Record<string, unknown>;
  invalidFields: string[];
  patch: () => Record<string, unknown>;
  put: () => Record<string, unknown>;
}

let seq = 0;
const uniq = (s: string) => `${s} ${++seq}`;
const anchors = [
  { value: 0, label: 'None' },
  { value: 100, label: 'All' },
];

const CASES: ResourceCase[] = [
  {
    name: 'actors',
    path: '/actors',
    list: actorList as never,
    item: actorItem as never,
    create: () => ({ name: uniq('Turkey'), kind: 'STATE', aliases: ['Ankara'] }),
    invalid: () => ({ name: '', kind: 'KINGDOM' }),
    invalidFields: ['name', 'kind'],
    patch: () => ({ description: 'Speaks for itself' }),
    put: () => ({ name: uniq('Türkiye'), kind: 'STATE' }),
  },
  {
    name: 'issues',
    path: '/issues',
    list: issueList as never,
    item: issueItem as never,
    create: () => ({ title: uniq('Corridor control'), anchors }),
    invalid: () => ({ title: 'No scale', anchors: [{ value: 0, label: 'None' }] }),
    invalidFields: ['anchors'],
    patch: () => ({ description: 'The Lachin corridor' }),
    put: () => ({ title: uniq('Corridor'), anchors: [anchors[0], { value: 50, label: 'Half' }, anchors[1]] }),
  },
  {
    name: 'sources',
    path: '/sources',
    list: sourceList as never,
    item: sourceItem as never,
    create: () => ({ title: uniq('Ceasefire report'), outlet: 'Reuters', publishedAt: '2020-11-10', kind: 'NEWS', reliability: 'B', body: 'Full text.' }),
    invalid: () => ({ title: '', outlet: 'X', publishedAt: '2020-13-01', kind: 'NEWS', reliability: 'Z' }),
    invalidFields: ['title', 'publishedAt', 'reliability'],
    patch: () => ({ author: 'A. Correspondent' }),
    put: () => ({ title: uniq('Report'), outlet: 'AP', publishedAt: '2020-11-11', kind: 'NEWS', reliability: 'C' }),
  },
  {
    name: 'interests',
    path: '/interests',
    list: interestList as never,
    item: interestItem as never,
    create: () => ({ actorId: basics.actor.id, sourceId: basics.source.id, statedOn: '2020-11-10', quote: uniq('a deserved place in the world order') }),
    invalid: () => ({ actorId: 'nobody', statedOn: 'yesterday', quote: '' }),
    invalidFields: ['actorId', 'sourceId', 'statedOn', 'quote'],
    patch: () => ({ summary: 'Great-power status' }),
    put: () => ({ actorId: basics.actor.id, sourceId: basics.source.id, statedOn: '2020-11-11', quote: uniq('sacred success') }),
  },
  {
    name: 'assessments',
    path: '/assessments',
    list: assessmentList as never,
    item: assessmentItem as never,
    create: () => ({
      actorId: basics.actor.id,
      issueId: basics.issue.id,
      sourceId: basics.source.id,
      position: 90,
      salience: 85,
      confidence: 'MODERATE',
      credibility: 2,
      stanceDate: '2020-11-10',
      quote: uniq('Putin seized those reins'),
    }),
    invalid: () => ({ actorId: basics.actor.id, issueId: basics.issue.id, sourceId: basics.source.id, position: 101, salience: 'lots', confidence: 'SURE', credibility: 9, stanceDate: '2020-11-10', quote: 'q' }),
    invalidFields: ['position', 'salience', 'confidence', 'credibility'],
    patch: () => ({ position: 70 }),
    put: () => ({
      actorId: basics.actor.id,
      issueId: basics.issue.id,
      sourceId: basics.source.id,
      position: 60,
      salience: 50,
      capability: 40,
      confidence: 'HIGH',
      credibility: 1,
      stanceDate: '2020-11-12',
      quote: uniq('Replaced'),
    }),
  },
  {
    name: 'scenarios',
    path: '/scenarios',
    list: scenarioList as never,
    item: scenarioItem as never,
    create: () => ({
      issueId: basics.issue.id,
      name: uniq('Russia distracted'),
      asOf: '2020-11-10',
      actors: [{ actorId: basics.actor.id, position: 50, salience: 60, capability: 70 }],
    }),
    invalid: () => ({ issueId: basics.issue.id, name: '', asOf: 'soon' }),
    invalidFields: ['name', 'asOf'],
    patch: () => ({ description: 'Moscow busy elsewhere' }),
    put: () => ({ name: uniq('Turkey doubles down'), asOf: '2020-11-11', actors: [{ actorId: basics.actor.id, position: 40, salience: 60, capability: 70 }] }),
  },
];

describe.each(CASES)('$name', (c) => {
  it('creates (201 with Location), reads, patches, replaces and soft-deletes a record', async () => {
    const created = await call(c.list.POST, c.path, { method: 'POST', token, body: c.create() });
    expect(created.status, created.text).toBe(201);
    expect(created.json).toMatchObject({ version: 1, deletedAt: null });
    const id = created.json.id as string;
    expect(created.headers.get('location')).toBe(`/api/v1${c.path}/${id}`);

    const read = await call(c.item.GET, `${c.path}/${id}`, { token, params: { id } });
    expect(read.status).toBe(200);
    expect(read.json).toEqual(created.json);

    const patched = await call(c.item.PATCH, `${c.path}/${id}`, { method: 'PATCH', token, params: { id }, body: { version: 1, ...c.patch() } });
    expect(patched.status, patched.text).toBe(200);
    expect(patched.json).toMatchObject({ ...c.patch(), version: 2 });
    // Fields left out of a PATCH keep their values.
    const kept = Object.keys(c.create()).filter((k) => !(k in c.patch()) && k !== 'actors');
    for (const key of kept) expect(patched.json[key], key).toEqual(read.json[key]);

    const put = c.put();
    const replaced = await call(c.item.PUT, `${c.path}/${id}`, { method: 'PUT', token, params: { id }, body: { version: 2, ...put } });
    expect(replaced.status, replaced.text).toBe(200);
    const { actors: _actors, ...putFields } = put;
    expect(replaced.json).toMatchObject({ ...putFields, version: 3 });

    const removed = await call(c.item.DELETE, `${c.path}/${id}`, { method: 'DELETE', token, params: { id } });
    expect(removed.status).toBe(204);
    const afterDelete = await call(c.item.GET, `${c.path}/${id}`, { token, params: { id } });
    expect(afterDelete.json.deletedAt).not.toBeNull();
    const live = await call(c.list.GET, `${c.path}?limit=200`, { token });
    expect(live.json.data.map((r: { id: string }) => r.id)).not.toContain(id);
    const deleted = await call(c.list.GET, `${c.path}?deleted=only&limit=200`, { token });
    expect(deleted.json.data.map((r: { id: string }) => r.id)).toContain(id);
    expect((await call(c.item.DELETE, `${c.path}/${id}`, { method: 'DELETE', token, params: { id } })).status).toBe(404);
  });

  it('answers 409 with the current record when the version is stale, and changes nothing', async () => {
    const { json: created } = await call(c.list.POST, c.path, { method: 'POST', token, body: c.create() });
    const id = created.id as string;
    await call(c.item.PATCH, `${c.path}/${id}`, { method: 'PATCH', token, params: { id }, body: { version: 1, ...c.patch() } });
    const current = (await call(c.item.GET, `${c.path}/${id}`, { token, params: { id } })).json;
    for (const method of ['PATCH', 'PUT'] as const) {
      const stale = await call(c.item[method], `${c.path}/${id}`, { method, token, params: { id }, body: { version: 1, ...c.put() } });
      expect(stale.status, stale.text).toBe(409);
      expect(stale.json.error.code).toBe('CONFLICT');
      expect(stale.json.error.details.current).toEqual(current);
    }
    expect((await call(c.item.GET, `${c.path}/${id}`, { token, params: { id } })).json).toEqual(current);
  });

  it('refuses invalid input with 422 and a message per field, writing nothing', async () => {
    const before = (await call(c.list.GET, `${c.path}?limit=200`, { token })).json.data.length;
    const refused = await call(c.list.POST, c.path, { method: 'POST', token, body: c.invalid() });
    expect(refused.status).toBe(422);
    expect(refused.json.error.code).toBe('VALIDATION');
    expect(Object.keys(refused.json.error.fieldErrors).sort()).toEqual(expect.arrayContaining(c.invalidFields));
    expect((await call(c.list.GET, `${c.path}?limit=200`, { token })).json.data.length).toBe(before);

    const { json: created } = await call(c.list.POST, c.path, { method: 'POST', token, body: c.create() });
    const noVersion = await call(c.item.PATCH, `${c.path}/${created.id}`, { method: 'PATCH', token, params: { id: created.id }, body: c.patch() });
    expect(noVersion.status).toBe(422);
    expect(noVersion.json.error.fieldErrors.version).toBeDefined();
  });

  it('answers 404 for an unknown id or one that is not an id', async () => {
    const unknown = '3f0f4a3c-1111-4aaa-8bbb-000000000000';
    expect((await call(c.item.GET, `${c.path}/${unknown}`, { token, params: { id: unknown } })).status).toBe(404);
    expect((await call(c.item.GET, `${c.path}/x`, { token, params: { id: 'x' } })).status).toBe(404);
    expect((await call(c.item.PATCH, `${c.path}/${unknown}`, { method: 'PATCH', token, params: { id: unknown }, body: { version: 1 } })).status).toBe(404);
    expect((await call(c.item.DELETE, `${c.path}/x`, { method: 'DELETE', token, params: { id: 'x' } })).status).toBe(404);
    // 36 hex characters that are not a valid UUID (variant nibble) are still “not found”, not a validation error.
    const notUuid = '11111111-1111-1111-1111-111111111111';
    expect((await call(c.item.PUT, `${c.path}/${notUuid}`, { method: 'PUT', token, params: { id: notUuid }, body: { version: 1, ...c.put() } })).status).toBe(404);
    expect((await call(c.item.DELETE, `${c.path}/${notUuid}`, { method: 'DELETE', token, params: { id: notUuid } })).status).toBe(404);
  });
});

describe('request bodies', () => {
  it('answers malformed JSON, a non-object and a non-JSON content type with 422 and a clear message', async () => {
    const malformed = await call(actorList.POST as Handler, '/actors', { method: 'POST', token, body: '{"name": "Russia",\n "kind": }', headers: { 'content-type': 'application/json' } });
    expect(malformed.status).toBe(422);
    expect(malformed.json.error.message).toMatch(/The request body is not valid JSON/);
    const array = await call(actorList.POST as Handler, '/actors', { method: 'POST', token, body: [{ name: 'x' }] });
    expect(array.status).toBe(422);
    expect(array.json.error.message).toMatch(/must be a JSON object/);
    const form = await call(actorList.POST as Handler, '/actors', { method: 'POST', token, body: 'name=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(form.status).toBe(422);
    expect(form.json.error.message).toMatch(/Content-Type: application\/json/);
    const empty = await call(actorList.POST as Handler, '/actors', { method: 'POST', token, body: '', headers: { 'content-type': 'application/json' } });
    expect(empty.status).toBe(422);
  });

  it('refuses a body over the JSON limit with 413 before reading it', async () => {
    const refused = await call(actorList.POST as Handler, '/actors', {
      method: 'POST',
      token,
      body: '{}',
      headers: { 'content-type': 'application/json', 'content-length': String(50 * 1024 * 1024) },
    });
    expect(refused.status).toBe(413);
  });
});

describe('cursor pagination', () => {
  let desk: TestWorkspace;
  let deskToken: string;
  beforeAll(async () => {
    desk = await createTestWorkspace('Paging desk');
    deskToken = (await createToken(desk.analyst, { name: 'paging', role: 'ANALYST' })).secret;
    const kinds = ['STATE', 'PERSON', 'ORGANISATION'] as const;
    await db().actor.createMany({ data: Array.from({ length: 23 }, (_, i) => ({ workspaceId: desk.workspaceId, name: `Actor ${String(i).padStart(2, '0')}`, kind: kinds[i % 3]! })) });
    const b = await createBasics(desk.workspaceId);
    // Ties on position and stance date, so only the id keeps the order stable.
    await db().assessment.createMany({
      data: Array.from({ length: 17 }, (_, i) => ({
        workspaceId: desk.workspaceId,
        actorId: b.actor.id,
        issueId: b.issue.id,
        sourceId: b.source.id,
        position: [10, 50, 50, 90][i % 4]!,
        salience: 50,
        confidence: 'LOW' as const,
        credibility: 3,
        stanceDate: new Date(Date.UTC(2020, 10, 1 + (i % 3))),
        quote: `q${i}`,
        recordedById: desk.analyst.userId,
      })),
    });
  });

  async function walk(handler: Handler, path: string, query: string, limit: number) {
    const ids: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const answer: Answer = await call(handler, `${path}?${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { token: deskToken });
      expect(answer.status, answer.text).toBe(200);
      expect(answer.json.data.length).toBeLessThanOrEqual(limit);
      ids.push(...answer.json.data.map((r: { id: string }) => r.id));
      cursor = answer.json.nextCursor;
      pages++;
    } while (cursor && pages < 100);
    return { ids, pages };
  }

  const orders: Array<[string, string, () => Promise<string[]>]> = [
    ['name ascending', 'sort=name&dir=asc', async () => (await db().actor.findMany({ where: { workspaceId: desk.workspaceId, deletedAt: null }, orderBy: [{ name: 'asc' }, { id: 'asc' }] })).map((a) => a.id)],
    ['kind (many ties) descending', 'sort=kind&dir=desc', async () => (await db().actor.findMany({ where: { workspaceId: desk.workspaceId, deletedAt: null }, orderBy: [{ kind: 'desc' }, { id: 'asc' }] })).map((a) => a.id)],
    ['updatedAt descending', 'sort=updatedAt&dir=desc', async () => (await db().actor.findMany({ where: { workspaceId: desk.workspaceId, deletedAt: null }, orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }] })).map((a) => a.id)],
  ];
  for (const [what, query, expected] of orders) {
    it(`visits every actor exactly once, in order, sorted by ${what}`, async () => {
      const { ids, pages } = await walk(actorList.GET as Handler, '/actors', query, 5);
      const all = await expected();
      expect(all.length).toBe(24);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toEqual(all);
      expect(pages).toBe(5);
    });
  }

  it('visits every assessment exactly once when sorted by a column full of ties (position, stance date)', async () => {
    for (const query of ['sort=position&dir=asc', 'sort=position&dir=desc', 'sort=stanceDate&dir=desc']) {
      const { ids } = await walk(assessmentList.GET as Handler, '/assessments', query, 4);
      const [field, dir] = [query.match(/sort=(\w+)/)![1]!, query.match(/dir=(\w+)/)![1] as 'asc' | 'desc'];
      const all = await db().assessment.findMany({ where: { workspaceId: desk.workspaceId }, orderBy: [{ [field]: dir }, { id: 'asc' }], select: { id: true } });
      expect(ids).toEqual(all.map((a) => a.id));
    }
  });

  it('does not repeat or skip a row when a record is added behind the cursor while paging', async () => {
    const first = await call(actorList.GET as Handler, '/actors?sort=name&limit=5', { token: deskToken });
    await db().actor.create({ data: { workspaceId: desk.workspaceId, name: 'Actor 00 (added)', kind: 'OTHER' } });
    const rest: string[] = [];
    let cursor = first.json.nextCursor as string | null;
    while (cursor) {
      const page: Answer = await call(actorList.GET as Handler, `/actors?sort=name&limit=5&cursor=${encodeURIComponent(cursor)}`, { token: deskToken });
      rest.push(...page.json.data.map((r: { id: string }) => r.id));
      cursor = page.json.nextCursor;
    }
    const seen = [...first.json.data.map((r: { id: string }) => r.id), ...rest];
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(24);
  });

  it('filters, and refuses bad parameters and a cursor from another list with 422', async () => {
    const states = await call(actorList.GET as Handler, '/actors?kind=STATE&limit=200', { token: deskToken });
    expect(states.json.data.every((a: { kind: string }) => a.kind === 'STATE')).toBe(true);
    const page = await call(actorList.GET as Handler, '/actors?sort=name&limit=5', { token: deskToken });
    const otherSort = await call(actorList.GET as Handler, `/actors?sort=kind&limit=5&cursor=${page.json.nextCursor}`, { token: deskToken });
    expect(otherSort.status).toBe(422);
    expect(otherSort.json.error.fieldErrors.cursor[0]).toMatch(/another|other sort or filters/);
    const otherFilter = await call(actorList.GET as Handler, `/actors?sort=name&kind=STATE&limit=5&cursor=${page.json.nextCursor}`, { token: deskToken });
    expect(otherFilter.status).toBe(422);
    for (const query of ['cursor=not-a-cursor', 'limit=0', 'limit=201', 'sort=bogus', 'dir=up', 'kind=KING']) {
      const bad = await call(actorList.GET as Handler, `/actors?${query}`, { token: deskToken });
      expect(bad.status, query).toBe(422);
    }
  });
});

describe('CSV export of a list', () => {
  it('answers every matching row as CSV (BOM, CRLF), with formula-like cells neutralised', async () => {
    const desk = await createTestWorkspace('CSV desk');
    const t = (await createToken(desk.viewer, { name: 'csv', role: 'VIEWER' })).secret;
    await db().actor.createMany({
      data: [
        { workspaceId: desk.workspaceId, name: '=HYPERLINK("http://evil.example","click")', kind: 'PERSON', description: '+1 555' },
        { workspaceId: desk.workspaceId, name: '@SUM(A1)', kind: 'PERSON', description: '-2' },
        { workspaceId: desk.workspaceId, name: 'Plain, with comma', kind: 'STATE', description: 'line\nbreak' },
        ...Array.from({ length: 230 }, (_, i) => ({ workspaceId: desk.workspaceId, name: `Bulk ${i}`, kind: 'OTHER' as const })),
      ],
    });
    const csv = await call(actorList.GET as Handler, '/actors?format=csv', { token: t });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(csv.headers.get('content-disposition')).toMatch(/attachment; filename="csv-desk-.*actors\.csv"/);
    expect(csv.text.startsWith('\uFEFFname,kind,aliases,parent,description,id,version')).toBe(true);
    // Every row, across the internal pages of 200.
    expect(csv.text.split('\r\n').filter((l) => l.startsWith('Bulk ')).length).toBe(230);
    expect(csv.text).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")",PERSON,,,'+1 555,`);
    expect(csv.text).toContain(`'@SUM(A1),PERSON,,,'-2,`);
    expect(csv.text).toContain('"Plain, with comma",STATE,,,"line\nbreak",');

    const people = await call(actorList.GET as Handler, '/actors?format=csv&kind=PERSON', { token: t });
    expect(people.text.trim().split('\r\n')).toHaveLength(3);
    expect((await call(actorList.GET as Handler, '/actors?format=xml', { token: t })).status).toBe(422);
  });

  it('exports assessments with the import’s columns first', async () => {
    const csv = await call(assessmentList.GET as Handler, '/assessments?format=csv', { token });
    expect(csv.text.split('\r\n')[0]).toBe(
      '\uFEFFactor,issue,source,source_outlet,source_published,source_kind,source_reliability,position,salience,capability,confidence,credibility,stance_date,quote,rationale,recorded_by,id,version,created_at,updated_at,deleted_at',
    );
  });
});

describe('assessment revisions and scenario estimates', () => {
  it('lists the revisions of an assessment, newest first', async () => {
    const created = await call(assessmentList.POST as Handler, '/assessments', { method: 'POST', token, body: CASES[4]!.create() });
    const id = created.json.id as string;
    await call(assessmentItem.PATCH as Handler, `/assessments/${id}`, { method: 'PATCH', token, params: { id }, body: { version: 1, position: 40 } });
    const revisions = await call(assessmentRevisions.GET as Handler, `/assessments/${id}/revisions`, { token, params: { id } });
    expect(revisions.json.data.map((r: { version: number }) => r.version)).toEqual([2, 1]);
    expect(revisions.json.data[0].changes).toEqual({ position: { from: 90, to: 40 } });
    expect(revisions.json.data[1].changes.position).toEqual({ from: null, to: 90 });
  });

  it('records likelihood estimates and the outcome of a scenario, which then is frozen', async () => {
    const created = await call(scenarioList.POST as Handler, '/scenarios', { method: 'POST', token, body: CASES[5]!.create() });
    const id = created.json.id as string;
    const estimate = await call(scenarioEstimates.POST as Handler, `/scenarios/${id}/estimates`, {
      method: 'POST',
      token,
      params: { id },
      body: { likelihood: 'LIKELY', probability: 65, estimatedOn: '2020-11-12', rationale: 'Moscow holds the corridor' },
    });
    expect(estimate.status, estimate.text).toBe(201);
    expect(estimate.json).toMatchObject({ likelihood: 'LIKELY', probability: 0.65, estimatedOn: '2020-11-12' });
    const outOfBand = await call(scenarioEstimates.POST as Handler, `/scenarios/${id}/estimates`, {
      method: 'POST',
      token,
      params: { id },
      body: { likelihood: 'LIKELY', probability: 10, estimatedOn: '2020-11-12' },
    });
    expect(outOfBand.status).toBe(422);
    expect((await call(scenarioEstimates.GET as Handler, `/scenarios/${id}/estimates`, { token, params: { id } })).json.data).toHaveLength(1);
    const resolved = await call(scenarioResolve.POST as Handler, `/scenarios/${id}/resolve`, { method: 'POST', token, params: { id }, body: { outcome: 'HAPPENED' } });
    expect(resolved.status).toBe(200);
    expect(resolved.json).toMatchObject({ outcome: 'HAPPENED', resolvedById: ws.analyst.userId });
    const frozen = await call(scenarioItem.PATCH as Handler, `/scenarios/${id}`, { method: 'PATCH', token, params: { id }, body: { version: resolved.json.version, name: 'Too late' } });
    expect(frozen.status).toBe(409);
  });
});
