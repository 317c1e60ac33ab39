import { IMPORT_COLUMNS } from '../import/columns';
import { importReportSchema } from '../import/report';
import { workspaceExportSchema } from '../export/format';
import { notificationListSchema, watchSchema } from '../notifications/schema';
import { annulResolutionSchema, estimateCreateSchema, resolveSchema } from '../scenarios/schema';
import { issueResolveSchema } from '../issues/schema';
import { estimateDto, revisionDto } from './dto';
import { importQuerySchema } from './import-query';
import type { Operation } from './openapi';
import { errorResponses, idParam, inputSchema, jsonContent, jsonSchema, queryParameters, ref } from './openapi-json-schema';

// The operations that are not a resource's CRUD: revisions, estimates, resolution, import, export, the
// document itself, notifications and watches.

export function otherOperations(): Operation[] {
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
