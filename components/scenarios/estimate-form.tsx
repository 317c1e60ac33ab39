'use client';

import { useActionState, useState } from 'react';
import type { Likelihood } from '@/lib/generated/prisma/enums';
import type { FormState } from '@/lib/errors';
import { bandMidpoint, bandOf, bandRange, LIKELIHOOD_BANDS } from '@/lib/scenarios/likelihood';
import { ESTIMATE_FIELD_LABELS } from '@/lib/scenarios/schema';
import { Field } from '@/components/ui/field';
import { FormStatus } from '@/components/records/form-status';

/** Record how likely the scenario is: an ICD 203 term and a probability inside its band. */
export function EstimateForm({
  action,
  scenarioId,
  today,
}: {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  scenarioId: string;
  today: string;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const errors = state.fieldErrors ?? {};
  const v = (key: string, fallback: string) => (state.ok ? fallback : (state.values?.[key] ?? fallback));
  const [likelihood, setLikelihood] = useState<Likelihood | ''>((v('likelihood', '') as Likelihood) || '');
  const [probability, setProbability] = useState(v('probability', ''));
  const band = likelihood ? bandOf(likelihood) : null;
  return (
    <form action={formAction} className="form sc-estimate-form" noValidate>
      <FormStatus state={state} labels={ESTIMATE_FIELD_LABELS} />
      <input type="hidden" name="scenarioId" value={scenarioId} />
      <div className="form-grid">
        <Field label="Likelihood" name="likelihood" errors={errors.likelihood}>
          {(p) => (
            <select
              {...p}
              value={likelihood}
              onChange={(e) => {
                const next = e.target.value as Likelihood | '';
                // Start from the middle of the band unless the analyst already typed a number.
                if (next && (probability === '' || (likelihood && Number(probability) === bandMidpoint(likelihood)))) setProbability(String(bandMidpoint(next)));
                setLikelihood(next);
              }}
              required
            >
              <option value="">Choose…</option>
              {LIKELIHOOD_BANDS.map((b) => (
                <option key={b.value} value={b.value}>
                  {b.label} ({bandRange(b)})
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label="Probability (%)"
          name="probability"
          errors={errors.probability}
          hint={band ? `Inside ${bandRange(band)} for “${band.label.toLowerCase()}”` : 'A number from 1 to 99, inside the band of the term'}
        >
          {(p) => (
            <input
              {...p}
              type="number"
              inputMode="decimal"
              min={band?.min ?? 1}
              max={band?.max ?? 99}
              step="any"
              value={probability}
              onChange={(e) => setProbability(e.target.value)}
              required
            />
          )}
        </Field>
        <Field label="Date of the estimate" name="estimatedOn" errors={errors.estimatedOn}>
          {(p) => <input {...p} type="date" defaultValue={v('estimatedOn', today)} max={today} required />}
        </Field>
        <Field
          label="Forecast position (optional)"
          name="forecastPosition"
          errors={errors.forecastPosition}
          hint="Where you expect the issue to land, 0-100 on its scale; scored against the position reached"
        >
          {(p) => <input {...p} type="number" inputMode="decimal" min={0} max={100} step="any" defaultValue={v('forecastPosition', '')} />}
        </Field>
        <Field label="Rationale" name="rationale" errors={errors.rationale} className="span-2">
          {(p) => <textarea {...p} defaultValue={v('rationale', '')} maxLength={5000} rows={3} />}
        </Field>
      </div>
      <div className="actions">
        <button type="submit" className="btn-primary" disabled={pending}>
          {pending ? 'Saving…' : 'Record estimate'}
        </button>
      </div>
    </form>
  );
}
