import 'server-only';
import { createHash } from 'node:crypto';
import { db } from '../db';
import { env } from '../env';
import { AppError, invalid } from '../errors';
import { readLimitedBody } from './body';

// Idempotency-Key on API POSTs: the first answer is kept in PostgreSQL for 24 hours (every app
// instance sees it); a repeat of the same request gets that answer back and writes nothing, a repeat
// with another body is refused. A client that lost an answer to a timeout or an outage can retry safely.

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
const TTL_MS = 24 * 3600_000;
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
const KEPT_HEADERS = ['content-type', 'location', 'content-disposition'];

const keyProblem = (message: string) => invalid({ [IDEMPOTENCY_HEADER]: [message] }, `${IDEMPOTENCY_HEADER}: ${message}.`);

async function requestHash(request: Request): Promise<string> {
  // Read from a copy, within the largest body any route accepts; the route reads the original.
  const body = await readLimitedBody(request.clone(), env().IMPORT_MAX_BYTES);
  const url = new URL(request.url);
  return createHash('sha256').update(`${request.method} ${url.pathname}${url.search}\n`).update(body).digest('hex');
}

async function claim(callerKey: string, key: string, hash: string): Promise<boolean> {
  const inserted = await db().$executeRaw`
    INSERT INTO "IdempotencyKey" ("callerKey", "key", "requestHash") VALUES (${callerKey}, ${key}, ${hash})
    ON CONFLICT ("callerKey", "key") DO NOTHING`;
  return inserted === 1;
}

/**
 * Runs `run` once per (caller, key): the first request runs and its answer (unless a 5xx or an error,
 * which free the key for a retry) is stored; later ones replay it. Without the header, just runs.
 */
export async function withIdempotency(request: Request, callerKey: string, run: () => Promise<Response>): Promise<Response> {
  const key = request.headers.get(IDEMPOTENCY_HEADER);
  if (key === null || request.method.toUpperCase() !== 'POST') return run();
  if (!KEY_PATTERN.test(key)) throw keyProblem('use 1 to 255 visible ASCII characters (a random UUID is ideal)');
  const hash = await requestHash(request);
  if (Math.random() < 0.01) await sweepIdempotencyKeys();

  if (!(await claim(callerKey, key, hash))) {
    const existing = await db().idempotencyKey.findUnique({ where: { callerKey_key: { callerKey, key } } });
    const expired = existing && Date.now() - existing.createdAt.getTime() > TTL_MS;
    if (!existing || expired) {
      if (expired) await db().idempotencyKey.deleteMany({ where: { callerKey, key, createdAt: existing.createdAt } });
      if (!(await claim(callerKey, key, hash))) throw new AppError('CONFLICT', 'Another request with this Idempotency-Key arrived at the same moment; try again.', { retryAfterSeconds: 1 });
    } else {
      if (existing.requestHash !== hash) throw keyProblem('this key was already used for a different request; use a new key for a new request');
      if (existing.status === null) {
        throw new AppError(
          'CONFLICT',
          'The first request with this Idempotency-Key has not finished (or was cut off before it could answer). Check whether it was saved before sending it again with a new key.',
          { retryAfterSeconds: 5 },
        );
      }
      const headers = new Headers((existing.responseHeaders ?? {}) as Record<string, string>);
      headers.set('Idempotent-Replayed', 'true');
      return new Response(existing.responseBody, { status: existing.status, headers });
    }
  }

  const release = () => db().idempotencyKey.deleteMany({ where: { callerKey, key, status: null } }).catch(() => undefined);
  let response: Response;
  try {
    response = await run();
  } catch (error) {
    await release();
    throw error;
  }
  if (response.status >= 500) {
    await release();
    return response;
  }
  const body = await response.text();
  const kept = Object.fromEntries(KEPT_HEADERS.flatMap((name) => (response.headers.has(name) ? [[name, response.headers.get(name)!]] : [])));
  // The write is done whether or not its answer can be stored: answer it either way.
  await db()
    .idempotencyKey.update({
      where: { callerKey_key: { callerKey, key } },
      data: { status: response.status, responseHeaders: kept, responseBody: body, completedAt: new Date() },
    })
    .catch((error: unknown) => console.error('Could not store the answer for an Idempotency-Key:', error));
  return new Response(body, { status: response.status, headers: response.headers });
}

export async function sweepIdempotencyKeys(now = new Date()): Promise<void> {
  await db().idempotencyKey.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - TTL_MS) } } });
}
