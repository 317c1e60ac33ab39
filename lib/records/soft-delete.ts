import { audit } from '../audit';
import { authorize, type Ctx } from '../auth/context';
import { db } from '../db';
import { notFound } from '../errors';
import { z } from 'zod';

export const RECORD_KINDS = ['actor', 'issue', 'source', 'interest', 'assessment', 'scenario'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

const LABEL: Record<RecordKind, string> = {
  actor: 'Actor',
  issue: 'Issue',
  source: 'Source',
  interest: 'Stated interest',
  assessment: 'Assessment',
  scenario: 'Scenario',
};

export const recordRefSchema = z.object({ id: z.uuid({ error: 'Unknown record' }) });

type Where = { id: string; workspaceId: string; deletedAt: null | { not: null } };
type Data = { deletedAt: Date | null };
const table = (kind: RecordKind) => {
  const client = db();
  const delegates = {
    actor: (where: Where, data: Data) => client.actor.updateMany({ where, data }),
    issue: (where: Where, data: Data) => client.issue.updateMany({ where, data }),
    source: (where: Where, data: Data) => client.source.updateMany({ where, data }),
    interest: (where: Where, data: Data) => client.statedInterest.updateMany({ where, data }),
    assessment: (where: Where, data: Data) => client.assessment.updateMany({ where, data }),
    scenario: (where: Where, data: Data) => client.scenario.updateMany({ where, data }),
  };
  return delegates[kind];
};

/** Soft delete: the row stays, hidden from lists and charts, and an analyst can restore it. */
export async function deleteRecord(ctx: Ctx, kind: RecordKind, input: z.infer<typeof recordRefSchema>): Promise<void> {
  authorize(ctx, 'records:write');
  const { count } = await table(kind)({ id: input.id, workspaceId: ctx.workspaceId, deletedAt: null }, { deletedAt: new Date() });
  if (count === 0) throw notFound(LABEL[kind]);
  await audit({ action: 'record.deleted', workspaceId: ctx.workspaceId, userId: ctx.userId, entityType: kind, entityId: input.id });
}

export async function restoreRecord(ctx: Ctx, kind: RecordKind, input: z.infer<typeof recordRefSchema>): Promise<void> {
  authorize(ctx, 'records:restore');
  const { count } = await table(kind)({ id: input.id, workspaceId: ctx.workspaceId, deletedAt: { not: null } }, { deletedAt: null });
  if (count === 0) throw notFound(`Deleted ${LABEL[kind].toLowerCase()}`);
  await audit({ action: 'record.restored', workspaceId: ctx.workspaceId, userId: ctx.userId, entityType: kind, entityId: input.id });
}
