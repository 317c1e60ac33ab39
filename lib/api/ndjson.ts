import { AppError, isAppError } from '../errors';

/** Media type of the progress stream: one JSON object per line. */
export const NDJSON = 'application/x-ndjson';

export function wantsNdjson(request: Request): boolean {
  return (request.headers.get('accept') ?? '').includes(NDJSON);
}

export type NdjsonEvent =
  | { type: 'progress'; phase: string; done: number; total: number }
  | { type: 'result'; status: number; result: unknown }
  | { type: 'error'; status: number; error: { code: string; message: string; fieldErrors?: unknown; details?: unknown } };

/**
 * Runs long work while streaming its progress as NDJSON lines, then one `result` or `error` line
 * (carrying the HTTP status the plain-JSON form of the request would have answered). Progress lines
 * are throttled so a fast phase does not flood the browser.
 */
export function ndjsonResponse(run: (progress: (phase: string, done: number, total: number) => void) => Promise<{ status: number; result: unknown }>): Response {
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (event: NdjsonEvent) => controller.enqueue(encoder.encode(JSON.stringify(event) + '\n'));
      let lastAt = 0;
      let lastPhase = '';
      const progress = (phase: string, done: number, total: number) => {
        const now = Date.now();
        if (phase === lastPhase && done < total && now - lastAt < 100) return;
        lastAt = now;
        lastPhase = phase;
        send({ type: 'progress', phase, done, total });
      };
      try {
        const { status, result } = await run(progress);
        send({ type: 'result', status, result });
      } catch (error) {
        if (!isAppError(error)) console.error(error);
        const e = isAppError(error) ? error : new AppError('VALIDATION', 'Something went wrong on the server; nothing was saved.');
        send({
          type: 'error',
          status: isAppError(error) ? e.status : 500,
          error: isAppError(error)
            ? { code: e.code, message: e.message, fieldErrors: e.extra.fieldErrors, details: e.extra.details }
            : { code: 'INTERNAL', message: 'Something went wrong on the server; nothing was saved.' },
        });
      }
      controller.close();
    },
  });
  return new Response(stream, { headers: { 'Content-Type': `${NDJSON}; charset=utf-8`, 'X-Content-Type-Options': 'nosniff' } });
}
