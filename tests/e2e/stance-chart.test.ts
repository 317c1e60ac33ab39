import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAssessments, demoIssues } from '@/lib/demo/karabakh';
import { appUrl, chromiumAvailable, DEMO, launchBrowser, signIn } from './browser';
import { expectIssueTableHasReading, openIssue, readingsTable } from './stance-helpers';

const FMP = demoIssues.find((i) => i.key === 'foreign-military-presence')!;
const readingsOn = (actorKey: string) => demoAssessments.filter((a) => a.issueKey === FMP.key && a.actorKey === actorKey);

describe.skipIf(!chromiumAvailable())('the stance chart in a real browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the demo analyst the Karabakh foreign-presence issue as a chart with lines for Russia and Turkey, readable as a table', async () => {
    const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
    await signIn(page, DEMO.analyst.email, DEMO.analyst.password);
    const href = await openIssue(page, FMP.title);

    // The chart: an svg with one line per actor.
    const chart = page.locator('.stance-chart').first();
    await chart.locator('svg.recharts-surface').waitFor();
    for (const actor of ['Russia', 'Turkey']) {
      const line = chart.locator(`path.recharts-line-curve[name="${actor}: Mean"]`);
      await line.waitFor();
      expect(await line.getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+L/); // at least two points joined
    }
    expect(await chart.getByRole('list', { name: 'Actors' }).textContent()).toContain('Russia');

    // Every demo reading of Russia and Turkey is in the table view, with its quote.
    const rows = await readingsTable(page);
    for (const actor of ['russia', 'turkey']) {
      for (const a of readingsOn(actor)) {
        expect(rows.some((r) => r.quote === a.quote && Number(r.position) === a.position)).toBe(true);
      }
    }
    expect(rows.filter((r) => r.actor === 'Turkey')).toHaveLength(readingsOn('turkey').length);

    // Keyboard: focus the chart and step to a reading; its source and quote are announced.
    await chart.focus();
    await page.keyboard.press('ArrowRight');
    const tooltip = chart.locator('.chart-tooltip');
    await expect.poll(() => tooltip.isVisible()).toBe(true);
    expect(await tooltip.textContent()).toMatch(/Source.*Analyst.*Confidence.*Reliability/);

    // The CSV export of the same view is a download with the readings, formulas neutralised.
    const csv = await page.request.get(appUrl(`/api/stance${href}/export?table=readings`));
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toContain('text/csv');
    expect(await csv.text()).toContain(readingsOn('turkey')[0]!.quote.slice(0, 40));
    await page.close();
  });

  it('keeps the filters in the URL: only Turkey, as a weighted median by week', async () => {
    const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
    await signIn(page, DEMO.viewer.email, DEMO.viewer.password);
    await openIssue(page, FMP.title);
    await page.locator('details', { has: page.locator('summary', { hasText: 'Filters' }) }).locator('summary').click();
    await page.getByRole('checkbox', { name: 'Turkey' }).check();
    await page.getByLabel('Line shows').selectOption('median');
    await page.getByRole('checkbox', { name: 'Weighted' }).check();
    await page.getByLabel('Group by').selectOption('week');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL((url) => url.searchParams.get('agg') === 'median');
    const url = new URL(page.url());
    expect(url.searchParams.getAll('actor')).toHaveLength(1);
    expect(url.searchParams.get('weighted')).toBe('1');
    expect(url.searchParams.get('bucket')).toBe('week');
    const chart = page.locator('.stance-chart').first();
    await chart.locator('path.recharts-line-curve[name="Turkey: Weighted median"]').waitFor();
    await expect.poll(() => chart.locator('path.recharts-line-curve').count()).toBe(1);
    // A viewer reads but does not record.
    expect(await page.getByRole('link', { name: 'Record an assessment' }).count()).toBe(0);
    await page.close();
  });

  it('finds a demo reading through the reusable table helper', async () => {
    const page = await browser.newPage();
    await signIn(page, DEMO.analyst.email, DEMO.analyst.password);
    const gabuev = readingsOn('russia').find((a) => a.quote.startsWith('Russia has put its 2,000 peacekeepers'))!;
    await expectIssueTableHasReading(page, FMP.title, gabuev.quote, { actor: 'Russia', position: gabuev.position });
    await page.close();
  });
});

if (!chromiumAvailable()) {
  if (process.env.CI) throw new Error('Chromium is required for the browser tests in CI (apt-get install -y chromium)');
  console.warn('Browser tests skipped: /usr/bin/chromium not found (apt-get install -y chromium)');
}
