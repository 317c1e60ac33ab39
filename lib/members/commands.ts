import { audit, type RequestMeta } from '../audit';
import { authorize, type Ctx } from '../auth/context';
import { hashPassword } from '../auth/password';
import { db, type Tx } from '../db';
import { AppError, forbidden, invalid, notFound } from '../errors';
import type { Role } from '../generated/prisma/enums';
import { isUniqueViolation } from '../records/concurrency';
import { forgetTokenContextsAfter } from '../tokens/authenticate';
import { parseInput } from '../validation';
import { generateOneTimePassword } from './one-time-password';
import {
  memberAddSchema,
  memberPasswordSchema,
  memberRefSchema,
  memberRoleSchema,
  passwordIsEmail,
} from './schema';

interface LockedMembership {
  id: string;
  userId: string;
  role: Role;
  active: boolean;
  email: string;
  name: string;
}

/**
 * Locks the workspace's active admin memberships and the target membership (in id order, so two
 * transactions cannot deadlock) for the rest of the transaction. Two concurrent demotions of the
 * last two admins therefore run one after the other: the second re-reads the rows after the first
 * commits, sees one admin left, and is refused. Also re-checks that the caller is still an active
 * admin, so an admin demoted a moment ago cannot finish a change started before.
 */
async function lockMembers(tx: Tx, ctx: Ctx, targetId: string | null) {
  const rows = await tx.$queryRaw<LockedMembership[]>`
    SELECT m.id, m."userId", m.role::text AS role, (m."disabledAt" IS NULL AND u."disabledAt" IS NULL) AS active,
           u.email, u.name
      FROM "Membership" m JOIN "User" u ON u.id = m."userId"
     WHERE m."workspaceId" = ${ctx.workspaceId}::uuid
       AND ((m.role = 'ADMIN' AND m."disabledAt" IS NULL) OR m.id = ${targetId ?? '00000000-0000-0000-0000-000000000000'}::uuid)
     ORDER BY m.id
       FOR UPDATE OF m`;
  const activeAdmins = rows.filter((r) => r.role === 'ADMIN' && r.active);
  if (!activeAdmins.some((r) => r.userId === ctx.userId)) throw forbidden('manage members (admins only)');
  const target = targetId ? rows.find((r) => r.id === targetId) : undefined;
  // A membership of another workspace is reported exactly like a missing one.
  if (targetId && !target) throw notFound('Member');
  return { activeAdmins, target: target! };
}

function lastAdminError(target: { name: string }, doing: string): AppError {
  return new AppError(
    'CONFLICT',
    `${target.name} is the only active admin of this workspace, so they cannot be ${doing}. Make another member an admin first.`,
  );
}

export interface AddMemberResult {
  membershipId: string;
  userId: string;
  email: string;
  name: string;
  /** False when the email already had an account: it joins this workspace and keeps its own password. */
  createdAccount: boolean;
  /** Only for a generated one-time password: shown to the admin once, stored only as a hash. */
  oneTimePassword?: string;
}

/** Adds a member to the caller's workspace, creating the account if the email is new. */
export async function addMember(ctx: Ctx, raw: unknown, meta: RequestMeta = {}): Promise<AddMemberResult> {
  authorize(ctx, 'members:manage');
  const input = parseInput(memberAddSchema, raw);

  const existing = await db().user.findUnique({ where: { email: input.email }, select: { id: true, name: true } });
  if (existing) {
    const alreadyMember = (disabled: boolean) =>
      invalid({
        email: [
          disabled
            ? `${input.email} is already a member of this workspace, currently disabled: re-enable them in the list instead.`
            : `${input.email} is already a member of this workspace.`,
        ],
      });
    const membership = await db().$transaction(async (tx) => {
      await lockMembers(tx, ctx, null);
      const current = await tx.membership.findUnique({
        where: { workspaceId_userId: { workspaceId: ctx.workspaceId, userId: existing.id } },
        select: { disabledAt: true },
      });
      if (current) throw alreadyMember(Boolean(current.disabledAt));
      const created = await tx.membership.create({
        data: { workspaceId: ctx.workspaceId, userId: existing.id, role: input.role },
        select: { id: true },
      });
      await audit(
        {
          action: 'member.added',
          workspaceId: ctx.workspaceId,
          userId: ctx.userId,
          entityType: 'membership',
          entityId: created.id,
          details: { email: input.email, role: input.role, existingAccount: true },
          ip: meta.ip,
        },
        tx,
      );
      return created;
    }).catch((error: unknown) => {
      // Two admins adding the same person at the same moment.
      if (isUniqueViolation(error)) throw alreadyMember(false);
      throw error;
    });
    return { membershipId: membership.id, userId: existing.id, email: input.email, name: existing.name, createdAccount: false };
  }

  const oneTimePassword = input.passwordMode === 'generate' ? generateOneTimePassword() : undefined;
  // Hashing takes a moment (argon2id): do it before opening the transaction.
  const passwordHash = await hashPassword(oneTimePassword ?? input.password);
  try {
    const result = await db().$transaction(async (tx) => {
      await lockMembers(tx, ctx, null);
      const user = await tx.user.create({
        data: { email: input.email, name: input.name, passwordHash, mustChangePassword: Boolean(oneTimePassword) },
        select: { id: true },
      });
      const membership = await tx.membership.create({
        data: { workspaceId: ctx.workspaceId, userId: user.id, role: input.role },
        select: { id: true },
      });
      await audit(
        {
          action: 'member.added',
          workspaceId: ctx.workspaceId,
          userId: ctx.userId,
          entityType: 'membership',
          entityId: membership.id,
          details: { email: input.email, role: input.role, existingAccount: false, password: input.passwordMode },
          ip: meta.ip,
        },
        tx,
      );
      return { userId: user.id, membershipId: membership.id };
    });
    return { ...result, email: input.email, name: input.name, createdAccount: true, oneTimePassword };
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw invalid({ email: [`An account for ${input.email} was created a moment ago by someone else. Submit again to add it to this workspace.`] });
    }
    throw error;
  }
}

export async function changeMemberRole(ctx: Ctx, raw: unknown, meta: RequestMeta = {}): Promise<{ membershipId: string; role: Role }> {
  authorize(ctx, 'members:manage');
  const input = parseInput(memberRoleSchema, raw);
  return forgetTokenContextsAfter(db().$transaction(async (tx) => {
    const { activeAdmins, target } = await lockMembers(tx, ctx, input.membershipId);
    if (target.role === input.role) return { membershipId: target.id, role: target.role };
    if (target.role === 'ADMIN' && target.active && activeAdmins.length <= 1) throw lastAdminError(target, 'made an analyst or viewer');
    await tx.membership.update({ where: { id: target.id }, data: { role: input.role } });
    await audit(
      {
        action: 'member.role_changed',
        workspaceId: ctx.workspaceId,
        userId: ctx.userId,
        entityType: 'membership',
        entityId: target.id,
        details: { email: target.email, from: target.role, to: input.role },
        ip: meta.ip,
      },
      tx,
    );
    return { membershipId: target.id, role: input.role };
  }));
}

/**
 * Disables a membership. The member loses this workspace on their very next request (buildContext
 * ignores disabled memberships); if it was their last active workspace, their sessions are revoked too.
 */
export async function disableMember(ctx: Ctx, raw: unknown, meta: RequestMeta = {}): Promise<{ membershipId: string; tokensRevoked: number }> {
  authorize(ctx, 'members:manage');
  const input = parseInput(memberRefSchema, raw);
  return forgetTokenContextsAfter(db().$transaction(async (tx) => {
    const { activeAdmins, target } = await lockMembers(tx, ctx, input.membershipId);
    const alreadyDisabled = await tx.membership.findUnique({ where: { id: target.id }, select: { disabledAt: true } });
    if (alreadyDisabled?.disabledAt) return { membershipId: target.id, tokensRevoked: 0 };
    if (target.role === 'ADMIN' && target.active && activeAdmins.length <= 1) throw lastAdminError(target, 'disabled');
    await tx.membership.update({ where: { id: target.id }, data: { disabledAt: new Date() } });
    // For good: re-enabling the member later must not wake up tokens they may have lost control of.
    const tokens = await tx.apiToken.updateMany({ where: { userId: target.userId, workspaceId: ctx.workspaceId, revokedAt: null }, data: { revokedAt: new Date() } });
    const otherActive = await tx.membership.count({ where: { userId: target.userId, disabledAt: null } });
    const sessions =
      otherActive === 0
        ? await tx.authSession.updateMany({ where: { userId: target.userId, revokedAt: null }, data: { revokedAt: new Date() } })
        : // Sessions sitting in this workspace move to the member's first remaining one.
          await tx.authSession.updateMany({
            where: { userId: target.userId, revokedAt: null, currentWorkspaceId: ctx.workspaceId },
            data: { currentWorkspaceId: null },
          });
    await audit(
      {
        action: 'member.disabled',
        workspaceId: ctx.workspaceId,
        userId: ctx.userId,
        entityType: 'membership',
        entityId: target.id,
        details: { email: target.email, role: target.role, sessionsRevoked: otherActive === 0 ? sessions.count : 0, tokensRevoked: tokens.count },
        ip: meta.ip,
      },
      tx,
    );
    return { membershipId: target.id, tokensRevoked: tokens.count };
  }));
}

export async function enableMember(ctx: Ctx, raw: unknown, meta: RequestMeta = {}): Promise<{ membershipId: string }> {
  authorize(ctx, 'members:manage');
  const input = parseInput(memberRefSchema, raw);
  return forgetTokenContextsAfter(db().$transaction(async (tx) => {
    const { target } = await lockMembers(tx, ctx, input.membershipId);
    const { count } = await tx.membership.updateMany({ where: { id: target.id, disabledAt: { not: null } }, data: { disabledAt: null } });
    if (count === 0) return { membershipId: target.id };
    await audit(
      {
        action: 'member.enabled',
        workspaceId: ctx.workspaceId,
        userId: ctx.userId,
        entityType: 'membership',
        entityId: target.id,
        details: { email: target.email, role: target.role },
        ip: meta.ip,
      },
      tx,
    );
    return { membershipId: target.id };
  }));
}

export interface SetPasswordResult {
  membershipId: string;
  email: string;
  name: string;
  oneTimePassword?: string;
  tokensRevoked: number;
}

/**
 * An admin gives a member a new password (a generated one-time one, or one they type). The member's
 * sessions are revoked. Refused for the admin's own account (that needs the current password, on the
 * account page) and for accounts that also belong to a workspace the admin does not administer:
 * otherwise an admin of one workspace could take over an account and, through it, another workspace.
 */
export async function setMemberPassword(ctx: Ctx, raw: unknown, meta: RequestMeta = {}): Promise<SetPasswordResult> {
  authorize(ctx, 'members:manage');
  const input = parseInput(memberPasswordSchema, raw);
  const member = await db().membership.findFirst({
    where: { id: input.membershipId, workspaceId: ctx.workspaceId },
    select: { userId: true, user: { select: { email: true, name: true } } },
  });
  if (!member) throw notFound('Member');
  if (member.userId === ctx.userId) {
    throw new AppError('FORBIDDEN', 'To change your own password, use your Account page (it asks for your current password).');
  }
  if (input.passwordMode === 'set' && passwordIsEmail(input.password, member.user.email)) {
    throw invalid({ password: ['The password must not be the email address'] });
  }
  const outside = await db().membership.count({
    where: {
      userId: member.userId,
      workspace: { memberships: { none: { userId: ctx.userId, role: 'ADMIN', disabledAt: null } } },
    },
  });
  if (outside > 0) {
    throw new AppError(
      'FORBIDDEN',
      `${member.user.name} also belongs to a workspace you do not administer, so only they can change their password (from their Account page).`,
    );
  }

  const oneTimePassword = input.passwordMode === 'generate' ? generateOneTimePassword() : undefined;
  const passwordHash = await hashPassword(oneTimePassword ?? input.password);
  let tokensRevoked = 0;
  await forgetTokenContextsAfter(db().$transaction(async (tx) => {
    await lockMembers(tx, ctx, input.membershipId);
    await tx.user.update({ where: { id: member.userId }, data: { passwordHash, mustChangePassword: Boolean(oneTimePassword) } });
    // Whoever held a session or a token made with the old password is signed out.
    await tx.authSession.updateMany({ where: { userId: member.userId, revokedAt: null }, data: { revokedAt: new Date() } });
    tokensRevoked = (await tx.apiToken.updateMany({ where: { userId: member.userId, revokedAt: null }, data: { revokedAt: new Date() } })).count;
    await audit(
      {
        action: 'member.password_set',
        workspaceId: ctx.workspaceId,
        userId: ctx.userId,
        entityType: 'membership',
        entityId: input.membershipId,
        details: { email: member.user.email, mode: input.passwordMode },
        ip: meta.ip,
      },
      tx,
    );
  }));
  return { membershipId: input.membershipId, email: member.user.email, name: member.user.name, oneTimePassword, tokensRevoked };
}
