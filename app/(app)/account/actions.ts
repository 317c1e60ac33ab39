'use server';

import { redirect } from 'next/navigation';
import { requestIp, requireContext } from '@/lib/auth/request';
import { signOut } from '@/lib/auth/next-auth';
import { signOutEverywhere } from '@/lib/auth/sessions';
import { formStateFromError, type FormState } from '@/lib/errors';
import { changeOwnPassword } from '@/lib/account/commands';
import { formDataToObject } from '@/lib/validation';

/**
 * Not runFormAction: this is the one action a user who signed in with a one-time password may run,
 * so it asks requireContext to let them through. Passwords are never echoed back.
 */
export async function changeOwnPasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  let wasOneTime: boolean;
  let tokensRevoked: number;
  try {
    const ctx = await requireContext({ allowPendingPasswordChange: true });
    wasOneTime = ctx.mustChangePassword;
    ({ tokensRevoked } = await changeOwnPassword(ctx, formDataToObject(formData), { ip: await requestIp() }));
  } catch (error) {
    return formStateFromError(error, {});
  }
  if (wasOneTime) redirect('/');
  const tokens = tokensRevoked
    ? ` Your ${tokensRevoked} API token${tokensRevoked === 1 ? ' was' : 's were'} revoked: create new ones under Settings → API tokens.`
    : '';
  return { ok: true, message: `Password changed. Your other sessions were signed out.${tokens}` };
}

/** Ends every session of the account (other browsers, other devices, this one), then goes to sign-in. */
export async function signOutEverywhereAction(): Promise<void> {
  const ctx = await requireContext({ allowPendingPasswordChange: true }).catch(() => null);
  if (ctx) await signOutEverywhere(ctx, { ip: await requestIp() });
  await signOut({ redirect: false });
  redirect('/sign-in');
}
