import { randomBytes } from 'node:crypto';
import { buildContext, type Ctx } from '@/lib/auth/context';
import { db } from '@/lib/db';
import type { Role } from '@/lib/generated/prisma/enums';
import { AppError } from '@/lib/errors';

export interface TestWorkspace {
  workspaceId: string;
  admin: Ctx;
  analyst: Ctx;
  viewer: Ctx;
}

const tag = () => randomBytes(4).toString('hex');

/** A user with a membership of `role`, and the Ctx the app would build for them. */
export async function createMember(workspaceId: string, role: Role, name = role.toLowerCase()): Promise<Ctx> {
  const user = await db().user.create({
    data: { email: `${name}-${tag()}@test.local`, name: `${name} ${tag()}`, passwordHash: 'not-used-in-these-tests' },
    select: { id: true },
  });
  await db().membership.create({ data: { workspaceId, userId: user.id, role } });
  const ctx = await buildContext(user.id, workspaceId, { kind: 'session', sessionId: '00000000-0000-0000-0000-000000000000' });
  if (!ctx) throw new Error('fixture: no context');
  return ctx;
}

export async function createTestWorkspace(name = 'Test desk'): Promise<TestWorkspace> {
  const workspace = await db().workspace.create({ data: { name, slug: `${name.toLowerCase().replace(/\W+/g, '-')}-${tag()}` } });
  return {
    workspaceId: workspace.id,
    admin: await createMember(workspace.id, 'ADMIN'),
    analyst: await createMember(workspace.id, 'ANALYST'),
    viewer: await createMember(workspace.id, 'VIEWER'),
  };
}

/** One actor, issue and source in the workspace, ready for assessments. */
export async function createBasics(workspaceId: string) {
  const actor = await db().actor.create({ data: { workspaceId, name: `Russia ${tag()}`, kind: 'STATE', aliases: ['Moscow'] } });
  const issue = await db().issue.create({
    data: {
      workspaceId,
      title: `Foreign military presence ${tag()}`,
      anchors: [
        { value: 0, label: 'No foreign forces' },
        { value: 50, label: 'Joint Russian-Turkish peacekeeping' },
        { value: 100, label: 'Russian-only peacekeeping force' },
      ],
    },
  });
  const source = await db().source.create({
    data: { workspaceId, title: `ISW ${tag()}`, outlet: 'ISW', publishedAt: new Date('2020-11-13'), kind: 'THINK_TANK', reliability: 'B' },
  });
  return { actor, issue, source };
}

/** Every row of the domain tables of a workspace, to prove a rejected write changed nothing. */
export async function workspaceSnapshot(workspaceId: string) {
  const where = { workspaceId };
  const [actors, issues, sources, interests, assessments, revisions] = await Promise.all([
    db().actor.findMany({ where, orderBy: { id: 'asc' } }),
    db().issue.findMany({ where, orderBy: { id: 'asc' } }),
    db().source.findMany({ where, orderBy: { id: 'asc' } }),
    db().statedInterest.findMany({ where, orderBy: { id: 'asc' } }),
    db().assessment.findMany({ where, orderBy: { id: 'asc' } }),
    db().assessmentRevision.findMany({ where, orderBy: { id: 'asc' } }),
  ]);
  return { actors, issues, sources, interests, assessments, revisions };
}

/** The AppError a call is refused with; fails the test if the call succeeds. */
export async function rejection(run: () => Promise<unknown>): Promise<AppError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the call to be refused');
}
