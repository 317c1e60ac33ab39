// Screenshots to look at (only with E2E_SCREENSHOTS_DIR): a colleague's opinions on an assessment, the
// notifications list and the calibration chart. The records they show are written straight into the
// app's database and removed again afterwards, so later browser tests see the demo as it was.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { appSql, appUrl, chromiumAvailable, DEMO, launchBrowser, signIn } from './browser';

const dir = process.env.E2E_SCREENSHOTS_DIR;
const MARK = 'Screenshot test';

describe.skipIf(!chromiumAvailable() || !dir)('tradecraft screenshots', () => {
  let browser: Browser;
  let page: Page;
  let ids: { workspaceId: string; analystId: string; adminId: string; viewerId: string };
  const resolved: string[] = [];

  beforeAll(async () => {
    const users = await appSql<{ email: string; id: string; workspaceId: string }>(
      `SELECT u.email, u.id, m."workspaceId" FROM "User" u JOIN "Membership" m ON m."userId" = u.id WHERE u.email = ANY($1)`,
      [[DEMO.analyst.email, DEMO.admin.email, DEMO.viewer.email]],
    );
    const by = (email: string) => users.find((u) => u.email === email)!;
    ids = { workspaceId: by(DEMO.analyst.email).workspaceId, analystId: by(DEMO.analyst.email).id, adminId: by(DEMO.admin.email).id, viewerId: by(DEMO.viewer.email).id };
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await signIn(page, DEMO.analyst.email, DEMO.analyst.password);
  });

  afterAll(async () => {
    await appSql(`DELETE FROM "AssessmentOpinion" WHERE comment LIKE $1`, [`${MARK}%`]);
    await appSql(`DELETE FROM "Notification" WHERE "userId" = $1`, [ids.analystId]);
    await appSql(`DELETE FROM "Watch" WHERE "userId" = $1`, [ids.analystId]);
    await appSql(`DELETE FROM "ScenarioModelScore" WHERE "scenarioId" = ANY($1)`, [resolved]);
    await appSql(`UPDATE "Scenario" SET outcome = NULL, "resolvedAt" = NULL, "resolvedById" = NULL, "outcomePosition" = NULL WHERE id = ANY($1)`, [resolved]);
    await browser?.close();
  });

  it('opinions of an assessment', async () => {
    const [assessment] = await appSql<{ id: string }>(
      `SELECT a.id FROM "Assessment" a JOIN "Actor" ac ON ac.id = a."actorId" WHERE a."workspaceId" = $1 AND ac.name = 'Turkey' AND a."deletedAt" IS NULL ORDER BY a."stanceDate" DESC LIMIT 1`,
      [ids.workspaceId],
    );
    for (const [author, stance, position, comment] of [
      [ids.adminId, 'PARTLY_AGREE', 60, 'the quote is Ankara’s wish, not what Moscow conceded; nearer 60.'],
      [ids.viewerId, 'DISAGREE', 40, 'Erdogan’s remark came before the text was public.'],
    ] as const) {
      await appSql(
        `INSERT INTO "AssessmentOpinion" ("workspaceId", "assessmentId", "authorId", stance, position, comment, "updatedAt") VALUES ($1, $2, $3, $4, $5, $6, now())`,
        [ids.workspaceId, assessment!.id, author, stance, position, `${MARK}: ${comment}`],
      );
    }
    await page.goto(appUrl(`/assessments/${assessment!.id}`));
    await page.getByText(`${MARK}: Erdogan`).first().waitFor();
    await page.screenshot({ path: `${dir}/opinions.png`, fullPage: true });
  });

  it('the notifications list', async () => {
    const [turkey] = await appSql<{ id: string }>(`SELECT id FROM "Actor" WHERE "workspaceId" = $1 AND name = 'Turkey'`, [ids.workspaceId]);
    const [issue] = await appSql<{ id: string }>(`SELECT id FROM "Issue" WHERE "workspaceId" = $1 ORDER BY title LIMIT 1`, [ids.workspaceId]);
    await appSql(`INSERT INTO "Watch" ("workspaceId", "userId", "actorId", threshold) VALUES ($1, $2, $3, 5)`, [ids.workspaceId, ids.analystId, turkey!.id]);
    await appSql(
      `INSERT INTO "Notification" ("workspaceId", "userId", kind, payload, "createdAt", "readAt") VALUES
        ($1, $2, 'SHIFT', $3, now() - interval '2 hours', now()), ($1, $2, 'SHIFT', $4, now() - interval '5 minutes', NULL)`,
      [ids.workspaceId, ids.analystId, { actorId: turkey!.id, issueId: issue!.id, from: 45, to: 58 }, { actorId: turkey!.id, issueId: issue!.id, from: 58, to: 70 }],
    );
    await page.goto(appUrl('/notifications'));
    await page.locator('main h1').waitFor();
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${dir}/notifications.png`, fullPage: true });
  });

  it('the calibration chart', async () => {
    const scenarios = await appSql<{ id: string }>(`SELECT id FROM "Scenario" WHERE "workspaceId" = $1 AND outcome IS NULL ORDER BY name`, [ids.workspaceId]);
    const outcomes = ['DID_NOT_HAPPEN', 'HAPPENED', 'DID_NOT_HAPPEN'];
    for (const [i, s] of scenarios.slice(0, 3).entries()) {
      await appSql(`UPDATE "Scenario" SET outcome = $2, "resolvedAt" = now(), "resolvedById" = $3 WHERE id = $1`, [s.id, outcomes[i], ids.adminId]);
      resolved.push(s.id);
    }
    await page.goto(appUrl('/scenarios/calibration'));
    await page.locator('main h1').waitFor();
    await page.locator('svg.recharts-surface').first().waitFor({ timeout: 20_000 }).catch(() => undefined);
    await page.waitForTimeout(800);
    await page.screenshot({ path: `${dir}/calibration.png`, fullPage: true });
  });
});
