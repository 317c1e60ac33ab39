import pg from 'pg';
import { requireDatabaseUrl } from '../env';
import { AppError } from '../errors';
import { BULK_COLUMNS, type BulkColumn, type BulkColumnName, type BulkRow, type BulkTable } from './bulk-columns';

// The set-based writes of the imports, on a plain `pg` connection of their own: one transaction (BEGIN …
// COMMIT, or ROLLBACK on any error), and each chunk of rows sent as ONE JSON parameter expanded by
// PostgreSQL with json_to_recordset() — a single round trip per chunk instead of one per row, and
// next to no client-side work per value (measured: scripts/bench-import.ts). Which columns exist and
// how their values are read: lib/db/bulk-columns.ts.

export type { BulkRow, BulkTable } from './bulk-columns';

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

function columnsOf(table: BulkTable, names: Iterable<string>): BulkColumn[] {
  const known: readonly BulkColumn[] = BULK_COLUMNS[table];
  const wanted = new Set(names);
  for (const name of wanted) {
    if (!known.some((c) => c.name === name)) throw new Error(`lib/db/bulk-columns.ts lists no column "${name}" of ${table}`);
  }
  return known.filter((c) => wanted.has(c.name));
}

const recordType = (columns: readonly BulkColumn[]) => columns.map((c) => `${quote(c.name)} ${c.type}`).join(', ');

/** One open bulk transaction: its writes all commit together or not at all. */
export class BulkWriter {
  constructor(private readonly client: pg.ClientBase) {}

  query<R extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<pg.QueryResult<R>> {
    return this.client.query<R>(sql, params);
  }

  /**
   * INSERT INTO table (columns) SELECT … FROM json_to_recordset($1) for `rows`, in chunks. The columns
   * written are those the first row names, plus those of `same`: values shared by every row, sent once.
   */
  async insert<T extends BulkTable>(
    table: T,
    rows: readonly BulkRow<T>[],
    { same = {}, chunkSize = 5000, onChunk }: { same?: BulkRow<T>; chunkSize?: number; onChunk?: (written: number) => void } = {},
  ): Promise<void> {
    if (!rows.length) return;
    const perRow = columnsOf(table, Object.keys(rows[0]!));
    const shared = columnsOf(table, Object.keys(same));
    const twice = perRow.find((c) => shared.includes(c));
    if (twice) throw new Error(`${table}.${twice.name} is given both per row and for all rows`);
    const sourceOf = (name: string) => `${shared.some((c) => c.name === name) ? 's' : 't'}.${quote(name)}`;
    const columns = BULK_COLUMNS[table].filter((c: BulkColumn) => perRow.includes(c) || shared.includes(c)) as BulkColumn[];
    const values = columns.map((c) => {
      const value = c.whenNull ? `COALESCE(${sourceOf(c.name)}, ${c.whenNull(sourceOf)})` : sourceOf(c.name);
      return c.cast ? `${value}::${quote(c.cast)}` : value;
    });
    const from = shared.length
      ? `json_to_recordset($1::json) AS t(${recordType(perRow)}) CROSS JOIN json_to_record($2::json) AS s(${recordType(shared)})`
      : `json_to_recordset($1::json) AS t(${recordType(perRow)})`;
    const sql = `INSERT INTO ${quote(table)} (${columns.map((c) => quote(c.name)).join(', ')}) SELECT ${values.join(', ')} FROM ${from}`;
    const sharedJson = JSON.stringify(same);
    for (let start = 0; start < rows.length; start += chunkSize) {
      const chunk = rows.slice(start, start + chunkSize);
      await this.client.query(sql, shared.length ? [JSON.stringify(chunk), sharedJson] : [JSON.stringify(chunk)]);
      onChunk?.(Math.min(rows.length, start + chunk.length));
    }
  }

  /** Sets one column of existing rows by id (a second pass for references between rows of one write). */
  async setColumn<T extends BulkTable>(table: T, column: BulkColumnName<T>, values: readonly { id: string; value: unknown }[]): Promise<void> {
    if (!values.length) return;
    const [target] = columnsOf(table, [column]);
    await this.client.query(
      `UPDATE ${quote(table)} t SET ${quote(target!.name)} = v.value FROM json_to_recordset($1::json) AS v(id uuid, value ${target!.type}) WHERE t.id = v.id`,
      [JSON.stringify(values)],
    );
  }
}

/** Runs `work` in one transaction on a dedicated connection: committed if it returns, rolled back if it throws. */
export async function withBulkTransaction<T>(work: (writer: BulkWriter) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: requireDatabaseUrl() });
  // A server restart ends the connection with 57P01; without a listener that is an uncaught exception
  // that kills the app. The pending query rejects too, which rolls the import back and answers 503.
  client.on('error', (error) => console.warn(`Import connection lost: ${error.message}`));
  await client.connect();
  try {
    await client.query('BEGIN');
    const result = await work(new BulkWriter(client));
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

export function conflictOnUnique(error: unknown, message: string): never {
  if (isPgUniqueViolation(error)) throw new AppError('CONFLICT', message);
  throw error;
}
