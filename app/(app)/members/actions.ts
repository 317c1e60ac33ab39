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

/** runFormAction with the request's address for the audit log; a one-time password is handed back once. */
function memberAction<T extends object>(
  formData: FormData,
  run: (ctx: Ctx, raw: Record<string, string | string[]>, meta: RequestMeta) => Promise<T>,
  after: (result: T) => FormActionOutcome,
): Promise<FormState> {
  return runFormAction(
    formData,
    async (ctx, raw) => run(ctx, raw, { ip: await requestIp() }),
    (result) => {
      const secret = result as { oneTimePassword?: string; email?: string };
      const details: OneTimePasswordDetails | undefined =
        secret.oneTimePassword && secret.email ? { oneTimePassword: secret.oneTimePassword, email: secret.email } : undefined;
      return { ...after(result), details };
    },
    { secretFields: SECRET_FIELDS },
  );
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
