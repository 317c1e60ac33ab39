import { z } from 'zod';
import { audit } from '../audit';
import { db } from '../db';
import { burnPasswordCheck, verifyPassword } from './password';
import { createAuthSession } from './sessions';
import { checkLoginThrottle, recordLoginAttempt } from './throttle';

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().min(1, { error: 'Enter your email address.' }).max(320).email({ error: 'Enter a valid email address.' }),
  password: z.string().min(1, { error: 'Enter your password.' }).max(1024, { error: 'Password is too long.' }),
});
export type SignInInput = z.infer<typeof signInSchema>;

export type SignInResult =
  | { ok: true; userId: string; sessionId: string }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

export const SIGN_IN_MESSAGES = {
  invalid: 'That email and password do not match an active account.',
  throttled: (seconds: number) =>
    `Too many failed sign-in attempts. Try again in ${Math.max(1, Math.ceil(seconds / 60))} minute(s).`,
} as const;

/**
 * Checks credentials and opens a server-side session. Unknown email, wrong password and disabled
 * account answer alike, and cost about the same time, so the form cannot be used to probe accounts.
 */
export async function verifySignIn(input: SignInInput, ip: string): Promise<SignInResult> {
  const email = input.email.trim().toLowerCase();
  const throttle = await checkLoginThrottle(email, ip);
  if (!throttle.allowed) {
    await audit({ action: 'auth.sign_in_failed', details: { email, reason: 'throttled' }, ip });
    return { ok: false, reason: 'throttled', retryAfterSeconds: throttle.retryAfterSeconds };
  }

  const user = await db().user.findUnique({
    where: { email },
    omit: { passwordHash: false },
    include: { memberships: { where: { disabledAt: null }, orderBy: { createdAt: 'asc' }, take: 1 } },
  });
  let passwordMatches = false;
  if (user) passwordMatches = await verifyPassword(user.passwordHash, input.password);
  else await burnPasswordCheck(input.password);

  const membership = user?.memberships[0];
  if (!user || !passwordMatches || user.disabledAt || !membership) {
    await recordLoginAttempt(email, ip, false);
    const reason = !user ? 'unknown email' : !passwordMatches ? 'wrong password' : user.disabledAt ? 'account disabled' : 'no active membership';
    await audit({ action: 'auth.sign_in_failed', userId: user?.id, details: { email, reason }, ip });
    return { ok: false, reason: 'invalid' };
  }

  await recordLoginAttempt(email, ip, true);
  const sessionId = await createAuthSession(user.id, membership.workspaceId);
  await audit({ action: 'auth.sign_in', userId: user.id, workspaceId: membership.workspaceId, ip });
  return { ok: true, userId: user.id, sessionId };
}
