// The API's hot routes, answered by scripts/server.ts without Next's request pipeline. An API client
// recording assessments in bulk (POST /api/v1/assessments) or paging through them (GET) spends most of
// its server time in Next's routing, proxy, tracing and body cloning, not in our code: measured with
// `npm run bench:write`, one Next process answers ~75 writes/s on this machine's cores. These routes run
// the very handlers of their route files (app/api/v1/assessments/route.ts: the same apiRoute guard,
// rate limit, idempotency, zod schema and domain function), on a Web Request built from the socket.
//
// Only token callers (an Authorization header) take this path: a session caller needs Next's request
// scope (cookies, next-auth), so its requests go through Next as before. Every response gets the
// headers Next would add (lib/security/csp-policy.js: the fixed security headers, the policy, HSTS over
// https); tests/e2e/api-fast-path.test.ts sends every kind of request both ways and compares the answers.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { HSTS, STATIC_SECURITY_HEADERS, contentSecurityPolicy, createNonce } from '../lib/security/csp';

type RouteHandler = (request: Request, context: { params: Promise<Record<string, never>> }) => Promise<Response>;

const routes = new Map<string, RouteHandler>();

/** Loads the route modules served here (after the module hook for `server-only` is registered). */
export async function loadApiFastPath(): Promise<void> {
  const assessments = await import('../app/api/v1/assessments/route');
  routes.set('GET /api/v1/assessments', assessments.GET as RouteHandler);
  routes.set('POST /api/v1/assessments', assessments.POST as RouteHandler);
}

/** The handler that answers this request here, or undefined: Next answers it. */
export function apiFastPathFor(request: IncomingMessage): RouteHandler | undefined {
  if (!request.headers.authorization || !request.url) return undefined;
  const query = request.url.indexOf('?');
  const pathname = query < 0 ? request.url : request.url.slice(0, query);
  return routes.get(`${request.method} ${pathname}`);
}

function webRequest(request: IncomingMessage): Request {
  const headers = new Headers();
  const raw = request.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) headers.append(raw[i]!, raw[i + 1]!);
  const forwarded = request.headers['x-forwarded-proto'];
  const protocol = typeof forwarded === 'string' && forwarded.split(',')[0]?.trim() === 'https' ? 'https' : 'http';
  const url = `${protocol}://${request.headers.host ?? 'localhost'}${request.url}`;
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  return new Request(url, {
    method: request.method,
    headers,
    ...(hasBody ? { body: Readable.toWeb(request) as ReadableStream<Uint8Array>, duplex: 'half' } : {}),
  } as RequestInit);
}

export async function serveApiFastPath(handler: RouteHandler, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const answer = await handler(webRequest(request), { params: Promise.resolve({}) });
  for (const { key, value } of STATIC_SECURITY_HEADERS) response.setHeader(key, value);
  // The policy proxy.ts gives every response it handles, nonce included.
  response.setHeader('Content-Security-Policy', contentSecurityPolicy(createNonce()));
  if (request.headers['x-forwarded-proto']?.toString().split(',')[0]?.trim() === 'https') response.setHeader('Strict-Transport-Security', HSTS);
  answer.headers.forEach((value, key) => response.setHeader(key, value));
  response.statusCode = answer.status;
  if (!answer.body) {
    response.end();
    return;
  }
  // Compressed when the client accepts it, as Next does; streamed bodies (the CSV of a list) are
  // written as they come, with back-pressure, and stop when the client goes away.
  response.setHeader('Vary', 'Accept-Encoding');
  const body = Readable.fromWeb(answer.body as import('node:stream/web').ReadableStream<Uint8Array>);
  try {
    if (/\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
      response.setHeader('Content-Encoding', 'gzip');
      response.removeHeader('Content-Length');
      await pipeline(body, createGzip(), response);
    } else {
      await pipeline(body, response);
    }
  } catch (error) {
    if (!response.destroyed) throw error;
  }
}
