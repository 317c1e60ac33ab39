import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { requirePageContext } from '@/lib/auth/request';
import { roleCan } from '@/lib/auth/permissions';
import { listSources } from '@/lib/sources/queries';
import { RELIABILITY_LABELS, SOURCE_KIND_LABELS } from '@/lib/sources/schema';
import { pageSizeParam, searchParamsObject } from '@/lib/records/list-params';
import { EmptyState, FilterBar, ListFooter, FilterSelect, ListHeader, SearchField } from '@/components/records/list-controls';
import { RecordTable } from '@/components/records/record-table';
import { RecordActionButton } from '@/components/records/record-actions';
import { restoreSourceAction } from './actions';
import { formatDay } from '@/lib/format';

export const metadata: Metadata = { title: 'Sources' };

export default async function SourcesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requirePageContext();
  const list = await listSources(ctx, searchParamsObject(await searchParams));
  const p = list.params;
  const canWrite = roleCan(ctx.role, 'records:write');
  const params = { q: p.q, kind: p.kind, reliability: p.reliability, sort: p.sort, dir: p.dir, deleted: p.deleted === 'only' ? 'only' : undefined, pageSize: pageSizeParam(p.limit) };
  return (
    <>
      <ListHeader
        title={p.deleted === 'only' ? 'Deleted sources' : 'Sources'}
        sub="Articles, analyses, statements and interviews that readings come from, graded A–F."
        newHref="/sources/new"
        newLabel="New source"
        canWrite={canWrite}
      />
      <div className="panel">
        <FilterBar basePath="/sources" params={params}>
          <SearchField value={p.q} label="Search" placeholder="Title, outlet or author" />
          <FilterSelect name="kind" label="Kind" value={p.kind} options={Object.entries(SOURCE_KIND_LABELS)} />
          <FilterSelect name="reliability" label="Reliability" value={p.reliability} options={Object.entries(RELIABILITY_LABELS)} />
          {p.deleted === 'only' && <input type="hidden" name="deleted" value="only" />}
        </FilterBar>
      </div>
      <div className="panel">
        {list.total === 0 ? (
          p.q || p.kind || p.reliability || p.deleted === 'only' ? (
            <EmptyState title="No sources match"><p>Try another search or <Link href="/sources">clear the filters</Link>.</p></EmptyState>
          ) : (
            <EmptyState title="No sources yet">
              <p>Add the article or report you are reading; then record assessments from its sentences.</p>
              {canWrite && <Link className="btn btn-primary" href="/sources/new">Add the first source</Link>}
            </EmptyState>
          )
        ) : (
          <RecordTable
            basePath="/sources"
            params={params}
            rows={list.items}
            columns={[
              {
                key: 'title',
                label: 'Title',
                sortable: true,
                cell: (s) => (
                  <>
                    <Link href={`/sources/${s.id}`}>{s.title}</Link>
                    {s.citedIn && <div className="small muted">quoted in {s.citedIn.title}</div>}
                  </>
                ),
              },
              { key: 'outlet', label: 'Outlet', sortable: true, cell: (s) => <>{s.outlet}{s.author && <div className="small muted">{s.author}</div>}</> },
              { key: 'kind', label: 'Kind', cell: (s) => SOURCE_KIND_LABELS[s.kind] },
              { key: 'reliability', label: 'Reliability', sortable: true, cell: (s) => <span className="badge" title={RELIABILITY_LABELS[s.reliability]}>{s.reliability}</span> },
              { key: 'publishedAt', label: 'Published', sortable: true, className: 'nowrap', cell: (s) => formatDay(s.publishedAt) },
              { key: 'assessments', label: 'Assessments', className: 'num', cell: (s) => s._count.assessments },
              p.deleted === 'only' && {
                key: 'restore',
                label: '',
                cell: (s) => canWrite && <RecordActionButton action={restoreSourceAction} id={s.id} label="Restore" />,
              },
            ]}
          />
        )}
        <ListFooter basePath="/sources" params={params} list={list} />
      </div>
    </>
  );
}
