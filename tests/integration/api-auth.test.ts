// Who may call the API: personal tokens (hashed at rest, scoped to one workspace, never above the
// owner's current role, revocable, rate-limited in PostgreSQL) and browser sessions. Every record type
// is tried without authentication, by a viewer writing, from another workspace and by a disabled user.
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import * as actorItem from '@/app/api/v1/actors/[id]/route';
import * as actorList from '@/app/api/v1/actors/route';
import * as assessmentItem from '@/app/api/v1/assessments/[id]/route';
import * as assessmentList from '@/app/api/v1/assessments/route';
import * as exportRoute from '@/app/api/v1/export/route';
import * as importAssessments from '@/app/api/v1/import/assessments/route';
import * as importWorkspace from '@/app/api/v1/import/workspace/route';
import * as interestItem from '@/app/api/v1/interests/[id]/route';
import * as interestList from '@/app/api/v1/interests/route';
import * as issueItem from '@/app/api/v1/issues/[id]/route';
import * as issueList from '@/app/api/v1/issues/route';
import * as openapi from '@/app/api/v1/openapi.json/route';
import * as scenarioItem from '@/app/api/v1/scenarios/[id]/route';
import * as scenarioList from '@/app/api/v1/scenarios/route';
import * as sourceItem from '@/app/api/v1/sources/[id]/route';
import * as sourceList from '@/app/api/v1/sources/route';
import * as actorExport from '@/app/api/stance/actors/[id]/export/route';
import * as compareExport from '@/app/api/stance/issues/[id]/compare/export/route';
import * as dashboardExport from '@/app/api/stance/dashboard/export/route';
import * as issueExport from '@/app/api/stance/issues/[id]/export/route';
import * as readingRoute from '@/app/api/stance/readings/[id]/route';
import { flushRateLimitCounts } from '@/lib/api/rate-limit';
import { buildContext, type Ctx } from '@/lib/auth/context';
import { createAuthSession, revokeAuthSession } from '@/lib/auth/sessions';
import { db } from '@/lib/db';
import { resetEnvCache } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { forgetTokenContexts } from '@/lib/tokens/authenticate';
import { createToken, revokeToken } from '@/lib/tokens/commands';
import { listTokens } from '@/lib/tokens/queries';
import { createBasics, createMember, createTestWorkspace, type TestWorkspace } from './helpers/fixtures';

// Only the session reader is replaced: it answers with the session id of the test's "browser".
const browser = vi.hoisted(() => ({ sid: null as string | null }));
vi.mock('@/lib/auth/next-auth', () => ({ auth: vi.fn(async () => (browser.sid ? { sid: browser.sid } : null)) }));

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
interface Answer {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
}

async function call(
  handler: unknown,
  url: string,
  { method = 'GET', token, body, headers = {}, params = {} }: { method?: string; token?: string; body?: unknown; headers?: Record<string, string>; params?: Record<string, string> } = {},
): Promise<Answer> {
  const init: RequestInit = {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
  };
  if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
  const response = await (handler as Handler)(new Request(`http://stanceboard.test/api/v1${url}`, init), { params: Promise.resolve(params) });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: response.status, headers: response.headers, json };
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

let home: TestWorkspace;
let other: TestWorkspace;
let homeRecords: Record<string, string>;
let otherRecords: Record<string, string>;
let homeBasics: Awaited<ReturnType<typeof createBasics>>;

async function records(ws: TestWorkspace) {
  const b = await createBasics(ws.workspaceId);
  const interest = await db().statedInterest.create({
    data: { workspaceId: ws.workspaceId, actorId: b.actor.id, sourceId: b.source.id, statedOn: new Date('2020-11-10'), quote: 'We want peace', createdById: ws.admin.userId },
  });
  const assessment = await db().assessment.create({
    data: {
      workspaceId: ws.workspaceId,
      actorId: b.actor.id,
      issueId: b.issue.id,
      sourceId: b.source.id,
      position: 50,
      salience: 50,
      confidence: 'LOW',
      credibility: 3,
      stanceDate: new Date('2020-11-10'),
      quote: 'q',
      recordedById: ws.admin.userId,
    },
  });
  const scenario = await db().scenario.create({
    data: { workspaceId: ws.workspaceId, issueId: b.issue.id, name: 'Baseline', asOf: new Date('2020-11-10'), createdById: ws.admin.userId },
  });
  return { basics: b, ids: { actors: b.actor.id, issues: b.issue.id, sources: b.source.id, interests: interest.id, assessments: assessment.id, scenarios: scenario.id } };
}

beforeAll(async () => {
  home = await createTestWorkspace('Home desk');
  other = await createTestWorkspace('Other desk');
  const h = await records(home);
  homeRecords = h.ids;
  homeBasics = h.basics;
  otherRecords = (await records(other)).ids;
});

afterEach(() => {
  browser.sid = null;
  delete process.env.API_RATE_LIMIT_PER_MINUTE;
  resetEnvCache();
});

const RESOURCES = [
  { name: 'actors', list: actorList, item: actorItem, write: () => ({ name: `New actor ${Math.random()}`, kind: 'STATE' }) },
  { name: 'issues', list: issueList, item: issueItem, write: () => ({ title: `New issue ${Math.random()}`, anchors: [{ value: 0, label: 'a' }, { value: 100, label: 'b' }] }) },
  { name: 'sources', list: sourceList, item: sourceItem, write: () => ({ title: 'New', outlet: 'AP', publishedAt: '2020-11-10', kind: 'NEWS', reliability: 'A' }) },
  { name: 'interests', list: interestList, item: interestItem, write: () => ({ actorId: homeBasics.actor.id, sourceId: homeBasics.source.id, statedOn: '2020-11-10', quote: 'x' }) },
  {
    name: 'assessments',
    list: assessmentList,
    item: assessmentItem,
    write: () => ({ actorId: homeBasics.actor.id, issueId: homeBasics.issue.id, sourceId: homeBasics.source.id, position: 1, salience: 1, confidence: 'LOW', credibility: 1, stanceDate: '2020-11-10', quote: 'x' }),
  },
  {
    name: 'scenarios',
    list: scenarioList,
    item: scenarioItem,
    write: () => ({ issueId: homeBasics.issue.id, name: 'S', asOf: '2020-11-10', actors: [{ actorId: homeBasics.actor.id, position: 1, salience: 1, capability: 1 }] }),
  },
] as const;

async function count(name: string, workspaceId: string): Promise<number> {
  const where = { workspaceId };
  const counters: Record<string, () => Promise<number>> = {
    actors: () => db().actor.count({ where }),
    issues: () => db().issue.count({ where }),
    sources: () => db().source.count({ where }),
    interests: () => db().statedInterest.count({ where }),
    assessments: () => db().assessment.count({ where }),
    scenarios: () => db().scenario.count({ where }),
  };
  return counters[name]!();
}

describe('personal API tokens', () => {
  it('shows the secret once and stores only its sha256 and a short prefix; audited', async () => {
    const created = await createToken(home.analyst, { name: 'Nightly export', role: 'VIEWER' });
    expect(created.secret).toMatch(/^sb_[A-Za-z0-9_-]{43}$/);
    const row = await db().apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.tokenHash).toBe(sha256(created.secret));
    expect(row.prefix).toBe(created.secret.slice(0, 11));
    expect(JSON.stringify(row)).not.toContain(created.secret.slice(11));
    expect(row).toMatchObject({ workspaceId: home.workspaceId, userId: home.analyst.userId, role: 'VIEWER', revokedAt: null, lastUsedAt: null });
    const listed = (await listTokens(home.analyst)).find((t) => t.id === created.id)!;
    expect(listed).not.toHaveProperty('tokenHash');
    const log = await db().auditLog.findFirst({ where: { action: 'token.created', entityId: created.id } });
    expect(log).toMatchObject({ userId: home.analyst.userId, workspaceId: home.workspaceId });
  });

  it('cannot be given a role above its creator’s, and cannot be made or revoked with a token', async () => {
    await expect(createToken(home.analyst, { name: 'Too strong', role: 'ADMIN' })).rejects.toMatchObject({ code: 'VALIDATION', extra: { fieldErrors: { role: [expect.any(String)] } } });
    await expect(createToken(home.viewer, { name: 'Too strong', role: 'ANALYST' })).rejects.toBeInstanceOf(AppError);
    const viaToken: Ctx = { ...home.analyst, via: { kind: 'token', tokenId: '00000000-0000-4000-8000-000000000000' } };
    await expect(createToken(viaToken, { name: 'From a token', role: 'VIEWER' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('authenticates a request, and records when it was last used at most once a minute', async () => {
    const { id, secret } = await createToken(home.viewer, { name: 'Reader', role: 'VIEWER' });
    const answer = await call(actorList.GET, '/actors', { token: secret });
    expect(answer.status).toBe(200);
    expect(answer.json.data.map((a: { id: string }) => a.id)).toContain(homeRecords.actors);
    const first = (await db().apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt;
    expect(first).not.toBeNull();
    await call(actorList.GET, '/actors', { token: secret });
    expect((await db().apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).toEqual(first);
  });

  it('refuses a malformed header, an unknown token and a revoked one with 401', async () => {
    const { id, secret } = await createToken(home.analyst, { name: 'Soon revoked', role: 'ANALYST' });
    expect((await call(actorList.GET, '/actors', { headers: { authorization: 'Token abc' } })).status).toBe(401);
    expect((await call(actorList.GET, '/actors', { headers: { authorization: 'Bearer' } })).status).toBe(401);
    const unknown = await call(actorList.GET, '/actors', { token: `sb_${'A'.repeat(43)}` });
    expect(unknown.status).toBe(401);
    expect(unknown.json.error.message).toMatch(/not valid/);
    expect((await call(actorList.GET, '/actors', { token: secret })).status).toBe(200);

    await revokeToken(home.analyst, { id });
    expect((await call(actorList.GET, '/actors', { token: secret })).status).toBe(401);
    expect(await db().auditLog.findFirst({ where: { action: 'token.revoked', entityId: id } })).toMatchObject({ userId: home.analyst.userId });
  });

  it('can be revoked by its owner or an admin, not by another member', async () => {
    const { id, secret } = await createToken(home.analyst, { name: 'Owned', role: 'ANALYST' });
    const colleague = await createMember(home.workspaceId, 'ANALYST', 'colleague');
    await expect(revokeToken(colleague, { id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await call(actorList.GET, '/actors', { token: secret })).status).toBe(200);
    await revokeToken(home.admin, { id });
    expect((await call(actorList.GET, '/actors', { token: secret })).status).toBe(401);
  });

  it('acts with the lower of its role and the owner’s current role, checked on every request', async () => {
    const owner = await createMember(home.workspaceId, 'ANALYST', 'demoted');
    const { secret } = await createToken(owner, { name: 'Writer', role: 'ANALYST' });
    const body = RESOURCES[0].write();
    expect((await call(actorList.POST, '/actors', { method: 'POST', token: secret, body })).status).toBe(201);
    await db().membership.update({ where: { workspaceId_userId: { workspaceId: home.workspaceId, userId: owner.userId } }, data: { role: 'VIEWER' } });
    // Changed behind the app's back: a remembered token caller would keep its role for TOKEN_CONTEXT_TTL_MS.
    forgetTokenContexts();
    const refused = await call(actorList.POST, '/actors', { method: 'POST', token: secret, body: RESOURCES[0].write() });
    expect(refused.status).toBe(403);
    expect((await call(actorList.GET, '/actors', { token: secret })).status).toBe(200);
  });

  it('stops working when its owner is disabled, their membership is disabled or removed, and is refused while a new password is due', async () => {
    const make = async (name: string) => {
      const member = await createMember(home.workspaceId, 'ANALYST', name);
      return { member, secret: (await createToken(member, { name, role: 'ANALYST' })).secret };
    };
    const disabledUser = await make('disabled-user');
    await db().user.update({ where: { id: disabledUser.member.userId }, data: { disabledAt: new Date() } });
    expect((await call(actorList.GET, '/actors', { token: disabledUser.secret })).status).toBe(401);

    const disabledMembership = await make('disabled-membership');
    await db().membership.updateMany({ where: { userId: disabledMembership.member.userId }, data: { disabledAt: new Date() } });
    expect((await call(actorList.GET, '/actors', { token: disabledMembership.secret })).status).toBe(401);

    const removed = await make('removed');
    await db().membership.deleteMany({ where: { userId: removed.member.userId } });
    expect((await call(actorList.GET, '/actors', { token: removed.secret })).status).toBe(401);

    const pending = await make('pending');
    await db().user.update({ where: { id: pending.member.userId }, data: { mustChangePassword: true } });
    expect((await call(actorList.GET, '/actors', { token: pending.secret })).status).toBe(403);
  });
});

describe.each(RESOURCES)('$name: who may call it', (r) => {
  const itemPath = (id: string) => `/${r.name}/${id}`;

  it('refuses a call without authentication with 401', async () => {
    expect((await call(r.list.GET, `/${r.name}`)).status).toBe(401);
    const id = homeRecords[r.name]!;
    const answer = await call(r.item.GET, itemPath(id), { params: { id } });
    expect(answer.status).toBe(401);
    expect(answer.json.error).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('refuses writes by a viewer (token or session) with 403 and writes nothing', async () => {
    const { secret } = await createToken(home.viewer, { name: `viewer ${r.name}`, role: 'VIEWER' });
    const before = await count(r.name, home.workspaceId);
    const created = await call(r.list.POST, `/${r.name}`, { method: 'POST', token: secret, body: r.write() });
    expect(created.status).toBe(403);
    expect(created.json.error.code).toBe('FORBIDDEN');
    const id = homeRecords[r.name]!;
    expect((await call(r.item.DELETE, itemPath(id), { method: 'DELETE', token: secret, params: { id } })).status).toBe(403);
    // An analyst's token limited to viewer is a viewer.
    const limited = (await createToken(home.analyst, { name: `limited ${r.name}`, role: 'VIEWER' })).secret;
    expect((await call(r.list.POST, `/${r.name}`, { method: 'POST', token: limited, body: r.write() })).status).toBe(403);
    browser.sid = await createAuthSession(home.viewer.userId, home.workspaceId);
    expect((await call(r.list.POST, `/${r.name}`, { method: 'POST', body: r.write() })).status).toBe(403);
    expect(await count(r.name, home.workspaceId)).toBe(before);
  });

  it('answers 404 for a record of another workspace, and never lists it', async () => {
    const { secret } = await createToken(home.admin, { name: `admin ${r.name}`, role: 'ADMIN' });
    const id = otherRecords[r.name]!;
    expect((await call(r.item.GET, itemPath(id), { token: secret, params: { id } })).status).toBe(404);
    expect((await call(r.item.PATCH, itemPath(id), { method: 'PATCH', token: secret, params: { id }, body: { version: 1 } })).status).toBe(404);
    expect((await call(r.item.DELETE, itemPath(id), { method: 'DELETE', token: secret, params: { id } })).status).toBe(404);
    const listed = await call(r.list.GET, `/${r.name}?limit=200`, { token: secret });
    expect(listed.json.data.map((x: { id: string }) => x.id)).not.toContain(id);
    expect(await db().$queryRawUnsafe<{ d: Date | null }[]>(`SELECT "deletedAt" AS d FROM "${{ actors: 'Actor', issues: 'Issue', sources: 'Source', interests: 'StatedInterest', assessments: 'Assessment', scenarios: 'Scenario' }[r.name]}" WHERE id = $1::uuid`, id)).toEqual([{ d: null }]);
  });

  it('refuses a disabled user’s token and session with 401', async () => {
    const member = await createMember(home.workspaceId, 'ADMIN', `disabled ${r.name}`);
    const { secret } = await createToken(member, { name: 'soon disabled', role: 'ADMIN' });
    const sid = await createAuthSession(member.userId, home.workspaceId);
    await db().user.update({ where: { id: member.userId }, data: { disabledAt: new Date() } });
    const id = homeRecords[r.name]!;
    expect((await call(r.item.GET, itemPath(id), { token: secret, params: { id } })).status).toBe(401);
    browser.sid = sid;
    expect((await call(r.item.GET, itemPath(id), { params: { id } })).status).toBe(401);
  });
});

describe('browser sessions', () => {
  it('work for same-origin requests and follow the session’s role', async () => {
    browser.sid = await createAuthSession(home.analyst.userId, home.workspaceId);
    expect((await call(actorList.GET, '/actors')).status).toBe(200);
    const sameOrigin = await call(actorList.POST, '/actors', { method: 'POST', body: RESOURCES[0].write(), headers: { origin: 'http://stanceboard.test', host: 'stanceboard.test' } });
    expect(sameOrigin.status).toBe(201);
  });

  it('refuse cross-site writes that carry a session cookie', async () => {
    browser.sid = await createAuthSession(home.analyst.userId, home.workspaceId);
    const before = await count('actors', home.workspaceId);
    const crossOrigin = await call(actorList.POST, '/actors', { method: 'POST', body: RESOURCES[0].write(), headers: { origin: 'https://evil.example', host: 'stanceboard.test' } });
    expect(crossOrigin.status).toBe(403);
    const crossSite = await call(actorList.POST, '/actors', { method: 'POST', body: RESOURCES[0].write(), headers: { 'sec-fetch-site': 'cross-site' } });
    expect(crossSite.status).toBe(403);
    expect(await count('actors', home.workspaceId)).toBe(before);
  });

  it('stop working when the session is revoked', async () => {
    const sid = await createAuthSession(home.analyst.userId, home.workspaceId);
    browser.sid = sid;
    expect((await call(actorList.GET, '/actors')).status).toBe(200);
    await revokeAuthSession(sid);
    expect((await call(actorList.GET, '/actors')).status).toBe(401);
  });

  it('prefer a bearer token over the session, and refuse a bad token even with a good session', async () => {
    browser.sid = await createAuthSession(home.analyst.userId, home.workspaceId);
    expect((await call(actorList.GET, '/actors', { token: `sb_${'B'.repeat(43)}` })).status).toBe(401);
    const { secret } = await createToken(other.viewer, { name: 'other desk', role: 'VIEWER' });
    const answer = await call(actorList.GET, '/actors', { token: secret });
    expect(answer.json.data.map((a: { id: string }) => a.id)).toEqual([otherRecords.actors]);
  });
});

describe('rate limiting', () => {
  it('answers 429 with Retry-After past the per-minute limit of a token, counted in PostgreSQL, leaving other tokens alone', async () => {
    process.env.API_RATE_LIMIT_PER_MINUTE = '3';
    resetEnvCache();
    const { id, secret } = await createToken(home.viewer, { name: 'busy', role: 'VIEWER' });
    const { secret: calm } = await createToken(home.viewer, { name: 'calm', role: 'VIEWER' });
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await call(actorList.GET, '/actors', { token: secret }));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 429]);
    expect(answers.map((a) => a.headers.get('x-ratelimit-remaining'))).toEqual(['2', '1', '0', null]);
    const limited = answers[3]!;
    expect(limited.json.error.code).toBe('RATE_LIMITED');
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // Counted in memory between flushes (lib/api/rate-limit.ts); every request ends up in PostgreSQL.
    await flushRateLimitCounts();
    const windows = await db().rateLimitWindow.findMany({ where: { key: `api:token:${id}` } });
    expect(windows.reduce((n, w) => n + w.count, 0)).toBe(4);
    expect((await call(actorList.GET, '/actors', { token: calm })).status).toBe(200);
  });

  it('counts concurrent requests exactly in one process', async () => {
    process.env.API_RATE_LIMIT_PER_MINUTE = '5';
    resetEnvCache();
    const { secret } = await createToken(home.viewer, { name: 'burst', role: 'VIEWER' });
    const statuses = (await Promise.all(Array.from({ length: 12 }, () => call(actorList.GET, '/actors', { token: secret })))).map((a) => a.status);
    // Requests that straddle a minute boundary fall in two windows; otherwise exactly 5 pass.
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(5);
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(10);
    expect(statuses.filter((s) => s !== 200 && s !== 429)).toEqual([]);
  });
});

describe('the other endpoints', () => {
  it('refuse calls without authentication', async () => {
    expect((await call(exportRoute.GET, '/export')).status).toBe(401);
    expect((await call(importAssessments.POST, '/import/assessments', { method: 'POST', body: 'x' })).status).toBe(401);
    expect((await call(importWorkspace.POST, '/import/workspace', { method: 'POST', body: {} })).status).toBe(401);
    expect((await call(openapi.GET, '/openapi.json')).status).toBe(401);
  });

  it('serve an OpenAPI 3.1 document that describes every /api/v1 route and method', async () => {
    const { secret } = await createToken(home.viewer, { name: 'docs', role: 'VIEWER' });
    const answer = await call(openapi.GET, '/openapi.json', { token: secret });
    expect(answer.status).toBe(200);
    expect(answer.json.openapi).toBe('3.1.0');
    const root = path.join(process.cwd(), 'app/api/v1');
    const routeFiles = (readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith('route.ts'));
    const described: string[] = [];
    const expected: string[] = [];
    for (const file of routeFiles) {
      const mod = (await import(/* @vite-ignore */ path.join(root, file))) as Record<string, unknown>;
      const apiPath = `/${path.dirname(file)}`.replace(/\[(\w+)\]/g, '{$1}');
      for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
        if (typeof mod[method] !== 'function') continue;
        expected.push(`${method} ${apiPath}`);
        if (answer.json.paths[apiPath]?.[method.toLowerCase()]) described.push(`${method} ${apiPath}`);
      }
    }
    expect(expected.length).toBeGreaterThan(25);
    expect(described.sort()).toEqual(expected.sort());
    // Every operation says which permission it needs; every $ref resolves.
    const refs = JSON.stringify(answer.json).match(/#\/components\/schemas\/[\w]+/g) ?? [];
    for (const ref of new Set(refs)) expect(answer.json.components.schemas[ref.split('/').pop()!], ref).toBeDefined();
    for (const ops of Object.values(answer.json.paths) as Record<string, { 'x-permission'?: string }>[]) {
      for (const op of Object.values(ops)) expect(op['x-permission']).toBeTruthy();
    }
    expect(answer.json.components.schemas.ActorInput.required).toEqual(['name', 'kind']);
    expect(answer.json.components.schemas.AssessmentPatch.required).toEqual(['version']);
  });

  it('builds a token context the same way as a session would, lowered to the token role', async () => {
    const ctx = await buildContext(home.admin.userId, home.workspaceId, { kind: 'token', tokenId: 'x' }, 'VIEWER');
    expect(ctx?.role).toBe('VIEWER');
  });
});

// The CSV exports of the stance pages and the chart's reading tooltip go through the API's own chain
// (lib/api/handler.ts): before, they read the session only, so a token could not export, nothing was
// rate limited, and a refusal was answered without `Cache-Control: no-store`.
describe('the /api/stance routes', () => {
  const homeId = (kind: string) => homeRecords[kind]!;
  async function stance(handler: unknown, url: string, { token, params = {} }: { token?: string; params?: Record<string, string> } = {}) {
    const request = new Request(`http://stanceboard.test/api/stance${url}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    const response = await (handler as Handler)(request, { params: Promise.resolve(params) });
    return { status: response.status, headers: response.headers, text: await response.text() };
  }
  const exports = () => [
    { name: 'dashboard', handler: dashboardExport.GET, url: '/dashboard/export?table=latest', params: {} as Record<string, string> },
    { name: 'actor', handler: actorExport.GET, url: `/actors/${homeId('actors')}/export?table=positions`, params: { id: homeId('actors') } },
    { name: 'issue', handler: issueExport.GET, url: `/issues/${homeId('issues')}/export?table=readings`, params: { id: homeId('issues') } },
    {
      name: 'comparison',
      handler: compareExport.GET,
      url: `/issues/${homeId('issues')}/compare/export?actor=${homeId('actors')}&asOf=2020-11-12`,
      params: { id: homeId('issues') },
    },
  ];

  it('export CSV to a Bearer token of the workspace, with no-store and the rate-limit headers', async () => {
    const { secret } = await createToken(home.viewer, { name: 'csv reader', role: 'VIEWER' });
    for (const e of exports()) {
      const answer = await stance(e.handler, e.url, { token: secret, params: e.params });
      expect(answer.status, `${e.name}: ${answer.text}`).toBe(200);
      expect(answer.headers.get('content-type'), e.name).toMatch(/^text\/csv/);
      expect(answer.headers.get('cache-control'), e.name).toBe('no-store');
      expect(answer.headers.get('x-ratelimit-limit'), e.name).not.toBeNull();
      expect(answer.text.split('\r\n')[0], e.name).toMatch(/^[a-z_]+(,[a-z_]+)+$/);
    }
    // The actor's positions name the home assessment's issue: the export is of the token's workspace.
    const positions = await stance(actorExport.GET, `/actors/${homeId('actors')}/export?table=positions`, { token: secret, params: { id: homeId('actors') } });
    expect(positions.text).toContain(homeBasics.issue.title);
  });

  it('export CSV to a browser session too, with no-store', async () => {
    browser.sid = await createAuthSession(home.viewer.userId, home.workspaceId);
    for (const e of exports()) {
      const answer = await stance(e.handler, e.url, { params: e.params });
      expect(answer.status, `${e.name}: ${answer.text}`).toBe(200);
      expect(answer.headers.get('cache-control'), e.name).toBe('no-store');
    }
  });

  it('refuse a caller without authentication, and a bad token even with a good session, with 401 and no-store', async () => {
    for (const e of exports()) {
      const anonymous = await stance(e.handler, e.url, { params: e.params });
      expect(anonymous.status, e.name).toBe(401);
      expect(anonymous.headers.get('cache-control'), e.name).toBe('no-store');
    }
    browser.sid = await createAuthSession(home.viewer.userId, home.workspaceId);
    for (const e of exports()) expect((await stance(e.handler, e.url, { token: `sb_${'C'.repeat(43)}`, params: e.params })).status, e.name).toBe(401);
  });

  it("answer 404 for another workspace's records through a token", async () => {
    const { secret } = await createToken(other.admin, { name: 'other csv', role: 'ADMIN' });
    for (const e of exports().filter((x) => x.name !== 'dashboard')) {
      const answer = await stance(e.handler, e.url, { token: secret, params: e.params });
      expect(answer.status, `${e.name}: ${answer.text}`).toBe(404);
    }
  });

  it('count exports against the caller’s rate limit', async () => {
    process.env.API_RATE_LIMIT_PER_MINUTE = '2';
    resetEnvCache();
    const { secret } = await createToken(home.viewer, { name: 'csv burst', role: 'VIEWER' });
    const e = exports()[0]!;
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await stance(e.handler, e.url, { token: secret, params: e.params })).status);
    // A minute boundary between the calls opens a new window; otherwise the third is refused.
    expect(statuses.slice(0, 2)).toEqual([200, 200]);
    expect([429, 200]).toContain(statuses[2]);
    if (statuses[2] === 200) return;
    const limited = await stance(e.handler, e.url, { token: secret, params: e.params });
    expect(limited.headers.get('retry-after')).not.toBeNull();
  });

  it('answer a bad table with 422 after authentication, not before', async () => {
    expect((await stance(dashboardExport.GET, '/dashboard/export?table=nonsense')).status).toBe(401);
    const { secret } = await createToken(home.viewer, { name: 'csv typo', role: 'VIEWER' });
    expect((await stance(dashboardExport.GET, '/dashboard/export?table=nonsense', { token: secret })).status).toBe(422);
  });

  it("serve a reading's quote to a token too, cached privately for a minute", async () => {
    const { secret } = await createToken(home.viewer, { name: 'tooltip', role: 'VIEWER' });
    const answer = await stance(readingRoute.GET, `/readings/${homeId('assessments')}`, { token: secret, params: { id: homeId('assessments') } });
    expect(answer.status, answer.text).toBe(200);
    expect(JSON.parse(answer.text)).toMatchObject({ id: homeId('assessments'), quote: 'q' });
    expect(answer.headers.get('cache-control')).toBe('private, max-age=60');
    expect((await stance(readingRoute.GET, `/readings/${homeId('assessments')}`, { params: { id: homeId('assessments') } })).status).toBe(401);
  });
});
