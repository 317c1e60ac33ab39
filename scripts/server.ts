// The HTTP server in front of Next (used by `npm run dev`, `npm start` and the browser tests): Next's
// own server hands pages an X-Forwarded-For that any client can write, so the socket's address is
// passed on here, under a header this server always overwrites (lib/auth/client-ip.ts reads it); and a
// page that fails during a database outage is answered 503 with Retry-After (lib/db/outage.ts).
import { createServer, type ServerResponse } from 'node:http';
import path from 'node:path';
import next from 'next';
import { PEER_ADDRESS_HEADER } from '../lib/auth/client-ip';
import { databaseRecentlyUnavailable } from '../lib/db/outage';

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

const app = next({ dev: mode === 'dev', dir: path.resolve(import.meta.dirname, '..'), hostname: hostname ?? 'localhost', port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((request, response) => {
  request.headers[PEER_ADDRESS_HEADER] = request.socket.remoteAddress ?? 'unknown';
  outageAware(response);
  void handle(request, response);
});
server.listen(port, hostname, () => console.log(`Ready on http://${hostname ?? 'localhost'}:${port}`));

function stop() {
  server.close(() => process.exit(0));
  // Keep-alive connections would hold close() open; a stop request means stop.
  setTimeout(() => process.exit(0), 3000).unref();
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
