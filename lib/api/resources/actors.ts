import 'server-only';
import { createActor, updateActor } from '../../actors/commands';
import { actorListSchema, getActor, listActors } from '../../actors/queries';
import { actorCreateSchema, actorUpdateSchema } from '../../actors/schema';
import { deleteRecord } from '../../records/soft-delete';
import { actorDto, toActorDto, type ActorDto } from '../dto';
import type { ApiResource } from '../resource';
import { nameMaps } from './lookups';

export const actorsResource: ApiResource<ActorDto> = {
  path: 'actors',
  label: 'Actor',
  description: 'A person, state, organisation or armed group. People can belong to a larger actor (parentId).',
  readPermission: 'workspace:read',
  writePermission: 'records:write',
  listQuery: actorListSchema,
  createSchema: actorCreateSchema,
  updateSchema: actorUpdateSchema,
  dto: actorDto,
  editable: ['name', 'kind', 'aliases', 'parentId', 'description'],
  async list(ctx, query) {
    const page = await listActors(ctx, query, 'api');
    return { items: page.items.map(toActorDto), nextCursor: page.nextCursor };
  },
  get: async (ctx, id) => toActorDto(await getActor(ctx, id)),
  create: createActor,
  update: updateActor,
  remove: (ctx, id) => deleteRecord(ctx, 'actor', { id }),
  csv: {
    header: ['name', 'kind', 'aliases', 'parent', 'description', 'id', 'version', 'created_at', 'updated_at', 'deleted_at'],
    async rows(ctx, items) {
      const names = await nameMaps(ctx, { actors: items.map((a) => a.parentId ?? '') });
      return items.map((a) => [
        a.name,
        a.kind,
        a.aliases.join('; '),
        a.parentId ? (names.actor.get(a.parentId) ?? '') : '',
        a.description,
        a.id,
        a.version,
        a.createdAt,
        a.updatedAt,
        a.deletedAt,
      ]);
    },
  },
};
