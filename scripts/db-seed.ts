import { migrate } from '../lib/db/migrate';
import { resolveDatabase } from '../lib/db/server';
import { seedDemo } from '../lib/demo/seed';

const allowInProduction = process.argv.includes('--allow-production');
const database = await resolveDatabase();
console.log(`Database: ${database.description}`);
try {
  await migrate(database.url, { log: console.log });
  const { created } = await seedDemo(database.url, { allowInProduction });
  const summary = Object.entries(created).map(([what, n]) => `${n} ${what}`).join(', ');
  console.log(summary ? `Demo data created: ${summary}.` : 'Demo data already present: nothing changed.');
} catch (error) {
  console.error(`Seeding failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await database.stop();
}
