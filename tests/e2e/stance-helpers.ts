// Browser helpers for the stance pages, shared by the e2e tests (e.g. "record an assessment, then see it").
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { appUrl } from './browser';

/** Opens an issue's stance page from the issues list, by its title. */
export async function openIssue(page: Page, issueTitle: string, query = ''): Promise<string> {
  await page.goto(appUrl('/issues'));
  const href = await page.getByRole('link', { name: issueTitle, exact: true }).first().getAttribute('href');
  if (!href) throw new Error(`No link to the issue "${issueTitle}" on /issues`);
  await page.goto(appUrl(`${href}${query}`));
  await page.getByRole('heading', { level: 1, name: issueTitle }).waitFor();
  return href;
}

export interface TableReading {
  date: string;
  actor: string;
  position: string;
  source: string;
  analyst: string;
  confidence: string;
  reliability: string;
  quote: string;
}

/** The rows of the "Show as table" readings table of the issue page that is open. */
export async function readingsTable(page: Page): Promise<TableReading[]> {
  const details = page.locator('details.chart-table').first();
  if (!(await details.evaluate((el) => (el as HTMLDetailsElement).open))) await details.locator('summary').click();
  const rows = details.locator('table[data-table="stance-readings"] tbody tr');
  await rows.first().waitFor();
  return rows.evaluateAll((trs) =>
    trs.map((tr) => {
      const td = [...tr.querySelectorAll('td')].map((c) => (c.textContent ?? '').trim());
      return { date: td[0]!, actor: td[1]!, position: td[2]!, source: td[3]!, analyst: td[4]!, confidence: td[5]!, reliability: td[6]!, quote: td[8]! };
    }),
  );
}

/** Asserts that the table view of issue `issueTitle` lists a reading with this quote (and, if given, this actor and position). */
export async function expectIssueTableHasReading(
  page: Page,
  issueTitle: string,
  quote: string,
  expected: { actor?: string; position?: number } = {},
): Promise<TableReading> {
  await openIssue(page, issueTitle);
  const rows = await readingsTable(page);
  const match = rows.find((r) => r.quote === quote);
  expect(match, `a reading quoting "${quote.slice(0, 60)}…" in the table of "${issueTitle}"`).toBeDefined();
  if (expected.actor) expect(match!.actor).toBe(expected.actor);
  if (expected.position !== undefined) expect(Number(match!.position)).toBe(expected.position);
  return match!;
}
