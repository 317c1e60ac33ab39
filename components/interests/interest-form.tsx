'use client';

import { useKeptFormAction } from '@/components/ui/use-kept-form-action';
import type { FormState } from '@/lib/errors';
import { Field } from '@/components/ui/field';
import { FormStatus, versionAfterConflict } from '@/components/records/form-status';

const LABELS = { actorId: 'Actor', sourceId: 'Source', statedOn: 'Stated on', quote: 'Quote', summary: 'Summary' };

export function InterestForm({
  action,
  initial,
  actors,
  sources,
  submitLabel,
}: {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  initial: { id?: string; version?: number; actorId: string; sourceId: string; statedOn: string; quote: string; summary: string };
  actors: { id: string; name: string }[];
  sources: { id: string; title: string }[];
  submitLabel: string;
}) {
  const { state, formAction, onSubmit, pending } = useKeptFormAction(action);
  const errors = state.fieldErrors ?? {};
  const v = (key: keyof typeof LABELS) => state.values?.[key] ?? initial[key];
  return (
    <form action={formAction} onSubmit={onSubmit} className="form panel" noValidate>
      <FormStatus state={state} labels={LABELS} />
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
        <Field label="Stated on" name="statedOn" errors={errors.statedOn}>
          {(p) => <input {...p} type="date" defaultValue={v('statedOn')} required />}
        </Field>
        <Field label="Source" name="sourceId" errors={errors.sourceId} className="span-2">
          {(p) => (
            <select {...p} defaultValue={v('sourceId')} required>
              <option value="">Choose a source…</option>
              {sources.map((s) => <option key={s.id} value={s.id}>{s.title}</option>)}
            </select>
          )}
        </Field>
        <Field label="Quote" name="quote" errors={errors.quote} hint="The interest in the actor's own words" className="span-2">
          {(p) => <textarea {...p} defaultValue={v('quote')} required />}
        </Field>
        <Field label="Summary" name="summary" errors={errors.summary} hint="Your one-line reading of what the actor wants" className="span-2">
          {(p) => <input {...p} type="text" defaultValue={v('summary')} />}
        </Field>
      </div>
      <div className="actions">
        <button type="submit" className="btn-primary" disabled={pending}>{pending ? 'Saving…' : submitLabel}</button>
      </div>
    </form>
  );
}
