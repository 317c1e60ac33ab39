'use client';

import { useKeptFormAction } from '@/components/ui/use-kept-form-action';
import { useEffect, useRef, useState } from 'react';
import type { Confidence } from '@/lib/generated/prisma/enums';
import type { FormState } from '@/lib/errors';
import { ASSESSMENT_FIELD_LABELS, CONFIDENCE_LABELS, CREDIBILITY_LABELS } from '@/lib/assessments/schema';
import { nearestAnchor, type Anchor } from '@/lib/issues/schema';
import { Field } from '@/components/ui/field';
import { FormStatus, versionAfterConflict } from '@/components/records/form-status';
import { ScaleInput } from './scale-input';

export interface AssessmentFormValues {
  id?: string;
  version?: number;
  actorId: string;
  issueId: string;
  sourceId: string;
  position: number | '';
  salience: number | '';
  capability: number | null | '';
  confidence: Confidence | '';
  credibility: number | '';
  stanceDate: string;
  quote: string;
  rationale: string;
}

export function AssessmentForm({
  action,
  initial,
  actors,
  issues,
  sources,
  submitLabel,
}: {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  initial: AssessmentFormValues;
  actors: { id: string; name: string }[];
  issues: { id: string; title: string; anchors: Anchor[] }[];
  sources: { id: string; title: string; outlet: string; publishedAt: string; reliability: string }[];
  submitLabel: string;
}) {
  const { state, formAction, onSubmit, pending } = useKeptFormAction(action);
  const errors = state.fieldErrors ?? {};
  const v = (key: keyof AssessmentFormValues) => state.values?.[key] ?? String(initial[key] ?? '');
  const [issueId, setIssueId] = useState(v('issueId'));
  const issueSelect = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    // An issue chosen before the page became interactive is in the DOM but not in state: adopt it, so the
    // scale shows its anchors. (The select is uncontrolled, so React never resets what was chosen.)
    const chosen = issueSelect.current?.value;
    if (chosen !== undefined && chosen !== issueId) setIssueId(chosen);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only once, after hydration
  }, []);
  const anchors = issues.find((i) => i.id === issueId)?.anchors ?? [];
  return (
    <form action={formAction} onSubmit={onSubmit} className="form panel" noValidate style={{ maxWidth: 880 }}>
      <FormStatus state={state} labels={ASSESSMENT_FIELD_LABELS} />
      {initial.id && <input type="hidden" name="id" value={initial.id} />}
      {initial.version !== undefined && <input type="hidden" name="version" value={versionAfterConflict(state, initial.version)} />}
      <div className="form-grid">
        <Field label="Actor" name="actorId" errors={errors.actorId}>
          {(p) => (
            <select {...p} defaultValue={v('actorId')} required>
              <option value="">Choose an actor…</option>
              {actors.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
            </select>
          )}
        </Field>
        <Field label="Issue" name="issueId" errors={errors.issueId}>
          {(p) => (
            <select {...p} ref={issueSelect} defaultValue={v('issueId')} onChange={(e) => setIssueId(e.target.value)} required>
              <option value="">Choose an issue…</option>
              {issues.map((i) => <option key={i.id} value={i.id}>{i.title}</option>)}
            </select>
          )}
        </Field>
        <Field label="Source" name="sourceId" errors={errors.sourceId} className="span-2">
          {(p) => (
            <select {...p} defaultValue={v('sourceId')} required>
              <option value="">Choose a source…</option>
              {sources.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.title} — {s.outlet}, {s.publishedAt} ({s.reliability})
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="span-2">
          <ScaleInput
            label="Position"
            name="position"
            errors={errors.position}
            defaultValue={v('position')}
            anchors={anchors}
            describe={(value) => {
              if (value < 0 || value > 100) return 'The scale runs from 0 to 100';
              const anchor = nearestAnchor(anchors, value);
              return anchor ? `${value} ≈ ${anchor.label}` : issueId ? `${value}` : 'Choose an issue to see what the numbers mean';
            }}
          />
        </div>
        <ScaleInput
          label="Salience"
          name="salience"
          errors={errors.salience}
          defaultValue={v('salience')}
          describe={(value) => `${value}: how much the issue matters to the actor (0 not at all, 100 overriding)`}
        />
        <ScaleInput
          label="Capability"
          name="capability"
          optional
          errors={errors.capability}
          defaultValue={v('capability')}
          describe={(value) => `${value}: the actor's clout on this issue (optional; 0 none, 100 decisive)`}
        />
        <fieldset className="field" style={{ border: 0, padding: 0, margin: 0 }} aria-describedby="field-confidence-error">
          <legend className="label">Confidence</legend>
          <div className="row" role="radiogroup">
            {Object.entries(CONFIDENCE_LABELS).map(([value, label]) => (
              <label key={value} className="row" style={{ gap: 4, fontWeight: 400 }}>
                <input type="radio" name="confidence" value={value} defaultChecked={v('confidence') === value} /> {label}
              </label>
            ))}
          </div>
          <div className="error" id="field-confidence-error" aria-live="polite">{errors.confidence?.join(' ')}</div>
        </fieldset>
        <Field label="Credibility" name="credibility" errors={errors.credibility} hint="Admiralty credibility of the information">
          {(p) => (
            <select {...p} defaultValue={v('credibility')} required>
              <option value="">Choose…</option>
              {Object.entries(CREDIBILITY_LABELS).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
            </select>
          )}
        </Field>
        <Field label="Stance date" name="stanceDate" errors={errors.stanceDate} hint="When the stance held, which may differ from when the source was published">
          {(p) => <input {...p} type="date" defaultValue={v('stanceDate')} required />}
        </Field>
        <Field label="Quote" name="quote" errors={errors.quote} hint="The sentence from the source that supports this reading" className="span-2">
          {(p) => <textarea {...p} defaultValue={v('quote')} required />}
        </Field>
        <Field label="Rationale" name="rationale" errors={errors.rationale} hint="How you got from the quote to the numbers" className="span-2">
          {(p) => <textarea {...p} defaultValue={v('rationale')} />}
        </Field>
      </div>
      <div className="actions">
        <button type="submit" className="btn-primary" disabled={pending}>{pending ? 'Saving…' : submitLabel}</button>
      </div>
    </form>
  );
}
