'use server';

import { audit } from '@/lib/audit';
import { requestIp } from '@/lib/auth/request';
import { runFormAction } from '@/lib/actions/form-action';
import { runSignOutAction } from '@/lib/actions/sign-out-action';
import { switchWorkspace } from '@/lib/workspaces/switch';
import type { FormState } from '@/lib/errors';

export async function signOutAction(): Promise<void> {
  return runSignOutAction(async (ctx) => audit({ action: 'auth.sign_out', userId: ctx.userId, workspaceId: ctx.workspaceId, ip: await requestIp() }));
}

export async function switchWorkspaceAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, switchWorkspace, () => ({ redirectTo: '/' }));
}
