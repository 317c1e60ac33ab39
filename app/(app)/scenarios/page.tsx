import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { requirePageContext } from '@/lib/auth/request';
import { roleCan } from '@/lib/auth/permissions';
import { issueOptions } from '@/lib/issues/queries';
import { pageSizeParam, searchParamsObject } from '@/lib/records/list-params';
import { LIKELIHOOD_LABELS, OUTCOME_LABELS } from '@/lib/scenarios/likelihood';
import { analystBrierScores, listScenarios } from '@/lib/scenarios/queries';
import { isoDay } from '@/lib/format';
import { CursorPager, DeletedToggle, EmptyState, FilterBar, SearchField } from '@/components/records/list-controls';
import { RecordTable } from '@/components/records/record-table';
import { AnalystBrierTable } from '@/components/scenarios/brier-tables';
import { RecordActionButton } from '@/components/records/record-actions';
import { restoreScenarioAction } from './actions';
import '../../scenarios.css';

export const metadata: Metadata = { title: 'Scenarios' };

export default async function ScenariosPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requirePageContext();
  const raw = searchParamsObject(await searchParams);
  const [list, issues, scores] = await Promise.all([listScenarios(ctx, raw), issueOptions(ctx), analystBrierScores(ctx)]);
  const p = list.params;
  const canWrite = roleCan(ctx.role, 'scenarios:write');
  const deletedView = p.deleted === 'only';
  const params = { q: p.q, issue: p.issue, status: p.status, sort: p.sort, dir: p.dir, deleted: deletedView ? 'only' : undefined, pageSize: pageSizeParam(p.limit) };
  const filtered = Boolean(p.q || p.issue || p.status || deletedView);
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{deletedView ? 'Deleted scenarios' : 'Scenarios'}</h1>
          <div className="sub">Named sets of assumptions about an issue, the model’s forecast for each, and how likely analysts think they are.</div>
        </div>
        <div className="actions">
          <Link className="btn" href="/scenarios/track-record">
            Track record
          </Link>
          {canWrite && (
            <Link className="btn btn-primary" href="/scenarios/new">
              New scenario
            </Link>
          )}
        </div>
      </div>
      <div className="panel">
        <FilterBar basePath="/scenarios" params={params}>
          <SearchField value={p.q} label="Search" placeholder="Name or assumptions" />
          <div className="field">
            <label htmlFor="issue">Issue</label>
            <select id="issue" name="issue" defaultValue={p.issue ?? ''}>
              <option value="">Any</option>
              {issues.map((i) => (
                <option key={i.id} value={i.id}>{i.title}</option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="status">Status</label>
            <select id="status" name="status" defaultValue={p.status ?? ''}>
              <option value="">Any</option>
              <option value="open">Open</option>
              <option value="resolved">Resolved</option>
              <option value="annulled">Resolution annulled</option>
            </select>
          </div>
          {deletedView && <input type="hidden" name="deleted" value="only" />}
        </FilterBar>
      </div>
      <div className="panel">
        {list.total === 0 ? (
          filtered ? (
            <EmptyState title="No scenarios match">
              <p>Try a different search or <Link href="/scenarios">clear the filters</Link>.</p>
            </EmptyState>
          ) : (
            <EmptyState title="No scenarios yet">
              <p>
                A scenario starts from the baseline of an issue (each actor’s latest readings as of a date) and changes what you want to test:
                “Turkey doubles down”, “Russia distracted”.
              </p>
              {canWrite && <Link className="btn btn-primary" href="/scenarios/new">Build the first scenario</Link>}
            </EmptyState>
          )
        ) : (
          <form method="get" action="/scenarios/compare">
            <RecordTable
              basePath="/scenarios"
              params={params}
              rows={list.items}
              columns={[
                !deletedView && {
                  key: 'compare',
                  label: <span className="sc-sr-only">Compare</span>,
                  cell: (s) => <input type="checkbox" name="id" value={s.id} aria-label={`Compare ${s.name}`} />,
                },
                { key: 'name', label: 'Scenario', sortable: true, cell: (s) => <Link href={`/scenarios/${s.id}`}>{s.name}</Link> },
                { key: 'issue', label: 'Issue', cell: (s) => s.issue.title },
                { key: 'author', label: 'Author', cell: (s) => s.authorName },
                { key: 'asOf', label: 'As of', sortable: true, className: 'nowrap', cell: (s) => isoDay(s.asOf) },
                {
                  key: 'likelihood',
                  label: 'Last likelihood',
                  cell: (s) =>
                    s.lastEstimate ? (
                      <>
                        {LIKELIHOOD_LABELS[s.lastEstimate.likelihood]} ({Math.round(s.lastEstimate.probability * 10_000) / 100}%)
                        <div className="small muted">
                          {s.lastEstimate.analystName}, {isoDay(s.lastEstimate.estimatedOn)} · {s._count.estimates} estimate{s._count.estimates === 1 ? '' : 's'}
                        </div>
                      </>
                    ) : (
                      <span className="muted">None yet</span>
                    ),
                },
                {
                  key: 'resolution',
                  label: 'Resolution',
                  cell: (s) =>
                    s.outcome ? (
                      <>
                        <span className={`badge ${s.outcome === 'HAPPENED' ? 'badge-high' : 'badge-low'}`}>{OUTCOME_LABELS[s.outcome]}</span>
                        {s.annulledAt && <span className="badge"> annulled</span>}
                        <div className="small muted">{s.resolvedAt ? isoDay(s.resolvedAt) : ''}</div>
                      </>
                    ) : (
                      <span className="muted">Open</span>
                    ),
                },
                { key: 'updatedAt', label: 'Updated', sortable: true, className: 'muted nowrap', cell: (s) => isoDay(s.updatedAt) },
                deletedView && {
                  key: 'restore',
                  label: '',
                  cell: (s) => canWrite && <RecordActionButton action={restoreScenarioAction} id={s.id} label="Restore" />,
                },
              ]}
            />
            <div className="row row-spread mt-10">
              <div className="row">
                {!deletedView && list.total > 1 && (
                  <button type="submit" className="btn-small">
                    Compare selected
                  </button>
                )}
                <DeletedToggle basePath="/scenarios" params={params} />
              </div>
              <CursorPager basePath="/scenarios" params={params} list={list} />
            </div>
          </form>
        )}
      </div>
      {!deletedView && (
        <div className="panel">
          <h2>Forecasting record</h2>
          {scores.length === 0 ? (
            <p className="muted small">No scenario has been resolved yet. When one is, each analyst’s final estimate before resolution is scored here (Brier score).</p>
          ) : (
            <>
              <AnalystBrierTable scores={scores} />
              <p className="small muted">
                Brier score: mean of (probability − outcome)², outcome 1 if it happened and 0 if not, over each analyst’s final estimate before
                resolution. 0 is perfect; always saying 50% scores 0.25.
              </p>
            </>
          )}
        </div>
      )}
    </>
  );
}
