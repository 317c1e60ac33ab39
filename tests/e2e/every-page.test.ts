// Every page of the app (found in app/, not listed by hand) opened as each role, and a crawler that follows
// every internal link of the demo as each role. No page may crash for a role (a role without the
// permission gets the one "your role cannot open that page" explanation), no link may lead to a 4xx or
// 5xx, and no page may log a console error.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { roleCan, type Permission } from '@/lib/auth/permissions';
import type { Role } from '@/lib/generated/prisma/enums';
import { appUrl, chromiumAvailable, DEMO, launchBrowser, signIn } from './browser';

type RoleName = keyof typeof DEMO;
const ROLES: RoleName[] = ['admin', 'analyst', 'viewer'];

function pageFiles(dir: string): string[] {
  return readdirSync(path.join(process.cwd(), dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.posix.join(dir, e.name);
    return e.isDirectory() ? pageFiles(rel) : e.name === 'page.tsx' ? [rel] : [];
  });
}

/** app/(app)/issues/[id]/compare/page.tsx → /issues/[id]/compare */
const routeOf = (file: string) => `/${file.replace(/^app\//, '').replace(/\/?page\.tsx$/, '').split('/').filter((s) => !/^\(.*\)$/.test(s)).join('/')}`;

const PAGES = pageFiles('app')
  .map((file) => ({ route: routeOf(file), permission: /requirePageContext\(\{ permission: '([^']+)'/.exec(readFileSync(path.join(process.cwd(), file), 'utf8'))?.[1] as Permission | undefined }))
  .filter((p) => p.route !== '/sign-in');
const ROUTES = PAGES.map((p) => p.route);

/** The permission a page asks for (read from its code), and so which roles may open it. */
const ROLE_OF: Record<RoleName, Role> = { admin: 'ADMIN', analyst: 'ANALYST', viewer: 'VIEWER' };
const needs = (route: string) => PAGES.find((p) => p.route === route)?.permission;
const allowed = (role: RoleName, permission: Permission | undefined) => permission === undefined || roleCan(ROLE_OF[role], permission);

interface Visit {
  status: number;
  finalPath: string;
  errors: string[];
  crashed: boolean;
}

/** Opens a page, waits for it to settle, and reports its status, where it ended and any console error. */
async function visit(page: Page, url: string): Promise<Visit> {
  const errors: string[] = [];
  const onConsole = (m: { type(): string; text(): string }) => {
    if (m.type() === 'error') errors.push(m.text());
  };
  const onPageError = (e: Error) => errors.push(e.message);
  page.on('console', onConsole);
  page.on('pageerror', onPageError);
  const response = await page.goto(url, { waitUntil: 'load' });
  // Streamed sections and their scripts: give them a moment to report errors.
  await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined);
  const crashed = (await page.getByRole('heading', { name: 'Something went wrong' }).count()) > 0;
  page.off('console', onConsole);
  page.off('pageerror', onPageError);
  return { status: response?.status() ?? 0, finalPath: new URL(page.url()).pathname, errors, crashed };
}

describe.skipIf(!chromiumAvailable())('every page, every role, every link', () => {
  let browser: Browser;
  const contexts = new Map<RoleName, BrowserContext>();
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const client = new pg.Client({ connectionString: inject('appDatabaseUrl') });
    await client.connect();
    for (const [kind, table] of [
      ['actors', 'Actor'],
      ['issues', 'Issue'],
      ['sources', 'Source'],
      ['interests', 'StatedInterest'],
      ['assessments', 'Assessment'],
      ['scenarios', 'Scenario'],
    ] as const) {
      const { rows } = await client.query<{ id: string }>(`SELECT id FROM "${table}" WHERE "deletedAt" IS NULL ORDER BY "createdAt", id LIMIT 2`);
      ids[kind] = rows[0]!.id;
      if (kind === 'scenarios') ids.scenarios2 = rows[1]!.id;
    }
    await client.end();
    browser = await launchBrowser();
    for (const role of ROLES) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await signIn(page, DEMO[role].email, DEMO[role].password);
      await page.close();
      contexts.set(role, context);
    }
  });
  afterAll(async () => {
    await browser?.close();
  });

  const concrete = (route: string) => {
    const kind = route.split('/')[1]!;
    const url = route.replace('[id]', ids[kind] ?? 'missing');
    return url === '/scenarios/compare' ? `${url}?id=${ids.scenarios}&id=${ids.scenarios2}` : url;
  };

  it('finds the pages of the app, and every form page guards itself with a permission', () => {
    expect(ROUTES).toEqual(expect.arrayContaining(['/', '/issues/[id]', '/interests/[id]', '/scenarios/new', '/scenarios/[id]/edit', '/members']));
    expect(PAGES.filter((p) => /\/(new|edit)$/.test(p.route) && !p.permission).map((p) => p.route)).toEqual([]);
  });

  for (const role of ROLES) {
    it(`opens every page as ${role}: the page, or the one explanation of what the role cannot do; never a crash or console error`, async () => {
      const page = await contexts.get(role)!.newPage();
      const problems: string[] = [];
      for (const route of ROUTES) {
        const url = concrete(route);
        const result = await visit(page, appUrl(url));
        const need = needs(route);
        if (result.crashed || result.status >= 400) problems.push(`${url}: status ${result.status}${result.crashed ? ', error page' : ''}`);
        if (result.errors.length) problems.push(`${url}: console ${result.errors.join(' | ')}`);
        if (allowed(role, need) && route !== '/forbidden' && result.finalPath === '/forbidden') problems.push(`${url}: refused a ${role}`);
        if (!allowed(role, need) && result.finalPath !== '/forbidden') problems.push(`${url}: a ${role} was not sent to the explanation (ended at ${result.finalPath})`);
        if (!allowed(role, need) && result.finalPath === '/forbidden') {
          const text = (await page.getByRole('alert').first().textContent()) ?? '';
          if (!text.includes('Your role cannot open that page')) problems.push(`${url}: explanation missing`);
        }
      }
      await page.close();
      expect(problems).toEqual([]);
    }, 600_000);
  }

  for (const role of ROLES) {
    it(`follows every internal link of the demo as ${role} without a dead end or a console error`, async () => {
      const context = contexts.get(role)!;
      const page = await context.newPage();
      const origin = new URL(appUrl('/')).origin;
      const queue = ['/'];
      const seen = new Set<string>(queue);
      // Links differing only in ids or list parameters lead to the same page code: two of each are enough.
      const perShape = new Map<string, number>();
      const problems: string[] = [];
      let visited = 0;
      while (queue.length && visited < 60) {
        const url = queue.shift()!;
        visited++;
        const result = await visit(page, appUrl(url));
        if (result.status >= 400 || result.crashed) problems.push(`${url}: status ${result.status}${result.crashed ? ', error page' : ''}`);
        if (result.errors.length) problems.push(`${url}: console ${result.errors.join(' | ')}`);
        const hrefs = await page.$$eval('a[href]', (links) => links.map((a) => (a as HTMLAnchorElement).href));
        for (const href of hrefs) {
          const target = new URL(href, origin);
          if (target.origin !== origin || target.pathname.startsWith('/api/auth')) continue;
          const key = target.pathname + target.search;
          if (seen.has(key)) continue;
          seen.add(key);
          if (target.pathname.startsWith('/api/')) {
            // Downloads (CSV, JSON): they must answer, but are not pages to crawl.
            const status = (await context.request.get(target.toString())).status();
            if (status >= 400) problems.push(`${key} (linked from ${url}): status ${status}`);
            continue;
          }
          const shape = target.pathname.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ':id') + (target.search ? '?' : '');
          const count = perShape.get(shape) ?? 0;
          if (count >= 2) continue;
          perShape.set(shape, count + 1);
          queue.push(key);
        }
      }
      await page.close();
      expect(visited).toBeGreaterThan(20);
      expect(problems).toEqual([]);
    }, 900_000);
  }
});
