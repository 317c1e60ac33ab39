'use client';

import { useActionState } from 'react';
import type { Role } from '@/lib/generated/prisma/enums';
import type { FormState } from '@/lib/errors';
import { OneTimePassword } from './one-time-password';
import { usePasswordMode } from './use-password-mode';
import styles from './members.module.css';

type Action = (prev: FormState, formData: FormData) => Promise<FormState>;

function InlineMessage({ state }: { state: FormState }) {
  if (!state.message) return null;
  const text = state.fieldErrors ? Object.values(state.fieldErrors).flat().join(' ') || state.message : state.message;
  return (
    <div role={state.ok ? 'status' : 'alert'} className={`small ${styles.inlineMsg} ${state.ok ? styles.ok : styles.err}`}>
      {text}
    </div>
  );
}

/** Role picker for one member. The server refuses demoting the last active admin whatever this shows. */
export function RoleControl({
  action,
  membershipId,
  role,
  roles,
  name,
}: {
  action: Action;
  membershipId: string;
  role: Role;
  roles: { value: Role; label: string }[];
  name: string;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const id = `role-${membershipId}`;
  return (
    <form action={formAction} className={styles.inlineForm}>
      <input type="hidden" name="membershipId" value={membershipId} />
      <label htmlFor={id} className={styles.visuallyHidden}>
        Role of {name}
      </label>
      <select id={id} name="role" defaultValue={state.values?.role ?? role} disabled={pending}>
        {roles.map((r) => (
          <option key={r.value} value={r.value}>
            {r.label}
          </option>
        ))}
      </select>
      <button type="submit" className="btn-small" disabled={pending}>
        {pending ? 'Saving…' : 'Change role'}
      </button>
      <InlineMessage state={state} />
    </form>
  );
}

/** Disable or re-enable a membership. */
export function ToggleControl({
  action,
  membershipId,
  label,
  confirmText,
  danger,
}: {
  action: Action;
  membershipId: string;
  label: string;
  confirmText?: string;
  danger?: boolean;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form
      action={formAction}
      className={styles.inlineForm}
      onSubmit={(event) => {
        if (confirmText && !window.confirm(confirmText)) event.preventDefault();
      }}
    >
      <input type="hidden" name="membershipId" value={membershipId} />
      <button type="submit" className={`btn-small${danger ? ' btn-danger' : ''}`} disabled={pending}>
        {label}
      </button>
      <InlineMessage state={state} />
    </form>
  );
}

/** Give a member a new password: a generated one-time password, or one the admin types. */
export function PasswordControl({
  action,
  membershipId,
  name,
  minPasswordLength,
}: {
  action: Action;
  membershipId: string;
  name: string;
  minPasswordLength: number;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const [mode, setMode] = usePasswordMode(state);
  const otp = state.ok ? (state.details as { oneTimePassword?: string; email?: string } | undefined) : undefined;
  const fieldError = state.fieldErrors?.password?.join(' ');
  const inputId = `password-${membershipId}`;
  return (
    <details className={styles.passwordControl}>
      <summary>New password…</summary>
      <form action={formAction} className="stack" style={{ gap: 6, marginTop: 6 }} noValidate>
        <input type="hidden" name="membershipId" value={membershipId} />
        <fieldset className={styles.choice}>
          <legend className={styles.visuallyHidden}>New password for {name}</legend>
          <label>
            <input type="radio" name="passwordMode" value="generate" defaultChecked={mode === 'generate'} onChange={() => setMode('generate')} /> One-time
            password
          </label>
          <label>
            <input type="radio" name="passwordMode" value="set" defaultChecked={mode === 'set'} onChange={() => setMode('set')} /> Set one
          </label>
        </fieldset>
        {mode === 'set' && (
          <div className="field">
            <label htmlFor={inputId}>Password for {name}</label>
            <input
              id={inputId}
              name="password"
              type="password"
              autoComplete="new-password"
              minLength={minPasswordLength}
              aria-invalid={Boolean(fieldError)}
              aria-describedby={`${inputId}-error`}
            />
            <div id={`${inputId}-error`} className="error" aria-live="polite">
              {fieldError}
            </div>
          </div>
        )}
        <div>
          <button type="submit" className="btn-small" disabled={pending}>
            {pending ? 'Saving…' : 'Set password and sign them out'}
          </button>
        </div>
        {!fieldError && <InlineMessage state={state} />}
        {otp?.oneTimePassword && otp.email && <OneTimePassword email={otp.email} password={otp.oneTimePassword} />}
      </form>
    </details>
  );
}
