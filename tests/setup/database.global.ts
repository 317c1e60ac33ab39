import { createHash } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrate, readMigrations } from '../../lib/db/migrate';
import { canConnect, REPO_ROOT, startEmbedded, type DatabaseHandle } from '../../lib/db/server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of a database with rights to CREATE DATABASE, on the server the tests use. */
    adminUrl: string;
    /** A migrated database that each test file clones. */
    templateDatabase: string;
  }
}

const LOCAL_SERVER = 'postgresql://postgres@127.0.0.1:5432/postgres';
let handle: DatabaseHandle | undefined;

export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function ensureTemplate(adminUrl: string): Promise<string> {
  const migrations = await readMigrations();
  const digest = createHash('sha256').update(migrations.map((m) => m.name + m.checksum).join('|')).digest('hex');
  const name = `sb_template_${digest.slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount) return name;
    const building = `${name}_build_${process.pid}`;
    await admin.query(`DROP DATABASE IF EXISTS "${building}"`);
    await admin.query(`CREATE DATABASE "${building}"`);
    await migrate(databaseUrl(adminUrl, building));
    await admin.query(`ALTER DATABASE "${building}" RENAME TO "${name}"`).catch(async (error: { code?: string }) => {
      if (error.code !== '42P04') throw error; // another run built it at the same time
      await admin.query(`DROP DATABASE IF EXISTS "${building}"`);
    });
    return name;
  } finally {
    await admin.end();
  }
}

export default async function setup(project: TestProject) {
  let adminUrl = process.env.TEST_DATABASE_ADMIN_URL ?? LOCAL_SERVER;
  // STANCEBOARD_TEST_DB=embedded forces the embedded server even when a local one answers.
  const forceEmbedded = process.env.STANCEBOARD_TEST_DB === 'embedded';
  if (forceEmbedded || !(await canConnect(adminUrl))) {
    if (process.env.TEST_DATABASE_ADMIN_URL) throw new Error(`TEST_DATABASE_ADMIN_URL is set but cannot be reached: ${adminUrl}`);
    handle = await startEmbedded({
      dataDir: path.join(REPO_ROOT, '.data', 'pg-test'),
      port: Number(process.env.EMBEDDED_TEST_PG_PORT ?? 54331),
      database: 'postgres',
    });
    adminUrl = handle.url;
    console.log(`Tests use ${handle.description}`);
  } else {
    console.log(`Tests use the PostgreSQL server at ${new URL(adminUrl).host}`);
  }
  project.provide('adminUrl', adminUrl);
  project.provide('templateDatabase', await ensureTemplate(adminUrl));
  return async () => {
    await handle?.stop();
  };
}
