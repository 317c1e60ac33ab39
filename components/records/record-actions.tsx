'use client';

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
