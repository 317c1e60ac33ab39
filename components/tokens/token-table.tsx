'use client';

import { useActionState } from 'react';
import type { Role } from '@/lib/generated/prisma/enums';
import type { FormState } from '@/lib/errors';
import styles from './tokens.module.css';

export interface TokenTableRow {
  id: string;
  name: string;
  prefix: string;
  role: Role;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  ownerName: string;
  mine: boolean;
}

type Action = (prev: FormState, formData: FormData) => Promise<FormState>;

const when = (iso: string | null) => (iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : '—');

export function TokenTable({
  tokens,
  roleLabels,
  showOwner,
  revoke,
}: {
  tokens: TokenTableRow[];
  roleLabels: Record<Role, string>;
  showOwner: boolean;
  revoke: Action;
}) {
  if (!tokens.length) {
    return (
      <div className="empty">
        <h2>No API tokens yet</h2>
        <p>Create one below to call the API from a script or another tool.</p>
      </div>
    );
  }
  return (
    <table className="data">
      <thead>
        <tr>
          <th>Name</th>
          <th>Token</th>
          {showOwner && <th>Owner</th>}
          <th>Role</th>
          <th>Created</th>
          <th>Last used</th>
          <th>Status</th>
        </tr>
      </thead>
      <tbody>
        {tokens.map((t) => (
          <tr key={t.id} className={t.revokedAt ? styles.revoked : undefined}>
            <td>{t.name}</td>
            <td className="mono">{t.prefix}…</td>
            {showOwner && <td>{t.mine ? 'You' : t.ownerName}</td>}
            <td>{roleLabels[t.role]}</td>
            <td className="muted">{when(t.createdAt)}</td>
            <td className="muted">{when(t.lastUsedAt)}</td>
            <td>{t.revokedAt ? <span className="badge badge-low">Revoked {t.revokedAt.slice(0, 10)}</span> : <RevokeButton id={t.id} name={t.name} action={revoke} />}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function RevokeButton({ id, name, action }: { id: string; name: string; action: Action }) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form
      action={formAction}
      className={styles.inlineForm}
      onSubmit={(event) => {
        if (!window.confirm(`Revoke “${name}”? Anything using it stops working at once.`)) event.preventDefault();
      }}
    >
      <input type="hidden" name="id" value={id} />
      <span className="badge badge-high">Active</span>
      <button type="submit" className="btn-small btn-danger" disabled={pending} aria-label={`Revoke ${name}`}>
        {pending ? 'Revoking…' : 'Revoke'}
      </button>
      {state.message && !state.ok && (
        <span className={styles.err} role="alert">
          {state.message}
        </span>
      )}
    </form>
  );
}
