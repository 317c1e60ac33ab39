import type { Permission } from '../auth/permissions';
import { ROLE_LABELS, roleCan } from '../auth/permissions';
import { Role } from '../generated/prisma/enums';
import { errorDto } from './dto';
import { components, jsonSchema, type Json } from './openapi-json-schema';
import { otherOperations } from './openapi-operations';
import { resourceOperations } from './openapi-resources';
import type { ApiResource } from './resource';

// The OpenAPI 3.1 document, generated from the same zod schemas the API validates with (inputs) and
// types its answers by (lib/api/dto.ts). Served at /api/v1/openapi.json and rendered by /api-docs.

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
