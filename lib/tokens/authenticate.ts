import { buildContext, type Ctx } from '../auth/context';
import { db } from '../db';
import { onClusterMessage, tellOtherWorkers } from '../cluster/messages';
import { hashTokenSecret, looksLikeTokenSecret } from './secret';

/** lastUsedAt is written at most this often per token, so a busy client does not turn reads into writes. */
const LAST_USED_INTERVAL_MS = 60_000;

/**
 * How long a token's caller (token, user, membership, role) is remembered by one process. A busy
 * client then costs no authentication queries between two looks. Revoking a token, changing a
 * member's role, disabling them, or a password change through the app forgets every remembered token
 * at once in that process and in the other server processes of the same `npm start` (forgetTokenContexts);
 * another machine, or a change made directly in the database, takes effect within this many milliseconds.
 */
export const TOKEN_CONTEXT_TTL_MS = 5_000;
const MAX_REMEMBERED = 10_000;

interface Remembered {
  ctx: Ctx | null;
  until: number;
}
const globalForTokens = globalThis as unknown as {
  stanceboardTokenContexts?: Map<string, Remembered>;
  stanceboardTokenLookups?: Map<string, Promise<Ctx | null>>;
};
if (!globalForTokens.stanceboardTokenContexts) {
  globalForTokens.stanceboardTokenContexts = new Map();
  onClusterMessage('stanceboard:token-contexts-changed', () => {
    globalForTokens.stanceboardTokenContexts?.clear();
    globalForTokens.stanceboardTokenLookups?.clear();
  });
}
const remembered = globalForTokens.stanceboardTokenContexts;
/**
 * Lookups under way, by token hash. A busy client's requests all find the remembered caller expired at
 * the same moment; they share one lookup instead of each sending the same four queries.
 */
const lookups = (globalForTokens.stanceboardTokenLookups ??= new Map());

/** Forget every remembered token caller (here and in the cluster's other processes): called after any change to tokens, members or users. */
export function forgetTokenContexts(): void {
  remembered.clear();
  // A lookup under way may have read the state before the change: later requests start their own.
  lookups.clear();
  tellOtherWorkers({ kind: 'stanceboard:token-contexts-changed' });
}

/**
 * A change to a token, a membership or a user: every remembered token caller is forgotten once it
 * settles, so the change applies to the very next token request here (other instances follow within
 * TOKEN_CONTEXT_TTL_MS).
 */
export function forgetTokenContextsAfter<T>(change: Promise<T>): Promise<T> {
  return change.finally(forgetTokenContexts);
}

/**
 * The caller behind a bearer secret, or null: unknown or revoked token, disabled user, or membership
 * disabled or removed. The role is the lower of the role chosen for the token and the owner's current
 * role, so a demoted member's tokens are demoted with them (within TOKEN_CONTEXT_TTL_MS).
 */
export async function contextForToken(secret: string, now = new Date()): Promise<Ctx | null> {
  if (!looksLikeTokenSecret(secret)) return null;
  const tokenHash = hashTokenSecret(secret);
  const known = remembered.get(tokenHash);
  if (known && known.until > now.getTime()) return known.ctx;
  const underWay = lookups.get(tokenHash);
  if (underWay) return underWay;
  const lookup = loadTokenContext(tokenHash, now).then(
    (ctx) => {
      // Only remembered if nothing was forgotten meanwhile (forgetTokenContexts clears `lookups`).
      if (lookups.get(tokenHash) === lookup) {
        lookups.delete(tokenHash);
        if (remembered.size >= MAX_REMEMBERED) remembered.clear();
        remembered.set(tokenHash, { ctx, until: now.getTime() + TOKEN_CONTEXT_TTL_MS });
      }
      return ctx;
    },
    (error: unknown) => {
      if (lookups.get(tokenHash) === lookup) lookups.delete(tokenHash);
      throw error;
    },
  );
  lookups.set(tokenHash, lookup);
  return lookup;
}

async function loadTokenContext(tokenHash: string, now: Date): Promise<Ctx | null> {
  const token = await db().apiToken.findUnique({
    where: { tokenHash },
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
