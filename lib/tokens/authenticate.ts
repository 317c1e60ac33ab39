import { buildContext, type Ctx } from '../auth/context';
import { db } from '../db';
import { hashTokenSecret, looksLikeTokenSecret } from './secret';

/** lastUsedAt is written at most this often per token, so a busy client does not turn reads into writes. */
const LAST_USED_INTERVAL_MS = 60_000;

/**
 * The caller behind a bearer secret, or null: unknown or revoked token, disabled user, or membership
 * disabled or removed. The role is recomputed on every request as the lower of the role chosen for
 * the token and the owner's current role, so a demoted member's tokens are demoted with them.
 */
export async function contextForToken(secret: string, now = new Date()): Promise<Ctx | null> {
  if (!looksLikeTokenSecret(secret)) return null;
  const token = await db().apiToken.findUnique({
    where: { tokenHash: hashTokenSecret(secret) },
    select: { id: true, userId: true, workspaceId: true, role: true, revokedAt: true, lastUsedAt: true },
  });
  if (!token || token.revokedAt) return null;
  const ctx = await buildContext(token.userId, token.workspaceId, { kind: 'token', tokenId: token.id }, token.role);
  if (!ctx) return null;
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > LAST_USED_INTERVAL_MS) {
    // Conditional, so concurrent requests write once.
    await db().apiToken.updateMany({
      where: { id: token.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - LAST_USED_INTERVAL_MS) } }] },
      data: { lastUsedAt: now },
    });
  }
  return ctx;
}
