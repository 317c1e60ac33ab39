// Issue 13, defects 3, 4 and 7 at the API and domain level: a committed write is answered as a success
// and can be retried safely with Idempotency-Key; a database that does not answer is a 503 that says
// so, never a 500; tokens die with the password or the membership that made them; sign out everywhere.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import * as assessmentList from '@/app/api/v1/assessments/route';
import * as actorList from '@/app/api/v1/actors/route';
import { assessmentsResource } from '@/lib/api/resources/assessments';
import { hashPassword } from '@/lib/auth/password';
import { contextForSession } from '@/lib/auth/context';
import { createAuthSession, signOutEverywhere } from '@/lib/auth/sessions';
import { checkDatabase } from '@/lib/db/health';
import { db, disconnectDb } from '@/lib/db';
import { resetEnvCache } from '@/lib/env';
import { DATABASE_UNAVAILABLE_MESSAGE, errorResponse } from '@/lib/errors';
import { changeOwnPassword } from '@/lib/account/commands';
import { disableMember, setMemberPassword } from '@/lib/members/commands';
import { createToken } from '@/lib/tokens/commands';
import { contextForToken } from '@/lib/tokens/authenticate';
import { createBasics, createMember, createTestWorkspace, type TestWorkspace } from './helpers/fixtures';

// next-auth cannot load outside Next; these calls authenticate by token, so no browser session exists.
vi.mock('@/lib/auth/next-auth', () => ({ auth: vi.fn(async () => null) }));

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

let ws: TestWorkspace;
let basics: Awaited<ReturnType<typeof createBasics>>;
let token: string;

async function post(handler: unknown, path: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await (handler as Handler)(
    new Request(`http://stanceboard.test/api/v1${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve({}) },
  );
  return { status: response.status, headers: response.headers, json: await response.json() };
}

const assessment = (quote: string) => ({
  actorId: basics.actor.id,
  issueId: basics.issue.id,
  sourceId: basics.source.id,
  position: 40,
  salience: 60,
  confidence: 'HIGH',
  credibility: 2,
  stanceDate: '2020-11-10',
  quote,
});
const countQuote = (quote: string) => db().assessment.count({ where: { workspaceId: ws.workspaceId, quote } });

beforeAll(async () => {
  ws = await createTestWorkspace('Faults desk');
  basics = await createBasics(ws.workspaceId);
  token = (await createToken(ws.analyst, { name: 'client', role: 'ANALYST' })).secret;
});

afterEach(() => vi.restoreAllMocks());

describe('defect 3: Idempotency-Key on API POSTs', () => {
  it('a repeat returns the first answer and writes nothing more', async () => {
    const key = `key-${Math.random()}`;
    const first = await post(assessmentList.POST, '/assessments', assessment('idempotent once'), { 'idempotency-key': key });
    const second = await post(assessmentList.POST, '/assessments', assessment('idempotent once'), { 'idempotency-key': key });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.json).toEqual(first.json);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(await countQuote('idempotent once')).toBe(1);
  });

  it('a repeat with a different body is refused with 422 naming the header, and writes nothing', async () => {
    const key = `key-${Math.random()}`;
    await post(actorList.POST, '/actors', { name: 'Ankara idem', kind: 'STATE' }, { 'idempotency-key': key });
    const other = await post(actorList.POST, '/actors', { name: 'Baku idem', kind: 'STATE' }, { 'idempotency-key': key });
    expect(other.status).toBe(422);
    expect(other.json.error.fieldErrors).toHaveProperty('Idempotency-Key');
    expect(await db().actor.count({ where: { workspaceId: ws.workspaceId, name: 'Baku idem' } })).toBe(0);
  });

  it('keys are per caller: another user with the same key gets their own answer', async () => {
    const key = `shared-${Math.random()}`;
    await post(actorList.POST, '/actors', { name: 'Caller one', kind: 'STATE' }, { 'idempotency-key': key });
    const viewerToken = token;
    const otherAnalyst = await createMember(ws.workspaceId, 'ANALYST', 'second');
    token = (await createToken(otherAnalyst, { name: 'second', role: 'ANALYST' })).secret;
    try {
      const second = await post(actorList.POST, '/actors', { name: 'Caller two', kind: 'STATE' }, { 'idempotency-key': key });
      expect(second.status).toBe(201);
      expect(second.json.name).toBe('Caller two');
    } finally {
      token = viewerToken;
    }
  });

  it('a write whose transaction committed answers 201 even when reading it back fails', async () => {
    const outage = Object.assign(new Error("Can't reach database server at 127.0.0.1:5432"), { code: 'P1001' });
    vi.spyOn(assessmentsResource, 'get').mockRejectedValue(outage);
    const answer = await post(assessmentList.POST, '/assessments', assessment('committed then outage'));
    expect(answer.status).toBe(201);
    expect(answer.json.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(answer.headers.get('location')).toBe(`/api/v1/assessments/${answer.json.id}`);
    expect(await countQuote('committed then outage')).toBe(1);
  });
});

describe('defect 4: a database that does not answer is a 503 saying so', () => {
  it('maps connection failures (Prisma, pg, 57P01) to 503 with Retry-After and the plain message', async () => {
    const failures = [
      Object.assign(new Error("Can't reach database server"), { code: 'P1001' }),
      Object.assign(new Error('Raw query failed. Code: `57P01`.'), { code: 'P2010', meta: { code: '57P01' } }),
      Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      new Error('Connection terminated unexpectedly'),
      new AggregateError([Object.assign(new Error('connect ECONNREFUSED ::1:5432'), { code: 'ECONNREFUSED' })]),
    ];
    for (const failure of failures) {
      const response = errorResponse(failure);
      expect(response.status, String(failure)).toBe(503);
      expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
      expect((await response.json()).error).toEqual({ code: 'UNAVAILABLE', message: DATABASE_UNAVAILABLE_MESSAGE });
    }
    expect(errorResponse(new Error('a real bug')).status).toBe(500);
  });

  it('the API answers 503 while PostgreSQL is unreachable, and recovers without a restart', async () => {
    const working = process.env.DATABASE_URL!;
    const url = new URL(working);
    url.port = '1';
    await disconnectDb();
    process.env.DATABASE_URL = url.toString();
    resetEnvCache();
    try {
      const during = await post(actorList.POST, '/actors', { name: 'During outage', kind: 'STATE' });
      expect(during.status).toBe(503);
      expect(during.json.error.message).toBe(DATABASE_UNAVAILABLE_MESSAGE);
      const health = await checkDatabase(2000);
      expect(health.ok).toBe(false);
      expect(health.error).toMatch(/refused|127\.0\.0\.1:1|port 1/i);
    } finally {
      await disconnectDb();
      process.env.DATABASE_URL = working;
      resetEnvCache();
    }
    const after = await post(actorList.POST, '/actors', { name: 'After outage', kind: 'STATE' });
    expect(after.status).toBe(201);
    expect(await db().actor.count({ where: { workspaceId: ws.workspaceId, name: 'During outage' } })).toBe(0);
  });
});

describe('defect 7: tokens and sessions follow the account', () => {
  it('changing one’s own password revokes one’s API tokens', async () => {
    const member = await createMember(ws.workspaceId, 'ANALYST', 'selfchange');
    await db().user.update({ where: { id: member.userId }, data: { passwordHash: await hashPassword('old-password-1234') } });
    const secret = (await createToken(member, { name: 'ci', role: 'ANALYST' })).secret;
    expect(await contextForToken(secret)).not.toBeNull();
    await changeOwnPassword(member, { currentPassword: 'old-password-1234', newPassword: 'new-password-5678', confirmPassword: 'new-password-5678' });
    expect(await contextForToken(secret)).toBeNull();
    expect(await db().apiToken.count({ where: { userId: member.userId, revokedAt: null } })).toBe(0);
  });

  it('an admin setting a member’s password revokes the member’s tokens', async () => {
    const member = await createMember(ws.workspaceId, 'ANALYST', 'adminset');
    const secret = (await createToken(member, { name: 'ci', role: 'ANALYST' })).secret;
    const membership = await db().membership.findFirstOrThrow({ where: { userId: member.userId } });
    await setMemberPassword(ws.admin, { membershipId: membership.id, passwordMode: 'generate' });
    expect(await contextForToken(secret)).toBeNull();
  });

  it('disabling a member revokes their tokens for good (re-enabling does not bring them back)', async () => {
    const member = await createMember(ws.workspaceId, 'ANALYST', 'disabled');
    const secret = (await createToken(member, { name: 'ci', role: 'ANALYST' })).secret;
    const membership = await db().membership.findFirstOrThrow({ where: { userId: member.userId } });
    await disableMember(ws.admin, { membershipId: membership.id });
    await db().membership.update({ where: { id: membership.id }, data: { disabledAt: null } });
    expect(await contextForToken(secret)).toBeNull();
  });

  it('sign out everywhere revokes every session of the user, this one included', async () => {
    const member = await createMember(ws.workspaceId, 'ANALYST', 'everywhere');
    const here = await createAuthSession(member.userId, ws.workspaceId);
    const elsewhere = await createAuthSession(member.userId, ws.workspaceId);
    const ctx = (await contextForSession(here))!;
    expect(await contextForSession(elsewhere)).not.toBeNull();
    const { sessions } = await signOutEverywhere(ctx);
    expect(sessions).toBe(2);
    expect(await contextForSession(here)).toBeNull();
    expect(await contextForSession(elsewhere)).toBeNull();
  });
});
