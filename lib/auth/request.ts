import 'server-only';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { markDatabaseUnavailable } from '../db/outage';
import { AppError, isDatabaseUnavailable, unauthenticated } from '../errors';
import { clientIp } from './client-ip';
import { authorize, contextForSession, type Ctx } from './context';
import { roleCan, type Permission } from './permissions';
import { auth } from './next-auth';

/** The signed-in caller of this request, or null. Checked against the database on every request. */
export const getContext = cache(async (): Promise<Ctx | null> => {
  const session = await auth();
  try {
    return await contextForSession(session?.sid);
  } catch (error) {
    // Every page starts here: remember the outage so the server answers the failed page with a 503.
    if (isDatabaseUnavailable(error)) markDatabaseUnavailable();
    throw error;
  }
});

export interface ContextOptions {
  /** Only the account page (and the layout around it) serve a user who must still replace a one-time password. */
  allowPendingPasswordChange?: boolean;
}

/** Where a user signed in with a one-time password is sent until they choose their own. */
export const CHANGE_PASSWORD_PATH = '/account';

/** For server actions and route handlers: the caller, or an UNAUTHENTICATED error. */
export async function requireContext(options: ContextOptions = {}): Promise<Ctx> {
  const ctx = await getContext();
  if (!ctx) throw unauthenticated();
  // Enforced here, not only by a redirect: a direct POST of any action must not work with a one-time password.
  if (ctx.mustChangePassword && !options.allowPendingPasswordChange) {
    throw new AppError('FORBIDDEN', 'Choose your own password on the Account page before doing anything else.');
  }
  return ctx;
}

export interface PageContextOptions extends ContextOptions {
  /** What the page is for (a form: `records:write`); the default, `workspace:read`, is every member's. */
  permission?: Permission;
}

/**
 * The one guard of every page: the caller, or a redirect to sign-in (or to the account page while a
 * new password is due), or to the page that says which permission is missing. The actions behind a
 * form page check again; this spares a viewer a form they cannot submit.
 */
export async function requirePageContext(options: PageContextOptions = {}): Promise<Ctx> {
  const ctx = await getContext();
  if (!ctx) redirect('/sign-in');
  // Every page calls this, so client-side navigation (which does not re-render the layout) cannot skip it.
  if (ctx.mustChangePassword && !options.allowPendingPasswordChange) redirect(CHANGE_PASSWORD_PATH);
  const permission = options.permission ?? 'workspace:read';
  if (!roleCan(ctx.role, permission)) redirect(`/forbidden?need=${encodeURIComponent(permission)}`);
  return authorize(ctx, permission);
}

export async function requestIp(): Promise<string> {
  return clientIp(await headers());
}
