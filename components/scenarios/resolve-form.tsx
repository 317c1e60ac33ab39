'use client';

import { useActionState } from 'react';
import type { FormState } from '@/lib/errors';
import { OUTCOME_LABELS } from '@/lib/scenarios/likelihood';
import { FormStatus } from '@/components/records/form-status';

/** Record whether the scenario happened. Final: estimates close and Brier scores are computed. */
export function ResolveForm({ action, scenarioId }: { action: (prev: FormState, formData: FormData) => Promise<FormState>; scenarioId: string }) {
  const [state, formAction, pending] = useActionState(action, {});
  const error = state.fieldErrors?.outcome;
  return (
    <form
      action={formAction}
      className="form"
      onSubmit={(event) => {
        if (!window.confirm('Resolve this scenario? Its inputs freeze, estimates close and Brier scores are computed. This cannot be undone here.')) event.preventDefault();
      }}
    >
      <FormStatus state={state} />
      <input type="hidden" name="id" value={scenarioId} />
      <fieldset className="sc-fieldset" aria-describedby="resolve-error">
        <legend className="label">Did it happen, by the test in the assumptions?</legend>
        {(Object.keys(OUTCOME_LABELS) as (keyof typeof OUTCOME_LABELS)[]).map((value) => (
          <label key={value} className="sc-radio">
            <input type="radio" name="outcome" value={value} required /> {OUTCOME_LABELS[value]}
          </label>
        ))}
        <div id="resolve-error" className="error small" aria-live="polite">{error?.join(' ')}</div>
      </fieldset>
      <div className="actions">
        <button type="submit" disabled={pending}>{pending ? 'Saving…' : 'Resolve scenario'}</button>
      </div>
    </form>
  );
}
