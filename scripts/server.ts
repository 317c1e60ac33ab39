// The HTTP server in front of Next (used by `npm run dev`, `npm start` and the browser tests): Next's
// own server hands pages an X-Forwarded-For that any client can write, so the socket's address is
// passed on here, under a header this server always overwrites (lib/auth/client-ip.ts reads it); and a
// page that fails during a database outage is answered 503 with Retry-After (lib/db/outage.ts).
//
// In `start`, token callers of the API's hot routes are answered without Next's pipeline (scripts/api-fast-path.ts).
// `start` runs WEB_CONCURRENCY workers (default: one per core) behind the one port with node:cluster:
// this process becomes the primary, forks the workers (each a whole Next server; the port is shared),
// starts a new one when one dies, passes messages between them (lib/cluster/messages.ts: a revoked API
// token is forgotten by every worker at once), and on SIGTERM/SIGINT lets every worker finish its requests before exiting.
// Migrations and the demo seed run before, once, in scripts/app.ts. `dev` is always one process.
import cluster, { type Worker } from 'node:cluster';
import { createServer, type ServerResponse } from 'node:http';
import { register } from 'node:module';
import path from 'node:path';
import next from 'next';
import { PEER_ADDRESS_HEADER } from '../lib/auth/client-ip';
import { databaseRecentlyUnavailable } from '../lib/db/outage';
import { env, webConcurrency } from '../lib/env';
import { isClusterMessage } from '../lib/cluster/messages';
import { apiFastPathFor, loadApiFastPath, serveApiFastPath } from './api-fast-path';

const RETRY_AFTER_SECONDS = '5';

/** A page that failed while PostgreSQL was not answering is a 503 with Retry-After, not a 500 (pages cannot set it themselves). */
function outageAware(response: ServerResponse): void {
  const writeHead = response.writeHead;
  response.writeHead = function (this: ServerResponse, status: number, ...rest: unknown[]) {
    if (status === 500 && databaseRecentlyUnavailable()) {
      status = 503;
      this.setHeader('Retry-After', RETRY_AFTER_SECONDS);
    }
    return (writeHead as (...args: unknown[]) => ServerResponse).call(this, status, ...rest);
  } as ServerResponse['writeHead'];
}

const mode = process.argv[2];
if (mode !== 'dev' && mode !== 'start') {
  console.error('usage: node --import tsx scripts/server.ts dev|start [--port N] [--hostname H]');
  process.exit(2);
}
const option = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const port = Number(option('port') ?? process.env.PORT ?? 3000);
const hostname = option('hostname');

const workers = mode === 'start' ? webConcurrency() : 1;
if (workers > 1 && cluster.isPrimary) runPrimary(workers);
else await runWorker();

function runPrimary(count: number): void {
  let stopping = false;
  const crashes: number[] = [];
  const fork = () => cluster.fork();
  console.log(`Starting ${count} server processes (WEB_CONCURRENCY) on port ${port}`);
  for (let i = 0; i < count; i++) fork();
  cluster.on('message', (from: Worker, message: unknown) => {
    if (!isClusterMessage(message)) return;
    for (const worker of Object.values(cluster.workers ?? {})) if (worker && worker !== from && worker.isConnected()) worker.send(message);
  });
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (!Object.values(cluster.workers ?? {}).some((w) => w && !w.isDead())) process.exit(0);
      return;
    }
    const now = Date.now();
    crashes.push(now);
    while (crashes.length && crashes[0]! < now - 60_000) crashes.shift();
    // A worker that dies at start-up would otherwise be restarted in a tight loop.
    const delay = crashes.length > count * 3 ? 5_000 : 0;
    console.error(`Server process ${worker.process.pid} exited (${signal ?? `code ${code}`}); starting another${delay ? ` in ${delay / 1000} s` : ''}.`);
    setTimeout(fork, delay);
  });
  const stop = () => {
    if (stopping) return;
    stopping = true;
    const alive = Object.values(cluster.workers ?? {}).filter((w): w is Worker => Boolean(w));
    if (!alive.length) process.exit(0);
    for (const worker of alive) worker.process.kill('SIGTERM');
    // A worker that does not finish in time is not waited for.
    setTimeout(() => {
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGKILL');
      process.exit(0);
    }, 10_000).unref();
  };
  process.on('SIGTERM', stop);
  // Ctrl-C reaches every process of the group: a worker leaves stopping to the primary, which would
  // otherwise take its exit for a crash.
  process.on('SIGINT', cluster.isWorker ? () => {} : stop);
}

async function runWorker(): Promise<void> {
  const app = next({ dev: mode === 'dev', dir: path.resolve(import.meta.dirname, '..'), hostname: hostname ?? 'localhost', port });
  const handle = app.getRequestHandler();
  await app.prepare();
  // Production only: in development Next recompiles a changed route, which this path would not see.
  const fastPath = mode === 'start' && env().API_FAST_PATH === '1';
  if (fastPath) {
    register('./server-only-hook.mjs', import.meta.url);
    await loadApiFastPath();
  }

  const server = createServer((request, response) => {
    request.headers[PEER_ADDRESS_HEADER] = request.socket.remoteAddress ?? 'unknown';
    outageAware(response);
    const fast = fastPath ? apiFastPathFor(request) : undefined;
    if (!fast) {
      void handle(request, response);
      return;
    }
    serveApiFastPath(fast, request, response).catch((error: unknown) => {
      // apiRoute answers every error itself; this is a failure to write the answer.
      console.error('API fast path:', error);
      if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'application/json' });
      response.end(response.headersSent ? undefined : JSON.stringify({ error: { code: 'INTERNAL', message: 'Something went wrong on the server.' } }));
    });
  });
  server.listen(port, hostname, () => console.log(`Ready on http://${hostname ?? 'localhost'}:${port}`));

  function stop() {
    server.close(() => process.exit(0));
    // Keep-alive connections would hold close() open; a stop request means stop.
    setTimeout(() => process.exit(0), 3000).unref();
  }
  process.on('SIGTERM', stop);
  // Ctrl-C reaches every process of the group: a worker leaves stopping to the primary, which would
  // otherwise take its exit for a crash.
  process.on('SIGINT', cluster.isWorker ? () => {} : stop);
}
