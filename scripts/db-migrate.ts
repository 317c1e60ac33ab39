import { migrate } from '../lib/db/migrate';
import { resolveDatabase } from '../lib/db/server';

const database = await resolveDatabase();
console.log(`Database: ${database.description}`);
try {
  const result = await migrate(database.url, { log: console.log });
  console.log(
    result.applied.length
      ? `Applied ${result.applied.length} migration(s); ${result.alreadyApplied.length} already applied.`
      : `Database is up to date (${result.alreadyApplied.length} migration(s) applied).`,
  );
} catch (error) {
  console.error(`Migration failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await database.stop();
}
