import { authorize, type Ctx } from '../auth/context';
import { db } from '../db';
import type { Role } from '../generated/prisma/enums';

export interface MemberRow {
  membershipId: string;
  userId: string;
  name: string;
  email: string;
  role: Role;
  /** Disabled in this workspace. */
  disabledAt: Date | null;
  /** The whole account is disabled (no sign-in anywhere). */
  accountDisabled: boolean;
  mustChangePassword: boolean;
  addedAt: Date;
  isSelf: boolean;
  /** The only active admin: the UI offers no demote/disable for them (the commands refuse anyway). */
  isLastAdmin: boolean;
}

const ROLE_ORDER: Record<Role, number> = { ADMIN: 0, ANALYST: 1, VIEWER: 2 };

/**
 * Everyone with a membership of the caller's workspace, active first, then by role and name.
 * Not one of the paged record lists (lib/records/list.ts), on purpose: a workspace's team is small and an
 * admin manages it whole; the rows need every active admin to mark the last one, and the order (active,
 * role, name) is not the one sort column and id that keyset paging runs on.
 */
export async function listMembers(ctx: Ctx): Promise<MemberRow[]> {
  authorize(ctx, 'members:manage');
  const memberships = await db().membership.findMany({
    where: { workspaceId: ctx.workspaceId },
    select: {
      id: true,
      role: true,
      disabledAt: true,
      createdAt: true,
      user: { select: { id: true, name: true, email: true, mustChangePassword: true, disabledAt: true } },
    },
  });
  const activeAdmins = memberships.filter((m) => m.role === 'ADMIN' && !m.disabledAt && !m.user.disabledAt).length;
  return memberships
    .map((m) => {
      const active = !m.disabledAt && !m.user.disabledAt;
      return {
        membershipId: m.id,
        userId: m.user.id,
        name: m.user.name,
        email: m.user.email,
        role: m.role,
        disabledAt: m.disabledAt,
        accountDisabled: Boolean(m.user.disabledAt),
        mustChangePassword: m.user.mustChangePassword,
        addedAt: m.createdAt,
        isSelf: m.user.id === ctx.userId,
        isLastAdmin: active && m.role === 'ADMIN' && activeAdmins === 1,
      };
    })
    .sort(
      (a, b) =>
        Number(Boolean(a.disabledAt)) - Number(Boolean(b.disabledAt)) ||
        ROLE_ORDER[a.role] - ROLE_ORDER[b.role] ||
        a.name.localeCompare(b.name),
    );
}
