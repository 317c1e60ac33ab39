import { Fragment } from 'react';
import Link from '@/components/ui/link';
import { num } from '@/components/scenarios/format';
import { OUTCOME_LABELS } from '@/lib/scenarios/likelihood';
import { OVERRIDE_FIELDS, OVERRIDE_LABELS } from '@/lib/scenarios/schema';
import type { ComposedActor } from '@/lib/scenarios/types';

export interface CompareInputsScenario {
  id: string;
  name: string;
  issueTitle: string;
  asOfDay: string;
  authorName: string;
  outcome: keyof typeof OUTCOME_LABELS | null;
  description: string | null;
  actors: ComposedActor[];
}

function allSame(values: (string | number | null)[]): boolean {
  return values.every((v) => v === values[0]);
}

/**
 * The inputs of the compared scenarios side by side: one column per scenario, one row per fact and
 * per actor (the union across the scenarios, by name), with every value that differs marked.
 */
export function CompareInputsTable({ scenarios, issuesDiffer }: { scenarios: CompareInputsScenario[]; issuesDiffer: boolean }) {
  const actorIds = new Map<string, string>();
  for (const s of scenarios) for (const a of s.actors) actorIds.set(a.actorId, a.name);
  const actorRows = [...actorIds.entries()].sort((a, b) => a[1].localeCompare(b[1]));
  const cell = (s: CompareInputsScenario, actorId: string): ComposedActor | undefined => s.actors.find((a) => a.actorId === actorId);
  const fieldValue = (s: CompareInputsScenario, actorId: string, field: (typeof OVERRIDE_FIELDS)[number]) => {
    const a = cell(s, actorId);
    return a?.value ? Number(a.value[field].toFixed(2)) : null;
  };

  return (
    <div className="sc-scroll">
      <table className="data sc-compare" aria-label="Inputs of the compared scenarios">
        <thead>
          <tr>
            <th />
            {scenarios.map((s) => (
              <th key={s.id}>
                <Link href={`/scenarios/${s.id}`}>{s.name}</Link>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Issue</th>
            {scenarios.map((s) => (
              <td key={s.id} className={issuesDiffer ? 'sc-diff-cell' : ''}>{s.issueTitle}</td>
            ))}
          </tr>
          <tr>
            <th scope="row">Baseline as of</th>
            {scenarios.map((s) => (
              <td key={s.id} className={allSame(scenarios.map((x) => x.asOfDay)) ? '' : 'sc-diff-cell'}>
                {s.asOfDay}
              </td>
            ))}
          </tr>
          <tr>
            <th scope="row">Author · status</th>
            {scenarios.map((s) => (
              <td key={s.id}>
                {s.authorName} · {s.outcome ? OUTCOME_LABELS[s.outcome] : 'Open'}
              </td>
            ))}
          </tr>
          <tr>
            <th scope="row">Assumptions</th>
            {scenarios.map((s) => (
              <td key={s.id} className="small sc-prose">{s.description || '—'}</td>
            ))}
          </tr>
          {actorRows.map(([actorId, name]) => (
            <tr key={actorId}>
              <th scope="row">{name}</th>
              {scenarios.map((s) => {
                const a = cell(s, actorId);
                if (!a?.value) {
                  const inOthers = scenarios.some((x) => cell(x, actorId)?.value);
                  return (
                    <td key={s.id} className={inOthers ? 'sc-diff-cell muted' : 'muted'}>
                      {inOthers && <span className="sc-diff" aria-hidden="true">≠ </span>}
                      Left out{inOthers && <span className="sc-sr-only"> (differs)</span>}
                    </td>
                  );
                }
                return (
                  <td key={s.id}>
                    <div className="sc-triple">
                      {OVERRIDE_FIELDS.map((f, k) => {
                        const differs = !allSame(scenarios.map((x) => fieldValue(x, actorId, f)));
                        return (
                          <Fragment key={f}>
                            {k > 0 && <span className="muted" aria-hidden="true">·</span>}
                            <span className={differs ? 'sc-diff' : ''} title={OVERRIDE_LABELS[f]}>
                              {differs && <span aria-hidden="true">≠ </span>}
                              <span className="sc-sr-only">{OVERRIDE_LABELS[f]} </span>
                              {num(a.value![f])}
                              {differs && <span className="sc-sr-only"> (differs)</span>}
                            </span>
                          </Fragment>
                        );
                      })}
                    </div>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
