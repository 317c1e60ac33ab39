'use client';

import type { FormState } from '@/lib/errors';
import { nearestAnchor, type Anchor } from '@/lib/issues/schema';
import { OPINION_FIELD_LABELS, OPINION_STANCE_LABELS, OPINION_STANCES } from '@/lib/opinions/schema';
import { ScaleInput } from '@/components/assessments/scale-input';
import { FormStatus, versionAfterConflict } from '@/components/records/form-status';
import { Field } from '@/components/ui/field';
import { useKeptFormAction } from '@/components/ui/use-kept-form-action';

/** Your opinion of a colleague's assessment: a new one, or your existing one to edit. */
export function OpinionForm({
  action,
  assessmentId,
  anchors,
  initial,
}: {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  assessmentId: string;
  anchors: Anchor[];
  initial?: { id: string; version: number; stance: string; position: number | null; comment: string };
}) {
  const { state, formAction, onSubmit, pending } = useKeptFormAction(action);
  const errors = state.fieldErrors ?? {};
  const v = (key: 'stance' | 'position' | 'comment') => state.values?.[key] ?? (initial ? String(initial[key] ?? '') : '');
  return (
    <form action={formAction} onSubmit={onSubmit} className="form" noValidate aria-label={initial ? 'Edit your opinion' : 'Give your opinion'}>
      <FormStatus state={state} labels={OPINION_FIELD_LABELS} />
      {initial ? (
        <>
          <input type="hidden" name="id" value={initial.id} />
          <input type="hidden" name="version" value={versionAfterConflict(state, initial.version)} />
        </>
      ) : (
        <input type="hidden" name="assessmentId" value={assessmentId} />
      )}
      <fieldset className="field" style={{ border: 0, padding: 0, margin: 0 }} aria-describedby="field-stance-error">
        <legend>{OPINION_FIELD_LABELS.stance}</legend>
        <div className="row">
          {OPINION_STANCES.map((stance) => (
            <label key={stance} style={{ fontWeight: 400 }}>
              <input type="radio" name="stance" value={stance} defaultChecked={v('stance') === stance} /> {OPINION_STANCE_LABELS[stance]}
            </label>
          ))}
        </div>
        <div id="field-stance-error" className="error" aria-live="polite">
          {errors.stance?.map((m) => <div key={m}>{m}</div>)}
        </div>
      </fieldset>
      <ScaleInput
        label={OPINION_FIELD_LABELS.position!}
        name="position"
        optional
        errors={errors.position}
        defaultValue={v('position')}
        anchors={anchors}
        describe={(value) => {
          if (value < 0 || value > 100) return 'The scale runs from 0 to 100';
          const anchor = nearestAnchor(anchors, value);
          return anchor ? `${value} ≈ ${anchor.label}` : `${value}`;
        }}
      />
      <Field label={OPINION_FIELD_LABELS.comment!} name="comment" errors={errors.comment} hint="Why: what the reading misses, or what supports it">
        {(p) => <textarea {...p} defaultValue={v('comment')} maxLength={5000} rows={3} />}
      </Field>
      <div className="actions">
        <button type="submit" className="btn-primary" disabled={pending}>
          {pending ? 'Saving…' : initial ? 'Save your opinion' : 'Give your opinion'}
        </button>
      </div>
    </form>
  );
}
