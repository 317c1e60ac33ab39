import type { Prisma } from '../generated/prisma/client';
import { authorize, type Ctx } from '../auth/context';
import { db } from '../db';
import { notFound } from '../errors';
import { staleVersionError } from '../records/concurrency';
import { setActingUser } from '../notifications/acting-user';
import { assertReferences } from '../records/references';
import { parseInput } from '../validation';
import { assessmentCreateSchema, assessmentUpdateSchema, type AssessmentCreateInput } from './schema';
import { assessmentSnapshot, diffSnapshots } from './snapshot';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const toData = (input: AssessmentCreateInput) => ({ ...input, stanceDate: day(input.stanceDate) });

export async function createAssessment(ctx: Ctx, raw: unknown): Promise<{ id: string }> {
  authorize(ctx, 'records:write');
  const input = parseInput(assessmentCreateSchema, raw);
  await assertReferences(ctx, input);
  return db().$transaction(async (tx) => {
    await setActingUser(tx, ctx.userId);
    const row = await tx.assessment.create({ data: { ...toData(input), workspaceId: ctx.workspaceId, recordedById: ctx.userId } });
    const snapshot = assessmentSnapshot(row);
    await tx.assessmentRevision.create({
      data: {
        assessmentId: row.id,
        workspaceId: ctx.workspaceId,
        version: 1,
        editedById: ctx.userId,
        changes: Object.fromEntries(Object.entries(snapshot).map(([field, to]) => [field, { from: null, to }])) as Prisma.InputJsonValue,
        snapshot,
      },
    });
    return { id: row.id };
  });
}

/**
 * Saves an edit only if nobody saved since the editor opened the record (its version), and keeps
 * the change as a revision: who, when, and field by field what changed. No silent overwrites.
 */
export async function updateAssessment(ctx: Ctx, raw: unknown): Promise<{ id: string; version: number; changed: string[] }> {
  authorize(ctx, 'records:write');
  const { id, version, ...input } = parseInput(assessmentUpdateSchema, raw);
  await assertReferences(ctx, input);
  return db().$transaction(async (tx) => {
    await setActingUser(tx, ctx.userId);
    // Lock the row so the version check and the revision are one step.
    const locked = await tx.$queryRaw<{ version: number }[]>`
      SELECT version FROM "Assessment" WHERE id = ${id}::uuid AND "workspaceId" = ${ctx.workspaceId}::uuid AND "deletedAt" IS NULL FOR UPDATE`;
    const current = locked[0];
    if (!current) throw notFound('Assessment');
    const before = await tx.assessment.findUniqueOrThrow({ where: { id } });
    if (current.version !== version) {
      const lastEditor = await tx.assessmentRevision.findFirst({
        where: { assessmentId: id },
        orderBy: { version: 'desc' },
        select: { editedById: true },
      });
      const editor = lastEditor ? await tx.user.findUnique({ where: { id: lastEditor.editedById }, select: { name: true } }) : null;
      throw staleVersionError('This assessment', { ...assessmentSnapshot(before), version: before.version }, editor?.name);
    }
    const after = await tx.assessment.update({ where: { id }, data: { ...toData(input), version: { increment: 1 } } });
    const changes = diffSnapshots(assessmentSnapshot(before), assessmentSnapshot(after));
    await tx.assessmentRevision.create({
      data: {
        assessmentId: id,
        workspaceId: ctx.workspaceId,
        version: after.version,
        editedById: ctx.userId,
        changes: changes as Prisma.InputJsonValue,
        snapshot: assessmentSnapshot(after),
      },
    });
    return { id, version: after.version, changed: Object.keys(changes) };
  });
}
