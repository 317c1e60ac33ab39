import { authorize, type Ctx } from '../auth/context';
import { roleCan } from '../auth/permissions';
import { db } from '../db';
import type { Prisma } from '../generated/prisma/client';

// Anchoring guard (as Fatebook and Cultivate Labs do): when the workspace asks for it, an analyst sees
// colleagues' estimates of an open scenario only after making their own. Viewers never estimate, so
// there is nothing of theirs to anchor and they see everything; once a scenario is resolved, all show.

export interface EstimateVisibility {
  /** Colleagues' estimates are withheld from this caller. */
  hidden: boolean;
}

/** Which of the given scenarios hide colleagues' estimates from the caller (ids of the hidden ones). */
export async function scenariosHidingEstimates(ctx: Ctx, scenarios: readonly { id: string; outcome: string | null }[]): Promise<Set<string>> {
  authorize(ctx, 'workspace:read');
  const open = scenarios.filter((s) => s.outcome === null).map((s) => s.id);
  if (!open.length || !roleCan(ctx.role, 'estimates:write')) return new Set();
  const workspace = await db().workspace.findUnique({ where: { id: ctx.workspaceId }, select: { hideEstimatesUntilOwn: true } });
  if (!workspace?.hideEstimatesUntilOwn) return new Set();
  const own = await db().likelihoodEstimate.findMany({
    where: { workspaceId: ctx.workspaceId, analystId: ctx.userId, scenarioId: { in: open } },
    select: { scenarioId: true },
    distinct: ['scenarioId'],
  });
  const estimated = new Set(own.map((e) => e.scenarioId));
  return new Set(open.filter((id) => !estimated.has(id)));
}

/** The estimates of one scenario the caller may read: all, or (while hidden) only their own, which is none. */
export async function visibleEstimatesWhere(
  ctx: Ctx,
  scenario: { id: string; outcome: string | null },
): Promise<{ where: Prisma.LikelihoodEstimateWhereInput; visibility: EstimateVisibility }> {
  const hidden = (await scenariosHidingEstimates(ctx, [scenario])).has(scenario.id);
  return {
    where: { scenarioId: scenario.id, workspaceId: ctx.workspaceId, ...(hidden ? { analystId: ctx.userId } : {}) },
    visibility: { hidden },
  };
}
