// Every server action and every API route handler, found in the source tree, called the way Next calls
// it, by every kind of caller: nobody, each role, a member of another workspace, disabled members, a
// user who still has to replace a one-time password, and the allowed role, whose call must have its
// effect (the row written, changed or deleted; the record in the answer), not only answer ok. A new
// endpoint without an entry in the tables below fails this suite, and so does an entry that does not go
// through its kind's adapter over the one request guard (lib/auth/guard.ts), or a new lib function that
// reaches the database without a Ctx and authorize() (the static scans at the end of the tables).
//
// Only the request-bound layer is replaced: next-auth's auth() answers with the session id of the
// caller under test (real AuthSession rows, checked by the real lib/auth code), next/headers gives
// fixed headers, next/cache is a no-op. redirect() is real: its NEXT_REDIRECT error is read as the
// outcome. The database is real; a refused call must leave every table exactly as it was.
//
// To add an endpoint: add one line to ACTIONS or ROUTES naming the permission it needs, how to make a
// record of the caller's workspace for it to act on (`target`), and the form (or Request) to send.
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { apiRoute, isApiRouteHandler } from '@/lib/api/handler';
import { roleCan, type Permission } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { resetEnvCache } from '@/lib/env';
import type { Role } from '@/lib/generated/prisma/enums';
import { createMember, createWorkspace, databaseFingerprint, TEST_PASSWORD, uniq } from './helpers/auth-fixtures';
import { judge, scanUnits } from './helpers/database-reach';
import { actionsOutsideAdapters, importersOf, pagesWithoutGuard } from './helpers/entry-guards';

// ---------------------------------------------------------------- the request-bound layer, replaced
const request = vi.hoisted(() => ({ sid: null as string | null, ip: '203.0.113.9' }));

vi.mock('@/lib/auth/next-auth', () => ({
  auth: vi.fn(async () => (request.sid ? { sid: request.sid, expires: new Date(Date.now() + 3_600_000).toISOString() } : null)),
  signIn: vi.fn(async () => {
    throw new Error('signIn() is not reached in these tests');
  }),
  signOut: vi.fn(async () => undefined),
  handlers: {
    GET: vi.fn(async () => new Response(null, { status: 204 })),
    POST: vi.fn(async () => new Response(null, { status: 204 })),
  },
}));
// The sign-in action imports next-auth's error classes; the package itself only runs inside Next.
vi.mock('next-auth', () => {
  class AuthError extends Error {}
  class CredentialsSignin extends AuthError {
    code = 'credentials';
  }
  return { default: vi.fn(), AuthError, CredentialsSignin };
});
vi.mock('next/cache', () => ({
  revalidatePath: vi.fn(),
  revalidateTag: vi.fn(),
  updateTag: vi.fn(),
  refresh: vi.fn(),
  unstable_noStore: vi.fn(),
  unstable_cache: <T,>(fn: T) => fn,
}));
vi.mock('next/headers', () => ({
  headers: vi.fn(async () => new Headers({ 'x-forwarded-for': request.ip, 'user-agent': 'authorization-matrix' })),
  cookies: vi.fn(async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => undefined, delete: () => undefined })),
}));

// The API's per-caller rate limit would otherwise answer 429 before the check under test runs.
process.env.API_RATE_LIMIT_PER_MINUTE = '1000000';
resetEnvCache();

// ---------------------------------------------------------------- discovery: every endpoint in the code
const ROOT = process.cwd();
const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' || entry.name === 'node_modules' ? [] : sourceFiles(rel);
    return /\.(ts|tsx|js|mjs)$/.test(entry.name) ? [rel] : [];
  });
}

/** A module-level 'use server' directive makes every export of the file a callable endpoint. */
const isServerActionFile = (file: string) => /^(\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*['"]use server['"]/.test(readFileSync(path.join(ROOT, file), 'utf8'));

type AnyFn = (...args: unknown[]) => Promise<unknown>;
const discoveredActions = new Map<string, AnyFn>();
const discoveredRoutes = new Map<string, AnyFn>();
for (const file of ['app', 'lib', 'components'].flatMap(sourceFiles).filter(isServerActionFile)) {
  const mod = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, unknown>;
  for (const [name, value] of Object.entries(mod)) if (typeof value === 'function') discoveredActions.set(`${file}#${name}`, value as AnyFn);
}
for (const file of sourceFiles('app').filter((f) => /\/route\.(ts|js)$/.test(f))) {
  const mod = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, unknown>;
  for (const method of HTTP_METHODS) if (typeof mod[method] === 'function') discoveredRoutes.set(`${file}#${method}`, mod[method] as AnyFn);
}

// ---------------------------------------------------------------- the world the calls run in
interface Refs {
  workspaceId: string;
  actorId: string;
  issueId: string;
  sourceId: string;
}
type Member = Awaited<ReturnType<typeof createMember>>;
interface World {
  home: Refs;
  other: Refs;
  callers: Record<'viewer' | 'analyst' | 'admin' | 'outsider' | 'disabledMember' | 'disabledAccount' | 'disabledHere' | 'pendingPassword', Member>;
}
let world: World;

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const make = {
  actor: (ws: Refs, deleted = false) =>
    db().actor.create({ data: { workspaceId: ws.workspaceId, name: uniq('Actor'), kind: 'STATE', deletedAt: deleted ? new Date() : null } }),
  issue: (ws: Refs, deleted = false) =>
    db().issue.create({
      data: {
        workspaceId: ws.workspaceId,
        title: uniq('Issue'),
        anchors: [
          { value: 0, label: 'None' },
          { value: 100, label: 'All' },
        ],
        deletedAt: deleted ? new Date() : null,
      },
    }),
  source: (ws: Refs, deleted = false) =>
    db().source.create({
      data: { workspaceId: ws.workspaceId, title: uniq('Source'), outlet: 'Test Wire', publishedAt: day('2020-11-10'), kind: 'NEWS', reliability: 'B', deletedAt: deleted ? new Date() : null },
    }),
  interest: (ws: Refs, deleted = false) =>
    db().statedInterest.create({
      data: {
        workspaceId: ws.workspaceId,
        actorId: ws.actorId,
        sourceId: ws.sourceId,
        statedOn: day('2020-11-10'),
        quote: uniq('We want'),
        createdById: world.callers.admin.id,
        deletedAt: deleted ? new Date() : null,
      },
    }),
  assessment: (ws: Refs, deleted = false) =>
    db().assessment.create({
      data: {
        workspaceId: ws.workspaceId,
        actorId: ws.actorId,
        issueId: ws.issueId,
        sourceId: ws.sourceId,
        position: 50,
        salience: 50,
        confidence: 'MODERATE',
        credibility: 2,
        stanceDate: day('2020-11-10'),
        quote: uniq('Quote'),
        recordedById: world.callers.admin.id,
        deletedAt: deleted ? new Date() : null,
      },
    }),
  scenario: (ws: Refs, deleted = false) =>
    db().scenario.create({
      data: { workspaceId: ws.workspaceId, issueId: ws.issueId, name: uniq('Scenario'), asOf: day('2020-11-12'), createdById: world.callers.admin.id, deletedAt: deleted ? new Date() : null },
    }),
  /** A resolved scenario (annulled with `annulled`), for annulling a resolution and undoing it. */
  resolvedScenario: (ws: Refs, annulled = false) =>
    db().scenario.create({
      data: {
        workspaceId: ws.workspaceId, issueId: ws.issueId, name: uniq('Resolved scenario'), asOf: day('2020-11-12'), createdById: world.callers.admin.id,
        outcome: 'HAPPENED', resolvedAt: new Date(), resolvedById: world.callers.admin.id,
        ...(annulled ? { annulledAt: new Date(), annulledById: world.callers.admin.id, annulmentReason: 'Wrong test' } : {}),
      },
    }),
  /** An analyst's opinion of an assessment the admin recorded (only its author may change it). */
  opinion: async (ws: Refs, deleted = false) =>
    db().assessmentOpinion.create({
      data: {
        workspaceId: ws.workspaceId,
        assessmentId: (await make.assessment(ws)).id,
        authorId: world.callers.analyst.id,
        stance: 'PARTLY_AGREE',
        deletedAt: deleted ? new Date() : null,
      },
    }),
  event: (ws: Refs) =>
    db().event.create({ data: { workspaceId: ws.workspaceId, occurredOn: day('2020-11-09'), title: uniq('Event'), issueIds: [ws.issueId], createdById: world.callers.admin.id } }),
  member: async (ws: Refs, disabled = false) => createMember(ws.workspaceId, 'VIEWER', { membershipDisabled: disabled }),
  /** A watch of the home viewer (the lowest role that may watch: watching is reading). */
  watch: (ws: Refs) => db().watch.create({ data: { workspaceId: ws.workspaceId, userId: world.callers.viewer.id, actorId: ws.actorId, threshold: 5 } }),
  /** An unread notification of the home viewer. */
  notification: (ws: Refs) =>
    db().notification.create({ data: { workspaceId: ws.workspaceId, userId: world.callers.viewer.id, kind: 'EVENT', payload: { title: uniq('Event'), issueIds: [] } } }),
  /** A personal API token of the home viewer (the lowest role that may manage its own tokens). */
  token: (ws: Refs, revoked = false) =>
    db().apiToken.create({
      data: {
        workspaceId: ws.workspaceId,
        userId: world.callers.viewer.id,
        name: uniq('Token'),
        tokenHash: randomBytes(32).toString('hex'),
        prefix: 'sb_test',
        role: 'VIEWER',
        revokedAt: revoked ? new Date() : null,
      },
    }),
};
type Kind = keyof typeof make;
type Made<K extends Kind> = Awaited<ReturnType<(typeof make)[K]>>;
const maker = <K extends Kind>(kind: K) => make[kind] as (ws: Refs, deleted: boolean) => Promise<Made<K>>;
/** The kind of every target made, so that the allowed call's effect on it can be read back. */
const kindOfTarget = new Map<string, Kind>();
const remember = <T,>(kind: Kind, made: T): T => {
  const id = (made as { id?: unknown }).id;
  if (typeof id === 'string') kindOfTarget.set(id, kind);
  return made;
};
/** A live (or deleted) record of the home workspace for the endpoint to act on. */
const live = <K extends Kind>(kind: K) => (home: Refs): Promise<Made<K>> => maker(kind)(home, false).then((made) => remember(kind, made));
const deleted = <K extends Kind>(kind: K) => (home: Refs): Promise<Made<K>> => maker(kind)(home, true).then((made) => remember(kind, made));

const MODEL_OF: Partial<Record<Kind, string>> = {
  actor: 'actor', issue: 'issue', source: 'source', interest: 'statedInterest', assessment: 'assessment', scenario: 'scenario',
  resolvedScenario: 'scenario', opinion: 'assessmentOpinion', event: 'event', watch: 'watch', notification: 'notification', token: 'apiToken',
};
/** The stored row of a target (null once it is gone). */
async function storedRow(id: string): Promise<Record<string, unknown> | null | undefined> {
  const kind = kindOfTarget.get(id);
  const model = kind && MODEL_OF[kind];
  if (!model) return undefined;
  const delegate = (db() as unknown as Record<string, { findUnique(args: unknown): Promise<Record<string, unknown> | null> }>)[model]!;
  return delegate.findUnique({ where: { id } });
}

async function workspaceWithRecords(): Promise<Refs> {
  const ws = await createWorkspace();
  const refs = { workspaceId: ws.id } as Refs;
  refs.actorId = (await make.actor(refs)).id;
  refs.issueId = (await make.issue(refs)).id;
  refs.sourceId = (await make.source(refs)).id;
  return refs;
}

// ---------------------------------------------------------------- the tables
type Access = Permission | 'signed-in';
type FormFields = Record<string, string | string[]>;
interface Args<T> {
  /** The record made by `target` (in the home workspace), if any. */
  target: T;
  /** Live actor/issue/source of the caller's own workspace (the home one for the outsider's cross-workspace reference check). */
  refs: Refs;
  home: Refs;
  caller: Member | null;
}
interface Protected<T, I> {
  access: Access;
  target?: (home: Refs) => Promise<T>;
  input: (args: Args<T>) => I;
  /**
   * What a member of another workspace is tried with: `target` = the home record's id with references of
   * their own workspace (NOT_FOUND expected); `references` = references of the home workspace
   * (VALIDATION or NOT_FOUND); `none` = nothing of the home workspace is named, so there is nothing to cross.
   */
  cross?: 'target' | 'references' | 'none';
  /** The one endpoint a user with a pending one-time password may use. */
  pendingPasswordAllowed?: boolean;
  /**
   * What the allowed call must do (checked after it, besides `verify`): `write` (default for actions and
   * non-GET routes) changes a table besides the audit log, and a delete / restore / update of a target
   * shows on its row; `read` (default for GET routes) answers with the target (its id, name, title or
   * quote) or, without a target, with data; `none` says why there is nothing to see.
   */
  effect?: 'write' | 'read' | { none: string };
  /** Extra checks after the allowed call. */
  verify?: (args: Args<T>, outcome: Outcome) => Promise<void>;
  /** Route handlers: the dynamic segments (`{ id }`) Next would pass. */
  params?: (args: Args<T>) => Record<string, string | string[]>;
  /** Who makes the allowed call, when the lowest role with the permission in the home workspace cannot (say why). */
  allowedCaller?: (target: T) => Member;
}
interface Public<I> {
  public: string;
  /** Called without a session; it must not fail. Omitted: not called here (say where it is tested). */
  input?: () => I;
  expect?: (outcome: Outcome) => void;
}
type Entry<I> = Protected<any, I> | Public<I>; // eslint-disable-line @typescript-eslint/no-explicit-any

const entry = <T, I>(access: Access, spec: Omit<Protected<T, I>, 'access'>): Protected<T, I> => ({ access, ...spec });
const recordRef = ({ target }: Args<{ id: string }>) => ({ id: target.id });
const memberRef = ({ target }: Args<{ membershipId: string }>) => ({ membershipId: target.membershipId });
const sourceFields = (refs: Refs) => ({ title: uniq('Source'), outlet: 'Wire', publishedAt: '2020-11-11', kind: 'NEWS', reliability: 'C', citedInId: refs.sourceId, origin: 'Wire story' });
const assessmentFields = (refs: Refs) => ({
  actorId: refs.actorId,
  issueId: refs.issueId,
  sourceId: refs.sourceId,
  position: '40',
  salience: '60',
  capability: '',
  confidence: 'HIGH',
  credibility: '2',
  stanceDate: '2020-11-11',
  quote: uniq('Said'),
});
const anchors = { anchorValue: ['0', '100'], anchorLabel: ['None', 'All'] };
const newPassword = 'a brand new password';
const estimateFields = { likelihood: 'LIKELY', probability: '70', estimatedOn: '2020-11-13', forecastPosition: '55', rationale: '' };

/** A Request as a client would send it (no Origin: a same-site or non-browser client). */
function api(method: string, url: string, body?: unknown): Request {
  const init: RequestInit = { method, headers: { accept: 'application/json' } };
  if (typeof body === 'string') init.body = body;
  else if (body !== undefined) init.body = JSON.stringify(body);
  if (body !== undefined) (init.headers as Record<string, string>)['content-type'] = typeof body === 'string' ? 'text/csv' : 'application/json';
  return new Request(new URL(url, 'http://stanceboard.test'), init);
}
const idParam = ({ target }: Args<{ id: string }>) => ({ id: target.id });

/** The six handlers of one /api/v1 record type: list, create, get, patch, put, delete. */
function v1Resource(
  path: string,
  kind: Kind,
  fields: (refs: Refs) => Record<string, unknown>,
  options: { write?: Access; createCross?: 'references' | 'none'; updateFields?: (refs: Refs) => Record<string, unknown> } = {},
): Record<string, Entry<Request>> {
  const write = options.write ?? 'records:write';
  const base = `app/api/v1/${path}`;
  const url = `/api/v1/${path}`;
  const update = options.updateFields ?? fields;
  const one = { target: live(kind), params: idParam };
  return {
    [`${base}/route.ts#GET`]: entry('workspace:read', { input: () => api('GET', `${url}?limit=5`), cross: 'none' }),
    [`${base}/route.ts#POST`]: entry(write, { input: ({ refs }) => api('POST', url, fields(refs)), cross: options.createCross ?? 'references' }),
    [`${base}/[id]/route.ts#GET`]: entry('workspace:read', { ...one, input: ({ target }) => api('GET', `${url}/${target.id}`) }),
    [`${base}/[id]/route.ts#PATCH`]: entry(write, { ...one, input: ({ target, refs }) => api('PATCH', `${url}/${target.id}`, { version: 1, ...update(refs) }) }),
    [`${base}/[id]/route.ts#PUT`]: entry(write, { ...one, input: ({ target, refs }) => api('PUT', `${url}/${target.id}`, { version: 1, ...update(refs) }) }),
    [`${base}/[id]/route.ts#DELETE`]: entry(write, { ...one, input: ({ target }) => api('DELETE', `${url}/${target.id}`) }),
  };
}

const ACTIONS: Record<string, Entry<FormFields>> = {
  'app/(auth)/sign-in/actions.ts#signInAction': {
    public: 'signing in; credentials, throttling and timing are tested in auth.test.ts (verifySignIn)',
    input: () => ({ email: '', password: '' }),
    expect: (o) => expect(o).toMatchObject({ status: 'refused', code: 'VALIDATION' }),
  },
  'app/(app)/actions.ts#signOutAction': {
    public: "ends only the caller's own session, then goes to sign-in",
    input: () => ({}),
    expect: (o) => expect(o).toMatchObject({ redirect: '/sign-in' }),
  },
  'app/(app)/account/actions.ts#signOutEverywhereAction': {
    public: "ends only the caller's own sessions (all of them, tested in reliability-security.test.ts), then goes to sign-in",
    input: () => ({}),
    expect: (o) => expect(o).toMatchObject({ redirect: '/sign-in' }),
  },
  'app/(app)/actions.ts#switchWorkspaceAction': entry('signed-in', {
    // A member of the home workspace and of a second one switches to the second (the shared callers stay put).
    target: async (home) => {
      const member = await createMember(home.workspaceId, 'VIEWER');
      const second = await createWorkspace();
      await db().membership.create({ data: { userId: member.id, workspaceId: second.id, role: 'VIEWER' } });
      return { id: second.id, member };
    },
    input: ({ target }) => ({ workspaceId: target.id }),
    allowedCaller: (target) => target.member,
    verify: async ({ target }) =>
      expect((await db().authSession.findUniqueOrThrow({ where: { id: target.member.sessionId } })).currentWorkspaceId).toBe(target.id),
  }),
  'app/(app)/account/actions.ts#changeOwnPasswordAction': entry('signed-in', {
    input: () => ({ currentPassword: TEST_PASSWORD, newPassword, confirmPassword: newPassword }),
    cross: 'none',
    pendingPasswordAllowed: true,
  }),

  'app/(app)/actors/actions.ts#createActorAction': entry('records:write', {
    input: ({ refs }) => ({ name: uniq('Actor'), kind: 'PERSON', parentId: refs.actorId }),
    cross: 'references',
  }),
  'app/(app)/actors/actions.ts#updateActorAction': entry('records:write', {
    target: live('actor'),
    input: ({ target, refs }) => ({ id: target.id, version: '1', name: uniq('Actor'), kind: 'STATE', parentId: refs.actorId }),
    verify: async ({ target }) => expect((await db().actor.findUniqueOrThrow({ where: { id: target.id } })).version).toBe(2),
  }),
  'app/(app)/actors/actions.ts#deleteActorAction': entry('records:write', { target: live('actor'), input: recordRef }),
  'app/(app)/actors/actions.ts#restoreActorAction': entry('records:restore', { target: deleted('actor'), input: recordRef }),

  'app/(app)/issues/actions.ts#createIssueAction': entry('records:write', { input: () => ({ title: uniq('Issue'), ...anchors }), cross: 'none' }),
  'app/(app)/issues/actions.ts#updateIssueAction': entry('records:write', {
    target: live('issue'),
    input: ({ target }) => ({ id: target.id, version: '1', title: uniq('Issue'), ...anchors }),
  }),
  'app/(app)/issues/actions.ts#deleteIssueAction': entry('records:write', { target: live('issue'), input: recordRef }),
  'app/(app)/issues/actions.ts#restoreIssueAction': entry('records:restore', { target: deleted('issue'), input: recordRef }),
  'app/(app)/issues/actions.ts#resolveIssueAction': entry('scenarios:write', {
    target: live('issue'),
    input: ({ target }) => ({ id: target.id, outcomePosition: '65' }),
    verify: async ({ target }) => expect((await db().issue.findUniqueOrThrow({ where: { id: target.id } })).outcomePosition).toBe(65),
  }),

  'app/(app)/events/actions.ts#createEventAction': entry('records:write', {
    input: ({ refs }) => ({ occurredOn: '2020-11-09', title: uniq('Event'), sourceId: refs.sourceId, issueIds: [refs.issueId] }),
    cross: 'references',
  }),
  'app/(app)/events/actions.ts#deleteEventAction': entry('records:write', { target: live('event'), input: recordRef }),

  'app/(app)/sources/actions.ts#createSourceAction': entry('records:write', { input: ({ refs }) => sourceFields(refs), cross: 'references' }),
  'app/(app)/sources/actions.ts#updateSourceAction': entry('records:write', {
    target: live('source'),
    input: ({ target, refs }) => ({ id: target.id, version: '1', ...sourceFields(refs) }),
  }),
  'app/(app)/sources/actions.ts#deleteSourceAction': entry('records:write', { target: live('source'), input: recordRef }),
  'app/(app)/sources/actions.ts#restoreSourceAction': entry('records:restore', { target: deleted('source'), input: recordRef }),

  'app/(app)/interests/actions.ts#createInterestAction': entry('records:write', {
    input: ({ refs }) => ({ actorId: refs.actorId, sourceId: refs.sourceId, statedOn: '2020-11-11', quote: uniq('We want') }),
    cross: 'references',
  }),
  'app/(app)/interests/actions.ts#updateInterestAction': entry('records:write', {
    target: live('interest'),
    input: ({ target, refs }) => ({ id: target.id, version: '1', actorId: refs.actorId, sourceId: refs.sourceId, statedOn: '2020-11-12', quote: uniq('We want') }),
  }),
  'app/(app)/interests/actions.ts#deleteInterestAction': entry('records:write', { target: live('interest'), input: recordRef }),
  'app/(app)/interests/actions.ts#restoreInterestAction': entry('records:restore', { target: deleted('interest'), input: recordRef }),

  'app/(app)/assessments/actions.ts#createAssessmentAction': entry('records:write', { input: ({ refs }) => assessmentFields(refs), cross: 'references' }),
  'app/(app)/assessments/actions.ts#updateAssessmentAction': entry('records:write', {
    target: live('assessment'),
    input: ({ target, refs }) => ({ id: target.id, version: '1', ...assessmentFields(refs) }),
  }),
  'app/(app)/assessments/actions.ts#deleteAssessmentAction': entry('records:write', { target: live('assessment'), input: recordRef }),
  'app/(app)/assessments/actions.ts#restoreAssessmentAction': entry('records:restore', { target: deleted('assessment'), input: recordRef }),

  // Opinions: the target assessment is the admin's, so the analyst (the lowest role allowed) is a colleague.
  'app/(app)/assessments/[id]/actions.ts#createOpinionAction': entry('records:write', {
    target: live('assessment'),
    input: ({ target }) => ({ assessmentId: target.id, stance: 'DISAGREE', position: '30', comment: 'Turkey has a role too.' }),
  }),
  'app/(app)/assessments/[id]/actions.ts#updateOpinionAction': entry('records:write', {
    target: live('opinion'),
    input: ({ target }) => ({ id: target.id, version: '1', stance: 'DISAGREE', position: '', comment: '' }),
    verify: async ({ target }) => expect((await db().assessmentOpinion.findUniqueOrThrow({ where: { id: target.id } })).stance).toBe('DISAGREE'),
  }),
  'app/(app)/assessments/[id]/actions.ts#deleteOpinionAction': entry('records:write', { target: live('opinion'), input: recordRef }),

  'app/(app)/scenarios/actions.ts#createScenarioAction': entry('scenarios:write', {
    input: ({ refs }) => ({ issueId: refs.issueId, name: uniq('Scenario'), asOf: '2020-11-12', description: '' }),
    cross: 'references',
  }),
  'app/(app)/scenarios/actions.ts#updateScenarioAction': entry('scenarios:write', {
    target: live('scenario'),
    input: ({ target }) => ({ id: target.id, version: '1', name: uniq('Scenario'), asOf: '2020-11-13', description: '' }),
  }),
  'app/(app)/scenarios/actions.ts#deleteScenarioAction': entry('scenarios:write', { target: live('scenario'), input: recordRef }),
  'app/(app)/scenarios/actions.ts#restoreScenarioAction': entry('scenarios:write', { target: deleted('scenario'), input: recordRef }),
  'app/(app)/scenarios/actions.ts#addEstimateAction': entry('estimates:write', {
    target: live('scenario'),
    input: ({ target }) => ({ scenarioId: target.id, ...estimateFields }),
  }),
  'app/(app)/scenarios/actions.ts#resolveScenarioAction': entry('scenarios:write', {
    target: live('scenario'),
    // with a position reached, so a refusal must also leave no model score behind
    input: ({ target }) => ({ id: target.id, outcome: 'HAPPENED', outcomePosition: '60' }),
  }),
  'app/(app)/scenarios/actions.ts#annulResolutionAction': entry('resolutions:annul', {
    target: live('resolvedScenario'),
    input: ({ target }) => ({ id: target.id, reason: 'Resolved on a misreading of the test' }),
    verify: async ({ target }) => expect((await db().scenario.findUniqueOrThrow({ where: { id: target.id } })).annulmentReason).toBe('Resolved on a misreading of the test'),
  }),
  'app/(app)/scenarios/actions.ts#undoAnnulmentAction': entry('resolutions:annul', {
    target: deleted('resolvedScenario'), // made annulled
    input: recordRef,
    verify: async ({ target }) => expect((await db().scenario.findUniqueOrThrow({ where: { id: target.id } })).annulledAt).toBeNull(),
  }),

  'app/(app)/notifications/actions.ts#saveWatchAction': entry('workspace:read', {
    input: ({ refs }) => ({ actorId: refs.actorId, issueId: '', threshold: '7.5' }),
    cross: 'references',
    verify: async ({ caller }) => expect((await db().watch.findFirst({ where: { userId: caller!.id, actorId: world.home.actorId } }))?.threshold).toBe(7.5),
  }),
  'app/(app)/notifications/actions.ts#removeWatchAction': entry('workspace:read', {
    target: live('watch'),
    input: recordRef,
    verify: async ({ target }) => expect(await db().watch.findUnique({ where: { id: (target as { id: string }).id } })).toBeNull(),
  }),
  'app/(app)/notifications/actions.ts#markNotificationReadAction': entry('workspace:read', {
    target: live('notification'),
    input: recordRef,
    verify: async ({ target }) => expect((await db().notification.findUniqueOrThrow({ where: { id: (target as { id: string }).id } })).readAt).not.toBeNull(),
  }),
  'app/(app)/notifications/actions.ts#markAllNotificationsReadAction': entry('workspace:read', {
    target: live('notification'),
    input: () => ({}),
    cross: 'none',
    verify: async ({ target }) => expect((await db().notification.findUniqueOrThrow({ where: { id: (target as { id: string }).id } })).readAt).not.toBeNull(),
  }),

  'app/(app)/settings/forecasting/actions.ts#setForecastingSettingsAction': entry('members:manage', {
    input: () => ({ hideEstimatesUntilOwn: 'on' }),
    cross: 'none',
    verify: async () => expect((await db().workspace.findUniqueOrThrow({ where: { id: world.home.workspaceId } })).hideEstimatesUntilOwn).toBe(true),
  }),
  'app/(app)/settings/tokens/actions.ts#createTokenAction': entry('tokens:manage', {
    input: () => ({ name: uniq('Token'), role: 'VIEWER' }),
    cross: 'none',
    // The secret is handed back once, and only its hash is stored.
    verify: async ({ caller }, outcome) => {
      const { details } = JSON.parse(outcome.body!) as { details: { secret: string; name: string } };
      expect(details.secret).toMatch(/^sb_/);
      const stored = await db().apiToken.findFirstOrThrow({ where: { userId: caller!.id, name: details.name } });
      expect(stored.tokenHash).not.toContain(details.secret);
    },
  }),
  'app/(app)/settings/tokens/actions.ts#revokeTokenAction': entry('tokens:manage', { target: live('token'), input: recordRef }),

  'app/(app)/members/actions.ts#addMemberAction': entry('members:manage', {
    input: () => ({ email: `${uniq('added').replace(' ', '-')}@example.org`, name: 'Added Person', role: 'VIEWER', passwordMode: 'generate' }),
    cross: 'none',
    verify: async ({ home }, outcome) => {
      const { details } = JSON.parse(outcome.body!) as { details: { oneTimePassword: string; email: string } };
      expect(details.oneTimePassword.length).toBeGreaterThan(8);
      expect(await db().membership.count({ where: { workspaceId: home.workspaceId, user: { email: details.email, mustChangePassword: true } } })).toBe(1);
    },
  }),
  'app/(app)/members/actions.ts#changeMemberRoleAction': entry('members:manage', {
    target: live('member'),
    input: ({ target }) => ({ membershipId: target.membershipId, role: 'ANALYST' }),
    verify: async ({ target }) => expect((await db().membership.findUniqueOrThrow({ where: { id: target.membershipId } })).role).toBe('ANALYST'),
  }),
  'app/(app)/members/actions.ts#disableMemberAction': entry('members:manage', { target: live('member'), input: memberRef }),
  'app/(app)/members/actions.ts#enableMemberAction': entry('members:manage', { target: deleted('member'), input: memberRef }),
  'app/(app)/members/actions.ts#setMemberPasswordAction': entry('members:manage', {
    target: live('member'),
    input: ({ target }) => ({ membershipId: target.membershipId, passwordMode: 'generate' }),
  }),
};

/** An issue of its own with one reading (by the home actor): the readings and comparison exports show its quote. */
async function readingOnNewIssue(home: Refs): Promise<{ id: string; shows: string }> {
  const refs = { ...home, issueId: (await make.issue(home)).id };
  return { id: refs.issueId, shows: (await make.assessment(refs)).quote };
}

const ROUTES: Record<string, Entry<Request>> = {
  'app/api/health/route.ts#GET': {
    public: 'liveness probe for load balancers; says only whether the database answers',
    input: () => new Request('http://stanceboard.test/api/health'),
    expect: (o) => expect(o).toMatchObject({ status: 'ok' }),
  },
  'app/api/auth/[...nextauth]/route.ts#GET': { public: "next-auth's own endpoints (CSRF token, session); sign-in itself is tested in auth.test.ts" },
  'app/api/auth/[...nextauth]/route.ts#POST': { public: "next-auth's own endpoints (credentials callback, sign-out); see auth.test.ts" },

  ...v1Resource('actors', 'actor', (refs) => ({ name: uniq('Actor'), kind: 'STATE', parentId: refs.actorId })),
  ...v1Resource('issues', 'issue', () => ({ title: uniq('Issue'), anchors: [{ value: 0, label: 'None' }, { value: 100, label: 'All' }] }), { createCross: 'none' }),
  ...v1Resource('sources', 'source', (refs) => sourceFields(refs)),
  ...v1Resource('interests', 'interest', (refs) => ({ actorId: refs.actorId, sourceId: refs.sourceId, statedOn: '2020-11-12', quote: uniq('We want') })),
  ...v1Resource('assessments', 'assessment', (refs) => ({ ...assessmentFields(refs), position: 40, salience: 60, credibility: 2, capability: null })),
  ...v1Resource('scenarios', 'scenario', (refs) => ({ issueId: refs.issueId, name: uniq('Scenario'), asOf: '2020-11-12' }), {
    write: 'scenarios:write',
    updateFields: () => ({ name: uniq('Scenario'), asOf: '2020-11-13' }),
  }),
  ...v1Resource('opinions', 'opinion', () => ({ stance: 'DISAGREE', position: 35, comment: 'Turkey has a role too.' })),
  // An opinion is given on an assessment: a new one for the call, recorded by the admin.
  'app/api/v1/opinions/route.ts#POST': entry('records:write', {
    target: live('assessment'),
    input: ({ target }) => api('POST', '/api/v1/opinions', { assessmentId: target.id, stance: 'AGREE', position: null }),
  }),
  'app/api/v1/assessments/[id]/revisions/route.ts#GET': entry('workspace:read', {
    target: async (home) => {
      const assessment = await make.assessment(home);
      const quote = uniq('As first recorded');
      await db().assessmentRevision.create({
        data: { assessmentId: assessment.id, workspaceId: home.workspaceId, version: 1, editedById: world.callers.admin.id, changes: {}, snapshot: { quote } },
      });
      return { id: assessment.id, shows: quote };
    },
    params: idParam,
    input: ({ target }) => api('GET', `/api/v1/assessments/${target.id}/revisions`),
  }),
  'app/api/v1/scenarios/[id]/estimates/route.ts#GET': entry('workspace:read', {
    target: async (home) => {
      const scenario = await make.scenario(home);
      const estimate = await db().likelihoodEstimate.create({
        data: { workspaceId: home.workspaceId, scenarioId: scenario.id, analystId: world.callers.analyst.id, estimatedOn: day('2020-11-13'), likelihood: 'LIKELY', probability: 0.7 },
      });
      return { id: scenario.id, shows: estimate.id };
    },
    params: idParam,
    input: ({ target }) => api('GET', `/api/v1/scenarios/${target.id}/estimates`),
  }),
  'app/api/v1/scenarios/[id]/estimates/route.ts#POST': entry('estimates:write', {
    target: live('scenario'),
    params: idParam,
    input: ({ target }) => api('POST', `/api/v1/scenarios/${target.id}/estimates`, { ...estimateFields, probability: 70 }),
  }),
  'app/api/v1/scenarios/[id]/resolve/route.ts#POST': entry('scenarios:write', {
    target: live('scenario'),
    params: idParam,
    input: ({ target }) => api('POST', `/api/v1/scenarios/${target.id}/resolve`, { outcome: 'DID_NOT_HAPPEN', outcomePosition: 40 }),
  }),
  'app/api/v1/issues/[id]/resolution/route.ts#POST': entry('scenarios:write', {
    target: live('issue'),
    params: idParam,
    input: ({ target }) => api('POST', `/api/v1/issues/${target.id}/resolution`, { outcomePosition: 35 }),
    verify: async ({ target }) => expect((await db().issue.findUniqueOrThrow({ where: { id: target.id } })).outcomePosition).toBe(35),
  }),
  'app/api/v1/scenarios/[id]/annulment/route.ts#POST': entry('resolutions:annul', {
    target: live('resolvedScenario'),
    params: idParam,
    input: ({ target }) => api('POST', `/api/v1/scenarios/${target.id}/annulment`, { reason: 'Resolved on a misreading of the test' }),
  }),
  'app/api/v1/scenarios/[id]/annulment/route.ts#DELETE': entry('resolutions:annul', {
    target: deleted('resolvedScenario'), // made annulled
    params: idParam,
    input: ({ target }) => api('DELETE', `/api/v1/scenarios/${target.id}/annulment`),
  }),
  'app/api/v1/import/assessments/route.ts#POST': entry('records:write', {
    // mode=check writes nothing even when allowed; the CSV names records the importer will not find.
    input: () =>
      api(
        'POST',
        '/api/v1/import/assessments?mode=check',
        'actor,issue,source,position,salience,confidence,credibility,stance_date,quote\nNobody,Nothing,Nowhere,50,50,LOW,3,2020-11-12,said\n',
      ),
    cross: 'none',
    effect: { none: 'mode=check writes nothing (mode=commit: import-assessments.test.ts)' },
    verify: async (_args, outcome) => expect(JSON.parse(outcome.body!)).toMatchObject({ ok: false, committed: false, rowCount: 1 }),
  }),
  'app/api/v1/openapi.json/route.ts#GET': entry('workspace:read', { input: () => api('GET', '/api/v1/openapi.json'), cross: 'none' }),
  'app/api/v1/export/route.ts#GET': entry('workspace:read', { input: () => api('GET', '/api/v1/export'), cross: 'none' }),
  'app/api/v1/import/workspace/route.ts#POST': entry('members:manage', {
    // Restoring needs an empty workspace: the allowed call is by the admin of a new one, with an export of another one.
    target: async () => {
      const source = await createWorkspace();
      const exporter = await createMember(source.id, 'ADMIN');
      const actor = await db().actor.create({ data: { workspaceId: source.id, name: uniq('Exported actor'), kind: 'STATE' } });
      const exported = await as(exporter, async () => {
        const response = (await discoveredRoutes.get('app/api/v1/export/route.ts#GET')!(api('GET', '/api/v1/export'), { params: Promise.resolve({}) })) as Response;
        return { status: 'ok', body: await response.text() };
      });
      const admin = await createMember((await createWorkspace()).id, 'ADMIN');
      return { admin, body: exported.body!, actorName: actor.name };
    },
    verify: async ({ target }) =>
      expect(await db().actor.count({ where: { name: target.actorName, workspace: { memberships: { some: { userId: target.admin.id } } } } })).toBe(1),
    input: ({ target }) => api('POST', '/api/v1/import/workspace', target.body),
    cross: 'none',
    allowedCaller: (target) => target.admin,
  }),

  'app/api/search/route.ts#GET': entry('workspace:read', { input: () => api('GET', '/api/search?q=Actor'), cross: 'none' }),

  // Watching is reading: every role has its own watches and notifications; another member's are NOT_FOUND.
  // The stream's body is never read here, so it subscribes to nothing (delivery: notifications.test.ts).
  'app/api/notifications/stream/route.ts#GET': entry('workspace:read', { input: () => api('GET', '/api/notifications/stream'), cross: 'none' }),
  'app/api/v1/notifications/route.ts#GET': entry('workspace:read', { input: () => api('GET', '/api/v1/notifications?unread=true'), cross: 'none' }),
  'app/api/v1/notifications/[id]/read/route.ts#POST': entry('workspace:read', {
    target: live('notification'),
    params: idParam,
    input: ({ target }) => api('POST', `/api/v1/notifications/${target.id}/read`),
  }),
  'app/api/v1/notifications/read-all/route.ts#POST': entry('workspace:read', { input: () => api('POST', '/api/v1/notifications/read-all'), cross: 'none' }),
  'app/api/v1/watches/route.ts#GET': entry('workspace:read', { input: () => api('GET', '/api/v1/watches'), cross: 'none' }),
  'app/api/v1/watches/route.ts#POST': entry('workspace:read', {
    input: ({ refs }) => api('POST', '/api/v1/watches', { issueId: refs.issueId, threshold: 5 }),
    cross: 'references',
  }),
  'app/api/v1/watches/[id]/route.ts#DELETE': entry('workspace:read', {
    target: live('watch'),
    params: idParam,
    input: ({ target }) => api('DELETE', `/api/v1/watches/${target.id}`),
  }),

  'app/api/stance/dashboard/export/route.ts#GET': entry('workspace:read', {
    input: () => api('GET', '/api/stance/dashboard/export?table=shifts&shifts=30'),
    cross: 'none',
  }),
  'app/api/stance/actors/[id]/export/route.ts#GET': entry('workspace:read', {
    // An actor with a reading on an issue of its own: the positions table names the issue.
    target: async (home) => {
      const refs = { ...home, actorId: (await make.actor(home)).id, issueId: (await make.issue(home)).id };
      await make.assessment(refs);
      return { id: refs.actorId, shows: (await db().issue.findUniqueOrThrow({ where: { id: refs.issueId } })).title };
    },
    params: idParam,
    input: ({ target }) => api('GET', `/api/stance/actors/${target.id}/export?table=positions`),
  }),
  'app/api/stance/issues/[id]/export/route.ts#GET': entry('workspace:read', {
    target: readingOnNewIssue,
    params: idParam,
    input: ({ target }) => api('GET', `/api/stance/issues/${target.id}/export?table=readings`),
  }),
  'app/api/stance/readings/[id]/route.ts#GET': entry('workspace:read', {
    target: live('assessment'),
    params: idParam,
    input: ({ target }) => api('GET', `/api/stance/readings/${target.id}`),
  }),
  'app/api/stance/issues/[id]/compare/export/route.ts#GET': entry('workspace:read', {
    target: readingOnNewIssue,
    params: idParam,
    input: ({ target, refs }) => api('GET', `/api/stance/issues/${target.id}/compare/export?actor=${refs.actorId}&asOf=2020-11-12`),
  }),
};

// ---------------------------------------------------------------- calling an endpoint
interface Outcome {
  status: 'ok' | 'refused';
  code?: string;
  redirect?: string;
  /** A route's answer (text; a stream is read up to its first chunks). */
  body?: string;
}

function toFormData(fields: FormFields): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) form.append(key, v);
  return form;
}

async function callAction(fn: AnyFn, fields: FormFields): Promise<Outcome> {
  try {
    const state = (await fn({}, toFormData(fields))) as { ok?: boolean; code?: string } | undefined;
    return state && !state.ok ? { status: 'refused', code: state.code } : { status: 'ok', body: JSON.stringify(state ?? null) };
  } catch (error) {
    const digest = (error as { digest?: unknown }).digest;
    if (typeof digest === 'string' && digest.startsWith('NEXT_REDIRECT;')) {
      const to = digest.split(';')[2] ?? '';
      // A redirect to sign-in is how an unauthenticated call ends; any other redirect follows a success.
      return to.startsWith('/sign-in') && !fn.name.startsWith('signOut')
        ? { status: 'refused', code: 'UNAUTHENTICATED', redirect: to }
        : { status: 'ok', redirect: to };
    }
    if (typeof digest === 'string' && digest.startsWith('NEXT_HTTP_ERROR_FALLBACK;404')) return { status: 'refused', code: 'NOT_FOUND' };
    throw error;
  }
}

const STATUS_CODES: Record<number, string> = { 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 409: 'CONFLICT', 413: 'PAYLOAD_TOO_LARGE', 422: 'VALIDATION', 429: 'RATE_LIMITED' };
async function callRoute(fn: AnyFn, req: Request, params: Record<string, string | string[]> = {}): Promise<Outcome> {
  const response = (await fn(req, { params: Promise.resolve(params) })) as Response;
  if (response.status < 400) {
    const location = response.headers.get('location') ?? undefined;
    if (location && new URL(location, 'http://x').pathname === '/sign-in') return { status: 'refused', code: 'UNAUTHENTICATED', redirect: location };
    return { status: 'ok', body: await readSome(response) };
  }
  return { status: 'refused', code: STATUS_CODES[response.status] ?? `HTTP_${response.status}` };
}

/** The body, or for an endless stream (server-sent events) what it sends first. */
async function readSome(response: Response): Promise<string> {
  if (!response.body) return '';
  if (!response.headers.get('content-type')?.includes('text/event-stream')) return response.text();
  const reader = response.body.getReader();
  const first = await reader.read();
  await reader.cancel();
  return first.value ? new TextDecoder().decode(first.value) : '';
}

type CallerName = keyof World['callers'];
async function as(caller: CallerName | Member | null, run: (member: Member | null) => Promise<Outcome>): Promise<Outcome> {
  const member = typeof caller === 'string' ? world.callers[caller] : caller;
  request.sid = member?.sessionId ?? null;
  try {
    return await run(member);
  } finally {
    request.sid = null;
  }
}

/** Runs a call that must be refused, and proves it changed nothing anywhere in the database. */
async function expectRefusedWithoutChange(call: () => Promise<Outcome>, codes: string[]): Promise<Outcome> {
  const before = await databaseFingerprint();
  const outcome = await call();
  expect(outcome.status, `expected a refusal (${codes.join(' or ')}), got ${JSON.stringify(outcome)}`).toBe('refused');
  expect(codes).toContain(outcome.code);
  expect(await databaseFingerprint()).toEqual(before);
  return outcome;
}

const ROLES: Role[] = ['VIEWER', 'ANALYST', 'ADMIN'];
const ROLE_CALLER: Record<Role, CallerName> = { VIEWER: 'viewer', ANALYST: 'analyst', ADMIN: 'admin' };
const can = (role: Role, access: Access) => access === 'signed-in' || roleCan(role, access);

// ---------------------------------------------------------------- the suite
beforeAll(async () => {
  const home = await workspaceWithRecords();
  const other = await workspaceWithRecords();
  world = {
    home,
    other,
    callers: {
      viewer: await createMember(home.workspaceId, 'VIEWER'),
      analyst: await createMember(home.workspaceId, 'ANALYST'),
      admin: await createMember(home.workspaceId, 'ADMIN'),
      // A second admin, so that no members call ever trips the last-admin rule by accident.
      outsider: await createMember(other.workspaceId, 'ADMIN'),
      disabledMember: await createMember(home.workspaceId, 'ADMIN', { membershipDisabled: true }),
      disabledAccount: await createMember(home.workspaceId, 'ADMIN', { disabled: true }),
      disabledHere: await createMember(home.workspaceId, 'ADMIN', { membershipDisabled: true }),
      pendingPassword: await createMember(home.workspaceId, 'ADMIN', { mustChangePassword: true }),
    },
  };
  await createMember(home.workspaceId, 'ADMIN');
  // Disabled here, still an admin elsewhere: the session falls back to the other workspace.
  await db().membership.create({ data: { userId: world.callers.disabledHere.id, workspaceId: other.workspaceId, role: 'ADMIN' } });
});

afterAll(() => {
  vi.restoreAllMocks();
});

describe('every endpoint is in the authorization matrix', () => {
  it('finds the endpoints (sanity check of the discovery itself)', () => {
    expect(discoveredActions.has('app/(app)/actors/actions.ts#createActorAction')).toBe(true);
    expect(discoveredRoutes.has('app/api/health/route.ts#GET')).toBe(true);
  });

  it('has an entry for every exported server action and route handler', () => {
    const missing = [
      ...[...discoveredActions.keys()].filter((key) => !(key in ACTIONS)),
      ...[...discoveredRoutes.keys()].filter((key) => !(key in ROUTES)),
    ];
    expect(missing, `Add these to ACTIONS / ROUTES in ${path.basename(import.meta.filename)}`).toEqual([]);
  });

  it('has no entry for an endpoint that no longer exists', () => {
    const stale = [...Object.keys(ACTIONS).filter((key) => !discoveredActions.has(key)), ...Object.keys(ROUTES).filter((key) => !discoveredRoutes.has(key))];
    expect(stale).toEqual([]);
  });
});

// ---------------------------------------------------------------- every entry through its adapter over the one guard
// The tables above call what exists; these prove the shape that keeps an entry safe before it has a row.
// One function decides who the caller is and whether they may go on (checkRequest/guardRequest in
// lib/auth/guard.ts), and each entry kind reaches it through its adapter: route handlers are built by
// apiRoute (checked at run time: apiRoute marks what it builds), server actions are nothing but a form
// adapter's call, and signed-in pages and layouts start with the page guard. No other code tells who
// the caller is.

/** Route handlers not built by apiRoute, each also `public` in ROUTES. */
const ROUTES_OUTSIDE_API_ROUTE: Record<string, string> = {
  'app/api/health/route.ts#GET': 'liveness probe for load balancers: no caller, answers only whether the database does',
  'app/api/auth/[...nextauth]/route.ts#GET': "next-auth's own handler (CSRF token, session): how a caller comes to have a session",
  'app/api/auth/[...nextauth]/route.ts#POST': "next-auth's own handler (credentials callback, sign-out): how a caller comes to have a session",
};
/** Server actions that are not a form adapter's call. */
const ACTIONS_OUTSIDE_FORM_ADAPTER: Record<string, string> = {
  'app/(auth)/sign-in/actions.ts#signInAction': 'signing in: there is no caller yet; next-auth and verifySignIn check the credentials, throttled',
};
/**
 * The form adapter's entry points: runFormAction, and runSignOutAction for the two sign-out forms
 * (anyone may sign out, so a refusal there is not an error). Their wrappers in lib/actions
 * (deleteRecordFromForm, …) are found by the scan.
 */
const FORM_ADAPTERS = ['lib/actions/form-action.ts#runFormAction', 'lib/actions/sign-out-action.ts#runSignOutAction'];
const PAGE_GUARD = 'lib/auth/request.ts#requirePageContext';
/** Each adapter and the guard function it is built on. */
const ADAPTERS: Record<string, string> = {
  'lib/api/handler.ts#apiRoute': 'lib/auth/guard.ts#guardRequest',
  'lib/actions/form-action.ts#runFormAction': 'lib/auth/guard.ts#guardRequest',
  'lib/actions/sign-out-action.ts#runSignOutAction': 'lib/auth/guard.ts#guardRequest',
  [PAGE_GUARD]: 'lib/auth/guard.ts#checkRequest',
  'lib/auth/request.ts#redirectIfSignedIn': 'lib/auth/guard.ts#checkRequest',
};
/** What tells who the caller is, and the only code that may refer to it: the guard, the adapters, and the steps of building a Ctx. */
const CALLER_LOOKUPS = ['lib/auth/guard.ts#checkRequest', 'lib/auth/guard.ts#guardRequest', 'lib/auth/context.ts#contextForSession', 'lib/tokens/authenticate.ts#contextForToken', 'lib/auth/context.ts#buildContext'];
const MAY_LOOK_UP_CALLERS = new Set([
  ...Object.keys(ADAPTERS),
  'lib/auth/guard.ts#sessionCaller',
  'lib/auth/guard.ts#checkRequest',
  'lib/auth/guard.ts#guardRequest',
  'lib/auth/context.ts#contextForSession',
  'lib/tokens/authenticate.ts#loadTokenContext',
]);

const entrySources = new Map(
  ['app', 'lib', 'components']
    .flatMap(sourceFiles)
    .filter((file) => /\.tsx?$/.test(file) && !file.endsWith('.d.ts'))
    .map((file) => [file, readFileSync(path.join(ROOT, file), 'utf8')] as const),
);
const entryFiles = new Set(entrySources.keys());

describe('every entry goes through its adapter over the one request guard', () => {
  const units = scanUnits(entrySources);
  const formAdapters = new Set([
    ...FORM_ADAPTERS,
    ...[...units].filter(([key, unit]) => key.startsWith('lib/actions/') && unit.exported && FORM_ADAPTERS.some((a) => unit.refs.has(a))).map(([key]) => key),
  ]);
  const actionFiles = new Map([...entrySources].filter(([file]) => isServerActionFile(file)));
  const guardedPages = new Map([...entrySources].filter(([file]) => /^app\/\(app\)\/(.*\/)?(page|layout)\.tsx?$/.test(file)));

  it('builds every route handler with apiRoute, apart from the allow-list', () => {
    const outside = [...discoveredRoutes].filter(([key, handler]) => !isApiRouteHandler(handler) && !(key in ROUTES_OUTSIDE_API_ROUTE)).map(([key]) => key);
    expect(outside, 'Build the handler with apiRoute (lib/api/handler.ts), or add it to ROUTES_OUTSIDE_API_ROUTE saying why').toEqual([]);
    for (const [key, why] of Object.entries(ROUTES_OUTSIDE_API_ROUTE)) {
      expect(discoveredRoutes.has(key), `${key} no longer exists`).toBe(true);
      expect(isApiRouteHandler(discoveredRoutes.get(key)), `${key} is built by apiRoute now: take it off the list`).toBe(false);
      expect('public' in ROUTES[key]!, `${key} (${why}) bypasses apiRoute, so it must be public in ROUTES`).toBe(true);
    }
  });

  it('tells a handler apiRoute built from any other', () => {
    expect(isApiRouteHandler(apiRoute({ permission: 'workspace:read' }, async () => new Response(null)))).toBe(true);
    expect(isApiRouteHandler(async () => new Response(null))).toBe(false);
    expect(isApiRouteHandler(undefined)).toBe(false);
  });

  it('makes every server action a form adapter’s call, apart from the allow-list', () => {
    expect(actionFiles.size).toBeGreaterThan(10);
    expect(formAdapters).toContain('lib/actions/record-actions.ts#deleteRecordFromForm');
    const findings = actionsOutsideAdapters(actionFiles, entryFiles, formAdapters);
    const outside = findings.filter((f) => !(f.key in ACTIONS_OUTSIDE_FORM_ADAPTER)).map((f) => `${f.key}: ${f.reason}`);
    expect(outside, 'Write the action as `return runFormAction(formData, domainFunction, after)`, or add it to ACTIONS_OUTSIDE_FORM_ADAPTER saying why').toEqual([]);
    const stale = Object.keys(ACTIONS_OUTSIDE_FORM_ADAPTER).filter((key) => !findings.some((f) => f.key === key));
    expect(stale).toEqual([]);
  });

  it('fails for an action that does anything before or instead of a form adapter', () => {
    const made = new Map([
      [
        'app/(app)/leak/actions.ts',
        [
          "'use server';",
          "import { runFormAction } from '@/lib/actions/form-action';",
          "import { deleteRecordFromForm } from '@/lib/actions/record-actions';",
          "import { createActor } from '@/lib/actors/commands';",
          "import { db } from '@/lib/db';",
          'export async function fine(_p: unknown, formData: FormData) { return runFormAction(formData, createActor, () => ({})); }',
          "export const fineArrow = async (_p: unknown, formData: FormData) => deleteRecordFromForm('actor', formData, '/actors');",
          'export async function workFirst(_p: unknown, formData: FormData) { await db().actor.deleteMany(); return runFormAction(formData, createActor, () => ({})); }',
          'export async function noAdapter(_p: unknown, formData: FormData) { return createActor(null as never, Object.fromEntries(formData)); }',
          'async function local(formData: FormData) { return runFormAction(formData, createActor, () => ({})); }',
          'export { local };',
          'export const notAFunction = runFormAction;',
          'function helper(formData: FormData) { return runFormAction(formData, createActor, () => ({})); }',
          'function sneaky(formData: FormData) { void db(); return runFormAction(formData, createActor, () => ({})); }',
          'export async function viaHelper(_p: unknown, formData: FormData) { return helper(formData); }',
          'export async function viaSneaky(_p: unknown, formData: FormData) { return sneaky(formData); }',
        ].join('\n'),
      ],
      [
        'app/(app)/shadow/actions.ts',
        ["'use server';", 'async function runFormAction(formData: FormData) { return { ok: true, formData }; }', 'export async function shadowed(_p: unknown, formData: FormData) { return runFormAction(formData); }'].join('\n'),
      ],
    ]);
    const found = actionsOutsideAdapters(made, new Set([...entryFiles, ...made.keys()]), formAdapters).map((f) => f.key.split('#')[1]).sort();
    expect(found).toEqual(['noAdapter', 'notAFunction', 'shadowed', 'viaSneaky', 'workFirst', '{ local }']);
  });

  it('starts every signed-in page and layout with the page guard (the layout does not re-render on client navigation)', () => {
    expect(guardedPages.size).toBeGreaterThan(30);
    // requirePageContext also sends a user with a pending one-time password to the account page.
    expect(pagesWithoutGuard(guardedPages, entryFiles, PAGE_GUARD)).toEqual([]);
  });

  it('fails for a page that reads before the guard, skips it, or calls a look-alike', () => {
    const made = new Map([
      ['app/(app)/fine/page.tsx', "import { requirePageContext } from '@/lib/auth/request';\nexport default async function P() { const ctx = await requirePageContext({ permission: 'records:write' }); return ctx.userName; }"],
      ['app/(app)/bare/page.tsx', "import { requirePageContext } from '@/lib/auth/request';\nexport default async function P() { await requirePageContext(); return null; }"],
      ['app/(app)/late/page.tsx', "import { requirePageContext } from '@/lib/auth/request';\nimport { db } from '@/lib/db';\nexport default async function P() { const n = await db().actor.count(); await requirePageContext(); return n; }"],
      ['app/(app)/none/page.tsx', "import { db } from '@/lib/db';\nexport default async function P() { return db().actor.count(); }"],
      ['app/(app)/fake/page.tsx', "const requirePageContext = async () => null;\nexport default async function P() { await requirePageContext(); return null; }"],
      ['app/(app)/unawaited/page.tsx', "import { requirePageContext } from '@/lib/auth/request';\nexport default async function P() { void requirePageContext(); return null; }"],
    ]);
    const found = pagesWithoutGuard(made, new Set([...entryFiles, ...made.keys()]), PAGE_GUARD).map((f) => f.key).sort();
    expect(found).toEqual(['app/(app)/fake/page.tsx', 'app/(app)/late/page.tsx', 'app/(app)/none/page.tsx', 'app/(app)/unawaited/page.tsx']);
  });

  it('builds each adapter over the request guard', () => {
    for (const [adapter, guard] of Object.entries(ADAPTERS)) expect(units.get(adapter)?.refs, `${adapter} must call ${guard}`).toContain(guard);
  });

  it('leaves telling who the caller is to the guard and its adapters', () => {
    const lookups = [...units]
      .filter(([key, unit]) => !MAY_LOOK_UP_CALLERS.has(key) && CALLER_LOOKUPS.some((lookup) => unit.refs.has(lookup)))
      .map(([key, unit]) => `${key} → ${CALLER_LOOKUPS.filter((lookup) => unit.refs.has(lookup)).join(', ')}`);
    expect(lookups, 'Go through an adapter (requirePageContext, runFormAction, apiRoute) instead').toEqual([]);
    // next-auth's session is read in one place only.
    expect(importersOf(entrySources, entryFiles, 'lib/auth/next-auth.ts', 'auth')).toEqual(['lib/auth/guard.ts']);
  });
});

// ---------------------------------------------------------------- every lib function that reaches the database
// The endpoints above are only as safe as the lib functions behind them. A static scan of lib/**/*.ts
// (tests/integration/helpers/database-reach.ts) lists every exported function that reaches the
// database (db(), readDb(), pg, a client passed in, or another such function) and requires each to
// take the caller's Ctx and call authorize(), or to reach the database only through functions that do.
// The exceptions are the functions that build the Ctx or run without a caller; each says why.
const DATABASE_WITHOUT_AUTHORIZE: Record<string, string> = {
  'lib/db/index.ts#db': 'the Prisma client itself (primary)',
  'lib/db/index.ts#readDb': 'the Prisma client itself (replica or primary)',
  'lib/db/health.ts#checkDatabase': 'liveness probe: SELECT 1, reads no data',
  'lib/db/migrate.ts#migrate': 'migrations, run before the app serves anyone',
  'lib/db/server.ts#canConnect': 'database selection at start-up (npm start / dev): connects, reads no data',
  'lib/db/server.ts#createDatabaseIfMissing': 'database selection at start-up: CREATE DATABASE, reads no data',
  'lib/demo/seed.ts#seedDemo': 'the demo seed (scripts and the e2e setup), no caller',
  'lib/demo/seed.ts#seedDemoIfEmpty': 'the demo seed, no caller',
  'lib/auth/context.ts#buildContext': 'builds the Ctx itself from the memberships (the guard chain’s first step)',
  'lib/auth/sessions.ts#createAuthSession': 'sign-in: creates the session the Ctx is later built from',
  'lib/auth/sessions.ts#loadLiveSession': 'the session lookup the Ctx is built from',
  'lib/auth/sessions.ts#revokeAuthSession': 'sign-out of one session, by its own id',
  'lib/auth/sessions.ts#revokeAllSessionsOf': 'ends a user’s sessions when an admin disables them or sets their password (the admin’s command authorizes)',
  'lib/auth/sign-in.ts#verifySignIn': 'sign-in: there is no caller yet',
  'lib/auth/throttle.ts#checkLoginThrottle': 'sign-in throttling, before there is a caller',
  'lib/auth/throttle.ts#recordLoginAttempt': 'sign-in throttling, before there is a caller',
  'lib/tokens/authenticate.ts#contextForToken': 'token lookup: builds the Ctx of a Bearer token',
  'lib/api/rate-limit.ts#hitRateLimit': 'the API’s per-caller counter (keyed by user or token id); no workspace data',
  'lib/api/rate-limit.ts#flushRateLimitCounts': 'writes the rate-limit counters; no workspace data',
  'lib/api/rate-limit.ts#sweepRateLimitWindows': 'deletes expired rate-limit windows; no workspace data',
  'lib/api/idempotency.ts#withIdempotency': 'stored answers keyed by the workspace and user apiRoute authenticated; runs the guarded handler',
  'lib/api/idempotency.ts#sweepIdempotencyKeys': 'deletes expired idempotency keys; no workspace data',
  'lib/audit.ts#audit': 'appends the audit row of a command that has authorized (or of a sign-in); reads nothing',
  'lib/db/bulk.ts#withBulkTransaction': 'a pg transaction for bulk writes; its callers (importAssessments, importWorkspace) authorize first',
  'lib/db/bulk.ts#BulkWriter': 'the writer inside withBulkTransaction: only the callers that authorized hold one',
  'lib/notifications/acting-user.ts#setActingUser': 'sets who acts inside the transaction of a command that has authorized',
  'lib/notifications/digest.ts#sendDigests': 'the email digest job: runs for every member, no caller',
  'lib/notifications/queries.ts#namesFor': 'names for the digest job (no caller) and for listNotifications (authorized); filtered by the workspace of the notifications',
  'lib/notifications/listener.ts#NotificationListener': 'the one LISTEN connection per process; it only hands events to streams notificationStream authorized',
  'lib/notifications/listener.ts#notificationListener': 'the process’s NotificationListener (see above)',
};

const libSources = new Map(
  sourceFiles('lib')
    .filter((file) => /\.tsx?$/.test(file) && !file.endsWith('.d.ts'))
    .map((file) => [file, readFileSync(path.join(ROOT, file), 'utf8')] as const),
);
const allowedWithoutAuthorize = new Set(Object.keys(DATABASE_WITHOUT_AUTHORIZE));

describe('every exported lib function that reaches the database takes a Ctx and calls authorize()', () => {
  const verdicts = judge(scanUnits(libSources), allowedWithoutAuthorize);
  const byKey = new Map(verdicts.map((v) => [v.key, v]));

  it('finds them (sanity check of the scan itself)', () => {
    const reaching = verdicts.filter((v) => v.unit.exported && v.reachesDb);
    expect(reaching.length).toBeGreaterThan(150);
    // Directly, through a helper, through a transaction client, and through a guarded wrapper.
    expect(byKey.get('lib/actors/commands.ts#createActor')).toMatchObject({ reachesDb: true, guarded: true, unit: { takesCtx: true, callsAuthorize: true } });
    expect(byKey.get('lib/stance/export.ts#dashboardCsv')).toMatchObject({ reachesDb: true, guarded: true });
    expect(byKey.get('lib/api/export-routes.ts#exportWorkspaceRoute')).toMatchObject({ reachesDb: true, guarded: true });
    expect(byKey.get('lib/notifications/acting-user.ts#setActingUser')).toMatchObject({ reachesDb: true });
    expect(byKey.get('lib/stance/csv.ts#csvCell')).toMatchObject({ reachesDb: false });
  });

  it('has none that skips authorize() apart from the allow-list', () => {
    const unguarded = verdicts.filter((v) => v.unit.exported && !v.guarded).map((v) => `${v.key}: ${v.reason}`);
    expect(unguarded, 'Take a Ctx and call authorize(ctx, permission) first, or add the function to DATABASE_WITHOUT_AUTHORIZE saying why').toEqual([]);
  });

  it('has no allow-list entry for a function that no longer reaches the database', () => {
    const stale = Object.keys(DATABASE_WITHOUT_AUTHORIZE).filter((k) => !byKey.get(k)?.reachesDb);
    expect(stale).toEqual([]);
  });

  it('fails for a new function that reads workspace data without a Ctx, or delegates to one', () => {
    const withLeak = new Map(libSources);
    withLeak.set(
      'lib/leak/queries.ts',
      [
        "import { authorize, type Ctx } from '../auth/context';",
        "import { db, type Tx } from '@/lib/db';",
        'export async function actorsOf(workspaceId: string) { return db().actor.findMany({ where: { workspaceId } }); }',
        "export const countActors = async (ctx: Ctx) => { authorize(ctx, 'workspace:read'); return (await actorsOf(ctx.workspaceId)).length; };",
        'export async function actorNames(ctx: Ctx) { return (await actorsOf(ctx.workspaceId)).map((a) => a.name); }',
        'export async function inTransaction(tx: Tx, id: string) { return tx.actor.findUnique({ where: { id } }); }',
        "export async function checked(ctx: Ctx, id: string) { authorize(ctx, 'workspace:read'); return db().actor.findFirst({ where: { id, workspaceId: ctx.workspaceId } }); }",
      ].join('\n'),
    );
    const leaks = judge(scanUnits(withLeak), allowedWithoutAuthorize)
      .filter((v) => v.unit.file === 'lib/leak/queries.ts' && !v.guarded)
      .map((v) => v.unit.name)
      .sort();
    expect(leaks).toEqual(['actorNames', 'actorsOf', 'inTransaction']);
  });
});

const defaultEffect = (key: string): 'write' | 'read' => (/#(GET|HEAD)$/.test(key) ? 'read' : 'write');

/** A delete, restore or update of a target must show on its row. */
async function expectTargetChanged(key: string, target: unknown): Promise<void> {
  const id = (target as { id?: unknown } | undefined)?.id;
  if (typeof id !== 'string') return;
  const row = await storedRow(id);
  if (row === undefined) return;
  if (/#(delete\w*Action|DELETE)$/.test(key) && !/annulment/.test(key)) {
    expect(row === null || row.deletedAt != null || row.revokedAt != null, `${key} left ${id} in place`).toBe(true);
  } else if (/#restore\w*Action$/.test(key)) {
    expect(row?.deletedAt, `${key} did not restore ${id}`).toBeNull();
  } else if (/#(update\w*Action|PATCH|PUT)$/.test(key)) {
    expect(row?.version, `${key} did not write ${id}`).toBe(2);
  }
}

/** A read answers with its target (by id, name, title or quote), or without one, with some data. */
function expectAnswerShows(outcome: Outcome, target: unknown): void {
  const body = outcome.body ?? '';
  const t = target as Record<string, unknown> | undefined;
  // `shows`: what the answer must contain when the target's own fields would not be in it.
  const marks = (typeof t?.shows === 'string' ? [t.shows] : [t?.id, t?.name, t?.title, t?.quote]).filter((v): v is string => typeof v === 'string');
  if (marks.length) {
    expect(marks.some((mark) => body.includes(mark)), `the answer does not show the target: ${body.slice(0, 300)}`).toBe(true);
    return;
  }
  expect(body.length, 'the answer is empty').toBeGreaterThan(0);
  try {
    const data = (JSON.parse(body) as { data?: unknown }).data;
    if (Array.isArray(data)) expect(data.length, 'the list is empty').toBeGreaterThan(0);
  } catch {
    // Not JSON (CSV): the body is the data.
  }
}

function describeEndpoint<I>(
  key: string,
  spec: Entry<I>,
  call: (input: I, params?: Record<string, string | string[]>) => Promise<Outcome>,
) {
  if ('public' in spec) {
    describe(`${key} (public: ${spec.public})`, () => {
      if (!spec.input) return it.skip('is not called here');
      it('answers a caller without a session as expected, changing nothing', async () => {
        const before = await databaseFingerprint();
        const outcome = await as(null, () => call(spec.input!()));
        spec.expect?.(outcome);
        expect(await databaseFingerprint()).toEqual(before);
      });
    });
    return;
  }

  const allowedRole = ROLES.find((role) => can(role, spec.access))!;
  const lacking = ROLES.filter((role) => !can(role, spec.access));
  const cross = spec.cross ?? (spec.target ? 'target' : 'none');

  describe(`${key} (needs ${spec.access})`, () => {
    let target: unknown;
    const args = (caller: Member | null, refs: Refs = world.home): Args<unknown> => ({ target, refs, home: world.home, caller });
    const run = (caller: Member | null, refs?: Refs) => {
      const a = args(caller, refs);
      return call(spec.input(a), spec.params?.(a));
    };

    beforeAll(async () => {
      target = spec.target ? await spec.target(world.home) : undefined;
    });

    it('refuses a caller without a session', async () => {
      await expectRefusedWithoutChange(() => as(null, (m) => run(m)), ['UNAUTHENTICATED']);
    });

    it.runIf(lacking.length > 0)(`refuses ${lacking.join(', ').toLowerCase() || 'no role'} with FORBIDDEN`, async () => {
      for (const role of lacking) await expectRefusedWithoutChange(() => as(ROLE_CALLER[role], (m) => run(m)), ['FORBIDDEN']);
    });

    it.runIf(cross !== 'none')('answers a member of another workspace NOT_FOUND (never FORBIDDEN), changing nothing', async () => {
      // The outsider is an admin there: any refusal comes from the workspace boundary, not from their role.
      const codes = cross === 'target' ? ['NOT_FOUND'] : ['NOT_FOUND', 'VALIDATION'];
      const refs = cross === 'target' ? world.other : world.home;
      await expectRefusedWithoutChange(() => as('outsider', (m) => run(m, refs)), codes);
      if (cross === 'target') {
        // Disabled here but active elsewhere: the session works, this workspace does not.
        await expectRefusedWithoutChange(() => as('disabledHere', (m) => run(m, world.other)), ['NOT_FOUND']);
      }
    });

    it('refuses a disabled member and a disabled account', async () => {
      await expectRefusedWithoutChange(() => as('disabledMember', (m) => run(m)), ['UNAUTHENTICATED']);
      await expectRefusedWithoutChange(() => as('disabledAccount', (m) => run(m)), ['UNAUTHENTICATED']);
    });

    it.skipIf(spec.pendingPasswordAllowed)('refuses a user who must first replace a one-time password', async () => {
      await expectRefusedWithoutChange(() => as('pendingPassword', (m) => run(m)), ['FORBIDDEN', 'UNAUTHENTICATED']);
    });

    it(`lets ${allowedRole.toLowerCase()} do it, with its effect`, async () => {
      const caller = spec.allowedCaller?.(target) ?? world.callers[ROLE_CALLER[allowedRole]];
      const before = await databaseFingerprint();
      const outcome = await as(caller, (m) => run(m));
      expect(outcome, JSON.stringify(outcome)).toMatchObject({ status: 'ok' });
      const after = await databaseFingerprint();
      const changed = Object.keys(before).filter((table) => table !== 'AuditLog' && before[table] !== after[table]);
      const effect = spec.effect ?? defaultEffect(key);
      if (effect === 'write') {
        expect(changed, 'the call said ok but changed nothing').not.toEqual([]);
        await expectTargetChanged(key, target);
      } else if (effect === 'read') {
        expectAnswerShows(outcome, target);
      }
      await spec.verify?.(args(caller), outcome);
    });
  });
}

for (const [key, spec] of Object.entries(ACTIONS)) {
  const fn = discoveredActions.get(key);
  if (fn) describeEndpoint(key, spec, (fields) => callAction(fn, fields));
}
for (const [key, spec] of Object.entries(ROUTES)) {
  const fn = discoveredRoutes.get(key);
  if (fn) describeEndpoint(key, spec, (req, params) => callRoute(fn, req, params));
}

describe('form actions never send a password back', () => {
  it('leaves the password fields out of a refused submit', async () => {
    const add = discoveredActions.get('app/(app)/members/actions.ts#addMemberAction')!;
    const change = discoveredActions.get('app/(app)/account/actions.ts#changeOwnPasswordAction')!;
    request.sid = world.callers.admin.sessionId;
    try {
      const refusedAdd = (await add({}, toFormData({ email: 'not an email', name: 'X', role: 'VIEWER', passwordMode: 'set', password: 'typed secret 1' }))) as { ok: boolean; values?: Record<string, string> };
      expect(refusedAdd.ok).toBe(false);
      expect(refusedAdd.values).toMatchObject({ email: 'not an email' });
      expect(JSON.stringify(refusedAdd)).not.toContain('typed secret 1');
      const refusedChange = await change({}, toFormData({ currentPassword: 'wrong password 2', newPassword: 'typed secret 3', confirmPassword: 'typed secret 3' }));
      expect((refusedChange as { ok: boolean }).ok).toBe(false);
      expect(JSON.stringify(refusedChange)).not.toMatch(/wrong password 2|typed secret 3/);
    } finally {
      request.sid = null;
    }
  });
});

describe('a user signed in with a one-time password', () => {
  it('can replace it on the account page, and then use the app', async () => {
    const pending = await createMember(world.home.workspaceId, 'ANALYST', { mustChangePassword: true });
    const create = discoveredActions.get('app/(app)/actors/actions.ts#createActorAction')!;
    const change = discoveredActions.get('app/(app)/account/actions.ts#changeOwnPasswordAction')!;
    request.sid = pending.sessionId;
    try {
      expect(await callAction(create, { name: uniq('Actor'), kind: 'STATE' })).toMatchObject({ status: 'refused', code: 'FORBIDDEN' });
      const changed = await callAction(change, { currentPassword: pending.password, newPassword, confirmPassword: newPassword });
      expect(changed).toEqual({ status: 'ok', redirect: '/' });
      expect(await callAction(create, { name: uniq('Actor'), kind: 'STATE' })).toMatchObject({ status: 'ok' });
    } finally {
      request.sid = null;
    }
  });
});
