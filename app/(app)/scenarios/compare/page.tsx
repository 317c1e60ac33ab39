import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { Fragment } from 'react';
import { requirePageContext } from '@/lib/auth/request';
import { findOrNull } from '@/lib/records/find-or-null';
import { modelProblem } from '@/lib/scenarios/inputs';
import { OUTCOME_LABELS } from '@/lib/scenarios/likelihood';
import { getScenario, scenarioModel, scenarioOptions } from '@/lib/scenarios/queries';
import { isoDay } from '@/lib/format';
import { compareParamsSchema, MAX_COMPARE, OVERRIDE_FIELDS, OVERRIDE_LABELS } from '@/lib/scenarios/schema';
import type { ComposedActor } from '@/lib/scenarios/types';
import { CompareRun } from '@/components/scenarios/compare-run';
import { num } from '@/components/scenarios/format';
import '../../../scenarios.css';

export const metadata: Metadata = { title: 'Compare scenarios' };

type Loaded = NonNullable<Awaited<ReturnType<typeof load>>>;

async function load(ctx: Awaited<ReturnType<typeof requirePageContext>>, id: string) {
  const scenario = await findOrNull(getScenario(ctx, id));
  if (!scenario || scenario.deletedAt) return null;
  return { scenario, model: await scenarioModel(ctx, scenario) };
}

function allSame(values: (string | number | null)[]): boolean {
  return values.every((v) => v === values[0]);
}

export default async function ComparePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requirePageContext();
  const sp = await searchParams;
  const requested = [sp.id ?? []].flat();
  const parsed = compareParamsSchema.safeParse({ id: requested });
  const ids = parsed.success ? parsed.data.id : [...new Set(requested)].slice(0, MAX_COMPARE);
  const loaded = (await Promise.all(ids.map((id) => load(ctx, id)))).filter((x): x is Loaded => x !== null);
  const missing = ids.length - loaded.length;
  const options = await scenarioOptions(ctx);
  const ready = loaded.length >= 2;
  const issues = new Set(loaded.map((l) => l.scenario.issueId));
  const anchors = loaded[0]?.scenario.issue.anchors ?? [];

  // Union of actors across the scenarios, by name.
  const actorIds = new Map<string, string>();
  for (const l of loaded) for (const a of l.model.composed.actors) actorIds.set(a.actorId, a.name);
  const actorRows = [...actorIds.entries()].sort((a, b) => a[1].localeCompare(b[1]));
  const cell = (l: Loaded, actorId: string): ComposedActor | undefined => l.model.composed.actors.find((a) => a.actorId === actorId);
  const fieldValue = (l: Loaded, actorId: string, field: (typeof OVERRIDE_FIELDS)[number]) => {
    const a = cell(l, actorId);
    return a?.value ? Number(a.value[field].toFixed(2)) : null;
  };

  return (
    <>
      <div className="breadcrumbs"><Link href="/scenarios">Scenarios</Link> /</div>
      <div className="page-head">
        <div>
          <h1>Compare scenarios</h1>
          <div className="sub">Inputs side by side, with the values that differ marked, and the forecasts of each.</div>
        </div>
      </div>
      {(!parsed.success || missing > 0) && (
        <div className="notice notice-info sc-gap">
          {!parsed.success ? parsed.error.issues[0]?.message : null}
          {missing > 0 ? ` ${missing} of the chosen scenarios could not be found (deleted?) and are not shown.` : ''}
        </div>
      )}
      <details className="panel sc-details" open={!ready}>
        <summary><strong>Choose scenarios</strong> (2 to {MAX_COMPARE})</summary>
        <form method="get" action="/scenarios/compare" className="sc-picker">
          {options.length === 0 && <p className="muted">No scenarios yet.</p>}
          {options.map((o) => (
            <label key={o.id} className="sc-radio">
              <input type="checkbox" name="id" value={o.id} defaultChecked={ids.includes(o.id)} /> {o.name}{' '}
              <span className="small muted">({o.issue.title}, as of {isoDay(o.asOf)})</span>
            </label>
          ))}
          <div className="actions" style={{ marginTop: 8 }}>
            <button type="submit">Compare</button>
          </div>
        </form>
      </details>

      {ready && (
        <>
          {issues.size > 1 && (
            <div className="notice notice-warn sc-gap">These scenarios are on different issues, so their positions are on different scales; compare them with care.</div>
          )}
          <section className="panel" aria-labelledby="compare-inputs-heading">
            <h2 id="compare-inputs-heading">Inputs</h2>
            <p className="small muted">
              Values the model uses (position · salience · capability). A value marked <span className="sc-diff">≠</span> differs between the scenarios.
            </p>
            <div className="sc-scroll">
              <table className="data sc-compare" aria-label="Inputs of the compared scenarios">
                <thead>
                  <tr>
                    <th />
                    {loaded.map((l) => (
                      <th key={l.scenario.id}>
                        <Link href={`/scenarios/${l.scenario.id}`}>{l.scenario.name}</Link>
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  <tr>
                    <th scope="row">Issue</th>
                    {loaded.map((l) => (
                      <td key={l.scenario.id} className={issues.size > 1 ? 'sc-diff-cell' : ''}>{l.scenario.issue.title}</td>
                    ))}
                  </tr>
                  <tr>
                    <th scope="row">Baseline as of</th>
                    {loaded.map((l) => (
                      <td key={l.scenario.id} className={allSame(loaded.map((x) => x.scenario.asOfDay)) ? '' : 'sc-diff-cell'}>
                        {l.scenario.asOfDay}
                      </td>
                    ))}
                  </tr>
                  <tr>
                    <th scope="row">Author · status</th>
                    {loaded.map((l) => (
                      <td key={l.scenario.id}>
                        {l.scenario.authorName} · {l.scenario.outcome ? OUTCOME_LABELS[l.scenario.outcome] : 'Open'}
                      </td>
                    ))}
                  </tr>
                  <tr>
                    <th scope="row">Assumptions</th>
                    {loaded.map((l) => (
                      <td key={l.scenario.id} className="small sc-prose">{l.scenario.description || '—'}</td>
                    ))}
                  </tr>
                  {actorRows.map(([actorId, name]) => (
                    <tr key={actorId}>
                      <th scope="row">{name}</th>
                      {loaded.map((l) => {
                        const a = cell(l, actorId);
                        if (!a?.value) {
                          const inOthers = loaded.some((x) => cell(x, actorId)?.value);
                          return (
                            <td key={l.scenario.id} className={inOthers ? 'sc-diff-cell muted' : 'muted'}>
                              {inOthers && <span className="sc-diff" aria-hidden="true">≠ </span>}
                              Left out{inOthers && <span className="sc-sr-only"> (differs)</span>}
                            </td>
                          );
                        }
                        return (
                          <td key={l.scenario.id}>
                            <div className="sc-triple">
                            {OVERRIDE_FIELDS.map((f, k) => {
                              const differs = !allSame(loaded.map((x) => fieldValue(x, actorId, f)));
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
          </section>
          <CompareRun
            anchors={anchors}
            scenarios={loaded.map((l) => ({
              key: l.scenario.id,
              name: l.scenario.name,
              model: l.model.composed.model,
              uncertain: l.model.composed.uncertain,
              problem: modelProblem(l.model.composed.model),
            }))}
          />
        </>
      )}
    </>
  );
}
