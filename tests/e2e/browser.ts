import pg from 'pg';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Locally a missing Chromium skips the browser tests; in CI it fails them, so a broken install cannot pass green. */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI) throw new Error(`Chromium is missing at ${CHROMIUM}: CI must install it (apt-get install -y chromium).`);
  return false;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

export function appUrl(path = '/'): string {
  return new URL(path, inject('appUrl')).toString();
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto(appUrl('/sign-in'));
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

export const DEMO = {
  admin: { email: 'admin@demo.stanceboard.local', password: 'demo-admin-2020' },
  analyst: { email: 'analyst@demo.stanceboard.local', password: 'demo-analyst-2020' },
  viewer: { email: 'viewer@demo.stanceboard.local', password: 'demo-viewer-2020' },
};

/** A query on the app's database (the one the built app under test uses). */
export async function appSql<T extends pg.QueryResultRow>(text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: inject('appDatabaseUrl') });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}
