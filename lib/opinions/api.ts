import { z } from 'zod';
import { authorize, type Ctx } from '../auth/context';
import { db } from '../db';
import type { Prisma } from '../generated/prisma/client';
import { OpinionStance } from '../generated/prisma/enums';
import { cursorListParams, cursorPage, type SortSpecs } from '../records/cursor';
import { parseInput } from '../validation';

// Cursor-paginated opinion list for the API.

const SORTS: SortSpecs<'createdAt' | 'updatedAt'> = { createdAt: { type: 'date' }, updatedAt: { type: 'date' } };

export const opinionCursorListSchema = cursorListParams(['createdAt', 'updatedAt'] as const, 'createdAt', 'desc').extend({
  assessment: z.uuid({ error: 'assessment must be an assessment id' }).optional(),
  author: z.uuid({ error: 'author must be a user id' }).optional(),
  stance: z.enum(OpinionStance, { error: 'stance must be one of: AGREE, PARTLY_AGREE, DISAGREE' }).optional(),
});

export async function listOpinionsByCursor(ctx: Ctx, raw: unknown) {
  authorize(ctx, 'workspace:read');
  const p = parseInput(opinionCursorListSchema, raw);
  const where: Prisma.AssessmentOpinionWhereInput = {
    workspaceId: ctx.workspaceId,
    deletedAt: p.deleted === 'only' ? { not: null } : null,
    ...(p.assessment ? { assessmentId: p.assessment } : {}),
    ...(p.author ? { authorId: p.author } : {}),
    ...(p.stance ? { stance: p.stance } : {}),
    ...(p.q ? { comment: { contains: p.q, mode: 'insensitive' } } : {}),
  };
  return cursorPage(p, SORTS, where as Record<string, unknown>, (args) => db().assessmentOpinion.findMany(args as Prisma.AssessmentOpinionFindManyArgs));
}
