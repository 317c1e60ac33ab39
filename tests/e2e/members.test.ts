import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appSql, appUrl, chromiumAvailable, DEMO, launchBrowser, signIn } from './browser';

const sql = appSql;

describe.skipIf(!chromiumAvailable())('members and roles in a real browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function signedIn(email: string, password: string): Promise<BrowserContext> {
    const context = await browser.newContext();
    await signIn(await context.newPage(), email, password);
    return context;
  }

  it('an admin adds a member with a one-time password; the member must choose their own before anything else', async () => {
    const admin = await signedIn(DEMO.admin.email, DEMO.admin.password);
    const page = admin.pages()[0]!;
    await page.goto(appUrl('/members'));
    const email = `new-analyst-${Date.now()}@example.org`;
    const form = page.getByRole('form', { name: 'Add a member' });
    await form.getByLabel('Email').fill(email);
    await form.getByLabel('Name').fill('Nia Newcomer');
    await form.getByLabel('Role').selectOption('ANALYST');
    await form.getByRole('button', { name: 'Add member' }).click();
    const otp = (await page.getByTestId('one-time-password').textContent())?.trim() ?? '';
    expect(otp).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
    const row = page.getByRole('row').filter({ hasText: email });
    await expect.poll(() => row.textContent()).toContain('Must change password');
    // Shown once: a reload does not show it again.
    await page.reload();
    expect(await page.getByTestId('one-time-password').count()).toBe(0);

    const member = await browser.newContext();
    const memberPage = await member.newPage();
    await signIn(memberPage, email, otp);
    // Sign-in goes to the dashboard, which sends them on to the account page.
    await memberPage.waitForURL((url) => url.pathname === '/account');
    await expect.poll(() => memberPage.getByRole('heading', { level: 1 }).textContent()).toBe('Choose your password');
    // Nothing else is reachable until then: pages send them back, and there is no navigation to follow.
    await memberPage.goto(appUrl('/actors'));
    // (The page streams behind a loading boundary, so the redirect may complete in the browser.)
    await memberPage.waitForURL((url) => url.pathname === '/account');
    await expect.poll(() => memberPage.getByRole('heading', { level: 1 }).textContent()).toBe('Choose your password');
    expect(await memberPage.getByRole('link', { name: 'Actors' }).count()).toBe(0);

    await memberPage.getByLabel('One-time password').fill(otp);
    await memberPage.getByLabel('New password', { exact: true }).fill(email);
    await memberPage.getByLabel('New password again').fill(email);
    await memberPage.getByRole('button', { name: 'Change password' }).click();
    // Said once beside the field (the error summary above the form links to it too).
    await expect.poll(() => memberPage.locator('.error', { hasText: 'must not be your email address' }).count()).toBe(1);

    const chosen = 'nia chooses a long passphrase';
    await memberPage.getByLabel('One-time password').fill(otp);
    await memberPage.getByLabel('New password', { exact: true }).fill(chosen);
    await memberPage.getByLabel('New password again').fill(chosen);
    await memberPage.getByRole('button', { name: 'Change password' }).click();
    await memberPage.waitForURL((url) => url.pathname === '/');
    await memberPage.goto(appUrl('/actors'));
    expect(new URL(memberPage.url()).pathname).toBe('/actors');
    await expect.poll(() => memberPage.getByRole('link', { name: 'New actor' }).count()).toBe(1);

    // The one-time password is dead; the chosen one works.
    await memberPage.getByRole('button', { name: 'Sign out' }).click();
    await memberPage.waitForURL((url) => url.pathname === '/sign-in');
    await memberPage.getByLabel('Email').fill(email);
    await memberPage.getByLabel('Password').fill(otp);
    await memberPage.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => memberPage.getByRole('alert').first().textContent()).toContain('do not match');
    await signIn(memberPage, email, chosen);
    expect(new URL(memberPage.url()).pathname).toBe('/');

    await page.reload();
    expect(await page.getByRole('row').filter({ hasText: email }).textContent()).not.toContain('Must change password');
    await member.close();
    await admin.close();
  });

  it('a viewer sees no edit controls, and replaying an analyst’s delete form as the viewer is refused by the server', async () => {
    const { workspaceId } = (
      await sql<{ workspaceId: string }>(
        `SELECT m."workspaceId" FROM "Membership" m JOIN "User" u ON u.id = m."userId" WHERE u.email = $1`,
        [DEMO.admin.email],
      )
    )[0]!;
    const { id: actorId } = (
      await sql<{ id: string }>(
        `INSERT INTO "Actor" (id, "workspaceId", name, kind, "updatedAt") VALUES (gen_random_uuid(), $1, $2, 'STATE', now()) RETURNING id`,
        [workspaceId, `Throwaway ${Date.now()}`],
      )
    )[0]!;
    const actorPath = `/actors/${actorId}`;
    const isDeleted = async () => (await sql<{ deleted: boolean }>(`SELECT "deletedAt" IS NOT NULL AS deleted FROM "Actor" WHERE id = $1`, [actorId]))[0]!.deleted;

    const viewer = await signedIn(DEMO.viewer.email, DEMO.viewer.password);
    const viewerPage = viewer.pages()[0]!;
    await viewerPage.goto(appUrl('/actors'));
    await expect.poll(() => viewerPage.getByRole('heading', { level: 1 }).textContent()).toBe('Actors');
    expect(await viewerPage.getByRole('link', { name: 'New actor' }).count()).toBe(0);
    expect(await viewerPage.getByRole('link', { name: 'Members' }).count()).toBe(0);
    await viewerPage.goto(appUrl(actorPath));
    expect(await viewerPage.getByRole('button', { name: 'Delete' }).count()).toBe(0);
    expect(await viewerPage.getByRole('link', { name: 'Edit' }).count()).toBe(0);
    await viewerPage.goto(appUrl('/members'));
    await expect.poll(() => viewerPage.getByText('Your role cannot open that page').count()).toBe(1);
    // The edit page itself refuses a viewer (it throws FORBIDDEN rather than rendering the form).
    await viewerPage.goto(appUrl(`${actorPath}/edit`));
    expect(await viewerPage.getByRole('button', { name: 'Save changes' }).count()).toBe(0);

    // The analyst's page has the Delete form: the fields a browser without JavaScript would post.
    const analyst = await signedIn(DEMO.analyst.email, DEMO.analyst.password);
    const html = await (await analyst.request.get(appUrl(actorPath))).text();
    const probe = await browser.newPage({ javaScriptEnabled: false });
    await probe.setContent(html);
    const fields = await probe.$$eval('form', (forms) => {
      const form = forms.find((f) => [...f.querySelectorAll('button')].some((b) => b.textContent?.trim() === 'Delete'));
      if (!form) return null;
      return Object.fromEntries([...new FormData(form as HTMLFormElement).entries()].map(([k, v]) => [k, String(v)]));
    });
    await probe.close();
    expect(fields).not.toBeNull();
    expect(fields!.id).toBe(actorId);
    expect(Object.keys(fields!).some((k) => k.startsWith('$ACTION'))).toBe(true);

    const origin = new URL(appUrl('/')).origin;
    await viewer.request.post(appUrl(actorPath), { multipart: fields!, headers: { origin }, maxRedirects: 0 });
    expect(await isDeleted()).toBe(false);
    expect(
      await sql(`SELECT 1 FROM "AuditLog" WHERE action = 'record.deleted' AND "entityId" = $1`, [actorId]),
    ).toEqual([]);

    // Control: the very same POST from the analyst does delete it, so the refusal above was the server's.
    await analyst.request.post(appUrl(actorPath), { multipart: fields!, headers: { origin }, maxRedirects: 0 });
    await expect.poll(isDeleted).toBe(true);

    await viewer.close();
    await analyst.close();
  });
});
