import type { Prisma } from './generated/prisma/client';
import { db, type Db, type Tx } from './db';
import { BulkWriter } from './db/bulk';

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

/** Where the request came from, for the audit log. Domain code never reads request headers itself. */
export interface RequestMeta {
  ip?: string;
}

export interface AuditEntry {
  action: AuditAction;
  workspaceId?: string | null;
  userId?: string | null;
  entityType?: string;
  entityId?: string;
  details?: Prisma.InputJsonValue;
  ip?: string;
}

/** Writes the entry with Prisma (`tx`, or the one client), or inside an import's bulk transaction (lib/db/bulk.ts). */
export async function audit(entry: AuditEntry, writer: Tx | Db | BulkWriter = db()): Promise<void> {
  const row = {
    action: entry.action,
    workspaceId: entry.workspaceId ?? null,
    userId: entry.userId ?? null,
    entityType: entry.entityType ?? '',
    entityId: entry.entityId ?? '',
    details: entry.details ?? {},
    ip: entry.ip ?? '',
  };
  if (writer instanceof BulkWriter) await writer.insert('AuditLog', [row]);
  else await writer.auditLog.create({ data: row });
}
