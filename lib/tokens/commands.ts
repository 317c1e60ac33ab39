import { audit, type RequestMeta } from '../audit';
import { authorize, lowerRole, type Ctx } from '../auth/context';
import { roleCan } from '../auth/permissions';
import { db } from '../db';
import { AppError, invalid, notFound } from '../errors';
import { parseInput } from '../validation';
import { forgetTokenContextsAfter } from './authenticate';
import { tokenCreateSchema, tokenRefSchema } from './schema';
import { displayPrefix, generateTokenSecret, hashTokenSecret } from './secret';

export interface CreatedToken {
  id: string;
  name: string;
  prefix: string;
  role: Ctx['role'];
  /** Shown to the user once, never stored: only its sha256 is kept. */
  secret: string;
}

/**
 * Tokens are managed from a signed-in browser only: a token that could mint or revoke tokens would let
 * a leaked one outlive its own revocation.
 */
function assertSession(ctx: Ctx): void {
  if (ctx.via.kind !== 'session') throw new AppError('FORBIDDEN', 'API tokens can only be created and revoked from the web app, not with a token.');
}

/** A personal token for the caller, in the caller's current workspace, with at most the caller's role. */
export async function createToken(ctx: Ctx, raw: unknown, meta: RequestMeta = {}): Promise<CreatedToken> {
  authorize(ctx, 'tokens:manage');
  assertSession(ctx);
  const input = parseInput(tokenCreateSchema, raw);
  if (lowerRole(input.role, ctx.role) !== input.role) {
    throw invalid({ role: ['A token cannot have a higher role than yours in this workspace'] });
  }
  const secret = generateTokenSecret();
  const token = await db().$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: {
        workspaceId: ctx.workspaceId,
        userId: ctx.userId,
        name: input.name,
        role: input.role,
        tokenHash: hashTokenSecret(secret),
        prefix: displayPrefix(secret),
      },
      select: { id: true, name: true, prefix: true, role: true },
    });
    await audit(
      {
        action: 'token.created',
        workspaceId: ctx.workspaceId,
        userId: ctx.userId,
        entityType: 'token',
        entityId: row.id,
        details: { name: row.name, role: row.role, prefix: row.prefix },
        ip: meta.ip,
      },
      tx,
    );
    return row;
  });
  return { ...token, secret };
}

/** Revokes one of the caller's tokens; an admin may also revoke any member's token of the workspace. */
export async function revokeToken(ctx: Ctx, raw: unknown, meta: RequestMeta = {}): Promise<{ id: string; name: string }> {
  authorize(ctx, 'tokens:manage');
  assertSession(ctx);
  const { id } = parseInput(tokenRefSchema, raw);
  const mayRevokeOthers = roleCan(ctx.role, 'members:manage');
  const revoked = db().$transaction(async (tx) => {
    const token = await tx.apiToken.findFirst({
      where: { id, workspaceId: ctx.workspaceId, ...(mayRevokeOthers ? {} : { userId: ctx.userId }) },
      select: { id: true, name: true, userId: true, revokedAt: true, prefix: true },
    });
    // Someone else's token is reported exactly like a missing one.
    if (!token) throw notFound('Token');
    if (token.revokedAt) return { id: token.id, name: token.name };
    await tx.apiToken.update({ where: { id }, data: { revokedAt: new Date() } });
    await audit(
      {
        action: 'token.revoked',
        workspaceId: ctx.workspaceId,
        userId: ctx.userId,
        entityType: 'token',
        entityId: id,
        details: { name: token.name, prefix: token.prefix, ownerId: token.userId },
        ip: meta.ip,
      },
      tx,
    );
    return { id: token.id, name: token.name };
  });
  // This process stops accepting it at once; other instances within TOKEN_CONTEXT_TTL_MS.
  return forgetTokenContextsAfter(revoked);
}
