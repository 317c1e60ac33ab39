import 'server-only';
import { apiRoute, type ApiCall } from '../api/handler';
import { csvResponse } from './csv';
import type { CsvFile } from './export';

/**
 * A CSV route handler of /api/stance/**: the API's own chain (lib/api/handler.ts: session or Bearer
 * token, the per-caller rate limit, `workspace:read`, `Cache-Control: no-store`, one error mapping),
 * then the export with the caller's context. Parse the query inside `run`, so a bad one is a 422
 * after authentication, never a crash or an answer to a stranger.
 */
export function csvRoute<P extends Record<string, string | string[]> = Record<string, never>>(
  run: (call: ApiCall<P>) => Promise<CsvFile>,
): (request: Request, context: { params: Promise<P> }) => Promise<Response> {
  return apiRoute<P>({ permission: 'workspace:read' }, async (call) => {
    const { fileName, csv } = await run(call);
    return csvResponse(csv, fileName);
  });
}
