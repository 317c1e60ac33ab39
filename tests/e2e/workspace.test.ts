// The analyst's workspace around the charts: events on the timeline, keyboard shortcuts.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appUrl, chromiumAvailable, DEMO, launchBrowser, signIn } from './browser';
import { openIssue } from './stance-helpers';

const FMP = 'Foreign military presence in Nagorno-Karabakh';
const TERRITORY = 'Territorial control of Nagorno-Karabakh and surrounding districts';

/** The labels of the event lines drawn in the issue page's stance chart. */
const eventLabels = (page: Page) => page.locator('.stance-chart .chart-event-label').allTextContents();

describe.skipIf(!chromiumAvailable())('the analyst’s workspace in a real browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('an event recorded on one issue appears on that issue’s chart only, beside the demo’s workspace events, and the legend hides them', async () => {
    const page = await browser.newPage();
    await signIn(page, DEMO.analyst.email, DEMO.analyst.password);
    await openIssue(page, FMP);
    await expect.poll(() => eventLabels(page)).toContain('Trilateral statement');

    await page.getByRole('link', { name: 'Record an event' }).click();
    await page.waitForURL(/\/events\/new\?issue=/);
    expect(await page.getByLabel(FMP).isChecked()).toBe(true);
    expect(await page.getByLabel(TERRITORY).isChecked()).toBe(false);
    await page.getByRole('button', { name: 'Record event' }).click();
    // Nothing filled in: the errors name the fields and the issue stays chosen.
    await expect.poll(() => page.locator('#field-title-error').textContent()).toContain('Title is required');
    expect(await page.locator('#field-occurredOn-error').textContent()).toContain('Date is required');
    expect(await page.getByLabel(FMP).isChecked()).toBe(true);

    await page.getByLabel('Date').fill('2020-11-08');
    await page.getByLabel('Title').fill('Shusha taken');
    await page.getByRole('button', { name: 'Record event' }).click();
    await page.waitForURL((url) => url.pathname === '/events');
    await expect.poll(() => page.getByRole('row', { name: /Shusha taken/ }).textContent()).toContain(FMP);

    await openIssue(page, FMP);
    await expect.poll(() => eventLabels(page)).toContain('Shusha taken');
    expect(await eventLabels(page)).toContain('Trilateral statement');
    const toggle = page.locator('.stance-chart .event-toggle input');
    const label = page.locator('.stance-chart .chart-event-label', { hasText: 'Shusha taken' });
    await toggle.uncheck();
    expect(await label.isVisible()).toBe(false);
    expect(await page.locator('.stance-chart .chart-event').first().isVisible()).toBe(false);
    await toggle.check();
    expect(await label.isVisible()).toBe(true);

    await openIssue(page, TERRITORY);
    await expect.poll(() => eventLabels(page)).toContain('Trilateral statement');
    expect(await eventLabels(page)).not.toContain('Shusha taken');
    await page.close();
  });

  it('keyboard shortcuts: n opens the new-assessment form, g i the issues, ? lists them; none fire while typing', async () => {
    const page = await browser.newPage();
    await signIn(page, DEMO.analyst.email, DEMO.analyst.password);
    await page.goto(appUrl('/'));
    await page.locator('h1').first().waitFor();

    // Typing "n" in the search box types an n.
    await page.locator('#shell-search-input').fill('');
    await page.locator('#shell-search-input').press('n');
    expect(await page.locator('#shell-search-input').inputValue()).toBe('n');
    expect(new URL(page.url()).pathname).toBe('/');
    await page.locator('#shell-search-input').blur();

    await page.keyboard.press('n');
    await page.waitForURL((url) => url.pathname === '/assessments/new');
    await page.getByRole('button', { name: 'Save assessment' }).waitFor();

    await page.locator('h1').first().click();
    await page.keyboard.press('g');
    await page.keyboard.press('i');
    await page.waitForURL((url) => url.pathname === '/issues');

    await page.locator('h1').first().click();
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('New assessment');
    await page.close();
  });
});
