'use client';

import { useKeptFormAction } from '@/components/ui/use-kept-form-action';
import { Field } from '@/components/ui/field';
import { FormStatus } from '@/components/records/form-status';
import type { FormState } from '@/lib/errors';

type Action = (prev: FormState, formData: FormData) => Promise<FormState>;

/**
 * Watch (or change the threshold of the watch of) one actor or one issue, with the field's error next
 * to it; and stop watching. On the actor's and the issue's page.
 */
export function WatchForm({
  target,
  watch,
  saveAction,
  removeAction,
}: {
  target: { actorId: string } | { issueId: string };
  watch: { id: string; threshold: number } | null;
  saveAction: Action;
  removeAction: Action;
}) {
  const { state, formAction, onSubmit, pending } = useKeptFormAction(saveAction);
  const remove = useKeptFormAction(removeAction);
  const errors = state.fieldErrors ?? {};
  const about = 'actorId' in target ? 'this actor’s current position on any issue' : 'an actor’s current position on this issue';
  return (
    <section className="panel" aria-labelledby="watch-heading">
      <h2 id="watch-heading">Alerts</h2>
      <form action={formAction} onSubmit={onSubmit} className="form" noValidate>
        <FormStatus state={state} labels={{ threshold: 'Threshold' }} />
        {'actorId' in target ? <input type="hidden" name="actorId" value={target.actorId} /> : <input type="hidden" name="issueId" value={target.issueId} />}
        <div className="row" style={{ alignItems: 'flex-end', gap: 10, flexWrap: 'wrap' }}>
          <Field
            label="Threshold (scale points)"
            name="threshold"
            errors={errors.threshold}
            hint={`Tell me when one change moves ${about} by more than this (0-100).`}
          >
            {(p) => <input {...p} type="text" inputMode="decimal" defaultValue={state.values?.threshold ?? (watch ? String(watch.threshold) : '10')} style={{ maxWidth: 120 }} />}
          </Field>
          <div className="actions">
            <button type="submit" className="btn-primary" disabled={pending}>
              {pending ? 'Saving…' : watch ? 'Update alert' : 'Watch'}
            </button>
          </div>
        </div>
      </form>
      {watch && (
        <form action={remove.formAction} onSubmit={remove.onSubmit} className="row" style={{ gap: 10, marginTop: 8 }}>
          <input type="hidden" name="id" value={watch.id} />
          <span className="muted small">Watching: moves of more than {watch.threshold} points.</span>
          <button type="submit" className="btn-small" disabled={remove.pending}>
            Stop watching
          </button>
          {remove.state.message && (
            <span role={remove.state.ok ? 'status' : 'alert'} className="small">
              {remove.state.message}
            </span>
          )}
        </form>
      )}
    </section>
  );
}
