import { db, dbOpen } from '../db';
import { env } from '../env';
import { AppError } from '../errors';

const WINDOW_MS = 60_000;
/** How often a process adds the requests it counted to PostgreSQL (and learns the other instances' counts). */
export const RATE_LIMIT_FLUSH_MS = 1_000;

export interface RateLimitState {
  limit: number;
  remaining: number;
  /** Seconds until the window resets. */
  resetSeconds: number;
}

interface Counter {
  windowStart: number;
  /** The window's count in PostgreSQL (every instance's) when this process last wrote or read it. */
  shared: number;
  /** Requests counted here since then, not yet in PostgreSQL. */
  pending: number;
  /** Set while this process's first request of the window reads the shared count. */
  joining?: Promise<void>;
}

const globalForLimits = globalThis as unknown as { stanceboardRateCounters?: Map<string, Counter>; stanceboardRateFlush?: NodeJS.Timeout };
const counters = (globalForLimits.stanceboardRateCounters ??= new Map());

/**
 * Counts one request against `key` in a fixed one-minute window shared by every app instance through
 * PostgreSQL, without a database round trip per request (which made one hot row per busy token):
 *
 * - a process's first request of a key in a window adds itself to the shared row and reads its count
 *   (one atomic upsert, so concurrent instances never lose a count);
 * - later requests are counted in memory against that count plus this process's own;
 * - every RATE_LIMIT_FLUSH_MS the process adds what it counted to the shared rows, all keys in one
 *   statement, and reads back the totals, which include the other instances' requests.
 *
 * Every request is counted in PostgreSQL in the end (refused ones too). Tolerance: within one flush
 * interval a process does not see what other instances admitted, so with N instances a key can get up
 * to (N - 1) × its per-instance rate × RATE_LIMIT_FLUSH_MS more than the limit in a window; one
 * instance alone is exact. Throws RATE_LIMITED with Retry-After when the window is full.
 */
export async function hitRateLimit(key: string, now = new Date(), limit = env().API_RATE_LIMIT_PER_MINUTE): Promise<RateLimitState> {
  const windowStart = Math.floor(now.getTime() / WINDOW_MS) * WINDOW_MS;
  let counter = counters.get(key);
  if (!counter || counter.windowStart !== windowStart) {
    const joined: Counter = { windowStart, shared: 0, pending: 1 };
    counters.set(key, joined);
    joined.joining = joinWindow(key, joined).finally(() => (joined.joining = undefined));
    await joined.joining;
    counter = joined;
    // pending was this request; joinWindow moved it into `shared`.
    return verdict(counter.shared + counter.pending, limit, windowStart, now);
  }
  if (counter.joining) await counter.joining;
  counter.pending += 1;
  scheduleFlush();
  return verdict(counter.shared + counter.pending, limit, windowStart, now);
}

async function joinWindow(key: string, counter: Counter): Promise<void> {
  const rows = await db().$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimitWindow" (key, "windowStart", count) VALUES (${key}, ${new Date(counter.windowStart)}, 1)
    ON CONFLICT (key, "windowStart") DO UPDATE SET count = "RateLimitWindow".count + 1
    RETURNING count`;
  counter.pending -= 1;
  // Requests counted here meanwhile (they waited for this) stay pending: the row does not hold them yet.
  counter.shared = rows[0]?.count ?? 1;
}

function verdict(count: number, limit: number, windowStart: number, now: Date): RateLimitState {
  const resetSeconds = Math.max(1, Math.ceil((windowStart + WINDOW_MS - now.getTime()) / 1000));
  if (count > limit) {
    throw new AppError('RATE_LIMITED', `Too many requests: at most ${limit} a minute for one token. Try again in ${resetSeconds} s.`, {
      retryAfterSeconds: resetSeconds,
    });
  }
  return { limit, remaining: Math.max(0, limit - count), resetSeconds };
}

function scheduleFlush(): void {
  if (globalForLimits.stanceboardRateFlush) return;
  globalForLimits.stanceboardRateFlush = setTimeout(() => {
    globalForLimits.stanceboardRateFlush = undefined;
    // Counting opened the client, so a closed one means disconnectDb ran: the end of a script or test file,
    // whose database may be dropped by now. Reopening it would only log "database does not exist"; the counts
    // stay pending for the next flush, if the process goes on.
    if (!dbOpen()) return;
    flushRateLimitCounts().catch((error: unknown) => console.error('Could not store the API rate-limit counts (kept for the next try):', error));
  }, RATE_LIMIT_FLUSH_MS);
  // A pending flush never keeps a process alive; counts of a process that stops within the second are lost.
  globalForLimits.stanceboardRateFlush.unref?.();
}

/** Adds the requests counted in this process to PostgreSQL, every key in one statement, and learns the shared totals. */
export async function flushRateLimitCounts(now = new Date()): Promise<void> {
  const current = Math.floor(now.getTime() / WINDOW_MS) * WINDOW_MS;
  const batch: { key: string; counter: Counter; delta: number }[] = [];
  for (const [key, counter] of counters) {
    if (counter.pending > 0 && !counter.joining) batch.push({ key, counter, delta: counter.pending });
    else if (counter.windowStart < current && !counter.joining) counters.delete(key);
  }
  if (batch.length) {
    const rows = await db().$queryRaw<{ key: string; windowStart: Date; count: number }[]>`
      INSERT INTO "RateLimitWindow" (key, "windowStart", count)
      SELECT * FROM unnest(${batch.map((b) => b.key)}::text[], ${batch.map((b) => new Date(b.counter.windowStart).toISOString())}::timestamptz[], ${batch.map((b) => b.delta)}::int[])
      ON CONFLICT (key, "windowStart") DO UPDATE SET count = "RateLimitWindow".count + EXCLUDED.count
      RETURNING key, "windowStart", count`;
    const totals = new Map(rows.map((r) => [`${r.key}\n${r.windowStart.getTime()}`, r.count]));
    for (const { key, counter, delta } of batch) {
      counter.pending -= delta;
      counter.shared = totals.get(`${key}\n${counter.windowStart}`) ?? counter.shared + delta;
      if (counter.windowStart < current && counter.pending === 0) counters.delete(key);
    }
  }
  // Old windows are useless; sweep now and then rather than on every flush.
  if (Math.random() < 0.01) await sweepRateLimitWindows(now);
}

export async function sweepRateLimitWindows(now = new Date()): Promise<void> {
  await db().rateLimitWindow.deleteMany({ where: { windowStart: { lt: new Date(now.getTime() - 10 * WINDOW_MS) } } });
}
