import { z } from 'zod';
import { db } from '../db';
import { notFound, unauthenticated } from '../errors';
import { authorize, type Ctx } from '../auth/context';
import { parseInput } from '../validation';

export const switchWorkspaceSchema = z.object({ workspaceId: z.uuid({ error: 'Choose a workspace.' }) });

/** Makes `workspaceId` the current workspace of the caller's browser session. */
export async function switchWorkspace(ctx: Ctx, raw: unknown): Promise<void> {
  authorize(ctx, 'workspace:read');
  if (ctx.via.kind !== 'session') throw unauthenticated();
  const input = parseInput(switchWorkspaceSchema, raw);
  const membership = await db().membership.findFirst({
    where: { userId: ctx.userId, workspaceId: input.workspaceId, disabledAt: null },
    select: { id: true },
  });
  if (!membership) throw notFound('Workspace');
  await db().authSession.update({ where: { id: ctx.via.sessionId }, data: { currentWorkspaceId: input.workspaceId } });
}
