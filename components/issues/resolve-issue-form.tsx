'use client';

import { useActionState } from 'react';
import type { FormState } from '@/lib/errors';
import { FormStatus } from '@/components/records/form-status';
import { Field } from '@/components/ui/field';

/** Record the position an issue actually reached. Final: every model's forecast on the current positions is frozen and scored. */
export function ResolveIssueForm({ action, issueId }: { action: (prev: FormState, formData: FormData) => Promise<FormState>; issueId: string }) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form
      action={formAction}
      className="form"
      noValidate
      onSubmit={(event) => {
        if (!window.confirm('Resolve this issue? Every model’s forecast on the current positions is frozen and scored against this position. This cannot be undone here.')) {
          event.preventDefault();
        }
      }}
    >
      <FormStatus state={state} />
      <input type="hidden" name="id" value={issueId} />
      <Field
        label="Position the issue reached (0-100)"
        name="outcomePosition"
        errors={state.fieldErrors?.outcomePosition}
        hint="On the scale below. Every model’s forecast on the actors’ current positions is scored against it in the track record."
      >
        {(p) => <input {...p} type="number" inputMode="decimal" min={0} max={100} step="any" defaultValue={state.ok ? '' : (state.values?.outcomePosition ?? '')} />}
      </Field>
      <div className="actions">
        <button type="submit" disabled={pending}>{pending ? 'Saving…' : 'Resolve issue'}</button>
      </div>
    </form>
  );
}
