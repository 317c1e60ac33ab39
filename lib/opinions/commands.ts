import { audit } from '../audit';
import { authorize, type Ctx } from '../auth/context';
import { roleCan } from '../auth/permissions';
import { db } from '../db';
import { AppError, forbidden, invalid, notFound } from '../errors';
import { assertVersionedWrite, isUniqueViolation } from '../records/concurrency';
import { parseInput } from '../validation';
import { opinionCreateSchema, opinionRefSchema, opinionUpdateSchema } from './schema';

// Peer review: a colleague's opinion of someone else's assessment. One per analyst per assessment
// (the unique key covers deleted rows too, so giving an opinion again revives the withdrawn one).

type OpinionFields = { stance: string; position: number | null; comment: string };
const FIELDS = ['stance', 'position', 'comment'] as const;

function changesBetween(before: OpinionFields | null, after: OpinionFields) {
  return Object.fromEntries(
    FIELDS.filter((f) => !before || before[f] !== after[f]).map((f) => [f, { from: before ? before[f] : null, to: after[f] }]),
  );
}

const alreadyGiven = () =>
  new AppError('CONFLICT', 'You have already given your opinion on this assessment: edit it instead.', {
    fieldErrors: { stance: ['You have already given your opinion on this assessment; edit it instead'] },
  });

export async function createOpinion(ctx: Ctx, raw: unknown): Promise<{ id: string; assessmentId: string }> {
  authorize(ctx, 'records:write');
  const input = parseInput(opinionCreateSchema, raw);
  const assessment = await db().assessment.findFirst({
    where: { id: input.assessmentId, workspaceId: ctx.workspaceId, deletedAt: null },
    select: { recordedById: true },
  });
  if (!assessment) throw notFound('Assessment');
  // Peer review is of colleagues' readings; the recorder's own view is the assessment itself.
  if (assessment.recordedById === ctx.userId) {
    throw invalid({ stance: ['You recorded this assessment; opinions are for colleagues’ readings'] }, 'You recorded this assessment: opinions are for colleagues’ readings. Edit the assessment instead.');
  }
  const fields = { stance: input.stance, position: input.position, comment: input.comment };
  try {
    return await db().$transaction(async (tx) => {
      const withdrawn = await tx.assessmentOpinion.findUnique({
        where: { assessmentId_authorId: { assessmentId: input.assessmentId, authorId: ctx.userId } },
        select: { id: true, deletedAt: true, version: true, stance: true, position: true, comment: true },
      });
      if (withdrawn && !withdrawn.deletedAt) throw alreadyGiven();
      const saved = withdrawn
        ? await tx.assessmentOpinion.update({ where: { id: withdrawn.id }, data: { ...fields, deletedAt: null, version: { increment: 1 } }, select: { id: true, version: true } })
        : await tx.assessmentOpinion.create({
            data: { ...fields, workspaceId: ctx.workspaceId, assessmentId: input.assessmentId, authorId: ctx.userId },
            select: { id: true, version: true },
          });
      await audit(
        {
          action: 'opinion.created',
          workspaceId: ctx.workspaceId,
          userId: ctx.userId,
          entityType: 'opinion',
          entityId: saved.id,
          details: { assessmentId: input.assessmentId, version: saved.version, changes: changesBetween(null, fields) },
        },
        tx,
      );
      return { id: saved.id, assessmentId: input.assessmentId };
    });
  } catch (error) {
    // Two submissions at once: the unique key lets only one through.
    if (isUniqueViolation(error)) throw alreadyGiven();
    throw error;
  }
}

/** The opinion of this workspace, live, that the caller may change (only its author may). */
async function ownOpinion(ctx: Ctx, id: string) {
  const opinion = await db().assessmentOpinion.findFirst({
    where: { id, workspaceId: ctx.workspaceId, deletedAt: null },
    select: { authorId: true, assessmentId: true, stance: true, position: true, comment: true, version: true },
  });
  if (!opinion) throw notFound('Opinion');
  return opinion;
}

export async function updateOpinion(ctx: Ctx, raw: unknown): Promise<{ id: string; version: number; assessmentId: string }> {
  authorize(ctx, 'records:write');
  const { id, version, ...fields } = parseInput(opinionUpdateSchema, raw);
  const before = await ownOpinion(ctx, id);
  if (before.authorId !== ctx.userId) throw forbidden('change a colleague’s opinion (add your own instead)');
  return db().$transaction(async (tx) => {
    const { count } = await tx.assessmentOpinion.updateMany({
      where: { id, workspaceId: ctx.workspaceId, authorId: ctx.userId, version, deletedAt: null },
      data: { ...fields, version: { increment: 1 } },
    });
    await assertVersionedWrite(count, 'This opinion', () =>
      tx.assessmentOpinion.findFirst({ where: { id, workspaceId: ctx.workspaceId, deletedAt: null }, select: { stance: true, position: true, comment: true, version: true } }),
    );
    await audit(
      {
        action: 'opinion.updated',
        workspaceId: ctx.workspaceId,
        userId: ctx.userId,
        entityType: 'opinion',
        entityId: id,
        details: { assessmentId: before.assessmentId, version: version + 1, changes: changesBetween(before, fields) },
      },
      tx,
    );
    return { id, version: version + 1, assessmentId: before.assessmentId };
  });
}

/** Withdraw an opinion (soft delete): its author, or an admin moderating. */
export async function deleteOpinion(ctx: Ctx, raw: unknown): Promise<{ assessmentId: string }> {
  authorize(ctx, 'records:write');
  const { id } = parseInput(opinionRefSchema, raw);
  const opinion = await ownOpinion(ctx, id);
  if (opinion.authorId !== ctx.userId && !roleCan(ctx.role, 'members:manage')) throw forbidden('withdraw a colleague’s opinion');
  await db().$transaction(async (tx) => {
    const { count } = await tx.assessmentOpinion.updateMany({ where: { id, workspaceId: ctx.workspaceId, deletedAt: null }, data: { deletedAt: new Date() } });
    if (count === 0) throw notFound('Opinion');
    await audit(
      { action: 'record.deleted', workspaceId: ctx.workspaceId, userId: ctx.userId, entityType: 'opinion', entityId: id, details: { assessmentId: opinion.assessmentId } },
      tx,
    );
  });
  return { assessmentId: opinion.assessmentId };
}
