import { NextResponse, type NextRequest } from 'next/server';
import { HSTS, contentSecurityPolicy, createNonce } from '@/lib/security/csp';

// Only a cookie check and headers here: the real authentication and authorization happen in lib/
// on every request, because this layer can be bypassed by anything that does not go through it.
// The headers that do not depend on the request (nosniff, Referrer-Policy, ...) come from next.config.js.

const PUBLIC_PAGES = ['/sign-in'];
const PUBLIC_API = ['/api/health', '/api/auth'];
// App-wide metadata files (app/icon.svg, ...): the sign-in page needs them before anyone is signed in.
const PUBLIC_FILES = /^\/(?:favicon\.ico|icon\d*\.\w+|apple-icon\d*\.\w+|robots\.txt|manifest\.webmanifest)$/;
const SESSION_COOKIES = ['authjs.session-token', '__Secure-authjs.session-token'];

function hasSessionCookie(request: NextRequest): boolean {
  return SESSION_COOKIES.some((name) => request.cookies.has(name)) || Boolean(request.headers.get('authorization'));
}

function servedOverHttps(request: NextRequest): boolean {
  return request.nextUrl.protocol === 'https:' || request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';
}

/**
 * Every POST to a page is a server action. Browsers always send Origin with one; Next checks it against
 * the host only when present, so a request without it (a forged or replayed one) is refused here.
 */
function isActionPostWithoutOrigin(request: NextRequest, isApi: boolean): boolean {
  return !isApi && request.method === 'POST' && !request.headers.get('origin');
}

export function proxy(request: NextRequest) {
  const response = answer(request);
  // Only over https: sent over http it would be ignored, and a local install must keep working on http.
  if (servedOverHttps(request)) response.headers.set('Strict-Transport-Security', HSTS);
  return response;
}

function answer(request: NextRequest): NextResponse {
  const { pathname, search } = request.nextUrl;
  const isApi = pathname.startsWith('/api/');
  const isPublic = isApi
    ? PUBLIC_API.some((p) => pathname === p || pathname.startsWith(`${p}/`))
    : PUBLIC_PAGES.includes(pathname) || PUBLIC_FILES.test(pathname);

  const nonce = createNonce();
  const csp = contentSecurityPolicy(nonce, { development: process.env.NODE_ENV === 'development' });

  if (isActionPostWithoutOrigin(request, isApi)) {
    const response = NextResponse.json(
      { error: { code: 'FORBIDDEN', message: 'This form was sent without an Origin header; reload the page and try again.' } },
      { status: 403 },
    );
    response.headers.set('Content-Security-Policy', csp);
    return response;
  }

  if (!isPublic && !hasSessionCookie(request)) {
    let response: NextResponse;
    if (isApi) {
      response = NextResponse.json({ error: { code: 'UNAUTHENTICATED', message: 'Sign in to continue.' } }, { status: 401 });
    } else {
      const url = request.nextUrl.clone();
      url.pathname = '/sign-in';
      url.search = pathname === '/' ? '' : `?next=${encodeURIComponent(pathname + search)}`;
      response = NextResponse.redirect(url);
    }
    // Every response carries the policy, redirects and refusals included.
    response.headers.set('Content-Security-Policy', csp);
    return response;
  }

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  return response;
}

export const config = {
  // Build assets get their (static) policy from next.config.js instead; everything else passes here.
  matcher: [{ source: '/((?!_next/static|_next/image).*)' }],
};
