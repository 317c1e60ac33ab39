import { onClusterMessage, tellOtherWorkers } from '../cluster/messages';

/**
 * With a read replica (DATABASE_REPLICA_URL), a user who has just written reads from the primary for
 * this long, so they see their own change at once, whatever the replica's lag. Every server process of
 * one `npm start` learns of the write (lib/cluster/messages.ts); other machines do not.
 */
export const READ_YOUR_WRITES_MS = 5_000;
/** A busy writer is announced to the other processes at most this often (the window is much longer). */
const ANNOUNCE_EVERY_MS = 1_000;

const globalForWrites = globalThis as unknown as { stanceboardLastWrites?: Map<string, { at: number; announced: number }> };
if (!globalForWrites.stanceboardLastWrites) {
  globalForWrites.stanceboardLastWrites = new Map();
  onClusterMessage('stanceboard:user-wrote', ({ userId, at }) => remember(userId, at, at));
}
const lastWrites = globalForWrites.stanceboardLastWrites;

function remember(userId: string, at: number, announced: number): void {
  const known = lastWrites.get(userId);
  if (known && known.at >= at) return;
  if (lastWrites.size > 10_000) {
    for (const [id, w] of lastWrites) if (w.at < at - READ_YOUR_WRITES_MS) lastWrites.delete(id);
  }
  lastWrites.set(userId, { at, announced: Math.max(announced, known?.announced ?? 0) });
}

/** Called as a write begins (lib/auth/context.ts authorize, for every write permission). */
export function noteWrite(userId: string, now = Date.now()): void {
  const known = lastWrites.get(userId);
  const announce = !known || now - known.announced >= ANNOUNCE_EVERY_MS;
  remember(userId, now, announce ? now : (known?.announced ?? 0));
  if (announce) tellOtherWorkers({ kind: 'stanceboard:user-wrote', userId, at: now });
}

export function wroteRecently(userId: string, now = Date.now()): boolean {
  const known = lastWrites.get(userId);
  return Boolean(known && now - known.at < READ_YOUR_WRITES_MS);
}
