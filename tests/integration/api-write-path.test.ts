// The write path of POST /api/v1/assessments, counted in database round trips: every statement the
// app sends to PostgreSQL goes through pg's Client#query, which this file wraps to count them.
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import * as assessmentList from '@/app/api/v1/assessments/route';
import { flushRateLimitCounts } from '@/lib/api/rate-limit';
import { db } from '@/lib/db';
import { contextForToken, forgetTokenContexts, TOKEN_CONTEXT_TTL_MS } from '@/lib/tokens/authenticate';
import { createToken, revokeToken } from '@/lib/tokens/commands';
import { createBasics, createTestWorkspace, type TestWorkspace } from './helpers/fixtures';

// Only token callers here: the session reader (next-auth) is never reached.
vi.mock('@/lib/auth/next-auth', () => ({ auth: vi.fn(async () => null) }));

const statements: string[] = [];
const originalQuery = pg.Client.prototype.query;

beforeAll(() => {
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const first = args[0] as string | { text?: string };
    statements.push(typeof first === 'string' ? first : (first?.text ?? '?'));
    return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof pg.Client.prototype.query;
});
afterAll(() => {
  pg.Client.prototype.query = originalQuery;
});

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function post(token: string, body: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const request = new Request('http://stanceboard.test/api/v1/assessments', {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const response = await (assessmentList.POST as Handler)(request, { params: Promise.resolve({}) });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

let ws: TestWorkspace;
let basics: Awaited<ReturnType<typeof createBasics>>;
const body = (over: Record<string, unknown> = {}) => ({
  actorId: basics.actor.id,
  issueId: basics.issue.id,
  sourceId: basics.source.id,
  position: 62.5,
  salience: 80,
  confidence: 'HIGH',
  credibility: 2,
  stanceDate: '2020-11-10',
  quote: 'We will not withdraw.',
  ...over,
});

beforeAll(async () => {
  ws = await createTestWorkspace('Write path desk');
  basics = await createBasics(ws.workspaceId);
});
beforeEach(() => forgetTokenContexts());

/** Statements sent while `run` ran. */
async function counted<T>(run: () => Promise<T>): Promise<{ result: T; sent: string[] }> {
  const from = statements.length;
  const result = await run();
  return { result, sent: statements.slice(from) };
}

describe('POST /api/v1/assessments', () => {
  it('takes one round trip once the token is known: references checked, row and revision written, row returned, in one statement', async () => {
    const { secret } = await createToken(ws.analyst, { name: 'writer', role: 'ANALYST' });
    const first = await post(secret, body());
    expect(first.status).toBe(201);
    const { result, sent } = await counted(() => post(secret, body({ position: 40, capability: 30, rationale: 'Second reading' })));
    expect(result.status).toBe(201);
    expect(sent).toHaveLength(1);

    // The answer is the stored record, exactly as GET returns it.
    const stored = await db().assessment.findUniqueOrThrow({ where: { id: result.json.id as string } });
    expect(result.json).toMatchObject({
      id: stored.id,
      position: 40,
      capability: 30,
      rationale: 'Second reading',
      stanceDate: '2020-11-10',
      recordedById: ws.analyst.userId,
      version: 1,
      createdAt: stored.createdAt.toISOString(),
      updatedAt: stored.updatedAt.toISOString(),
      deletedAt: null,
    });
    const revisions = await db().assessmentRevision.findMany({ where: { assessmentId: stored.id } });
    expect(revisions).toHaveLength(1);
    expect(revisions[0]).toMatchObject({ version: 1, editedById: ws.analyst.userId, workspaceId: ws.workspaceId });
    expect(revisions[0]!.snapshot).toMatchObject({ position: 40, capability: 30, stanceDate: '2020-11-10', rationale: 'Second reading', confidence: 'HIGH' });
    expect((revisions[0]!.changes as Record<string, { from: unknown; to: unknown }>).position).toEqual({ from: null, to: 40 });
    // The summary tables are kept by the triggers in the same statement.
    const reading = await db().currentReading.findFirst({ where: { workspaceId: ws.workspaceId, actorId: basics.actor.id, issueId: basics.issue.id } });
    expect(reading).not.toBeNull();
  });

  it('refuses a reference of another workspace or a deleted one, field by field, writing nothing', async () => {
    const { secret } = await createToken(ws.analyst, { name: 'careless', role: 'ANALYST' });
    const elsewhere = await createBasics((await createTestWorkspace('Elsewhere')).workspaceId);
    const deletedSource = await db().source.create({
      data: { workspaceId: ws.workspaceId, title: 'Gone', outlet: 'x', publishedAt: new Date('2020-11-01'), kind: 'NEWS', reliability: 'C', deletedAt: new Date() },
    });
    const before = await db().assessment.count({ where: { workspaceId: ws.workspaceId } });
    const refused = await post(secret, body({ actorId: elsewhere.actor.id, sourceId: deletedSource.id }));
    expect(refused.status).toBe(422);
    expect((refused.json.error as { fieldErrors: Record<string, string[]> }).fieldErrors).toEqual({
      actorId: ['Choose an actor from the list'],
      sourceId: ['Choose a source from the list'],
    });
    expect(await db().assessment.count({ where: { workspaceId: ws.workspaceId } })).toBe(before);
  });

  it('remembers a token for a few seconds, but forgets it at once when it is revoked in this process', async () => {
    const { id, secret } = await createToken(ws.analyst, { name: 'soon revoked', role: 'ANALYST' });
    expect((await post(secret, body())).status).toBe(201);
    await revokeToken(ws.analyst, { id });
    const refused = await post(secret, body());
    expect(refused.status).toBe(401);
  });

  it('looks a token up once when many of its requests arrive together before it is remembered', async () => {
    const { secret } = await createToken(ws.analyst, { name: 'busy client', role: 'ANALYST' });
    // Each request in its own turn of the event loop, as they come off the network (Prisma batches the
    // findUnique calls of one turn by itself).
    const { result, sent } = await counted(async () => {
      const requests: ReturnType<typeof post>[] = [];
      for (let i = 0; i < 12; i++) {
        requests.push(post(secret, body({ position: i })));
        await new Promise((resolve) => setImmediate(resolve));
      }
      return Promise.all(requests);
    });
    expect(result.map((r) => r.status)).toEqual(Array(12).fill(201));
    expect(sent.filter((text) => /FROM "public"\."ApiToken"/.test(text))).toHaveLength(1);
    expect(sent.filter((text) => /INSERT INTO "Assessment"/.test(text))).toHaveLength(12);
  });

  it('notices a change made behind the app’s back once the remembered caller is older than TOKEN_CONTEXT_TTL_MS', async () => {
    const { id, secret } = await createToken(ws.analyst, { name: 'revoked in SQL', role: 'ANALYST' });
    const start = new Date();
    expect(await contextForToken(secret, start)).not.toBeNull();
    await db().apiToken.update({ where: { id }, data: { revokedAt: new Date() } });
    expect(await contextForToken(secret, new Date(start.getTime() + TOKEN_CONTEXT_TTL_MS - 1))).not.toBeNull();
    expect(await contextForToken(secret, new Date(start.getTime() + TOKEN_CONTEXT_TTL_MS + 1))).toBeNull();
    expect(TOKEN_CONTEXT_TTL_MS).toBeLessThanOrEqual(5_000);
  });

  it('counts the rate limit in memory and flushes it to PostgreSQL in one statement', async () => {
    const { id, secret } = await createToken(ws.analyst, { name: 'counted', role: 'ANALYST' });
    for (let i = 0; i < 3; i++) expect((await post(secret, body())).status).toBe(201);
    const { sent } = await counted(() => flushRateLimitCounts());
    expect(sent).toHaveLength(1);
    const windows = await db().rateLimitWindow.findMany({ where: { key: `api:token:${id}` } });
    expect(windows.reduce((n, w) => n + w.count, 0)).toBe(3);
  });
});
