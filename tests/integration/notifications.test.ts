// Alerts on shifts (lib/notifications/, migration 20261203100000_notifications): the rules that write a
// notification in the same transaction as the change, who may watch and read what, and delivery over
// PostgreSQL LISTEN/NOTIFY to a listener on another connection (as another app instance would be).
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '@/lib/auth/context';
import { createAssessment, updateAssessment } from '@/lib/assessments/commands';
import { db } from '@/lib/db';
import { createEvent } from '@/lib/events/commands';
import { markAllNotificationsRead, markNotificationRead, removeWatch, saveWatch } from '@/lib/notifications/commands';
import { NotificationListener, type ListenerSignal } from '@/lib/notifications/listener';
import { listNotifications, listWatches, unreadCount, watchOf } from '@/lib/notifications/queries';
import { notificationStream } from '@/lib/notifications/stream';
import { deleteRecord, restoreRecord } from '@/lib/records/soft-delete';
import { addEstimate } from '@/lib/scenarios/commands';
import { createBasics, createMember, createTestWorkspace, rejection, type TestWorkspace } from './helpers/fixtures';

let home: TestWorkspace;
let other: TestWorkspace;
let watcher: Ctx;
let basics: Awaited<ReturnType<typeof createBasics>>;

const reading = (b: typeof basics, position: number, extra: Record<string, unknown> = {}) => ({
  actorId: b.actor.id,
  issueId: b.issue.id,
  sourceId: b.source.id,
  position: String(position),
  salience: '60',
  capability: '',
  confidence: 'HIGH',
  credibility: '2',
  stanceDate: '2020-11-10',
  quote: 'Said so.',
  ...extra,
});

/** A fresh actor with one reading at `start`, so each test starts from a known current position. */
async function freshActor(start: number) {
  const actor = await db().actor.create({ data: { workspaceId: home.workspaceId, name: `Turkey ${Math.random().toString(36).slice(2, 8)}`, kind: 'STATE' } });
  const b = { ...basics, actor };
  const { id } = await createAssessment(home.admin, reading(b, start));
  return { b, actor, firstId: id };
}

const notificationsOf = (ctx: Ctx) => db().notification.findMany({ where: { userId: ctx.userId, workspaceId: ctx.workspaceId }, orderBy: { createdAt: 'asc' } });

beforeAll(async () => {
  home = await createTestWorkspace('Alerts desk');
  other = await createTestWorkspace('Other desk');
  watcher = await createMember(home.workspaceId, 'ANALYST', 'watcher');
  basics = await createBasics(home.workspaceId);
});

describe('SHIFT: a change that moves a current position past a threshold', () => {
  it('writes nothing for a move at or below the threshold, and one notification with old and new position above it', async () => {
    const { b, actor } = await freshActor(40);
    await saveWatch(watcher, { actorId: actor.id, threshold: '10' });
    const before = (await notificationsOf(watcher)).length;

    // A second source at 60 (same weight): the mean moves 40 → 50, exactly the threshold: nothing.
    const source2 = await db().source.create({ data: { workspaceId: home.workspaceId, title: 'Wire 2', outlet: 'W', publishedAt: new Date('2020-11-11'), kind: 'NEWS', reliability: 'B' } });
    await createAssessment(home.admin, reading({ ...b, source: source2 }, 60));
    expect(await notificationsOf(watcher)).toHaveLength(before);

    // The same source now reads 90: the mean moves 50 → 65, more than 10.
    await createAssessment(home.admin, reading({ ...b, source: source2 }, 90, { stanceDate: '2020-11-12' }));
    const after = await notificationsOf(watcher);
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)).toMatchObject({ kind: 'SHIFT', readAt: null, payload: { actorId: actor.id, issueId: b.issue.id, from: 50, to: 65 } });

    const { items, unread } = await listNotifications(watcher);
    expect(items[0]).toMatchObject({ kind: 'SHIFT', from: 50, to: 65, href: `/issues/${b.issue.id}`, actor: { id: actor.id }, issue: { id: b.issue.id } });
    expect(items[0]!.text).toBe(`${actor.name} moved from 50 to 65 on ${b.issue.title}`);
    expect(unread).toBe(await unreadCount(watcher));
  });

  it('measures the move with sources that share an origin counted once (lib/stance/origins.ts)', async () => {
    // basics.source reads 40. Two more sources share one origin and read 100: counted once, the
    // position is (40·w + 100·w) / 2w = 70, a move of 30; counting them whole it would be 80.
    const { b, actor } = await freshActor(40);
    await saveWatch(watcher, { actorId: actor.id, threshold: '25' });
    const before = (await notificationsOf(watcher)).length;
    const wire = (title: string) =>
      db().source.create({ data: { workspaceId: home.workspaceId, title, outlet: title, publishedAt: new Date('2020-11-11'), kind: 'NEWS', reliability: basics.source.reliability, origin: 'Reuters wire, 11 Nov' } });
    const [first, second] = [await wire('Echo A'), await wire('Echo B')];
    await createAssessment(home.admin, reading({ ...b, source: first }, 100));
    // 40 → 70: above 25, one notification.
    await createAssessment(home.admin, reading({ ...b, source: second }, 100));
    // 70 → 70 with the second echo (it shares the origin): no second notification.
    const after = await notificationsOf(watcher);
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)).toMatchObject({ kind: 'SHIFT', payload: { actorId: actor.id, from: 40, to: 70 } });
    const position = await db().currentPosition.findFirstOrThrow({ where: { workspaceId: home.workspaceId, actorId: actor.id } });
    expect(position).toMatchObject({ position: 70, sources: 3, origins: 2 });
  });

  it('notifies on an edit and on a delete of an assessment that move the position, and on a restore', async () => {
    const { b, actor, firstId } = await freshActor(20);
    const source2 = await db().source.create({ data: { workspaceId: home.workspaceId, title: 'Wire 3', outlet: 'W', publishedAt: new Date('2020-11-11'), kind: 'NEWS', reliability: 'B' } });
    const second = await createAssessment(home.admin, reading({ ...b, source: source2 }, 20));
    await saveWatch(watcher, { issueId: b.issue.id, threshold: '5' });
    const count = async () => (await db().notification.count({ where: { userId: watcher.userId, payload: { path: ['actorId'], equals: actor.id } } }));
    expect(await count()).toBe(0);

    await updateAssessment(home.admin, { id: second.id, version: '1', ...reading({ ...b, source: source2 }, 60) }); // 20 → 40
    expect(await count()).toBe(1);
    await deleteRecord(home.admin, 'assessment', { id: second.id }); // 40 → 20
    expect(await count()).toBe(2);
    await restoreRecord(home.admin, 'assessment', { id: second.id }); // 20 → 40
    expect(await count()).toBe(3);
    const payloads = (await notificationsOf(watcher)).filter((n) => (n.payload as { actorId?: string }).actorId === actor.id).map((n) => n.payload);
    expect(payloads).toEqual([
      { actorId: actor.id, issueId: b.issue.id, from: 20, to: 40 },
      { actorId: actor.id, issueId: b.issue.id, from: 40, to: 20 },
      { actorId: actor.id, issueId: b.issue.id, from: 20, to: 40 },
    ]);
    // Deleting the last readings leaves no position: not a move.
    await deleteRecord(home.admin, 'assessment', { id: second.id });
    await deleteRecord(home.admin, 'assessment', { id: firstId });
    expect(await count()).toBe(4); // only the 40 → 20 of the first delete
    await removeWatch(watcher, { id: (await watchOf(watcher, { issueId: b.issue.id }))!.id });
  });

  it('a first reading is not a move; one notification per member even when an actor watch and an issue watch both match', async () => {
    const issue = await db().issue.create({ data: { workspaceId: home.workspaceId, title: `Corridor ${Date.now()}`, anchors: [{ value: 0, label: 'No' }, { value: 100, label: 'Yes' }] } });
    const actor = await db().actor.create({ data: { workspaceId: home.workspaceId, name: `Armenia ${Date.now()}`, kind: 'STATE' } });
    await saveWatch(watcher, { actorId: actor.id, threshold: '1' });
    await saveWatch(watcher, { issueId: issue.id, threshold: '1' });
    const b = { ...basics, actor, issue };
    await createAssessment(home.admin, reading(b, 10));
    const mine = async () => (await notificationsOf(watcher)).filter((n) => (n.payload as { actorId?: string }).actorId === actor.id);
    expect(await mine()).toHaveLength(0);
    await createAssessment(home.admin, reading(b, 30, { stanceDate: '2020-11-15' }));
    expect((await mine()).map((n) => n.payload)).toEqual([{ actorId: actor.id, issueId: issue.id, from: 10, to: 30 }]);
  });

  it('does not notify the member who made the change, nor a disabled member', async () => {
    const { b, actor } = await freshActor(0);
    const author = await createMember(home.workspaceId, 'ANALYST', 'author');
    const disabled = await createMember(home.workspaceId, 'ANALYST', 'disabled');
    await saveWatch(author, { actorId: actor.id, threshold: '0' });
    await saveWatch(disabled, { actorId: actor.id, threshold: '0' });
    await saveWatch(watcher, { actorId: actor.id, threshold: '0' });
    await db().membership.updateMany({ where: { userId: disabled.userId }, data: { disabledAt: new Date() } });
    const before = (await notificationsOf(watcher)).length;
    await createAssessment(author, reading(b, 100, { stanceDate: '2020-11-20' }));
    expect(await notificationsOf(author)).toHaveLength(0);
    expect(await notificationsOf(disabled)).toHaveLength(0);
    expect(await notificationsOf(watcher)).toHaveLength(before + 1);
  });

  it('writes nothing when the change is rolled back', async () => {
    const { b, actor } = await freshActor(0);
    await saveWatch(watcher, { actorId: actor.id, threshold: '0' });
    const before = (await notificationsOf(watcher)).length;
    await expect(
      db().$transaction(async (tx) => {
        await tx.assessment.create({
          data: { workspaceId: home.workspaceId, actorId: actor.id, issueId: b.issue.id, sourceId: b.source.id, position: 99, salience: 50, confidence: 'HIGH', credibility: 2, stanceDate: new Date('2020-12-01'), quote: 'x', recordedById: home.admin.userId },
        });
        expect(await tx.notification.count({ where: { userId: watcher.userId } })).toBe(before + 1);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await notificationsOf(watcher)).toHaveLength(before);
  });
});

describe('EVENT and LIKELIHOOD', () => {
  it('notifies watchers of the event’s issues (and of actors with a position there), everyone watching for a workspace-wide event, never the author', async () => {
    const { b, actor } = await freshActor(50);
    const issueWatcher = await createMember(home.workspaceId, 'VIEWER', 'issue-watcher');
    const actorWatcher = await createMember(home.workspaceId, 'VIEWER', 'actor-watcher');
    const elsewhere = await createMember(home.workspaceId, 'VIEWER', 'elsewhere');
    const otherIssue = await db().issue.create({ data: { workspaceId: home.workspaceId, title: `Elsewhere ${Date.now()}`, anchors: [{ value: 0, label: 'No' }, { value: 100, label: 'Yes' }] } });
    await saveWatch(issueWatcher, { issueId: b.issue.id, threshold: '50' });
    await saveWatch(actorWatcher, { actorId: actor.id, threshold: '50' });
    await saveWatch(elsewhere, { issueId: otherIssue.id, threshold: '50' });
    await saveWatch(home.analyst, { issueId: b.issue.id, threshold: '50' });

    await createEvent(home.analyst, { occurredOn: '2020-11-09', title: 'Trilateral statement', issueIds: [b.issue.id] });
    const kinds = async (ctx: Ctx) => (await notificationsOf(ctx)).filter((n) => n.kind === 'EVENT').map((n) => (n.payload as { title: string }).title);
    expect(await kinds(issueWatcher)).toEqual(['Trilateral statement']);
    expect(await kinds(actorWatcher)).toEqual(['Trilateral statement']);
    expect(await kinds(elsewhere)).toEqual([]);
    expect(await kinds(home.analyst)).toEqual([]); // the author

    await createEvent(home.analyst, { occurredOn: '2020-11-10', title: 'Ceasefire everywhere', issueIds: [] });
    expect(await kinds(elsewhere)).toEqual(['Ceasefire everywhere']);
    const [item] = (await listNotifications(elsewhere)).items;
    expect(item).toMatchObject({ kind: 'EVENT', href: '/events', text: 'New event on 2020-11-10: Ceasefire everywhere (the whole workspace)' });
  });

  it('notifies watchers of the scenario’s issue of a new likelihood estimate, without revealing it', async () => {
    const issueWatcher = await createMember(home.workspaceId, 'VIEWER', 'estimates');
    await saveWatch(issueWatcher, { issueId: basics.issue.id, threshold: '100' });
    const scenario = await db().scenario.create({ data: { workspaceId: home.workspaceId, issueId: basics.issue.id, name: 'Russian-only force', asOf: new Date('2020-11-12'), createdById: home.admin.userId } });
    await addEstimate(home.analyst, { scenarioId: scenario.id, likelihood: 'LIKELY', probability: '70', estimatedOn: '2020-11-13', forecastPosition: '', rationale: '' });
    const rows = (await notificationsOf(issueWatcher)).filter((n) => n.kind === 'LIKELIHOOD');
    expect(rows.map((n) => n.payload)).toEqual([{ scenarioId: scenario.id, issueId: basics.issue.id, estimatedOn: '2020-11-13' }]);
    const item = (await listNotifications(issueWatcher)).items.find((i) => i.kind === 'LIKELIHOOD')!;
    expect(item.href).toBe(`/scenarios/${scenario.id}`);
    expect(item.text).toBe(`New likelihood estimate on “Russian-only force” (${basics.issue.title})`);
    // Ids, the timestamp and the issue's random title tag may hold "70" by chance ("…7080c3", ".270Z"); the rest must not carry the estimate.
    const { id: _id, createdAt: _createdAt, ...shown } = item;
    const text = JSON.stringify(shown).replaceAll(basics.issue.title, '<issue>').replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<id>');
    expect(text).not.toMatch(/LIKELY|0\.7|70/);
  });
});

describe('watches, reading and the authorization matrix', () => {
  it('lets every role watch for themselves (watching is reading), one watch per target, with the threshold rules of lib/validation.ts', async () => {
    for (const ctx of [home.viewer, home.analyst, home.admin]) {
      const first = await saveWatch(ctx, { actorId: basics.actor.id, threshold: '12.5' });
      const again = await saveWatch(ctx, { actorId: basics.actor.id, threshold: '7' });
      expect(again.id).toBe(first.id);
      expect(await watchOf(ctx, { actorId: basics.actor.id })).toEqual({ id: first.id, threshold: 7 });
    }
    for (const [value, message] of [
      ['', 'Threshold is required'],
      ['abc', 'Threshold must be a number of scale points between 0 and 100'],
      ['1e1', 'Threshold must be a number of scale points between 0 and 100'],
      ['101', 'Threshold must be between 0 and 100 scale points'],
      ['-1', 'Threshold must be between 0 and 100 scale points'],
    ]) {
      const error = await rejection(() => saveWatch(home.viewer, { actorId: basics.actor.id, threshold: value }));
      expect(error.extra.fieldErrors).toEqual({ threshold: [message] });
    }
    const nothing = await rejection(() => saveWatch(home.viewer, { actorId: '', issueId: '', threshold: '5' }));
    expect(nothing.extra.fieldErrors).toEqual({ actorId: ['Choose an actor or an issue to watch'] });
  });

  it('keeps workspaces apart: another workspace’s actor, watch or notification is not found, and its changes notify nobody here', async () => {
    const theirs = await createBasics(other.workspaceId);
    const refused = await rejection(() => saveWatch(watcher, { actorId: theirs.actor.id, threshold: '5' }));
    expect(refused.code).toBe('VALIDATION');
    expect(refused.extra.fieldErrors).toEqual({ actorId: ['Choose an actor from the list'] });

    const theirWatch = await saveWatch(other.analyst, { actorId: theirs.actor.id, threshold: '0' });
    expect((await rejection(() => removeWatch(watcher, { id: theirWatch.id }))).code).toBe('NOT_FOUND');
    // Another member of the same workspace: not found either.
    const colleagues = await saveWatch(home.viewer, { issueId: basics.issue.id, threshold: '3' });
    expect((await rejection(() => removeWatch(watcher, { id: colleagues.id }))).code).toBe('NOT_FOUND');
    expect((await listWatches(watcher)).map((w) => w.id)).not.toContain(colleagues.id);

    const before = await db().notification.count({ where: { workspaceId: home.workspaceId } });
    await createAssessment(other.admin, reading(theirs, 10));
    await createAssessment(other.admin, reading(theirs, 90, { stanceDate: '2020-11-13' }));
    expect(await db().notification.count({ where: { workspaceId: home.workspaceId } })).toBe(before);
    const [theirNotification] = await notificationsOf(other.analyst);
    expect(theirNotification).toMatchObject({ kind: 'SHIFT', payload: { from: 10, to: 90 } });
    expect((await rejection(() => markNotificationRead(watcher, { id: theirNotification!.id }))).code).toBe('NOT_FOUND');
    expect((await listNotifications(watcher)).items.map((i) => i.id)).not.toContain(theirNotification!.id);
    expect((await rejection(() => listNotifications(watcher, { before: theirNotification!.id }))).code).toBe('VALIDATION');
  });

  it('marks one and then all read, and pages newest first', async () => {
    const unreadBefore = await unreadCount(watcher);
    expect(unreadBefore).toBeGreaterThan(2);
    const { items } = await listNotifications(watcher, { limit: '2' });
    await markNotificationRead(watcher, { id: items[0]!.id });
    await markNotificationRead(watcher, { id: items[0]!.id }); // again: still fine
    expect(await unreadCount(watcher)).toBe(unreadBefore - 1);
    const page1 = await listNotifications(watcher, { limit: '2' });
    const page2 = await listNotifications(watcher, { limit: '2', before: page1.nextBefore! });
    const all = await notificationsOf(watcher);
    expect([...page1.items, ...page2.items].map((i) => i.id)).toEqual(
      [...all].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1)).slice(0, 4).map((n) => n.id),
    );
    expect((await listNotifications(watcher, { unread: 'true', limit: '200' })).items).toHaveLength(unreadBefore - 1);
    expect(await markAllNotificationsRead(watcher)).toEqual({ count: unreadBefore - 1 });
    expect(await unreadCount(watcher)).toBe(0);
  });
});

describe('delivery: LISTEN/NOTIFY across connections, and the stream', () => {
  const listeners: NotificationListener[] = [];
  afterAll(async () => {
    await Promise.all(listeners.map((l) => l.close()));
  });

  it('announces a committed notification to listeners on other connections (two app instances), and nothing for a rollback', async () => {
    const { b, actor } = await freshActor(0);
    await saveWatch(watcher, { actorId: actor.id, threshold: '0' });
    const silent = await createMember(home.workspaceId, 'ANALYST', 'silent');
    const heard: ListenerSignal[][] = [[], []];
    for (const i of [0, 1]) {
      const listener = new NotificationListener(() => process.env.DATABASE_URL!);
      listeners.push(listener);
      listener.subscribe(watcher.userId, watcher.workspaceId, (s) => heard[i]!.push(s));
      listener.subscribe(silent.userId, watcher.workspaceId, () => heard[i]!.push({ type: 'resync' })); // watches nothing: hears nothing
      await listener.ready();
    }
    // The write on a third, plain connection.
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      await client.query('BEGIN');
      await client.query(
        `INSERT INTO "Assessment" ("workspaceId","actorId","issueId","sourceId","position","salience","confidence","credibility","stanceDate","quote","recordedById","updatedAt")
         VALUES ($1,$2,$3,$4,80,50,'HIGH',2,'2020-12-02','x',$5,now())`,
        [home.workspaceId, actor.id, b.issue.id, b.source.id, home.admin.userId],
      );
      await client.query('ROLLBACK');
      await client.query('BEGIN');
      await client.query(
        `INSERT INTO "Assessment" ("workspaceId","actorId","issueId","sourceId","position","salience","confidence","credibility","stanceDate","quote","recordedById","updatedAt")
         VALUES ($1,$2,$3,$4,70,50,'HIGH',2,'2020-12-03','x',$5,now())`,
        [home.workspaceId, actor.id, b.issue.id, b.source.id, home.admin.userId],
      );
      await client.query('COMMIT');
    } finally {
      await client.end();
    }
    const [row] = (await notificationsOf(watcher)).filter((n) => (n.payload as { actorId?: string }).actorId === actor.id);
    expect(row!.payload).toEqual({ actorId: actor.id, issueId: b.issue.id, from: 0, to: 70 });
    await expect.poll(() => heard.map((h) => h.length), { timeout: 5_000 }).toEqual([1, 1]);
    for (const h of heard) expect(h[0]).toEqual({ type: 'message', message: { userId: watcher.userId, workspaceId: watcher.workspaceId, id: row!.id } });
  });

  it('streams the unread count on connect and each new notification as server-sent events', async () => {
    const { b, actor } = await freshActor(0);
    const reader = await createMember(home.workspaceId, 'VIEWER', 'reader');
    await saveWatch(reader, { actorId: actor.id, threshold: '5' });
    const abort = new AbortController();
    const response = notificationStream(reader, abort.signal);
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const body = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const readUntil = async (pattern: RegExp) => {
      while (!pattern.test(text)) {
        const { value, done } = await body.read();
        if (done) throw new Error(`stream ended before ${pattern}: ${text}`);
        text += decoder.decode(value);
      }
    };
    await readUntil(/event: unread\ndata: \{"count":0\}\n\n/);
    await createAssessment(home.admin, reading(b, 50, { stanceDate: '2020-12-05' }));
    await readUntil(/event: notification\n/);
    await readUntil(/\n\n$/);
    const data = JSON.parse(/event: notification\ndata: (.*)\n\n/.exec(text)![1]!);
    expect(data).toMatchObject({ unread: 1, item: { kind: 'SHIFT', from: 0, to: 50, text: `${actor.name} moved from 0 to 50 on ${b.issue.title}` } });
    abort.abort();
    expect((await body.read()).done).toBe(true);
  });
});
