// npm run notify:digest — emails each member their unread notifications not emailed before (one email
// per member), through SMTP_URL, and records them as emailed (lib/notifications/digest.ts). Run it from
// cron as often as you want digests (hourly, daily). Without SMTP_URL it says so and sends nothing.
import { disconnectDb } from '../lib/db';
import { migrate } from '../lib/db/migrate';
import { resolveDatabase } from '../lib/db/server';
import { env, resetEnvCache } from '../lib/env';
import { sendDigests } from '../lib/notifications/digest';
import { smtpSender } from '../lib/notifications/smtp';

async function main(): Promise<number> {
  const { SMTP_URL, SMTP_FROM, APP_URL } = env();
  if (!SMTP_URL) {
    console.log('SMTP_URL is not set: no email digest sent (in-app notifications work without it).');
    return 0;
  }
  const database = await resolveDatabase();
  console.log(`Database: ${database.description}`);
  process.env.DATABASE_URL = database.url;
  resetEnvCache();
  try {
    await migrate(database.url, { log: console.log });
    const result = await sendDigests({ send: smtpSender(SMTP_URL), from: SMTP_FROM, appUrl: APP_URL });
    console.log(`Sent ${result.emails} digest email(s) with ${result.notifications} notification(s).`);
    for (const f of result.failed) console.error(`Could not email ${f.email}: ${f.error} (kept for the next run)`);
    return result.failed.length ? 1 : 0;
  } finally {
    await disconnectDb();
    await database.stop();
  }
}

process.exitCode = await main();
