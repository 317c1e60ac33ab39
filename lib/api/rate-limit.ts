import { db } from '../db';
import { env } from '../env';
import { AppError } from '../errors';

const WINDOW_MS = 60_000;

export interface RateLimitState {
  limit: number;
  remaining: number;
  /** Seconds until the window resets. */
  resetSeconds: number;
}

/**
 * Counts one request against `key` in a fixed one-minute window kept in PostgreSQL (so every app
 * instance shares it): a single atomic upsert, no read-then-write race. Throws RATE_LIMITED with
 * Retry-After when the window is full.
 */
export async function hitRateLimit(key: string, now = new Date(), limit = env().API_RATE_LIMIT_PER_MINUTE): Promise<RateLimitState> {
  const windowStart = new Date(Math.floor(now.getTime() / WINDOW_MS) * WINDOW_MS);
  const rows = await db().$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimitWindow" (key, "windowStart", count) VALUES (${key}, ${windowStart}, 1)
    ON CONFLICT (key, "windowStart") DO UPDATE SET count = "RateLimitWindow".count + 1
    RETURNING count`;
  const count = rows[0]?.count ?? 1;
  const resetSeconds = Math.max(1, Math.ceil((windowStart.getTime() + WINDOW_MS - now.getTime()) / 1000));
  // Old windows are useless; sweep now and then rather than on every request.
  if (Math.random() < 0.01) await sweepRateLimitWindows(now);
  if (count > limit) {
    throw new AppError('RATE_LIMITED', `Too many requests: at most ${limit} a minute for one token. Try again in ${resetSeconds} s.`, {
      retryAfterSeconds: resetSeconds,
    });
  }
  return { limit, remaining: Math.max(0, limit - count), resetSeconds };
}

export async function sweepRateLimitWindows(now = new Date()): Promise<void> {
  await db().rateLimitWindow.deleteMany({ where: { windowStart: { lt: new Date(now.getTime() - 10 * WINDOW_MS) } } });
}
