'use server';

import { AuthError, CredentialsSignin } from 'next-auth';
import { redirect } from 'next/navigation';
import { signIn } from '@/lib/auth/next-auth';
import { SIGN_IN_MESSAGES, signInSchema } from '@/lib/auth/sign-in';
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable, type FormState } from '@/lib/errors';
import { safeNextPath } from '@/lib/auth/safe-next';

export async function signInAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = { email: String(formData.get('email') ?? '') };
  const parsed = signInSchema.safeParse({ email: formData.get('email'), password: formData.get('password') });
  if (!parsed.success) {
    return { ok: false, code: 'VALIDATION', fieldErrors: parsedFieldErrors(parsed.error), values };
  }
  try {
    await signIn('credentials', { email: parsed.data.email, password: parsed.data.password, redirect: false });
  } catch (error) {
    if (error instanceof CredentialsSignin && error.code === 'unavailable') {
      return { ok: false, code: 'UNAVAILABLE', message: DATABASE_UNAVAILABLE_MESSAGE, values };
    }
    if (isDatabaseUnavailable(error) || (error instanceof AuthError && isDatabaseUnavailable(error.cause))) {
      return { ok: false, code: 'UNAVAILABLE', message: DATABASE_UNAVAILABLE_MESSAGE, values };
    }
    if (error instanceof CredentialsSignin) {
      const code = error.code ?? 'invalid';
      const message = code.startsWith('throttled:')
        ? SIGN_IN_MESSAGES.throttled(Number(code.split(':')[1]))
        : SIGN_IN_MESSAGES.invalid;
      return { ok: false, code: code.startsWith('throttled') ? 'RATE_LIMITED' : 'UNAUTHENTICATED', message, values };
    }
    if (error instanceof AuthError) {
      return { ok: false, code: 'UNAUTHENTICATED', message: SIGN_IN_MESSAGES.invalid, values };
    }
    throw error;
  }
  redirect(safeNextPath(formData.get('next')));
}

function parsedFieldErrors(error: { issues: { path: PropertyKey[]; message: string }[] }) {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) (out[String(issue.path[0])] ??= []).push(issue.message);
  return out;
}
