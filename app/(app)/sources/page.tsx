import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { requirePageContext } from '@/lib/auth/request';
import { roleCan } from '@/lib/auth/permissions';
import { listSources } from '@/lib/sources/queries';
import { RELIABILITY_LABELS, SOURCE_KIND_LABELS } from '@/lib/sources/schema';
import { searchParamsObject } from '@/lib/records/list-params';
import { EmptyState, FilterBar, ListFooter, FilterSelect, ListHeader, SearchField, SortHeader } from '@/components/records/list-controls';
import { RecordActionButton } from '@/components/records/record-actions';
import { restoreSourceAction } from './actions';
import { formatDay } from '@/lib/format';

export const metadata: Metadata = { title: 'Sources' };

export default async function SourcesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requirePageContext();
  const list = await listSources(ctx, { dir: 'desc', ...searchParamsObject(await searchParams) });
  const p = list.params;
  const canWrite = roleCan(ctx.role, 'records:write');
  const params = { q: p.q, kind: p.kind, reliability: p.reliability, sort: p.sort, dir: p.dir, deleted: p.deleted === 'only' ? 'only' : undefined, pageSize: p.pageSize };
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
          <table className="data">
            <thead>
              <tr>
                <SortHeader basePath="/sources" params={params} column="title" label="Title" />
                <SortHeader basePath="/sources" params={params} column="outlet" label="Outlet" />
                <th>Kind</th>
                <SortHeader basePath="/sources" params={params} column="reliability" label="Reliability" />
                <SortHeader basePath="/sources" params={params} column="publishedAt" label="Published" />
                <th className="num">Assessments</th>
                {p.deleted === 'only' && <th />}
              </tr>
            </thead>
            <tbody>
              {list.items.map((s) => (
                <tr key={s.id}>
                  <td>
                    <Link href={`/sources/${s.id}`}>{s.title}</Link>
                    {s.citedIn && <div className="small muted">quoted in {s.citedIn.title}</div>}
                  </td>
                  <td>{s.outlet}{s.author && <div className="small muted">{s.author}</div>}</td>
                  <td>{SOURCE_KIND_LABELS[s.kind]}</td>
                  <td><span className="badge" title={RELIABILITY_LABELS[s.reliability]}>{s.reliability}</span></td>
                  <td style={{ whiteSpace: 'nowrap' }}>{formatDay(s.publishedAt)}</td>
                  <td className="num">{s._count.assessments}</td>
                  {p.deleted === 'only' && <td>{canWrite && <RecordActionButton action={restoreSourceAction} id={s.id} label="Restore" />}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <ListFooter basePath="/sources" params={params} list={list} />
      </div>
    </>
  );
}
