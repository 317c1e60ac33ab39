import { audit, type RequestMeta } from '../audit';
import { authorize, type Ctx } from '../auth/context';
import { hashPassword, verifyPassword } from '../auth/password';
import { SIGN_IN_MESSAGES } from '../auth/sign-in';
import { checkLoginThrottle, recordLoginAttempt } from '../auth/throttle';
import { db } from '../db';
import { AppError, invalid } from '../errors';
import { passwordIsEmail } from '../members/schema';
import { forgetTokenContextsAfter } from '../tokens/authenticate';
import { parseInput } from '../validation';
import { changeOwnPasswordSchema } from './schema';

// What signed-in users do to their own account (the account page); what admins do to members' accounts is lib/members.

/**
 * The caller chooses a new password, proving the current one. Wrong guesses count towards the sign-in
 * throttle, so a stolen session cannot be used to brute-force the password. Other sessions are revoked.
 */
export async function changeOwnPassword(ctx: Ctx, raw: unknown, meta: RequestMeta = {}): Promise<{ tokensRevoked: number }> {
  authorize(ctx, 'workspace:read');
  if (ctx.via.kind !== 'session') throw new AppError('FORBIDDEN', 'Passwords can only be changed when signed in with a browser.');
  const input = parseInput(changeOwnPasswordSchema, raw);
  if (passwordIsEmail(input.newPassword, ctx.userEmail)) {
    throw invalid({ newPassword: ['The password must not be your email address'] });
  }
  const ip = meta.ip ?? 'unknown';
  const throttle = await checkLoginThrottle(ctx.userEmail, ip);
  if (!throttle.allowed) {
    throw new AppError('RATE_LIMITED', SIGN_IN_MESSAGES.throttled(throttle.retryAfterSeconds), { retryAfterSeconds: throttle.retryAfterSeconds });
  }
  const user = await db().user.findUnique({ where: { id: ctx.userId }, omit: { passwordHash: false } });
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await recordLoginAttempt(ctx.userEmail, ip, false);
    throw invalid({ currentPassword: ['That is not your current password'] });
  }
  const passwordHash = await hashPassword(input.newPassword);
  const sessionId = ctx.via.sessionId;
  return forgetTokenContextsAfter(db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: ctx.userId }, data: { passwordHash, mustChangePassword: false } });
    await tx.authSession.updateMany({
      where: { userId: ctx.userId, revokedAt: null, id: { not: sessionId } },
      data: { revokedAt: new Date() },
    });
    // A token made under a password that may have leaked goes with it.
    const tokens = await tx.apiToken.updateMany({ where: { userId: ctx.userId, revokedAt: null }, data: { revokedAt: new Date() } });
    await audit(
      {
        action: 'member.password_set',
        workspaceId: ctx.workspaceId,
        userId: ctx.userId,
        entityType: 'user',
        entityId: ctx.userId,
        details: { email: ctx.userEmail, mode: 'self', tokensRevoked: tokens.count },
        ip: meta.ip,
      },
      tx,
    );
    return { tokensRevoked: tokens.count };
  }));
}
