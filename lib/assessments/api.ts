import { z } from 'zod';
import { authorize, type Ctx } from '../auth/context';
import { readDb } from '../db';
import type { Prisma } from '../generated/prisma/client';
import { Confidence } from '../generated/prisma/enums';
import { cursorListParams, cursorPage, type SortSpecs } from '../records/cursor';
import { isoDate, parseInput } from '../validation';

// Cursor-paginated assessment list for the API: the same filters as the assessments page (listAssessments).

const SORTS: SortSpecs<'stanceDate' | 'position' | 'createdAt' | 'updatedAt'> = {
  stanceDate: { type: 'date' },
  position: { type: 'number' },
  createdAt: { type: 'date' },
  updatedAt: { type: 'date' },
};

export const assessmentCursorListSchema = cursorListParams(['stanceDate', 'position', 'createdAt', 'updatedAt'] as const, 'stanceDate', 'desc').extend({
  actor: z.uuid({ error: 'actor must be an actor id' }).optional(),
  issue: z.uuid({ error: 'issue must be an issue id' }).optional(),
  source: z.uuid({ error: 'source must be a source id' }).optional(),
  confidence: z.enum(Confidence, { error: 'confidence must be one of: LOW, MODERATE, HIGH' }).optional(),
  from: isoDate('from').optional(),
  to: isoDate('to').optional(),
});

export function assessmentWhere(
  workspaceId: string,
  p: { q: string; deleted: 'exclude' | 'only'; actor?: string; issue?: string; source?: string; confidence?: Confidence; from?: string; to?: string },
): Prisma.AssessmentWhereInput {
  return {
    workspaceId,
    deletedAt: p.deleted === 'only' ? { not: null } : null,
    ...(p.actor ? { actorId: p.actor } : {}),
    ...(p.issue ? { issueId: p.issue } : {}),
    ...(p.source ? { sourceId: p.source } : {}),
    ...(p.confidence ? { confidence: p.confidence } : {}),
    ...(p.from || p.to
      ? { stanceDate: { ...(p.from ? { gte: new Date(`${p.from}T00:00:00Z`) } : {}), ...(p.to ? { lte: new Date(`${p.to}T00:00:00Z`) } : {}) } }
      : {}),
    ...(p.q ? { OR: [{ quote: { contains: p.q, mode: 'insensitive' } }, { rationale: { contains: p.q, mode: 'insensitive' } }] } : {}),
  };
}

export async function listAssessmentsByCursor(ctx: Ctx, raw: unknown) {
  authorize(ctx, 'workspace:read');
  const p = parseInput(assessmentCursorListSchema, raw);
  return cursorPage(p, SORTS, assessmentWhere(ctx.workspaceId, p) as Record<string, unknown>, (args) =>
    readDb(ctx).assessment.findMany(args as Prisma.AssessmentFindManyArgs),
  );
}
