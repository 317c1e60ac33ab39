// Every numeric field the app accepts, found by walking the zod schemas themselves (no hand list), is fed
// the values that used to become invented numbers: blank, null, booleans, arrays, objects, hex, exponent,
// Infinity, NaN. Each must be refused with a message naming the field, through the schema, the form action,
// the API, the CSV/JSON import and the workspace import; an optional number left blank stays empty, never 0.
// A refused write must leave the database as it was.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import * as assessmentItem from '@/app/api/v1/assessments/[id]/route';
import * as assessmentList from '@/app/api/v1/assessments/route';
import * as issueList from '@/app/api/v1/issues/route';
import * as scenarioEstimates from '@/app/api/v1/scenarios/[id]/estimates/route';
import * as scenarioList from '@/app/api/v1/scenarios/route';
import { assessmentCreateSchema } from '@/lib/assessments/schema';
import { db } from '@/lib/db';
import { exportWorkspaceText } from '@/lib/export/workspace';
import { checkWorkspaceExport } from '@/lib/export/check-workspace';
import { FIELD_COLUMN } from '@/lib/import/columns';
import { importAssessments } from '@/lib/import/assessments';
import { createToken } from '@/lib/tokens/commands';
import { createAuthSession } from '@/lib/auth/sessions';
import { strictNumberSchemas } from '@/lib/validation';
import { createBasics, createTestWorkspace, workspaceSnapshot, type TestWorkspace } from './helpers/fixtures';

const session = vi.hoisted(() => ({ sid: null as string | null }));
vi.mock('@/lib/auth/next-auth', () => ({ auth: vi.fn(async () => (session.sid ? { sid: session.sid, expires: new Date(Date.now() + 3_600_000).toISOString() } : null)) }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), updateTag: vi.fn(), refresh: vi.fn() }));
vi.mock('next/headers', () => ({
  headers: vi.fn(async () => new Headers({ 'x-forwarded-for': '203.0.113.7', 'user-agent': 'strict-numbers' })),
  cookies: vi.fn(async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => undefined, delete: () => undefined })),
}));

// ------------------------------------------------------------------ discovery: every numeric input field

type Def = { type: string; [key: string]: unknown };
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

/** A numeric leaf: its path inside the input (`#` an array element, `*` a record value) and its schema. */
interface NumericField {
  path: string[];
  schema: z.ZodType;
}

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'catch', 'readonly', 'nonoptional', 'lazy']);

/**
 * Walks a schema to its numeric leaves. A leaf is the outermost schema whose inner type is a number: a
 * z.number(), a z.coerce number, or our strictNumber (a preprocess into a number check), wrappers included.
 */
function numericFields(schema: z.ZodType, at: string[] = [], seen = new Set<unknown>()): NumericField[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  if (isNumeric(schema)) return [{ path: at, schema }];
  const def = defOf(schema);
  switch (def.type) {
    case 'object':
      return Object.entries(def.shape as Record<string, z.ZodType>).flatMap(([key, child]) => numericFields(child, [...at, key], seen));
    case 'array':
      return numericFields(def.element as z.ZodType, [...at, '#'], seen);
    case 'record':
      return numericFields(def.valueType as z.ZodType, [...at, '*'], seen);
    case 'pipe':
      return [...numericFields(def.in as z.ZodType, at, seen), ...numericFields(def.out as z.ZodType, at, seen)];
    case 'union':
      return (def.options as z.ZodType[]).flatMap((o) => numericFields(o, at, seen));
    case 'intersection':
      return [...numericFields(def.left as z.ZodType, at, seen), ...numericFields(def.right as z.ZodType, at, seen)];
    default:
      return WRAPPERS.has(def.type) && def.innerType ? numericFields(def.innerType as z.ZodType, at, seen) : [];
  }
}

function isNumeric(schema: z.ZodType): boolean {
  const def = defOf(schema);
  if (def.type === 'number' || def.type === 'int') return true;
  if (WRAPPERS.has(def.type) && def.innerType) return isNumeric(def.innerType as z.ZodType);
  return strictNumberSchemas.has(schema);
}

// Input schemas live in the domain modules and the workspace export format; outputs (API DTOs, the import
// report) describe what the app sends and are not inputs.
const OUTPUT_MODULES = new Set(['lib/api/dto.ts', 'lib/import/report.ts', 'lib/api/openapi.ts']);
function libModules(dir = 'lib'): string[] {
  return readdirSync(path.join(process.cwd(), dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.posix.join(dir, e.name);
    if (e.isDirectory()) return ['generated', 'demo'].includes(e.name) ? [] : libModules(rel);
    return /\.ts$/.test(e.name) && !OUTPUT_MODULES.has(rel) ? [rel] : [];
  });
}

const discovered: { name: string; schema: z.ZodType; fields: NumericField[] }[] = [];
for (const file of libModules()) {
  const mod = (await import(/* @vite-ignore */ path.join(process.cwd(), file))) as Record<string, unknown>;
  for (const [name, value] of Object.entries(mod)) {
    if (!(value instanceof z.ZodType)) continue;
    const fields = numericFields(value);
    if (fields.length) discovered.push({ name: `${file}#${name}`, schema: value, fields });
  }
}

// ------------------------------------------------------------------ the values that used to become numbers

const NOT_NUMBERS: unknown[] = [true, false, [], [5], ['7'], {}, { value: 5 }, '0x10', '0b1', '0o7', '1e2', '1E2', '5e-1', 'Infinity', '-Infinity', 'NaN', '12abc', '12,5', '١٢', Infinity, -Infinity, NaN, '\u0000'];
const BLANKS: unknown[] = [null, '', '   ', undefined];
const show = (v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : JSON.stringify(v) ?? 'undefined');

/** zod's own wording ("Invalid input: expected number, received string") names no field: ours always does. */
const isDefaultZodMessage = (message: string) => /^(Invalid input|Expected|Too (small|big)|Invalid)/.test(message);

function inputAt(pathSegments: string[], value: unknown): unknown {
  if (pathSegments.length === 0) return value;
  const [head, ...rest] = pathSegments;
  if (head === '#') return [inputAt(rest, value)];
  if (head === '*') return { '00000000-0000-4000-8000-000000000001': inputAt(rest, value) };
  return { [head!]: inputAt(rest, value) };
}

const issuePathMatches = (issuePath: PropertyKey[], pattern: string[]) =>
  issuePath.length === pattern.length && pattern.every((seg, i) => seg === '#' || seg === '*' || String(issuePath[i]) === seg);

describe('every numeric input field, found in the schemas', () => {
  it('finds the numeric fields of every input schema (position, salience, capability, credibility, probability, anchors, versions, paging)', () => {
    const all = discovered.flatMap((d) => d.fields.map((f) => f.path.join('.')));
    for (const expected of ['position', 'salience', 'capability', 'credibility', 'probability', 'anchors.#.value', 'version', 'limit', 'actors.*.position']) {
      expect(all, expected).toContain(expected);
    }
    expect(discovered.length).toBeGreaterThan(8);
  });

  it('refuses every non-number at the field itself, with a message that names it', () => {
    const failures: string[] = [];
    for (const { name, schema, fields } of discovered) {
      for (const field of fields) {
        for (const bad of NOT_NUMBERS) {
          const result = schema.safeParse(inputAt(field.path, bad));
          const issue = result.success ? undefined : result.error.issues.find((i) => issuePathMatches(i.path, field.path));
          // A list page's paging falls back to page 1 rather than refusing (it reads the address bar);
          // it must still never take a trick value as a number.
          if (result.success) {
            const parsed = (result.data as Record<string, unknown>)[field.path[0]!];
            const fallback = field.schema.safeParse({ not: 'a number' }).data;
            if (parsed !== fallback) failures.push(`${name} ${field.path.join('.')} = ${show(bad)} was taken as ${String(parsed)}`);
            continue;
          }
          if (!issue) {
            // Refused elsewhere (another field is missing): the field itself must not take the value.
            const leaf = field.schema.safeParse(bad);
            const fallback = field.schema.safeParse({ not: 'a number' }).data;
            if (leaf.success && leaf.data !== null && leaf.data !== fallback) failures.push(`${name} ${field.path.join('.')} accepted ${show(bad)} as ${show(leaf.data)}`);
            continue;
          }
          if (isDefaultZodMessage(issue.message)) failures.push(`${name} ${field.path.join('.')} = ${show(bad)}: "${issue.message}" does not name the field`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('keeps an optional number empty when left blank, and calls a required one required', () => {
    const failures: string[] = [];
    for (const { name, fields } of discovered) {
      for (const field of fields) {
        const optional = field.schema.safeParse(undefined).success;
        for (const blank of BLANKS) {
          const result = field.schema.safeParse(blank);
          if (optional) {
            if (!result.success) continue; // e.g. optional in the API, but blank text is refused: fine
            if (result.data === 0) failures.push(`${name} ${field.path.join('.')}: ${show(blank)} became 0`);
          } else if (result.success) {
            if (typeof result.data === 'number' && blank !== undefined) failures.push(`${name} ${field.path.join('.')}: ${show(blank)} became ${result.data}`);
          } else if (isDefaultZodMessage(result.error.issues[0]!.message)) {
            failures.push(`${name} ${field.path.join('.')}: blank answered "${result.error.issues[0]!.message}"`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('still takes real numbers: JSON numbers and plain decimals as typed', () => {
    const position = numericFields(assessmentCreateSchema).find((f) => f.path.join('.') === 'position')!.schema;
    expect(position.parse(72)).toBe(72);
    expect(position.parse('72.5')).toBe(72.5);
    expect(position.parse(' 40 ')).toBe(40);
    expect(position.parse('.5')).toBe(0.5);
    expect(position.safeParse('101').success).toBe(false);
  });
});

// ------------------------------------------------------------------ the same fields through every path into the app

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
async function api(handler: Handler, method: string, url: string, token: string, body?: unknown, params: Record<string, string> = {}) {
  const response = await handler(
    new Request(`http://stanceboard.test/api/v1${url}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
    { params: Promise.resolve(params) },
  );
  return { status: response.status, json: (await response.json().catch(() => null)) as { error?: { fieldErrors?: Record<string, string[]> } } | null };
}

/** A NUL byte is refused at the field by the text rule that guards every path (before any number rule). */
const namesFieldOrNul = (field: string) => new RegExp(`${field}|NUL character`, 'i');

let ws: TestWorkspace;
let basics: Awaited<ReturnType<typeof createBasics>>;
let token: string;
const assessmentFields = numericFields(assessmentCreateSchema).map((f) => f.path.join('.'));
// What JSON can carry (NaN and Infinity cannot: JSON.stringify makes them null, covered by BLANKS).
const JSON_NOT_NUMBERS = NOT_NUMBERS.filter((v) => typeof v !== 'number');

const validAssessment = () => ({
  actorId: basics.actor.id,
  issueId: basics.issue.id,
  sourceId: basics.source.id,
  position: 70,
  salience: 60,
  capability: 50,
  confidence: 'MODERATE',
  credibility: 2,
  stanceDate: '2020-11-10',
  quote: 'Russia will deploy peacekeepers along the line of contact.',
  rationale: '',
});

beforeAll(async () => {
  ws = await createTestWorkspace('Strict numbers desk');
  basics = await createBasics(ws.workspaceId);
  token = (await createToken(ws.analyst, { name: 'strict numbers', role: 'ANALYST' })).secret;
});

describe('numeric fields through the API', () => {
  it('refuses non-numbers and blanks in every numeric field of a new assessment with 422 naming it, storing nothing', async () => {
    expect(assessmentFields).toEqual(expect.arrayContaining(['position', 'salience', 'capability', 'credibility']));
    const before = await workspaceSnapshot(ws.workspaceId);
    for (const field of assessmentFields) {
      const optional = field === 'capability';
      for (const bad of [...JSON_NOT_NUMBERS, ...(optional ? [] : [null, ''])]) {
        const answer = await api(assessmentList.POST as Handler, 'POST', '/assessments', token, { ...validAssessment(), [field]: bad });
        expect(answer.status, `${field} = ${show(bad)}`).toBe(422);
        expect(answer.json?.error?.fieldErrors?.[field]?.[0], `${field} = ${show(bad)}`).toMatch(namesFieldOrNul(field));
      }
    }
    expect(await workspaceSnapshot(ws.workspaceId)).toEqual(before);
  });

  it('stores an optional capability sent blank or null as empty, never 0', async () => {
    for (const blank of [null, '']) {
      const answer = await api(assessmentList.POST as Handler, 'POST', '/assessments', token, { ...validAssessment(), capability: blank });
      expect(answer.status).toBe(201);
      const id = (answer.json as unknown as { id: string }).id;
      expect((await db().assessment.findUniqueOrThrow({ where: { id } })).capability).toBeNull();
    }
  });

  it('refuses a PATCH that blanks or tricks a number, and a trick version', async () => {
    const created = await api(assessmentList.POST as Handler, 'POST', '/assessments', token, validAssessment());
    const { id, version } = created.json as unknown as { id: string; version: number };
    const before = await workspaceSnapshot(ws.workspaceId);
    for (const [field, bad] of [['position', null], ['position', ''], ['salience', false], ['credibility', true], ['position', '0x10'], ['position', []], ['version', '0x1'], ['version', true]] as const) {
      const answer = await api(assessmentItem.PATCH as Handler, 'PATCH', `/assessments/${id}`, token, { version, [field]: bad }, { id });
      expect(answer.status, `${field} = ${show(bad)}`).toBe(422);
      expect(Object.keys(answer.json?.error?.fieldErrors ?? {}), `${field} = ${show(bad)}`).toContain(field);
    }
    expect(await workspaceSnapshot(ws.workspaceId)).toEqual(before);
  });

  it('refuses tricks in scenario overrides, estimate probabilities, anchor values and page sizes', async () => {
    const scenario = await api(scenarioList.POST as Handler, 'POST', '/scenarios', token, { name: 'Strict', issueId: basics.issue.id, asOf: '2020-12-01' });
    expect(scenario.status).toBe(201);
    const scenarioId = (scenario.json as unknown as { id: string }).id;
    for (const bad of ['0x10', true, '1e2', []]) {
      const override = await api(scenarioList.POST as Handler, 'POST', '/scenarios', token, {
        name: 'Tricked',
        issueId: basics.issue.id,
        asOf: '2020-12-01',
        actors: [{ actorId: basics.actor.id, position: bad }],
      });
      expect(override.status, show(bad)).toBe(422);
      expect(Object.keys(override.json?.error?.fieldErrors ?? {}), show(bad)).toContain(`actors.${basics.actor.id}.position`);
      const estimate = await api(scenarioEstimates.POST as Handler, 'POST', `/scenarios/${scenarioId}/estimates`, token, { likelihood: 'LIKELY', probability: bad, estimatedOn: '2020-12-01' }, { id: scenarioId });
      expect(estimate.status, show(bad)).toBe(422);
      expect(estimate.json?.error?.fieldErrors?.probability?.[0]).toMatch(/Probability/);
      const issue = await api(issueList.POST as Handler, 'POST', '/issues', token, { title: 'Tricked scale', anchors: [{ value: bad, label: 'None' }, { value: 100, label: 'All' }] });
      expect(issue.status, show(bad)).toBe(422);
      expect(Object.keys(issue.json?.error?.fieldErrors ?? {}).join(' '), show(bad)).toMatch(/anchors\.0\.value/);
    }
    for (const limit of ['0x10', '1e1', 'true', '']) {
      const list = await api(assessmentList.GET as Handler, 'GET', `/assessments?limit=${encodeURIComponent(limit)}`, token);
      expect(list.status, `limit=${limit}`).toBe(limit === '' ? 200 : 422);
    }
  });
});

describe('numeric fields through the form action', () => {
  it('refuses blank and trick values typed into the form, keeping what was typed, storing nothing', async () => {
    const user = await db().membership.findFirstOrThrow({ where: { workspaceId: ws.workspaceId, role: 'ANALYST' }, select: { userId: true } });
    session.sid = await createAuthSession(user.userId, ws.workspaceId);
    const { createAssessmentAction } = await import('@/app/(app)/assessments/actions');
    const before = await workspaceSnapshot(ws.workspaceId);
    for (const field of assessmentFields) {
      const optional = field === 'capability';
      for (const bad of [...(optional ? [] : ['', '   ']), '0x10', '1e2', 'true', 'Infinity', 'NaN', '12,5', [' 5', '6']] as (string | string[])[]) {
        const form = new FormData();
        for (const [key, value] of Object.entries(validAssessment())) if (key !== field) form.set(key, String(value));
        for (const value of [bad].flat()) form.append(field, value);
        const state = await createAssessmentAction({}, form);
        expect(state.ok, `${field} = ${show(bad)}`).toBe(false);
        expect(state.fieldErrors?.[field]?.[0], `${field} = ${show(bad)}`).toMatch(new RegExp(field, 'i'));
        expect(state.fieldErrors?.[field], 'one message per field').toHaveLength(1);
        expect(state.values?.quote).toBe(validAssessment().quote);
      }
    }
    expect(await workspaceSnapshot(ws.workspaceId)).toEqual(before);
    session.sid = null;
  });
});

/** Imports with commit: the whole file must be refused, and its report says where. */
async function importReport(text: string, format: 'csv' | 'json') {
  try {
    await importAssessments(ws.analyst, new TextEncoder().encode(text), { format, createMissing: false, commit: true });
  } catch (error) {
    return (error as { extra: { details: Awaited<ReturnType<typeof importAssessments>> } }).extra.details;
  }
  throw new Error('the import was accepted');
}

describe('numeric fields through the imports', () => {
  it('refuses every trick value in CSV and JSON imports, on the row and column it is in', async () => {
    const header = ['actor', 'issue', 'source', 'position', 'salience', 'capability', 'confidence', 'credibility', 'stance_date', 'quote'];
    const row = (overrides: Record<string, string>) => {
      const values: Record<string, string> = {
        actor: basics.actor.name,
        issue: basics.issue.title,
        source: basics.source.title,
        position: '70',
        salience: '60',
        capability: '',
        confidence: 'moderate',
        credibility: '2',
        stance_date: '2020-11-10',
        quote: 'Peacekeepers deploy.',
        ...overrides,
      };
      return header.map((h) => `"${values[h]!.replace(/"/g, '""')}"`).join(',');
    };
    const before = await workspaceSnapshot(ws.workspaceId);
    for (const field of assessmentFields) {
      const column = FIELD_COLUMN[field]!;
      const bads = ['0x10', '1e2', 'true', 'Infinity', '12,5', ...(field === 'capability' ? [] : [''])];
      const csv = [header.join(','), ...bads.map((bad) => row({ [column]: bad }))].join('\n');
      const report = await importReport(csv, 'csv');
      expect(report.errors.filter((e) => e.column === column).map((e) => e.line), field).toEqual(bads.map((_, i) => i + 2));
      for (const e of report.errors) expect(e.reason, field).toMatch(new RegExp(field, 'i'));

      const json = JSON.stringify(
        [...JSON_NOT_NUMBERS, ...(field === 'capability' ? [] : [null])].map((bad) => ({ actor: basics.actor.name, issue: basics.issue.title, source: basics.source.title, position: 70, salience: 60, confidence: 'moderate', credibility: 2, stance_date: '2020-11-10', quote: 'Peacekeepers deploy.', [column]: bad })),
      );
      const jsonReport = await importReport(json, 'json');
      expect(jsonReport.badRowCount, field).toBe(JSON_NOT_NUMBERS.length + (field === 'capability' ? 0 : 1));
    }
    expect(await workspaceSnapshot(ws.workspaceId)).toEqual(before);
  });

  it('refuses trick values in a workspace import, naming the field', async () => {
    await api(assessmentList.POST as Handler, 'POST', '/assessments', token, validAssessment());
    const exported = JSON.parse(await exportWorkspaceText(ws.admin)) as { assessments: Record<string, unknown>[] };
    expect(exported.assessments.length).toBeGreaterThan(0);
    for (const field of assessmentFields) {
      for (const bad of [...JSON_NOT_NUMBERS, ...(field === 'capability' ? [] : [null])]) {
        const copy = structuredClone(exported);
        copy.assessments[0]![field] = bad;
        let refused: unknown;
        try {
          checkWorkspaceExport(copy);
        } catch (error) {
          refused = error;
        }
        const fieldErrors = (refused as { extra?: { fieldErrors?: Record<string, string[]> } })?.extra?.fieldErrors ?? {};
        expect(Object.keys(fieldErrors), `${field} = ${show(bad)}`).toContain(`assessments.0.${field}`);
        expect(fieldErrors[`assessments.0.${field}`]![0], `${field} = ${show(bad)}`).toMatch(namesFieldOrNul(field));
      }
    }
  });
});
