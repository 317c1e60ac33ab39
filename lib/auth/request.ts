import 'server-only';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { clientIp } from './client-ip';
import type { Ctx } from './context';
import { checkRequest, type ContextOptions } from './guard';
import type { Permission } from './permissions';

/** Where a user signed in with a one-time password is sent until they choose their own. */
export const CHANGE_PASSWORD_PATH = '/account';

export interface PageContextOptions extends ContextOptions {
  /** What the page is for (a form: `records:write`); the default, `workspace:read`, is every member's. */
  permission?: Permission;
}

/**
 * The one guard of every page, over the request guard (lib/auth/guard.ts): the caller, or a redirect
 * to sign-in (or to the account page while a new password is due), or to the page that says which
 * permission is missing. The actions behind a form page check again; this spares a viewer a form they
 * cannot submit.
 */
export async function requirePageContext(options: PageContextOptions = {}): Promise<Ctx> {
  const permission = options.permission ?? 'workspace:read';
  // Every page calls this, so client-side navigation (which does not re-render the layout) cannot skip it.
  const outcome = await checkRequest({ permission, allowPendingPasswordChange: options.allowPendingPasswordChange });
  if (outcome.ok) return outcome.ctx;
  if (outcome.reason === 'signed-out') redirect('/sign-in');
  if (outcome.reason === 'password-change-due') redirect(CHANGE_PASSWORD_PATH);
  redirect(`/forbidden?need=${encodeURIComponent(permission)}`);
}

/** The sign-in page's guard, the other way round: a caller who is signed in already goes to `to` (and from there, if due, to the account page). */
export async function redirectIfSignedIn(to = '/'): Promise<void> {
  if ((await checkRequest({ allowPendingPasswordChange: true })).ok) redirect(to);
}

export async function requestIp(): Promise<string> {
  return clientIp(await headers());
}
