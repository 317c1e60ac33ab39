// Anchor labels of a position scale never print over each other: on the dashboard, the actor page, the
// issue page and the assessment form, at phone, tablet and desktop widths. Every number or label
// drawn on one axis is measured in the browser and compared with its neighbours.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appUrl, chromiumAvailable, DEMO, launchBrowser, signIn } from './browser';

const WIDTHS = [390, 768, 1440];
const SCREENSHOTS = process.env.E2E_SCREENSHOT_DIR;

/** Pairs of labels on the same axis whose boxes overlap, as "text / text". */
async function collisions(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const axes = document.querySelectorAll('.dotplot-axis-track, .scale-input-axis, .scale-key');
    for (const axis of axes) {
      const labels = [...axis.querySelectorAll('.dotplot-anchor, .scale-number, li')].map((el) => ({ text: el.textContent ?? '', box: el.getBoundingClientRect() }));
      for (let i = 0; i < labels.length; i++) {
        for (let j = i + 1; j < labels.length; j++) {
          const a = labels[i]!.box;
          const b = labels[j]!.box;
          const overlap = a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
          if (overlap) out.push(`${labels[i]!.text} / ${labels[j]!.text}`);
        }
      }
    }
    return out;
  });
}

describe.skipIf(!chromiumAvailable())('scale labels never collide', () => {
  let browser: Browser;
  let context: BrowserContext;
  let pages: { name: string; path: string }[];
  beforeAll(async () => {
    browser = await launchBrowser();
    context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, DEMO.analyst.email, DEMO.analyst.password);
    await page.goto(appUrl('/actors?q=Turkey'));
    const actorHref = await page.getByRole('link', { name: 'Turkey', exact: true }).first().getAttribute('href');
    await page.goto(appUrl('/issues'));
    const issueHref = await page.getByRole('link', { name: 'Foreign military presence in Nagorno-Karabakh', exact: true }).first().getAttribute('href');
    const issueId = issueHref!.split('/').pop();
    pages = [
      { name: 'dashboard', path: '/' },
      { name: 'actor', path: actorHref! },
      { name: 'assessment-form', path: `/assessments/new?issueId=${issueId}` },
      { name: 'issue', path: issueHref! },
    ];
    await page.close();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('keeps every anchor label and number apart at 390, 768 and 1440 px', async () => {
    const problems: string[] = [];
    for (const width of WIDTHS) {
      const sized = await browser.newContext({ viewport: { width, height: 900 }, storageState: await context.storageState() });
      const page = await sized.newPage();
      for (const { name, path } of pages) {
        await page.goto(appUrl(path));
        await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
        if (name === 'assessment-form') await page.getByLabel('Position', { exact: true }).fill('20');
        const axes = await page.locator('.dotplot-axis-track, .scale-input-axis, .scale-key').count();
        if (axes === 0) problems.push(`${name} at ${width}px: no scale drawn`);
        for (const c of await collisions(page)) problems.push(`${name} at ${width}px: ${c}`);
        if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/${name}-${width}.png`, fullPage: true });
      }
      await sized.close();
    }
    expect(problems).toEqual([]);
  }, 300_000);
});
