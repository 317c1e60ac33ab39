import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client';
import { env, requireDatabaseUrl } from '../env';
import { wroteRecently } from './read-your-writes';

function createClient(connectionString = requireDatabaseUrl()) {
  const adapter = new PrismaPg({ connectionString, max: 10 });
  // Password hashes never leave lib/auth by accident: callers must ask for them explicitly.
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
}

export type Db = ReturnType<typeof createClient>;
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

const globalForDb = globalThis as unknown as { stanceboardDb?: Db; stanceboardReadDb?: Db };

/** The one Prisma client of this process on the primary database, created on first use (so `next build` needs no database). */
export function db(): Db {
  globalForDb.stanceboardDb ??= createClient();
  return globalForDb.stanceboardDb;
}

/**
 * The client for the heavy reads (dashboard, charts, lists) of `caller`: the read replica
 * (DATABASE_REPLICA_URL) when there is one, except for a few seconds after the caller's own write
 * (lib/db/read-your-writes.ts), when it is the primary, so nobody misses their own change. Never for
 * writes, nor for reads that decide a write (those use db()).
 */
export function readDb(caller: { userId: string }, now = Date.now()): Db {
  const replicaUrl = env().DATABASE_REPLICA_URL;
  if (!replicaUrl || wroteRecently(caller.userId, now)) return db();
  globalForDb.stanceboardReadDb ??= createClient(replicaUrl);
  return globalForDb.stanceboardReadDb;
}

/** A client on the primary is open: after db()'s first use, until disconnectDb (which scripts and test files call before they drop their database). */
export function dbOpen(): boolean {
  return globalForDb.stanceboardDb !== undefined;
}

export async function disconnectDb(): Promise<void> {
  await Promise.all([globalForDb.stanceboardDb?.$disconnect(), globalForDb.stanceboardReadDb?.$disconnect()]);
  globalForDb.stanceboardDb = undefined;
  globalForDb.stanceboardReadDb = undefined;
}

export * from '../generated/prisma/client';
