// The record list pages page by cursor links: "Next →" shows the following rows, "← Previous" the ones
// before, filters and sort stay in the address; a mangled cursor shows the first page. At 390 px the
// table scrolls inside itself and the page never scrolls sideways.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appUrl, chromiumAvailable, DEMO, launchBrowser, signIn } from './browser';

const rowLinks = (page: Page) => page.$$eval('table.data tbody tr td:first-child a', (as) => as.map((a) => a.getAttribute('href')));

describe.skipIf(!chromiumAvailable())('list pages', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launchBrowser();
    page = await (await browser.newContext()).newPage();
    await signIn(page, DEMO.viewer.email, DEMO.viewer.password);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('pages forward and back with cursor links, keeping the sort and filters', async () => {
    await page.goto(appUrl('/assessments?sort=position&dir=asc'));
    const first = await rowLinks(page);
    expect(first.length).toBe(25);
    await page.click('nav.pager >> text=Next →');
    await page.waitForURL(/cursor=/);
    const url = new URL(page.url());
    expect(url.searchParams.get('sort')).toBe('position');
    expect(url.searchParams.get('dir')).toBe('asc');
    const second = await rowLinks(page);
    expect(second.length).toBeGreaterThan(0);
    expect(second.filter((href) => first.includes(href))).toEqual([]);
    await page.click('nav.pager >> text=← Previous');
    await page.waitForURL((u) => u.href !== url.href);
    expect(await rowLinks(page)).toEqual(first);
    expect(await page.$('nav.pager >> text=← Previous')).toBeNull();

    await page.goto(appUrl('/assessments?sort=position&dir=asc&cursor=garbage'));
    expect(await rowLinks(page)).toEqual(first);
  });

  for (const path of ['/actors', '/issues', '/sources', '/interests', '/assessments', '/scenarios']) {
    it(`at 390 px ${path} scrolls its table inside itself, not the page`, async () => {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(appUrl(path));
      const sizes = await page.evaluate(() => {
        const table = document.querySelector('table.data') as HTMLElement;
        return { page: document.documentElement.scrollWidth, view: window.innerWidth, tableOverflow: getComputedStyle(table).overflowX, tableWidth: table.clientWidth };
      });
      expect(sizes.page).toBeLessThanOrEqual(sizes.view);
      expect(sizes.tableOverflow).toBe('auto');
      expect(sizes.tableWidth).toBeLessThanOrEqual(sizes.view);
      await page.setViewportSize({ width: 1280, height: 900 });
    });
  }
});
