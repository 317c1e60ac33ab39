import { requireDatabaseUrl } from '../env';
import { db } from './index';

export interface DatabaseStatus {
  ok: boolean;
  latencyMs?: number;
  error?: string;
}

const REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused (is PostgreSQL running?)',
  ECONNRESET: 'connection reset by the server',
  ETIMEDOUT: 'connection timed out',
  ENOTFOUND: 'host name not found',
  EAI_AGAIN: 'host name lookup failed (DNS)',
  EHOSTUNREACH: 'host unreachable',
  '57P01': 'the server was shut down by an administrator',
  '57P02': 'the server crashed',
  '57P03': 'the server is starting up or shutting down',
  '28P01': 'password authentication failed',
  '3D000': 'the database does not exist',
  P1001: 'the server cannot be reached',
  P1017: 'the server closed the connection',
  P2024: 'no free connection in the pool',
  DatabaseNotReachable: 'the server cannot be reached (is PostgreSQL running?)',
  ConnectionClosed: 'the server closed the connection',
  SocketTimeout: 'no answer in time',
  TooManyConnections: 'too many connections',
};

/** Where the database is, without user or password. */
function target(): string {
  try {
    const url = new URL(requireDatabaseUrl());
    return `${url.hostname}:${url.port || '5432'}${url.pathname}`;
  } catch {
    return 'the configured database';
  }
}

/** One line saying what failed: the most specific code or message in the error's cause chain. */
export function describeDatabaseError(error: unknown): string {
  const seen: unknown[] = [];
  for (let e: unknown = error; e && typeof e === 'object' && !seen.includes(e) && seen.length < 8; ) {
    seen.push(e);
    const item = e as { code?: unknown; meta?: { code?: unknown; driverAdapterError?: unknown }; errors?: unknown[]; cause?: unknown };
    if (Array.isArray(item.errors) && item.errors[0]) seen.push(item.errors[0]);
    // Prisma wraps the driver's error in meta.driverAdapterError, its reason in .cause (kind, code).
    const adapter = item.meta?.driverAdapterError as { cause?: unknown } | undefined;
    if (adapter?.cause) seen.push(adapter.cause);
    e = item.cause ?? (Array.isArray(item.errors) ? item.errors[0] : undefined);
  }
  for (const e of seen) {
    const item = e as { code?: unknown; kind?: unknown; meta?: { code?: unknown } };
    for (const code of [item.meta?.code, item.code, item.kind]) {
      if (typeof code === 'string' && REASONS[code]) return `${REASONS[code]} (${code})`;
    }
  }
  for (const e of seen) {
    const line = e instanceof Error ? e.message.split('\n').map((l) => l.trim()).find(Boolean) : undefined;
    if (line) return line.replace(/postgres(ql)?:\/\/[^\s]*/gi, '<database url>');
  }
  return 'unknown error';
}

export async function checkDatabase(timeoutMs = 3000): Promise<DatabaseStatus> {
  const started = performance.now();
  try {
    await Promise.race([
      db().$queryRaw`SELECT 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs)),
    ]);
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    // What failed and where, without echoing credentials.
    return { ok: false, error: `database at ${target()} unreachable: ${describeDatabaseError(error)}` };
  }
}
