import { db } from './index';

export interface DatabaseStatus {
  ok: boolean;
  latencyMs?: number;
  error?: string;
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
    // The message says what failed without echoing connection strings.
    const message = error instanceof Error ? error.message.split('\n')[0] : 'unknown error';
    return { ok: false, error: `database unreachable: ${message}` };
  }
}
