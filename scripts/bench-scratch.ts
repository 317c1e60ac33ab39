// Shared by the database benchmarks (scripts/bench-*.ts): the react-server re-run, a scratch database on
// the chosen server, and timing. Imports nothing `server-only`, so it can run before the re-run.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';

/**
 * lib/ modules are `server-only`; outside Next that package throws unless the react-server condition
 * is set, so re-run the script with it (keeping tsx's loader flags). Call first, before importing lib/.
 */
export function rerunWithReactServer(): void {
  if (process.execArgv.some((a) => a.includes('react-server')) || (process.env.NODE_OPTIONS ?? '').includes('react-server')) return;
  const result = spawnSync(process.execPath, [...process.execArgv, '--conditions=react-server', ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}

/** A scratch database `name` on the server of `serverUrl`: its URL, a one-statement client, and its removal. */
export function scratchDatabase(serverUrl: string, name: string) {
  const adminUrl = Object.assign(new URL(serverUrl), { pathname: '/postgres' }).toString();
  const url = Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString();
  async function sql(text: string, params: unknown[] = []) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return await client.query(text, params);
    } finally {
      await client.end();
    }
  }
  async function drop() {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
  return { adminUrl, url, sql, drop };
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Runs `fn` once to warm up (plans, caches, connections), then `runs` times: median and best in ms. */
export async function timeRuns<T>(fn: () => Promise<T>, runs: number): Promise<{ median: number; best: number; last: T }> {
  let last = await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    last = await fn();
    times.push(performance.now() - t);
  }
  return { median: median(times), best: Math.min(...times), last };
}

/** Builds the app (`next build`) unless a build is there already (BENCH_REBUILD=1 builds anyway). */
export function ensureBuild(repoRoot: string): void {
  if (existsSync(path.join(repoRoot, '.next', 'BUILD_ID')) && process.env.BENCH_REBUILD !== '1') return;
  console.log('Building the app (next build)...');
  const build = spawnSync(process.execPath, [path.join(repoRoot, 'node_modules/next/dist/bin/next'), 'build'], {
    cwd: repoRoot,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('next build failed');
}
