// `npm start` with WEB_CONCURRENCY=2 (scripts/server.ts): two worker processes behind one port, a
// worker that dies is replaced while the other keeps answering, and SIGTERM stops them all.
import { spawnSync, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { spawnAppServer } from './app-server';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const workersOf = (pid: number) =>
  spawnSync('pgrep', ['-P', String(pid)])
    .stdout.toString()
    .split('\n')
    .filter(Boolean)
    .map(Number);
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

describe('several server processes behind one port', () => {
  let primary: ChildProcess;
  let url: string;
  let log = () => '';
  const healthy = async () => (await fetch(`${url}/api/health`, { headers: { connection: 'close' }, signal: AbortSignal.timeout(10_000) }).catch(() => null))?.ok === true;

  beforeAll(async () => {
    const server = await spawnAppServer({
      DATABASE_URL: inject('appDatabaseUrl'),
      AUTH_SECRET: 'cluster-secret-cluster-secret-cluster-secret',
      WEB_CONCURRENCY: '2',
    });
    primary = server.process;
    url = server.url;
    log = server.log;
    await until('both workers to answer', async () => (log().match(/Ready on/g) ?? []).length >= 2 && (await healthy()), 90_000).catch((error) => {
      throw new Error(`${(error as Error).message}\n${log()}`);
    });
  }, 120_000);

  afterAll(() => {
    if (primary?.exitCode === null) primary.kill('SIGKILL');
  });

  it('runs WEB_CONCURRENCY workers and replaces one that dies, answering all along', async () => {
    const workers = workersOf(primary.pid!);
    expect(workers).toHaveLength(2);
    process.kill(workers[0]!, 'SIGKILL');
    // Once the primary has seen it die, the other worker answers while the replacement starts. (A
    // connection accepted in the instant before that can be handed to the dead worker and is lost.)
    await until('the primary to notice', () => log().includes(`Server process ${workers[0]} exited (SIGKILL); starting another`));
    expect(await healthy(), log()).toBe(true);
    try {
      await until('a replacement worker', () => {
        const now = workersOf(primary.pid!);
        return now.length === 2 && !now.includes(workers[0]!);
      });
      // A whole Next server starting: slow on a loaded machine.
      await until('the replacement to be ready', () => (log().match(/Ready on/g) ?? []).length >= 3, 150_000);
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${log()}`);
    }
    const answers = await Promise.all(Array.from({ length: 20 }, () => fetch(`${url}/api/health`, { headers: { connection: 'close' }, signal: AbortSignal.timeout(20_000) }).then((r) => r.status, (e: Error) => e.name)));
    expect(answers.filter((s) => s !== 200), log()).toEqual([]);
  }, 240_000);

  it('stops every worker on SIGTERM and exits 0', async () => {
    const workers = workersOf(primary.pid!);
    const exited = new Promise<number | null>((resolve) => primary.once('exit', (code) => resolve(code)));
    primary.kill('SIGTERM');
    expect(await exited).toBe(0);
    await until('the workers to exit', () => workers.every((pid) => !alive(pid)), 15_000);
  }, 30_000);
});
