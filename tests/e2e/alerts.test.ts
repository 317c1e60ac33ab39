// Alerts on shifts, end to end: two analysts in two browser contexts. A watches Turkey; B records an
// assessment that moves Turkey's current position past A's threshold; A's bell shows it within 2 seconds
// without a reload (PostgreSQL NOTIFY → the app's LISTEN connection → server-sent events → the bell).
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@/lib/auth/password';
import { appSql, appUrl, chromiumAvailable, DEMO, launchBrowser, signIn } from './browser';

const ISSUE = 'Foreign military presence in Nagorno-Karabakh';
const SECOND = { email: 'second-analyst@alerts.e2e.local', password: 'second-analyst-password' };
const QUOTE = 'Alerts browser test: Ankara now rules out any role for its troops';
const THRESHOLD = 2;

describe.skipIf(!chromiumAvailable())('alerts: a shift recorded by one analyst reaches the other’s bell live', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let analystId: string;
  let turkeyId: string;
  let issueId: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    const [analyst] = await appSql<{ id: string; workspaceId: string }>(
      `SELECT u.id, m."workspaceId" FROM "User" u JOIN "Membership" m ON m."userId" = u.id WHERE u.email = $1`,
      [DEMO.analyst.email],
    );
    analystId = analyst!.id;
    const [second] = await appSql<{ id: string }>(
      `INSERT INTO "User" (email, name, "passwordHash", "updatedAt") VALUES ($1, 'Second Analyst', $2, now()) RETURNING id`,
      [SECOND.email, await hashPassword(SECOND.password)],
    );
    await appSql(`INSERT INTO "Membership" ("workspaceId", "userId", role) VALUES ($1, $2, 'ANALYST')`, [analyst!.workspaceId, second!.id]);
    [{ id: turkeyId }] = (await appSql<{ id: string }>(`SELECT id FROM "Actor" WHERE name = 'Turkey' AND "workspaceId" = $1`, [analyst!.workspaceId])) as [{ id: string }];
    [{ id: issueId }] = (await appSql<{ id: string }>(`SELECT id FROM "Issue" WHERE title = $1 AND "workspaceId" = $2`, [ISSUE, analyst!.workspaceId])) as [{ id: string }];
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    // Later browser tests count the demo's readings only.
    await appSql(`DELETE FROM "Assessment" WHERE quote = $1`, [QUOTE]);
    await appSql(`DELETE FROM "Watch" WHERE "userId" = $1`, [analystId]);
    await appSql(`DELETE FROM "Notification" WHERE "userId" = $1`, [analystId]);
    await appSql(`DELETE FROM "User" WHERE email = $1`, [SECOND.email]);
  });

  it('A watches Turkey; B records an assessment moving Turkey past the threshold; A’s bell shows it within 2 s without reloading', async () => {
    const contextA = await browser.newContext();
    const contextB = await browser.newContext();
    contexts.push(contextA, contextB);
    const pageA = await contextA.newPage();
    const pageB = await contextB.newPage();
    await signIn(pageA, DEMO.analyst.email, DEMO.analyst.password);
    await signIn(pageB, SECOND.email, SECOND.password);

    // A: watch Turkey, and keep the page open with the stream connected.
    const streamOpen = pageA.waitForResponse((r) => r.url().endsWith('/api/notifications/stream') && r.status() === 200);
    await pageA.goto(appUrl(`/actors/${turkeyId}`));
    await streamOpen;
    const alerts = pageA.getByRole('region', { name: 'Alerts' });
    await alerts.getByLabel('Threshold (scale points)').fill('abc');
    await alerts.getByRole('button', { name: 'Watch' }).click();
    await expect.poll(() => pageA.locator('#field-threshold-error').textContent()).toContain('Threshold must be a number of scale points between 0 and 100');
    await alerts.getByLabel('Threshold (scale points)').fill(String(THRESHOLD));
    await alerts.getByRole('button', { name: 'Watch' }).click();
    await expect.poll(() => alerts.textContent()).toContain(`Watching: moves of more than ${THRESHOLD} points.`);

    const bell = pageA.getByRole('link', { name: /^Notifications:/ });
    const before = await bell.getAttribute('aria-label');
    const unreadBefore = before === 'Notifications: none unread' ? 0 : Number(/(\d+) unread/.exec(before ?? '')?.[1]);
    await pageA.evaluate(() => ((window as unknown as { alertsMarker: string }).alertsMarker = 'not reloaded'));

    // B: an assessment at the other end of the scale from where Turkey stands now.
    const [{ position: from }] = (await appSql<{ position: number }>(`SELECT position FROM "CurrentPosition" WHERE "actorId" = $1 AND "issueId" = $2`, [turkeyId, issueId])) as [{ position: number }];
    await pageB.goto(appUrl('/assessments/new'));
    await pageB.getByLabel('Actor').selectOption({ label: 'Turkey' });
    await pageB.getByLabel('Issue', { exact: true }).selectOption({ label: ISSUE });
    await pageB.getByLabel('Source', { exact: true }).selectOption({ index: 1 });
    await pageB.getByLabel('Position', { exact: true }).fill(from >= 50 ? '0' : '100');
    await pageB.getByLabel('Salience', { exact: true }).fill('60');
    await pageB.getByLabel('High', { exact: true }).check();
    await pageB.getByLabel('Credibility').selectOption('2');
    await pageB.getByLabel('Stance date').fill('2020-12-01');
    await pageB.getByLabel('Quote').fill(QUOTE);
    await pageB.getByRole('button', { name: 'Save assessment' }).click();
    await pageB.waitForURL(/\/assessments\/[0-9a-f-]{36}$/);
    const saved = Date.now();

    // The change really crossed A's threshold (else this test would prove nothing).
    const [{ position: to }] = (await appSql<{ position: number }>(`SELECT position FROM "CurrentPosition" WHERE "actorId" = $1 AND "issueId" = $2`, [turkeyId, issueId])) as [{ position: number }];
    expect(Math.abs(to - from)).toBeGreaterThan(THRESHOLD);

    await expect.poll(() => bell.getAttribute('aria-label'), { timeout: 2_000, interval: 50 }).toBe(`Notifications: ${unreadBefore + 1} unread`);
    const elapsed = Date.now() - saved;
    console.log(`alerts: A's bell updated ${elapsed} ms after B's save returned`);
    expect(await pageA.evaluate(() => (window as unknown as { alertsMarker?: string }).alertsMarker)).toBe('not reloaded');

    // The list says what moved and links to the chart; marking it read brings the count back down live.
    await bell.click();
    await pageA.waitForURL(/\/notifications$/);
    const round = (n: number) => String(Math.round(n * 10) / 10);
    const item = pageA.getByRole('link', { name: `Turkey moved from ${round(from)} to ${round(to)} on ${ISSUE}` });
    await expect.poll(() => item.count()).toBe(1);
    expect(await item.getAttribute('href')).toBe(`/issues/${issueId}`);
    await pageA.getByRole('button', { name: 'Mark all read' }).click();
    await expect.poll(() => bell.getAttribute('aria-label')).toBe('Notifications: none unread');
  });
});
