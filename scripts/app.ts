// `npm run dev` / `npm start`: pick the database, migrate it, seed the demo on first start, then run Next.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { migrate } from '../lib/db/migrate';
import { REPO_ROOT, resolveDatabase, type DatabaseHandle } from '../lib/db/server';
import { seedDemoIfEmpty } from '../lib/demo/seed';
import { checkEnv } from '../lib/env';

const mode = process.argv[2];
if (mode !== 'dev' && mode !== 'start') {
  console.error('usage: tsx scripts/app.ts dev|start');
  process.exit(2);
}
const production = mode === 'start';

function localAuthSecret(): string {
  // The embedded demo is a local install: give it a stable random secret instead of refusing to start.
  const file = path.join(REPO_ROOT, '.data', 'auth-secret');
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

if (production && !existsSync(path.join(REPO_ROOT, '.next', 'BUILD_ID'))) {
  console.error('No production build found. Run `npm run build` first, then `npm start`.');
  process.exit(1);
}

let database: DatabaseHandle;
try {
  database = await resolveDatabase();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
console.log(`Database: ${database.description}`);

const childEnv: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: database.url, NEXT_TELEMETRY_DISABLED: '1' };
if (database.embedded) {
  childEnv.STANCEBOARD_EMBEDDED = '1';
  childEnv.AUTH_SECRET ??= localAuthSecret();
} else if (production && !process.env.AUTH_SECRET) {
  console.error('AUTH_SECRET is required in production: set it to a random string of 32+ characters (e.g. `openssl rand -base64 48`).');
  await database.stop();
  process.exit(1);
}

try {
  // Every setting checked before anything is served: a typo stops the start with its name and the reason.
  checkEnv({ ...childEnv, NODE_ENV: production ? 'production' : 'development' });
  const { applied } = await migrate(database.url, { log: console.log });
  if (applied.length) console.log(`Applied ${applied.length} migration(s).`);
  // The embedded database is the demo install; a real server only gets demo data when asked (npm run db:seed).
  if (database.embedded) {
    const seeded = await seedDemoIfEmpty(database.url, { allowInProduction: true });
    if (seeded) console.log('Seeded the Karabakh demo workspace (logins in README.md).');
  }
} catch (error) {
  console.error((error as Error).message);
  await database.stop();
  process.exit(1);
}

const port = process.env.PORT ?? '3000';
// Our server in front of Next passes the socket address on (scripts/server.ts).
const serverScript = path.join(REPO_ROOT, 'scripts', 'server.ts');
Object.assign(childEnv, { NODE_ENV: production ? 'production' : 'development' });
const child = spawn(process.execPath, ['--import', 'tsx', serverScript, mode, '--port', port], { stdio: 'inherit', env: childEnv });

let shuttingDown = false;
async function shutdown(code: number) {
  if (shuttingDown) return;
  shuttingDown = true;
  if (child.exitCode === null) child.kill('SIGTERM');
  await database.stop();
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
child.on('exit', (code) => void shutdown(code ?? 0));
