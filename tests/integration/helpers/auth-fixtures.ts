// Workspaces, users, memberships and sessions made straight in the test database (not through the
// code under test), for the authorization and authentication tests.
import { randomBytes } from 'node:crypto';
import { hashPassword } from '@/lib/auth/password';
import { createAuthSession } from '@/lib/auth/sessions';
import { db } from '@/lib/db';
import type { Role } from '@/lib/generated/prisma/enums';

export const TEST_PASSWORD = 'correct horse battery staple';
let testPasswordHash: Promise<string> | undefined;

export const uniq = (prefix: string) => `${prefix} ${randomBytes(4).toString('hex')}`;

export async function createWorkspace(name = uniq('Workspace')) {
  return db().workspace.create({ data: { name, slug: name.toLowerCase().replace(/[^a-z0-9]+/g, '-') }, select: { id: true, name: true } });
}

export interface TestUser {
  id: string;
  email: string;
  password: string;
}

export async function createUser(
  options: { email?: string; name?: string; password?: string; mustChangePassword?: boolean; disabled?: boolean } = {},
): Promise<TestUser> {
  const email = options.email ?? `${randomBytes(5).toString('hex')}@test.stanceboard.local`;
  const password = options.password ?? TEST_PASSWORD;
  testPasswordHash ??= hashPassword(TEST_PASSWORD);
  const passwordHash = password === TEST_PASSWORD ? await testPasswordHash : await hashPassword(password);
  const user = await db().user.create({
    data: {
      email,
      name: options.name ?? `Test ${email.split('@')[0]}`,
      passwordHash,
      mustChangePassword: options.mustChangePassword ?? false,
      disabledAt: options.disabled ? new Date() : null,
    },
    select: { id: true },
  });
  return { id: user.id, email, password };
}

export async function addMembership(userId: string, workspaceId: string, role: Role, options: { disabled?: boolean } = {}) {
  return db().membership.create({
    data: { userId, workspaceId, role, disabledAt: options.disabled ? new Date() : null },
    select: { id: true },
  });
}

/** A member with an open browser session in `workspaceId`. */
export async function createMember(
  workspaceId: string,
  role: Role,
  options: Parameters<typeof createUser>[0] & { membershipDisabled?: boolean } = {},
) {
  const user = await createUser(options);
  const membership = await addMembership(user.id, workspaceId, role, { disabled: options.membershipDisabled });
  const sessionId = await createAuthSession(user.id, workspaceId);
  return { ...user, membershipId: membership.id, sessionId, role };
}

/**
 * A digest of every row the app can change (sessions' idle clocks excepted), to prove that a refused
 * call changed nothing at all: not the target, not the audit log, not another workspace.
 */
export async function databaseFingerprint(): Promise<Record<string, string>> {
  const tables = await db().$queryRaw<{ name: string }[]>`
    SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
       AND table_name NOT IN ('_prisma_migrations', 'LoginAttempt', 'RateLimitWindow')
     ORDER BY table_name`;
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    const quoted = `"${name.replace(/"/g, '""')}"`;
    const rows = await db().$queryRawUnsafe<{ digest: string | null; n: number }[]>(
      `SELECT md5(string_agg(r, ',' ORDER BY r)) AS digest, count(*)::int AS n
         FROM (SELECT md5((to_jsonb(t) - 'lastSeenAt' - 'expiresAt' - 'lastUsedAt')::text) AS r FROM ${quoted} t) x`,
    );
    out[name] = `${rows[0]?.n ?? 0}:${rows[0]?.digest ?? ''}`;
  }
  return out;
}
