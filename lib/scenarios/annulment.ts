import 'server-only';
import { audit } from '../audit';
import { authorize, type Ctx } from '../auth/context';
import { db } from '../db';
import { AppError, notFound } from '../errors';
import type { Prisma } from '../generated/prisma/client';
import { parseInput } from '../validation';
import { OUTCOME_LABELS } from './likelihood';
import { annulResolutionSchema, undoAnnulmentSchema } from './schema';

// Annulling a resolution. A resolution recorded on a wrong reading of the test, or settled on bad
// information, should not stay in anyone's record. An admin annuls it with a reason: the scenario is
// then "resolved, annulled": its outcome, position reached and frozen model scores stay on the row
// (so the annulment can be undone exactly), but it counts in no Brier score, calibration or track
// record (COUNTED_RESOLUTION below), and its inputs and estimates stay frozen as they were scored.
// Undoing the annulment (admin) restores the resolution as it was. Both are audited.

/** The scenarios whose resolution counts: resolved, not annulled (Prisma filter). */
export const COUNTED_RESOLUTION = { outcome: { not: null }, annulledAt: null } satisfies Prisma.ScenarioWhereInput;

const conflict = (message: string) => new AppError('CONFLICT', message);

export async function annulResolution(ctx: Ctx, raw: unknown): Promise<{ id: string }> {
  authorize(ctx, 'resolutions:annul');
  const { id, reason } = parseInput(annulResolutionSchema, raw);
  return db().$transaction(async (tx) => {
    const now = new Date();
    const { count } = await tx.scenario.updateMany({
      where: { id, workspaceId: ctx.workspaceId, deletedAt: null, outcome: { not: null }, annulledAt: null },
      data: { annulledAt: now, annulledById: ctx.userId, annulmentReason: reason, version: { increment: 1 } },
    });
    const row = await tx.scenario.findFirst({
      where: { id, workspaceId: ctx.workspaceId, deletedAt: null },
      select: { outcome: true, outcomePosition: true, resolvedAt: true, annulledAt: true },
    });
    if (!row) throw notFound('Scenario');
    if (count !== 1) {
      if (!row.outcome) throw conflict('This scenario is not resolved, so there is no resolution to annul.');
      throw conflict('This resolution is already annulled. Undo the annulment first to annul it again with another reason.');
    }
    await audit(
      {
        action: 'scenario.resolution_annulled',
        workspaceId: ctx.workspaceId,
        userId: ctx.userId,
        entityType: 'scenario',
        entityId: id,
        details: { reason, outcome: row.outcome, label: OUTCOME_LABELS[row.outcome!], outcomePosition: row.outcomePosition, resolvedAt: row.resolvedAt?.toISOString() ?? null },
      },
      tx,
    );
    return { id };
  });
}

export async function undoAnnulment(ctx: Ctx, raw: unknown): Promise<{ id: string }> {
  authorize(ctx, 'resolutions:annul');
  const { id } = parseInput(undoAnnulmentSchema, raw);
  return db().$transaction(async (tx) => {
    const before = await tx.scenario.findFirst({
      where: { id, workspaceId: ctx.workspaceId, deletedAt: null },
      select: { outcome: true, annulledAt: true, annulledById: true, annulmentReason: true },
    });
    if (!before) throw notFound('Scenario');
    const { count } = await tx.scenario.updateMany({
      where: { id, workspaceId: ctx.workspaceId, deletedAt: null, annulledAt: { not: null } },
      data: { annulledAt: null, annulledById: null, annulmentReason: null, version: { increment: 1 } },
    });
    if (count !== 1) throw conflict('This scenario’s resolution is not annulled, so there is nothing to undo.');
    await audit(
      {
        action: 'scenario.annulment_undone',
        workspaceId: ctx.workspaceId,
        userId: ctx.userId,
        entityType: 'scenario',
        entityId: id,
        details: {
          outcome: before.outcome,
          annulledAt: before.annulledAt?.toISOString() ?? null,
          annulledById: before.annulledById,
          reason: before.annulmentReason,
        },
      },
      tx,
    );
    return { id };
  });
}
