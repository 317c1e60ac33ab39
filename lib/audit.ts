import type { Prisma } from './generated/prisma/client';
import { db, type Tx } from './db';

export type AuditAction =
  | 'auth.sign_in'
  | 'auth.sign_in_failed'
  | 'auth.sign_out'
  | 'auth.signed_out_everywhere'
  | 'member.added'
  | 'member.role_changed'
  | 'member.disabled'
  | 'member.enabled'
  | 'member.password_set'
  | 'record.deleted'
  | 'record.restored'
  | 'token.created'
  | 'token.revoked'
  | 'import.completed'
  | 'scenario.resolved'
  | 'scenario.resolution_annulled'
  | 'scenario.annulment_undone'
  | 'issue.resolved'
  | 'opinion.created'
  | 'opinion.updated'
  | 'workspace.settings_changed';

export interface AuditEntry {
  action: AuditAction;
  workspaceId?: string | null;
  userId?: string | null;
  entityType?: string;
  entityId?: string;
  details?: Prisma.InputJsonValue;
  ip?: string;
}

export async function audit(entry: AuditEntry, tx: Tx | ReturnType<typeof db> = db()): Promise<void> {
  await tx.auditLog.create({
    data: {
      action: entry.action,
      workspaceId: entry.workspaceId ?? null,
      userId: entry.userId ?? null,
      entityType: entry.entityType ?? '',
      entityId: entry.entityId ?? '',
      details: entry.details ?? {},
      ip: entry.ip ?? '',
    },
  });
}
