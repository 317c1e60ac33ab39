// Export what you see: charts download as PNG and SVG that carry their title, filters, legend and the
// date; the issue brief gathers one issue for print and prints as a clean report.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appUrl, chromiumAvailable, DEMO, launchBrowser, signIn } from './browser';
import { openIssue } from './stance-helpers';

const FMP = 'Foreign military presence in Nagorno-Karabakh';

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 20_000 }) as Promise<Download>, click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: readFileSync(path) };
}

/** Keeps a downloaded file to look at, when E2E_SCREENSHOTS_DIR names a folder. */
function keep(name: string, bytes: Buffer) {
  const dir = process.env.E2E_SCREENSHOTS_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}/${name}`, bytes);
}

/** Width and height from a PNG's IHDR chunk (after the 8-byte signature and the chunk's length and type). */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe.skipIf(!chromiumAvailable())('chart downloads and the issue brief', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launchBrowser();
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    await signIn(page, DEMO.analyst.email, DEMO.analyst.password);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the issue chart downloads as SVG and PNG with its title, filters, legend and the date of export', async () => {
    await openIssue(page, FMP, '?agg=median');
    const figure = page.locator('#stance-over-time-figure');
    await figure.locator('svg.recharts-surface').first().waitFor();
    const today = new Date().toISOString().slice(0, 10);

    const svg = await downloaded(page, () => figure.getByRole('button', { name: 'Stance over time: download as SVG' }).click());
    expect(svg.name).toBe(`foreign-military-presence-in-nagorno-karabakh-stance-over-time-${today}.svg`);
    const text = svg.bytes.toString('utf8');
    expect(text).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(text).toContain(`<title>${FMP}: Stance over time</title>`);
    expect(text).toContain('Filters: Median.');
    expect(text).toMatch(/Exported \d{1,2} \w{3} \d{4}, \d\d:\d\d UTC from Stanceboard, \/issues\/[0-9a-f-]{36}\?agg=median/);
    // The legend names the drawn actors, each with its colour.
    expect(await figure.locator('.chart-legend-series li').count()).toBe(4);
    for (const actor of ['Armenia', 'Azerbaijan', 'Russia', 'Turkey']) expect(text).toMatch(new RegExp(`stroke-width="3"/><text [^>]+>${actor} \\d+ readings?</text>`));
    // The drawing itself: the lines, with styles written onto them (no stylesheet travels with the file).
    expect(text).toContain('stroke:');
    expect(text).not.toContain('var(--');
    expect((text.match(/<path /g) ?? []).length).toBeGreaterThan(10);

    const png = await downloaded(page, () => figure.getByRole('button', { name: 'Stance over time: download as PNG' }).click());
    expect(png.name).toBe(`foreign-military-presence-in-nagorno-karabakh-stance-over-time-${today}.png`);
    const size = pngSize(png.bytes);
    // Drawn at twice the size of the SVG (sharp on paper and on high-density screens).
    const svgWidth = Number(/width="(\d+)"/.exec(text)![1]);
    expect(size.width).toBe(svgWidth * 2);
    expect(size.height).toBeGreaterThan(600);
    expect(png.bytes.length).toBeGreaterThan(20_000);
    keep('issue-chart-export.png', png.bytes);
    keep('issue-chart-export.svg', svg.bytes);
  });

  it('a chart drawn in HTML (the dashboard dot plots) exports its rows and markers', async () => {
    await page.goto(appUrl('/'));
    const figure = page.locator('#spread-figure');
    await figure.locator('.dotplot').first().waitFor();
    const svg = await downloaded(page, () => figure.getByRole('button', { name: 'Where each actor stands now: download as SVG' }).click());
    const text = svg.bytes.toString('utf8');
    keep('dashboard-spread-export.svg', svg.bytes);
    keep('dashboard-spread-export.png', (await downloaded(page, () => figure.getByRole('button', { name: 'Where each actor stands now: download as PNG' }).click())).bytes);
    expect(text).toContain('<title>Dashboard: Where each actor stands now</title>');
    for (const word of ['Foreign', 'Turkey', 'Russia']) expect(text).toContain(`>${word}</text>`);
    // Each actor's marker is an inlined SVG shape.
    expect((text.match(/<path /g) ?? []).length).toBeGreaterThanOrEqual(await figure.locator('.dotplot-dot').count());
  });

  it('the issue brief gathers where each actor stands, the chart, the shifts, scenarios and events, and prints without navigation', async () => {
    const issueHref = await openIssue(page, FMP);
    await page.getByRole('link', { name: 'Brief to print' }).click();
    await page.waitForURL(`**${issueHref}/brief`);
    await page.getByRole('heading', { level: 1, name: `Issue brief: ${FMP}` }).waitFor();
    for (const heading of ['Where each actor stands now', 'Stance over time', 'Largest shifts', 'Scenarios and likelihoods', 'Events']) {
      await page.getByRole('heading', { level: 2, name: heading }).waitFor();
    }
    await page.locator('#stance-over-time-figure svg.recharts-surface').first().waitFor();
    const events = await page.locator('section[aria-labelledby="brief-events"] li').allTextContents();
    expect(events.some((e) => e.includes('Trilateral statement'))).toBe(true);
    const shiftRows = await page.locator('section[aria-labelledby="brief-shifts"] tbody tr').count();
    expect(shiftRows).toBeGreaterThan(0);

    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.sidebar').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Print or save as PDF' }).isVisible()).toBe(false);
    const pdf = await page.pdf({ format: 'A4', printBackground: false });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(6);
    const dir = process.env.E2E_SCREENSHOTS_DIR;
    if (dir) {
      mkdirSync(dir, { recursive: true });
      await page.pdf({ path: `${dir}/issue-brief.pdf`, format: 'A4' });
      await page.screenshot({ path: `${dir}/issue-brief-print.png`, fullPage: true });
    }
    await page.emulateMedia({ media: 'screen' });
  });

  it('a brief of another workspace’s issue, or of no issue, is not found', async () => {
    const response = await page.goto(appUrl('/issues/00000000-0000-4000-8000-000000000000/brief'));
    expect(response?.status()).toBe(404);
    const bad = await page.goto(appUrl('/issues/not-a-uuid/brief'));
    expect(bad?.status()).toBe(404);
  });
});
