import { z } from 'zod';
import { db } from '../db';
import { notFound, unauthenticated } from '../errors';
import type { Ctx } from '../auth/context';

export const switchWorkspaceSchema = z.object({ workspaceId: z.uuid({ error: 'Choose a workspace.' }) });

/** Makes `workspaceId` the current workspace of the caller's browser session. */
export async function switchWorkspace(ctx: Ctx, input: z.infer<typeof switchWorkspaceSchema>): Promise<void> {
  if (ctx.via.kind !== 'session') throw unauthenticated();
  const membership = await db().membership.findFirst({
    where: { userId: ctx.userId, workspaceId: input.workspaceId, disabledAt: null },
    select: { id: true },
  });
  if (!membership) throw notFound('Workspace');
  await db().authSession.update({ where: { id: ctx.via.sessionId }, data: { currentWorkspaceId: input.workspaceId } });
}
