import { z } from 'zod';
import { authorize, type Ctx } from '../auth/context';
import { db } from '../db';
import type { Prisma } from '../generated/prisma/client';
import { cursorListParams, cursorPage, type SortSpecs } from '../records/cursor';
import { parseInput } from '../validation';

// Cursor-paginated stated-interest list for the API: the same filters as the page (listInterests).

const SORTS: SortSpecs<'statedOn' | 'createdAt' | 'updatedAt'> = {
  statedOn: { type: 'date' },
  createdAt: { type: 'date' },
  updatedAt: { type: 'date' },
};

export const interestCursorListSchema = cursorListParams(['statedOn', 'createdAt', 'updatedAt'] as const, 'statedOn', 'desc').extend({
  actor: z.uuid({ error: 'actor must be an actor id' }).optional(),
  source: z.uuid({ error: 'source must be a source id' }).optional(),
});

export function interestWhere(
  workspaceId: string,
  p: { q: string; deleted: 'exclude' | 'only'; actor?: string; source?: string },
): Prisma.StatedInterestWhereInput {
  return {
    workspaceId,
    deletedAt: p.deleted === 'only' ? { not: null } : null,
    ...(p.actor ? { actorId: p.actor } : {}),
    ...(p.source ? { sourceId: p.source } : {}),
    ...(p.q ? { OR: [{ quote: { contains: p.q, mode: 'insensitive' } }, { summary: { contains: p.q, mode: 'insensitive' } }] } : {}),
  };
}

export async function listInterestsByCursor(ctx: Ctx, raw: unknown) {
  authorize(ctx, 'workspace:read');
  const p = parseInput(interestCursorListSchema, raw);
  return cursorPage(p, SORTS, interestWhere(ctx.workspaceId, p) as Record<string, unknown>, (args) =>
    db().statedInterest.findMany(args as Prisma.StatedInterestFindManyArgs),
  );
}
