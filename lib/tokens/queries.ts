import { authorize, type Ctx } from '../auth/context';
import { roleCan } from '../auth/permissions';
import { db } from '../db';

/** The caller's tokens in this workspace (an admin sees every member's), newest first. Never the hash. */
export async function listTokens(ctx: Ctx) {
  authorize(ctx, 'tokens:manage');
  const all = roleCan(ctx.role, 'members:manage');
  const rows = await db().apiToken.findMany({
    where: { workspaceId: ctx.workspaceId, ...(all ? {} : { userId: ctx.userId }) },
    select: {
      id: true,
      name: true,
      prefix: true,
      role: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
      userId: true,
      user: { select: { name: true, email: true } },
    },
    orderBy: [{ revokedAt: { sort: 'desc', nulls: 'first' } }, { createdAt: 'desc' }],
  });
  return rows.map(({ user, ...row }) => ({ ...row, ownerName: user.name, ownerEmail: user.email, mine: row.userId === ctx.userId }));
}
export type TokenRow = Awaited<ReturnType<typeof listTokens>>[number];
