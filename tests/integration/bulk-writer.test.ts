// The one bulk writer (lib/db/bulk.ts) and its column registry (lib/db/bulk-columns.ts), under both imports:
// the registry agrees with the migrated database, a column it does not list is refused instead of
// dropped, rows go in one statement per chunk (set-based, never row by row), values shared by every row
// are written as given, and an audit entry written in a bulk transaction is the row lib/audit writes.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '@/lib/audit';
import { BulkWriter, withBulkTransaction } from '@/lib/db/bulk';
import { BULK_COLUMNS, type BulkColumn } from '@/lib/db/bulk-columns';
import { db } from '@/lib/db';
import { requireDatabaseUrl } from '@/lib/env';
import { createBasics, createTestWorkspace, type TestWorkspace } from './helpers/fixtures';

let ws: TestWorkspace;
let basics: Awaited<ReturnType<typeof createBasics>>;

beforeAll(async () => {
  ws = await createTestWorkspace('Bulk desk');
  basics = await createBasics(ws.workspaceId);
});

/** A BulkWriter on a connection of the test's own, counting the statements it sends. */
async function countingWriter() {
  const client = new pg.Client({ connectionString: requireDatabaseUrl() });
  await client.connect();
  const statements: string[] = [];
  const query = client.query.bind(client) as (sql: string, params?: unknown[]) => Promise<pg.QueryResult>;
  const counting = Object.assign(Object.create(client), { query: (sql: string, params?: unknown[]) => (statements.push(sql), query(sql, params)) });
  return { writer: new BulkWriter(counting as pg.ClientBase), statements, client };
}

describe('the column registry', () => {
  it('names only columns the database has, each read as its own type (enums cast to their type)', async () => {
    const rows = await db().$queryRaw<{ table: string; column: string; type: string }[]>`
      SELECT table_name AS table, column_name AS column, udt_name AS type FROM information_schema.columns WHERE table_schema = current_schema()`;
    const actual = new Map(rows.map((r) => [`${r.table}.${r.column}`, r.type]));
    const pgName: Record<BulkColumn['type'], string> = {
      uuid: 'uuid',
      text: 'text',
      float8: 'float8',
      int4: 'int4',
      date: 'date',
      timestamptz: 'timestamptz',
      jsonb: 'jsonb',
      bool: 'bool',
      'text[]': '_text',
      'uuid[]': '_uuid',
    };
    const mismatches: string[] = [];
    for (const [table, columns] of Object.entries(BULK_COLUMNS)) {
      for (const column of columns as readonly BulkColumn[]) {
        const expected = column.cast ?? pgName[column.type];
        const found = actual.get(`${table}.${column.name}`);
        if (found !== expected) mismatches.push(`${table}.${column.name}: registry ${expected}, database ${found ?? 'no such column'}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});

describe('the bulk writer', () => {
  let counted: Awaited<ReturnType<typeof countingWriter>>;
  beforeAll(async () => {
    counted = await countingWriter();
  });
  afterAll(async () => {
    await counted.client.end();
  });

  it('writes rows set-based: one statement per chunk, whatever the number of rows', async () => {
    const { writer, statements } = counted;
    const now = new Date().toISOString();
    const names = Array.from({ length: 1200 }, (_, i) => `Bulk actor ${i}`);
    statements.length = 0;
    await writer.insert(
      'Actor',
      names.map((name) => ({ id: randomUUID(), name, kind: 'STATE' })),
      { same: { workspaceId: ws.workspaceId, createdAt: now, updatedAt: now }, chunkSize: 500 },
    );
    expect(statements).toHaveLength(3);
    const stored = await db().actor.findMany({ where: { workspaceId: ws.workspaceId, name: { startsWith: 'Bulk actor ' } } });
    expect(stored).toHaveLength(1200);
    // The shared values on every row, and the columns left out at their defaults.
    for (const a of stored) {
      expect(a).toMatchObject({ kind: 'STATE', aliases: [], description: '', parentId: null, version: 1, deletedAt: null });
      expect(a.createdAt.toISOString()).toBe(now);
      expect(a.updatedAt.toISOString()).toBe(now);
    }
  });

  it('refuses a column the registry does not list, and the same column given per row and for all rows, before writing', async () => {
    const { writer, statements } = counted;
    statements.length = 0;
    const row = { id: randomUUID(), name: 'Never written', kind: 'STATE', nickname: 'typo' };
    await expect(writer.insert('Actor', [row as { id: string }], { same: { workspaceId: ws.workspaceId } })).rejects.toThrow(/no column "nickname" of Actor/);
    await expect(writer.insert('Actor', [{ id: randomUUID(), name: 'Never written', kind: 'STATE', workspaceId: ws.workspaceId }], { same: { workspaceId: ws.workspaceId } })).rejects.toThrow(
      /Actor\.workspaceId is given both per row and for all rows/,
    );
    expect(statements).toEqual([]);
  });

  it('derives a creation revision’s changes from its snapshot when they are null, and keeps them when given', async () => {
    const { writer } = counted;
    const target = await db().assessment.create({
      data: {
        workspaceId: ws.workspaceId,
        actorId: basics.actor.id,
        issueId: basics.issue.id,
        sourceId: basics.source.id,
        position: 40,
        salience: 50,
        confidence: 'LOW',
        credibility: 3,
        stanceDate: new Date('2020-11-10'),
        quote: 'Bulk revision target',
        recordedById: ws.analyst.userId,
      },
    });
    const editedAt = '2026-01-02T03:04:05.000Z';
    const snapshot = { position: 40, quote: 'Bulk revision target' };
    await writer.insert(
      'AssessmentRevision',
      [
        { assessmentId: target.id, version: 7, snapshot, changes: null },
        { assessmentId: target.id, version: 8, snapshot, changes: { position: { from: 30, to: 40 } } },
      ],
      { same: { workspaceId: ws.workspaceId, editedById: ws.analyst.userId, editedAt } },
    );
    const revisions = await db().assessmentRevision.findMany({ where: { assessmentId: target.id, version: { in: [7, 8] } }, orderBy: { version: 'asc' } });
    expect(revisions.map((r) => ({ version: r.version, changes: r.changes, snapshot: r.snapshot, editedAt: r.editedAt.toISOString(), editedById: r.editedById }))).toEqual([
      { version: 7, changes: { position: { from: null, to: 40 }, quote: { from: null, to: 'Bulk revision target' } }, snapshot, editedAt, editedById: ws.analyst.userId },
      { version: 8, changes: { position: { from: 30, to: 40 } }, snapshot, editedAt, editedById: ws.analyst.userId },
    ]);
  });

  it('sets a column of rows it wrote (a second pass for references between them)', async () => {
    const { writer } = counted;
    const [parent, child] = [randomUUID(), randomUUID()];
    await writer.insert('Actor', [
      { id: parent, workspaceId: ws.workspaceId, name: 'Bulk parent', kind: 'STATE', updatedAt: new Date().toISOString() },
      { id: child, workspaceId: ws.workspaceId, name: 'Bulk child', kind: 'PERSON', updatedAt: new Date().toISOString() },
    ]);
    await writer.setColumn('Actor', 'parentId', [{ id: child, value: parent }]);
    expect((await db().actor.findUniqueOrThrow({ where: { id: child } })).parentId).toBe(parent);
    expect((await db().actor.findUniqueOrThrow({ where: { id: parent } })).parentId).toBeNull();
  });
});

describe('a bulk transaction', () => {
  it('writes the audit entry lib/audit writes with Prisma, in the same transaction', async () => {
    const entry = { action: 'import.completed' as const, workspaceId: ws.workspaceId, userId: ws.analyst.userId, entityType: 'assessment', details: { assessments: 3, sha256: 'abc' } };
    await audit({ ...entry, details: { ...entry.details, by: 'prisma' } });
    await withBulkTransaction((writer) => audit({ ...entry, details: { ...entry.details, by: 'bulk' } }, writer));
    const rows = await db().auditLog.findMany({ where: { workspaceId: ws.workspaceId, action: 'import.completed' }, orderBy: { id: 'asc' } });
    const shape = ({ id: _id, createdAt: _createdAt, details, ...rest }: (typeof rows)[number]) => ({ ...rest, details: { ...(details as object), by: undefined } });
    expect(rows).toHaveLength(2);
    expect(shape(rows[1]!)).toEqual(shape(rows[0]!));
    expect(rows[1]).toMatchObject({ entityId: '', ip: '', details: { by: 'bulk' } });
  });

  it('rolls everything back, audit entry included, when its work throws', async () => {
    const before = await db().auditLog.count({ where: { workspaceId: ws.workspaceId } });
    await expect(
      withBulkTransaction(async (writer) => {
        await writer.insert('Actor', [{ id: randomUUID(), workspaceId: ws.workspaceId, name: 'Rolled back', kind: 'STATE', updatedAt: new Date().toISOString() }]);
        await audit({ action: 'import.completed', workspaceId: ws.workspaceId, userId: ws.analyst.userId }, writer);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await db().actor.count({ where: { workspaceId: ws.workspaceId, name: 'Rolled back' } })).toBe(0);
    expect(await db().auditLog.count({ where: { workspaceId: ws.workspaceId } })).toBe(before);
  });
});
