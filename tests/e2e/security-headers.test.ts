// The built app's security headers on every kind of response, and the signed-out behaviour of pages
// and the API. Plain HTTP against the production server, plus a real browser for the signed-in cases.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appUrl, chromiumAvailable, DEMO, launchBrowser, signIn } from './browser';

const get = (path: string, init: RequestInit = {}) => fetch(appUrl(path), { redirect: 'manual', ...init });

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!.toLowerCase(), values]),
  );
}

/** The headers every response must carry, whatever it is. Returns the CSP's directives. */
function expectSecurityHeaders(response: Response, what: string): Map<string, string[]> {
  const h = response.headers;
  expect(h.get('x-content-type-options'), what).toBe('nosniff');
  expect(h.get('x-frame-options'), what).toBe('DENY');
  expect(h.get('referrer-policy'), what).toBe('strict-origin-when-cross-origin');
  expect(h.get('permissions-policy'), what).toMatch(/camera=\(\)/);
  expect(h.get('x-powered-by'), what).toBeNull();
  const csp = h.get('content-security-policy');
  expect(csp, `${what}: Content-Security-Policy`).toBeTruthy();
  const d = directives(csp!);
  expect(d.get('frame-ancestors'), what).toEqual(["'none'"]);
  expect(d.get('object-src'), what).toEqual(["'none'"]);
  expect(d.get('base-uri'), what).toEqual(["'self'"]);
  const scripts = d.get('script-src') ?? d.get('default-src') ?? [];
  // No inline script without a nonce, no eval in production, no third-party origins anywhere.
  expect(scripts, what).not.toContain("'unsafe-inline'");
  expect(scripts, what).not.toContain("'unsafe-eval'");
  for (const [name, values] of d) {
    for (const value of values) {
      expect(value, `${what}: ${name} allows ${value}`).not.toMatch(/^(https?:|wss?:|\*|\/\/)|\.[a-z]{2,}(:\d+)?(\/|$)/i);
    }
  }
  return d;
}

const nonceOf = (d: Map<string, string[]>) => d.get('script-src')?.find((v) => v.startsWith("'nonce-"))?.slice(7, -1);

describe('security headers', () => {
  it('/sign-in: every script carries this response’s nonce, and the nonce changes per request', async () => {
    const response = await get('/sign-in');
    expect(response.status).toBe(200);
    const d = expectSecurityHeaders(response, '/sign-in');
    const nonce = nonceOf(d);
    expect(nonce).toMatch(/^[A-Za-z0-9+/=]{16,}$/);
    const html = await response.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag, tag).toContain(`nonce="${nonce}"`);
    expect(nonceOf(expectSecurityHeaders(await get('/sign-in'), '/sign-in again'))).not.toBe(nonce);
  });

  it('/api/health, a build asset, the app icon and a missing build asset', async () => {
    const health = await get('/api/health');
    expect(health.status).toBe(200);
    expectSecurityHeaders(health, '/api/health');

    const html = await (await get('/sign-in')).text();
    const asset = html.match(/\/_next\/static\/[^"']+\.js/)?.[0];
    expect(asset).toBeTruthy();
    const js = await get(asset!);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    expectSecurityHeaders(js, asset!);

    const icon = await get('/icon.svg');
    expect(icon.status, 'the icon is public: the sign-in page shows it').toBe(200);
    expectSecurityHeaders(icon, '/icon.svg');

    const missing = await get('/_next/static/chunks/does-not-exist.js');
    expect(missing.status).toBe(404);
    expectSecurityHeaders(missing, 'missing build asset');
  });

  it('signed out: pages redirect to sign-in and the API answers 401 JSON, headers included', async () => {
    for (const path of ['/', '/actors', '/members', '/account', '/no-such-page']) {
      const response = await get(path);
      expect(response.status, path).toBe(307);
      const location = new URL(response.headers.get('location')!, appUrl('/'));
      expect(location.pathname, path).toBe('/sign-in');
      if (path !== '/') expect(location.searchParams.get('next'), path).toBe(path);
      expectSecurityHeaders(response, `redirect of ${path}`);
    }
    for (const [method, path] of [
      ['GET', '/api/v1/actors'],
      ['POST', '/api/v1/actors'],
      ['GET', '/api/stance/dashboard/export'],
      ['GET', '/api/not-a-route'],
    ] as const) {
      const response = await get(path, { method, headers: { 'content-type': 'application/json' }, body: method === 'POST' ? '{}' : undefined });
      expect(response.status, `${method} ${path}`).toBe(401);
      expect(response.headers.get('content-type'), path).toMatch(/application\/json/);
      expect((await response.json()).error.code, path).toBe('UNAUTHENTICATED');
      expectSecurityHeaders(response, `${method} ${path}`);
    }
    // A forged session cookie gets past the cookie check, but not past the real check in the route.
    const forged = await get('/api/v1/actors', { headers: { cookie: 'authjs.session-token=forged' } });
    expect(forged.status).toBe(401);
    expectSecurityHeaders(forged, 'forged cookie');
  });
});

describe.skipIf(!chromiumAvailable())('security headers when signed in (real browser)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a 404 page and app pages carry the headers, and the browser reports no CSP violation', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to (execute|load|apply|connect)/i.test(message.text())) violations.push(message.text());
    });
    await signIn(page, DEMO.analyst.email, DEMO.analyst.password);

    const notFound = await page.goto(appUrl('/no-such-page-at-all'));
    expect(notFound?.status()).toBe(404);
    const headers404 = new Headers(await notFound!.allHeaders());
    const d = expectSecurityHeaders(new Response(null, { headers: headers404 }), 'signed-in 404');
    // The 404 page is rendered per request, so its scripts carry the nonce too (a prerendered one would not).
    const html = await notFound!.text();
    for (const tag of html.match(/<script\b[^>]*>/g) ?? []) expect(tag).toContain(`nonce="${nonceOf(d)}"`);

    for (const path of ['/', '/actors', '/members', '/account']) {
      const response = await page.goto(appUrl(path));
      expectSecurityHeaders(new Response(null, { headers: new Headers(await response!.allHeaders()) }), path);
      await page.waitForLoadState('load');
    }
    // An API call with the session cookie passes the proxy and is answered by the route.
    const api = await context.request.get(appUrl('/api/v1/actors?limit=1'));
    expect(api.status()).toBe(200);
    expectSecurityHeaders(new Response(null, { headers: new Headers(api.headers()) }), 'signed-in API');
    expect(violations).toEqual([]);
    await context.close();
  });
});
