'use client';

import Link from '@/components/ui/link';
import { useActionState } from 'react';
import type { FormState } from '@/lib/errors';

/** Delete or restore button bound to a server action taking the record id. */
export function RecordActionButton({
  action,
  id,
  label,
  confirmText,
  className,
}: {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  id: string;
  label: string;
  confirmText?: string;
  className?: string;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        if (confirmText && !window.confirm(confirmText)) event.preventDefault();
      }}
      style={{ display: 'inline' }}
    >
      <input type="hidden" name="id" value={id} />
      <button type="submit" className={className ?? 'btn-small'} disabled={pending}>
        {label}
      </button>
      {state.message && !state.ok && (
        <span role="alert" className="small" style={{ color: 'var(--danger)', marginLeft: 6 }}>
          {state.message}
        </span>
      )}
    </form>
  );
}

type RecordAction = (prev: FormState, formData: FormData) => Promise<FormState>;

/** The buttons at the head of a record's page: Edit and Delete, or Restore once deleted. */
export function RecordPageActions({
  id,
  deleted,
  editHref,
  deleteAction,
  restoreAction,
  confirmText,
  children,
}: {
  id: string;
  deleted: boolean;
  editHref: string;
  deleteAction: RecordAction;
  restoreAction: RecordAction;
  confirmText: string;
  /** More actions before Edit (e.g. "Record assessment" on a source). */
  children?: React.ReactNode;
}) {
  return (
    <div className="actions">
      {deleted ? (
        <RecordActionButton action={restoreAction} id={id} label="Restore" className="btn" />
      ) : (
        <>
          {children}
          <Link className="btn" href={editHref}>Edit</Link>
          <RecordActionButton action={deleteAction} id={id} label="Delete" className="btn btn-danger" confirmText={confirmText} />
        </>
      )}
    </div>
  );
}
