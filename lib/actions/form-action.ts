import 'server-only';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { Ctx } from '../auth/context';
import { guardRequest, type ContextOptions } from '../auth/guard';
import { formStateFromError, type FormState } from '../errors';
import { assertStorableText, formDataToObject, formValues } from '../validation';
import { withSavedFlag, type SavedKind } from './saved';

export interface FormActionOutcome {
  revalidate?: string[];
  redirectTo?: string;
  message?: string;
  /** Said on the page redirected to ("Assessment saved."), so a successful save is never silent. */
  saved?: SavedKind;
  /** Handed to the form once with the success (a one-time password, a new token's secret). */
  details?: unknown;
}

export interface FormActionOptions extends ContextOptions {
  /** Fields never sent back to the browser, even after a failed submit (passwords). */
  secretFields?: readonly string[];
}

/**
 * The one shape of every form's server action, over the request guard (lib/auth/guard.ts): the
 * session's caller and workspace, raw input to a domain function (which validates with the shared zod
 * schema and checks the role), then revalidate and redirect outside the try so Next's redirect is not
 * swallowed. Errors come back with the input kept
 * (secret fields left out). `after` also gets the caller as they were before the call.
 */
export async function runFormAction<T>(
  formData: FormData,
  run: (ctx: Ctx, raw: Record<string, string | string[]>) => Promise<T>,
  after: (result: T, ctx: Ctx) => FormActionOutcome,
  options: FormActionOptions = {},
): Promise<FormState> {
  let outcome: FormActionOutcome;
  try {
    const ctx = await guardRequest({ allowPendingPasswordChange: options.allowPendingPasswordChange });
    const raw = formDataToObject(formData);
    assertStorableText(raw, 'The form');
    outcome = after(await run(ctx, raw), ctx);
  } catch (error) {
    const values = formValues(formData);
    for (const field of options.secretFields ?? []) delete values[field];
    return formStateFromError(error, values);
  }
  for (const path of outcome.revalidate ?? []) revalidatePath(path);
  if (outcome.redirectTo) redirect(outcome.saved ? withSavedFlag(outcome.redirectTo, outcome.saved) : outcome.redirectTo);
  return outcome.details === undefined ? { ok: true, message: outcome.message } : { ok: true, message: outcome.message, details: outcome.details };
}
