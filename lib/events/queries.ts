import { z } from 'zod';
import { authorize, type Ctx } from '../auth/context';
import { db, readDb } from '../db';
import type { Prisma } from '../generated/prisma/client';
import { cursorListParams, type SortSpecs } from '../records/cursor';
import { parseListParams, runList, type ListPage } from '../records/list';
import type { TimelineEvent } from './timeline';

export type { TimelineEvent } from './timeline';

const day = (date: Date) => date.toISOString().slice(0, 10);

// Only by date: a list offers a sort only where an index leads with (workspaceId, column), and the events'
// index is (workspaceId, occurredOn) (tests/integration/list-paging.test.ts, "indexes").
const EVENT_SORTS: SortSpecs<'occurredOn'> = { occurredOn: { type: 'date' } };

/**
 * The events list's params (the events page; there is no events API). Events are deleted outright, so the
 * list has no `deleted` filter.
 */
export const eventListSchema = cursorListParams(['occurredOn'] as const, 'occurredOn', 'desc').omit({ deleted: true });
export type EventListParams = z.output<typeof eventListSchema>;

/** The workspace's events; with `issueId`, those on that issue's timeline (its own and the workspace-wide ones). */
export function eventWhere(workspaceId: string, { q, issueId }: { q?: string; issueId?: string }): Prisma.EventWhereInput {
  const and: Prisma.EventWhereInput[] = [];
  if (issueId) and.push({ OR: [{ issueIds: { isEmpty: true } }, { issueIds: { has: issueId } }] });
  if (q) and.push({ OR: [{ title: { contains: q, mode: 'insensitive' } }, { description: { contains: q, mode: 'insensitive' } }] });
  return { workspaceId, ...(and.length ? { AND: and } : {}) };
}

const eventInclude = { source: { select: { id: true, title: true } } } satisfies Prisma.EventInclude;
type EventWithSource = Prisma.EventGetPayload<{ include: typeof eventInclude }>;

/** The events as the list and the brief show them: the day, and the titles of the issues they concern. */
async function shown(ctx: Ctx, events: EventWithSource[]) {
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
export type ListedEvent = Awaited<ReturnType<typeof shown>>[number];

/** One page of the workspace's events (the events page), newest first, keyset-paged and counted up to the cap like every list. */
export async function listEvents(ctx: Ctx, raw: unknown): Promise<ListPage<ListedEvent, EventListParams>> {
  authorize(ctx, 'workspace:read');
  const p = parseListParams(eventListSchema, raw, 'page');
  const page = await runList(
    p,
    'page',
    EVENT_SORTS,
    eventWhere(ctx.workspaceId, p),
    (args) => readDb(ctx).event.findMany({ ...(args as Prisma.EventFindManyArgs), include: eventInclude }),
    (args) => readDb(ctx).event.count(args as Prisma.EventCountArgs),
  );
  return { ...page, items: await shown(ctx, page.items) };
}

/** Every event on an issue's timeline, newest first: the issue brief prints them all. */
export async function issueEvents(ctx: Ctx, issueId: string): Promise<ListedEvent[]> {
  authorize(ctx, 'workspace:read');
  const events = await db().event.findMany({
    where: eventWhere(ctx.workspaceId, { issueId }),
    orderBy: [{ occurredOn: 'desc' }, { title: 'asc' }],
    include: eventInclude,
  });
  return shown(ctx, events);
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
