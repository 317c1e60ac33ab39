// The demo analyst resolves the demo scenario "Turkey doubles down" with the position the issue
// reached, in a real browser: the scenario page leads with the headline forecast, then shows each
// model's error against the outcome, and the track-record page counts the new resolution.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appUrl, chromiumAvailable, DEMO, launchBrowser, signIn } from './browser';

const SCENARIO = 'Turkey doubles down';
const REACHED = 90;
const ISSUE = 'Territorial control of Nagorno-Karabakh and surrounding districts';
const ISSUE_REACHED = 70;

async function modelRow(page: Page, model: string) {
  const row = page.getByRole('table', { name: 'Each model’s record on this workspace’s resolved scenarios and issues' }).locator(`tr[data-key="${model}"]`);
  const cells = (await row.locator('td').allTextContents()).map((t) => t.trim());
  return { mae: cells[1], coverage: cells[2], count: Number(cells[3]) };
}

describe.skipIf(!chromiumAvailable())('track record in a real browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('resolves a demo scenario with the position reached, shows each model’s error, and the track record counts it', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('dialog', (d) => void d.accept());
    await signIn(page, DEMO.analyst.email, DEMO.analyst.password);

    await page.goto(appUrl('/scenarios/track-record'));
    const before = await modelRow(page, 'weighted-mean');
    expect(await page.getByRole('table', { name: /^Backtest: EC emission standards/ }).count()).toBe(1);

    await page.goto(appUrl('/scenarios'));
    await page.getByRole('link', { name: SCENARIO, exact: true }).click();
    await page.waitForURL(/\/scenarios\/[0-9a-f-]{36}$/);

    // The headline forecast comes first, names its model and its interval.
    const headings = (await page.getByRole('heading', { level: 2 }).allTextContents()).map((t) => t.trim());
    expect(headings[0]).toBe('Headline forecast');
    const headline = Number(await page.getByTestId('headline-forecast').textContent());
    expect(Number.isFinite(headline)).toBe(true);
    expect(await page.getByRole('region', { name: 'Headline forecast', exact: true }).textContent()).toContain('Compromise model (capability × salience weighted mean)');
    // The tornado lists the inputs that move the headline most, largest first.
    const tornado = page.getByRole('table', { name: /^How far the headline forecast moves when one input moves 10 points/ });
    expect(await tornado.locator('tbody tr').count()).toBeGreaterThan(0);
    const [p10, p90] = (await page.getByTestId('headline-interval').textContent())!.split('–').map(Number);
    expect(p10).toBeLessThanOrEqual(headline);
    expect(p90).toBeGreaterThanOrEqual(headline);

    // Why it moved: after a run, the bargain behind an actor's move in a round.
    await page.getByRole('button', { name: 'Run the model' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Done:' }).count(), { timeout: 60_000 }).toBe(1);
    await page.locator('#bargain-actor').selectOption({ label: 'Turkey' });
    await page.locator('#bargain-round').selectOption('1');
    expect(await page.getByTestId('bargain-summary').textContent()).toMatch(/^Round 1: Turkey (moved from [\d.]+ to [\d.]+, accepting .+’s (confrontation|compromise|capitulation) offer\.|stayed at [\d.]+: no actor made it an offer\.)$/);

    // A position outside the scale is refused on its field, keeping what was typed.
    await page.getByLabel('Did not happen').check();
    await page.getByLabel('Position the issue reached (0-100, optional)').fill('140');
    await page.getByRole('button', { name: 'Resolve scenario' }).click();
    await expect.poll(() => page.locator('#field-outcomePosition-error').textContent()).toContain('Position reached must be between 0 and 100');

    await page.getByLabel('Did not happen').check();
    await page.getByLabel('Position the issue reached (0-100, optional)').fill(String(REACHED));
    await page.getByRole('button', { name: 'Resolve scenario' }).click();
    await expect.poll(() => page.getByTestId('outcome-position').textContent()).toBe(REACHED.toFixed(1));

    const scores = page.getByRole('table', { name: 'Each model’s forecast against the position reached' });
    const models = await scores.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-model')));
    expect(models).toEqual(['weighted-mean', 'bargaining', 'nash', 'pce', 'weighted-median']);
    for (const model of models) {
      const cells = (await scores.locator(`tr[data-model="${model}"] td`).allTextContents()).map((t) => t.trim());
      const forecast = Number(cells[1]);
      expect(Number(cells[3])).toBe(REACHED);
      // the error shown is the forecast minus the position reached (rounded to one decimal)
      expect(Number(cells[4]!.replace('−', '-'))).toBeCloseTo(forecast - REACHED, 0);
    }
    const meanCells = (await scores.locator('tr[data-model="weighted-mean"] td').allTextContents()).map((t) => t.trim());
    expect(Number(meanCells[1])).toBeCloseTo(headline, 5);

    await page.goto(appUrl('/scenarios/track-record'));
    const after = await modelRow(page, 'weighted-mean');
    expect(after.count).toBe(before.count + 1);
    if (before.count === 0) expect(Number(after.mae)).toBeCloseTo(Math.abs(headline - REACHED), 0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('resolves an issue with the position reached from its page: each model’s error is shown and the track record counts it', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('dialog', (d) => void d.accept());
    await signIn(page, DEMO.analyst.email, DEMO.analyst.password);

    await page.goto(appUrl('/scenarios/track-record'));
    const before = await modelRow(page, 'weighted-mean');

    await page.goto(appUrl('/issues'));
    await page.getByRole('link', { name: ISSUE, exact: true }).click();
    await page.waitForURL(/\/issues\/[0-9a-f-]{36}$/);
    const outcome = page.getByRole('region', { name: 'Outcome' });
    await outcome.getByLabel('Position the issue reached (0-100)').fill('140');
    await outcome.getByRole('button', { name: 'Resolve issue' }).click();
    await expect.poll(() => page.locator('#field-outcomePosition-error').textContent()).toContain('Position reached must be between 0 and 100');

    await outcome.getByLabel('Position the issue reached (0-100)').fill(String(ISSUE_REACHED));
    await outcome.getByRole('button', { name: 'Resolve issue' }).click();
    await expect.poll(() => page.getByTestId('issue-outcome-position').textContent()).toBe(ISSUE_REACHED.toFixed(1));
    const scores = page.getByRole('table', { name: 'Each model’s forecast against the position reached' });
    const models = await scores.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-model')));
    expect(models).toEqual(['weighted-mean', 'bargaining', 'nash', 'pce', 'weighted-median']);
    expect(await outcome.getByRole('button', { name: 'Resolve issue' }).count()).toBe(0);

    await page.goto(appUrl('/scenarios/track-record'));
    expect((await modelRow(page, 'weighted-mean')).count).toBe(before.count + 1);
    expect(errors).toEqual([]);
    await page.close();
  });
});
