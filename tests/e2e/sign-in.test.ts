import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appUrl, chromiumAvailable, DEMO, launchBrowser, signIn } from './browser';

describe.skipIf(!chromiumAvailable())('signing in and out in a real browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lets the demo analyst in, shows the dashboard, and after sign-out sends the dashboard back to sign-in', async () => {
    const page = await browser.newPage();
    await page.goto(appUrl('/'));
    await expect.poll(() => new URL(page.url()).pathname).toBe('/sign-in');

    await page.getByLabel('Email').fill(DEMO.analyst.email);
    await page.getByLabel('Password').fill('wrong-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('do not match an active account');
    expect(await page.getByLabel('Email').inputValue()).toBe(DEMO.analyst.email);

    await signIn(page, DEMO.analyst.email, DEMO.analyst.password);
    expect(new URL(page.url()).pathname).toBe('/');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Dashboard');
    await expect.poll(() => page.getByText(DEMO.analyst.email).count()).toBeGreaterThan(0);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL((url) => url.pathname === '/sign-in');
    await page.goto(appUrl('/'));
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await page.close();
  });
});

if (!chromiumAvailable()) {
  if (process.env.CI) throw new Error('Chromium is required for the browser tests in CI (apt-get install -y chromium)');
  console.warn('Browser tests skipped: /usr/bin/chromium not found (apt-get install -y chromium)');
}
