import { notificationListSchema, watchSchema } from '../notifications/schema';
import { z } from 'zod';
import type { Permission } from '../auth/permissions';
import { ROLE_LABELS, roleCan } from '../auth/permissions';
import { Role } from '../generated/prisma/enums';
import { IMPORT_COLUMNS } from '../import/columns';
import { importReportSchema } from '../import/report';
import { workspaceExportSchema } from '../export/format';
import { annulResolutionSchema, estimateCreateSchema, resolveSchema } from '../scenarios/schema';
import { issueResolveSchema } from '../issues/schema';
import { errorDto, estimateDto, revisionDto } from './dto';
import { importQuerySchema } from './import-query';
import type { ApiResource } from './resource';

// The OpenAPI 3.1 document, generated from the same zod schemas the API validates with (inputs) and
// types its answers by (lib/api/dto.ts). Served at /api/v1/openapi.json and rendered by /api-docs.

type Json = Record<string, unknown>;

export interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  tag: string;
  summary: string;
  description?: string;
  permission: Permission;
  parameters?: Json[];
  requestBody?: Json;
  responses: Record<string, Json>;
}

const components: { schemas: Record<string, Json> } = { schemas: {} };

/** JSON Schema 2020-12 of a zod schema; named sub-schemas (.meta({ id })) go to components and are referenced. */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Json {
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
function requiredFields(schema: z.ZodType, keys: string[]): string[] {
  const result = schema.safeParse({});
  if (result.success) return [];
  const missing = new Set(result.error.issues.map((i) => String(i.path[0] ?? '')));
  return keys.filter((k) => missing.has(k));
}

function inputSchema(schema: z.ZodType, { omit = [], patch = false }: { omit?: string[]; patch?: boolean } = {}): Json {
  const json = jsonSchema(schema, 'input');
  const properties = { ...((json.properties ?? {}) as Record<string, Json>) };
  for (const k of omit) delete properties[k];
  const keys = Object.keys(properties);
  const required = patch ? keys.filter((k) => k === 'version') : requiredFields(schema, keys).filter((k) => !omit.includes(k));
  return { type: 'object', properties, ...(required.length ? { required } : {}) };
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const jsonContent = (schema: Json) => ({ 'application/json': { schema } });
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } };

function errorResponses(...codes: number[]): Record<string, Json> {
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

function queryParameters(schema: z.ZodObject): Json[] {
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

const article = (word: string) => (/^[aeiou]/i.test(word) ? `an ${word}` : `a ${word}`);

function resourceOperations(r: ApiResource<{ id: string }>): Operation[] {
  const name = r.dto.meta()?.id ?? r.label;
  const base = `/${r.path}`;
  const one = article(r.label.toLowerCase());
  const list = queryParameters(r.listQuery);
  const withOverrides = (body: Json) => ({ ...body, properties: { ...(body.properties as Json), ...(r.inputProperties ?? {}) } });
  const createBody = withOverrides(inputSchema(r.createSchema));
  const putBody = withOverrides(inputSchema(r.updateSchema, { omit: ['id'] }));
  const patchBody = withOverrides(inputSchema(r.updateSchema, { omit: ['id'], patch: true }));
  components.schemas[`${name}Input`] = createBody;
  components.schemas[`${name}Replace`] = putBody;
  components.schemas[`${name}Patch`] = patchBody;
  jsonSchema(r.dto, 'output');
  return [
    {
      method: 'get',
      path: base,
      tag: r.label,
      summary: `List ${r.label.toLowerCase()}s`,
      description: `${r.description} Cursor-paginated: follow nextCursor until it is null. format=csv answers every matching row as CSV (UTF-8 with BOM; cells that a spreadsheet would run as a formula are prefixed with ').`,
      permission: r.readPermission,
      parameters: [...list, { name: 'format', in: 'query', required: false, description: 'json (default) or csv', schema: { type: 'string', enum: ['json', 'csv'] } }],
      responses: {
        '200': {
          description: 'One page',
          content: {
            ...jsonContent({ type: 'object', properties: { data: { type: 'array', items: ref(name) }, nextCursor: { type: ['string', 'null'] } }, required: ['data', 'nextCursor'] }),
            'text/csv': { schema: { type: 'string' } },
          },
        },
        ...errorResponses(401, 403, 422, 429),
      },
    },
    {
      method: 'post',
      path: base,
      tag: r.label,
      summary: `Create ${one}`,
      description: 'The same validation as the form. Answers the record as stored, with Location.',
      permission: r.writePermission,
      requestBody: { required: true, content: jsonContent(ref(`${name}Input`)) },
      responses: { '201': { description: 'Created', content: jsonContent(ref(name)) }, ...errorResponses(401, 403, 413, 422, 429) },
    },
    {
      method: 'get',
      path: `${base}/{id}`,
      tag: r.label,
      summary: `Get one ${r.label.toLowerCase()}`,
      description: 'Soft-deleted records are answered too (deletedAt is set).',
      permission: r.readPermission,
      parameters: [idParam],
      responses: { '200': { description: 'The record', content: jsonContent(ref(name)) }, ...errorResponses(401, 403, 404, 429) },
    },
    {
      method: 'patch',
      path: `${base}/{id}`,
      tag: r.label,
      summary: `Change some fields of ${one}`,
      description: 'Fields left out keep their stored values. version (from the last read) is required: if someone saved since, the answer is 409 with the current record.',
      permission: r.writePermission,
      parameters: [idParam],
      requestBody: { required: true, content: jsonContent(ref(`${name}Patch`)) },
      responses: { '200': { description: 'Saved', content: jsonContent(ref(name)) }, ...errorResponses(401, 403, 404, 409, 413, 422, 429) },
    },
    {
      method: 'put',
      path: `${base}/{id}`,
      tag: r.label,
      summary: `Replace ${one}`,
      description: 'The body is the whole record (optional fields left out take their defaults). version is required; a stale one answers 409 with the current record.',
      permission: r.writePermission,
      parameters: [idParam],
      requestBody: { required: true, content: jsonContent(ref(`${name}Replace`)) },
      responses: { '200': { description: 'Saved', content: jsonContent(ref(name)) }, ...errorResponses(401, 403, 404, 409, 413, 422, 429) },
    },
    {
      method: 'delete',
      path: `${base}/{id}`,
      tag: r.label,
      summary: `Delete ${one} (soft)`,
      description: 'The record is hidden from lists and charts and can be restored in the app.',
      permission: r.writePermission,
      parameters: [idParam],
      responses: { '204': { description: 'Deleted' }, ...errorResponses(401, 403, 404, 429) },
    },
  ];
}

function otherOperations(): Operation[] {
  jsonSchema(revisionDto, 'output');
  jsonSchema(estimateDto, 'output');
  jsonSchema(importReportSchema, 'output');
  jsonSchema(workspaceExportSchema, 'output');
  const estimateBody = inputSchema(estimateCreateSchema, { omit: ['scenarioId'] });
  const resolveBody = inputSchema(resolveSchema, { omit: ['id'] });
  const annulBody = inputSchema(annulResolutionSchema, { omit: ['id'] });
  const columns = IMPORT_COLUMNS.map((c) => `- \`${c.name}\`${c.required ? ' (required)' : ''}: ${c.description}`).join('\n');
  return [
    {
      method: 'get',
      path: '/assessments/{id}/revisions',
      tag: 'Assessment',
      summary: 'Revision history of an assessment',
      description: 'Every saved version, newest first: who, when, and field by field what changed.',
      permission: 'workspace:read',
      parameters: [idParam],
      responses: {
        '200': { description: 'Revisions', content: jsonContent({ type: 'object', properties: { data: { type: 'array', items: ref('AssessmentRevision') } } }) },
        ...errorResponses(401, 403, 404, 429),
      },
    },
    {
      method: 'get',
      path: '/scenarios/{id}/estimates',
      tag: 'Scenario',
      summary: 'Likelihood estimates of a scenario',
      permission: 'workspace:read',
      parameters: [idParam],
      responses: {
        '200': { description: 'Estimates, oldest first', content: jsonContent({ type: 'object', properties: { data: { type: 'array', items: ref('LikelihoodEstimate') } } }) },
        ...errorResponses(401, 403, 404, 429),
      },
    },
    {
      method: 'post',
      path: '/scenarios/{id}/estimates',
      tag: 'Scenario',
      summary: 'Record a likelihood estimate (ICD 203)',
      description: 'probability is in percent (1-99) and must lie in the band of the chosen likelihood term. Refused (409) once the scenario is resolved.',
      permission: 'estimates:write',
      parameters: [idParam],
      requestBody: { required: true, content: jsonContent(estimateBody) },
      responses: { '201': { description: 'Recorded', content: jsonContent(ref('LikelihoodEstimate')) }, ...errorResponses(401, 403, 404, 409, 422, 429) },
    },
    {
      method: 'post',
      path: '/scenarios/{id}/resolve',
      tag: 'Scenario',
      summary: 'Record whether a scenario happened',
      permission: 'scenarios:write',
      parameters: [idParam],
      requestBody: { required: true, content: jsonContent(resolveBody) },
      responses: { '200': { description: 'Resolved', content: jsonContent(ref('Scenario')) }, ...errorResponses(401, 403, 404, 409, 422, 429) },
    },
    {
      method: 'post',
      path: '/scenarios/{id}/annulment',
      tag: 'Scenario',
      summary: 'Annul a scenario’s resolution (admin)',
      description:
        'The reason is required. The outcome and scores are kept but count in no Brier score, calibration or track record until the annulment is undone. Audited. 409 if the scenario is not resolved or already annulled.',
      permission: 'resolutions:annul',
      parameters: [idParam],
      requestBody: { required: true, content: jsonContent(annulBody) },
      responses: { '200': { description: 'Annulled', content: jsonContent(ref('Scenario')) }, ...errorResponses(401, 403, 404, 409, 422, 429) },
    },
    {
      method: 'delete',
      path: '/scenarios/{id}/annulment',
      tag: 'Scenario',
      summary: 'Undo the annulment of a scenario’s resolution (admin)',
      description: 'Restores the resolution as it was. Audited. 409 if the resolution is not annulled.',
      permission: 'resolutions:annul',
      parameters: [idParam],
      responses: { '200': { description: 'Resolution restored', content: jsonContent(ref('Scenario')) }, ...errorResponses(401, 403, 404, 409, 429) },
    },
    {
      method: 'post',
      path: '/issues/{id}/resolution',
      tag: 'Issue',
      summary: 'Resolve an issue with the position it actually reached',
      description:
        'Every model’s forecast on the issue’s current positions is frozen and scored against outcomePosition (0-100), and counts in the track record. Audited. 409 if the issue is already resolved.',
      permission: 'scenarios:write',
      parameters: [idParam],
      requestBody: { required: true, content: jsonContent(inputSchema(issueResolveSchema, { omit: ['id'] })) },
      responses: { '200': { description: 'Resolved', content: jsonContent(ref('Issue')) }, ...errorResponses(401, 403, 404, 409, 422, 429) },
    },
    {
      method: 'post',
      path: '/import/assessments',
      tag: 'Import and export',
      summary: 'Import assessments from a CSV or JSON file',
      description:
        'The body is the file itself (UTF-8, UTF-8 with BOM, or UTF-16 with BOM; at most IMPORT_MAX_BYTES, 50 MB by default). ' +
        'CSV: RFC 4180, a header row naming the columns, comma (or semicolon/tab, detected from the header). JSON: an array of row objects with the same keys, or { "assessments": [...] }.\n\n' +
        `Columns (names match loosely: "Stance date", "stanceDate" and "stance_date" are the same):\n${columns}\n\n` +
        'Actors are matched by name (or a unique alias), issues by title, sources by title (narrowed by source_outlet and source_published), all case-insensitively. ' +
        'With createMissing=true, unknown actors and sources are created (a new source needs source_outlet and source_published); an unknown issue is created only if the row gives issue_anchors, because an issue without its labelled scale would make every position meaningless.\n\n' +
        'mode=check (default) reads and checks every row with the same rules as the assessment form and writes nothing: the report lists every problem with its line, column and reason. ' +
        'mode=commit checks again and writes all rows in one transaction (each assessment with its revision 1), or nothing: 422 with the same report in error.details if any row has a problem. ' +
        'Pass the sha256 from the check to be sure the file written is the one checked (409 if not). ' +
        'With Accept: application/x-ndjson the answer is a stream of {"type":"progress","phase","done","total"} lines, then {"type":"result","status","result"} or {"type":"error","status","error"}.',
      permission: 'records:write',
      parameters: queryParameters(importQuerySchema),
      requestBody: {
        required: true,
        content: { 'text/csv': { schema: { type: 'string' } }, 'application/json': { schema: { type: 'array', items: { type: 'object' } } } },
      },
      responses: {
        '200': { description: 'mode=check: the report (ok false when rows have problems)', content: jsonContent(ref('ImportReport')) },
        '201': { description: 'mode=commit: imported', content: jsonContent(ref('ImportReport')) },
        ...errorResponses(401, 403, 409, 413, 422, 429),
      },
    },
    {
      method: 'get',
      path: '/export',
      tag: 'Import and export',
      summary: 'Export the whole workspace as JSON',
      description:
        'Every record, deleted ones too: actors, issues, sources (with their text), stated interests, assessments with their revision history, scenarios with their actor overrides and likelihood estimates. Records reference each other by key (their id here), users by key with their email. Read in one consistent snapshot.',
      permission: 'workspace:read',
      responses: { '200': { description: 'The export (a download)', content: jsonContent(ref('WorkspaceExport')) }, ...errorResponses(401, 403, 429) },
    },
    {
      method: 'post',
      path: '/import/workspace',
      tag: 'Import and export',
      summary: 'Import a workspace export into this (empty) workspace',
      description:
        'The body is a file from GET /export. The workspace must have no records at all (409 otherwise). Everything is checked first with the forms’ rules (422 lists every problem by path, e.g. assessments.12.position), then written in one transaction with new ids, keeping versions, timestamps, deletions and history. Users are matched by email to members of this workspace; records of anyone else are attributed to you (listed in the answer). Admins only.',
      permission: 'members:manage',
      requestBody: { required: true, content: jsonContent(ref('WorkspaceExport')) },
      responses: {
        '201': {
          description: 'Imported',
          content: jsonContent({
            type: 'object',
            properties: {
              counts: { type: 'object', additionalProperties: { type: 'integer' } },
              users: { type: 'object', properties: { matched: { type: 'integer' }, attributedToImporter: { type: 'array', items: { type: 'string' } } } },
            },
          }),
        },
        ...errorResponses(401, 403, 409, 413, 422, 429),
      },
    },
    {
      method: 'get',
      path: '/openapi.json',
      tag: 'About the API',
      summary: 'This document',
      description: 'Like every endpoint, it needs a session or a token: the API describes a workspace’s data model, which is not public.',
      permission: 'workspace:read',
      responses: { '200': { description: 'OpenAPI 3.1' }, ...errorResponses(401, 429) },
    },
    {
      method: 'get',
      path: '/notifications',
      tag: 'Alerts',
      summary: 'Your notifications, newest first',
      description:
        'What your watches matched in this workspace: SHIFT (an actor’s current position moved by more than a threshold), EVENT (a new event), LIKELIHOOD (a new likelihood estimate). ' +
        'Each item has a sentence (text), a link (href), and for shifts the position before and after (from, to). unread is the count of unread ones; page on with before=nextBefore. ' +
        'The browser app also streams them as server-sent events from /api/notifications/stream.',
      permission: 'workspace:read',
      parameters: queryParameters(notificationListSchema),
      responses: { '200': { description: '{ items, unread, nextBefore }', content: jsonContent({ type: 'object' }) }, ...errorResponses(401, 422, 429) },
    },
    {
      method: 'post',
      path: '/notifications/{id}/read',
      tag: 'Alerts',
      summary: 'Mark one of your notifications read',
      permission: 'workspace:read',
      parameters: [idParam],
      responses: { '204': { description: 'Read' }, ...errorResponses(401, 404, 429) },
    },
    {
      method: 'post',
      path: '/notifications/read-all',
      tag: 'Alerts',
      summary: 'Mark all your notifications in this workspace read',
      permission: 'workspace:read',
      responses: { '200': { description: '{ count }: how many were unread', content: jsonContent({ type: 'object' }) }, ...errorResponses(401, 429) },
    },
    {
      method: 'get',
      path: '/watches',
      tag: 'Alerts',
      summary: 'Your watches in this workspace',
      permission: 'workspace:read',
      responses: { '200': { description: '{ items: [{ id, threshold, actor, issue }] }', content: jsonContent({ type: 'object' }) }, ...errorResponses(401, 429) },
    },
    {
      method: 'post',
      path: '/watches',
      tag: 'Alerts',
      summary: 'Watch an actor or an issue (again: changes the threshold)',
      description: 'threshold: scale points (0-100) that one change must move a current position by, strictly more, to notify you. Every role may watch, for themselves.',
      permission: 'workspace:read',
      requestBody: { required: true, content: jsonContent(inputSchema(watchSchema)) },
      responses: { '201': { description: '{ id, threshold }', content: jsonContent({ type: 'object' }) }, ...errorResponses(401, 422, 429) },
    },
    {
      method: 'delete',
      path: '/watches/{id}',
      tag: 'Alerts',
      summary: 'Stop watching',
      permission: 'workspace:read',
      parameters: [idParam],
      responses: { '204': { description: 'Removed' }, ...errorResponses(401, 404, 429) },
    },
  ];
}

export interface ApiDocument {
  document: Json;
  operations: Operation[];
}

let cached: ApiDocument | undefined;

/** Roles that hold a permission, for the docs ("Analyst, Admin"). */
export function rolesWith(permission: Permission): string {
  return Object.values(Role)
    .filter((r) => roleCan(r, permission))
    .map((r) => ROLE_LABELS[r])
    .join(', ');
}

export function buildApiDocument(resources: ApiResource<{ id: string }>[]): ApiDocument {
  if (cached) return cached;
  jsonSchema(errorDto, 'output');
  const operations = [...resources.flatMap(resourceOperations), ...otherOperations()];
  const paths: Record<string, Json> = {};
  for (const op of operations) {
    (paths[op.path] ??= {})[op.method] = {
      tags: [op.tag],
      summary: op.summary,
      ...(op.description ? { description: op.description } : {}),
      operationId: `${op.method}${op.path.replace(/\{id\}/g, 'ById').replace(/[^a-zA-Z]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
      'x-permission': op.permission,
      'x-roles': rolesWith(op.permission),
      ...(op.parameters?.length ? { parameters: op.parameters } : {}),
      ...(op.requestBody ? { requestBody: op.requestBody } : {}),
      responses: op.responses,
    };
  }
  const document: Json = {
    openapi: '3.1.0',
    info: {
      title: 'Stanceboard API',
      version: '1',
      description:
        'Records of one workspace: actors, issues, sources, stated interests, assessments and scenarios; import and export. ' +
        'Authenticate with a personal API token (Settings → API tokens) as `Authorization: Bearer sb_…`, or with the browser session. ' +
        'A token acts in the one workspace it was made for, with the lower of the role chosen for it and its owner’s current role. ' +
        'Each token (or signed-in user) may make API_RATE_LIMIT_PER_MINUTE requests a minute (600 by default); beyond that 429 with Retry-After. ' +
        'Errors are { "error": { "code", "message", "fieldErrors" } } with the HTTP status of the code.',
    },
    servers: [{ url: '/api/v1' }],
    security: [{ bearerToken: [] }, { session: [] }],
    tags: [...new Set(operations.map((o) => o.tag))].map((name) => ({ name })),
    paths,
    components: {
      ...components,
      securitySchemes: {
        bearerToken: { type: 'http', scheme: 'bearer', description: 'A personal API token, sb_…' },
        session: { type: 'apiKey', in: 'cookie', name: 'authjs.session-token', description: 'The signed-in browser session (same-origin requests only)' },
      },
    },
  };
  cached = { document, operations };
  return cached;
}
