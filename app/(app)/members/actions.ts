'use server';

import { runFormAction, type FormActionOutcome } from '@/lib/actions/form-action';
import { requestIp } from '@/lib/auth/request';
import { ROLE_LABELS } from '@/lib/auth/permissions';
import type { Ctx } from '@/lib/auth/context';
import type { FormState } from '@/lib/errors';
import {
  addMember,
  changeMemberRole,
  disableMember,
  enableMember,
  setMemberPassword,
} from '@/lib/members/commands';
import { SECRET_FIELDS } from '@/lib/members/schema';
import type { RequestMeta } from '@/lib/audit';

/** What the members forms get back besides the message: a one-time password, shown once. */
export interface OneTimePasswordDetails {
  oneTimePassword: string;
  email: string;
}

/** Passwords typed into a form are never sent back to the browser, even after a failed submit. */
function withoutSecrets(state: FormState): FormState {
  if (!state.values) return state;
  const values = { ...state.values };
  for (const field of SECRET_FIELDS) delete values[field];
  return { ...state, values };
}

/** runFormAction with the request's address for the audit log, and a way to hand back a one-time password. */
async function memberAction<T extends object>(
  formData: FormData,
  run: (ctx: Ctx, raw: Record<string, string | string[]>, meta: RequestMeta) => Promise<T>,
  after: (result: T) => FormActionOutcome,
): Promise<FormState> {
  let result: T | undefined;
  const state = await runFormAction(
    formData,
    async (ctx, raw) => (result = await run(ctx, raw, { ip: await requestIp() })),
    after,
  );
  const secret = result as { oneTimePassword?: string; email?: string } | undefined;
  if (state.ok && secret?.oneTimePassword && secret.email) {
    const details: OneTimePasswordDetails = { oneTimePassword: secret.oneTimePassword, email: secret.email };
    return { ...state, details };
  }
  return withoutSecrets(state);
}

export async function addMemberAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return memberAction(formData, addMember, (r) => ({
    revalidate: ['/members'],
    message: !r.createdAccount
      ? `${r.email} already had a Stanceboard account: ${r.name} can now use this workspace and keeps their own password.`
      : r.oneTimePassword
        ? `Added ${r.name}. Give them the one-time password below; it is shown only this once. They choose their own password when they first sign in.`
        : `Added ${r.name} with the password you set.`,
  }));
}

export async function changeMemberRoleAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return memberAction(formData, changeMemberRole, (r) => ({ revalidate: ['/members'], message: `Role changed to ${ROLE_LABELS[r.role]}.` }));
}

export async function disableMemberAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return memberAction(formData, disableMember, (r) => ({
    revalidate: ['/members'],
    message: `Disabled.${r.tokensRevoked ? ` Their ${r.tokensRevoked} API token${r.tokensRevoked === 1 ? ' was' : 's were'} revoked for good.` : ''}`,
  }));
}

export async function enableMemberAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return memberAction(formData, enableMember, () => ({ revalidate: ['/members'], message: 'Enabled.' }));
}

const tokensNote = (count: number) => (count ? ` and their ${count} API token${count === 1 ? ' was' : 's were'} revoked` : '');

export async function setMemberPasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return memberAction(formData, setMemberPassword, (r) => ({
    revalidate: ['/members'],
    message: r.oneTimePassword
      ? `New one-time password for ${r.name}, shown only this once. Their sessions were signed out${tokensNote(r.tokensRevoked)}; they choose their own password at next sign-in.`
      : `Password set for ${r.name}. Their sessions were signed out${tokensNote(r.tokensRevoked)}.`,
  }));
}
