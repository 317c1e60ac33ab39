'use server';

import { requestIp } from '@/lib/auth/request';
import { signOutEverywhere } from '@/lib/auth/sessions';
import type { FormState } from '@/lib/errors';
import { runFormAction } from '@/lib/actions/form-action';
import { runSignOutAction } from '@/lib/actions/sign-out-action';
import { changeOwnPassword } from '@/lib/account/commands';
import { SECRET_FIELDS } from '@/lib/members/schema';

/** The one action a user who signed in with a one-time password may run. Passwords are never echoed back. */
export async function changeOwnPasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(
    formData,
    async (ctx, raw) => changeOwnPassword(ctx, raw, { ip: await requestIp() }),
    ({ tokensRevoked }, ctx) => {
      if (ctx.mustChangePassword) return { redirectTo: '/' };
      const tokens = tokensRevoked
        ? ` Your ${tokensRevoked} API token${tokensRevoked === 1 ? ' was' : 's were'} revoked: create new ones under Settings → API tokens.`
        : '';
      return { message: `Password changed. Your other sessions were signed out.${tokens}` };
    },
    { allowPendingPasswordChange: true, secretFields: SECRET_FIELDS },
  );
}

/** Ends every session of the account (other browsers, other devices, this one), then goes to sign-in. */
export async function signOutEverywhereAction(): Promise<void> {
  return runSignOutAction(async (ctx) => signOutEverywhere(ctx, { ip: await requestIp() }), { allowPendingPasswordChange: true });
}
