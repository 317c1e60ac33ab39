import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { requirePageContext } from '@/lib/auth/request';
import { roleCan } from '@/lib/auth/permissions';
import { listAssessments } from '@/lib/assessments/queries';
import { assessmentFormOptions } from '@/lib/assessments/form-options';
import { CONFIDENCE_LABELS } from '@/lib/assessments/schema';
import { pageSizeParam, searchParamsObject } from '@/lib/records/list-params';
import { EmptyState, FilterBar, ListFooter, FilterSelect, ListHeader, SearchField } from '@/components/records/list-controls';
import { RecordTable } from '@/components/records/record-table';
import { RecordActionButton } from '@/components/records/record-actions';
import { ConfidenceBadge } from '@/components/assessments/assessment-table';
import { restoreAssessmentAction } from './actions';
import { formatDay } from '@/lib/format';

export const metadata: Metadata = { title: 'Assessments' };

export default async function AssessmentsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requirePageContext();
  const [list, options] = await Promise.all([listAssessments(ctx, searchParamsObject(await searchParams)), assessmentFormOptions(ctx)]);
  const p = list.params;
  const canWrite = roleCan(ctx.role, 'records:write');
  const params = {
    q: p.q, actor: p.actor, issue: p.issue, source: p.source, confidence: p.confidence, from: p.from, to: p.to,
    sort: p.sort, dir: p.dir, deleted: p.deleted === 'only' ? 'only' : undefined, pageSize: pageSizeParam(p.limit),
  };
  const filtered = Boolean(p.q || p.actor || p.issue || p.source || p.confidence || p.from || p.to || p.deleted === 'only');
  return (
    <>
      <ListHeader
        title={p.deleted === 'only' ? 'Deleted assessments' : 'Assessments'}
        sub="Readings of where an actor stands on an issue, from one source, by one analyst."
        newHref="/assessments/new"
        newLabel="Record assessment"
        canWrite={canWrite}
      />
      <div className="panel">
        <FilterBar basePath="/assessments" params={params}>
          <SearchField value={p.q} label="Search quotes" placeholder="Words in the quote or rationale" />
          <FilterSelect name="actor" label="Actor" value={p.actor} options={options.actors.map((a) => [a.id, a.name] as [string, string])} />
          <FilterSelect name="issue" label="Issue" value={p.issue} options={options.issues.map((i) => [i.id, i.title] as [string, string])} />
          <FilterSelect name="source" label="Source" value={p.source} options={options.sources.map((s) => [s.id, s.title] as [string, string])} />
          <FilterSelect name="confidence" label="Confidence" value={p.confidence} options={Object.entries(CONFIDENCE_LABELS)} />
          <div className="field">
            <label htmlFor="f-from">Stance from</label>
            <input id="f-from" name="from" type="date" defaultValue={p.from ?? ''} />
          </div>
          <div className="field">
            <label htmlFor="f-to">Stance to</label>
            <input id="f-to" name="to" type="date" defaultValue={p.to ?? ''} />
          </div>
          {p.deleted === 'only' && <input type="hidden" name="deleted" value="only" />}
        </FilterBar>
      </div>
      <div className="panel">
        {list.total === 0 ? (
          filtered ? (
            <EmptyState title="No assessments match"><p>Try wider filters or <Link href="/assessments">clear them</Link>.</p></EmptyState>
          ) : (
            <EmptyState title="No assessments yet">
              <p>Open a source, pick the sentence that shows where an actor stands, and record your reading.</p>
              {canWrite && <Link className="btn btn-primary" href="/sources">Go to sources</Link>}
            </EmptyState>
          )
        ) : (
          <RecordTable
            basePath="/assessments"
            params={params}
            rows={list.items}
            columns={[
              { key: 'stanceDate', label: 'Stance date', sortable: true, className: 'nowrap', cell: (a) => <Link href={`/assessments/${a.id}`}>{formatDay(a.stanceDate)}</Link> },
              { key: 'actor', label: 'Actor', cell: (a) => <Link href={`/actors/${a.actor.id}`}>{a.actor.name}</Link> },
              { key: 'issue', label: 'Issue', cell: (a) => <Link href={`/issues/${a.issue.id}`}>{a.issue.title}</Link> },
              { key: 'position', label: 'Position', sortable: true, className: 'num', cell: (a) => <strong>{a.position}</strong> },
              { key: 'salience', label: 'Salience', className: 'num', cell: (a) => a.salience },
              { key: 'capability', label: 'Capability', className: 'num', cell: (a) => a.capability ?? '—' },
              { key: 'confidence', label: 'Confidence', cell: (a) => <ConfidenceBadge value={a.confidence} /> },
              {
                key: 'source',
                label: 'Source · quote',
                maxWidth: 420,
                cell: (a) => (
                  <>
                    <Link href={`/sources/${a.source.id}`}>{a.source.title}</Link>{' '}
                    <span className="badge" title="Source reliability and information credibility">{a.source.reliability}{a.credibility}</span>
                    <div className="quote small">{a.quote.length > 200 ? `${a.quote.slice(0, 200)}…` : a.quote}</div>
                  </>
                ),
              },
              p.deleted === 'only' && {
                key: 'restore',
                label: '',
                cell: (a) => canWrite && <RecordActionButton action={restoreAssessmentAction} id={a.id} label="Restore" />,
              },
            ]}
          />
        )}
        <ListFooter basePath="/assessments" params={params} list={list} />
      </div>
    </>
  );
}
