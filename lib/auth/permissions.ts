import type { Role } from '../generated/prisma/enums';

// The declarative role table. Every domain function names the permission it needs.
export type Permission =
  | 'workspace:read'
  | 'records:write'
  | 'records:restore'
  | 'scenarios:write'
  | 'estimates:write'
  | 'members:manage'
  | 'audit:read'
  | 'tokens:manage'
  /** Annul a scenario's resolution and undo an annulment (lib/scenarios/annulment.ts). */
  | 'resolutions:annul';

const GRANTS: Record<Role, readonly Permission[]> = {
  ADMIN: ['workspace:read', 'records:write', 'records:restore', 'scenarios:write', 'estimates:write', 'members:manage', 'audit:read', 'tokens:manage', 'resolutions:annul'],
  ANALYST: ['workspace:read', 'records:write', 'records:restore', 'scenarios:write', 'estimates:write', 'tokens:manage'],
  VIEWER: ['workspace:read', 'tokens:manage'],
};

export function roleCan(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

export const ROLE_LABELS: Record<Role, string> = { ADMIN: 'Admin', ANALYST: 'Analyst', VIEWER: 'Viewer' };
