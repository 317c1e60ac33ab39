import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { requirePageContext } from '@/lib/auth/request';
import { actorOptions } from '@/lib/actors/queries';
import { issueOptions } from '@/lib/issues/queries';
import { firstParam } from '@/lib/records/list-params';
import { baselineParamsSchema } from '@/lib/scenarios/schema';
import { scenarioBaseline } from '@/lib/scenarios/queries';
import { ScenarioForm } from '@/components/scenarios/scenario-form';
import { createScenarioAction } from '../actions';
import '../../../scenarios.css';

export const metadata: Metadata = { title: 'New scenario' };

export default async function NewScenarioPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requirePageContext({ permission: 'scenarios:write' });
  const sp = await searchParams;
  const today = new Date().toISOString().slice(0, 10);
  const requested = { issueId: firstParam(sp.issueId) ?? '', asOf: firstParam(sp.asOf) || today };
  const [issues, actors] = await Promise.all([issueOptions(ctx), actorOptions(ctx)]);
  const parsed = baselineParamsSchema.safeParse(requested);
  const issue = parsed.success ? issues.find((i) => i.id === parsed.data.issueId) : undefined;
  const baseline = issue && parsed.success ? await scenarioBaseline(ctx, issue.id, parsed.data.asOf) : null;
  const asOfError = requested.issueId && !parsed.success ? parsed.error.issues.find((i) => i.path[0] === 'asOf')?.message : undefined;

  return (
    <>
      <div className="breadcrumbs"><Link href="/scenarios">Scenarios</Link> /</div>
      <div className="page-head">
        <div>
          <h1>New scenario</h1>
          <div className="sub">Start from the baseline of an issue on a date, then change what the scenario assumes.</div>
        </div>
      </div>
      <form method="get" action="/scenarios/new" className="panel filters sc-baseline-picker" aria-label="Issue and baseline date">
        <div className="field">
          <label htmlFor="issueId">Issue</label>
          <select id="issueId" name="issueId" defaultValue={issue?.id ?? requested.issueId} required>
            <option value="">Choose…</option>
            {issues.map((i) => (
              <option key={i.id} value={i.id}>{i.title}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="asOf">Baseline as of</label>
          <input id="asOf" name="asOf" type="date" defaultValue={requested.asOf} required aria-invalid={Boolean(asOfError)} aria-describedby="asOf-error" />
          <div id="asOf-error" className="error small">{asOfError}</div>
        </div>
        <button type="submit">{baseline ? 'Change baseline' : 'Show baseline'}</button>
        {baseline && <span className="small muted">Changing the issue or date reloads the table; values typed below are not kept.</span>}
      </form>
      {requested.issueId && parsed.success && !issue && <div className="notice notice-error">That issue is not in this workspace. Choose one from the list.</div>}
      {issue && baseline && (
        <ScenarioForm
          action={createScenarioAction}
          issue={issue}
          asOf={baseline.asOf}
          baseline={baseline.actors}
          initial={{ name: '', description: '', overrides: [] }}
          actorOptions={actors}
          submitLabel="Save scenario"
        />
      )}
      {!issue && issues.length === 0 && (
        <div className="panel">
          <p>There are no issues yet. <Link href="/issues/new">Create an issue</Link> and record assessments on it first.</p>
        </div>
      )}
    </>
  );
}
