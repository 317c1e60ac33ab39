'use client';

import { useActionState } from 'react';
import type { FormState } from '@/lib/errors';
import { FormStatus } from '@/components/records/form-status';
import { Field } from '@/components/ui/field';

/** Admin only (the page shows it to admins; the action checks again): annul the resolution with a reason. */
export function AnnulResolutionForm({ action, scenarioId }: { action: (prev: FormState, formData: FormData) => Promise<FormState>; scenarioId: string }) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form
      action={formAction}
      className="form"
      noValidate
      aria-label="Annul the resolution"
      onSubmit={(event) => {
        if (!window.confirm('Annul this resolution? It will count in no Brier score, calibration or track record until the annulment is undone.')) event.preventDefault();
      }}
    >
      <FormStatus state={state} labels={{ reason: 'Reason' }} />
      <input type="hidden" name="id" value={scenarioId} />
      <Field
        label="Reason for annulling"
        name="reason"
        errors={state.fieldErrors?.reason}
        hint="Why this resolution should not count (kept on the scenario and in the audit log). An admin can undo the annulment."
      >
        {(p) => <textarea {...p} required maxLength={2000} defaultValue={state.ok ? '' : (state.values?.reason ?? '')} style={{ minHeight: 70 }} />}
      </Field>
      <div className="actions">
        <button type="submit" className="btn" disabled={pending}>{pending ? 'Saving…' : 'Annul resolution'}</button>
      </div>
    </form>
  );
}
