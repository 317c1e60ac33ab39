import { z } from 'zod';
import { authorize, type Ctx } from '../auth/context';
import { db } from '../db';
import type { Prisma } from '../generated/prisma/client';
import { ActorKind } from '../generated/prisma/enums';
import { cursorListParams, cursorPage, type SortSpecs } from '../records/cursor';
import { parseInput } from '../validation';

// Cursor-paginated actor list for the API: the same filters as the actors page (listActors).

const SORTS: SortSpecs<'name' | 'kind' | 'updatedAt' | 'createdAt'> = {
  name: { type: 'string' },
  kind: { type: 'enum', values: Object.values(ActorKind) },
  updatedAt: { type: 'date' },
  createdAt: { type: 'date' },
};

export const actorCursorListSchema = cursorListParams(['name', 'kind', 'updatedAt', 'createdAt'] as const, 'name', 'asc').extend({
  kind: z.enum(ActorKind, { error: `kind must be one of: ${Object.values(ActorKind).join(', ')}` }).optional(),
  parent: z.uuid({ error: 'parent must be an actor id' }).optional(),
});

export function actorWhere(workspaceId: string, p: { q: string; deleted: 'exclude' | 'only'; kind?: ActorKind; parent?: string }): Prisma.ActorWhereInput {
  return {
    workspaceId,
    deletedAt: p.deleted === 'only' ? { not: null } : null,
    ...(p.kind ? { kind: p.kind } : {}),
    ...(p.parent ? { parentId: p.parent } : {}),
    ...(p.q
      ? { OR: [{ name: { contains: p.q, mode: 'insensitive' } }, { aliases: { has: p.q } }, { description: { contains: p.q, mode: 'insensitive' } }] }
      : {}),
  };
}

export async function listActorsByCursor(ctx: Ctx, raw: unknown) {
  authorize(ctx, 'workspace:read');
  const p = parseInput(actorCursorListSchema, raw);
  return cursorPage(p, SORTS, actorWhere(ctx.workspaceId, p) as Record<string, unknown>, (args) =>
    db().actor.findMany(args as Prisma.ActorFindManyArgs),
  );
}
