'use server';

import { redirect } from 'next/navigation';
import { audit } from '@/lib/audit';
import { requireContext, requestIp } from '@/lib/auth/request';
import { signOut } from '@/lib/auth/next-auth';
import { runFormAction } from '@/lib/actions/form-action';
import { switchWorkspace } from '@/lib/workspaces/switch';
import type { FormState } from '@/lib/errors';

export async function signOutAction(): Promise<void> {
  const ctx = await requireContext().catch(() => null);
  if (ctx) await audit({ action: 'auth.sign_out', userId: ctx.userId, workspaceId: ctx.workspaceId, ip: await requestIp() });
  await signOut({ redirect: false });
  redirect('/sign-in');
}

export async function switchWorkspaceAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, switchWorkspace, () => ({ redirectTo: '/' }));
}
