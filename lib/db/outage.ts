// When the app last saw PostgreSQL fail to answer, shared by every module copy in this process
// (Next's server bundle and scripts/server.ts load this file separately, hence globalThis). Our HTTP
// server turns a page's 500 into a 503 with Retry-After while this is recent: a page cannot set its
// own status, and an outage is not a bug.

const KEY = Symbol.for('stanceboard.databaseUnavailableAt');
const store = globalThis as unknown as Record<symbol, number | undefined>;

/** How long after the last failure a page error is taken to be the outage's. */
export const OUTAGE_MEMORY_MS = 10_000;

export function markDatabaseUnavailable(now = Date.now()): void {
  store[KEY] = now;
}

export function databaseRecentlyUnavailable(now = Date.now()): boolean {
  const at = store[KEY];
  return at !== undefined && now - at < OUTAGE_MEMORY_MS;
}
