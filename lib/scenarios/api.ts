import { z } from 'zod';
import { authorize, type Ctx } from '../auth/context';
import { db } from '../db';
import type { Prisma } from '../generated/prisma/client';
import { cursorListParams, cursorPage, type SortSpecs } from '../records/cursor';
import { parseInput } from '../validation';

// Cursor-paginated scenario list for the API: the same filters as the scenarios page (listScenarios).

const SORTS: SortSpecs<'name' | 'asOf' | 'createdAt' | 'updatedAt'> = {
  name: { type: 'string' },
  asOf: { type: 'date' },
  createdAt: { type: 'date' },
  updatedAt: { type: 'date' },
};

export const scenarioCursorListSchema = cursorListParams(['name', 'asOf', 'createdAt', 'updatedAt'] as const, 'updatedAt', 'desc').extend({
  issue: z.uuid({ error: 'issue must be an issue id' }).optional(),
  status: z.enum(['open', 'resolved', 'annulled'], { error: 'status must be open, resolved or annulled' }).optional(),
});

export function scenarioWhere(
  workspaceId: string,
  p: { q: string; deleted: 'exclude' | 'only'; issue?: string; status?: 'open' | 'resolved' | 'annulled' },
): Prisma.ScenarioWhereInput {
  return {
    workspaceId,
    deletedAt: p.deleted === 'only' ? { not: null } : null,
    ...(p.issue ? { issueId: p.issue } : {}),
    // "resolved" counts only resolutions that stand; an annulled one is listed under "annulled".
    ...(p.status === 'open'
      ? { outcome: null }
      : p.status === 'resolved'
        ? { outcome: { not: null }, annulledAt: null }
        : p.status === 'annulled'
          ? { annulledAt: { not: null } }
          : {}),
    ...(p.q ? { OR: [{ name: { contains: p.q, mode: 'insensitive' } }, { description: { contains: p.q, mode: 'insensitive' } }] } : {}),
  };
}

export async function listScenariosByCursor(ctx: Ctx, raw: unknown) {
  authorize(ctx, 'workspace:read');
  const p = parseInput(scenarioCursorListSchema, raw);
  return cursorPage(p, SORTS, scenarioWhere(ctx.workspaceId, p) as Record<string, unknown>, (args) =>
    db().scenario.findMany(args as Prisma.ScenarioFindManyArgs),
  );
}
