// The API fast path (scripts/api-fast-path.ts) answers token callers of /api/v1/assessments without
// Next's pipeline. The built app under test runs with it (the default); a second server on the same
// database runs with API_FAST_PATH=0, so every request here goes to both and the answers are compared:
// status, body and headers must be the same, for good and bad input alike.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { displayPrefix, generateTokenSecret, hashTokenSecret } from '@/lib/tokens/secret';
import { spawnAppServer, type AppServer } from './app-server';
import { appSql, appUrl } from './browser';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Headers that differ between any two responses (dates, per-request values, a new record's address),
 * between two servers' counters, or with how the bytes travel (both compress when asked: checked below).
 * Next's Vary also names its own router headers, which mean nothing to the API.
 */
const VARYING = new Set(['date', 'x-ratelimit-remaining', 'x-ratelimit-reset', 'content-length', 'keep-alive', 'connection', 'transfer-encoding', 'content-encoding', 'vary', 'location']);

describe('API fast path: the same answers as through Next', () => {
  let next: AppServer;
  let nextUrl: string;
  let token: string;
  let ids: { actorId: string; issueId: string; sourceId: string };

  beforeAll(async () => {
    // A workspace of its own: the readings written here must not show on the demo's charts, which other tests read.
    const [ws] = await appSql<{ id: string }>(`INSERT INTO "Workspace" (name, slug) VALUES ('Fast path desk', 'fast-path-desk') RETURNING id`);
    const [user] = await appSql<{ id: string }>(
      `INSERT INTO "User" (email, name, "passwordHash", "updatedAt") VALUES ('fast-path@test.local', 'Fast path analyst', 'not-used', now()) RETURNING id`,
    );
    await appSql(`INSERT INTO "Membership" ("workspaceId", "userId", role) VALUES ($1, $2, 'ANALYST')`, [ws!.id, user!.id]);
    token = generateTokenSecret();
    await appSql(`INSERT INTO "ApiToken" ("workspaceId", "userId", name, role, "tokenHash", prefix) VALUES ($1, $2, 'fast path test', 'ANALYST', $3, $4)`, [
      ws!.id,
      user!.id,
      hashTokenSecret(token),
      displayPrefix(token),
    ]);
    const [actor] = await appSql<{ id: string }>(`INSERT INTO "Actor" ("workspaceId", name, kind, "updatedAt") VALUES ($1, 'Azerbaijan', 'STATE', now()) RETURNING id`, [ws!.id]);
    const [issue] = await appSql<{ id: string }>(
      `INSERT INTO "Issue" ("workspaceId", title, anchors, "updatedAt") VALUES ($1, 'Corridor access', '[{"value":0,"label":"Closed"},{"value":100,"label":"Open"}]', now()) RETURNING id`,
      [ws!.id],
    );
    const [source] = await appSql<{ id: string }>(
      `INSERT INTO "Source" ("workspaceId", title, outlet, kind, reliability, "publishedAt", "updatedAt") VALUES ($1, 'Statement', 'Ministry', 'OFFICIAL_STATEMENT', 'B', '2024-04-30', now()) RETURNING id`,
      [ws!.id],
    );
    ids = { actorId: actor!.id, issueId: issue!.id, sourceId: source!.id };
    // Rows for the list and CSV comparisons.
    for (let i = 0; i < 5; i++) {
      await appSql(
        `INSERT INTO "Assessment" ("workspaceId", "actorId", "issueId", "sourceId", position, salience, confidence, credibility, "stanceDate", quote, "recordedById", "updatedAt")
         VALUES ($1, $2, $3, $4, $5, 50, 'HIGH', 2, $6, $7, $8, now())`,
        [ws!.id, actor!.id, issue!.id, source!.id, 10 * i, `2024-0${i + 1}-15`, `Reading ${i}`, user!.id],
      );
    }

    next = await spawnAppServer({
      DATABASE_URL: inject('appDatabaseUrl'),
      AUTH_SECRET: 'fast-path-secret-fast-path-secret-fast-path',
      WEB_CONCURRENCY: '1',
      API_FAST_PATH: '0',
    });
    nextUrl = next.url;
    for (let i = 0; ; i++) {
      if ((await fetch(`${nextUrl}/api/health`).catch(() => null))?.ok) break;
      if (i > 300 || next.process.exitCode !== null) throw new Error(`The second server did not start:\n${next.log()}`);
      await sleep(300);
    }
  }, 150_000);

  afterAll(() => {
    if (next?.process.exitCode === null) next.process.kill('SIGKILL');
  });

  const reading = (extra: Record<string, unknown> = {}) => ({
    ...ids,
    position: 40,
    salience: 60,
    capability: 50,
    confidence: 'MODERATE',
    credibility: 3,
    stanceDate: '2024-05-01',
    quote: 'Fast path test reading',
    ...extra,
  });

  interface Answer {
    status: number;
    headers: Record<string, string>;
    text: string;
    raw: Headers;
  }
  async function ask(base: string, route: string, init: RequestInit = {}): Promise<Answer> {
    const response = await fetch(`${base}${route}`, { redirect: 'manual', ...init, headers: { authorization: `Bearer ${token}`, ...(init.headers as Record<string, string>) } });
    const headers: Record<string, string> = {};
    response.headers.forEach((value, key) => {
      if (!VARYING.has(key)) headers[key] = value;
    });
    return { status: response.status, headers, text: await response.text(), raw: response.headers };
  }
  /** The same request to the app (fast path) and to the server without it. */
  const appBase = () => appUrl('/').replace(/\/$/, '');
  const both = (route: string, init: RequestInit = {}) => Promise.all([ask(appBase(), route, init), ask(nextUrl, route, init)]);
  const withoutNonce = (headers: Record<string, string>) => ({
    ...headers,
    'content-security-policy': headers['content-security-policy']?.replace(/ 'nonce-[^']+'/, ' NONCE'),
  });
  const expectSameHeaders = (fast: Answer, viaNext: Answer) => expect(withoutNonce(fast.headers)).toEqual(withoutNonce(viaNext.headers));
  const post = (body: unknown, headers: Record<string, string> = {}) => ({
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  /** A created record's fields, without what differs between two creations. */
  const comparable = (text: string) => {
    const { id: _id, createdAt: _c, updatedAt: _u, ...rest } = JSON.parse(text) as Record<string, unknown>;
    return rest;
  };

  it('creates a reading: 201 with the record, the same headers', async () => {
    const [fast, viaNext] = await both('/api/v1/assessments', post(reading()));
    expect(fast.status, fast.text).toBe(201);
    expect(viaNext.status, viaNext.text).toBe(201);
    expect(comparable(fast.text)).toEqual(comparable(viaNext.text));
    expectSameHeaders(fast, viaNext);
    expect(fast.headers['cache-control']).toBe('no-store');
    expect(fast.headers['x-content-type-options']).toBe('nosniff');
    expect(fast.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(fast.headers['x-ratelimit-limit']).toBeTruthy();
    for (const answer of [fast, viaNext]) {
      expect(answer.raw.get('location')).toBe(`/api/v1/assessments/${JSON.parse(answer.text).id}`);
      expect(answer.raw.get('content-encoding'), 'fetch asks for gzip').toBe('gzip');
      expect(answer.raw.get('vary')).toMatch(/Accept-Encoding/i);
    }
    // How to tell that the fast path answered at all: Next's Vary also names its router headers.
    expect(fast.raw.get('vary')).toBe('Accept-Encoding');
    expect(viaNext.raw.get('vary')).toMatch(/next-router-state-tree/);
  });

  it('refuses bad input with the same status, error and field errors', async () => {
    const cases: [string, RequestInit][] = [
      ['out of scale', post(reading({ position: 150 }))],
      ['unknown actor', post(reading({ actorId: '00000000-0000-4000-8000-000000000000' }))],
      ['malformed JSON', post('{"position": ')],
      ['not JSON', post('position=40', { 'content-type': 'application/x-www-form-urlencoded' })],
      ['a control character in the quote', post(reading({ quote: 'bad \u0000 byte' }))],
      ['a date that does not exist', post(reading({ stanceDate: '2024-02-30' }))],
    ];
    for (const [what, init] of cases) {
      const [fast, viaNext] = await both('/api/v1/assessments', init);
      expect(fast.status, `${what}: ${fast.text}`).toBeGreaterThanOrEqual(400);
      expect(fast.status, what).toBe(viaNext.status);
      expect(JSON.parse(fast.text), what).toEqual(JSON.parse(viaNext.text));
      expectSameHeaders(fast, viaNext);
    }
  });

  it('refuses a bad token and a body over the limit the same way', async () => {
    const badToken = await Promise.all(
      [appBase(), nextUrl].map((base) => fetch(`${base}/api/v1/assessments`, { ...post(reading()), headers: { 'content-type': 'application/json', authorization: 'Bearer sb_not_a_token' } })),
    );
    expect(badToken.map((r) => r.status)).toEqual([401, 401]);
    expect(await badToken[0]!.json()).toEqual(await badToken[1]!.json());

    const huge = JSON.stringify(reading({ quote: 'x'.repeat(5 * 1024 * 1024) }));
    const [fast, viaNext] = await both('/api/v1/assessments', post(huge));
    expect(fast.status).toBe(413);
    expect(JSON.parse(fast.text)).toEqual(JSON.parse(viaNext.text));
  });

  it('replays an Idempotency-Key on either path', async () => {
    for (const base of [appBase(), nextUrl]) {
      const key = `fast-path-${base}-${Date.now()}`;
      const first = await ask(base, '/api/v1/assessments', post(reading({ quote: `Idempotent ${key}` }), { 'idempotency-key': key }));
      const again = await ask(base, '/api/v1/assessments', post(reading({ quote: `Idempotent ${key}` }), { 'idempotency-key': key }));
      expect(first.status, first.text).toBe(201);
      expect(again.status).toBe(201);
      expect(JSON.parse(again.text).id).toBe(JSON.parse(first.text).id);
    }
  });

  it('lists, pages and exports the same rows', async () => {
    const [fast, viaNext] = await both('/api/v1/assessments?limit=3&sort=stanceDate&dir=desc');
    expect(fast.status).toBe(200);
    expect(JSON.parse(fast.text)).toEqual(JSON.parse(viaNext.text));
    expectSameHeaders(fast, viaNext);
    const cursor = (JSON.parse(fast.text) as { nextCursor: string | null }).nextCursor;
    expect(cursor).toBeTruthy();
    const [fast2, viaNext2] = await both(`/api/v1/assessments?limit=3&sort=stanceDate&dir=desc&cursor=${encodeURIComponent(cursor!)}`);
    expect(JSON.parse(fast2.text)).toEqual(JSON.parse(viaNext2.text));

    const plain = await fetch(`${appBase()}/api/v1/assessments?limit=3`, { headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.json()).toEqual(JSON.parse(fast.text));

    const [csvFast, csvNext] = await both('/api/v1/assessments?format=csv');
    expect(csvFast.status).toBe(200);
    expect(csvFast.headers['content-type']).toMatch(/text\/csv/);
    expect(csvFast.text).toBe(csvNext.text);
    expect(csvFast.text.split('\r\n').length).toBeGreaterThan(3);
    expectSameHeaders(csvFast, csvNext);

    const [badFast, badNext] = await both('/api/v1/assessments?limit=abc');
    expect(badFast.status).toBe(422);
    expect(JSON.parse(badFast.text)).toEqual(JSON.parse(badNext.text));
  });
});
