import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { requirePageContext } from '@/lib/auth/request';
import { findOrNull } from '@/lib/records/find-or-null';
import { modelProblem } from '@/lib/scenarios/inputs';
import { getScenario, scenarioModel, scenarioOptions } from '@/lib/scenarios/queries';
import { isoDay } from '@/lib/format';
import { compareParamsSchema, MAX_COMPARE } from '@/lib/scenarios/schema';
import { CompareRun } from '@/components/scenarios/compare-run';
import { CompareInputsTable } from '@/components/scenarios/compare-inputs';
import '../../../scenarios.css';

export const metadata: Metadata = { title: 'Compare scenarios' };

type Loaded = NonNullable<Awaited<ReturnType<typeof load>>>;

async function load(ctx: Awaited<ReturnType<typeof requirePageContext>>, id: string) {
  const scenario = await findOrNull(getScenario(ctx, id));
  if (!scenario || scenario.deletedAt) return null;
  return { scenario, model: await scenarioModel(ctx, scenario) };
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
          <div className="actions mt-8">
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
            <CompareInputsTable
              issuesDiffer={issues.size > 1}
              scenarios={loaded.map((l) => ({
                id: l.scenario.id,
                name: l.scenario.name,
                issueTitle: l.scenario.issue.title,
                asOfDay: l.scenario.asOfDay,
                authorName: l.scenario.authorName,
                outcome: l.scenario.outcome,
                description: l.scenario.description,
                actors: l.model.composed.actors,
              }))}
            />
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
