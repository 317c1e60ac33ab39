'use client';

import { useActionState } from 'react';
import type { Role } from '@/lib/generated/prisma/enums';
import type { FormState } from '@/lib/errors';
import { Field } from '@/components/ui/field';
import { FormStatus } from '@/components/records/form-status';
import { OneTimePassword } from './one-time-password';
import { usePasswordMode } from './use-password-mode';
import styles from './members.module.css';

const LABELS = { email: 'Email', name: 'Name', role: 'Role', password: 'Password' };

export function AddMemberForm({
  action,
  roles,
  minPasswordLength,
}: {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  roles: { value: Role; label: string; description: string }[];
  minPasswordLength: number;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const [mode, setMode] = usePasswordMode(state);
  const v = (key: string, fallback = '') => state.values?.[key] ?? fallback;
  const errors = state.fieldErrors ?? {};
  const otp = state.ok ? (state.details as { oneTimePassword?: string; email?: string } | undefined) : undefined;
  return (
    <form action={formAction} className="form" noValidate aria-label="Add a member">
      <FormStatus state={state} labels={LABELS} />
      {otp?.oneTimePassword && otp.email && <OneTimePassword email={otp.email} password={otp.oneTimePassword} />}
      <div className="form-grid">
        <Field label="Email" name="email" errors={errors.email} hint="If they already have an account, they join this workspace with it.">
          {(p) => <input {...p} type="email" autoComplete="off" defaultValue={v('email')} maxLength={320} required />}
        </Field>
        <Field label="Name" name="name" errors={errors.name}>
          {(p) => <input {...p} type="text" autoComplete="off" defaultValue={v('name')} maxLength={200} required />}
        </Field>
        <Field label="Role" name="role" errors={errors.role} hint={roles.map((r) => `${r.label}: ${r.description}`).join('. ')} className="span-2">
          {(p) => (
            <select {...p} defaultValue={v('role', 'ANALYST')} required>
              {roles.map((r) => (
                <option key={r.value} value={r.value}>
                  {r.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <fieldset className={`span-2 ${styles.choice}`}>
          <legend className="label">Password for a new account</legend>
          <label>
            <input type="radio" name="passwordMode" value="generate" defaultChecked={mode === 'generate'} onChange={() => setMode('generate')} /> Generate a
            one-time password (shown once; they choose their own at first sign-in)
          </label>
          <label>
            <input type="radio" name="passwordMode" value="set" defaultChecked={mode === 'set'} onChange={() => setMode('set')} /> Set a password
            myself
          </label>
        </fieldset>
        {mode === 'set' && (
          <Field label="Password" name="password" errors={errors.password} hint={`At least ${minPasswordLength} characters, not the email address.`}>
            {(p) => <input {...p} type="password" autoComplete="new-password" minLength={minPasswordLength} required />}
          </Field>
        )}
      </div>
      <div className="actions">
        <button type="submit" className="btn-primary" disabled={pending}>
          {pending ? 'Adding…' : 'Add member'}
        </button>
      </div>
    </form>
  );
}
