import { z } from 'zod';

// zod schemas → the JSON Schema 2020-12 pieces of the OpenAPI document (lib/api/openapi.ts): named
// sub-schemas are collected in `components` and referenced.

export type Json = Record<string, unknown>;

export const components: { schemas: Record<string, Json> } = { schemas: {} };

/** JSON Schema 2020-12 of a zod schema; named sub-schemas (.meta({ id })) go to components and are referenced. */
export function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Json {
  const out = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as Json;
  const defs = (out.$defs ?? {}) as Record<string, Json>;
  delete out.$defs;
  delete out.$schema;
  const fix = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(fix);
    if (!node || typeof node !== 'object') return node;
    const obj = { ...(node as Json) };
    if (typeof obj.$ref === 'string') obj.$ref = obj.$ref.replace('#/$defs/', '#/components/schemas/');
    // Noise for readers: the uuid regex behind format: uuid, and ±2^53 bounds on integers.
    if (obj.format === 'uuid') delete obj.pattern;
    if (obj.minimum === Number.MIN_SAFE_INTEGER) delete obj.minimum;
    if (obj.maximum === Number.MAX_SAFE_INTEGER) delete obj.maximum;
    for (const [k, v] of Object.entries(obj)) if (k !== '$ref') obj[k] = fix(v);
    return obj;
  };
  for (const [name, def] of Object.entries(defs)) components.schemas[name] = fix(def) as Json;
  return fix(out) as Json;
}

/**
 * Which fields an input really requires: those a parse of `{}` complains about. (A schema that turns
 * a missing value into a default — aliases → [], capability → null — is listed as required by the
 * converter, but a client may leave it out.)
 */
export function requiredFields(schema: z.ZodType, keys: string[]): string[] {
  const result = schema.safeParse({});
  if (result.success) return [];
  const missing = new Set(result.error.issues.map((i) => String(i.path[0] ?? '')));
  return keys.filter((k) => missing.has(k));
}

export function inputSchema(schema: z.ZodType, { omit = [], patch = false }: { omit?: string[]; patch?: boolean } = {}): Json {
  const json = jsonSchema(schema, 'input');
  const properties = { ...((json.properties ?? {}) as Record<string, Json>) };
  for (const k of omit) delete properties[k];
  const keys = Object.keys(properties);
  const required = patch ? keys.filter((k) => k === 'version') : requiredFields(schema, keys).filter((k) => !omit.includes(k));
  return { type: 'object', properties, ...(required.length ? { required } : {}) };
}

export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
export const jsonContent = (schema: Json) => ({ 'application/json': { schema } });
export const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } };

export function errorResponses(...codes: number[]): Record<string, Json> {
  const text: Record<number, string> = {
    401: 'Not signed in, or the token is unknown, revoked, or its owner lost access',
    403: 'Your role (or the token’s) does not allow this',
    404: 'No such record in this workspace (records of other workspaces are reported the same way)',
    409: 'Stale version: someone saved since; details.current is the record as stored now',
    413: 'The body is larger than allowed',
    422: 'Invalid input: fieldErrors says which field and why (malformed JSON too)',
    429: 'Rate limit reached: retry after Retry-After seconds',
  };
  return Object.fromEntries(codes.map((c) => [String(c), { description: text[c], content: jsonContent(ref('Error')) }]));
}

export function queryParameters(schema: z.ZodObject): Json[] {
  const json = jsonSchema(schema, 'input');
  return Object.entries((json.properties ?? {}) as Record<string, Json>).map(([name, s]) => {
    const { description, ...rest } = s;
    const doc: Record<string, string> = {
      q: 'Text search',
      sort: 'Sort field (ties broken by id)',
      dir: 'Sort direction',
      deleted: 'exclude (default) lists live records; only lists soft-deleted ones',
      limit: 'Page size',
      cursor: 'nextCursor of the previous page; keep the other parameters the same while paging',
    };
    return { name, in: 'query', required: false, description: (description as string | undefined) ?? doc[name], schema: rest };
  });
}
