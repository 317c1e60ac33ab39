// The whole-workspace export (GET /api/v1/export) and its import into an empty workspace
// (POST /api/v1/import/workspace): a workspace with every kind of record, history and deletion goes
// out and back in, and comes out again identical except for ids.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import * as exportRoute from '@/app/api/v1/export/route';
import * as assessmentList from '@/app/api/v1/assessments/route';
import * as importAssessmentsRoute from '@/app/api/v1/import/assessments/route';
import * as importRoute from '@/app/api/v1/import/workspace/route';
import { createActor } from '@/lib/actors/commands';
import { createAssessment, updateAssessment } from '@/lib/assessments/commands';
import { buildContext, type Ctx } from '@/lib/auth/context';
import { db } from '@/lib/db';
import { workspaceExportSchema, type WorkspaceExport } from '@/lib/export/format';
import { createInterest } from '@/lib/interests/commands';
import { createIssue } from '@/lib/issues/commands';
import { createOpinion, deleteOpinion, updateOpinion } from '@/lib/opinions/commands';
import { deleteRecord } from '@/lib/records/soft-delete';
import { addEstimate, createScenario, resolveScenario } from '@/lib/scenarios/commands';
import { createEvent } from '@/lib/events/commands';
import { createSource } from '@/lib/sources/commands';
import { createToken } from '@/lib/tokens/commands';
import { createTestWorkspace, workspaceSnapshot, type TestWorkspace } from './helpers/fixtures';

vi.mock('@/lib/auth/next-auth', () => ({ auth: vi.fn(async () => null) }));

async function exportOf(token: string): Promise<{ status: number; text: string; headers: Headers }> {
  const response = await exportRoute.GET(new Request('http://stanceboard.test/api/v1/export', { headers: { authorization: `Bearer ${token}` } }), {
    params: Promise.resolve({}),
  });
  return { status: response.status, text: await response.text(), headers: response.headers };
}

async function importInto(token: string, body: string) {
  const response = await importRoute.POST(
    new Request('http://stanceboard.test/api/v1/import/workspace', { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body }),
    { params: Promise.resolve({}) },
  );
  return { status: response.status, json: await response.json() };
}

/** Everything but ids: references become the referenced record's natural name, users their email; arrays are sorted. */
function normalise(doc: WorkspaceExport) {
  const actor = new Map(doc.actors.map((a) => [a.key, `actor:${a.name}`]));
  const issue = new Map(doc.issues.map((i) => [i.key, `issue:${i.title}`]));
  const source = new Map(doc.sources.map((s) => [s.key, `source:${s.title}|${s.outlet}|${s.publishedAt}`]));
  const user = new Map(doc.users.map((u) => [u.key, `user:${u.email}`]));
  const ref = (map: Map<string, string>, key: string | null) => (key === null ? null : (map.get(key) ?? `MISSING ${key}`));
  const refField: Record<string, Map<string, string>> = { actorId: actor, issueId: issue, sourceId: source };
  const remap = (field: string, v: unknown) => (typeof v === 'string' && refField[field] ? ref(refField[field]!, v) : v);
  const sorted = <T,>(list: T[]) => [...list].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  return {
    format: doc.format,
    formatVersion: doc.formatVersion,
    users: sorted(doc.users.map(({ key: _k, ...u }) => u)),
    actors: sorted(doc.actors.map(({ key: _k, parentKey, ...a }) => ({ ...a, parent: ref(actor, parentKey) }))),
    issues: sorted(doc.issues.map(({ key: _k, ...i }) => i)),
    sources: sorted(doc.sources.map(({ key: _k, citedInKey, ...s }) => ({ ...s, citedIn: ref(source, citedInKey) }))),
    interests: sorted(
      doc.interests.map(({ key: _k, actorKey, sourceKey, createdByKey, ...i }) => ({ ...i, actor: ref(actor, actorKey), source: ref(source, sourceKey), createdBy: ref(user, createdByKey) })),
    ),
    assessments: sorted(
      doc.assessments.map(({ key: _k, actorKey, issueKey, sourceKey, recordedByKey, revisions, opinions, ...a }) => ({
        ...a,
        opinions: sorted(opinions.map(({ authorKey, ...o }) => ({ ...o, author: ref(user, authorKey) }))),
        actor: ref(actor, actorKey),
        issue: ref(issue, issueKey),
        source: ref(source, sourceKey),
        recordedBy: ref(user, recordedByKey),
        revisions: revisions.map(({ editedByKey, changes, snapshot, ...r }) => ({
          ...r,
          editedBy: ref(user, editedByKey),
          changes: Object.fromEntries(Object.entries(changes).map(([f, c]) => [f, { from: remap(f, c.from), to: remap(f, c.to) }])),
          snapshot: Object.fromEntries(Object.entries(snapshot).map(([f, v]) => [f, remap(f, v)])),
        })),
      })),
    ),
    scenarios: sorted(
      doc.scenarios.map(({ key: _k, issueKey, createdByKey, resolvedByKey, actors, estimates, ...s }) => ({
        ...s,
        issue: ref(issue, issueKey),
        createdBy: ref(user, createdByKey),
        resolvedBy: ref(user, resolvedByKey),
        actors: sorted(actors.map(({ actorKey, ...a }) => ({ ...a, actor: ref(actor, actorKey) }))),
        estimates: sorted(estimates.map(({ analystKey, ...e }) => ({ ...e, analyst: ref(user, analystKey) }))),
      })),
    ),
    events: sorted(
      doc.events.map(({ key: _k, sourceKey, issueKeys, createdByKey, ...e }) => ({
        ...e,
        source: ref(source, sourceKey),
        issues: issueKeys.map((k) => ref(issue, k)).sort(),
        createdBy: ref(user, createdByKey),
      })),
    ),
  };
}

let source: TestWorkspace;
let sourceToken: string;

/** A workspace with every kind of record: parents, citations, deletions, edited assessments, scenarios with estimates. */
async function fill(ws: TestWorkspace) {
  const { analyst, admin } = ws;
  const russia = await createActor(analyst, { name: 'Russia', kind: 'STATE', aliases: 'Moscow; the Kremlin', description: 'Broker of the deal' });
  const putin = await createActor(analyst, { name: 'Vladimir Putin', kind: 'PERSON', parentId: russia.id });
  const turkey = await createActor(analyst, { name: 'Turkey', kind: 'STATE', aliases: 'Ankara' });
  const gone = await createActor(analyst, { name: 'Dissolved group', kind: 'ARMED_GROUP' });
  await deleteRecord(analyst, 'actor', { id: gone.id });

  const issue = await createIssue(analyst, {
    title: 'Foreign military presence in Nagorno-Karabakh',
    anchors: [
      { value: 0, label: 'No foreign forces' },
      { value: 50, label: 'Joint Russian-Turkish peacekeeping' },
      { value: 100, label: 'Russian-only peacekeeping force' },
    ],
  });
  const oldIssue = await createIssue(analyst, { title: 'Withdrawn question', anchors: [{ value: 0, label: 'No' }, { value: 100, label: 'Yes' }] });
  await deleteRecord(analyst, 'issue', { id: oldIssue.id });

  const article = await createSource(analyst, {
    title: 'Moscow brokered the ceasefire',
    outlet: 'London Daily',
    publishedAt: '2025-11-07',
    kind: 'NEWS',
    reliability: 'C',
    body: 'Putin seized those reins with the November 9 agreement.\n\nAnkara calls the deal a “sacred success”.',
  });
  const analysis = await createSource(analyst, {
    title: 'Gabuev on the deal',
    outlet: 'Carnegie Moscow Center',
    author: 'Alexander Gabuev',
    publishedAt: '2020-11-10',
    kind: 'THINK_TANK',
    reliability: 'B',
    citedInId: article.id,
  });
  const retracted = await createSource(analyst, { title: 'Retracted claim', outlet: 'Wire', publishedAt: '2020-11-09', kind: 'SOCIAL_MEDIA', reliability: 'E' });
  await deleteRecord(analyst, 'source', { id: retracted.id });

  await createInterest(analyst, { actorId: turkey.id, sourceId: article.id, statedOn: '2020-11-10', quote: 'a sacred success', summary: 'Prestige' });
  const oldInterest = await createInterest(analyst, { actorId: russia.id, sourceId: article.id, statedOn: '2020-11-09', quote: 'withdrawn' });
  await deleteRecord(analyst, 'interest', { id: oldInterest.id });

  const base = { issueId: issue.id, sourceId: analysis.id, salience: '85', confidence: 'MODERATE', credibility: '2', stanceDate: '2020-11-10' };
  const a1 = await createAssessment(analyst, { ...base, actorId: putin.id, position: '90', capability: '', quote: 'Putin seized those reins.' });
  // Edited twice, by two people, once changing the actor (revisions name actors by id).
  await updateAssessment(admin, { ...base, id: a1.id, version: '1', actorId: russia.id, position: '92', capability: '80', quote: 'Putin seized those reins.' });
  await updateAssessment(analyst, { ...base, id: a1.id, version: '2', actorId: russia.id, position: '88', capability: '80', quote: 'Putin seized those reins.', rationale: 'Softened' });
  const a2 = await createAssessment(analyst, { ...base, actorId: turkey.id, position: '50', capability: '60', confidence: 'LOW', quote: 'Turkey wanted a joint mission.' });
  // Peer review: an edited opinion with its own position, and a withdrawn one.
  const opinion = await createOpinion(admin, { assessmentId: a1.id, stance: 'AGREE', comment: 'Matches Gabuev.' });
  await updateOpinion(admin, { id: opinion.id, version: '1', stance: 'PARTLY_AGREE', position: '80', comment: 'Russia shares the ground with Turkey.' });
  const withdrawn = await createOpinion(admin, { assessmentId: a2.id, stance: 'DISAGREE', position: '30' });
  await deleteOpinion(admin, { id: withdrawn.id });
  const a3 = await createAssessment(analyst, { ...base, actorId: turkey.id, position: '20', capability: '', quote: 'Deleted reading.' });
  await deleteRecord(analyst, 'assessment', { id: a3.id });

  const scenario = await createScenario(analyst, {
    issueId: issue.id,
    name: 'Turkey doubles down',
    description: 'Ankara pushes for a joint mission',
    asOf: '2020-11-12',
    actors: [
      { actorId: turkey.id, position: 30, salience: 95, capability: 70, included: true },
      { actorId: putin.id, included: true, position: 90, salience: 80, capability: 90 },
    ],
  });
  await addEstimate(analyst, { scenarioId: scenario.id, likelihood: 'UNLIKELY', probability: '30', estimatedOn: '2020-11-12', forecastPosition: '70', rationale: 'Moscow holds the ground' });
  await addEstimate(admin, { scenarioId: scenario.id, likelihood: 'VERY_UNLIKELY', probability: '10', estimatedOn: '2020-11-13' });
  await resolveScenario(admin, { id: scenario.id, outcome: 'DID_NOT_HAPPEN', outcomePosition: '85' });
  const dropped = await createScenario(analyst, { issueId: issue.id, name: 'Dropped idea', asOf: '2020-11-12' });
  await deleteRecord(analyst, 'scenario', { id: dropped.id });
  // Events: one on the issue with its source, one for the whole workspace.
  await createEvent(analyst, { occurredOn: '2020-11-09', title: 'Trilateral statement', description: 'Signed at night', sourceId: article.id, issueIds: [issue.id] });
  await createEvent(admin, { occurredOn: '2020-09-27', title: 'War begins' });
}

beforeAll(async () => {
  source = await createTestWorkspace('Caucasus desk');
  await fill(source);
  sourceToken = (await createToken(source.viewer, { name: 'export', role: 'VIEWER' })).secret;
});

/** An empty workspace whose admin is `as`, with the source workspace's people as members. */
async function emptyTarget(name: string) {
  const workspace = await db().workspace.create({ data: { name, slug: `${name.toLowerCase().replace(/\W+/g, '-')}-${Date.now()}` } });
  for (const [ctx, role] of [
    [source.admin, 'ADMIN'],
    [source.analyst, 'ANALYST'],
    [source.viewer, 'VIEWER'],
  ] as const) {
    await db().membership.create({ data: { workspaceId: workspace.id, userId: ctx.userId, role } });
  }
  const admin = (await buildContext(source.admin.userId, workspace.id, { kind: 'session', sessionId: '00000000-0000-0000-0000-000000000000' })) as Ctx;
  return { workspaceId: workspace.id, admin, token: (await createToken(admin, { name: 'restore', role: 'ADMIN' })).secret };
}

describe('export', () => {
  it('answers the whole workspace as a JSON download that the import schema accepts, deleted records and history included', async () => {
    const answer = await exportOf(sourceToken);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-disposition')).toMatch(/attachment; filename="caucasus-desk-.*export-\d{4}-\d{2}-\d{2}\.json"/);
    const doc = workspaceExportSchema.parse(JSON.parse(answer.text));
    expect(doc.actors).toHaveLength(4);
    expect(doc.actors.filter((a) => a.deletedAt)).toHaveLength(1);
    expect(doc.sources.find((s) => s.title === 'Moscow brokered the ceasefire')?.body).toMatch(/sacred success/);
    const edited = doc.assessments.find((a) => a.quote === 'Putin seized those reins.')!;
    expect(edited.version).toBe(3);
    expect(edited.revisions.map((r) => r.version)).toEqual([1, 2, 3]);
    expect(edited.opinions).toEqual([
      expect.objectContaining({ authorKey: source.admin.userId, stance: 'PARTLY_AGREE', position: 80, comment: 'Russia shares the ground with Turkey.', version: 2, deletedAt: null }),
    ]);
    const withdrawn = doc.assessments.find((a) => a.quote === 'Turkey wanted a joint mission.')!.opinions;
    expect(withdrawn).toEqual([expect.objectContaining({ stance: 'DISAGREE', position: 30, deletedAt: expect.any(String) })]);
    const scenario = doc.scenarios.find((s) => s.name === 'Turkey doubles down')!;
    expect(scenario).toMatchObject({ outcome: 'DID_NOT_HAPPEN', outcomePosition: 85 });
    expect(scenario.actors).toHaveLength(2);
    expect(scenario.estimates.map((e) => [e.likelihood, e.forecastPosition])).toEqual([
      ['UNLIKELY', 70],
      ['VERY_UNLIKELY', null],
    ]);
    expect(scenario.modelScores.map((m) => [m.model, m.outcome, m.headline])).toEqual([
      ['bargaining', 85, false],
      ['nash', 85, false],
      ['pce', 85, false],
      ['weighted-mean', 85, true],
      ['weighted-median', 85, false],
    ]);
    expect(doc.users.map((u) => u.email)).toEqual(expect.arrayContaining([source.admin.userEmail, source.analyst.userEmail]));
  });

  it('holds nothing of another workspace', async () => {
    const other = await createTestWorkspace('Elsewhere');
    await createActor(other.analyst, { name: 'Someone else’s actor', kind: 'OTHER' });
    const text = (await exportOf(sourceToken)).text;
    expect(text).not.toContain('Someone else’s actor');
    expect(text).not.toContain(other.workspaceId);
  });

  it('needs authentication', async () => {
    const response = await exportRoute.GET(new Request('http://stanceboard.test/api/v1/export'), { params: Promise.resolve({}) });
    expect(response.status).toBe(401);
  });
});

describe('import of an export', () => {
  it('restores everything into an empty workspace: exporting it again gives the same document, ids aside', async () => {
    const original = workspaceExportSchema.parse(JSON.parse((await exportOf(sourceToken)).text));
    const target = await emptyTarget('Restored desk');
    const imported = await importInto(target.token, JSON.stringify(original));
    expect(imported.status, JSON.stringify(imported.json)).toBe(201);
    expect(imported.json).toEqual({
      counts: { actors: 4, issues: 2, sources: 3, interests: 2, assessments: 3, revisions: 5, opinions: 2, scenarios: 2, estimates: 2, events: 2 },
      users: { matched: 3, attributedToImporter: [] },
    });
    const restored = workspaceExportSchema.parse(JSON.parse((await exportOf(target.token)).text));
    expect(normalise(restored)).toEqual(normalise(original));
    // New ids throughout: nothing of the source workspace is referenced.
    const originalIds = [...original.actors, ...original.issues, ...original.sources, ...original.assessments].map((r) => r.key);
    const restoredText = JSON.stringify(restored);
    for (const id of originalIds) expect(restoredText).not.toContain(id);
    const log = await db().auditLog.findFirst({ where: { workspaceId: target.workspaceId, action: 'import.completed' } });
    expect(log).toMatchObject({ entityType: 'workspace', userId: source.admin.userId });
  });

  it('attributes records of people who are not members of the target workspace to the importer, and says so', async () => {
    const original = JSON.parse((await exportOf(sourceToken)).text) as WorkspaceExport;
    const workspace = await db().workspace.create({ data: { name: 'Solo desk', slug: `solo-${Date.now()}` } });
    await db().membership.create({ data: { workspaceId: workspace.id, userId: source.admin.userId, role: 'ADMIN' } });
    const admin = (await buildContext(source.admin.userId, workspace.id, { kind: 'session', sessionId: '00000000-0000-0000-0000-000000000000' })) as Ctx;
    const token = (await createToken(admin, { name: 'restore', role: 'ADMIN' })).secret;
    const imported = await importInto(token, JSON.stringify(original));
    expect(imported.status).toBe(201);
    expect(imported.json.users.attributedToImporter.sort()).toEqual([source.analyst.userEmail, source.viewer.userEmail].sort());
    const recordedBy = await db().assessment.findMany({ where: { workspaceId: workspace.id }, select: { recordedById: true } });
    expect(new Set(recordedBy.map((r) => r.recordedById))).toEqual(new Set([source.admin.userId]));
  });

  it('refuses a workspace that already has records (409), changing nothing', async () => {
    const text = (await exportOf(sourceToken)).text;
    const target = await emptyTarget('Busy desk');
    await db().actor.create({ data: { workspaceId: target.workspaceId, name: 'Already here', kind: 'OTHER', deletedAt: new Date() } });
    const before = await workspaceSnapshot(target.workspaceId);
    const answer = await importInto(target.token, text);
    expect(answer.status).toBe(409);
    expect(answer.json.error.message).toMatch(/only be imported into an empty workspace/);
    expect(await workspaceSnapshot(target.workspaceId)).toEqual(before);
  });

  it('checks every record with the forms’ rules and every reference, listing each problem by path, and writes nothing', async () => {
    const doc = JSON.parse((await exportOf(sourceToken)).text) as WorkspaceExport;
    doc.assessments[0]!.position = 150;
    doc.assessments[1]!.actorKey = 'no-such-actor';
    doc.actors[1]!.name = doc.actors[0]!.name;
    doc.issues[0]!.anchors = [{ value: 0, label: 'Only one end' }];
    const target = await emptyTarget('Strict desk');
    const answer = await importInto(target.token, JSON.stringify(doc));
    expect(answer.status).toBe(422);
    expect(answer.json.error.fieldErrors).toMatchObject({
      'assessments.0.position': ['Position must be between 0 and 100'],
      'assessments.1.actorKey': ['No actor with the key “no-such-actor” in the file'],
      'actors.1.name': [expect.stringMatching(/Same name as actors.0/)],
      'issues.0.anchors': ['The scale needs labelled anchor points at 0 and at 100'],
    });
    expect(await db().actor.count({ where: { workspaceId: target.workspaceId } })).toBe(0);

    const notAnExport = await importInto(target.token, JSON.stringify({ hello: 'world' }));
    expect(notAnExport.status).toBe(422);
    expect(notAnExport.json.error.fieldErrors.format).toEqual(['Not a Stanceboard workspace export (format must be "stanceboard.workspace")']);
    const malformed = await importInto(target.token, '{"format": ');
    expect(malformed.status).toBe(422);
    expect(malformed.json.error.message).toMatch(/not valid JSON/);
  });

  it('refuses opinions by unknown people and two opinions of one assessment by the same person, writing nothing', async () => {
    const doc = JSON.parse((await exportOf(sourceToken)).text) as WorkspaceExport;
    const i = doc.assessments.findIndex((a) => a.opinions.length > 0);
    const [opinion] = doc.assessments[i]!.opinions;
    doc.assessments[i]!.opinions.push({ ...opinion!, stance: 'DISAGREE' }, { ...opinion!, authorKey: 'nobody' });
    const target = await emptyTarget('Opinion desk');
    const answer = await importInto(target.token, JSON.stringify(doc));
    expect(answer.status).toBe(422);
    expect(answer.json.error.fieldErrors).toMatchObject({
      [`assessments.${i}.opinions.1.authorKey`]: ['This user has two opinions of the assessment (one per user)'],
      [`assessments.${i}.opinions.2.authorKey`]: ['No user with the key “nobody” in the file'],
    });
    expect(await db().assessment.count({ where: { workspaceId: target.workspaceId } })).toBe(0);
  });

  it('is for admins only', async () => {
    const text = (await exportOf(sourceToken)).text;
    const target = await emptyTarget('Analyst desk');
    const analyst = (await buildContext(source.analyst.userId, target.workspaceId, { kind: 'session', sessionId: '00000000-0000-0000-0000-000000000000' })) as Ctx;
    const token = (await createToken(analyst, { name: 'analyst', role: 'ANALYST' })).secret;
    expect((await importInto(token, text)).status).toBe(403);
    expect(await db().actor.count({ where: { workspaceId: target.workspaceId } })).toBe(0);
  });
});

describe('CSV export of assessments', () => {
  it('imports into another workspace: its first columns are the import’s', async () => {
    const response = await assessmentList.GET(
      new Request('http://stanceboard.test/api/v1/assessments?format=csv', { headers: { authorization: `Bearer ${sourceToken}` } }),
      { params: Promise.resolve({}) },
    );
    const csv = new Uint8Array(await response.arrayBuffer());
    const target = await emptyTarget('CSV desk');
    // Issues are not created from a CSV without their scale: make the one the readings are on.
    const issue = await createIssue(target.admin, {
      title: 'Foreign military presence in Nagorno-Karabakh',
      anchors: [
        { value: 0, label: 'None' },
        { value: 100, label: 'All' },
      ],
    });
    const post = async (query: string) =>
      importAssessmentsRoute.POST(
        new Request(`http://stanceboard.test/api/v1/import/assessments?${query}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${target.token}`, 'content-type': 'text/csv' },
          body: csv,
        }),
        { params: Promise.resolve({}) },
      );
    const check = await (await post('createMissing=true')).json();
    expect(check).toMatchObject({ ok: true, rowCount: 2, encoding: 'UTF-8 with BOM' });
    expect(check.ignoredColumns).toEqual(['recorded_by', 'id', 'version', 'created_at', 'updated_at', 'deleted_at']);
    expect(check.create.sources).toEqual([expect.objectContaining({ title: 'Gabuev on the deal', outlet: 'Carnegie Moscow Center', kind: 'THINK_TANK', reliability: 'B' })]);
    const commit = await post(`createMissing=true&mode=commit&sha256=${check.sha256}`);
    expect(commit.status).toBe(201);
    const imported = await db().assessment.findMany({ where: { workspaceId: target.workspaceId }, orderBy: { position: 'asc' } });
    expect(imported.map((a) => [a.position, a.capability, a.confidence, a.issueId])).toEqual([
      [50, 60, 'LOW', issue.id],
      [88, 80, 'MODERATE', issue.id],
    ]);
  });
});
