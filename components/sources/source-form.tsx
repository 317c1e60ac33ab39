'use client';

import { useKeptFormAction } from '@/components/ui/use-kept-form-action';
import type { Reliability, SourceKind } from '@/lib/generated/prisma/enums';
import type { FormState } from '@/lib/errors';
import { RELIABILITY_LABELS, SOURCE_KIND_LABELS } from '@/lib/sources/schema';
import { Field } from '@/components/ui/field';
import { FormStatus, versionAfterConflict } from '@/components/records/form-status';

export interface SourceFormValues {
  id?: string;
  version?: number;
  title: string;
  outlet: string;
  author: string;
  url: string;
  publishedAt: string;
  kind: SourceKind | '';
  reliability: Reliability | '';
  body: string;
  citedInId: string | null;
  origin: string | null;
}

const LABELS = { title: 'Title', outlet: 'Outlet', author: 'Author', url: 'URL', publishedAt: 'Published', kind: 'Kind', reliability: 'Reliability', citedInId: 'Quoted in', origin: 'Origin' };

export function SourceForm({
  action,
  initial,
  carriers,
  origins,
  submitLabel,
}: {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  initial: SourceFormValues;
  carriers: { id: string; title: string }[];
  /** Origins already named in the workspace, suggested so that one origin is spelled one way. */
  origins: string[];
  submitLabel: string;
}) {
  const { state, formAction, onSubmit, pending } = useKeptFormAction(action);
  const errors = state.fieldErrors ?? {};
  const v = (key: keyof SourceFormValues, fallback: string) => state.values?.[key] ?? fallback;
  return (
    <form action={formAction} onSubmit={onSubmit} className="form panel" noValidate>
      <FormStatus state={state} labels={LABELS} />
      {initial.id && <input type="hidden" name="id" value={initial.id} />}
      {initial.version !== undefined && <input type="hidden" name="version" value={versionAfterConflict(state, initial.version)} />}
      <div className="form-grid">
        <Field label="Title" name="title" errors={errors.title} className="span-2">
          {(p) => <input {...p} type="text" defaultValue={v('title', initial.title)} maxLength={500} required />}
        </Field>
        <Field label="Outlet" name="outlet" errors={errors.outlet} hint="Publication, think tank or channel">
          {(p) => <input {...p} type="text" defaultValue={v('outlet', initial.outlet)} maxLength={200} required />}
        </Field>
        <Field label="Author" name="author" errors={errors.author}>
          {(p) => <input {...p} type="text" defaultValue={v('author', initial.author)} maxLength={300} />}
        </Field>
        <Field label="URL" name="url" errors={errors.url}>
          {(p) => <input {...p} type="url" defaultValue={v('url', initial.url)} placeholder="https://" />}
        </Field>
        <Field label="Published" name="publishedAt" errors={errors.publishedAt} hint="When the source was published (not when the stance held)">
          {(p) => <input {...p} type="date" defaultValue={v('publishedAt', initial.publishedAt)} required />}
        </Field>
        <Field label="Kind" name="kind" errors={errors.kind}>
          {(p) => (
            <select {...p} defaultValue={v('kind', initial.kind)} required>
              <option value="">Choose…</option>
              {Object.entries(SOURCE_KIND_LABELS).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
            </select>
          )}
        </Field>
        <Field label="Reliability" name="reliability" errors={errors.reliability} hint="NATO Admiralty grade of the source">
          {(p) => (
            <select {...p} defaultValue={v('reliability', initial.reliability)} required>
              <option value="">Choose…</option>
              {Object.entries(RELIABILITY_LABELS).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
            </select>
          )}
        </Field>
        <Field label="Quoted in" name="citedInId" errors={errors.citedInId} hint="When this source is a statement or comment carried by another source" className="span-2">
          {(p) => (
            <select {...p} defaultValue={v('citedInId', initial.citedInId ?? '')}>
              <option value="">Not quoted in another source</option>
              {carriers.filter((c) => c.id !== initial.id).map((c) => <option key={c.id} value={c.id}>{c.title}</option>)}
            </select>
          )}
        </Field>
        <Field
          label="Origin"
          name="origin"
          errors={errors.origin}
          hint="The original reporting this source's content comes from (the article or note it quotes). Sources with the same origin count once in weighted figures; leave blank for an independent source."
          className="span-2"
        >
          {(p) => (
            <>
              <input {...p} type="text" list="source-origins" defaultValue={v('origin', initial.origin ?? '')} maxLength={500} />
              <datalist id="source-origins">
                {origins.map((o) => <option key={o} value={o} />)}
              </datalist>
            </>
          )}
        </Field>
        <Field label="Text" name="body" errors={errors.body} hint="Paste the source's text to capture quotes from it: actor names are highlighted and a selected sentence starts an assessment." className="span-2">
          {(p) => <textarea {...p} defaultValue={v('body', initial.body)} style={{ minHeight: 160 }} />}
        </Field>
      </div>
      <div className="actions">
        <button type="submit" className="btn-primary" disabled={pending}>{pending ? 'Saving…' : submitLabel}</button>
      </div>
    </form>
  );
}
