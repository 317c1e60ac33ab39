import '@/components/charts/charts.css';
import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { requirePageContext } from '@/lib/auth/request';
import { roleCan } from '@/lib/auth/permissions';
import { findOrNull } from '@/lib/records/find-or-null';
import { parseReadingsCursor } from '@/lib/stance/readings';
import { stanceIssue } from '@/lib/stance/series';
import { describeFilters, parseStanceFilters, stanceFiltersQuery } from '@/lib/stance/schema';
import { StanceOverTime } from './stance-over-time';
import { RecordActionButton } from '@/components/records/record-actions';
import { formatDay } from '@/components/charts/format';
import { StanceFilterForm } from '@/components/charts/stance-filters';
import { ChartSkeleton } from '@/components/charts/skeletons';
import { resolveIssueAction, restoreIssueAction } from '../actions';
import { issueResolution } from '@/lib/issues/resolution';
import { ResolveIssueForm } from '@/components/issues/resolve-issue-form';
import { ModelScoresTable } from '@/components/scenarios/track-record';
import { num } from '@/components/scenarios/format';
import { watchOf } from '@/lib/notifications/queries';
import { WatchForm } from '@/components/notifications/watch-form';
import { removeWatchAction, saveWatchAction } from '../../notifications/actions';

export const metadata: Metadata = { title: 'Stance over time' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function IssuePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: SearchParams }) {
  const ctx = await requirePageContext();
  const { id } = await params;
  const data = await findOrNull(stanceIssue(ctx, id));
  if (!data) notFound();
  const { issue, actors, sources } = data;
  const search = await searchParams;
  const filters = parseStanceFilters(search);
  const after = parseReadingsCursor(search.after);
  const canWrite = roleCan(ctx.role, 'records:write');
  const query = stanceFiltersQuery(filters);
  const applied = describeFilters(filters, { actors, sources });
  const [watch, resolution] = await Promise.all([watchOf(ctx, { issueId: issue.id }), issueResolution(ctx, issue.id)]);
  const canResolve = roleCan(ctx.role, 'scenarios:write');

  return (
    <>
      <div className="breadcrumbs"><Link href="/issues">Issues</Link> /</div>
      <div className="page-head">
        <div>
          <h1>{issue.title}</h1>
          {issue.description && <div className="sub measure-wide">{issue.description}</div>}
        </div>
        {!issue.deletedAt && (
          <div className="actions no-shrink">
            {canWrite && <Link className="btn btn-primary" href={`/assessments/new?issueId=${issue.id}`}>Record an assessment</Link>}
            {canWrite && <Link className="btn" href={`/events/new?issue=${issue.id}`} prefetch={false}>Record an event</Link>}
            {canWrite && <Link className="btn" href={`/issues/${issue.id}/edit`}>Edit issue</Link>}
            <Link className="btn" href={`/scenarios?issue=${issue.id}`}>Scenarios</Link>
            <Link className="btn" href={`/issues/${issue.id}/brief`}>Brief to print</Link>
          </div>
        )}
      </div>

      {issue.deletedAt ? (
        <div className="notice notice-warn row row-spread">
          <span>This issue was deleted on {formatDay(issue.deletedAt.toISOString())}; its readings are hidden from the dashboard until it is restored.</span>
          {roleCan(ctx.role, 'records:restore') && <RecordActionButton action={restoreIssueAction} id={issue.id} label="Restore" className="btn" />}
        </div>
      ) : (
        <>
          <div className="panel">
            <details>
              <summary className="label clickable">
                Filters{applied.length ? ': ' : ''}
                {applied.length > 0 && <span className="muted weight-normal">{applied.join(' · ')}</span>}
              </summary>
              <div className="mt-10">
                <StanceFilterForm action={`/issues/${issue.id}`} filters={filters} actors={actors} sources={sources} />
              </div>
            </details>
          </div>
          <div className="panel">
            <Suspense key={`${query}|${search.after ?? ''}`} fallback={<ChartSkeleton title="Stance over time" />}>
              <StanceOverTime ctx={ctx} issueId={issue.id} anchors={issue.anchors} filters={filters} filtersText={applied.join('; ')} query={query} after={after} />
            </Suspense>
          </div>
          <div className="panel">
            <h2>The scale</h2>
            <ol className="scale-key" aria-label="Anchor points of the position scale">
              {issue.anchors.map((a) => (
                <li key={a.value}><b>{a.value}</b> {a.label}</li>
              ))}
            </ol>
          </div>
          <section className="panel" aria-labelledby="outcome-heading">
            <h2 id="outcome-heading">Outcome</h2>
            {resolution ? (
              <>
                <p>
                  Resolved by {resolution.resolvedByName} on {formatDay(resolution.resolvedAt.toISOString())}. Position reached:{' '}
                  <strong data-testid="issue-outcome-position">{num(resolution.outcomePosition)}</strong>.
                </p>
                {resolution.scores.length > 0 ? (
                  <ModelScoresTable rows={resolution.scores} />
                ) : (
                  <p className="muted">No model could run on the issue’s positions when it was resolved (no actor with weight), so there is nothing to score.</p>
                )}
                <p className="small muted">
                  Each model’s forecast on the actors’ current positions on the day of resolution, frozen then. It counts in the <Link href="/scenarios/track-record">track record</Link>.
                </p>
              </>
            ) : canResolve ? (
              <ResolveIssueForm action={resolveIssueAction} issueId={issue.id} />
            ) : (
              <p className="muted">Open: not resolved yet.</p>
            )}
          </section>
          <WatchForm target={{ issueId: issue.id }} watch={watch} saveAction={saveWatchAction} removeAction={removeWatchAction} />
        </>
      )}
    </>
  );
}
