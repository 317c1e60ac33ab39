import pg from 'pg';
import { requireDatabaseUrl } from '../env';
import { AppError } from '../errors';

// Bulk writes for the imports, on a plain `pg` connection of their own: one transaction (BEGIN …
// COMMIT, or ROLLBACK on any error), and each chunk of rows sent as ONE JSON parameter expanded by
// PostgreSQL with json_to_recordset() — a single round trip per chunk instead of one per row, and
// next to no client-side work per value (measured: scripts/bench-import.ts).

export type BulkClient = pg.ClientBase;

/** Runs `work` in one transaction on a dedicated connection: committed if it returns, rolled back if it throws. */
export async function withBulkTransaction<T>(work: (client: BulkClient) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: requireDatabaseUrl() });
  // A server restart ends the connection with 57P01; without a listener that is an uncaught exception
  // that kills the app. The pending query rejects too, which rolls the import back and answers 503.
  client.on('error', (error) => console.warn(`Import connection lost: ${error.message}`));
  await client.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** PostgreSQL's unique_violation, for turning a race on a unique name into a clear refusal. */
export function isPgUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === '23505';
}

export interface Column {
  name: string;
  /** The type in json_to_recordset's column list. */
  type: 'uuid' | 'text' | 'float8' | 'int4' | 'date' | 'timestamptz' | 'jsonb' | 'bool' | 'text[]' | 'uuid[]';
  /** An enum to cast text to, e.g. "Confidence". */
  cast?: string;
}

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

/**
 * INSERT INTO table (columns) SELECT … FROM json_to_recordset($1) for `rows` (objects keyed by column
 * name; Dates as ISO strings, JSON columns as values), in chunks.
 */
export async function insertRows(
  client: BulkClient,
  table: string,
  columns: readonly Column[],
  rows: readonly Record<string, unknown>[],
  { chunkSize = 5000, onChunk }: { chunkSize?: number; onChunk?: (written: number) => void } = {},
): Promise<void> {
  if (!rows.length) return;
  const names = columns.map((c) => quote(c.name)).join(', ');
  const select = columns.map((c) => (c.cast ? `t.${quote(c.name)}::${quote(c.cast)}` : `t.${quote(c.name)}`)).join(', ');
  const types = columns.map((c) => `${quote(c.name)} ${c.type}`).join(', ');
  const sql = `INSERT INTO ${quote(table)} (${names}) SELECT ${select} FROM json_to_recordset($1::json) AS t(${types})`;
  for (let start = 0; start < rows.length; start += chunkSize) {
    const chunk = rows.slice(start, start + chunkSize);
    await client.query(sql, [JSON.stringify(chunk)]);
    onChunk?.(Math.min(rows.length, start + chunk.length));
  }
}

/** The columns of a Source row that both imports write (each adds its own bookkeeping columns). */
export const SOURCE_COLUMNS: readonly Column[] = [
  { name: 'id', type: 'uuid' },
  { name: 'workspaceId', type: 'uuid' },
  { name: 'title', type: 'text' },
  { name: 'outlet', type: 'text' },
  { name: 'author', type: 'text' },
  { name: 'url', type: 'text' },
  { name: 'publishedAt', type: 'date' },
  { name: 'kind', type: 'text', cast: 'SourceKind' },
  { name: 'reliability', type: 'text', cast: 'Reliability' },
];

export const ASSESSMENT_COLUMNS: readonly Column[] = [
  { name: 'id', type: 'uuid' },
  { name: 'workspaceId', type: 'uuid' },
  { name: 'actorId', type: 'uuid' },
  { name: 'issueId', type: 'uuid' },
  { name: 'sourceId', type: 'uuid' },
  { name: 'position', type: 'float8' },
  { name: 'salience', type: 'float8' },
  { name: 'capability', type: 'float8' },
  { name: 'confidence', type: 'text', cast: 'Confidence' },
  { name: 'credibility', type: 'int4' },
  { name: 'stanceDate', type: 'date' },
  { name: 'quote', type: 'text' },
  { name: 'rationale', type: 'text' },
  { name: 'recordedById', type: 'uuid' },
  { name: 'version', type: 'int4' },
  { name: 'createdAt', type: 'timestamptz' },
  { name: 'updatedAt', type: 'timestamptz' },
  { name: 'deletedAt', type: 'timestamptz' },
];

export interface RevisionRow {
  assessmentId: string;
  version: number;
  editedById: string;
  editedAt: string;
  /** null for a creation revision: { field: { from: null, to } } for every field of the snapshot (as createAssessment writes). */
  changes: unknown;
  snapshot: unknown;
}

export async function insertRevisions(
  client: BulkClient,
  workspaceId: string,
  rows: readonly RevisionRow[],
  { chunkSize = 5000, onChunk }: { chunkSize?: number; onChunk?: (written: number) => void } = {},
): Promise<void> {
  const sql = `
    INSERT INTO "AssessmentRevision" (id, "assessmentId", "workspaceId", version, "editedById", "editedAt", changes, snapshot)
    SELECT gen_random_uuid(), t."assessmentId", $2::uuid, t.version, t."editedById", t."editedAt",
           COALESCE(t.changes, (SELECT jsonb_object_agg(e.key, jsonb_build_object('from', NULL, 'to', e.value)) FROM jsonb_each(t.snapshot) e)),
           t.snapshot
      FROM json_to_recordset($1::json) AS t("assessmentId" uuid, version int4, "editedById" uuid, "editedAt" timestamptz, changes jsonb, snapshot jsonb)`;
  for (let start = 0; start < rows.length; start += chunkSize) {
    const chunk = rows.slice(start, start + chunkSize);
    await client.query(sql, [JSON.stringify(chunk), workspaceId]);
    onChunk?.(Math.min(rows.length, start + chunk.length));
  }
}

/** The audit entry, in the same transaction as what it records (lib/audit.ts's row, written here because this is not Prisma's connection). */
export async function auditInTransaction(
  client: BulkClient,
  entry: { action: 'import.completed'; workspaceId: string; userId: string; entityType: string; details: unknown },
): Promise<void> {
  await client.query(`INSERT INTO "AuditLog" (action, "workspaceId", "userId", "entityType", details) VALUES ($1, $2, $3, $4, $5::jsonb)`, [
    entry.action,
    entry.workspaceId,
    entry.userId,
    entry.entityType,
    JSON.stringify(entry.details),
  ]);
}

export function conflictOnUnique(error: unknown, message: string): never {
  if (isPgUniqueViolation(error)) throw new AppError('CONFLICT', message);
  throw error;
}
