import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { requirePageContext } from '@/lib/auth/request';
import { actorOptions } from '@/lib/actors/queries';
import { findOrNull } from '@/lib/records/find-or-null';
import { firstParam } from '@/lib/records/list-params';
import { getScenario, scenarioBaseline } from '@/lib/scenarios/queries';
import { isoDate } from '@/lib/validation';
import { ScenarioForm } from '@/components/scenarios/scenario-form';
import { updateScenarioAction } from '../../actions';
import '../../../../scenarios.css';

export const metadata: Metadata = { title: 'Edit scenario' };

export default async function EditScenarioPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requirePageContext({ permission: 'scenarios:write' });
  const scenario = await findOrNull(getScenario(ctx, (await params).id));
  if (!scenario || scenario.deletedAt) notFound();
  const requested = firstParam((await searchParams).asOf);
  const asOfParsed = requested ? isoDate('As-of date').safeParse(requested) : null;
  const asOf = asOfParsed?.success ? asOfParsed.data : scenario.asOfDay;
  const [baseline, actors] = await Promise.all([scenarioBaseline(ctx, scenario.issueId, asOf), actorOptions(ctx)]);
  return (
    <>
      <div className="breadcrumbs">
        <Link href="/scenarios">Scenarios</Link> / <Link href={`/scenarios/${scenario.id}`}>{scenario.name}</Link> /
      </div>
      <div className="page-head">
        <div>
          <h1>Edit {scenario.name}</h1>
          <div className="sub">On {scenario.issue.title}</div>
        </div>
      </div>
      {scenario.outcome ? (
        <div className="notice notice-warn">
          This scenario is resolved; its inputs are frozen. <Link href={`/scenarios/${scenario.id}`}>Back to the scenario</Link>
        </div>
      ) : (
        <>
          <form method="get" className="panel filters sc-baseline-picker" aria-label="Baseline date">
            <div className="field">
              <label htmlFor="asOf">Baseline as of</label>
              <input id="asOf" name="asOf" type="date" defaultValue={asOf} required aria-describedby="asOf-hint" />
              <div id="asOf-hint" className="hint">
                {asOfParsed && !asOfParsed.success ? `${asOfParsed.error.issues[0]?.message}; showing ${scenario.asOfDay}.` : `Saved: ${scenario.asOfDay}`}
              </div>
            </div>
            <button type="submit">Change baseline date</button>
            <span className="small muted">Reloads the table with the baseline of that date; your saved changes are kept, unsaved typing is not.</span>
          </form>
          <ScenarioForm
            action={updateScenarioAction}
            issue={scenario.issue}
            asOf={baseline.asOf}
            baseline={baseline.actors}
            initial={{ id: scenario.id, version: scenario.version, name: scenario.name, description: scenario.description, overrides: scenario.overrides.filter((o) => !o.actorDeleted) }}
            actorOptions={actors}
            submitLabel="Save changes"
          />
        </>
      )}
    </>
  );
}
