'use server';

import { redirect } from 'next/navigation';
import { requestIp, requireContext } from '@/lib/auth/request';
import { formStateFromError, type FormState } from '@/lib/errors';
import { changeOwnPassword } from '@/lib/members/commands';
import { formDataToObject } from '@/lib/validation';

/**
 * Not runFormAction: this is the one action a user who signed in with a one-time password may run,
 * so it asks requireContext to let them through. Passwords are never echoed back.
 */
export async function changeOwnPasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  let wasOneTime: boolean;
  try {
    const ctx = await requireContext({ allowPendingPasswordChange: true });
    wasOneTime = ctx.mustChangePassword;
    await changeOwnPassword(ctx, formDataToObject(formData), { ip: await requestIp() });
  } catch (error) {
    return formStateFromError(error, {});
  }
  if (wasOneTime) redirect('/');
  return { ok: true, message: 'Password changed. Your other sessions were signed out.' };
}
