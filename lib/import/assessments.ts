import { createHash, randomUUID } from 'node:crypto';
import { assessmentSnapshot } from '../assessments/snapshot';
import { authorize, type Ctx } from '../auth/context';
import { db } from '../db';
import { AppError, invalid } from '../errors';
import { audit } from '../audit';
import { conflictOnUnique, withBulkTransaction, type BulkWriter } from '../db/bulk';
import { parseCsv } from './csv';
import { decodeUpload } from './decode';
import { parseJsonRows } from './json-rows';
import { planImport, type ImportPlan } from './plan';
import type { Lookups } from './resolve';
import { rowsFromCsv, rowsFromJson, type RawRow } from './rows';
import type { ImportReport } from './report';

export type { ImportReport };

// Importing assessments from a CSV or JSON file: check everything, show the user what would happen,
// and only on their confirmation write it all in one transaction (or nothing).

export type ImportFormat = 'csv' | 'json';
export type ImportPhase = 'read' | 'parse' | 'validate' | 'write';
export type ImportProgress = (phase: ImportPhase, done: number, total: number) => void;

export interface ImportOptions {
  /** 'auto' looks at the first character: [ or { is JSON, anything else CSV. */
  format: ImportFormat | 'auto';
  createMissing: boolean;
  /** Check only (false), or check and write (true). */
  commit: boolean;
  /** The sha256 the check reported: the confirmed file must be the checked one. */
  expectedSha256?: string;
  /** Rows per INSERT statement. */
  chunkSize?: number;
}

/** At most this many problems are listed (errorCount counts them all): beyond that the report itself would be tens of MB. */
export const MAX_REPORTED_ERRORS = 100_000;

export async function loadLookups(ctx: Ctx): Promise<Lookups> {
  authorize(ctx, 'workspace:read');
  const where = { workspaceId: ctx.workspaceId };
  const [actors, issues, sources] = await Promise.all([
    db().actor.findMany({ where, select: { id: true, name: true, aliases: true, deletedAt: true } }),
    db().issue.findMany({ where, select: { id: true, title: true, deletedAt: true } }),
    db().source.findMany({ where, select: { id: true, title: true, outlet: true, publishedAt: true, deletedAt: true } }),
  ]);
  return {
    actors: actors.map((a) => ({ id: a.id, name: a.name, aliases: a.aliases, deleted: a.deletedAt !== null })),
    issues: issues.map((i) => ({ id: i.id, title: i.title, deleted: i.deletedAt !== null })),
    sources: sources.map((s) => ({ id: s.id, title: s.title, outlet: s.outlet, publishedAt: s.publishedAt.toISOString().slice(0, 10), deleted: s.deletedAt !== null })),
  };
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function detectFormat(text: string): ImportFormat {
  const first = /\S/.exec(text)?.[0];
  return first === '[' || first === '{' ? 'json' : 'csv';
}

/** Checks an upload and, when `options.commit`, writes it. Never writes anything if any row has a problem. */
export async function importAssessments(ctx: Ctx, bytes: Uint8Array, options: ImportOptions, progress: ImportProgress = () => {}): Promise<ImportReport> {
  authorize(ctx, 'records:write');
  const timings: Record<string, number> = {};
  let t = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    timings[name] = Math.round(now - t);
    t = now;
  };

  const sha256 = sha256Hex(bytes);
  if (options.commit && options.expectedSha256 && options.expectedSha256 !== sha256) {
    throw new AppError('CONFLICT', 'This is not the file that was checked (its content differs). Check it again before importing.');
  }
  progress('read', bytes.length, bytes.length);
  const { text, encoding } = decodeUpload(bytes);
  lap('decodeMs');

  const format = options.format === 'auto' ? detectFormat(text) : options.format;
  progress('parse', 0, 1);
  let delimiter: string | undefined;
  let raw: { rows: RawRow[]; ignoredColumns: string[] };
  if (format === 'csv') {
    const parsed = parseCsv(text);
    delimiter = parsed.delimiter;
    raw = rowsFromCsv(parsed);
  } else {
    raw = rowsFromJson(parseJsonRows(text));
  }
  if (!raw.rows.length) throw invalid({ _file: ['The file has no rows to import'] }, 'The file has no rows to import (only a header, or nothing).');
  progress('parse', 1, 1);
  lap('parseMs');

  const lookups = await loadLookups(ctx);
  lap('lookupMs');
  const plan = planImport(raw.rows, lookups, { createMissing: options.createMissing }, (done, total) => progress('validate', done, total));
  lap('validateMs');

  const report: ImportReport = {
    ok: plan.errors.length === 0,
    committed: false,
    sha256,
    bytes: bytes.length,
    format,
    encoding,
    delimiter,
    rowCount: plan.rowCount,
    validRowCount: plan.rows.length,
    badRowCount: plan.badRowCount,
    errorCount: plan.errors.length,
    errors: plan.errors.slice(0, MAX_REPORTED_ERRORS),
    errorsTruncated: plan.errors.length > MAX_REPORTED_ERRORS,
    ignoredColumns: raw.ignoredColumns,
    create: {
      actors: plan.newActors.map(({ name, kind, line }) => ({ name, kind, line })),
      issues: plan.newIssues.map(({ title, anchors, line }) => ({ title, anchors, line })),
      sources: plan.newSources.map(({ title, outlet, publishedAt, kind, reliability, line }) => ({ title, outlet, publishedAt, kind, reliability, line })),
    },
    sample: raw.rows.slice(0, 10).map((r) => ({ line: r.line, ...r.values })),
    timings,
  };
  if (!options.commit) return report;

  if (!report.ok) {
    throw new AppError(
      'VALIDATION',
      `${plan.badRowCount} of ${plan.rowCount} rows have problems, so nothing was imported. Fix them and try again.`,
      { details: report },
    );
  }
  report.written = await writeImportPlan(ctx, plan, { chunkSize: options.chunkSize, progress, meta: { sha256, bytes: bytes.length, format } });
  report.committed = true;
  lap('writeMs');
  return report;
}

/** Writes a checked plan in one transaction: the new actors/issues/sources, then every assessment with its version-1 revision. */
export async function writeImportPlan(
  ctx: Ctx,
  plan: ImportPlan,
  { chunkSize = 5000, progress = () => {}, meta = {} }: { chunkSize?: number; progress?: ImportProgress; meta?: Record<string, string | number> } = {},
): Promise<NonNullable<ImportReport['written']>> {
  authorize(ctx, 'records:write');
  const now = new Date().toISOString();
  const total = plan.rows.length;
  const ws = ctx.workspaceId;
  progress('write', 0, total);
  return withBulkTransaction(async (writer) => {
    await assertReferencesStillLive(writer, ctx, plan);
    const raced = 'Someone created an actor or issue with one of the new names while the file was being checked. Check the file again.';
    // Both stamps from the one clock, so a record is never "updated before it was created".
    const created = { workspaceId: ws, createdAt: now, updatedAt: now };
    await writer
      .insert('Actor', plan.newActors.map((a) => ({ id: a.id, name: a.name, kind: a.kind })), { same: created })
      .catch((error) => conflictOnUnique(error, raced));
    await writer
      .insert('Issue', plan.newIssues.map((i) => ({ id: i.id, title: i.title, anchors: i.anchors })), { same: created })
      .catch((error) => conflictOnUnique(error, raced));
    await writer.insert(
      'Source',
      plan.newSources.map((s) => ({ id: s.id, title: s.title, outlet: s.outlet, author: s.author, url: s.url, publishedAt: s.publishedAt, kind: s.kind, reliability: s.reliability })),
      { same: created },
    );
    const assessmentDefaults = { ...created, recordedById: ctx.userId, version: 1, deletedAt: null };
    // The same revision 1 as createAssessment writes: who, when, and every field "from null" (changes null: see lib/db/bulk-columns.ts).
    const revisionDefaults = { workspaceId: ws, version: 1, editedById: ctx.userId, editedAt: now, changes: null };
    for (let start = 0; start < total; start += chunkSize) {
      const rows = plan.rows.slice(start, start + chunkSize).map((r) => ({
        id: randomUUID(),
        actorId: r.actorId,
        issueId: r.issueId,
        sourceId: r.sourceId,
        position: r.position,
        salience: r.salience,
        capability: r.capability,
        confidence: r.confidence,
        credibility: r.credibility,
        stanceDate: r.stanceDate,
        quote: r.quote,
        rationale: r.rationale,
      }));
      await writer.insert('Assessment', rows, { same: assessmentDefaults, chunkSize });
      await writer.insert(
        'AssessmentRevision',
        rows.map((row) => ({ assessmentId: row.id, snapshot: assessmentSnapshot({ ...row, stanceDate: new Date(`${row.stanceDate}T00:00:00Z`) }) })),
        { same: revisionDefaults, chunkSize },
      );
      progress('write', Math.min(total, start + rows.length), total);
    }
    const written = { assessments: total, revisions: total, actors: plan.newActors.length, issues: plan.newIssues.length, sources: plan.newSources.length };
    await audit({ action: 'import.completed', workspaceId: ws, userId: ctx.userId, entityType: 'assessment', details: { ...written, ...meta } }, writer);
    return written;
  });
}

/**
 * Records found live while checking must still be live when writing: lock them (FOR SHARE, so a
 * concurrent delete waits for this transaction) and refuse if one went away in between.
 */
async function assertReferencesStillLive(writer: BulkWriter, ctx: Ctx, plan: ImportPlan): Promise<void> {
  const fresh = new Set([...plan.newActors, ...plan.newIssues, ...plan.newSources].map((r) => r.id));
  const used = (field: 'actorId' | 'issueId' | 'sourceId') => [...new Set(plan.rows.map((r) => r[field]))].filter((id) => !fresh.has(id));
  for (const [table, ids] of [
    ['Actor', used('actorId')],
    ['Issue', used('issueId')],
    ['Source', used('sourceId')],
  ] as const) {
    const { rows } = await writer.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (SELECT id FROM "${table}" WHERE "workspaceId" = $1 AND id = ANY($2::uuid[]) AND "deletedAt" IS NULL FOR SHARE) x`,
      [ctx.workspaceId, ids],
    );
    if (rows[0]?.n !== ids.length) {
      throw new AppError('CONFLICT', 'Some actors, issues or sources named in the file were deleted while it was being checked. Check the file again.');
    }
  }
}
