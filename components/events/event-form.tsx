'use client';

import { useKeptFormAction } from '@/components/ui/use-kept-form-action';
import type { FormState } from '@/lib/errors';
import { Field } from '@/components/ui/field';
import { FormStatus } from '@/components/records/form-status';

const LABELS = { occurredOn: 'Date', title: 'Title', description: 'Description', sourceId: 'Source', issueIds: 'Issues' };

export function EventForm({
  action,
  issues,
  sources,
  initialIssueIds,
}: {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  issues: { id: string; title: string }[];
  sources: { id: string; title: string }[];
  initialIssueIds: string[];
}) {
  const { state, formAction, onSubmit, pending } = useKeptFormAction(action);
  const v = (key: keyof typeof LABELS) => state.values?.[key] ?? '';
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} onSubmit={onSubmit} className="form panel" noValidate>
      <FormStatus state={state} labels={LABELS} />
      <div className="form-grid">
        <Field label="Date" name="occurredOn" errors={errors.occurredOn}>
          {(p) => <input {...p} type="date" defaultValue={v('occurredOn')} required />}
        </Field>
        <Field label="Title" name="title" errors={errors.title} hint="As it should read on the charts: Trilateral statement">
          {(p) => <input {...p} type="text" defaultValue={v('title')} maxLength={200} required />}
        </Field>
        <Field label="Source" name="sourceId" errors={errors.sourceId}>
          {(p) => (
            <select {...p} defaultValue={v('sourceId')}>
              <option value="">None</option>
              {sources.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.title}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Description" name="description" errors={errors.description} className="span-2">
          {(p) => <textarea {...p} defaultValue={v('description')} maxLength={5000} />}
        </Field>
        <fieldset className="field span-2" aria-describedby="field-issueIds-hint field-issueIds-error">
          <legend>Issues</legend>
          <div className="hint" id="field-issueIds-hint">
            The issues whose charts show the event. Choose none for the whole workspace.
          </div>
          <div className="checkbox-list">
            {issues.map((issue) => (
              <label key={issue.id}>
                <input type="checkbox" name="issueIds" value={issue.id} defaultChecked={initialIssueIds.includes(issue.id)} /> {issue.title}
              </label>
            ))}
          </div>
          <div id="field-issueIds-error" className="error" aria-live="polite">
            {errors.issueIds?.map((message) => <div key={message}>{message}</div>)}
          </div>
        </fieldset>
      </div>
      <div className="actions">
        <button type="submit" className="btn-primary" disabled={pending}>
          {pending ? 'Saving…' : 'Record event'}
        </button>
      </div>
    </form>
  );
}
