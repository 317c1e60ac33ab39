import type { Assessment, Prisma } from '../generated/prisma/client';
import { authorize, type Ctx } from '../auth/context';
import { db } from '../db';
import { notFound } from '../errors';
import { staleVersionError } from '../records/concurrency';
import { setActingUser } from '../notifications/acting-user';
import { assertReferences, throwUnlessReferencesFound } from '../records/references';
import { parseInput } from '../validation';
import { assessmentCreateSchema, assessmentUpdateSchema, type AssessmentCreateInput } from './schema';
import { assessmentSnapshot, diffSnapshots } from './snapshot';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const toData = (input: AssessmentCreateInput) => ({ ...input, stanceDate: day(input.stanceDate) });

/**
 * Records a new assessment and its first revision in one statement (one database round trip): the
 * actor, issue and source are checked to be live records of the caller's workspace, the row and its
 * revision are inserted only if they are (the summary tables follow by trigger), and the stored row
 * comes back, so the API answers with it without reading it again.
 */
export async function createAssessment(ctx: Ctx, raw: unknown): Promise<Assessment> {
  authorize(ctx, 'records:write');
  const input = parseInput(assessmentCreateSchema, raw);
  const data = toData(input);
  const snapshot = assessmentSnapshot(data);
  const changes = Object.fromEntries(Object.entries(snapshot).map(([field, to]) => [field, { from: null, to }]));
  const ws = ctx.workspaceId;
  const rows = await db().$queryRaw<(Partial<Assessment> & { actorFound: boolean; issueFound: boolean; sourceFound: boolean })[]>`
    WITH refs AS (
      -- The acting user, for the notification triggers (lib/notifications/acting-user.ts): set here, before
      -- the insert reads refs, so it holds when the row triggers fire at the end of this statement.
      SELECT set_config('stanceboard.acting_user', ${ctx.userId}, true) AS "actingUser",
             EXISTS (SELECT 1 FROM "Actor" WHERE id = ${input.actorId}::uuid AND "workspaceId" = ${ws}::uuid AND "deletedAt" IS NULL) AS "actorFound",
             EXISTS (SELECT 1 FROM "Issue" WHERE id = ${input.issueId}::uuid AND "workspaceId" = ${ws}::uuid AND "deletedAt" IS NULL) AS "issueFound",
             EXISTS (SELECT 1 FROM "Source" WHERE id = ${input.sourceId}::uuid AND "workspaceId" = ${ws}::uuid AND "deletedAt" IS NULL) AS "sourceFound"
    ), inserted AS (
      INSERT INTO "Assessment" ("workspaceId", "actorId", "issueId", "sourceId", position, salience, capability, confidence, credibility,
                                "stanceDate", quote, rationale, "recordedById", "updatedAt")
      SELECT ${ws}::uuid, ${input.actorId}::uuid, ${input.issueId}::uuid, ${input.sourceId}::uuid, ${input.position}::float8, ${input.salience}::float8,
             ${input.capability}::float8, ${input.confidence}::"Confidence", ${input.credibility}::int, ${input.stanceDate}::date, ${input.quote},
             ${input.rationale}, ${ctx.userId}::uuid, now()
        FROM refs WHERE "actorFound" AND "issueFound" AND "sourceFound"
      RETURNING id, "workspaceId", "actorId", "issueId", "sourceId", position, salience, capability, confidence::text AS confidence, credibility,
                "stanceDate", quote, rationale, "recordedById", version, "createdAt", "updatedAt", "deletedAt"
    ), revision AS (
      INSERT INTO "AssessmentRevision" ("assessmentId", "workspaceId", version, "editedById", changes, snapshot)
      SELECT id, "workspaceId", 1, ${ctx.userId}::uuid, ${JSON.stringify(changes)}::jsonb, ${JSON.stringify(snapshot)}::jsonb FROM inserted
    )
    SELECT refs."actorFound", refs."issueFound", refs."sourceFound", inserted.* FROM refs LEFT JOIN inserted ON true`;
  const { actorFound, issueFound, sourceFound, ...row } = rows[0]!;
  throwUnlessReferencesFound({ actor: actorFound, issue: issueFound, source: sourceFound });
  return row as Assessment;
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
