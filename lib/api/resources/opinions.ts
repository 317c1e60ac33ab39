import 'server-only';
import { createOpinion, deleteOpinion, updateOpinion } from '../../opinions/commands';
import { listOpinionsByCursor, opinionCursorListSchema } from '../../opinions/api';
import { getOpinion } from '../../opinions/queries';
import { opinionCreateSchema, opinionUpdateSchema } from '../../opinions/schema';
import { opinionDto, toOpinionDto, type OpinionDto } from '../dto';
import type { ApiResource } from '../resource';
import { nameMaps } from './lookups';

export const opinionsResource: ApiResource<OpinionDto> = {
  path: 'opinions',
  label: 'Opinion',
  description:
    "A colleague's opinion of an assessment: agree, partly agree or disagree, optionally with their own position and a comment. One per analyst per assessment; only its author edits it.",
  readPermission: 'workspace:read',
  writePermission: 'records:write',
  listQuery: opinionCursorListSchema,
  createSchema: opinionCreateSchema,
  updateSchema: opinionUpdateSchema,
  dto: opinionDto,
  editable: ['stance', 'position', 'comment'],
  async list(ctx, query) {
    const page = await listOpinionsByCursor(ctx, query);
    return { items: page.items.map(toOpinionDto), nextCursor: page.nextCursor };
  },
  get: async (ctx, id) => toOpinionDto(await getOpinion(ctx, id)),
  create: createOpinion,
  update: updateOpinion,
  async remove(ctx, id) {
    await deleteOpinion(ctx, { id });
  },
  csv: {
    header: ['assessment_id', 'author', 'stance', 'position', 'comment', 'id', 'version', 'created_at', 'updated_at', 'deleted_at'],
    async rows(ctx, items) {
      const names = await nameMaps(ctx, { users: items.map((o) => o.authorId) });
      return items.map((o) => [o.assessmentId, names.user.get(o.authorId) ?? '', o.stance, o.position, o.comment, o.id, o.version, o.createdAt, o.updatedAt, o.deletedAt]);
    },
  },
};
