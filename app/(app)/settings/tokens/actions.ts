'use server';

import { runFormAction } from '@/lib/actions/form-action';
import { requestIp } from '@/lib/auth/request';
import type { FormState } from '@/lib/errors';
import { createToken, revokeToken } from '@/lib/tokens/commands';

/** The secret of a new token, handed back to the form once and never stored. */
export interface NewTokenDetails {
  secret: string;
  name: string;
}

export async function createTokenAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(
    formData,
    async (ctx, raw) => createToken(ctx, raw, { ip: await requestIp() }),
    (t) => {
      const details: NewTokenDetails = { secret: t.secret, name: t.name };
      return { revalidate: ['/settings/tokens'], message: `Created “${t.name}”. Copy the token now: it is shown only this once.`, details };
    },
  );
}

export async function revokeTokenAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(
    formData,
    async (ctx, raw) => revokeToken(ctx, raw, { ip: await requestIp() }),
    (t) => ({ revalidate: ['/settings/tokens'], message: `Revoked “${t.name}”. Requests with it are refused from now on.` }),
  );
}
