import 'server-only';
import { createIssue, updateIssue } from '../../issues/commands';
import { getIssue, issueListSchema, listIssues } from '../../issues/queries';
import { resolveIssue } from '../../issues/resolution';
import { issueCreateSchema, issueUpdateSchema } from '../../issues/schema';
import { deleteRecord } from '../../records/soft-delete';
import { issueDto, toIssueDto, type IssueDto } from '../dto';
import { apiRoute, json } from '../handler';
import { readJsonObject } from '../body';
import type { ApiResource } from '../resource';
import { anchorsCell } from './lookups';

export const issuesResource: ApiResource<IssueDto> = {
  path: 'issues',
  label: 'Issue',
  description: 'A contested question with a 0-100 position scale and labelled anchor points (at least at 0 and 100).',
  readPermission: 'workspace:read',
  writePermission: 'records:write',
  listQuery: issueListSchema,
  createSchema: issueCreateSchema,
  updateSchema: issueUpdateSchema,
  dto: issueDto,
  editable: ['title', 'description', 'anchors'],
  async list(ctx, query) {
    const page = await listIssues(ctx, query, 'api');
    return { items: page.items.map(toIssueDto), nextCursor: page.nextCursor };
  },
  get: async (ctx, id) => toIssueDto(await getIssue(ctx, id)),
  create: createIssue,
  update: updateIssue,
  remove: (ctx, id) => deleteRecord(ctx, 'issue', { id }),
  csv: {
    header: ['title', 'description', 'anchors', 'id', 'version', 'created_at', 'updated_at', 'deleted_at'],
    rows: async (_ctx, items) =>
      items.map((i) => [i.title, i.description, anchorsCell(i.anchors), i.id, i.version, i.createdAt, i.updatedAt, i.deletedAt]),
  },
};

/** POST /issues/{id}/resolution: { outcomePosition }. */
export const resolveIssueRoute = apiRoute<{ id: string }>({ permission: 'scenarios:write' }, async ({ ctx, request, params }) => {
  const body = await readJsonObject(request);
  await resolveIssue(ctx, { ...body, id: params.id });
  return json(toIssueDto(await getIssue(ctx, params.id)));
});
