// Events (lib/events/): recording with validation, workspace isolation, scope (one issue, several, the
// whole workspace) and which events a timeline draws.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { createEvent, deleteEvent } from '@/lib/events/commands';
import { issueEvents, listEvents, timelineEvents } from '@/lib/events/queries';
import { createBasics, createTestWorkspace, type TestWorkspace } from './helpers/fixtures';

let home: TestWorkspace;
let other: TestWorkspace;
let basics: Awaited<ReturnType<typeof createBasics>>;
let secondIssueId: string;
let otherBasics: Awaited<ReturnType<typeof createBasics>>;

beforeAll(async () => {
  home = await createTestWorkspace('Events desk');
  other = await createTestWorkspace('Other events desk');
  basics = await createBasics(home.workspaceId);
  otherBasics = await createBasics(other.workspaceId);
  secondIssueId = (await db().issue.create({ data: { workspaceId: home.workspaceId, title: 'Second issue', anchors: [{ value: 0, label: 'a' }, { value: 100, label: 'b' }] } })).id;
});

async function refusal(run: () => Promise<unknown>): Promise<AppError> {
  const error = await run().then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

const eventRows = (workspaceId: string) => db().event.findMany({ where: { workspaceId }, orderBy: { id: 'asc' } });

describe('events', () => {
  it('records an event for one issue, with its source, and shows it on that issue’s timeline only', async () => {
    const { id } = await createEvent(home.analyst, {
      occurredOn: '2020-11-09',
      title: '  Trilateral statement ',
      description: 'Signed in Moscow',
      sourceId: basics.source.id,
      issueIds: basics.issue.id,
    });
    expect(await timelineEvents(home.viewer, [basics.issue.id])).toEqual([{ id, date: '2020-11-09', title: 'Trilateral statement', issueIds: [basics.issue.id] }]);
    expect(await timelineEvents(home.viewer, [secondIssueId])).toEqual([]);
    const listed = (await listEvents(home.viewer, {})).items.find((e) => e.id === id)!;
    expect(listed).toMatchObject({ issues: [{ id: basics.issue.id }], source: { id: basics.source.id }, description: 'Signed in Moscow' });
  });

  it('an event with no issue belongs to the whole workspace; one with several shows on each', async () => {
    const whole = await createEvent(home.analyst, { occurredOn: '2020-09-27', title: 'War begins' });
    const both = await createEvent(home.admin, { occurredOn: '2020-10-10', title: 'Humanitarian truce', issueIds: [basics.issue.id, secondIssueId] });
    expect((await timelineEvents(home.viewer, [secondIssueId])).map((e) => e.id)).toEqual([whole.id, both.id]);
    expect((await timelineEvents(home.viewer, null)).map((e) => e.title)).toEqual(['War begins', 'Humanitarian truce', 'Trilateral statement']);
    expect(await timelineEvents(other.viewer, null)).toEqual([]);
    // The issue brief prints an issue's events whole, newest first, with the issues they concern.
    expect((await issueEvents(home.viewer, secondIssueId)).map((e) => [e.title, e.issues.length])).toEqual([['Humanitarian truce', 2], ['War begins', 0]]);
  });

  it('refuses bad input naming each field, and stores nothing', async () => {
    const before = await eventRows(home.workspaceId);
    const error = await refusal(() => createEvent(home.analyst, { occurredOn: '2020-02-30', title: ' ', sourceId: 'nope', issueIds: ['not-a-uuid'] }));
    expect(error.code).toBe('VALIDATION');
    expect(error.extra.fieldErrors).toMatchObject({
      occurredOn: ['Date is not a real calendar date'],
      title: ['Title is required'],
      sourceId: ['Choose a source from the list'],
      issueIds: ['Choose issues from the list'],
    });
    expect(await eventRows(home.workspaceId)).toEqual(before);
  });

  it('refuses issues and sources of another workspace as if they did not exist', async () => {
    const before = await eventRows(home.workspaceId);
    const error = await refusal(() =>
      createEvent(home.analyst, { occurredOn: '2020-11-09', title: 'Crossing', sourceId: otherBasics.source.id, issueIds: [otherBasics.issue.id] }),
    );
    expect(error.extra.fieldErrors).toEqual({ issueIds: ['Choose issues from the list'], sourceId: ['Choose a source from the list'] });
    expect(await eventRows(home.workspaceId)).toEqual(before);
  });

  it('viewers cannot record or delete events; another workspace cannot delete them', async () => {
    const before = await eventRows(home.workspaceId);
    expect((await refusal(() => createEvent(home.viewer, { occurredOn: '2020-11-09', title: 'Viewer event' }))).code).toBe('FORBIDDEN');
    expect((await refusal(() => deleteEvent(home.viewer, { id: before[0]!.id }))).code).toBe('FORBIDDEN');
    expect((await refusal(() => deleteEvent(other.admin, { id: before[0]!.id }))).code).toBe('NOT_FOUND');
    expect(await eventRows(home.workspaceId)).toEqual(before);
  });

  it('an analyst deletes an event, and the deletion is audited', async () => {
    const { id } = await createEvent(home.analyst, { occurredOn: '2021-01-11', title: 'Moscow meeting' });
    await deleteEvent(home.analyst, { id });
    expect(await db().event.findUnique({ where: { id } })).toBeNull();
    expect(await db().auditLog.findFirst({ where: { workspaceId: home.workspaceId, action: 'record.deleted', entityId: id } })).not.toBeNull();
  });
});
