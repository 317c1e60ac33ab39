import 'server-only';
import type { Ctx } from '../auth/context';
import { requireContext } from '../auth/request';
import { errorResponse } from '../errors';
import { csvResponse } from './csv';
import type { CsvFile } from './export';

/**
 * A CSV route handler: checks the session itself (401 JSON without one, 403 while a one-time password
 * must still be replaced), runs the export with the caller's context, and maps AppErrors (NOT_FOUND for
 * another workspace's records, VALIDATION, …) to their JSON answers.
 */
export async function csvRoute(run: (ctx: Ctx) => Promise<CsvFile>): Promise<Response> {
  try {
    const ctx = await requireContext();
    const { fileName, csv } = await run(ctx);
    return csvResponse(csv, fileName);
  } catch (error) {
    return errorResponse(error);
  }
}
