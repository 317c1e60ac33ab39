import { z } from 'zod';
import { audit } from '../audit';
import { authorize, type Ctx } from '../auth/context';
import { db } from '../db';
import { parseInput } from '../validation';

export const forecastingSettingsSchema = z.object({
  // A checkbox: present ("on"/"1"/"true") when ticked, absent when not.
  hideEstimatesUntilOwn: z
    .union([z.literal('on'), z.literal('1'), z.literal('true'), z.literal('0'), z.literal('false'), z.boolean()], {
      error: 'Hide estimates must be on or off',
    })
    .optional()
    .transform((v) => v === true || v === 'on' || v === '1' || v === 'true'),
});

export async function getForecastingSettings(ctx: Ctx): Promise<{ hideEstimatesUntilOwn: boolean }> {
  authorize(ctx, 'workspace:read');
  return db().workspace.findUniqueOrThrow({ where: { id: ctx.workspaceId }, select: { hideEstimatesUntilOwn: true } });
}

/** Admins choose whether colleagues' estimates of open scenarios stay hidden until an analyst makes their own. */
export async function setForecastingSettings(ctx: Ctx, raw: unknown): Promise<{ hideEstimatesUntilOwn: boolean }> {
  authorize(ctx, 'members:manage');
  const input = parseInput(forecastingSettingsSchema, raw);
  return db().$transaction(async (tx) => {
    const before = await tx.workspace.findUniqueOrThrow({ where: { id: ctx.workspaceId }, select: { hideEstimatesUntilOwn: true } });
    const after = await tx.workspace.update({ where: { id: ctx.workspaceId }, data: input, select: { hideEstimatesUntilOwn: true } });
    await audit(
      {
        action: 'workspace.settings_changed',
        workspaceId: ctx.workspaceId,
        userId: ctx.userId,
        entityType: 'workspace',
        entityId: ctx.workspaceId,
        details: { hideEstimatesUntilOwn: { from: before.hideEstimatesUntilOwn, to: after.hideEstimatesUntilOwn } },
      },
      tx,
    );
    return after;
  });
}
