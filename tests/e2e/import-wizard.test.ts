// The import wizard in a real browser: a file with a bad row is checked (nothing written, the problem
// listed and downloadable as CSV), then the fixed file is imported with its new actor, issue and source.
// The records it creates are removed afterwards, so the other browser tests see the demo data unchanged.
import { readFileSync } from 'node:fs';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appSql, appUrl, chromiumAvailable, DEMO, launchBrowser, signIn } from './browser';

const ACTOR = 'Wizard test actor';
const ISSUE = 'Wizard test issue';
const SOURCE = 'Wizard test source';
const HEADER = 'actor,issue,source,position,salience,capability,confidence,credibility,stance_date,quote,rationale,actor_kind,source_outlet,source_published,issue_anchors';
const line = (position: string, quote: string) => `${ACTOR},${ISSUE},${SOURCE},${position},60,,moderate,2,2020-11-10,${quote},,STATE,Wizard Daily,2020-11-09,0=None|100=All`;

async function choose(page: Page, name: string, csv: string) {
  await page.getByLabel('CSV or JSON file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
}

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 20_000 }) as Promise<Download>, click()]);
  return { name: download.suggestedFilename(), text: readFileSync(await download.path()).toString('utf8') };
}

const countAssessments = async () => Number((await appSql<{ n: string }>(`SELECT count(*) AS n FROM "Assessment" a JOIN "Actor" x ON x.id = a."actorId" WHERE x.name = $1`, [ACTOR]))[0]!.n);

describe.skipIf(!chromiumAvailable())('the import wizard', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await appSql(`DELETE FROM "Assessment" WHERE "actorId" IN (SELECT id FROM "Actor" WHERE name = $1)`, [ACTOR]);
    await appSql(`DELETE FROM "Actor" WHERE name = $1`, [ACTOR]);
    await appSql(`DELETE FROM "Issue" WHERE title = $1`, [ISSUE]);
    await appSql(`DELETE FROM "Source" WHERE title = $1`, [SOURCE]);
  });

  it('checks a file without writing, lists and downloads its problems, then imports the fixed file', async () => {
    const page = await browser.newPage({ viewport: { width: 1360, height: 900 }, acceptDownloads: true });
    await signIn(page, DEMO.analyst.email, DEMO.analyst.password);
    await page.goto(appUrl('/import'));

    const template = await downloaded(page, () => page.getByRole('button', { name: 'Download a template' }).click());
    expect(template.name).toBe('stanceboard-assessments-template.csv');
    expect(template.text.startsWith('\uFEFFactor,issue,source,position,')).toBe(true);
    expect(template.text).toContain('\r\nRussia,Foreign military presence in Nagorno-Karabakh,');

    await page.getByLabel(/Create missing actors, issues and sources/).check();
    await choose(page, 'readings.csv', [HEADER, line('70', 'First reading'), line('170', 'Off the scale')].join('\n'));
    await page.getByRole('button', { name: 'Check file' }).click();
    const problems = page.getByRole('table', { name: 'Problems' });
    await problems.waitFor();
    expect(await page.getByText('1 problem in 1 row').isVisible()).toBe(true);
    const cells = await problems.locator('tbody tr').first().locator('td').allTextContents();
    expect(cells.slice(0, 3)).toEqual(['3', 'position', '170']);
    expect(await page.getByText('Fix the problems in the file and check it again').isVisible()).toBe(true);
    expect(await countAssessments()).toBe(0);

    const report = await downloaded(page, () => page.getByRole('button', { name: 'Download all problems (CSV)' }).click());
    expect(report.name).toBe('readings-problems.csv');
    expect(report.text.split('\r\n').slice(0, 2)).toEqual(['\uFEFFline,column,value,reason', expect.stringMatching(/^3,position,170,/)]);

    await choose(page, 'readings.csv', [HEADER, line('70', 'First reading'), line('75', 'Second reading')].join('\n'));
    await page.getByRole('button', { name: 'Check file' }).click();
    const importButton = page.getByRole('button', { name: 'Import 2 assessments' });
    await importButton.waitFor();
    const willCreate = await page.locator('ul li').filter({ hasText: /^(Actor|Issue|Source) Wizard test/ }).allTextContents();
    expect(willCreate).toHaveLength(3);
    await importButton.click();
    const done = page.getByRole('status').filter({ hasText: 'Imported 2 assessments' });
    await done.waitFor();
    expect(await done.textContent()).toContain('and created 1 actor, 1 issue, 1 source');
    expect(await countAssessments()).toBe(2);
    await page.close();
  });
});
