import 'server-only';
import { createInterest, updateInterest } from '../../interests/commands';
import { getInterest, interestListSchema, listInterests } from '../../interests/queries';
import { interestCreateSchema, interestUpdateSchema } from '../../interests/schema';
import { deleteRecord } from '../../records/soft-delete';
import { interestDto, toInterestDto, type InterestDto } from '../dto';
import type { ApiResource } from '../resource';
import { nameMaps } from './lookups';

export const interestsResource: ApiResource<InterestDto> = {
  path: 'interests',
  label: 'Stated interest',
  description: 'What an actor says it wants, in its own words, with the source and the date it said so.',
  readPermission: 'workspace:read',
  writePermission: 'records:write',
  listQuery: interestListSchema,
  createSchema: interestCreateSchema,
  updateSchema: interestUpdateSchema,
  dto: interestDto,
  editable: ['actorId', 'sourceId', 'statedOn', 'quote', 'summary'],
  async list(ctx, query) {
    const page = await listInterests(ctx, query, 'api');
    return { items: page.items.map(toInterestDto), nextCursor: page.nextCursor };
  },
  get: async (ctx, id) => toInterestDto(await getInterest(ctx, id)),
  create: createInterest,
  update: updateInterest,
  remove: (ctx, id) => deleteRecord(ctx, 'interest', { id }),
  csv: {
    header: ['actor', 'source', 'stated_on', 'quote', 'summary', 'recorded_by', 'id', 'version', 'created_at', 'updated_at', 'deleted_at'],
    async rows(ctx, items) {
      const names = await nameMaps(ctx, {
        actors: items.map((i) => i.actorId),
        sources: items.map((i) => i.sourceId),
        users: items.map((i) => i.createdById),
      });
      return items.map((i) => [
        names.actor.get(i.actorId) ?? '',
        names.source.get(i.sourceId)?.title ?? '',
        i.statedOn,
        i.quote,
        i.summary,
        names.user.get(i.createdById) ?? '',
        i.id,
        i.version,
        i.createdAt,
        i.updatedAt,
        i.deletedAt,
      ]);
    },
  },
};
