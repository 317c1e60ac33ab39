'use client';

import { useActionState } from 'react';
import type { FormState } from '@/lib/errors';
import { OUTCOME_LABELS } from '@/lib/scenarios/likelihood';
import { FormStatus } from '@/components/records/form-status';
import { Field } from '@/components/ui/field';

/** Record whether the scenario happened. Final: estimates close and Brier scores are computed. */
export function ResolveForm({ action, scenarioId }: { action: (prev: FormState, formData: FormData) => Promise<FormState>; scenarioId: string }) {
  const [state, formAction, pending] = useActionState(action, {});
  const error = state.fieldErrors?.outcome;
  const positionError = state.fieldErrors?.outcomePosition;
  return (
    <form
      action={formAction}
      className="form"
      noValidate
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
      <Field
        label="Position the issue reached (0-100, optional)"
        name="outcomePosition"
        errors={positionError}
        hint="On the issue’s scale. With it, every model’s forecast and every analyst’s forecast position is scored."
      >
        {(p) => <input {...p} type="number" inputMode="decimal" min={0} max={100} step="any" defaultValue={state.ok ? '' : (state.values?.outcomePosition ?? '')} />}
      </Field>
      <div className="actions">
        <button type="submit" disabled={pending}>{pending ? 'Saving…' : 'Resolve scenario'}</button>
      </div>
    </form>
  );
}
