import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appUrl, chromiumAvailable, DEMO, launchBrowser, signIn } from './browser';

describe.skipIf(!chromiumAvailable())('global search in a real browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('finds a quote by a word in it (Ctrl+K) and an actor by a misspelled name ("/"), with the words marked', async () => {
    const page = await browser.newPage();
    await signIn(page, DEMO.viewer.email, DEMO.viewer.password);
    await page.goto(appUrl('/issues'));

    await page.keyboard.press('Control+k');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('shell-search-input');
    await page.keyboard.type('shocked');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/search' && url.searchParams.get('q') === 'shocked');
    const assessments = page.getByRole('region', { name: /Assessments/ });
    await expect.poll(() => assessments.textContent()).toContain('The Russian-brokered agreement likely shocked Ankara.');
    expect(await assessments.locator('mark').allTextContents()).toContain('shocked');

    // "/" focuses the box too (not while typing in a field), "Pashinian" finds Nikol Pashinyan.
    await page.locator('body').click();
    await page.keyboard.press('/');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('shell-search-input');
    await page.keyboard.type('Pashinian');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('q') === 'Pashinian');
    const actors = page.getByRole('region', { name: /Actors/ });
    await expect.poll(() => actors.getByRole('link').allTextContents()).toContain('Nikol Pashinyan');
    await actors.getByRole('link', { name: 'Nikol Pashinyan' }).click();
    await page.waitForURL(/\/actors\/[0-9a-f-]{36}$/);
    await page.close();
  });
});
