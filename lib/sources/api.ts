import { z } from 'zod';
import { authorize, type Ctx } from '../auth/context';
import { db } from '../db';
import type { Prisma } from '../generated/prisma/client';
import { Reliability, SourceKind } from '../generated/prisma/enums';
import { cursorListParams, cursorPage, type SortSpecs } from '../records/cursor';
import { parseInput } from '../validation';

// Cursor-paginated source list for the API: the same filters as the sources page (listSources).
// Lists leave out the full text (body); GET /sources/{id} has it.

const SORTS: SortSpecs<'publishedAt' | 'title' | 'outlet' | 'reliability' | 'updatedAt' | 'createdAt'> = {
  publishedAt: { type: 'date' },
  title: { type: 'string' },
  outlet: { type: 'string' },
  reliability: { type: 'enum', values: Object.values(Reliability) },
  updatedAt: { type: 'date' },
  createdAt: { type: 'date' },
};

export const sourceCursorListSchema = cursorListParams(
  ['publishedAt', 'title', 'outlet', 'reliability', 'updatedAt', 'createdAt'] as const,
  'publishedAt',
  'desc',
).extend({
  kind: z.enum(SourceKind, { error: `kind must be one of: ${Object.values(SourceKind).join(', ')}` }).optional(),
  reliability: z.enum(Reliability, { error: 'reliability must be one of: A, B, C, D, E, F' }).optional(),
});

export function sourceWhere(
  workspaceId: string,
  p: { q: string; deleted: 'exclude' | 'only'; kind?: SourceKind; reliability?: Reliability },
): Prisma.SourceWhereInput {
  return {
    workspaceId,
    deletedAt: p.deleted === 'only' ? { not: null } : null,
    ...(p.kind ? { kind: p.kind } : {}),
    ...(p.reliability ? { reliability: p.reliability } : {}),
    ...(p.q
      ? { OR: [{ title: { contains: p.q, mode: 'insensitive' } }, { outlet: { contains: p.q, mode: 'insensitive' } }, { author: { contains: p.q, mode: 'insensitive' } }] }
      : {}),
  };
}

export async function listSourcesByCursor(ctx: Ctx, raw: unknown) {
  authorize(ctx, 'workspace:read');
  const p = parseInput(sourceCursorListSchema, raw);
  return cursorPage(p, SORTS, sourceWhere(ctx.workspaceId, p) as Record<string, unknown>, (args) =>
    db().source.findMany({ ...(args as Prisma.SourceFindManyArgs), omit: { body: true } }),
  );
}
