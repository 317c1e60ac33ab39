'use client';

import { useActionState } from 'react';
import type { FormState } from '@/lib/errors';
import { Field } from '@/components/ui/field';
import { FormStatus } from '@/components/records/form-status';

const LABELS = { currentPassword: 'Current password', newPassword: 'New password', confirmPassword: 'New password again' };

export function ChangePasswordForm({
  action,
  email,
  minPasswordLength,
  oneTime,
}: {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  email: string;
  minPasswordLength: number;
  oneTime: boolean;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="form" noValidate aria-label="Change password">
      <FormStatus state={state} labels={LABELS} />
      {/* Lets password managers file the new password under the right account. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <Field
        label={oneTime ? 'One-time password' : 'Current password'}
        name="currentPassword"
        errors={errors.currentPassword}
        hint={oneTime ? 'The password your admin gave you, which you just signed in with.' : undefined}
      >
        {(p) => <input {...p} type="password" autoComplete="current-password" required />}
      </Field>
      <Field
        label="New password"
        name="newPassword"
        errors={errors.newPassword}
        hint={`At least ${minPasswordLength} characters, not your email address. A few unrelated words make a strong one.`}
      >
        {(p) => <input {...p} type="password" autoComplete="new-password" minLength={minPasswordLength} required />}
      </Field>
      <Field label="New password again" name="confirmPassword" errors={errors.confirmPassword}>
        {(p) => <input {...p} type="password" autoComplete="new-password" minLength={minPasswordLength} required />}
      </Field>
      <div className="actions">
        <button type="submit" className="btn-primary" disabled={pending}>
          {pending ? 'Saving…' : 'Change password'}
        </button>
      </div>
    </form>
  );
}
