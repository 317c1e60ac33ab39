import 'server-only';
import type { Ctx } from '../auth/context';
import { guardRequest } from '../auth/guard';
import type { Permission } from '../auth/permissions';
import { AppError, errorResponse } from '../errors';
import { withIdempotency } from './idempotency';
import { hitRateLimit, type RateLimitState } from './rate-limit';

export interface ApiCall<P> {
  ctx: Ctx;
  request: Request;
  params: P;
}

export interface ApiRouteOptions {
  /** Checked after authentication and rate limiting; domain functions check again themselves. */
  permission?: Permission;
}

type RouteContext<P> = { params: Promise<P> };

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Session cookies are SameSite=Lax already; this refuses a cross-site write that carries one anyway
 * (defence in depth: the API accepts cookies so the app's own pages can call it).
 */
function assertSameOrigin(request: Request): void {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return;
  const site = request.headers.get('sec-fetch-site');
  const origin = request.headers.get('origin');
  let crossOrigin = site === 'cross-site';
  if (origin && origin !== 'null') {
    const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
    try {
      if (host && new URL(origin).host !== host) crossOrigin = true;
    } catch {
      crossOrigin = true;
    }
  }
  if (crossOrigin) throw new AppError('FORBIDDEN', 'Cross-site requests cannot use your session; use an API token.');
}

function rateLimitKey(ctx: Ctx): string {
  return ctx.via.kind === 'token' ? `api:token:${ctx.via.tokenId}` : `api:user:${ctx.userId}`;
}

function withHeaders(response: Response, limit: RateLimitState | undefined): Response {
  try {
    if (!response.headers.has('Cache-Control')) response.headers.set('Cache-Control', 'no-store');
    if (limit) {
      response.headers.set('X-RateLimit-Limit', String(limit.limit));
      response.headers.set('X-RateLimit-Remaining', String(limit.remaining));
      response.headers.set('X-RateLimit-Reset', String(limit.resetSeconds));
    }
  } catch {
    // A response with immutable headers keeps its own.
  }
  return response;
}

type RouteHandler<P> = (request: Request, context: RouteContext<P>) => Promise<Response>;

/** Every handler apiRoute built: the authorization matrix proves each route file exports only these (or an allow-listed one). */
const builtByApiRoute = new WeakSet<object>();

export function isApiRouteHandler(handler: unknown): boolean {
  return typeof handler === 'function' && builtByApiRoute.has(handler);
}

/**
 * The one wrapper of every API route, over the request guard (lib/auth/guard.ts: a Bearer token, else
 * the session; membership, pending password, permission), adding what the API needs of its own: the
 * same-origin check of cookie writes and the per-caller rate limit (both before the permission),
 * Idempotency-Key on POSTs (lib/api/idempotency.ts), errors mapped to `{ error: { code, message,
 * fieldErrors } }` with the status from lib/errors.ts, and `Cache-Control: no-store`. Route files stay
 * one line per method.
 */
export function apiRoute<P extends Record<string, string | string[]> = Record<string, never>>(
  options: ApiRouteOptions,
  run: (call: ApiCall<P>) => Promise<Response>,
): RouteHandler<P> {
  const handler: RouteHandler<P> = async (request, context) => {
    let limit: RateLimitState | undefined;
    try {
      const ctx = await guardRequest({
        request,
        permission: options.permission,
        admit: async (caller) => {
          if (caller.via.kind === 'session') assertSameOrigin(request);
          limit = await hitRateLimit(rateLimitKey(caller));
        },
      });
      const params = (await context?.params) ?? ({} as P);
      // Keys are the caller's own: the same key from another user or workspace is another request.
      const answer = await withIdempotency(request, `${ctx.workspaceId}:${ctx.userId}`, () => run({ ctx, request, params }));
      return withHeaders(answer, limit);
    } catch (error) {
      return withHeaders(errorResponse(error), limit);
    }
  };
  builtByApiRoute.add(handler);
  return handler;
}

export function json(data: unknown, init: ResponseInit = {}): Response {
  return Response.json(data, init);
}

export function noContent(): Response {
  return new Response(null, { status: 204 });
}
