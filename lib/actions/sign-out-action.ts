import 'server-only';
import { redirect } from 'next/navigation';
import type { Ctx } from '../auth/context';
import { guardRequest, type ContextOptions } from '../auth/guard';
import { signOut } from '../auth/next-auth';

/**
 * The shape of the sign-out actions, the form adapter's other entry: `run` for the caller if the
 * request guard (lib/auth/guard.ts) admits one, then the session cookie is cleared and the browser goes
 * to sign-in. Anyone may sign out: a caller the guard refuses (an expired or revoked session, a database
 * that does not answer) is signed out all the same, with nothing run for them.
 */
export async function runSignOutAction(run: (ctx: Ctx) => Promise<unknown>, options: ContextOptions = {}): Promise<never> {
  const ctx = await guardRequest(options).catch(() => null);
  if (ctx) await run(ctx);
  await signOut({ redirect: false });
  redirect('/sign-in');
}
