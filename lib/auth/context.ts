import type { Role } from '../generated/prisma/enums';
import { db } from '../db';
import { noteWrite } from '../db/read-your-writes';
import { forbidden, unauthenticated } from '../errors';
import { roleCan, type Permission } from './permissions';
import { loadLiveSession } from './sessions';

/** Who is calling, in which workspace, with which role. Built server-side on every request. */
export interface Ctx {
  userId: string;
  userName: string;
  userEmail: string;
  workspaceId: string;
  workspaceName: string;
  role: Role;
  /** How the caller authenticated: a browser session or a personal API token. */
  via: { kind: 'session'; sessionId: string } | { kind: 'token'; tokenId: string };
  mustChangePassword: boolean;
}

/**
 * Loads the caller's membership of `workspaceId` (or their first active one). Null when the user is
 * disabled, or has no active membership there: a disabled member is cut off on the next request.
 */
export async function buildContext(
  userId: string,
  workspaceId: string | null,
  via: Ctx['via'],
  roleCeiling?: Role,
): Promise<Ctx | null> {
  const memberships = await db().membership.findMany({
    where: { userId, disabledAt: null, user: { disabledAt: null } },
    include: { workspace: { select: { name: true } }, user: { select: { name: true, email: true, mustChangePassword: true } } },
    orderBy: { createdAt: 'asc' },
  });
  const membership = workspaceId ? memberships.find((m) => m.workspaceId === workspaceId) : memberships[0];
  if (!membership) return null;
  return {
    userId,
    userName: membership.user.name,
    userEmail: membership.user.email,
    workspaceId: membership.workspaceId,
    workspaceName: membership.workspace.name,
    role: roleCeiling ? lowerRole(membership.role, roleCeiling) : membership.role,
    via,
    mustChangePassword: membership.user.mustChangePassword,
  };
}

const ROLE_RANK: Record<Role, number> = { VIEWER: 0, ANALYST: 1, ADMIN: 2 };
export function lowerRole(a: Role, b: Role): Role {
  return ROLE_RANK[a] <= ROLE_RANK[b] ? a : b;
}

/** Context for a browser session id (from the next-auth JWT). */
export async function contextForSession(sessionId: string | null | undefined): Promise<Ctx | null> {
  if (!sessionId) return null;
  const session = await loadLiveSession(sessionId);
  if (!session) return null;
  return (
    (await buildContext(session.userId, session.currentWorkspaceId, { kind: 'session', sessionId })) ??
    // The current workspace membership was removed: fall back to another active one.
    (await buildContext(session.userId, null, { kind: 'session', sessionId }))
  );
}

const READ_PERMISSIONS = new Set<Permission>(['workspace:read', 'audit:read']);

/** Throws unless the caller's role grants `permission`. Every domain function calls this first. */
export function authorize(ctx: Ctx | null | undefined, permission: Permission): Ctx {
  if (!ctx) throw unauthenticated();
  if (!roleCan(ctx.role, permission)) throw forbidden(describe(permission));
  // A write begins: this caller's next reads go to the primary database for a while, not a replica.
  if (!READ_PERMISSIONS.has(permission)) noteWrite(ctx.userId);
  return ctx;
}

function describe(permission: Permission): string {
  const text: Record<Permission, string> = {
    'workspace:read': 'read this workspace',
    'records:write': 'change records (viewers can read only)',
    'records:restore': 'restore deleted records',
    'scenarios:write': 'change scenarios',
    'estimates:write': 'record likelihood estimates',
    'members:manage': 'manage members (admins only)',
    'audit:read': 'read the audit log',
    'tokens:manage': 'manage API tokens',
    'resolutions:annul': 'annul a resolution or undo an annulment (admins only)',
  };
  return text[permission];
}
