// Each test file gets its own database, cloned from the migrated template, so files run in parallel.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, inject } from 'vitest';
import { disconnectDb } from '../../lib/db';
import { resetEnvCache } from '../../lib/env';
import { databaseUrl } from './database.global';

const adminUrl = inject('adminUrl');
const name = `sb_test_${randomBytes(6).toString('hex')}`;

async function adminQuery(sql: string) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

for (let attempt = 1; ; attempt++) {
  try {
    await adminQuery(`CREATE DATABASE "${name}" TEMPLATE "${inject('templateDatabase')}"`);
    break;
  } catch (error) {
    // Two clones of one template at the same instant can collide; wait and retry.
    if (attempt >= 10 || (error as { code?: string }).code !== '55006') throw error;
    await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
  }
}
process.env.DATABASE_URL = databaseUrl(adminUrl, name);
resetEnvCache();

afterAll(async () => {
  await disconnectDb();
  await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
});
