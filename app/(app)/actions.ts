'use server';

import { redirect } from 'next/navigation';
import { audit } from '@/lib/audit';
import { requireContext, requestIp } from '@/lib/auth/request';
import { signOut } from '@/lib/auth/next-auth';
import { switchWorkspace, switchWorkspaceSchema } from '@/lib/workspaces/switch';
import { formStateFromError, invalid, type FormState } from '@/lib/errors';
import { zodFieldErrors } from '@/lib/validation';

export async function signOutAction(): Promise<void> {
  const ctx = await requireContext().catch(() => null);
  if (ctx) await audit({ action: 'auth.sign_out', userId: ctx.userId, workspaceId: ctx.workspaceId, ip: await requestIp() });
  await signOut({ redirect: false });
  redirect('/sign-in');
}

export async function switchWorkspaceAction(_prev: FormState, formData: FormData): Promise<FormState> {
  try {
    const ctx = await requireContext();
    const parsed = switchWorkspaceSchema.safeParse({ workspaceId: formData.get('workspaceId') });
    if (!parsed.success) throw invalid(zodFieldErrors(parsed.error));
    await switchWorkspace(ctx, parsed.data);
  } catch (error) {
    return formStateFromError(error);
  }
  redirect('/');
}
