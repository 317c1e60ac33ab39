import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { requirePageContext } from '@/lib/auth/request';
import { roleCan } from '@/lib/auth/permissions';
import { listIssues } from '@/lib/issues/queries';
import { pageSizeParam, searchParamsObject } from '@/lib/records/list-params';
import { EmptyState, FilterBar, ListFooter, ListHeader, SearchField } from '@/components/records/list-controls';
import { RecordTable } from '@/components/records/record-table';
import { RecordActionButton } from '@/components/records/record-actions';
import { restoreIssueAction } from './actions';
import { formatDay } from '@/lib/format';

export const metadata: Metadata = { title: 'Issues' };

export default async function IssuesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requirePageContext();
  const list = await listIssues(ctx, searchParamsObject(await searchParams));
  const p = list.params;
  const canWrite = roleCan(ctx.role, 'records:write');
  const params = { q: p.q, sort: p.sort, dir: p.dir, deleted: p.deleted === 'only' ? 'only' : undefined, pageSize: pageSizeParam(p.limit) };
  return (
    <>
      <ListHeader
        title={p.deleted === 'only' ? 'Deleted issues' : 'Issues'}
        sub="Contested questions, each with a 0–100 position scale and labelled anchor points."
        newHref="/issues/new"
        newLabel="New issue"
        canWrite={canWrite}
      />
      <div className="panel">
        <FilterBar basePath="/issues" params={params}>
          <SearchField value={p.q} label="Search" placeholder="Title or description" />
          {p.deleted === 'only' && <input type="hidden" name="deleted" value="only" />}
        </FilterBar>
      </div>
      <div className="panel">
        {list.total === 0 ? (
          p.q || p.deleted === 'only' ? (
            <EmptyState title="No issues match"><p>Try another search or <Link href="/issues">clear the filters</Link>.</p></EmptyState>
          ) : (
            <EmptyState title="No issues yet">
              <p>An issue is the question actors disagree on, with a scale whose ends and middle are labelled.</p>
              {canWrite && <Link className="btn btn-primary" href="/issues/new">Define the first issue</Link>}
            </EmptyState>
          )
        ) : (
          <RecordTable
            basePath="/issues"
            params={params}
            rows={list.items}
            columns={[
              { key: 'title', label: 'Title', sortable: true, cell: (issue) => <Link href={`/issues/${issue.id}`}>{issue.title}</Link> },
              { key: 'scale', label: 'Scale', className: 'small muted', cell: (issue) => issue.anchors.map((a) => `${a.value} ${a.label}`).join(' · ') },
              { key: 'assessments', label: 'Assessments', className: 'num', cell: (issue) => issue._count.assessments },
              { key: 'scenarios', label: 'Scenarios', className: 'num', cell: (issue) => issue._count.scenarios },
              { key: 'updatedAt', label: 'Updated', sortable: true, className: 'muted nowrap', cell: (issue) => formatDay(issue.updatedAt) },
              p.deleted === 'only' && {
                key: 'restore',
                label: '',
                cell: (issue) => canWrite && <RecordActionButton action={restoreIssueAction} id={issue.id} label="Restore" />,
              },
            ]}
          />
        )}
        <ListFooter basePath="/issues" params={params} list={list} />
      </div>
    </>
  );
}
