'use client';

import { useKeptFormAction } from '@/components/ui/use-kept-form-action';
import type { ActorKind } from '@/lib/generated/prisma/enums';
import { ACTOR_KIND_LABELS } from '@/lib/actors/schema';
import type { FormState } from '@/lib/errors';
import { Field } from '@/components/ui/field';
import { FormStatus, versionAfterConflict } from '@/components/records/form-status';

export interface ActorFormValues {
  id?: string;
  version?: number;
  name: string;
  kind: ActorKind | '';
  aliases: string[];
  parentId: string | null;
  description: string;
}

const LABELS = { name: 'Name', kind: 'Kind', aliases: 'Aliases', parentId: 'Part of', description: 'Description' };

export function ActorForm({
  action,
  initial,
  parents,
  submitLabel,
}: {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  initial: ActorFormValues;
  parents: { id: string; name: string }[];
  submitLabel: string;
}) {
  const { state, formAction, onSubmit, pending } = useKeptFormAction(action);
  const v = (key: keyof typeof LABELS, fallback: string) => state.values?.[key] ?? fallback;
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} onSubmit={onSubmit} className="form panel" noValidate>
      <FormStatus state={state} labels={LABELS} />
      {initial.id && <input type="hidden" name="id" value={initial.id} />}
      {initial.version !== undefined && <input type="hidden" name="version" value={versionAfterConflict(state, initial.version)} />}
      <div className="form-grid">
        <Field label="Name" name="name" errors={errors.name}>
          {(p) => <input {...p} type="text" defaultValue={v('name', initial.name)} maxLength={200} required />}
        </Field>
        <Field label="Kind" name="kind" errors={errors.kind}>
          {(p) => (
            <select {...p} defaultValue={v('kind', initial.kind)} required>
              <option value="">Choose…</option>
              {Object.entries(ACTOR_KIND_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Aliases" name="aliases" errors={errors.aliases} hint="Other names used in sources, separated by commas: Moscow, the Kremlin" className="span-2">
          {(p) => <input {...p} type="text" defaultValue={v('aliases', initial.aliases.join(', '))} />}
        </Field>
        <Field label="Part of" name="parentId" errors={errors.parentId} hint="The larger actor this one speaks for or belongs to (Erdogan → Turkey)">
          {(p) => (
            <select {...p} defaultValue={v('parentId', initial.parentId ?? '')}>
              <option value="">None</option>
              {parents
                .filter((a) => a.id !== initial.id)
                .map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))}
            </select>
          )}
        </Field>
        <Field label="Description" name="description" errors={errors.description} className="span-2">
          {(p) => <textarea {...p} defaultValue={v('description', initial.description)} maxLength={5000} />}
        </Field>
      </div>
      <div className="actions">
        <button type="submit" className="btn-primary" disabled={pending}>
          {pending ? 'Saving…' : submitLabel}
        </button>
      </div>
    </form>
  );
}
