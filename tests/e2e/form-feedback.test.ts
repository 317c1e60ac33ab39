// Errors a person can act on: one message per field, a summary that takes focus and links to each field,
// and a visible confirmation once saved. Blank numbers are refused, not saved as 0.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appUrl, chromiumAvailable, DEMO, launchBrowser, signIn } from './browser';

describe.skipIf(!chromiumAvailable())('form feedback', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('refuses a blank form with one message per field and a focused summary linking to each field, then confirms the save', async () => {
    const page = await browser.newPage();
    await signIn(page, DEMO.analyst.email, DEMO.analyst.password);
    await page.goto(appUrl('/assessments/new'));
    await page.waitForLoadState('networkidle');
    await page.getByRole('button', { name: 'Save assessment' }).click();

    const summary = page.locator('.error-summary');
    await summary.waitFor();
    await expect.poll(() => summary.evaluate((el) => el === document.activeElement)).toBe(true);
    // Blank numbers are "required", never stored as 0.
    expect(await page.locator('#field-position-error').textContent()).toBe('Position is required');
    expect(await page.locator('#field-salience-error').textContent()).toBe('Salience is required');
    expect(await page.locator('#field-capability-error').textContent()).toBe('');
    // One message for a blank date, not three.
    expect(await page.locator('#field-stanceDate-error > div').count()).toBe(1);
    // The summary's link takes the user to the field.
    await summary.getByRole('link', { name: 'Stance date is required' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('field-stanceDate');

    await page.getByLabel('Actor').selectOption({ label: 'Armenia' });
    await page.getByLabel('Issue', { exact: true }).selectOption({ label: 'Foreign military presence in Nagorno-Karabakh' });
    await page.getByLabel('Source', { exact: true }).selectOption({ index: 1 });
    await page.getByLabel('Position', { exact: true }).fill('88');
    await page.getByLabel('Salience', { exact: true }).fill('90');
    await page.getByLabel('Low').check();
    await page.getByLabel('Credibility').selectOption('4');
    await page.getByLabel('Stance date').fill('2020-11-12');
    await page.getByLabel('Quote').fill('Yerevan accepts Russian peacekeepers as the only guarantee.');
    await page.getByRole('button', { name: 'Save assessment' }).click();
    await page.waitForURL(/\/assessments\/[0-9a-f-]{36}/);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Assessment saved.' }).count()).toBe(1);
    // The confirmation is said once: the flag leaves the address, so a reload does not repeat it.
    await expect.poll(() => new URL(page.url()).searchParams.has('saved')).toBe(false);
    await page.reload();
    expect(await page.getByText('Assessment saved.').count()).toBe(0);
    await page.close();
  });
});
