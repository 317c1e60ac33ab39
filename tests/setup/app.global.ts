// Starts the built app (scripts/server.ts start, as `npm start` does) on a fresh, migrated, seeded database for the browser tests.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrate } from '../../lib/db/migrate';
import { REPO_ROOT } from '../../lib/db/server';
import { seedDemo } from '../../lib/demo/seed';
import { databaseUrl } from './database.global';
import { freePort } from './pg-tools';

export { freePort };

declare module 'vitest' {
  export interface ProvidedContext {
    appUrl: string;
    appDatabaseUrl: string;
  }
}


async function waitFor(url: string, timeoutMs: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The app exited with code ${child.exitCode} before answering`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`The app did not answer at ${url} within ${timeoutMs} ms`);
}

export default async function setup(project: TestProject) {
  const nextBin = path.join(REPO_ROOT, 'node_modules', 'next', 'dist', 'bin', 'next');
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
  if (process.env.E2E_SKIP_BUILD !== '1' || !existsSync(path.join(REPO_ROOT, process.env.NEXT_DIST_DIR || '.next', 'BUILD_ID'))) {
    console.log('Building the app for the browser tests (set E2E_SKIP_BUILD=1 to reuse an existing build)...');
    const build = spawnSync(process.execPath, [nextBin, 'build'], { cwd: REPO_ROOT, env, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('next build failed');
  }

  const adminUrl = project.getProvidedContext().adminUrl;
  const name = `sb_e2e_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = databaseUrl(adminUrl, name);
  await migrate(url);
  await seedDemo(url);

  const port = await freePort();
  const serverScript = path.join(REPO_ROOT, 'scripts', 'server.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', serverScript, 'start', '--port', String(port), '--hostname', '127.0.0.1'], {
    cwd: REPO_ROOT,
    env: { ...env, DATABASE_URL: url, AUTH_SECRET: 'e2e-secret-e2e-secret-e2e-secret-e2e-secret', NODE_ENV: 'production', WEB_CONCURRENCY: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const appUrl = `http://127.0.0.1:${port}`;
  try {
    await waitFor(`${appUrl}/api/health`, 60_000, child);
  } catch (error) {
    console.error(output);
    throw error;
  }
  project.provide('appUrl', appUrl);
  project.provide('appDatabaseUrl', url);

  return async () => {
    child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    if (process.env.E2E_SHOW_APP_LOG === '1') console.log(output);
    const cleanup = new pg.Client({ connectionString: adminUrl });
    await cleanup.connect();
    await cleanup.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await cleanup.end();
  };
}
