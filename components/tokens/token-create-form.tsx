'use client';

import { CopyButton } from '@/components/ui/copy-button';
import { useActionState } from 'react';
import type { Role } from '@/lib/generated/prisma/enums';
import type { FormState } from '@/lib/errors';
import { Field } from '@/components/ui/field';
import { FormStatus } from '@/components/records/form-status';
import styles from './tokens.module.css';

const LABELS = { name: 'Name', role: 'Role' };

export function TokenCreateForm({
  action,
  roles,
  defaultRole,
}: {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  roles: { value: Role; label: string; description: string }[];
  defaultRole: Role;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const v = (key: string, fallback = '') => (state.ok ? fallback : (state.values?.[key] ?? fallback));
  const errors = state.fieldErrors ?? {};
  const created = state.ok ? (state.details as { secret?: string; name?: string } | undefined) : undefined;
  return (
    <form action={formAction} className="form" noValidate aria-label="Create an API token">
      <FormStatus state={state} labels={LABELS} />
      {created?.secret && <NewSecret secret={created.secret} />}
      <div className="form-grid">
        <Field label="Name" name="name" errors={errors.name} hint="What uses it, e.g. “Nightly export script”.">
          {(p) => <input {...p} key={state.ok ? 'reset' : 'keep'} type="text" autoComplete="off" defaultValue={v('name')} maxLength={100} required />}
        </Field>
        <Field label="Role" name="role" errors={errors.role} hint={roles.map((r) => `${r.label}: ${r.description}.`).join(' ')}>
          {(p) => (
            <select {...p} defaultValue={v('role', defaultRole)}>
              {roles.map((r) => (
                <option key={r.value} value={r.value}>
                  {r.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="actions">
        <button type="submit" className="btn-primary" disabled={pending}>
          {pending ? 'Creating…' : 'Create token'}
        </button>
      </div>
    </form>
  );
}

function NewSecret({ secret }: { secret: string }) {
  return (
    <div className={`notice notice-warn ${styles.secret}`} role="status">
      <div className="small">Your new token (shown only this once; Stanceboard keeps only a fingerprint of it):</div>
      <div className="row" style={{ marginTop: 4 }}>
        <code className={styles.secretValue} data-testid="new-token">
          {secret}
        </code>
        <CopyButton text={secret} />
      </div>
      <div className="small" style={{ marginTop: 4 }}>
        Send it as <code>Authorization: Bearer {secret.slice(0, 8)}…</code>. Treat it like a password.
      </div>
    </div>
  );
}
