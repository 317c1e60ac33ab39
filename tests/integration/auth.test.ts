// Authentication and membership rules on a real PostgreSQL: sign-in throttling, session expiry and
// revocation, disabled members, the last-admin rule under concurrency, and the members commands' audit trail.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { contextForSession, type Ctx } from '@/lib/auth/context';
import { verifyPassword } from '@/lib/auth/password';
import { createAuthSession, loadLiveSession, revokeAuthSession } from '@/lib/auth/sessions';
import { verifySignIn } from '@/lib/auth/sign-in';
import { checkLoginThrottle, THROTTLE } from '@/lib/auth/throttle';
import { db, disconnectDb } from '@/lib/db';
import { resetEnvCache } from '@/lib/env';
import { AppError } from '@/lib/errors';
import {
  addMember,
  changeMemberRole,
  disableMember,
  enableMember,
  setMemberPassword,
} from '@/lib/members/commands';
import { changeOwnPassword } from '@/lib/account/commands';
import { listMembers } from '@/lib/members/queries';
import { addMembership, createMember, createUser, createWorkspace, TEST_PASSWORD, uniq } from './helpers/auth-fixtures';

async function ctxOf(sessionId: string): Promise<Ctx> {
  const ctx = await contextForSession(sessionId);
  if (!ctx) throw new Error('expected a live session');
  return ctx;
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the call to be refused');
}

async function auditRows(action: string, entityId?: string) {
  return db().auditLog.findMany({ where: { action, ...(entityId ? { entityId } : {}) }, orderBy: { id: 'asc' } });
}

const ip = (n: number) => `198.51.100.${n}`;

describe('sign-in throttling', () => {
  afterEach(async () => {
    await db().loginAttempt.deleteMany();
  });

  it('refuses an account after 5 failures, even with the right password, and says when to retry', async () => {
    const user = await createUser();
    await addMembership(user.id, (await createWorkspace()).id, 'ANALYST');
    for (let i = 0; i < THROTTLE.maxFailuresPerAccount; i++) {
      // Different addresses: the account limit holds however the attacker spreads the attempts.
      expect(await verifySignIn({ email: user.email, password: 'wrong password' }, ip(i + 1))).toEqual({ ok: false, reason: 'invalid' });
    }
    const refused = await verifySignIn({ email: user.email, password: user.password }, ip(99));
    expect(refused.ok).toBe(false);
    if (refused.ok || refused.reason !== 'throttled') throw new Error(`expected throttled, got ${JSON.stringify(refused)}`);
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(THROTTLE.windowMinutes * 60);
    const audit = await db().auditLog.findFirst({ where: { action: 'auth.sign_in_failed' }, orderBy: { id: 'desc' } });
    expect(audit?.details).toMatchObject({ email: user.email, reason: 'throttled' });
  });

  it('keeps the count in PostgreSQL, so another app instance (a fresh client and module) sees it too', async () => {
    const user = await createUser();
    await addMembership(user.id, (await createWorkspace()).id, 'ANALYST');
    for (let i = 0; i < THROTTLE.maxFailuresPerAccount; i++) await verifySignIn({ email: user.email, password: 'nope nope nope' }, ip(7));
    // A second instance: new connection pool and freshly loaded modules, sharing only the database.
    await disconnectDb();
    resetEnvCache();
    const { vi } = await import('vitest');
    vi.resetModules();
    const fresh = await import('@/lib/auth/sign-in');
    const result = await fresh.verifySignIn({ email: user.email, password: user.password }, ip(8));
    expect(result).toMatchObject({ ok: false, reason: 'throttled' });
    const { disconnectDb: disconnectFresh } = await import('@/lib/db');
    await disconnectFresh();
  });

  it('limits one address across many accounts, without blocking other addresses', async () => {
    const attacker = ip(66);
    for (let i = 0; i < THROTTLE.maxFailuresPerAddress; i++) {
      await verifySignIn({ email: `nobody-${i}@example.org`, password: 'guess guess' }, attacker);
    }
    const user = await createUser();
    await addMembership(user.id, (await createWorkspace()).id, 'VIEWER');
    expect(await verifySignIn({ email: user.email, password: user.password }, attacker)).toMatchObject({ ok: false, reason: 'throttled' });
    expect(await verifySignIn({ email: user.email, password: user.password }, ip(67))).toMatchObject({ ok: true });
  });

  it('answers an unknown email exactly like a wrong password, in about the same time', async () => {
    const user = await createUser();
    await addMembership(user.id, (await createWorkspace()).id, 'VIEWER');
    const time = async (email: string) => {
      await db().loginAttempt.deleteMany();
      const started = performance.now();
      const result = await verifySignIn({ email, password: 'not the password' }, ip(20));
      return { ms: performance.now() - started, result };
    };
    await time('warm-up@example.org'); // first unknown email also builds the dummy hash
    const unknown: number[] = [];
    const wrong: number[] = [];
    for (let i = 0; i < 5; i++) {
      const a = await time(`unknown-${i}@example.org`);
      const b = await time(user.email);
      expect(a.result).toEqual(b.result);
      expect(a.result).toEqual({ ok: false, reason: 'invalid' });
      unknown.push(a.ms);
      wrong.push(b.ms);
    }
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
    const ratio = median(unknown) / median(wrong);
    expect(ratio).toBeGreaterThan(1 / 3);
    expect(ratio).toBeLessThan(3);
  });

  it('records successes and failures, and audits both', async () => {
    const workspace = await createWorkspace();
    const user = await createUser();
    await addMembership(user.id, workspace.id, 'ANALYST');
    await verifySignIn({ email: user.email, password: 'wrong one!!' }, ip(30));
    const ok = await verifySignIn({ email: user.email.toUpperCase(), password: user.password }, ip(30));
    expect(ok).toMatchObject({ ok: true, userId: user.id });
    const attempts = await db().loginAttempt.findMany({ where: { email: user.email }, orderBy: { id: 'asc' } });
    expect(attempts.map((a) => [a.success, a.ip])).toEqual([
      [false, ip(30)],
      [true, ip(30)],
    ]);
    expect(await db().auditLog.findFirst({ where: { action: 'auth.sign_in', userId: user.id } })).toMatchObject({ workspaceId: workspace.id, ip: ip(30) });
    expect(await db().auditLog.findFirst({ where: { action: 'auth.sign_in_failed', userId: user.id } })).toMatchObject({
      details: { email: user.email, reason: 'wrong password' },
    });
    // The session opened is live and in the member's workspace.
    if (!ok.ok) throw new Error('unreachable');
    expect((await ctxOf(ok.sessionId)).workspaceId).toBe(workspace.id);
  });

  it('refuses disabled accounts and members with no active workspace like a wrong password', async () => {
    const workspace = await createWorkspace();
    const disabled = await createUser({ disabled: true });
    await addMembership(disabled.id, workspace.id, 'ADMIN');
    const noWorkspace = await createUser();
    await addMembership(noWorkspace.id, workspace.id, 'ADMIN', { disabled: true });
    expect(await verifySignIn({ email: disabled.email, password: disabled.password }, ip(40))).toEqual({ ok: false, reason: 'invalid' });
    expect(await verifySignIn({ email: noWorkspace.email, password: noWorkspace.password }, ip(40))).toEqual({ ok: false, reason: 'invalid' });
  });
});

describe('sessions', () => {
  afterEach(() => {
    delete process.env.SESSION_IDLE_HOURS;
    resetEnvCache();
  });

  it('expire after SESSION_IDLE_HOURS without a request, and stay alive while used', async () => {
    process.env.SESSION_IDLE_HOURS = '0.01'; // 36 seconds
    resetEnvCache();
    const workspace = await createWorkspace();
    const member = await createMember(workspace.id, 'ANALYST');
    const row = await db().authSession.findUniqueOrThrow({ where: { id: member.sessionId } });
    expect(row.expiresAt.getTime() - row.lastSeenAt.getTime()).toBe(36_000);
    const t0 = row.lastSeenAt.getTime();

    expect(await loadLiveSession(member.sessionId, new Date(t0 + 35_000))).not.toBeNull();
    expect(await loadLiveSession(member.sessionId, new Date(t0 + 36_001))).toBeNull();
    // Touching it (a request more than a minute after the last touch) moves the idle deadline.
    await db().authSession.update({ where: { id: member.sessionId }, data: { expiresAt: new Date(t0 + 3_600_000) } });
    expect(await loadLiveSession(member.sessionId, new Date(t0 + 61_000))).not.toBeNull();
    const touched = await db().authSession.findUniqueOrThrow({ where: { id: member.sessionId } });
    expect(touched.lastSeenAt.getTime()).toBe(t0 + 61_000);
    expect(touched.expiresAt.getTime()).toBe(t0 + 61_000 + 36_000);
    expect(await loadLiveSession(member.sessionId, new Date(t0 + 61_000 + 36_001))).toBeNull();
  });

  it('an idle-expired session gives no context (the request is unauthenticated)', async () => {
    const workspace = await createWorkspace();
    const member = await createMember(workspace.id, 'ANALYST');
    expect(await contextForSession(member.sessionId)).not.toBeNull();
    const past = new Date(Date.now() - 1000);
    await db().authSession.update({ where: { id: member.sessionId }, data: { lastSeenAt: new Date(past.getTime() - 12 * 3_600_000), expiresAt: past } });
    expect(await contextForSession(member.sessionId)).toBeNull();
  });

  it('a revoked session (sign-out) is dead on the next request; garbage ids are refused', async () => {
    const workspace = await createWorkspace();
    const member = await createMember(workspace.id, 'VIEWER');
    await revokeAuthSession(member.sessionId);
    expect(await contextForSession(member.sessionId)).toBeNull();
    expect(await contextForSession('not-a-uuid')).toBeNull();
    expect(await contextForSession('00000000-0000-0000-0000-000000000000')).toBeNull();
    expect(await contextForSession(undefined)).toBeNull();
  });

  it('a disabled account is cut off on its next request', async () => {
    const workspace = await createWorkspace();
    const member = await createMember(workspace.id, 'ADMIN');
    expect(await contextForSession(member.sessionId)).not.toBeNull();
    await db().user.update({ where: { id: member.id }, data: { disabledAt: new Date() } });
    expect(await contextForSession(member.sessionId)).toBeNull();
  });

  it('a member disabled in one workspace loses that workspace on the next request and keeps their others', async () => {
    const home = await createWorkspace();
    const other = await createWorkspace();
    const admin = await createMember(home.id, 'ADMIN');
    const member = await createMember(home.id, 'ANALYST');
    await addMembership(member.id, other.id, 'VIEWER');
    expect((await ctxOf(member.sessionId)).workspaceId).toBe(home.id);

    await disableMember(await ctxOf(admin.sessionId), { membershipId: member.membershipId });
    const after = await ctxOf(member.sessionId);
    expect(after.workspaceId).toBe(other.id);
    expect(after.role).toBe('VIEWER');
    // The session was not revoked (other workspaces still work), just moved out of the disabled one.
    expect((await db().authSession.findUniqueOrThrow({ where: { id: member.sessionId } })).revokedAt).toBeNull();
  });

  it('disabling a member whose only workspace this is revokes their sessions', async () => {
    const home = await createWorkspace();
    const admin = await createMember(home.id, 'ADMIN');
    const member = await createMember(home.id, 'ANALYST');
    const secondSession = await createAuthSession(member.id, home.id);
    await disableMember(await ctxOf(admin.sessionId), { membershipId: member.membershipId });
    expect(await contextForSession(member.sessionId)).toBeNull();
    expect(await contextForSession(secondSession)).toBeNull();
    const rows = await db().authSession.findMany({ where: { userId: member.id } });
    expect(rows.every((r) => r.revokedAt !== null)).toBe(true);
  });
});

describe('the last active admin', () => {
  it('cannot be demoted or disabled, not even by themselves', async () => {
    const ws = await createWorkspace();
    const admin = await createMember(ws.id, 'ADMIN');
    const ctx = await ctxOf(admin.sessionId);
    expect((await rejection(changeMemberRole(ctx, { membershipId: admin.membershipId, role: 'ANALYST' }))).code).toBe('CONFLICT');
    expect((await rejection(disableMember(ctx, { membershipId: admin.membershipId }))).code).toBe('CONFLICT');
    // A disabled admin or an admin whose account is disabled does not count as a second admin.
    const disabledAdmin = await createMember(ws.id, 'ADMIN', { membershipDisabled: true });
    const lockedOut = await createMember(ws.id, 'ADMIN', { disabled: true });
    expect((await rejection(changeMemberRole(ctx, { membershipId: admin.membershipId, role: 'VIEWER' }))).code).toBe('CONFLICT');
    expect((await listMembers(ctx)).filter((m) => m.isLastAdmin).map((m) => m.membershipId)).toEqual([admin.membershipId]);
    expect(await db().membership.findUniqueOrThrow({ where: { id: admin.membershipId } })).toMatchObject({ role: 'ADMIN', disabledAt: null });
    void disabledAdmin;
    void lockedOut;
  });

  it('survives concurrent demotions and disables: one active admin always remains', async () => {
    for (let round = 0; round < 6; round++) {
      const ws = await createWorkspace();
      const a = await createMember(ws.id, 'ADMIN');
      const b = await createMember(ws.id, 'ADMIN');
      const [ctxA, ctxB] = [await ctxOf(a.sessionId), await ctxOf(b.sessionId)];
      // Each admin demotes (or disables) the other at the same moment; in odd rounds one also demotes themselves.
      const calls =
        round % 2 === 0
          ? [
              changeMemberRole(ctxA, { membershipId: b.membershipId, role: 'VIEWER' }),
              round % 4 === 0
                ? changeMemberRole(ctxB, { membershipId: a.membershipId, role: 'ANALYST' })
                : disableMember(ctxB, { membershipId: a.membershipId }),
            ]
          : [
              changeMemberRole(ctxA, { membershipId: b.membershipId, role: 'VIEWER' }),
              changeMemberRole(ctxA, { membershipId: a.membershipId, role: 'VIEWER' }),
              disableMember(ctxB, { membershipId: a.membershipId }),
            ];
      const results = await Promise.allSettled(calls);
      const fulfilled = results.filter((r) => r.status === 'fulfilled').length;
      expect(fulfilled).toBeGreaterThanOrEqual(1);
      for (const r of results) {
        if (r.status === 'rejected') {
          expect(r.reason).toBeInstanceOf(AppError);
          expect(['CONFLICT', 'FORBIDDEN']).toContain((r.reason as AppError).code);
        }
      }
      const admins = await db().membership.count({ where: { workspaceId: ws.id, role: 'ADMIN', disabledAt: null } });
      expect(admins).toBe(1);
    }
  });

  it('an admin demoted a moment ago cannot finish a members change with their old context', async () => {
    const ws = await createWorkspace();
    const a = await createMember(ws.id, 'ADMIN');
    const b = await createMember(ws.id, 'ADMIN');
    const analyst = await createMember(ws.id, 'ANALYST');
    const staleCtxB = await ctxOf(b.sessionId);
    await changeMemberRole(await ctxOf(a.sessionId), { membershipId: b.membershipId, role: 'VIEWER' });
    expect((await rejection(changeMemberRole(staleCtxB, { membershipId: analyst.membershipId, role: 'ADMIN' }))).code).toBe('FORBIDDEN');
  });
});

describe('members commands', () => {
  let home: { id: string; name: string };
  let other: { id: string; name: string };
  let admin: Awaited<ReturnType<typeof createMember>>;
  let adminCtx: Ctx;

  beforeAll(async () => {
    home = await createWorkspace();
    other = await createWorkspace();
    admin = await createMember(home.id, 'ADMIN');
    adminCtx = await ctxOf(admin.sessionId);
  });

  it('adds a new account with a one-time password that must be changed, and audits it without the password', async () => {
    const email = `${uniq('new').replace(' ', '-')}@example.org`;
    const result = await addMember(adminCtx, { email: email.toUpperCase(), name: 'Nia New', role: 'ANALYST', passwordMode: 'generate' }, { ip: ip(1) });
    expect(result.createdAccount).toBe(true);
    expect(result.oneTimePassword).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
    const user = await db().user.findUniqueOrThrow({ where: { email }, omit: { passwordHash: false } });
    expect(user.mustChangePassword).toBe(true);
    expect(await verifyPassword(user.passwordHash, result.oneTimePassword!)).toBe(true);
    const [row] = await auditRows('member.added', result.membershipId);
    expect(row).toMatchObject({ workspaceId: home.id, userId: admin.id, entityType: 'membership', ip: ip(1) });
    expect(row!.details).toMatchObject({ email, role: 'ANALYST', existingAccount: false, password: 'generate' });
    expect(JSON.stringify(row!.details)).not.toContain(result.oneTimePassword!);
    // The new member signs in with it and lands in this workspace, flagged to change it.
    const signIn = await verifySignIn({ email, password: result.oneTimePassword! }, ip(2));
    if (!signIn.ok) throw new Error('sign-in failed');
    expect(await ctxOf(signIn.sessionId)).toMatchObject({ workspaceId: home.id, role: 'ANALYST', mustChangePassword: true });
  });

  it('adds a new account with a password the admin sets (no forced change) and validates it', async () => {
    const email = `${uniq('set').replace(' ', '-')}@example.org`;
    const bad = await rejection(addMember(adminCtx, { email, name: 'S', role: 'VIEWER', passwordMode: 'set', password: 'short' }));
    expect(bad.code).toBe('VALIDATION');
    expect(bad.extra.fieldErrors?.password).toBeDefined();
    const same = await rejection(addMember(adminCtx, { email, name: 'S', role: 'VIEWER', passwordMode: 'set', password: ` ${email.toUpperCase()} ` }));
    expect(same.extra.fieldErrors?.password?.[0]).toMatch(/email/);
    const result = await addMember(adminCtx, { email, name: 'S', role: 'VIEWER', passwordMode: 'set', password: 'a long enough password' });
    expect(result.oneTimePassword).toBeUndefined();
    expect(await db().user.findUniqueOrThrow({ where: { email } })).toMatchObject({ mustChangePassword: false });
    expect(await verifySignIn({ email, password: 'a long enough password' }, ip(3))).toMatchObject({ ok: true });
  });

  it('adds an existing account (a member elsewhere) without touching its password; refuses duplicates', async () => {
    const elsewhere = await createMember(other.id, 'ADMIN');
    const result = await addMember(adminCtx, { email: elsewhere.email, name: 'ignored', role: 'VIEWER', passwordMode: 'set', password: 'attacker chosen password' });
    expect(result).toMatchObject({ createdAccount: false, userId: elsewhere.id });
    expect(result.oneTimePassword).toBeUndefined();
    expect(await verifySignIn({ email: elsewhere.email, password: TEST_PASSWORD }, ip(4))).toMatchObject({ ok: true });
    expect(await verifySignIn({ email: elsewhere.email, password: 'attacker chosen password' }, ip(4))).toMatchObject({ ok: false });
    expect((await auditRows('member.added', result.membershipId))[0]!.details).toMatchObject({ existingAccount: true });
    const again = await rejection(addMember(adminCtx, { email: elsewhere.email, name: 'x', role: 'VIEWER' }));
    expect(again.code).toBe('VALIDATION');
    expect(again.extra.fieldErrors?.email?.[0]).toMatch(/already a member/);
  });

  it('changes roles, disables and re-enables, with an audit row each', async () => {
    const member = await createMember(home.id, 'VIEWER');
    await changeMemberRole(adminCtx, { membershipId: member.membershipId, role: 'ANALYST' }, { ip: ip(5) });
    expect((await ctxOf(member.sessionId)).role).toBe('ANALYST');
    expect((await auditRows('member.role_changed', member.membershipId))[0]).toMatchObject({
      userId: admin.id,
      details: { from: 'VIEWER', to: 'ANALYST', email: member.email },
      ip: ip(5),
    });

    await disableMember(adminCtx, { membershipId: member.membershipId });
    expect(await contextForSession(member.sessionId)).toBeNull();
    expect(await auditRows('member.disabled', member.membershipId)).toHaveLength(1);
    await disableMember(adminCtx, { membershipId: member.membershipId }); // idempotent: no second row
    expect(await auditRows('member.disabled', member.membershipId)).toHaveLength(1);

    await enableMember(adminCtx, { membershipId: member.membershipId });
    expect(await auditRows('member.enabled', member.membershipId)).toHaveLength(1);
    // The old session stays revoked; a new sign-in works again.
    expect(await contextForSession(member.sessionId)).toBeNull();
    expect(await verifySignIn({ email: member.email, password: member.password }, ip(6))).toMatchObject({ ok: true });
  });

  it("sets a member's password, signs them out everywhere, and audits it", async () => {
    const member = await createMember(home.id, 'ANALYST');
    const result = await setMemberPassword(adminCtx, { membershipId: member.membershipId, passwordMode: 'generate' }, { ip: ip(9) });
    expect(result.oneTimePassword).toBeDefined();
    expect(await contextForSession(member.sessionId)).toBeNull();
    expect(await verifySignIn({ email: member.email, password: member.password }, ip(9))).toMatchObject({ ok: false });
    expect(await verifySignIn({ email: member.email, password: result.oneTimePassword! }, ip(9))).toMatchObject({ ok: true });
    expect(await db().user.findUniqueOrThrow({ where: { id: member.id } })).toMatchObject({ mustChangePassword: true });
    const [row] = await auditRows('member.password_set', member.membershipId);
    expect(row).toMatchObject({ userId: admin.id, details: { mode: 'generate', email: member.email }, ip: ip(9) });
    expect(JSON.stringify(row!.details)).not.toContain(result.oneTimePassword!);

    const chosen = await setMemberPassword(adminCtx, { membershipId: member.membershipId, passwordMode: 'set', password: 'admin picked this one' });
    expect(chosen.oneTimePassword).toBeUndefined();
    expect(await db().user.findUniqueOrThrow({ where: { id: member.id } })).toMatchObject({ mustChangePassword: false });
    const asEmail = await rejection(setMemberPassword(adminCtx, { membershipId: member.membershipId, passwordMode: 'set', password: member.email }));
    expect(asEmail.code).toBe('VALIDATION');
  });

  it("refuses to set the admin's own password, or that of an account belonging to a workspace the admin does not run", async () => {
    expect((await rejection(setMemberPassword(adminCtx, { membershipId: admin.membershipId, passwordMode: 'generate' }))).code).toBe('FORBIDDEN');
    const shared = await createMember(home.id, 'ANALYST');
    await addMembership(shared.id, other.id, 'ADMIN');
    const refused = await rejection(setMemberPassword(adminCtx, { membershipId: shared.membershipId, passwordMode: 'generate' }));
    expect(refused.code).toBe('FORBIDDEN');
    expect(await contextForSession(shared.sessionId)).not.toBeNull();
    expect(await auditRows('member.password_set', shared.membershipId)).toHaveLength(0);
  });

  it('answers NOT_FOUND for memberships of another workspace, and FORBIDDEN to non-admins', async () => {
    const stranger = await createMember(other.id, 'VIEWER');
    for (const call of [
      () => changeMemberRole(adminCtx, { membershipId: stranger.membershipId, role: 'ADMIN' }),
      () => disableMember(adminCtx, { membershipId: stranger.membershipId }),
      () => enableMember(adminCtx, { membershipId: stranger.membershipId }),
      () => setMemberPassword(adminCtx, { membershipId: stranger.membershipId, passwordMode: 'generate' }),
    ]) {
      expect((await rejection(call())).code).toBe('NOT_FOUND');
    }
    expect(await db().membership.findUniqueOrThrow({ where: { id: stranger.membershipId } })).toMatchObject({ role: 'VIEWER', disabledAt: null });

    const analyst = await createMember(home.id, 'ANALYST');
    const analystCtx = await ctxOf(analyst.sessionId);
    for (const call of [
      () => listMembers(analystCtx),
      () => addMember(analystCtx, { email: 'x@example.org', name: 'x', role: 'ADMIN' }),
      () => changeMemberRole(analystCtx, { membershipId: analyst.membershipId, role: 'ADMIN' }),
      () => disableMember(analystCtx, { membershipId: admin.membershipId }),
      () => enableMember(analystCtx, { membershipId: admin.membershipId }),
      () => setMemberPassword(analystCtx, { membershipId: admin.membershipId, passwordMode: 'generate' }),
    ]) {
      expect((await rejection(call())).code).toBe('FORBIDDEN');
    }
    expect((await ctxOf(analyst.sessionId)).role).toBe('ANALYST');
  });
});

describe('changing your own password', () => {
  it('needs the current password, counts wrong guesses toward the sign-in throttle, and refuses the email', async () => {
    const ws = await createWorkspace();
    const member = await createMember(ws.id, 'VIEWER');
    const ctx = await ctxOf(member.sessionId);
    const wrong = await rejection(changeOwnPassword(ctx, { currentPassword: 'not it at all', newPassword: 'brand new password', confirmPassword: 'brand new password' }, { ip: ip(50) }));
    expect(wrong.extra.fieldErrors?.currentPassword).toBeDefined();
    expect(await db().loginAttempt.count({ where: { email: member.email, success: false } })).toBe(1);
    const asEmail = await rejection(changeOwnPassword(ctx, { currentPassword: member.password, newPassword: member.email, confirmPassword: member.email }));
    expect(asEmail.extra.fieldErrors?.newPassword?.[0]).toMatch(/email/);
    const mismatch = await rejection(changeOwnPassword(ctx, { currentPassword: member.password, newPassword: 'brand new password', confirmPassword: 'brand new passwort' }));
    expect(mismatch.extra.fieldErrors?.confirmPassword).toBeDefined();
    const short = await rejection(changeOwnPassword(ctx, { currentPassword: member.password, newPassword: 'short', confirmPassword: 'short' }));
    expect(short.extra.fieldErrors?.newPassword).toBeDefined();

    for (let i = 0; i < THROTTLE.maxFailuresPerAccount; i++) await db().loginAttempt.create({ data: { email: member.email, ip: ip(51), success: false } });
    expect((await checkLoginThrottle(member.email, ip(52))).allowed).toBe(false);
    const throttled = await rejection(changeOwnPassword(ctx, { currentPassword: member.password, newPassword: 'brand new password', confirmPassword: 'brand new password' }, { ip: ip(52) }));
    expect(throttled.code).toBe('RATE_LIMITED');
  });

  it('clears the one-time flag, keeps this session, signs out the others, and audits it', async () => {
    const ws = await createWorkspace();
    const member = await createMember(ws.id, 'ANALYST', { mustChangePassword: true });
    const otherSession = await createAuthSession(member.id, ws.id);
    const ctx = await ctxOf(member.sessionId);
    expect(ctx.mustChangePassword).toBe(true);
    await changeOwnPassword(ctx, { currentPassword: member.password, newPassword: 'my very own password', confirmPassword: 'my very own password' }, { ip: ip(53) });
    expect(await ctxOf(member.sessionId)).toMatchObject({ mustChangePassword: false });
    expect(await contextForSession(otherSession)).toBeNull();
    expect(await verifySignIn({ email: member.email, password: 'my very own password' }, ip(53))).toMatchObject({ ok: true });
    const [row] = await auditRows('member.password_set', member.id);
    expect(row).toMatchObject({ userId: member.id, workspaceId: ws.id, details: { mode: 'self' } });
  });
});
