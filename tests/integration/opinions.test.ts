// Peer review of assessments: who may give, change and withdraw an opinion, one per analyst per
// assessment, optimistic concurrency, the audit trail, the distribution, "disputed", and workspace
// isolation. Every refused write leaves the database exactly as it was.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '@/lib/auth/context';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { createOpinion, deleteOpinion, updateOpinion } from '@/lib/opinions/commands';
import { disputedAssessmentIds, getOpinion, listOpinions, opinionCounts, opinionDistribution } from '@/lib/opinions/queries';
import { listOpinionsByCursor } from '@/lib/opinions/api';
import { stanceFiltersSchema } from '@/lib/stance/schema';
import { stanceReadings } from '@/lib/stance/readings';
import { databaseFingerprint } from './helpers/auth-fixtures';
import { createBasics, createMember, createTestWorkspace, type TestWorkspace } from './helpers/fixtures';

let home: TestWorkspace;
let other: TestWorkspace;
let basics: Awaited<ReturnType<typeof createBasics>>;
let colleague: Ctx;
let thirdAnalyst: Ctx;

beforeAll(async () => {
  home = await createTestWorkspace('Home desk');
  other = await createTestWorkspace('Other desk');
  basics = await createBasics(home.workspaceId);
  colleague = await createMember(home.workspaceId, 'ANALYST', 'colleague');
  thirdAnalyst = await createMember(home.workspaceId, 'ANALYST', 'third');
});

/** An assessment recorded by the home analyst, at `position`. */
async function assessment(position = 60, recordedBy: Ctx = home.analyst) {
  return db().assessment.create({
    data: {
      workspaceId: recordedBy.workspaceId,
      actorId: basics.actor.id,
      issueId: basics.issue.id,
      sourceId: basics.source.id,
      position,
      salience: 70,
      confidence: 'MODERATE',
      credibility: 2,
      stanceDate: new Date('2020-11-10T00:00:00Z'),
      quote: 'Russia has consolidated its role as the sole broker.',
      recordedById: recordedBy.userId,
    },
  });
}

async function refusedUnchanged(run: () => Promise<unknown>): Promise<AppError> {
  const before = await databaseFingerprint();
  let caught: unknown;
  try {
    await run();
  } catch (error) {
    caught = error;
  }
  expect(caught, 'expected the call to be refused').toBeInstanceOf(AppError);
  expect(await databaseFingerprint()).toEqual(before);
  return caught as AppError;
}

describe('giving an opinion', () => {
  it('stores the stance, the optional own position (empty stays null, not 0) and the comment, and audits it', async () => {
    const a = await assessment();
    const { id } = await createOpinion(colleague, { assessmentId: a.id, stance: 'PARTLY_AGREE', position: '', comment: '  Too early to say.  ' });
    const stored = await getOpinion(colleague, id);
    expect(stored).toMatchObject({ stance: 'PARTLY_AGREE', position: null, comment: 'Too early to say.', version: 1, authorId: colleague.userId, workspaceId: home.workspaceId });
    const log = await db().auditLog.findFirstOrThrow({ where: { entityType: 'opinion', entityId: id } });
    expect(log).toMatchObject({ action: 'opinion.created', userId: colleague.userId, workspaceId: home.workspaceId });
    expect((log.details as { changes: Record<string, unknown> }).changes.stance).toEqual({ from: null, to: 'PARTLY_AGREE' });
  });

  it('refuses bad input naming each field, storing nothing', async () => {
    const a = await assessment();
    const error = await refusedUnchanged(() => createOpinion(colleague, { assessmentId: a.id, stance: 'MAYBE', position: '101', comment: 'x'.repeat(5001) }));
    expect(error.code).toBe('VALIDATION');
    expect(error.extra.fieldErrors).toMatchObject({
      stance: ['Choose agree, partly agree or disagree'],
      position: ['Your position must be between 0 and 100'],
      comment: ['Comment must be at most 5000 characters'],
    });
    for (const position of ['1e2', '0x10', 'fifty', true]) {
      const e = await refusedUnchanged(() => createOpinion(colleague, { assessmentId: a.id, stance: 'AGREE', position }));
      expect(e.extra.fieldErrors?.position).toEqual(['Your position must be a number between 0 and 100']);
    }
  });

  it('allows one opinion per analyst per assessment: a second is refused, pointing to editing', async () => {
    const a = await assessment();
    await createOpinion(colleague, { assessmentId: a.id, stance: 'AGREE' });
    const error = await refusedUnchanged(() => createOpinion(colleague, { assessmentId: a.id, stance: 'DISAGREE' }));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toMatch(/already given your opinion/);
  });

  it('refuses an opinion on your own reading, and on a deleted assessment', async () => {
    const a = await assessment();
    const own = await refusedUnchanged(() => createOpinion(home.analyst, { assessmentId: a.id, stance: 'AGREE' }));
    expect(own.code).toBe('VALIDATION');
    expect(own.extra.fieldErrors?.stance?.[0]).toMatch(/You recorded this assessment/);
    const gone = await assessment();
    await db().assessment.update({ where: { id: gone.id }, data: { deletedAt: new Date() } });
    expect((await refusedUnchanged(() => createOpinion(colleague, { assessmentId: gone.id, stance: 'AGREE' }))).code).toBe('NOT_FOUND');
  });

  it('is refused to a viewer', async () => {
    const a = await assessment();
    expect((await refusedUnchanged(() => createOpinion(home.viewer, { assessmentId: a.id, stance: 'AGREE' }))).code).toBe('FORBIDDEN');
  });
});

describe('changing and withdrawing an opinion', () => {
  it('lets the author edit with the version they read; a stale version is refused with what is stored now', async () => {
    const a = await assessment();
    const { id } = await createOpinion(colleague, { assessmentId: a.id, stance: 'AGREE' });
    expect(await updateOpinion(colleague, { id, version: '1', stance: 'DISAGREE', position: '35', comment: 'Turkey has a role.' })).toMatchObject({ version: 2 });
    const stale = await refusedUnchanged(() => updateOpinion(colleague, { id, version: '1', stance: 'AGREE', position: '', comment: '' }));
    expect(stale.code).toBe('CONFLICT');
    expect((stale.extra.details as { current: unknown }).current).toMatchObject({ stance: 'DISAGREE', position: 35, version: 2 });
    const log = await db().auditLog.findFirstOrThrow({ where: { entityId: id, action: 'opinion.updated' } });
    expect((log.details as { changes: unknown }).changes).toEqual({
      stance: { from: 'AGREE', to: 'DISAGREE' },
      position: { from: null, to: 35 },
      comment: { from: '', to: 'Turkey has a role.' },
    });
  });

  it("refuses to let anyone, even an admin, rewrite a colleague's opinion", async () => {
    const a = await assessment();
    const { id } = await createOpinion(colleague, { assessmentId: a.id, stance: 'AGREE' });
    for (const ctx of [thirdAnalyst, home.admin]) {
      expect((await refusedUnchanged(() => updateOpinion(ctx, { id, version: '1', stance: 'DISAGREE' }))).code).toBe('FORBIDDEN');
    }
  });

  it('lets the author or an admin withdraw it (audited), not another analyst; giving it again revives the same record', async () => {
    const a = await assessment();
    const { id } = await createOpinion(colleague, { assessmentId: a.id, stance: 'DISAGREE', position: '20' });
    expect((await refusedUnchanged(() => deleteOpinion(thirdAnalyst, { id }))).code).toBe('FORBIDDEN');
    await deleteOpinion(home.admin, { id });
    expect(await listOpinions(colleague, a.id)).toEqual([]);
    expect(await db().auditLog.count({ where: { entityId: id, action: 'record.deleted', entityType: 'opinion', userId: home.admin.userId } })).toBe(1);
    expect((await refusedUnchanged(() => deleteOpinion(colleague, { id }))).code).toBe('NOT_FOUND');
    const again = await createOpinion(colleague, { assessmentId: a.id, stance: 'AGREE' });
    expect(again.id).toBe(id);
    expect(await getOpinion(colleague, id)).toMatchObject({ stance: 'AGREE', position: null, deletedAt: null, version: 2 });
  });
});

describe('the distribution of opinions', () => {
  it('counts each stance and measures colleagues’ positions against the assessment (hand-computed)', async () => {
    const a = await assessment(60);
    const fourth = await createMember(home.workspaceId, 'ANALYST', 'fourth');
    await createOpinion(colleague, { assessmentId: a.id, stance: 'DISAGREE', position: '40' });
    await createOpinion(thirdAnalyst, { assessmentId: a.id, stance: 'PARTLY_AGREE', position: '70' });
    await createOpinion(home.admin, { assessmentId: a.id, stance: 'AGREE' });
    const withdrawn = await createOpinion(fourth, { assessmentId: a.id, stance: 'DISAGREE', position: '0' });
    await deleteOpinion(fourth, { id: withdrawn.id });
    const d = await opinionDistribution(home.viewer, a.id);
    expect(d.total).toBe(3);
    expect(d.counts).toEqual({ AGREE: 1, PARTLY_AGREE: 1, DISAGREE: 1 });
    // Positions 40 and 70 against 60: mean 55, median 55, sample SD sqrt(((40-55)^2 + (70-55)^2) / 1) = 21.213,
    // differences -20 and +10: mean -5, furthest 20.
    expect(d.positions).toMatchObject({ n: 2, mean: 55, median: 55, min: 40, max: 70, meanDifference: -5, maxDistance: 20 });
    expect(d.positions.sd).toBeCloseTo(Math.sqrt(450), 6);
  });

  it('is empty, not an error, for an assessment nobody has reviewed', async () => {
    const a = await assessment();
    expect(await opinionDistribution(home.viewer, a.id)).toEqual({
      total: 0,
      counts: { AGREE: 0, PARTLY_AGREE: 0, DISAGREE: 0 },
      positions: { n: 0, mean: null, median: null, min: null, max: null, sd: null, meanDifference: null, maxDistance: null },
    });
  });

  it('calls a reading disputed while a live opinion disagrees, not for partly agree, and not after the disagreement is withdrawn', async () => {
    const issueWs = await createTestWorkspace('Dispute desk');
    const b = await createBasics(issueWs.workspaceId);
    const make = () =>
      db().assessment.create({
        data: { workspaceId: issueWs.workspaceId, actorId: b.actor.id, issueId: b.issue.id, sourceId: b.source.id, position: 50, salience: 50, confidence: 'HIGH', credibility: 2, stanceDate: new Date('2020-11-10'), quote: 'q', recordedById: issueWs.admin.userId },
      });
    const [disputed, partly, withdrawnOne] = [await make(), await make(), await make()];
    await createOpinion(issueWs.analyst, { assessmentId: disputed.id, stance: 'DISAGREE' });
    await createOpinion(issueWs.analyst, { assessmentId: partly.id, stance: 'PARTLY_AGREE' });
    const w = await createOpinion(issueWs.analyst, { assessmentId: withdrawnOne.id, stance: 'DISAGREE' });
    await deleteOpinion(issueWs.analyst, { id: w.id });
    expect(await disputedAssessmentIds(issueWs.viewer, b.issue.id)).toEqual([disputed.id]);
    const counts = await opinionCounts(issueWs.viewer, [disputed.id, partly.id, withdrawnOne.id]);
    expect(counts.get(disputed.id)).toEqual({ AGREE: 0, PARTLY_AGREE: 0, DISAGREE: 1 });
    expect(counts.get(partly.id)).toEqual({ AGREE: 0, PARTLY_AGREE: 1, DISAGREE: 0 });
    expect(counts.has(withdrawnOne.id)).toBe(false);

    // The issue chart's filter (?undisputed=1) leaves out exactly the disputed reading.
    const all = await stanceReadings(issueWs.viewer, b.issue.id, stanceFiltersSchema.parse({}));
    expect(all.rows.map((r) => r.id).sort()).toEqual([disputed.id, partly.id, withdrawnOne.id].sort());
    const undisputed = await stanceReadings(issueWs.viewer, b.issue.id, stanceFiltersSchema.parse({ undisputed: '1' }));
    expect(undisputed.rows.map((r) => r.id).sort()).toEqual([partly.id, withdrawnOne.id].sort());
  });
});

describe('workspace isolation', () => {
  it('answers NOT_FOUND to another workspace for every read and write, changing nothing', async () => {
    const a = await assessment();
    const { id } = await createOpinion(colleague, { assessmentId: a.id, stance: 'DISAGREE', position: '10' });
    const outsider = other.admin;
    expect((await refusedUnchanged(() => createOpinion(outsider, { assessmentId: a.id, stance: 'AGREE' }))).code).toBe('NOT_FOUND');
    expect((await refusedUnchanged(() => updateOpinion(outsider, { id, version: '1', stance: 'AGREE' }))).code).toBe('NOT_FOUND');
    expect((await refusedUnchanged(() => deleteOpinion(outsider, { id }))).code).toBe('NOT_FOUND');
    expect((await refusedUnchanged(() => getOpinion(outsider, id))).code).toBe('NOT_FOUND');
    expect((await refusedUnchanged(() => opinionDistribution(outsider, a.id))).code).toBe('NOT_FOUND');
    expect(await listOpinions(outsider, a.id)).toEqual([]);
    expect((await opinionCounts(outsider, [a.id])).size).toBe(0);
    expect(await disputedAssessmentIds(outsider, basics.issue.id)).toEqual([]);
    const page = await listOpinionsByCursor(outsider, { assessment: a.id });
    expect(page.items).toEqual([]);
    const own = await listOpinionsByCursor(home.viewer, { assessment: a.id });
    expect(own.items.map((o) => o.id)).toEqual([id]);
  });
});
