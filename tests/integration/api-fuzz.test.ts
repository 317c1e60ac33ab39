// Property-based fuzzing (fast-check) of every API write: each operation's input is built from its zod
// schema's fields, with any subset of them replaced by hostile values (wrong types, NUL bytes, lone
// surrogates, huge or non-finite numbers, nested junk, unknown keys) or left out. For every input:
// never a 5xx; a refusal is a 4xx whose error names a field of the input; and a refused request leaves
// every table byte-identical. Prints how many inputs were tried.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import * as actorItem from '@/app/api/v1/actors/[id]/route';
import * as actorList from '@/app/api/v1/actors/route';
import * as assessmentItem from '@/app/api/v1/assessments/[id]/route';
import * as assessmentList from '@/app/api/v1/assessments/route';
import * as interestItem from '@/app/api/v1/interests/[id]/route';
import * as interestList from '@/app/api/v1/interests/route';
import * as issueItem from '@/app/api/v1/issues/[id]/route';
import * as issueList from '@/app/api/v1/issues/route';
import * as scenarioItem from '@/app/api/v1/scenarios/[id]/route';
import * as scenarioList from '@/app/api/v1/scenarios/route';
import * as sourceItem from '@/app/api/v1/sources/[id]/route';
import * as sourceList from '@/app/api/v1/sources/route';
import { API_RESOURCES } from '@/lib/api/resources';
import { db } from '@/lib/db';
import { createToken } from '@/lib/tokens/commands';
import { createBasics, createTestWorkspace } from './helpers/fixtures';

vi.mock('@/lib/auth/next-auth', () => ({ auth: vi.fn(async () => null) }));

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const RUNS_PER_OPERATION = Number(process.env.FUZZ_RUNS ?? 30);
// Tables that change on every request by design (rate-limit windows, token last use, idempotency records).
const VOLATILE_TABLES = new Set(['RateLimitWindow', 'ApiToken', 'IdempotencyKey', 'AuthSession', 'LoginAttempt', '_prisma_migrations']);

let token: string;
let refs: { actorId: string; issueId: string; sourceId: string };
let tried = 0;
let refused = 0;
let accepted = 0;

/** One md5 per table over every row's text: equal fingerprints mean byte-identical tables. */
async function fingerprint(): Promise<Record<string, string>> {
  const tables = await db().$queryRaw<{ name: string }[]>`
    SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`;
  const sql = tables
    .filter(({ name }) => !VOLATILE_TABLES.has(name))
    .map(({ name }) => `SELECT '${name}' AS name, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS md5 FROM "${name}" t`)
    .join(' UNION ALL ');
  const rows = await db().$queryRawUnsafe<{ name: string; md5: string }[]>(sql);
  return Object.fromEntries(rows.map((r) => [r.name, r.md5]));
}

/** Calls the route module's handler for `method`, as Next would. */
async function send(route: unknown, method: string, url: string, body: unknown, params: Record<string, string> = {}) {
  const handler = (route as Record<string, Handler>)[method]!;
  const response = await handler(
    new Request(`http://stanceboard.test/api/v1${url}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
    { params: Promise.resolve(params) },
  );
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null };
}

const hostileString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom('', ' ', '\u0000', 'a\u0000b', '\ud800', 'x\udfffy', '😀', '<script>alert(1)</script>', "'; DROP TABLE \"Actor\"; --", 'x'.repeat(12_000), '2020-02-30', '1e309', 'NaN'),
);
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.integer(),
  fc.double(),
  fc.constantFrom(-1, 101, 1e308, -0, 0.1 + 0.2, Number.MAX_SAFE_INTEGER + 2),
  fc.boolean(),
  fc.constant(null),
  fc.uuid(),
  fc.array(fc.oneof(hostileString, fc.integer(), fc.constant(null)), { maxLength: 3 }),
  fc.dictionary(hostileString, fc.oneof(hostileString, fc.integer()), { maxKeys: 3 }),
);

/** The field names of an input schema, as the OpenAPI document describes them. */
function schemaFields(schema: z.ZodType): string[] {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, unknown> };
  return json.properties ? Object.keys(json.properties) : shapeFields(schema);
}

function shapeFields(schema: z.ZodType): string[] {
  const def = (schema as unknown as { def?: { shape?: Record<string, unknown>; in?: z.ZodType; schema?: z.ZodType } }).def;
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape ?? def?.shape;
  if (shape) return Object.keys(shape);
  if (def?.in) return shapeFields(def.in);
  if (def?.schema) return shapeFields(def.schema);
  return [];
}

/** A valid body, then any subset of its fields (and of the schema's) replaced by hostile values or removed, plus unknown keys. */
function mutatedBody(base: Record<string, unknown>, fields: string[]) {
  return fc
    .record({
      replace: fc.dictionary(fc.constantFrom(...fields), hostileValue, { minKeys: 1, maxKeys: 4 }),
      remove: fc.subarray(fields, { maxLength: 2 }),
      extra: fc.dictionary(hostileString, hostileValue, { maxKeys: 2 }),
    })
    .map(({ replace, remove, extra }) => {
      const body: Record<string, unknown> = { ...extra, ...base, ...replace };
      for (const field of remove) delete body[field];
      return body;
    });
}

const OPERATIONS: { name: string; path: string; list: unknown; item: unknown; base: () => Record<string, unknown>; create: () => Record<string, unknown> }[] = [
  { name: 'actors', path: 'actors', list: actorList, item: actorItem, base: () => ({ name: `Actor ${Math.random()}`, kind: 'STATE', aliases: ['A'], description: '' }), create: () => ({ name: `Fuzz target ${Math.random()}`, kind: 'STATE' }) },
  { name: 'issues', path: 'issues', list: issueList, item: issueItem, base: () => ({ title: `Issue ${Math.random()}`, description: '', anchors: [{ value: 0, label: 'a' }, { value: 100, label: 'b' }] }), create: () => ({ title: `Fuzz target ${Math.random()}`, anchors: [{ value: 0, label: 'a' }, { value: 100, label: 'b' }] }) },
  { name: 'sources', path: 'sources', list: sourceList, item: sourceItem, base: () => ({ title: 'T', outlet: 'AP', author: '', url: '', publishedAt: '2020-11-10', kind: 'NEWS', reliability: 'A', body: '' }), create: () => ({ title: 'Fuzz target', outlet: 'AP', publishedAt: '2020-11-10', kind: 'NEWS', reliability: 'A' }) },
  { name: 'interests', path: 'interests', list: interestList, item: interestItem, base: () => ({ actorId: refs.actorId, sourceId: refs.sourceId, statedOn: '2020-11-10', quote: 'q', summary: '' }), create: () => ({ actorId: refs.actorId, sourceId: refs.sourceId, statedOn: '2020-11-10', quote: 'q' }) },
  {
    name: 'assessments',
    path: 'assessments',
    list: assessmentList,
    item: assessmentItem,
    base: () => ({ actorId: refs.actorId, issueId: refs.issueId, sourceId: refs.sourceId, position: 40, salience: 50, capability: 30, confidence: 'LOW', credibility: 2, stanceDate: '2020-11-10', quote: 'q', rationale: '' }),
    create: () => ({ actorId: refs.actorId, issueId: refs.issueId, sourceId: refs.sourceId, position: 40, salience: 50, confidence: 'LOW', credibility: 2, stanceDate: '2020-11-10', quote: 'q' }),
  },
  {
    name: 'scenarios',
    path: 'scenarios',
    list: scenarioList,
    item: scenarioItem,
    base: () => ({ issueId: refs.issueId, name: 'S', description: '', asOf: '2020-11-10', actors: [{ actorId: refs.actorId, position: 1, salience: 1, capability: 1 }] }),
    create: () => ({ issueId: refs.issueId, name: 'Fuzz target', asOf: '2020-11-10', actors: [{ actorId: refs.actorId, position: 1, salience: 1, capability: 1 }] }),
  },
];

beforeAll(async () => {
  const ws = await createTestWorkspace('Fuzz desk');
  const b = await createBasics(ws.workspaceId);
  refs = { actorId: b.actor.id, issueId: b.issue.id, sourceId: b.source.id };
  token = (await createToken(ws.analyst, { name: 'fuzz', role: 'ANALYST' })).secret;
});

afterAll(() => {
  console.log(`[fuzz: API writes] ${tried} inputs tried (${RUNS_PER_OPERATION} per operation × ${OPERATIONS.length * 2} operations): ${accepted} accepted, ${refused} refused with a 4xx, 0 answered 5xx`);
});

let known: Record<string, string> | null = null;

async function checkOne(handler: unknown, method: string, url: string, body: Record<string, unknown>, fields: string[], params: Record<string, string> = {}) {
  const before = (known ??= await fingerprint());
  const answer = await send(handler, method, url, body, params);
  tried++;
  expect(answer.status, `${method} ${url} ${JSON.stringify(body).slice(0, 300)} → ${JSON.stringify(answer.json).slice(0, 300)}`).toBeLessThan(500);
  if (answer.status < 400) {
    accepted++;
    known = null;
    return;
  }
  refused++;
  const error = answer.json?.error;
  expect(error?.message, JSON.stringify(answer.json)).toBeTruthy();
  if (answer.status === 422) {
    const named = Object.keys(error.fieldErrors ?? {});
    expect(named.length, `422 without a field: ${JSON.stringify(answer.json)}`).toBeGreaterThan(0);
    const known = new Set([...Object.keys(body), ...fields, '_body', '_form', 'version', 'id']);
    for (const path of named) expect(known.has(path.split('.')[0]!), `${path} is not a field of the input ${JSON.stringify(body).slice(0, 200)}`).toBe(true);
  }
  expect(await fingerprint(), `refused ${method} ${url} changed the database`).toEqual(before);
}

describe('fuzzing every API write from its schema', () => {
  for (const op of OPERATIONS) {
    const resource = API_RESOURCES.find((r) => r.path === op.path)!;

    it(`POST /api/v1/${op.path}: no 5xx, refusals name a field and change nothing`, async () => {
      const fields = schemaFields(resource.createSchema);
      expect(fields.length).toBeGreaterThan(0);
      await fc.assert(fc.asyncProperty(mutatedBody(op.base(), fields), (body) => checkOne(op.list, 'POST', `/${op.path}`, body, fields)), {
        numRuns: RUNS_PER_OPERATION,
        seed: Number(process.env.FUZZ_SEED ?? 13),
      });
    }, 120_000);

    it(`PATCH /api/v1/${op.path}/{id}: no 5xx, refusals name a field and change nothing`, async () => {
      const created = await send(op.list, 'POST', `/${op.path}`, op.create());
      known = null;
      expect(created.status, JSON.stringify(created.json)).toBe(201);
      const id = created.json.id as string;
      const fields = schemaFields(resource.updateSchema);
      await fc.assert(
        fc.asyncProperty(mutatedBody({ ...op.base(), version: 1 }, fields), async (body) => {
          // The stored version, so the body is stale only when the fuzzer made it so.
          const { version } = (await send(op.item, 'GET', `/${op.path}/${id}`, undefined, { id })).json;
          await checkOne(op.item, 'PATCH', `/${op.path}/${id}`, { ...body, ...('version' in body ? {} : { version }) }, fields, { id });
        }),
        { numRuns: RUNS_PER_OPERATION, seed: Number(process.env.FUZZ_SEED ?? 13) },
      );
    }, 120_000);
  }
});
