// The demo analyst builds a scenario from the demo data in a real browser, runs the model (in a Web
// Worker) and sees the forecast move away from the baseline; the numbers shown are checked against
// the model library run on the same database. Then a likelihood estimate, cancelling a long run,
// and what a viewer sees.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildContext } from '@/lib/auth/context';
import { db, disconnectDb } from '@/lib/db';
import { resetEnvCache } from '@/lib/env';
import { simulateBargaining, weightedMean, weightedMedian } from '@/lib/decision-models';
import { composeBaseline, composeScenario } from '@/lib/scenarios/inputs';
import { scenarioBaseline } from '@/lib/scenarios/queries';
import { appUrl, chromiumAvailable, DEMO, launchBrowser, signIn } from './browser';

const ISSUE = 'Foreign military presence in Nagorno-Karabakh';
const AS_OF = '2020-11-15';
const TURKEY_CAPABILITY = 100;

/** The forecasts the library gives on the seeded demo data: baseline, and with Turkey's capability overridden. */
async function expectedForecasts() {
  process.env.DATABASE_URL = inject('appDatabaseUrl');
  resetEnvCache();
  try {
    const user = await db().user.findFirstOrThrow({ where: { email: DEMO.analyst.email } });
    const ctx = (await buildContext(user.id, null, { kind: 'session', sessionId: 'e2e' }))!;
    const issue = await db().issue.findFirstOrThrow({ where: { workspaceId: ctx.workspaceId, title: ISSUE } });
    const baseline = await scenarioBaseline(ctx, issue.id, AS_OF);
    const turkey = baseline.actors.find((a) => a.name === 'Turkey')!;
    const scenario = composeScenario(baseline.actors, [
      { actorId: turkey.actorId, name: 'Turkey', position: null, salience: null, capability: TURKEY_CAPABILITY, excluded: false },
    ]).model;
    const base = composeBaseline(baseline.actors).model;
    const forecasts = (model: typeof base) => ({
      mean: weightedMean(model).toFixed(1),
      median: weightedMedian(model).toFixed(1),
      bargaining: simulateBargaining(model).forecast.toFixed(1),
    });
    // The page shows the change of the unrounded forecasts, rounded once (not the difference of two rounded numbers).
    const meanChange = (weightedMean(scenario) - weightedMean(base)).toFixed(1).replace('-', '−');
    return { baseline: forecasts(base), scenario: forecasts(scenario), meanChange, turkeyCapability: turkey.capability.toFixed(1) };
  } finally {
    await disconnectDb();
  }
}

async function forecastCells(page: Page, row: 'mean' | 'median' | 'bargaining') {
  const tr = page.locator(`table[aria-label="Forecast: baseline and this scenario"] tr[data-forecast="${row}"]`);
  return {
    baseline: (await tr.locator('[data-cell="baseline"]').textContent())?.trim(),
    scenario: (await tr.locator('[data-cell="scenario"]').textContent())?.trim(),
    change: (await tr.locator('[data-cell="change"]').textContent())?.trim(),
  };
}

describe.skipIf(!chromiumAvailable())('scenario modelling in a real browser', () => {
  let browser: Browser;
  let scenarioUrl: string;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('builds a scenario from the demo baseline, overrides Turkey’s capability, runs it and sees the forecast move from the baseline', async () => {
    const expected = await expectedForecasts();
    // The override must matter for the test to mean anything.
    expect(expected.scenario.mean).not.toBe(expected.baseline.mean);

    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await signIn(page, DEMO.analyst.email, DEMO.analyst.password);
    await page.goto(appUrl('/scenarios'));
    await page.getByRole('link', { name: 'New scenario' }).click();
    await page.waitForURL(/\/scenarios\/new$/);
    await page.getByLabel('Issue', { exact: true }).selectOption({ label: ISSUE });
    await page.getByLabel('Baseline as of').fill(AS_OF);
    await page.getByRole('button', { name: 'Show baseline' }).click();
    await page.waitForURL(/issueId=.*asOf=2020-11-15/);

    // The baseline table shows each actor with the readings behind it.
    const turkeyCapability = page.getByLabel('Turkey: capability');
    await expect.poll(() => turkeyCapability.count()).toBe(1);
    expect(await page.locator(`#${await turkeyCapability.getAttribute('id')}-hint`).textContent()).toBe(
      `baseline ${expected.turkeyCapability}`,
    );
    await page.locator('tr', { hasText: 'Turkey' }).getByRole('button', { name: 'Show readings' }).click();
    await expect.poll(() => page.getByRole('table', { name: 'Readings behind Turkey’s baseline' }).isVisible()).toBe(true);

    // A mistake first: the error lands on Turkey's capability and the name typed is kept.
    await page.getByLabel('Name').fill('Turkey all in');
    await page.getByLabel('Assumptions').fill('Ankara commits everything it has to a role inside the enclave.');
    await turkeyCapability.fill('140');
    await page.getByRole('button', { name: 'Save scenario' }).click();
    await expect.poll(() => page.getByRole('list', { name: 'Fields to fix' }).textContent()).toContain('Turkey, capability: Capability must be between 0 and 100');
    expect(await page.getByLabel('Name').inputValue()).toBe('Turkey all in');
    expect(await turkeyCapability.inputValue()).toBe('140');

    await turkeyCapability.fill(String(TURKEY_CAPABILITY));
    await page.getByRole('button', { name: 'Save scenario' }).click();
    await page.waitForURL(/\/scenarios\/[0-9a-f-]{36}$/);
    scenarioUrl = page.url();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Turkey all in');
    const turkeyRow = page.getByRole('table', { name: 'Scenario inputs per actor' }).locator('tr[data-actor="Turkey"]');
    expect(await turkeyRow.locator('[data-field="capability"]').textContent()).toBe(`${TURKEY_CAPABILITY.toFixed(1)}was ${expected.turkeyCapability}`);

    await page.getByRole('button', { name: 'Run the model' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Done:' }).count(), { timeout: 60_000 }).toBe(1);

    const mean = await forecastCells(page, 'mean');
    const median = await forecastCells(page, 'median');
    const bargaining = await forecastCells(page, 'bargaining');
    expect({ mean: mean.baseline, median: median.baseline, bargaining: bargaining.baseline }).toEqual(expected.baseline);
    expect({ mean: mean.scenario, median: median.scenario, bargaining: bargaining.scenario }).toEqual(expected.scenario);
    expect(mean.scenario).not.toBe(mean.baseline);
    expect(mean.change).toBe(expected.meanChange);

    // The round-by-round chart and its table, and the distribution with its percentiles.
    await expect.poll(() => page.getByRole('figure', { name: 'Positions of each actor by bargaining round, with the forecast' }).locator('svg').count()).toBeGreaterThan(0);
    const stats = page.getByRole('table', { name: 'Distribution of the bargaining forecast over the draws' });
    await expect.poll(() => stats.count()).toBe(1);
    const cells = (await stats.locator('tbody td').allTextContents()).map((t) => t.trim());
    const [p05, p25, med, p75, p95] = cells.slice(0, 5).map(Number) as [number, number, number, number, number];
    expect(p05).toBeLessThanOrEqual(p25);
    expect(p25).toBeLessThanOrEqual(med);
    expect(med).toBeLessThanOrEqual(p75);
    expect(p75).toBeLessThanOrEqual(p95);
    expect(cells[6]).toBe('2,000');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('records a likelihood estimate, refusing a probability outside its ICD 203 band', async () => {
    const page = await browser.newPage();
    await signIn(page, DEMO.analyst.email, DEMO.analyst.password);
    await page.goto(scenarioUrl);
    await page.getByLabel('Likelihood', { exact: true }).selectOption('VERY_UNLIKELY');
    expect(await page.getByLabel('Probability (%)').inputValue()).toBe('12.5');
    await page.getByLabel('Probability (%)').fill('30');
    await page.getByLabel('Rationale').fill('Ankara has never said it would go this far.');
    await page.getByRole('button', { name: 'Record estimate' }).click();
    await expect.poll(() => page.locator('#field-probability-error').textContent()).toContain('“Very unlikely” means 5–20%');
    expect(await page.getByLabel('Rationale').inputValue()).toBe('Ankara has never said it would go this far.');
    await page.getByLabel('Probability (%)').fill('10');
    await page.getByRole('button', { name: 'Record estimate' }).click();
    const estimates = page.getByRole('table', { name: 'Likelihood estimates' });
    await expect.poll(() => estimates.locator('tbody tr').count()).toBe(1);
    expect(await estimates.textContent()).toContain('Very unlikely');
    expect(await estimates.textContent()).toContain('10%');
    await page.close();
  });

  it('cancels a long uncertainty run and keeps the deterministic forecast', async () => {
    const page = await browser.newPage();
    await signIn(page, DEMO.analyst.email, DEMO.analyst.password);
    await page.goto(scenarioUrl);
    await page.getByLabel('Uncertainty draws').selectOption('20000');
    await page.getByRole('button', { name: 'Run the model' }).click();
    await page.getByRole('progressbar', { name: 'Uncertainty run progress' }).waitFor();
    await page.getByRole('button', { name: 'Cancel' }).click();
    // Any of the page's live regions (the notification bell has one too) may say it.
    await expect.poll(async () => (await page.getByRole('status').allTextContents()).join(' | '), { timeout: 10_000 }).toMatch(/Cancelled after [\d,]+ of 20,000 draws/);
    await expect.poll(() => page.getByRole('table', { name: 'Forecast: baseline and this scenario' }).count()).toBe(1);
    expect(await page.getByRole('table', { name: 'Distribution of the bargaining forecast over the draws' }).count()).toBe(0);
    await page.close();
  });

  it('shows a viewer everything and no edit controls', async () => {
    const page = await browser.newPage();
    await signIn(page, DEMO.viewer.email, DEMO.viewer.password);
    await page.goto(scenarioUrl);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Turkey all in');
    await expect.poll(() => page.getByRole('table', { name: 'Likelihood estimates' }).count()).toBe(1);
    for (const name of ['Edit', 'Delete', 'Record estimate', 'Resolve scenario']) {
      expect(await page.getByRole('button', { name }).or(page.getByRole('link', { name, exact: true })).count()).toBe(0);
    }
    await page.getByRole('button', { name: 'Run the model' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Done:' }).count(), { timeout: 60_000 }).toBe(1);
    await page.goto(appUrl('/scenarios'));
    expect(await page.getByRole('link', { name: 'New scenario' }).count()).toBe(0);
    await page.close();
  });
});
