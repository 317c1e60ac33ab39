/**
 * Screenshots of the stance dashboard for the README: `npx tsx scripts/screenshots.ts` (or `npm run screenshots`).
 *
 * Needs a running app with the Karabakh demo (`npm run dev`) at $BASE_URL (default http://localhost:3000),
 * and Debian's Chromium (/usr/bin/chromium, or CHROMIUM_PATH). Signs in as the demo analyst and saves
 * docs/screenshots/issue-page.png, dashboard.png and actor-page.png (OUT_DIR to change).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../tests/e2e/browser';

const BASE_URL = (process.env.BASE_URL ?? 'http://localhost:3000').replace(/\/$/, '');
const OUT_DIR = path.resolve(import.meta.dirname, '..', process.env.OUT_DIR ?? 'docs/screenshots');
const ISSUE = 'Foreign military presence in Nagorno-Karabakh';
const ACTOR = 'Turkey';
const TIMEOUT = 120_000;

async function hrefOf(page: Page, listPath: string, name: string): Promise<string> {
  await page.goto(`${BASE_URL}${listPath}`, { timeout: TIMEOUT });
  const href = await page.getByRole('link', { name, exact: true }).first().getAttribute('href', { timeout: TIMEOUT });
  if (!href) throw new Error(`No link "${name}" on ${listPath}: is the demo loaded?`);
  return href;
}

async function settle(page: Page, selector?: string) {
  await page.waitForLoadState('networkidle', { timeout: TIMEOUT });
  // The development server's floating indicator is not part of the app.
  await page.addStyleTag({ content: 'nextjs-portal { display: none !important; }' });
  if (selector) await page.locator(selector).first().waitFor({ timeout: TIMEOUT });
  await page.waitForTimeout(500);
}

async function main() {
  mkdirSync(OUT_DIR, { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1360, height: 900 }, deviceScaleFactor: 1 });
    page.setDefaultTimeout(TIMEOUT);
    await page.goto(`${BASE_URL}/sign-in`, { timeout: TIMEOUT });
    await page.getByLabel('Email').fill('analyst@demo.stanceboard.local');
    await page.getByLabel('Password').fill('demo-analyst-2020');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'), { timeout: TIMEOUT });

    // Issue page with the 9 November 2020 agreement marked. No tooltip open: it would hide the shift.
    const issue = await hrefOf(page, '/issues', ISSUE);
    await page.goto(`${BASE_URL}${issue}?mark=2020-11-09`, { timeout: TIMEOUT });
    await settle(page, '.stance-chart path.recharts-line-curve');
    await page.mouse.move(0, 0);
    await page.screenshot({ path: path.join(OUT_DIR, 'issue-page.png'), fullPage: true, clip: await shotArea(page, '.breadcrumbs', '.compare-links') });

    await page.goto(`${BASE_URL}/`, { timeout: TIMEOUT });
    await settle(page, '.dotplot');
    await page.screenshot({ path: path.join(OUT_DIR, 'dashboard.png'), fullPage: true });

    const actor = await hrefOf(page, '/actors', ACTOR);
    await page.goto(`${BASE_URL}${actor}`, { timeout: TIMEOUT });
    await settle(page, '.small-multiples path.recharts-line-curve');
    await page.screenshot({ path: path.join(OUT_DIR, 'actor-page.png'), fullPage: true });
    console.log(`Saved issue-page.png, dashboard.png and actor-page.png in ${path.relative(process.cwd(), OUT_DIR) || OUT_DIR}`);
  } finally {
    await browser.close();
  }
}

/** The page region from the top of `from` to the bottom of `to` (full width of the main column). */
async function shotArea(page: Page, from: string, to: string) {
  const top = await page.locator(from).first().boundingBox();
  const bottom = await page.locator(to).first().boundingBox();
  const main = await page.locator('main, .main').first().boundingBox();
  if (!top || !bottom || !main) return undefined;
  await page.evaluate(() => window.scrollTo(0, 0));
  const t = await page.locator(from).first().boundingBox();
  const b = await page.locator(to).first().boundingBox();
  const y = Math.max(0, (t?.y ?? top.y) - 12);
  return { x: main.x, y, width: main.width, height: (b?.y ?? bottom.y) + (b?.height ?? bottom.height) + 6 - y };
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  console.error(`Is the app running at ${BASE_URL} with the demo loaded? Start it with \`npm run dev\`, or set BASE_URL.`);
  process.exit(1);
});
