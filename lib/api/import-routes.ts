import 'server-only';
import { env } from '../env';
import { importAssessments, type ImportFormat } from '../import/assessments';
import { parseInput } from '../validation';
import { readLimitedBody } from './body';
import { apiRoute, json } from './handler';
import { ndjsonResponse, wantsNdjson } from './ndjson';
import { importQuerySchema } from './import-query';
import { queryObject } from './resource';

function formatFromContentType(type: string | null): ImportFormat | undefined {
  if (!type) return undefined;
  if (/\b(text\/csv|application\/csv|text\/comma-separated-values)\b/i.test(type)) return 'csv';
  if (/\bjson\b/i.test(type)) return 'json';
  return undefined;
}

/**
 * POST /api/v1/import/assessments — the file itself is the body (CSV or JSON, up to IMPORT_MAX_BYTES).
 * mode=check (default) answers the report and writes nothing; mode=commit writes all rows in one
 * transaction, or nothing if any row has a problem (422 with the same report). With
 * `Accept: application/x-ndjson` the answer streams progress lines, then the result.
 */
export const importAssessmentsRoute = apiRoute({ permission: 'records:write' }, async ({ ctx, request }) => {
  const query = parseInput(importQuerySchema, queryObject(request));
  const format = query.format === 'auto' ? (formatFromContentType(request.headers.get('content-type')) ?? 'auto') : query.format;
  // Read (and size-check) the upload before answering, so a refusal is a real 413, not a line in a 200 stream.
  const bytes = await readLimitedBody(request, env().IMPORT_MAX_BYTES);
  const commit = query.mode === 'commit';
  const run = async (progress?: (phase: string, done: number, total: number) => void) => {
    const report = await importAssessments(ctx, bytes, { format, createMissing: query.createMissing, commit, expectedSha256: query.sha256 }, progress);
    return { status: commit ? 201 : 200, result: report };
  };
  if (wantsNdjson(request)) return ndjsonResponse(run);
  const { status, result } = await run();
  return json(result, { status });
});
