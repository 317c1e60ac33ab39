'use client';

import { useKeptFormAction } from '@/components/ui/use-kept-form-action';
import { useState } from 'react';
import type { FormState } from '@/lib/errors';
import type { Anchor } from '@/lib/issues/schema';
import { Field } from '@/components/ui/field';
import { FormStatus, versionAfterConflict } from '@/components/records/form-status';

const LABELS = { title: 'Title', description: 'Description' };

export function IssueForm({
  action,
  initial,
  submitLabel,
}: {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  initial: { id?: string; version?: number; title: string; description: string; anchors: Anchor[] };
  submitLabel: string;
}) {
  const { state, formAction, onSubmit, pending } = useKeptFormAction(action);
  // Stable keys, so removing a middle row does not shift the typed values of the rows below it.
  const [rows, setRows] = useState<{ key: number; value: number | ''; label: string }[]>(() =>
    (initial.anchors.length ? initial.anchors : [{ value: 0, label: '' }, { value: 50, label: '' }, { value: 100, label: '' }]).map((a, key) => ({ ...a, key })),
  );
  const errors = state.fieldErrors ?? {};
  const anchorErrors = Object.entries(errors)
    .filter(([key]) => key.startsWith('anchors'))
    .flatMap(([, messages]) => messages);
  return (
    <form action={formAction} onSubmit={onSubmit} className="form panel" noValidate>
      <FormStatus state={state} labels={LABELS} />
      {initial.id && <input type="hidden" name="id" value={initial.id} />}
      {initial.version !== undefined && <input type="hidden" name="version" value={versionAfterConflict(state, initial.version)} />}
      <Field label="Title" name="title" errors={errors.title} hint="A contested question, e.g. “Foreign military presence in Nagorno-Karabakh”">
        {(p) => <input {...p} type="text" defaultValue={state.values?.title ?? initial.title} maxLength={300} required />}
      </Field>
      <Field label="Description" name="description" errors={errors.description}>
        {(p) => <textarea {...p} defaultValue={state.values?.description ?? initial.description} />}
      </Field>
      <fieldset className="field" aria-describedby="anchors-hint anchors-error" style={{ border: 0, padding: 0, margin: 0 }}>
        <legend className="label">Anchor points of the 0–100 position scale</legend>
        <div className="hint" id="anchors-hint">
          Label at least 0 and 100, so that every analyst reads a number the same way (0 = no foreign forces, 50 = joint peacekeeping, 100 = Russian-only).
        </div>
        <table className="data" style={{ maxWidth: 640 }}>
          <thead>
            <tr>
              <th style={{ width: 110 }}>Value</th>
              <th>Label</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={row.key}>
                <td>
                  <input type="number" name="anchorValue" min={0} max={100} step={1} defaultValue={row.value} aria-label={`Anchor ${i + 1} value`} />
                </td>
                <td>
                  <input type="text" name="anchorLabel" defaultValue={row.label} aria-label={`Anchor ${i + 1} label`} maxLength={200} />
                </td>
                <td>
                  <button type="button" className="btn-small" onClick={() => setRows((r) => r.filter((x) => x.key !== row.key))} aria-label={`Remove anchor ${i + 1}`}>
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div>
          <button type="button" className="btn-small" onClick={() => setRows((r) => [...r, { value: '', label: '', key: Math.max(0, ...r.map((x) => x.key)) + 1 }])} disabled={rows.length >= 11}>
            Add anchor point
          </button>
        </div>
        <div className="error" id="anchors-error" aria-live="polite">
          {anchorErrors.map((m) => <div key={m}>{m}</div>)}
        </div>
      </fieldset>
      <div className="actions">
        <button type="submit" className="btn-primary" disabled={pending}>
          {pending ? 'Saving…' : submitLabel}
        </button>
      </div>
    </form>
  );
}
