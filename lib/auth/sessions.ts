import { audit } from '../audit';
import { authorize, type Ctx } from './context';
import { db } from '../db';
import { env } from '../env';

// The JWT only carries a session id; this row is the truth, so idle expiry and revocation
// (sign-out, a disabled account) take effect on the very next request.

const TOUCH_INTERVAL_MS = 60_000;

function idleMs(): number {
  return env().SESSION_IDLE_HOURS * 3_600_000;
}

export async function createAuthSession(userId: string, workspaceId: string | null): Promise<string> {
  const now = new Date();
  const session = await db().authSession.create({
    data: { userId, currentWorkspaceId: workspaceId, lastSeenAt: now, expiresAt: new Date(now.getTime() + idleMs()) },
    select: { id: true },
  });
  return session.id;
}

export interface LiveSession {
  id: string;
  userId: string;
  currentWorkspaceId: string | null;
  user: { id: string; email: string; name: string; mustChangePassword: boolean };
}

/** The session if it is live (not revoked, not idle-expired, user not disabled), touching its idle clock. */
export async function loadLiveSession(sessionId: string, now = new Date()): Promise<LiveSession | null> {
  if (!/^[0-9a-f-]{36}$/i.test(sessionId)) return null;
  const session = await db().authSession.findUnique({
    where: { id: sessionId },
    include: { user: { select: { id: true, email: true, name: true, mustChangePassword: true, disabledAt: true } } },
  });
  if (!session || session.revokedAt || session.expiresAt <= now || session.user.disabledAt) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db().authSession.update({
      where: { id: session.id },
      data: { lastSeenAt: now, expiresAt: new Date(now.getTime() + idleMs()) },
    });
  }
  const { disabledAt: _disabled, ...user } = session.user;
  return { id: session.id, userId: session.userId, currentWorkspaceId: session.currentWorkspaceId, user };
}

export async function revokeAuthSession(sessionId: string): Promise<void> {
  await db().authSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}

export async function revokeAllSessionsOf(userId: string): Promise<void> {
  await db().authSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
}

/**
 * "Sign out everywhere": every session of the caller's account, in every browser and workspace, this
 * one included, ends now. API tokens are separate credentials and are listed (and revoked) on their own page.
 */
export async function signOutEverywhere(ctx: Ctx, meta: { ip?: string } = {}): Promise<{ sessions: number }> {
  authorize(ctx, 'workspace:read');
  const { count } = await db().authSession.updateMany({ where: { userId: ctx.userId, revokedAt: null }, data: { revokedAt: new Date() } });
  await audit({ action: 'auth.signed_out_everywhere', workspaceId: ctx.workspaceId, userId: ctx.userId, details: { sessions: count }, ip: meta.ip });
  return { sessions: count };
}
