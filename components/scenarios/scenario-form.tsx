'use client';

import { Fragment, useActionState, useState } from 'react';
import type { FormState } from '@/lib/errors';
import type { Anchor } from '@/lib/issues/schema';
import {
  actorErrorKey,
  includeFieldName,
  OVERRIDE_FIELDS,
  OVERRIDE_LABELS,
  overrideFieldName,
  SCENARIO_FIELD_LABELS,
  type OverrideField,
} from '@/lib/scenarios/schema';
import type { ActorOverride, BaselineActor } from '@/lib/scenarios/types';
import { DEFAULT_CAPABILITY } from '@/lib/scenarios/weights';
import { Field } from '@/components/ui/field';
import { FormStatus, versionAfterConflict } from '@/components/records/form-status';
import { ReadingsTable } from './readings-table';
import { num } from './format';

export interface ScenarioFormInitial {
  id?: string;
  version?: number;
  name: string;
  description: string;
  overrides: ActorOverride[];
}

const fieldId = (name: string) => `field-${name}`;

/**
 * The baseline table with a row per actor: include or leave out, and override any value (blank keeps
 * the baseline). Actors without readings can be added with all three values. Every input is a plain
 * form field (`position_<actorId>`...), so the server action validates the whole table with the one
 * shared schema, and an error comes back on the exact actor and field with every typed value kept.
 */
export function ScenarioForm({
  action,
  issue,
  asOf,
  baseline,
  initial,
  actorOptions,
  submitLabel,
}: {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  issue: { id: string; title: string; anchors: Anchor[] };
  asOf: string;
  baseline: BaselineActor[];
  initial: ScenarioFormInitial;
  actorOptions: { id: string; name: string }[];
  submitLabel: string;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const inBaseline = new Set(baseline.map((b) => b.actorId));
  const initialOverrides = new Map(initial.overrides.map((o) => [o.actorId, o]));
  // An actor without readings is in the scenario only as an added actor; a stored exclusion of one
  // (it had readings at another as-of date) means nothing here and is dropped on save.
  const [added, setAdded] = useState<string[]>(() => initial.overrides.filter((o) => !inBaseline.has(o.actorId) && !o.excluded).map((o) => o.actorId));
  const [toAdd, setToAdd] = useState('');
  const [open, setOpen] = useState<Record<string, boolean>>({});
  const names = new Map(actorOptions.map((a) => [a.id, a.name]));
  for (const o of initial.overrides) if (!names.has(o.actorId)) names.set(o.actorId, o.name);
  const errors = state.fieldErrors ?? {};
  const submitted = state.values !== undefined;

  const v = (key: string, fallback: string) => state.values?.[key] ?? fallback;
  const overrideValue = (actorId: string, field: OverrideField) => {
    const value = initialOverrides.get(actorId)?.[field];
    return v(overrideFieldName(field, actorId), value === null || value === undefined ? '' : String(value));
  };
  const included = (actorId: string, fallback: boolean) => {
    if (submitted) return state.values?.[includeFieldName(actorId)] === 'on';
    const o = initialOverrides.get(actorId);
    return o ? !o.excluded : fallback;
  };

  const actorErrors = Object.entries(errors).filter(([key]) => key.startsWith('actors.'));
  const addable = actorOptions.filter((a) => !inBaseline.has(a.id) && !added.includes(a.id));

  const valueCell = (actorId: string, actorName: string, field: OverrideField, baselineValue: number | null, note?: string) => {
    const name = overrideFieldName(field, actorId);
    const errs = errors[actorErrorKey(actorId, field)];
    const errId = `${fieldId(name)}-error`;
    const hintId = `${fieldId(name)}-hint`;
    return (
      <td className="sc-value">
        <input
          id={fieldId(name)}
          name={name}
          type="number"
          inputMode="decimal"
          min={0}
          max={100}
          step="any"
          defaultValue={overrideValue(actorId, field)}
          placeholder=" "
          aria-label={`${actorName}: ${OVERRIDE_LABELS[field].toLowerCase()}`}
          aria-invalid={Boolean(errs?.length)}
          aria-describedby={`${hintId} ${errId}`}
        />
        <div className="small muted" id={hintId}>
          {baselineValue === null ? 'no baseline: required' : `baseline ${num(baselineValue)}${note ?? ''}`}
        </div>
        <div className="error small" id={errId} aria-live="polite">
          {errs?.map((m) => <div key={m}>{m}</div>)}
        </div>
      </td>
    );
  };

  return (
    <form action={formAction} className="panel sc-form" noValidate>
      <FormStatus state={state} labels={SCENARIO_FIELD_LABELS} />
      {actorErrors.length > 0 && (
        <ul className="sc-error-list" aria-label="Fields to fix">
          {actorErrors.map(([key, messages]) => {
            const [, actorId, field] = key.split('.') as [string, string, string];
            const target = field === 'actorId' || field === 'included' ? `row-${actorId}` : fieldId(overrideFieldName(field as OverrideField, actorId));
            return (
              <li key={key}>
                <a href={`#${target}`}>
                  {names.get(actorId) ?? 'Actor'}
                  {field in OVERRIDE_LABELS ? `, ${OVERRIDE_LABELS[field as OverrideField].toLowerCase()}` : ''}
                </a>
                : {messages.join(' ')}
              </li>
            );
          })}
        </ul>
      )}
      {initial.id && <input type="hidden" name="id" value={initial.id} />}
      {initial.version !== undefined && <input type="hidden" name="version" value={versionAfterConflict(state, initial.version)} />}
      {!initial.id && <input type="hidden" name="issueId" value={issue.id} />}
      <input type="hidden" name="asOf" value={asOf} />
      <input type="hidden" name="actorRows" value="1" />

      <div className="form-grid sc-form-head">
        <Field label="Name" name="name" errors={errors.name} hint="What the scenario assumes, in a few words: “Turkey doubles down”">
          {(p) => <input {...p} type="text" defaultValue={v('name', initial.name)} maxLength={200} required />}
        </Field>
        <div className="field">
          <span className="label">Issue and baseline date</span>
          <div>
            {issue.title}
            <div className="small muted">Baseline: each source’s latest reading with a stance dated up to {asOf}</div>
          </div>
        </div>
        <Field
          label="Assumptions"
          name="description"
          errors={errors.description}
          className="span-2"
          hint="What has to be true for this scenario, and what would count as it happening (used when it is resolved)."
        >
          {(p) => <textarea {...p} defaultValue={v('description', initial.description)} maxLength={10_000} rows={4} />}
        </Field>
      </div>

      <h2 style={{ marginTop: 8 }}>Actors and their values</h2>
      <p className="small muted">
        Leave a value blank to keep the baseline. Untick an actor to leave it out. Parts of another actor in the baseline (a leader of a state that has
        its own readings) are left out by default so that one side is not counted twice; tick them to include them.
      </p>
      <div className="sc-scroll">
        <table className="data sc-table">
          <thead>
            <tr>
              <th>In</th>
              <th>Actor</th>
              {OVERRIDE_FIELDS.map((f) => (
                <th key={f}>{OVERRIDE_LABELS[f]}</th>
              ))}
              <th className="num">Sources</th>
              <th>How</th>
            </tr>
          </thead>
          <tbody>
            {baseline.map((b) => {
              const rowErr = errors[actorErrorKey(b.actorId, 'actorId')];
              return (
                <Fragment key={b.actorId}>
                  <tr id={`row-${b.actorId}`} className="sc-row">
                    <td>
                      <input type="hidden" name="actorId" value={b.actorId} />
                      <input
                        type="checkbox"
                        className="sc-include"
                        name={includeFieldName(b.actorId)}
                        defaultChecked={included(b.actorId, b.defaultIncluded)}
                        aria-label={`Include ${b.name}`}
                      />
                    </td>
                    <td>
                      <strong>{b.name}</strong>
                      {b.coveredBy && (
                        <div className="small muted">Part of {b.coveredBy.name}: left out unless ticked</div>
                      )}
                      {rowErr && <div className="error small">{rowErr.join(' ')}</div>}
                    </td>
                    {valueCell(b.actorId, b.name, 'position', b.position)}
                    {valueCell(b.actorId, b.name, 'salience', b.salience)}
                    {valueCell(b.actorId, b.name, 'capability', b.capability, b.capabilityDefaulted ? ' (default: no reading gives one)' : '')}
                    <td className="num">{b.nSources}</td>
                    <td>
                      <button
                        type="button"
                        className="btn-small"
                        aria-expanded={Boolean(open[b.actorId])}
                        aria-controls={`how-${b.actorId}`}
                        onClick={() => setOpen((o) => ({ ...o, [b.actorId]: !o[b.actorId] }))}
                      >
                        {open[b.actorId] ? 'Hide readings' : 'Show readings'}
                      </button>
                    </td>
                  </tr>
                  <tr id={`how-${b.actorId}`} hidden={!open[b.actorId]} className="sc-how-row">
                    <td colSpan={7}>
                      <ReadingsTable actor={b} />
                    </td>
                  </tr>
                </Fragment>
              );
            })}
            {added.map((actorId) => {
              const name = names.get(actorId) ?? 'Unknown actor';
              const rowErr = errors[actorErrorKey(actorId, 'actorId')];
              return (
                <tr key={actorId} id={`row-${actorId}`} className="sc-row sc-added">
                  <td>
                    <input type="hidden" name="actorId" value={actorId} />
                    <input type="hidden" name={includeFieldName(actorId)} value="on" />
                    <span className="badge">Added</span>
                  </td>
                  <td>
                    <strong>{name}</strong>
                    <div className="small muted">No readings up to {asOf}: give all three values</div>
                    {rowErr && <div className="error small">{rowErr.join(' ')}</div>}
                  </td>
                  {valueCell(actorId, name, 'position', null)}
                  {valueCell(actorId, name, 'salience', null)}
                  {valueCell(actorId, name, 'capability', null)}
                  <td className="num">0</td>
                  <td>
                    <button type="button" className="btn-small" onClick={() => setAdded((list) => list.filter((id) => id !== actorId))} aria-label={`Remove ${name} from the scenario`}>
                      Remove
                    </button>
                  </td>
                </tr>
              );
            })}
            {baseline.length === 0 && added.length === 0 && (
              <tr>
                <td colSpan={7} className="muted">
                  No actor has an assessment on this issue dated up to {asOf}. Choose a later date, or add actors below with their values.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <div className="row sc-add">
        <label htmlFor="sc-add-actor" className="label">Add an actor without readings</label>
        <select id="sc-add-actor" value={toAdd} onChange={(e) => setToAdd(e.target.value)} style={{ width: 'auto', minWidth: 220 }}>
          <option value="">Choose…</option>
          {addable.map((a) => (
            <option key={a.id} value={a.id}>{a.name}</option>
          ))}
        </select>
        <button
          type="button"
          disabled={!toAdd}
          onClick={() => {
            setAdded((list) => [...list, toAdd]);
            setToAdd('');
          }}
        >
          Add
        </button>
        <span className="small muted">Capability with no reading defaults to {DEFAULT_CAPABILITY}; override it if you know better.</span>
      </div>
      <div className="actions">
        <button type="submit" className="btn-primary" disabled={pending}>
          {pending ? 'Saving…' : submitLabel}
        </button>
      </div>
    </form>
  );
}
