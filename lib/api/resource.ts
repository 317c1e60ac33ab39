import 'server-only';
import { z } from 'zod';
import type { Ctx } from '../auth/context';
import type { Permission } from '../auth/permissions';
import { AppError, isAppError, notFound } from '../errors';
import type { CursorPage } from '../records/cursor';
import { csvCell, csvFileName, type CsvValue } from '../stance/csv';
import { readJsonObject } from './body';
import { apiRoute, json, noContent } from './handler';

/**
 * One record type of the API. Every method delegates to the domain module (the same zod schemas and
 * command functions as the forms); this only adds HTTP shape.
 */
export interface ApiResource<Dto extends { id: string }> {
  /** URL segment under /api/v1 */
  path: string;
  /** Singular, for messages and docs: "Actor" */
  label: string;
  /** Docs: one sentence on what the record is */
  description: string;
  readPermission: Permission;
  writePermission: Permission;
  listQuery: z.ZodObject;
  createSchema: z.ZodType;
  updateSchema: z.ZodType;
  dto: z.ZodType;
  /** Docs only: input properties to describe differently from the generated schema (e.g. the form-only shape of a field). */
  inputProperties?: Record<string, Record<string, unknown>>;
  /** Fields a PATCH takes from the stored record when the body leaves them out. */
  editable: readonly (keyof Dto & string)[];
  /** The API's page: items and nextCursor only (prevCursor is the list pages' affair). */
  list(ctx: Ctx, query: Record<string, string>): Promise<Pick<CursorPage<Dto>, 'items' | 'nextCursor'>>;
  get(ctx: Ctx, id: string): Promise<Dto>;
  /** The new record's id, and the record itself when the write returned it (no read back then). */
  create(ctx: Ctx, raw: unknown): Promise<{ id: string; record?: Dto }>;
  update(ctx: Ctx, raw: unknown): Promise<{ id: string; version: number }>;
  remove(ctx: Ctx, id: string): Promise<void>;
  csv: { header: readonly string[]; rows(ctx: Ctx, items: Dto[]): Promise<CsvValue[][]> };
}

type IdParams = { id: string };

/** A path id that cannot be a record id is a missing record (404), not a validation error. */
function assertId(resource: { label: string }, id: string): void {
  if (!z.uuid().safeParse(id).success) throw notFound(resource.label);
}

export function queryObject(request: Request): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of new URL(request.url).searchParams) if (value !== '' && !(key in out)) out[key] = value;
  return out;
}

/** Every row the filters match, as CSV (UTF-8 with BOM, CRLF, formula cells neutralised), streamed page by page. */
function csvStream<Dto extends { id: string }>(resource: ApiResource<Dto>, ctx: Ctx, query: Record<string, string>): Response {
  const { format: _format, cursor: _cursor, limit: _limit, ...filters } = query;
  const encoder = new TextEncoder();
  let cursor: string | null | undefined;
  let started = false;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        if (!started) {
          started = true;
          controller.enqueue(encoder.encode('\uFEFF' + resource.csv.header.map(csvCell).join(',') + '\r\n'));
        }
        const page = await resource.list(ctx, { ...filters, limit: '200', ...(cursor ? { cursor } : {}) });
        const rows = await resource.csv.rows(ctx, page.items);
        if (rows.length) controller.enqueue(encoder.encode(rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n'));
        cursor = page.nextCursor;
        if (!cursor) controller.close();
      } catch (error) {
        controller.error(error);
      }
    },
  });
  return new Response(stream, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${csvFileName(ctx.workspaceName, resource.path)}"`,
    },
  });
}

/** A stale-version refusal answers with the whole record as stored now, in the API's own shape. */
async function withCurrentRecord<Dto extends { id: string }>(resource: ApiResource<Dto>, ctx: Ctx, id: string, error: unknown): Promise<never> {
  if (isAppError(error) && error.code === 'CONFLICT' && (error.extra.details as { current?: unknown } | undefined)?.current) {
    const current = await resource.get(ctx, id).catch(() => null);
    if (current) throw new AppError('CONFLICT', error.message, { details: { current } });
  }
  throw error;
}

/**
 * The stored record after a committed write. If reading it back fails (the database went away just
 * after the commit), the write still succeeded and is answered as such, with its id: a 500 here would
 * make a retrying client write it twice.
 */
async function readBack<Dto extends { id: string }>(resource: ApiResource<Dto>, ctx: Ctx, written: { id: string; version?: number }): Promise<unknown> {
  try {
    return await resource.get(ctx, written.id);
  } catch (error) {
    console.error(`${resource.label} ${written.id} was saved but could not be read back:`, error);
    return { ...written, note: 'Saved. The stored record could not be read back just now; GET it from the Location URL.' };
  }
}

/** GET (list / CSV) and POST for /api/v1/<path>; GET, PATCH, PUT, DELETE for /api/v1/<path>/{id}. */
export function resourceRoutes<Dto extends { id: string }>(resource: ApiResource<Dto>) {
  const location = (id: string) => `/api/v1/${resource.path}/${id}`;

  const list = apiRoute({ permission: resource.readPermission }, async ({ ctx, request }) => {
    const query = queryObject(request);
    if (query.format === 'csv') {
      // Validate the filters before the 200 goes out.
      await resource.list(ctx, { ...query, limit: '1', cursor: '' });
      return csvStream(resource, ctx, query);
    }
    if (query.format !== undefined && query.format !== 'json') {
      throw new AppError('VALIDATION', 'format must be json or csv.', { fieldErrors: { format: ['format must be json or csv'] } });
    }
    const { format: _format, ...filters } = query;
    const page = await resource.list(ctx, filters);
    return json({ data: page.items, nextCursor: page.nextCursor });
  });

  const create = apiRoute({ permission: resource.writePermission }, async ({ ctx, request }) => {
    const body = await readJsonObject(request);
    const { id, record } = await resource.create(ctx, body);
    return json(record ?? (await readBack(resource, ctx, { id })), { status: 201, headers: { Location: location(id) } });
  });

  const get = apiRoute<IdParams>({ permission: resource.readPermission }, async ({ ctx, params }) => json(await resource.get(ctx, params.id)));

  /** PATCH: fields left out keep their stored value. `version` is always required. */
  const patch = apiRoute<IdParams>({ permission: resource.writePermission }, async ({ ctx, request, params }) => {
    const body = await readJsonObject(request);
    const current = await resource.get(ctx, params.id);
    const kept = Object.fromEntries(resource.editable.map((field) => [field, current[field]]));
    let written: { id: string; version: number } | undefined;
    try {
      written = await resource.update(ctx, { ...kept, ...body, id: params.id });
    } catch (error) {
      await withCurrentRecord(resource, ctx, params.id, error);
    }
    return json(await readBack(resource, ctx, written ?? { id: params.id }));
  });

  /** PUT: the body is the whole record (fields left out take their defaults). `version` is required. */
  const put = apiRoute<IdParams>({ permission: resource.writePermission }, async ({ ctx, request, params }) => {
    assertId(resource, params.id);
    const body = await readJsonObject(request);
    let written: { id: string; version: number } | undefined;
    try {
      written = await resource.update(ctx, { ...body, id: params.id });
    } catch (error) {
      await withCurrentRecord(resource, ctx, params.id, error);
    }
    return json(await readBack(resource, ctx, written ?? { id: params.id }));
  });

  const remove = apiRoute<IdParams>({ permission: resource.writePermission }, async ({ ctx, params }) => {
    assertId(resource, params.id);
    await resource.remove(ctx, params.id);
    return noContent();
  });

  return { list, create, get, patch, put, remove };
}
