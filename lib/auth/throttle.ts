import { db } from '../db';

// Counted in PostgreSQL so that every app instance sees the same failures.
export const THROTTLE = {
  windowMinutes: 15,
  maxFailuresPerAccount: 5,
  maxFailuresPerAddress: 20,
};

export interface ThrottleVerdict {
  allowed: boolean;
  retryAfterSeconds: number;
}

export async function checkLoginThrottle(email: string, ip: string, now = new Date()): Promise<ThrottleVerdict> {
  const since = new Date(now.getTime() - THROTTLE.windowMinutes * 60_000);
  const rows = await db().$queryRaw<Array<{ scope: string; failures: number; oldest: Date | null }>>`
    SELECT 'account' AS scope, count(*)::int AS failures, min("createdAt") AS oldest
      FROM "LoginAttempt" WHERE email = ${email} AND success = false AND "createdAt" > ${since}
    UNION ALL
    SELECT 'address', count(*)::int, min("createdAt")
      FROM "LoginAttempt" WHERE ip = ${ip} AND success = false AND "createdAt" > ${since}`;
  const limits: Record<string, number> = { account: THROTTLE.maxFailuresPerAccount, address: THROTTLE.maxFailuresPerAddress };
  let retryAfterSeconds = 0;
  for (const row of rows) {
    if (row.failures >= (limits[row.scope] ?? Infinity) && row.oldest) {
      const freeAt = row.oldest.getTime() + THROTTLE.windowMinutes * 60_000;
      retryAfterSeconds = Math.max(retryAfterSeconds, Math.ceil((freeAt - now.getTime()) / 1000));
    }
  }
  return { allowed: retryAfterSeconds === 0, retryAfterSeconds };
}

export async function recordLoginAttempt(email: string, ip: string, success: boolean): Promise<void> {
  await db().loginAttempt.create({ data: { email, ip, success } });
}
