// Importing assessments from CSV and JSON through POST /api/v1/import/assessments: a check that writes
// nothing and reports every bad row (line, column, reason), then an import that writes every row with
// its revision 1 in one transaction — or nothing at all, even when the database fails half-way.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import * as route from '@/app/api/v1/import/assessments/route';
import { createAssessment } from '@/lib/assessments/commands';
import { db } from '@/lib/db';
import { resetEnvCache } from '@/lib/env';
import { importAssessments, sha256Hex } from '@/lib/import/assessments';
import { createToken } from '@/lib/tokens/commands';
import { createBasics, createTestWorkspace, workspaceSnapshot, type TestWorkspace } from './helpers/fixtures';

vi.mock('@/lib/auth/next-auth', () => ({ auth: vi.fn(async () => null) }));

let ws: TestWorkspace;
let basics: Awaited<ReturnType<typeof createBasics>>;
let token: string;

beforeAll(async () => {
  ws = await createTestWorkspace('Import desk');
  basics = await createBasics(ws.workspaceId);
  token = (await createToken(ws.analyst, { name: 'importer', role: 'ANALYST' })).secret;
});

afterEach(() => {
  delete process.env.IMPORT_MAX_BYTES;
  resetEnvCache();
});

const utf8 = (s: string) => new TextEncoder().encode(s);
interface Answer {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
  text: string;
  headers: Headers;
}

async function post(
  body: Uint8Array | ReadableStream<Uint8Array>,
  query = '',
  { contentType = 'text/csv', accept, auth = token, length = true }: { contentType?: string; accept?: string; auth?: string; length?: boolean } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { authorization: `Bearer ${auth}`, 'content-type': contentType };
  if (accept) headers.accept = accept;
  if (length && body instanceof Uint8Array) headers['content-length'] = String(body.length);
  const request = new Request(`http://stanceboard.test/api/v1/import/assessments${query ? `?${query}` : ''}`, {
    method: 'POST',
    headers,
    body,
    ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
  } as RequestInit);
  const response = await route.POST(request, { params: Promise.resolve({}) });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, json, text, headers: response.headers };
}

const HEADER = 'actor,issue,source,position,salience,capability,confidence,credibility,stance_date,quote,rationale';
const row = (position: number | string, quote: string, extra: Partial<Record<'actor' | 'issue' | 'source' | 'stance', string>> = {}) =>
  [
    extra.actor ?? basics.actor.name,
    extra.issue ?? basics.issue.title,
    extra.source ?? basics.source.title,
    position,
    80,
    '',
    'high',
    2,
    extra.stance ?? '2020-11-10',
    `"${quote.replace(/"/g, '""')}"`,
    '',
  ].join(',');

const countAssessments = () => db().assessment.count({ where: { workspaceId: ws.workspaceId } });

describe('a good file', () => {
  it('is checked without writing anything, then imported exactly as checked: every row with its revision 1', async () => {
    const file = utf8(`\uFEFF${HEADER}\r\n${row(90, 'Putin seized those reins, "firmly".')}\r\n${row(45.5, 'A line\r\nbreak inside')}\r\n`);
    const before = await workspaceSnapshot(ws.workspaceId);
    const check = await post(file);
    expect(check.status, check.text).toBe(200);
    expect(check.json).toMatchObject({ ok: true, committed: false, rowCount: 2, validRowCount: 2, errorCount: 0, encoding: 'UTF-8 with BOM', format: 'csv', sha256: sha256Hex(file) });
    expect(check.json.sample[1]).toMatchObject({ line: 3, quote: 'A line\r\nbreak inside' });
    expect(await workspaceSnapshot(ws.workspaceId)).toEqual(before);

    const commit = await post(file, `mode=commit&sha256=${check.json.sha256}`);
    expect(commit.status, commit.text).toBe(201);
    expect(commit.json).toMatchObject({ ok: true, committed: true, written: { assessments: 2, revisions: 2, actors: 0, issues: 0, sources: 0 } });
    const imported = await db().assessment.findMany({ where: { workspaceId: ws.workspaceId, quote: { in: ['Putin seized those reins, "firmly".', 'A line\r\nbreak inside'] } }, include: { revisions: true } });
    expect(imported).toHaveLength(2);
    for (const a of imported) {
      expect(a).toMatchObject({ actorId: basics.actor.id, issueId: basics.issue.id, sourceId: basics.source.id, salience: 80, capability: null, confidence: 'HIGH', credibility: 2, version: 1, recordedById: ws.analyst.userId });
      expect(a.revisions).toHaveLength(1);
    }
    const log = await db().auditLog.findFirst({ where: { workspaceId: ws.workspaceId, action: 'import.completed' } });
    expect(log?.details).toMatchObject({ assessments: 2, sha256: check.json.sha256 });
  });

  it('writes the same revision 1 as the assessment form does', async () => {
    const quote = 'Same reading, two ways in';
    await post(utf8(`${HEADER}\n${row(62.5, quote)}\n`), 'mode=commit');
    await createAssessment(ws.analyst, {
      actorId: basics.actor.id,
      issueId: basics.issue.id,
      sourceId: basics.source.id,
      position: '62.5',
      salience: '80',
      capability: '',
      confidence: 'HIGH',
      credibility: '2',
      stanceDate: '2020-11-10',
      quote,
      rationale: '',
    });
    const revisions = await db().assessmentRevision.findMany({ where: { workspaceId: ws.workspaceId, assessment: { quote } } });
    expect(revisions).toHaveLength(2);
    const [imported, typed] = revisions;
    const strip = (r: (typeof revisions)[number]) => ({ version: r.version, editedById: r.editedById, changes: r.changes, snapshot: r.snapshot });
    expect(strip(imported!)).toEqual(strip(typed!));
  });

  it('reads JSON: an array of rows (numbers allowed) or { "assessments": [...] }, with camelCase keys', async () => {
    const rows = [
      { actor: basics.actor.name, issue: basics.issue.title, source: basics.source.title, position: 12, salience: 30, capability: 40, confidence: 'LOW', credibility: 5, stanceDate: '2020-10-01', quote: 'JSON row one' },
      { actor: 'moscow', issue: basics.issue.title, source: basics.source.title, position: '13', salience: '30', confidence: 'low', credibility: '5', stance_date: '2020-10-02', quote: 'JSON row two' },
    ];
    const array = await post(utf8(JSON.stringify(rows, null, 2)), 'mode=commit', { contentType: 'application/json' });
    expect(array.status, array.text).toBe(201);
    expect(array.json).toMatchObject({ format: 'json', written: { assessments: 2 } });
    const wrapped = await post(utf8(JSON.stringify({ assessments: rows.map((r) => ({ ...r, quote: `${r.quote} (wrapped)` })) })), '', { contentType: 'application/octet-stream' });
    expect(wrapped.json).toMatchObject({ ok: true, format: 'json', rowCount: 2 });
    expect(await db().assessment.count({ where: { workspaceId: ws.workspaceId, quote: { startsWith: 'JSON row' } } })).toBe(2);
  });

  it('reads UTF-16 files with a byte-order mark, little- and big-endian', async () => {
    const text = `${HEADER}\r\n${row(33, 'Erdoğan: “sacred success” (UTF-16)')}\r\n`;
    for (const littleEndian of [true, false]) {
      const bytes = new Uint8Array(2 + text.length * 2);
      bytes.set(littleEndian ? [0xff, 0xfe] : [0xfe, 0xff]);
      const view = new DataView(bytes.buffer);
      for (let i = 0; i < text.length; i++) view.setUint16(2 + i * 2, text.charCodeAt(i), littleEndian);
      const check = await post(bytes);
      expect(check.json).toMatchObject({ ok: true, encoding: littleEndian ? 'UTF-16 LE' : 'UTF-16 BE' });
      expect(check.json.sample[0].quote).toBe('Erdoğan: “sacred success” (UTF-16)');
    }
  });

  it('creates missing actors, sources and issues (with anchors) when asked, in the same transaction', async () => {
    const header = `${HEADER},actor_kind,source_outlet,source_published,source_kind,source_reliability,issue_anchors`;
    const file = utf8(
      `${header}\n` +
        `${row(70, 'New everything', { actor: 'Eurasia Group', issue: 'Lachin corridor', source: 'Eurasia note' })},organisation,Eurasia Group,2020-11-12,think-tank analysis,B,0=Armenian control|100=Azerbaijani control\n` +
        `${row(75, 'Second mention', { actor: 'Eurasia Group', issue: 'Lachin corridor', source: 'Eurasia note' })},,,,,,\n`,
    );
    const refusedWithout = await post(file);
    expect(refusedWithout.json.ok).toBe(false);
    expect(refusedWithout.json.errors.map((e: { column: string }) => e.column)).toEqual(['actor', 'issue', 'source', 'actor', 'issue', 'source']);
    const check = await post(file, 'createMissing=true');
    expect(check.json).toMatchObject({
      ok: true,
      create: {
        actors: [{ name: 'Eurasia Group', kind: 'ORGANISATION', line: 2 }],
        issues: [{ title: 'Lachin corridor', anchors: [{ value: 0, label: 'Armenian control' }, { value: 100, label: 'Azerbaijani control' }] }],
        sources: [{ title: 'Eurasia note', outlet: 'Eurasia Group', publishedAt: '2020-11-12', kind: 'THINK_TANK', reliability: 'B' }],
      },
    });
    const commit = await post(file, `createMissing=true&mode=commit&sha256=${check.json.sha256}`);
    expect(commit.json.written).toEqual({ assessments: 2, revisions: 2, actors: 1, issues: 1, sources: 1 });
    const actor = await db().actor.findFirstOrThrow({ where: { workspaceId: ws.workspaceId, name: 'Eurasia Group' }, include: { assessments: { include: { revisions: true } } } });
    expect(actor.assessments).toHaveLength(2);
    // Every column of what the bulk write created: the values of the file, the defaults, one clock for all the stamps.
    const issue = await db().issue.findFirstOrThrow({ where: { workspaceId: ws.workspaceId, title: 'Lachin corridor' } });
    const source = await db().source.findFirstOrThrow({ where: { workspaceId: ws.workspaceId, title: 'Eurasia note' } });
    const stamp = actor.createdAt.getTime();
    const record = { workspaceId: ws.workspaceId, version: 1, deletedAt: null };
    expect(actor).toMatchObject({ ...record, kind: 'ORGANISATION', aliases: [], description: '', parentId: null });
    expect(issue).toMatchObject({ ...record, description: '', anchors: [{ value: 0, label: 'Armenian control' }, { value: 100, label: 'Azerbaijani control' }] });
    expect(source).toMatchObject({ ...record, outlet: 'Eurasia Group', author: '', url: '', kind: 'THINK_TANK', reliability: 'B', body: '', citedInId: null });
    expect(source.publishedAt.toISOString()).toBe('2020-11-12T00:00:00.000Z');
    for (const a of actor.assessments) {
      expect(a).toMatchObject({ ...record, issueId: issue.id, sourceId: source.id, recordedById: ws.analyst.userId, salience: 80, capability: null, confidence: 'HIGH', credibility: 2, rationale: '' });
      expect(a.revisions).toEqual([expect.objectContaining({ workspaceId: ws.workspaceId, version: 1, editedById: ws.analyst.userId })]);
      expect([a.createdAt, a.updatedAt, a.revisions[0]!.editedAt].map((d) => d.getTime())).toEqual([stamp, stamp, stamp]);
    }
    for (const r of [actor, issue, source]) expect([r.createdAt.getTime(), r.updatedAt.getTime()]).toEqual([stamp, stamp]);
    const log = await db().auditLog.findFirstOrThrow({ where: { workspaceId: ws.workspaceId, action: 'import.completed', details: { path: ['actors'], equals: 1 } } });
    expect(log).toMatchObject({ userId: ws.analyst.userId, entityType: 'assessment', entityId: '', ip: '' });
    expect(log.details).toEqual({ assessments: 2, revisions: 2, actors: 1, issues: 1, sources: 1, sha256: check.json.sha256, bytes: file.length, format: 'csv' });
  });
});

describe('a file with problems', () => {
  it('reports every bad row of every kind with its line, column and reason, and imports nothing', async () => {
    const lines = [
      HEADER,
      row(90, 'fine'),
      row(101, 'above the scale'),
      row('ninety', 'not a number'),
      row(50, 'unknown actor', { actor: 'Atlantis' }),
      row(50, 'unknown issue', { issue: 'Nowhere' }),
      row(50, 'unknown source', { source: 'Rumour' }),
      row(50, 'bad date', { stance: '2020-02-30' }),
      row(50, ''),
      `${row(50, 'too many values')},surplus`,
      `${basics.actor.name},${basics.issue.title},${basics.source.title},50,80,,certain,9,2020-11-10,"two bad fields",`,
      `${basics.actor.name},${basics.issue.title},${basics.source.title},50,80,,high,2,2020-11-10,"bad"quote,`,
    ];
    const file = utf8(lines.join('\n') + '\n');
    const before = await workspaceSnapshot(ws.workspaceId);
    const check = await post(file);
    expect(check.status).toBe(200);
    expect(check.json).toMatchObject({ ok: false, rowCount: 11, validRowCount: 1, badRowCount: 10 });
    expect(check.json.errors.map((e: { line: number; column: string | null; reason: string }) => [e.line, e.column, e.reason])).toEqual([
      [3, 'position', 'Position must be between 0 and 100'],
      [4, 'position', 'Position must be a number between 0 and 100'],
      [5, 'actor', expect.stringMatching(/^No actor named “Atlantis”/)],
      [6, 'issue', expect.stringMatching(/^No issue titled “Nowhere”/)],
      [7, 'source', expect.stringMatching(/^No source titled “Rumour”/)],
      [8, 'stance_date', 'Stance date is not a real calendar date'],
      [9, 'quote', 'Quote is required'],
      [10, null, expect.stringMatching(/12 values but the header has 11 columns/)],
      [11, 'confidence', 'Choose a confidence level'],
      [11, 'credibility', 'Credibility must be a whole number from 1 to 6'],
      [12, null, expect.stringMatching(/closing quote/)],
    ]);
    expect(check.json.errors[0].value).toBe('101');

    const commit = await post(file, 'mode=commit');
    expect(commit.status).toBe(422);
    expect(commit.json.error.message).toMatch(/10 of 11 rows have problems, so nothing was imported/);
    expect(commit.json.error.details.errors).toHaveLength(11);
    expect(await workspaceSnapshot(ws.workspaceId)).toEqual(before);
  });

  it('reports JSON rows by the line their object starts on', async () => {
    const text = `[\n  {"actor": "${basics.actor.name}", "issue": "${basics.issue.title}", "source": "${basics.source.title}", "position": 1, "salience": 1, "confidence": "LOW", "credibility": 1, "stance_date": "2020-01-01", "quote": "ok"},\n  {"actor": "${basics.actor.name}",\n   "position": 500}\n]`;
    const check = await post(utf8(text), '', { contentType: 'application/json' });
    expect(check.json.ok).toBe(false);
    expect(check.json.errors.every((e: { line: number }) => e.line === 3)).toBe(true);
    expect(check.json.errors.map((e: { column: string }) => e.column)).toEqual(['issue', 'source', 'position', 'salience', 'confidence', 'credibility', 'stance_date', 'quote']);
  });

  it('refuses invalid UTF-8 naming the first bad byte, its offset and line', async () => {
    const bytes = new Uint8Array([...utf8(`${HEADER}\n${row(1, 'ok')}\n${basics.actor.name},x,Montr`), 0xe9, ...utf8('al,1\n')]);
    const answer = await post(bytes);
    expect(answer.status).toBe(422);
    expect(answer.json.error.message).toMatch(new RegExp(`byte 0xE9 at offset ${bytes.indexOf(0xe9)} \\(line 3\\)`));
  });

  it('refuses a file without the required columns, with only a header, or empty', async () => {
    expect((await post(utf8('actor,issue\nRussia,x\n'))).json.error.message).toMatch(/no “source”/);
    expect((await post(utf8(`${HEADER}\n`))).json.error.message).toMatch(/no rows to import/);
    expect((await post(new Uint8Array(0))).json.error.message).toMatch(/empty/);
    expect((await post(utf8('[1'), '', { contentType: 'application/json' })).json.error.message).toMatch(/not valid JSON/);
    expect((await post(utf8(`${HEADER}\n`), 'mode=later')).status).toBe(422);
  });

  it('refuses to import a file other than the one checked (sha256)', async () => {
    const before = await countAssessments();
    const answer = await post(utf8(`${HEADER}\n${row(10, 'changed after the check')}\n`), `mode=commit&sha256=${'0'.repeat(64)}`);
    expect(answer.status).toBe(409);
    expect(await countAssessments()).toBe(before);
  });
});

describe('size limit', () => {
  it('refuses an oversized file with 413 from its declared length, without reading it', async () => {
    process.env.IMPORT_MAX_BYTES = '1000';
    resetEnvCache();
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(500));
      },
    });
    const request = new Request('http://stanceboard.test/api/v1/import/assessments', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv', 'content-length': String(5_000_000) },
      body,
      duplex: 'half',
    } as RequestInit);
    const response = await route.POST(request, { params: Promise.resolve({}) });
    expect(response.status).toBe(413);
    expect((await response.json()).error.message).toMatch(/The upload is 4\.8 MB; the limit is 1000 bytes/);
    expect(pulled).toBeLessThanOrEqual(1);
  });

  it('refuses an oversized file sent without a length, counting bytes as they arrive', async () => {
    process.env.IMPORT_MAX_BYTES = '1000';
    resetEnvCache();
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 400;
        if (sent > 100_000) controller.close();
        else controller.enqueue(utf8('x'.repeat(400)));
      },
    });
    const answer = await post(body, '', { length: false });
    expect(answer.status).toBe(413);
    expect(answer.json.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(sent).toBeLessThan(3000);
  });
});

describe('all or nothing', () => {
  it('leaves nothing behind when the database fails half-way through the write', async () => {
    // A real failure inside PostgreSQL, in the third chunk of rows, after new records and two chunks were written.
    await db().$executeRawUnsafe(`
      CREATE OR REPLACE FUNCTION fail_on_poison() RETURNS trigger AS $$
      BEGIN IF NEW.quote = 'poison' THEN RAISE EXCEPTION 'simulated failure'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
    await db().$executeRawUnsafe(`CREATE TRIGGER fail_on_poison BEFORE INSERT ON "Assessment" FOR EACH ROW EXECUTE FUNCTION fail_on_poison()`);
    try {
      const header = `${HEADER},actor_kind`;
      const rows = [1, 2, 3, 4, 5].map((i) => `${row(i, i === 5 ? 'poison' : `chunked ${i}`, { actor: 'Brand-new actor' })},STATE`);
      const file = utf8([header, ...rows].join('\n'));
      const before = await workspaceSnapshot(ws.workspaceId);
      const audits = await db().auditLog.count({ where: { workspaceId: ws.workspaceId } });
      await expect(importAssessments(ws.analyst, file, { format: 'csv', createMissing: true, commit: true, chunkSize: 2 })).rejects.toThrow(/simulated failure/);
      expect(await workspaceSnapshot(ws.workspaceId)).toEqual(before);
      expect(await db().actor.count({ where: { workspaceId: ws.workspaceId, name: 'Brand-new actor' } })).toBe(0);
      expect(await db().auditLog.count({ where: { workspaceId: ws.workspaceId } })).toBe(audits);
    } finally {
      await db().$executeRawUnsafe(`DROP TRIGGER fail_on_poison ON "Assessment"`);
    }
  });

  it('refuses (409) when a record the file names is deleted between the check and the write', async () => {
    const doomed = await db().source.create({
      data: { workspaceId: ws.workspaceId, title: 'Soon deleted', outlet: 'X', publishedAt: new Date('2020-11-01'), kind: 'NEWS', reliability: 'C' },
    });
    const file = utf8(`${HEADER}\n${row(5, 'names a doomed source', { source: 'Soon deleted' })}\n`);
    const { plan } = await (async () => {
      const { loadLookups } = await import('@/lib/import/assessments');
      const { planImport } = await import('@/lib/import/plan');
      const { rowsFromCsv } = await import('@/lib/import/rows');
      const { parseCsv } = await import('@/lib/import/csv');
      return { plan: planImport(rowsFromCsv(parseCsv(new TextDecoder().decode(file))).rows, await loadLookups(ws.analyst), { createMissing: false }) };
    })();
    expect(plan.errors).toEqual([]);
    await db().source.update({ where: { id: doomed.id }, data: { deletedAt: new Date() } });
    const { writeImportPlan } = await import('@/lib/import/assessments');
    await expect(writeImportPlan(ws.analyst, plan)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await db().assessment.count({ where: { sourceId: doomed.id } })).toBe(0);
  });
});

describe('progress and permissions', () => {
  it('streams NDJSON progress lines, then the result (or the error with its status)', async () => {
    const lines = Array.from({ length: 12_000 }, (_, i) => row(i % 101, `streamed ${i}`));
    const file = utf8([HEADER, ...lines].join('\n'));
    const answer = await post(file, 'mode=commit', { accept: 'application/x-ndjson' });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/application\/x-ndjson/);
    const events = answer.text.trim().split('\n').map((l) => JSON.parse(l));
    const phases = events.filter((e) => e.type === 'progress').map((e) => e.phase);
    expect(phases).toEqual(expect.arrayContaining(['read', 'parse', 'validate', 'write']));
    const writes = events.filter((e) => e.type === 'progress' && e.phase === 'write');
    expect(writes.at(-1)).toMatchObject({ done: 12_000, total: 12_000 });
    expect(events.at(-1)).toMatchObject({ type: 'result', status: 201, result: { committed: true, written: { assessments: 12_000 } } });

    const bad = await post(utf8(`${HEADER}\n${row(500, 'bad')}\n`), 'mode=commit', { accept: 'application/x-ndjson' });
    const last = JSON.parse(bad.text.trim().split('\n').at(-1)!);
    expect(last).toMatchObject({ type: 'error', status: 422, error: { code: 'VALIDATION', details: { errorCount: 1 } } });
  });

  it('refuses viewers (403) and unauthenticated callers (401)', async () => {
    const viewer = (await createToken(ws.viewer, { name: 'viewer', role: 'VIEWER' })).secret;
    const before = await countAssessments();
    expect((await post(utf8(`${HEADER}\n${row(1, 'viewer')}\n`), 'mode=commit', { auth: viewer })).status).toBe(403);
    expect((await post(utf8(`${HEADER}\n${row(1, 'nobody')}\n`), 'mode=commit', { auth: 'nope' })).status).toBe(401);
    expect(await countAssessments()).toBe(before);
  });
});
