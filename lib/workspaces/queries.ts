import 'server-only';
import { db } from '../db';
import { authorize, type Ctx } from '../auth/context';

/** The workspaces the caller can switch to (active memberships only). */
export async function listMyWorkspaces(ctx: Ctx) {
  authorize(ctx, 'workspace:read');
  const memberships = await db().membership.findMany({
    where: { userId: ctx.userId, disabledAt: null },
    select: { role: true, workspace: { select: { id: true, name: true } } },
    orderBy: { createdAt: 'asc' },
  });
  return memberships.map((m) => ({ id: m.workspace.id, name: m.workspace.name, role: m.role }));
}
