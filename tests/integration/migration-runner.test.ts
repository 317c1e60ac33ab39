import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_MIGRATIONS_DIR, migrate, MigrationError, readMigrations } from '@/lib/db/migrate';
import { createEmptyDatabase, query } from './helpers/databases';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function emptyDatabase() {
  const database = await createEmptyDatabase();
  cleanups.push(database.drop);
  return database.url;
}

async function copyOfMigrations(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'sb-migrations-'));
  await cp(DEFAULT_MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

describe('migration runner', () => {
  it('applies every migration to a fresh database and records each the way Prisma does', async () => {
    const url = await emptyDatabase();
    const migrations = await readMigrations();
    const result = await migrate(url);
    expect(result.applied).toEqual(migrations.map((m) => m.name));
    const rows = await query<{ migration_name: string; checksum: string; applied_steps_count: number; finished_at: Date | null }>(
      url,
      'SELECT migration_name, checksum, applied_steps_count, finished_at FROM "_prisma_migrations" ORDER BY migration_name',
    );
    expect(rows.map((r) => [r.migration_name, r.checksum, r.applied_steps_count])).toEqual(
      migrations.map((m) => [m.name, m.checksum, 1]),
    );
    expect(rows.every((r) => r.finished_at instanceof Date)).toBe(true);
    const tables = await query<{ n: string }>(url, `SELECT count(*)::text AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_name = 'Assessment'`);
    expect(tables[0]!.n).toBe('1');
  });

  it('is a no-op when run again', async () => {
    const url = await emptyDatabase();
    await migrate(url);
    const before = await query(url, 'SELECT id, started_at, finished_at FROM "_prisma_migrations" ORDER BY id');
    const second = await migrate(url);
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied.length).toBe(before.length);
    expect(await query(url, 'SELECT id, started_at, finished_at FROM "_prisma_migrations" ORDER BY id')).toEqual(before);
  });

  it('refuses to run when an applied migration file was changed, naming the migration', async () => {
    const url = await emptyDatabase();
    const dir = await copyOfMigrations();
    await migrate(url, { dir });
    const [first] = await readMigrations(dir);
    const file = path.join(dir, first!.name, 'migration.sql');
    await writeFile(file, (await readFile(file, 'utf8')) + '\n-- edited after the fact\n');
    const run = migrate(url, { dir });
    await expect(run).rejects.toThrow(MigrationError);
    await expect(migrate(url, { dir })).rejects.toThrow(new RegExp(`Migration ${first!.name} was changed after it was applied`));
  });

  it('rolls back a failing migration completely and records nothing for it', async () => {
    const url = await emptyDatabase();
    const dir = await copyOfMigrations();
    await migrate(url, { dir });
    const bad = path.join(dir, '99990101000000_broken');
    await (await import('node:fs/promises')).mkdir(bad);
    await writeFile(path.join(bad, 'migration.sql'), 'CREATE TABLE "Half" (id int);\nSELECT * FROM "DoesNotExist";\n');
    await expect(migrate(url, { dir })).rejects.toThrow(/99990101000000_broken failed and was rolled back/);
    expect(await query(url, `SELECT 1 FROM information_schema.tables WHERE table_name = 'Half'`)).toEqual([]);
    expect(await query(url, `SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '99990101000000_broken'`)).toEqual([]);
  });

  it('applies each migration exactly once when two runners start together', async () => {
    const url = await emptyDatabase();
    const results = await Promise.all([migrate(url), migrate(url), migrate(url)]);
    const migrations = await readMigrations();
    const appliedCounts = results.map((r) => r.applied.length).sort();
    expect(appliedCounts).toEqual([0, 0, migrations.length]);
    const rows = await query<{ migration_name: string; n: string }>(
      url,
      'SELECT migration_name, count(*)::text AS n FROM "_prisma_migrations" GROUP BY migration_name',
    );
    expect(rows.length).toBe(migrations.length);
    expect(rows.every((r) => r.n === '1')).toBe(true);
  });
});
