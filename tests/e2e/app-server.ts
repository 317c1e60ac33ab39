// A second copy of the built app's server (scripts/server.ts start, as `npm start` runs it) on a port
// of its own, for the tests that need a server with other settings or one they may kill.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from '@/lib/db/server';
import { freePort } from '../setup/app.global';

export interface AppServer {
  process: ChildProcess;
  url: string;
  /** Everything the server printed so far. */
  log(): string;
}

export async function spawnAppServer(env: Record<string, string>): Promise<AppServer> {
  const port = await freePort();
  let log = '';
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'scripts', 'server.ts'), 'start', '--port', String(port), '--hostname', '127.0.0.1'], {
    cwd: REPO_ROOT,
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk) => (log += chunk));
  child.stderr?.on('data', (chunk) => (log += chunk));
  return { process: child, url: `http://127.0.0.1:${port}`, log: () => log };
}
