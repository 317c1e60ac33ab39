// Every recording command with valid input, each kind of invalid input, and proof that a rejected
// write changed nothing in the database.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '@/lib/auth/context';
import { createActor, updateActor } from '@/lib/actors/commands';
import { createAssessment, updateAssessment } from '@/lib/assessments/commands';
import { assessmentRevisions, getAssessment } from '@/lib/assessments/queries';
import { createInterest, updateInterest } from '@/lib/interests/commands';
import { createIssue, updateIssue } from '@/lib/issues/commands';
import { createSource, updateSource } from '@/lib/sources/commands';
import { deleteRecord, restoreRecord } from '@/lib/records/soft-delete';
import { listActors } from '@/lib/actors/queries';
import { AppError } from '@/lib/errors';
import { db } from '@/lib/db';
import { createBasics, createTestWorkspace, workspaceSnapshot, type TestWorkspace } from './helpers/fixtures';

let home: TestWorkspace;
let other: TestWorkspace;
let basics: Awaited<ReturnType<typeof createBasics>>;
let otherBasics: Awaited<ReturnType<typeof createBasics>>;

beforeAll(async () => {
  home = await createTestWorkspace('Home desk');
  other = await createTestWorkspace('Other desk');
  basics = await createBasics(home.workspaceId);
  otherBasics = await createBasics(other.workspaceId);
});

async function rejection(run: () => Promise<unknown>): Promise<AppError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the write to be refused');
}

/** Runs a write that must fail, and checks the workspace's rows are exactly as before. */
async function expectRefusedUnchanged(run: () => Promise<unknown>) {
  const before = await workspaceSnapshot(home.workspaceId);
  const error = await rejection(run);
  expect(await workspaceSnapshot(home.workspaceId)).toEqual(before);
  return error;
}

const validAssessment = () => ({
  actorId: basics.actor.id,
  issueId: basics.issue.id,
  sourceId: basics.source.id,
  position: '90',
  salience: '85',
  capability: '',
  confidence: 'MODERATE',
  credibility: '2',
  stanceDate: '2020-11-10',
  quote: 'Putin seized those reins with the November 9 agreement.',
  rationale: 'Exclusive Russian control of implementation.',
});

describe('assessments', () => {
  it('creates an assessment from form strings, with revision 1 recording who and every field', async () => {
    const { id } = await createAssessment(home.analyst, validAssessment());
    const stored = await getAssessment(home.analyst, id);
    expect(stored).toMatchObject({ position: 90, salience: 85, capability: null, confidence: 'MODERATE', credibility: 2, version: 1, recordedById: home.analyst.userId });
    expect(stored.stanceDate.toISOString().slice(0, 10)).toBe('2020-11-10');
    const revisions = await assessmentRevisions(home.analyst, id);
    expect(revisions).toHaveLength(1);
    expect(revisions[0]).toMatchObject({ version: 1, editedById: home.analyst.userId });
    expect(revisions[0]!.changes.position).toEqual({ from: null, to: 90 });
  });

  const invalid: Array<[string, Record<string, unknown>, string, RegExp]> = [
    ['position above the scale', { position: '101' }, 'position', /Position must be between 0 and 100/],
    ['position below the scale', { position: '-1' }, 'position', /Position must be between 0 and 100/],
    ['position not a number', { position: 'seventy' }, 'position', /Position must be a number between 0 and 100/],
    ['salience missing', { salience: undefined }, 'salience', /Salience/],
    ['capability out of range', { capability: '250' }, 'capability', /Capability must be between 0 and 100/],
    ['unknown confidence', { confidence: 'CERTAIN' }, 'confidence', /Choose a confidence level/],
    ['credibility not 1-6', { credibility: '7' }, 'credibility', /Credibility must be a whole number from 1 to 6/],
    ['credibility fractional', { credibility: '2.5' }, 'credibility', /whole number/],
    ['stance date missing', { stanceDate: '' }, 'stanceDate', /Stance date is required/],
    ['stance date not a real day', { stanceDate: '2020-02-30' }, 'stanceDate', /not a real calendar date/],
    ['quote missing', { quote: '   ' }, 'quote', /Quote is required/],
    ['quote too long', { quote: 'x'.repeat(5001) }, 'quote', /Quote must be at most 5000 characters/],
    ['actor id malformed', { actorId: 'russia' }, 'actorId', /Choose an actor from the list/],
    ['unknown actor id', { actorId: '2b1a4a38-5a5e-4d5e-9c1e-000000000000' }, 'actorId', /Choose an actor from the list/],
  ];
  for (const [name, change, field, message] of invalid) {
    it(`refuses ${name} with a message on ${field}, saving nothing`, async () => {
      const error = await expectRefusedUnchanged(() => createAssessment(home.analyst, { ...validAssessment(), ...change }));
      expect(error.code).toBe('VALIDATION');
      expect(error.extra.fieldErrors?.[field]?.join(' ')).toMatch(message);
    });
  }

  it('treats an actor, issue or source of another workspace exactly like an unknown one', async () => {
    const error = await expectRefusedUnchanged(() =>
      createAssessment(home.analyst, { ...validAssessment(), actorId: otherBasics.actor.id, issueId: otherBasics.issue.id, sourceId: otherBasics.source.id }),
    );
    expect(error.extra.fieldErrors).toEqual({
      actorId: ['Choose an actor from the list'],
      issueId: ['Choose an issue from the list'],
      sourceId: ['Choose a source from the list'],
    });
  });

  it('refuses a viewer, saving nothing', async () => {
    const error = await expectRefusedUnchanged(() => createAssessment(home.viewer, validAssessment()));
    expect(error.code).toBe('FORBIDDEN');
  });

  it('keeps every edit as a revision of who, when and what changed', async () => {
    const { id } = await createAssessment(home.analyst, validAssessment());
    const result = await updateAssessment(home.admin, { ...validAssessment(), id, version: '1', position: '95', rationale: 'Firmer after the deployment.' });
    expect(result).toEqual({ id, version: 2, changed: ['position', 'rationale'] });
    const [latest] = await assessmentRevisions(home.analyst, id);
    expect(latest).toMatchObject({ version: 2, editedById: home.admin.userId, changes: { position: { from: 90, to: 95 }, rationale: { from: 'Exclusive Russian control of implementation.', to: 'Firmer after the deployment.' } } });
  });

  it('refuses a save based on a stale version, returning what is stored now and changing nothing', async () => {
    const { id } = await createAssessment(home.analyst, validAssessment());
    await updateAssessment(home.admin, { ...validAssessment(), id, version: '1', position: '70' });
    const error = await expectRefusedUnchanged(() => updateAssessment(home.analyst, { ...validAssessment(), id, version: '1', position: '99' }));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toMatch(/changed by .* since you opened it/);
    expect(error.extra.details).toMatchObject({ current: { position: 70, version: 2 } });
  });

  it('answers NOT_FOUND, not FORBIDDEN, for an assessment of another workspace, and changes nothing there', async () => {
    const { id } = await createAssessment(other.analyst, {
      ...validAssessment(),
      actorId: otherBasics.actor.id,
      issueId: otherBasics.issue.id,
      sourceId: otherBasics.source.id,
    });
    const before = await db().assessment.findUniqueOrThrow({ where: { id } });
    const error = await rejection(() => updateAssessment(home.analyst, { ...validAssessment(), id, version: '1' }));
    expect(error.code).toBe('NOT_FOUND');
    expect((await rejection(() => getAssessment(home.analyst, id))).code).toBe('NOT_FOUND');
    expect((await rejection(() => deleteRecord(home.analyst, 'assessment', { id }))).code).toBe('NOT_FOUND');
    expect(await db().assessment.findUniqueOrThrow({ where: { id } })).toEqual(before);
  });

  it('soft-deletes and restores, with both in the audit log', async () => {
    const { id } = await createAssessment(home.analyst, validAssessment());
    await deleteRecord(home.analyst, 'assessment', { id });
    expect((await db().assessment.findUniqueOrThrow({ where: { id } })).deletedAt).toBeInstanceOf(Date);
    expect((await rejection(() => updateAssessment(home.analyst, { ...validAssessment(), id, version: '1' }))).code).toBe('NOT_FOUND');
    await restoreRecord(home.analyst, 'assessment', { id });
    expect((await db().assessment.findUniqueOrThrow({ where: { id } })).deletedAt).toBeNull();
    const audit = await db().auditLog.findMany({ where: { entityId: id }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => [a.action, a.userId])).toEqual([
      ['record.deleted', home.analyst.userId],
      ['record.restored', home.analyst.userId],
    ]);
    expect((await rejection(() => deleteRecord(home.viewer, 'assessment', { id }))).code).toBe('FORBIDDEN');
  });
});

describe('actors', () => {
  it('creates with aliases from a comma list and a parent, and lists it by alias search', async () => {
    const { id: turkey } = await createActor(home.analyst, { name: 'Turkey', kind: 'STATE', aliases: 'Ankara, Türkiye, Ankara' });
    const { id } = await createActor(home.analyst, { name: 'Recep Tayyip Erdogan', kind: 'PERSON', aliases: 'Erdogan', parentId: turkey });
    const stored = await db().actor.findUniqueOrThrow({ where: { id } });
    expect(stored).toMatchObject({ parentId: turkey, aliases: ['Erdogan'] });
    expect((await db().actor.findUniqueOrThrow({ where: { id: turkey } })).aliases).toEqual(['Ankara', 'Türkiye']);
    const list = await listActors(home.viewer, { q: 'Ankara' });
    expect(list.items.map((a) => a.name)).toEqual(['Turkey']);
  });

  it('refuses a duplicate name, a missing kind, a too-long name and a parent from another workspace', async () => {
    await createActor(home.analyst, { name: 'Armenia', kind: 'STATE' });
    for (const [input, field, message] of [
      [{ name: 'Armenia', kind: 'STATE' }, 'name', /already exists/],
      [{ name: 'Yerevan', kind: '' }, 'kind', /Choose a kind/],
      [{ name: 'x'.repeat(201), kind: 'STATE' }, 'name', /at most 200/],
      [{ name: 'Aliyev', kind: 'PERSON', parentId: otherBasics.actor.id }, 'parentId', /Choose an actor from the list/],
    ] as const) {
      const error = await expectRefusedUnchanged(() => createActor(home.analyst, input));
      expect(error.extra.fieldErrors?.[field]?.join(' ')).toMatch(message);
    }
  });

  it('refuses a parent cycle and a stale version', async () => {
    const { id: a } = await createActor(home.analyst, { name: 'Cycle A', kind: 'OTHER' });
    const { id: b } = await createActor(home.analyst, { name: 'Cycle B', kind: 'OTHER', parentId: a });
    const cycle = await expectRefusedUnchanged(() => updateActor(home.analyst, { id: a, version: 1, name: 'Cycle A', kind: 'OTHER', parentId: b }));
    expect(cycle.extra.fieldErrors?.parentId?.[0]).toMatch(/cycle/);
    await updateActor(home.analyst, { id: a, version: 1, name: 'Cycle A2', kind: 'OTHER' });
    const stale = await expectRefusedUnchanged(() => updateActor(home.analyst, { id: a, version: 1, name: 'Cycle A3', kind: 'OTHER' }));
    expect(stale.code).toBe('CONFLICT');
    expect(stale.extra.details).toMatchObject({ current: { name: 'Cycle A2', version: 2 } });
  });
});

describe('issues', () => {
  const anchors = { anchorValue: ['0', '50', '100'], anchorLabel: ['No foreign forces', 'Joint', 'Russian-only'] };

  it('creates from the form’s parallel anchor fields, sorted, and updates with the version', async () => {
    const { id } = await createIssue(home.analyst, { title: 'Turkey’s role', anchorValue: ['100', '0'], anchorLabel: ['Leading power', 'No role'] });
    const stored = await db().issue.findUniqueOrThrow({ where: { id } });
    expect(stored.anchors).toEqual([{ value: 0, label: 'No role' }, { value: 100, label: 'Leading power' }]);
    await updateIssue(home.analyst, { id, version: '1', title: 'Turkey’s role in the South Caucasus', ...anchors });
    expect((await db().issue.findUniqueOrThrow({ where: { id } })).version).toBe(2);
  });

  it('refuses a scale without 0 and 100, duplicate anchor values, out-of-range anchors and a missing title', async () => {
    for (const [input, pattern] of [
      [{ title: 'No ends', anchorValue: ['10', '90'], anchorLabel: ['a', 'b'] }, /anchor points at 0 and at 100/],
      [{ title: 'Dupes', anchorValue: ['0', '0', '100'], anchorLabel: ['a', 'b', 'c'] }, /only once/],
      [{ title: 'Range', anchorValue: ['0', '100', '150'], anchorLabel: ['a', 'b', 'c'] }, /between 0 and 100/],
      [{ title: 'Unlabelled', anchorValue: ['0', '100'], anchorLabel: ['a', ''] }, /label is required/],
      [{ title: '', ...anchors }, /Title is required/],
    ] as const) {
      const error = await expectRefusedUnchanged(() => createIssue(home.analyst, input));
      expect(Object.values(error.extra.fieldErrors ?? {}).flat().join(' ')).toMatch(pattern);
    }
  });
});

describe('sources and stated interests', () => {
  const validSource = { title: 'Reuters analysis', outlet: 'Reuters', publishedAt: '2020-11-10', kind: 'NEWS', reliability: 'B', url: 'https://example.org/a' };

  it('creates a source, refuses bad URLs, dates and grades, and detects stale edits', async () => {
    const { id } = await createSource(home.analyst, validSource);
    for (const [change, field] of [
      [{ url: 'javascript:alert(1)' }, 'url'],
      [{ publishedAt: '10/11/2020' }, 'publishedAt'],
      [{ reliability: 'G' }, 'reliability'],
      [{ kind: 'BLOG' }, 'kind'],
      [{ outlet: '' }, 'outlet'],
    ] as const) {
      const error = await expectRefusedUnchanged(() => createSource(home.analyst, { ...validSource, ...change }));
      expect(Object.keys(error.extra.fieldErrors ?? {})).toEqual([field]);
    }
    await updateSource(home.analyst, { ...validSource, id, version: 1, title: 'Reuters analysis (updated)' });
    const stale = await expectRefusedUnchanged(() => updateSource(home.analyst, { ...validSource, id, version: 1 }));
    expect(stale.code).toBe('CONFLICT');
  });

  it('records a stated interest and refuses one pointing at another workspace’s actor', async () => {
    const valid = { actorId: basics.actor.id, sourceId: basics.source.id, statedOn: '2020-11-10', quote: 'a “sacred success”' };
    const { id } = await createInterest(home.analyst, valid);
    expect((await db().statedInterest.findUniqueOrThrow({ where: { id } })).createdById).toBe(home.analyst.userId);
    const error = await expectRefusedUnchanged(() => createInterest(home.analyst, { ...valid, actorId: otherBasics.actor.id }));
    expect(error.extra.fieldErrors).toEqual({ actorId: ['Choose an actor from the list'] });
    const stale = await (async () => {
      await updateInterest(home.analyst, { ...valid, id, version: 1, summary: 'Ankara’s framing' });
      return expectRefusedUnchanged(() => updateInterest(home.analyst, { ...valid, id, version: 1 }));
    })();
    expect(stale.code).toBe('CONFLICT');
  });
});

describe('reads are scoped to the caller’s workspace', () => {
  it('never lists another workspace’s actors', async () => {
    const names = (await listActors(home.viewer, { pageSize: 100 })).items.map((a) => a.name);
    expect(names).not.toContain(otherBasics.actor.name);
    expect(names).toContain(basics.actor.name);
  });

  it('refuses a caller without a context', async () => {
    const error = await rejection(() => listActors(null as unknown as Ctx, {}));
    expect(error.code).toBe('UNAUTHENTICATED');
  });
});

describe('revision history', () => {
  it('names the actor, issue and source an edit moved between, instead of showing ids', async () => {
    const { id } = await createAssessment(home.analyst, validAssessment());
    const { id: newActor } = await createActor(home.analyst, { name: 'Revision Turkey', kind: 'STATE' });
    await updateAssessment(home.analyst, { ...validAssessment(), id, version: '1', actorId: newActor });
    const [latest] = await assessmentRevisions(home.viewer, id);
    expect(latest!.changes.actorId).toEqual({ from: basics.actor.name, to: 'Revision Turkey' });
  });
});
