import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appUrl, chromiumAvailable, DEMO, launchBrowser, signIn } from './browser';
import { openIssue, readingsTable } from './stance-helpers';

describe.skipIf(!chromiumAvailable())('recording an assessment in a real browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('records through the form, recovers from a validation error without losing input, then edits and sees the revision', async () => {
    const page = await browser.newPage();
    await signIn(page, DEMO.analyst.email, DEMO.analyst.password);
    await page.goto(appUrl('/assessments/new'));

    const quote = 'Turkey maintains some role, but it is clearly secondary to Russia’s';
    await page.getByLabel('Actor').selectOption({ label: 'Turkey' });
    await page.getByLabel('Issue', { exact: true }).selectOption({ label: 'Foreign military presence in Nagorno-Karabakh' });
    await page.getByLabel('Source', { exact: true }).selectOption({ index: 1 });
    await page.getByLabel('Position', { exact: true }).fill('140');
    await page.getByLabel('Salience', { exact: true }).fill('60');
    await page.getByLabel('Moderate').check();
    await page.getByLabel('Credibility').selectOption('2');
    await page.getByLabel('Stance date').fill('2020-11-20');
    await page.getByLabel('Quote').fill(quote);
    await page.getByLabel('Rationale').fill('Secondary role accepted: closer to Russian-led.');
    await page.getByRole('button', { name: 'Save assessment' }).click();

    await expect.poll(() => page.locator('#field-position-error').textContent()).toContain('Position must be between 0 and 100');
    // Nothing typed was lost.
    expect(await page.getByLabel('Quote').inputValue()).toBe(quote);
    expect(await page.getByLabel('Stance date').inputValue()).toBe('2020-11-20');
    expect(await page.getByLabel('Salience', { exact: true }).inputValue()).toBe('60');

    await page.getByLabel('Position', { exact: true }).fill('72');
    await page.getByRole('button', { name: 'Save assessment' }).click();
    await page.waitForURL(/\/assessments\/[0-9a-f-]{36}$/);
    const detailUrl = page.url();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Turkey');

    await page.goto(appUrl('/assessments?q=clearly+secondary'));
    const row = page.locator('table.data tbody tr', { hasText: '20 Nov 2020' });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('72');

    await page.goto(`${detailUrl}/edit`);
    await page.getByLabel('Position', { exact: true }).fill('75');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.waitForURL(detailUrl);
    const history = page.getByRole('table', { name: 'Revision history' });
    await expect.poll(() => history.textContent()).toContain('Position: 72 → 75');
    expect(await history.textContent()).toContain('Demo Analyst');

    // The new reading is on the issue's chart data and in its table view, at its edited position.
    await openIssue(page, 'Foreign military presence in Nagorno-Karabakh');
    // The demo already has this quote from Eurasia Group (at 85); ours is the one at 75 on 20 Nov 2020.
    const withQuote = (await readingsTable(page)).filter((r) => r.quote === quote);
    expect(withQuote.map((r) => [r.date, r.actor, Number(r.position), r.analyst])).toContainEqual(['20 Nov 2020', 'Turkey', 75, 'Demo Analyst']);
    await expect.poll(() => page.locator('svg .recharts-line, svg path.recharts-curve').count()).toBeGreaterThan(0);
    await page.close();
  });
});
