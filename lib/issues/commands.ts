import { authorize, type Ctx } from '../auth/context';
import { db } from '../db';
import { invalid } from '../errors';
import { assertVersionedWrite, isUniqueViolation } from '../records/concurrency';
import { parseInput } from '../validation';
import { issueCreateSchema, issueUpdateSchema } from './schema';

const duplicateTitle = (title: string) =>
  invalid({ title: [`An issue titled “${title}” already exists in this workspace (if it was deleted, restore it instead).`] });

export async function createIssue(ctx: Ctx, raw: unknown): Promise<{ id: string }> {
  authorize(ctx, 'records:write');
  const input = parseInput(issueCreateSchema, raw);
  try {
    return await db().issue.create({ data: { ...input, workspaceId: ctx.workspaceId }, select: { id: true } });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateTitle(input.title);
    throw error;
  }
}

export async function updateIssue(ctx: Ctx, raw: unknown): Promise<{ id: string; version: number }> {
  authorize(ctx, 'records:write');
  const { id, version, ...data } = parseInput(issueUpdateSchema, raw);
  let count: number;
  try {
    ({ count } = await db().issue.updateMany({
      where: { id, workspaceId: ctx.workspaceId, version, deletedAt: null },
      data: { ...data, version: { increment: 1 } },
    }));
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateTitle(data.title);
    throw error;
  }
  await assertVersionedWrite(count, 'This issue', () =>
    db().issue.findFirst({
      where: { id, workspaceId: ctx.workspaceId, deletedAt: null },
      select: { title: true, description: true, anchors: true, version: true },
    }),
  );
  return { id, version: version + 1 };
}
