'use client';

import { useActionState } from 'react';
import type { FormState } from '@/lib/errors';
import { FormStatus } from '@/components/records/form-status';

/** The admin's switch for hiding colleagues' estimates until an analyst has made their own. */
export function ForecastingSettingsForm({ action, hideEstimatesUntilOwn }: { action: (prev: FormState, formData: FormData) => Promise<FormState>; hideEstimatesUntilOwn: boolean }) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="form">
      <FormStatus state={state} />
      <label className="row" style={{ fontWeight: 400 }}>
        <input type="checkbox" name="hideEstimatesUntilOwn" defaultChecked={hideEstimatesUntilOwn} aria-describedby="hide-estimates-hint" /> Hide colleagues’ estimates
        until you have made your own
      </label>
      <p id="hide-estimates-hint" className="hint">
        Against anchoring: on an open scenario, an analyst or admin sees only their own estimates until they record one; then every estimate shows. Viewers, who do
        not estimate, see them all; once a scenario is resolved everyone does. Enforced on the server for pages and the API.
      </p>
      <div className="actions">
        <button type="submit" className="btn-primary" disabled={pending}>{pending ? 'Saving…' : 'Save'}</button>
      </div>
    </form>
  );
}
