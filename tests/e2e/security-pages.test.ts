// Issue 13 against the built app over HTTP: record pages of another workspace answer 404 (not 200 with
// a not-found body), the sign-in redirect stays on this site, the login throttle sees the socket address
// whatever X-Forwarded-For says, page POSTs without Origin are refused, and HSTS is sent over https.
import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appSql, appUrl, chromiumAvailable, DEMO, launchBrowser, signIn } from './browser';

const query = appSql;

describe('without a browser', () => {
  it('refuses a page POST (server action) that carries no Origin header', async () => {
    const response = await fetch(appUrl('/sign-in'), { method: 'POST', headers: { 'next-action': 'x', 'content-type': 'text/plain' }, body: '[]', redirect: 'manual' });
    expect(response.status).toBe(403);
  });

  it('sends Strict-Transport-Security behind a TLS proxy, and not over plain http', async () => {
    expect((await fetch(appUrl('/sign-in'), { headers: { 'x-forwarded-proto': 'https' } })).headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    expect((await fetch(appUrl('/sign-in'))).headers.get('strict-transport-security')).toBeNull();
  });
});

describe.skipIf(!chromiumAvailable())('signed in (real browser)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('answers HTTP 404 for record pages of another workspace and for unknown records', async () => {
    const [other] = await query<{ id: string }>(`INSERT INTO "Workspace" (id, name, slug) VALUES (gen_random_uuid(), 'Other desk', $1) RETURNING id`, [`other-${randomUUID()}`]);
    const [actor] = await query<{ id: string }>(`INSERT INTO "Actor" (id, "workspaceId", name, kind, "updatedAt") VALUES (gen_random_uuid(), $1, 'Hidden actor', 'STATE', now()) RETURNING id`, [other!.id]);
    const page = await (await browser.newContext()).newPage();
    await signIn(page, DEMO.analyst.email, DEMO.analyst.password);
    const missing = randomUUID();
    for (const path of [`/actors/${actor!.id}`, `/actors/${missing}`, `/issues/${missing}`, `/sources/${missing}`, `/assessments/${missing}`, `/interests/${missing}`, `/scenarios/${missing}`]) {
      const response = await page.goto(appUrl(path));
      expect(response?.status(), path).toBe(404);
      expect(await page.content(), path).not.toContain('Hidden actor');
    }
    await page.context().close();
  });

  it('after sign-in, follows `next` only to a path of this site', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(appUrl('/sign-in?next=%2F%09%2Fevil.example%2F'));
    await page.getByLabel('Email').fill(DEMO.viewer.email);
    await page.getByLabel('Password').fill(DEMO.viewer.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    expect(new URL(page.url()).origin).toBe(new URL(appUrl('/')).origin);
    await page.context().close();
  });

  it('counts a failed sign-in against the socket address, not a spoofed X-Forwarded-For', async () => {
    const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': '203.0.113.99' } });
    const page = await context.newPage();
    const email = `nobody-${randomUUID()}@test.local`;
    await page.goto(appUrl('/sign-in'));
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('wrong-password-123');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('That email and password do not match an active account.').waitFor();
    const rows = await query<{ ip: string }>(`SELECT ip FROM "LoginAttempt" WHERE email = $1`, [email]);
    expect(rows.map((r) => r.ip)).toEqual([expect.stringMatching(/127\.0\.0\.1$/)]);
    await context.close();
  });
});
