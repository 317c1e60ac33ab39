import 'server-only';
import { authorize, type Ctx } from '../auth/context';
import type { Permission } from '../auth/permissions';
import { requireContext } from '../auth/request';
import { AppError, errorResponse } from '../errors';
import { contextForToken } from '../tokens/authenticate';
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
 * The caller of an API request: a personal token (`Authorization: Bearer sb_…`) when the header is
 * present, otherwise the browser session. A bad or revoked token is refused even if a session cookie
 * came along, so a client never silently acts as someone else.
 */
export async function authenticateApi(request: Request): Promise<Ctx> {
  const header = request.headers.get('authorization');
  if (header !== null) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match?.[1]) throw new AppError('UNAUTHENTICATED', 'Send the API token as “Authorization: Bearer sb_…”.');
    const ctx = await contextForToken(match[1]);
    if (!ctx) {
      throw new AppError(
        'UNAUTHENTICATED',
        'This API token is not valid: it is unknown or revoked, or its owner no longer has access to the workspace.',
      );
    }
    if (ctx.mustChangePassword) throw new AppError('FORBIDDEN', 'The token’s owner must choose their own password in the web app first.');
    return ctx;
  }
  const ctx = await requireContext();
  assertSameOrigin(request);
  return ctx;
}

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

/**
 * The one wrapper of every /api/v1 route: authentication (token or session), the per-caller rate
 * limit, the permission check, Idempotency-Key on POSTs (lib/api/idempotency.ts), and errors mapped to `{ error: { code, message, fieldErrors } }`
 * with the status from lib/errors.ts. Route files stay one line per method.
 */
export function apiRoute<P extends Record<string, string | string[]> = Record<string, never>>(
  options: ApiRouteOptions,
  run: (call: ApiCall<P>) => Promise<Response>,
): (request: Request, context: RouteContext<P>) => Promise<Response> {
  return async (request, context) => {
    let limit: RateLimitState | undefined;
    try {
      const ctx = await authenticateApi(request);
      limit = await hitRateLimit(rateLimitKey(ctx));
      if (options.permission) authorize(ctx, options.permission);
      const params = (await context?.params) ?? ({} as P);
      // Keys are the caller's own: the same key from another user or workspace is another request.
      const answer = await withIdempotency(request, `${ctx.workspaceId}:${ctx.userId}`, () => run({ ctx, request, params }));
      return withHeaders(answer, limit);
    } catch (error) {
      return withHeaders(errorResponse(error), limit);
    }
  };
}

export function json(data: unknown, init: ResponseInit = {}): Response {
  return Response.json(data, init);
}

export function noContent(): Response {
  return new Response(null, { status: 204 });
}
