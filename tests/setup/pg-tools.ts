// PostgreSQL's own tools (initdb, pg_ctl, pg_basebackup) for the tests that start clusters of their own:
// the fault tests and the read-replica test.
import { execFile, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';

export const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
const asRoot = process.getuid?.() === 0;

/**
 * Runs one of PG_BIN's tools; PostgreSQL refuses to run as root, so as root it runs as the postgres user.
 * Asynchronous, so a test's load keeps running while a cluster stops and starts.
 */
export async function pgTool(tool: string, args: string[]): Promise<string> {
  const command = asRoot ? 'runuser' : path.join(PG_BIN, tool);
  const argv = asRoot ? ['-u', 'postgres', '--', path.join(PG_BIN, tool), ...args] : args;
  try {
    return (await promisify(execFile)(command, argv, { encoding: 'utf8' })).stdout;
  } catch (error) {
    const e = error as { stderr?: string; stdout?: string };
    throw new Error(`${tool} ${args.join(' ')} failed: ${e.stderr || e.stdout || String(error)}`);
  }
}

/** A TCP port nothing listens on now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** A scratch folder under /tmp for clusters, with `subdirs` made in it, that the postgres user owns when we are root. */
export function clusterDirectory(prefix: string, subdirs: string[] = []): string {
  const dir = mkdtempSync(`/tmp/${prefix}`);
  chmodSync(dir, 0o777);
  for (const sub of subdirs) mkdirSync(path.join(dir, sub));
  if (asRoot) spawnSync('chown', ['-R', 'postgres:postgres', dir]);
  return dir;
}
