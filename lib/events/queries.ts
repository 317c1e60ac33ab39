import { authorize, type Ctx } from '../auth/context';
import { db } from '../db';
import type { Prisma } from '../generated/prisma/client';
import type { TimelineEvent } from './timeline';

export type { TimelineEvent } from './timeline';

const day = (date: Date) => date.toISOString().slice(0, 10);

/**
 * The workspace's events, newest first, with the issues they concern and their source; with `issueId`,
 * only those on that issue's timeline (its own and the workspace-wide ones, as timelineEvents).
 */
export async function listEvents(ctx: Ctx, { issueId }: { issueId?: string } = {}) {
  authorize(ctx, 'workspace:read');
  const where: Prisma.EventWhereInput = { workspaceId: ctx.workspaceId };
  if (issueId) where.OR = [{ issueIds: { isEmpty: true } }, { issueIds: { has: issueId } }];
  const events = await db().event.findMany({
    where,
    orderBy: [{ occurredOn: 'desc' }, { title: 'asc' }],
    include: { source: { select: { id: true, title: true } } },
  });
  const issueIds = [...new Set(events.flatMap((e) => e.issueIds))];
  const issues = issueIds.length
    ? await db().issue.findMany({ where: { id: { in: issueIds }, workspaceId: ctx.workspaceId }, select: { id: true, title: true } })
    : [];
  const titles = new Map(issues.map((i) => [i.id, i.title]));
  return events.map((e) => ({
    id: e.id,
    date: day(e.occurredOn),
    title: e.title,
    description: e.description,
    source: e.source,
    issues: e.issueIds.flatMap((id) => (titles.has(id) ? [{ id, title: titles.get(id)! }] : [])),
  }));
}

/**
 * Events to draw on a timeline: those of the whole workspace, plus those of any of `issueIds` (all of
 * the workspace's events when `issueIds` is null, as on an actor's chart across issues).
 */
export async function timelineEvents(ctx: Ctx, issueIds: string[] | null): Promise<TimelineEvent[]> {
  authorize(ctx, 'workspace:read');
  const where: Prisma.EventWhereInput = { workspaceId: ctx.workspaceId };
  if (issueIds) where.OR = [{ issueIds: { isEmpty: true } }, { issueIds: { hasSome: issueIds } }];
  const events = await db().event.findMany({ where, orderBy: [{ occurredOn: 'asc' }, { title: 'asc' }], select: { id: true, occurredOn: true, title: true, issueIds: true } });
  return events.map((e) => ({ id: e.id, date: day(e.occurredOn), title: e.title, issueIds: e.issueIds }));
}
