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
  let secret: NewTokenDetails | undefined;
  const state = await runFormAction(
    formData,
    async (ctx, raw) => {
      const token = await createToken(ctx, raw, { ip: await requestIp() });
      secret = { secret: token.secret, name: token.name };
      return token;
    },
    (t) => ({ revalidate: ['/settings/tokens'], message: `Created “${t.name}”. Copy the token now: it is shown only this once.` }),
  );
  return state.ok && secret ? { ...state, details: secret } : state;
}

export async function revokeTokenAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(
    formData,
    async (ctx, raw) => revokeToken(ctx, raw, { ip: await requestIp() }),
    (t) => ({ revalidate: ['/settings/tokens'], message: `Revoked “${t.name}”. Requests with it are refused from now on.` }),
  );
}
