import type { Operation } from './openapi';
import { components, errorResponses, idParam, inputSchema, jsonContent, jsonSchema, queryParameters, ref, type Json } from './openapi-json-schema';
import type { ApiResource } from './resource';

// The create, list, read, update, replace and delete operations of each API resource (lib/api/resources).

const article = (word: string) => (/^[aeiou]/i.test(word) ? `an ${word}` : `a ${word}`);

export function resourceOperations(r: ApiResource<{ id: string }>): Operation[] {
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
