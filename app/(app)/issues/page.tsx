import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { requirePageContext } from '@/lib/auth/request';
import { roleCan } from '@/lib/auth/permissions';
import { listIssues } from '@/lib/issues/queries';
import { searchParamsObject } from '@/lib/records/list-params';
import { EmptyState, FilterBar, ListFooter, ListHeader, SearchField, SortHeader } from '@/components/records/list-controls';
import { RecordActionButton } from '@/components/records/record-actions';
import { restoreIssueAction } from './actions';
import { formatDay } from '@/lib/format';

export const metadata: Metadata = { title: 'Issues' };

export default async function IssuesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requirePageContext();
  const list = await listIssues(ctx, searchParamsObject(await searchParams));
  const p = list.params;
  const canWrite = roleCan(ctx.role, 'records:write');
  const params = { q: p.q, sort: p.sort, dir: p.dir, deleted: p.deleted === 'only' ? 'only' : undefined, pageSize: p.pageSize };
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
          <table className="data">
            <thead>
              <tr>
                <SortHeader basePath="/issues" params={params} column="title" label="Title" />
                <th>Scale</th>
                <th className="num">Assessments</th>
                <th className="num">Scenarios</th>
                <SortHeader basePath="/issues" params={params} column="updatedAt" label="Updated" />
                {p.deleted === 'only' && <th />}
              </tr>
            </thead>
            <tbody>
              {list.items.map((issue) => (
                <tr key={issue.id}>
                  <td><Link href={`/issues/${issue.id}`}>{issue.title}</Link></td>
                  <td className="small muted">{issue.anchors.map((a) => `${a.value} ${a.label}`).join(' · ')}</td>
                  <td className="num">{issue._count.assessments}</td>
                  <td className="num">{issue._count.scenarios}</td>
                  <td className="muted" style={{ whiteSpace: 'nowrap' }}>{formatDay(issue.updatedAt)}</td>
                  {p.deleted === 'only' && <td>{canWrite && <RecordActionButton action={restoreIssueAction} id={issue.id} label="Restore" />}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <ListFooter basePath="/issues" params={params} list={list} />
      </div>
    </>
  );
}
