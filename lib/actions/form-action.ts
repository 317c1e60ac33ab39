import 'server-only';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { Ctx } from '../auth/context';
import { requireContext } from '../auth/request';
import { formStateFromError, type FormState } from '../errors';
import { assertStorableText, formDataToObject, formValues } from '../validation';
import { withSavedFlag, type SavedKind } from './saved';

export interface FormActionOutcome {
  revalidate?: string[];
  redirectTo?: string;
  message?: string;
  /** Said on the page redirected to ("Assessment saved."), so a successful save is never silent. */
  saved?: SavedKind;
}

/**
 * The one shape of every form's server action: session + workspace from the request, raw input to a
 * domain function (which validates with the shared zod schema and checks the role), then revalidate and
 * redirect outside the try so Next's redirect is not swallowed. Errors come back with the input kept.
 */
export async function runFormAction<T>(
  formData: FormData,
  run: (ctx: Ctx, raw: Record<string, string | string[]>) => Promise<T>,
  after: (result: T) => FormActionOutcome,
): Promise<FormState> {
  let outcome: FormActionOutcome;
  try {
    const ctx = await requireContext();
    const raw = formDataToObject(formData);
    assertStorableText(raw, 'The form');
    outcome = after(await run(ctx, raw));
  } catch (error) {
    return formStateFromError(error, formValues(formData));
  }
  for (const path of outcome.revalidate ?? []) revalidatePath(path);
  if (outcome.redirectTo) redirect(outcome.saved ? withSavedFlag(outcome.redirectTo, outcome.saved) : outcome.redirectTo);
  return { ok: true, message: outcome.message };
}
