// The HTTP server in front of Next (used by `npm run dev`, `npm start` and the browser tests): Next's
// own server hands pages an X-Forwarded-For that any client can write, so the socket's address is
// passed on here, under a header this server always overwrites (lib/auth/client-ip.ts reads it).
import { createServer } from 'node:http';
import path from 'node:path';
import next from 'next';
import { PEER_ADDRESS_HEADER } from '../lib/auth/client-ip';

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
