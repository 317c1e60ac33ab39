'use client';

import { Fragment, useState } from 'react';
import { OVERRIDE_FIELDS, OVERRIDE_LABELS, type OverrideField } from '@/lib/scenarios/schema';
import type { BaselineActor, ComposedActor, ComposedStatus } from '@/lib/scenarios/types';
import { ReadingsTable } from './readings-table';
import { num } from './format';

export const STATUS_TEXT: Record<ComposedStatus, string> = {
  baseline: 'Baseline',
  overridden: 'Changed',
  added: 'Added',
  excluded: 'Left out',
  covered: 'Left out by default',
  incomplete: 'Left out: values missing',
};

function ValueCell({ actor, field }: { actor: ComposedActor; field: OverrideField }) {
  const base = actor.baseline?.[field];
  const over = actor.override?.[field] ?? null;
  const changed = over !== null && actor.included && base !== undefined && over !== base;
  const defaulted = field === 'capability' && (actor.included ? actor.capabilityDefaulted : actor.baseline?.capabilityDefaulted);
  if (!actor.included) {
    return (
      <td className="num muted">
        {base === undefined ? (over === null ? '—' : num(over)) : num(base)}
        {defaulted && <div className="small">default</div>}
      </td>
    );
  }
  return (
    <td className={`num${changed ? ' sc-changed' : ''}`} data-field={field}>
      <strong>{num(actor.value?.[field])}</strong>
      {changed && <div className="small">was {num(base)}</div>}
      {actor.status === 'added' && <div className="small">set by analyst</div>}
      {defaulted && <div className="small">default (no reading gives one)</div>}
    </td>
  );
}

/** A scenario's inputs: what the model uses for each actor, what changed from the baseline, and why. */
export function InputsTable({ actors, baseline }: { actors: ComposedActor[]; baseline: BaselineActor[] }) {
  const [open, setOpen] = useState<Record<string, boolean>>({});
  const byId = new Map(baseline.map((b) => [b.actorId, b]));
  if (!actors.length) return <p className="muted">No actor has readings on this issue up to this date, and none was added.</p>;
  return (
    <div className="sc-scroll">
      <table className="data sc-table" aria-label="Scenario inputs per actor">
        <thead>
          <tr>
            <th>Actor</th>
            {OVERRIDE_FIELDS.map((f) => (
              <th key={f} className="num">{OVERRIDE_LABELS[f]}</th>
            ))}
            <th className="num">Sources</th>
            <th>Status</th>
            <th>How</th>
          </tr>
        </thead>
        <tbody>
          {actors.map((a) => {
            const b = byId.get(a.actorId);
            return (
              <Fragment key={a.actorId}>
                <tr className={a.included ? '' : 'sc-out'} data-actor={a.name}>
                  <th scope="row">{a.name}</th>
                  {OVERRIDE_FIELDS.map((f) => (
                    <ValueCell key={f} actor={a} field={f} />
                  ))}
                  <td className="num">{a.baseline?.nSources ?? 0}</td>
                  <td>
                    {STATUS_TEXT[a.status]}
                    {a.status === 'covered' && a.coveredBy && <div className="small muted">part of {a.coveredBy.name}</div>}
                  </td>
                  <td>
                    {b ? (
                      <button
                        type="button"
                        className="btn-small"
                        aria-expanded={Boolean(open[a.actorId])}
                        aria-controls={`how-${a.actorId}`}
                        onClick={() => setOpen((o) => ({ ...o, [a.actorId]: !o[a.actorId] }))}
                      >
                        {open[a.actorId] ? 'Hide readings' : 'Show readings'}
                      </button>
                    ) : (
                      <span className="small muted">no readings</span>
                    )}
                  </td>
                </tr>
                {b && (
                  <tr id={`how-${a.actorId}`} hidden={!open[a.actorId]} className="sc-how-row">
                    <td colSpan={7}>
                      <ReadingsTable actor={b} />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
