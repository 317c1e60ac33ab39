import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client';
import { requireDatabaseUrl } from '../env';

function createClient() {
  const adapter = new PrismaPg({ connectionString: requireDatabaseUrl(), max: 10 });
  // Password hashes never leave lib/auth by accident: callers must ask for them explicitly.
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
}

export type Db = ReturnType<typeof createClient>;
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

const globalForDb = globalThis as unknown as { stanceboardDb?: Db };

/** The one Prisma client of this process, created on first use (so `next build` needs no database). */
export function db(): Db {
  globalForDb.stanceboardDb ??= createClient();
  return globalForDb.stanceboardDb;
}

export async function disconnectDb(): Promise<void> {
  await globalForDb.stanceboardDb?.$disconnect();
  globalForDb.stanceboardDb = undefined;
}

export * from '../generated/prisma/client';
