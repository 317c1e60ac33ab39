import 'server-only';
import { deleteRecord } from '../../records/soft-delete';
import { createSource, updateSource } from '../../sources/commands';
import { getSource, listSources, sourceListSchema } from '../../sources/queries';
import { sourceCreateSchema, sourceUpdateSchema } from '../../sources/schema';
import { sourceDto, toSourceDto, type SourceDto } from '../dto';
import type { ApiResource } from '../resource';
import { nameMaps } from './lookups';

export const sourcesResource: ApiResource<SourceDto> = {
  path: 'sources',
  label: 'Source',
  description: 'Where a reading comes from: outlet, author, title, URL, publication date, kind and Admiralty reliability grade (A-F).',
  readPermission: 'workspace:read',
  writePermission: 'records:write',
  listQuery: sourceListSchema,
  createSchema: sourceCreateSchema,
  updateSchema: sourceUpdateSchema,
  dto: sourceDto,
  editable: ['title', 'outlet', 'author', 'url', 'publishedAt', 'kind', 'reliability', 'body', 'citedInId', 'origin'],
  async list(ctx, query) {
    const page = await listSources(ctx, query, 'api');
    return { items: page.items.map(toSourceDto), nextCursor: page.nextCursor };
  },
  get: async (ctx, id) => toSourceDto(await getSource(ctx, id)),
  create: createSource,
  update: updateSource,
  remove: (ctx, id) => deleteRecord(ctx, 'source', { id }),
  csv: {
    header: ['title', 'outlet', 'author', 'url', 'published', 'kind', 'reliability', 'cited_in', 'origin', 'id', 'version', 'created_at', 'updated_at', 'deleted_at'],
    async rows(ctx, items) {
      const names = await nameMaps(ctx, { sources: items.map((s) => s.citedInId ?? '') });
      return items.map((s) => [
        s.title,
        s.outlet,
        s.author,
        s.url,
        s.publishedAt,
        s.kind,
        s.reliability,
        s.citedInId ? (names.source.get(s.citedInId)?.title ?? '') : '',
        s.origin ?? '',
        s.id,
        s.version,
        s.createdAt,
        s.updatedAt,
        s.deletedAt,
      ]);
    },
  },
};
