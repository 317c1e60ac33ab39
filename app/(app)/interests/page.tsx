import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { requirePageContext } from '@/lib/auth/request';
import { roleCan } from '@/lib/auth/permissions';
import { listInterests } from '@/lib/interests/queries';
import { actorOptions } from '@/lib/actors/queries';
import { pageSizeParam, searchParamsObject } from '@/lib/records/list-params';
import { EmptyState, FilterBar, ListFooter, FilterSelect, ListHeader, SearchField } from '@/components/records/list-controls';
import { RecordTable } from '@/components/records/record-table';
import { RecordActionButton } from '@/components/records/record-actions';
import { deleteInterestAction, restoreInterestAction } from './actions';
import { formatDay } from '@/lib/format';

export const metadata: Metadata = { title: 'Stated interests' };

export default async function InterestsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requirePageContext();
  const [list, actors] = await Promise.all([listInterests(ctx, searchParamsObject(await searchParams)), actorOptions(ctx)]);
  const p = list.params;
  const canWrite = roleCan(ctx.role, 'records:write');
  const params = { q: p.q, actor: p.actor, source: p.source, sort: p.sort, dir: p.dir, deleted: p.deleted === 'only' ? 'only' : undefined, pageSize: pageSizeParam(p.limit) };
  return (
    <>
      <ListHeader
        title={p.deleted === 'only' ? 'Deleted stated interests' : 'Stated interests'}
        sub="What actors say they want, in their own words, with the source and date."
        newHref="/interests/new"
        newLabel="New stated interest"
        canWrite={canWrite}
      />
      <div className="panel">
        <FilterBar basePath="/interests" params={params}>
          <SearchField value={p.q} label="Search" placeholder="Words in the quote or summary" />
          <FilterSelect name="actor" label="Actor" value={p.actor} options={actors.map((a) => [a.id, a.name] as [string, string])} />
          {p.source && <input type="hidden" name="source" value={p.source} />}
          {p.deleted === 'only' && <input type="hidden" name="deleted" value="only" />}
        </FilterBar>
      </div>
      <div className="panel">
        {list.total === 0 ? (
          p.q || p.actor || p.source || p.deleted === 'only' ? (
            <EmptyState title="No stated interests match"><p><Link href="/interests">Clear the filters</Link>.</p></EmptyState>
          ) : (
            <EmptyState title="No stated interests yet">
              <p>Record what an actor says it wants, quoting its own words: Erdogan on Turkey&apos;s “deserved place in the world order”.</p>
              {canWrite && <Link className="btn btn-primary" href="/interests/new">Record the first</Link>}
            </EmptyState>
          )
        ) : (
          <RecordTable
            basePath="/interests"
            params={params}
            rows={list.items}
            columns={[
              { key: 'statedOn', label: 'Stated on', sortable: true, className: 'nowrap', cell: (i) => <Link href={`/interests/${i.id}`}>{formatDay(i.statedOn)}</Link> },
              { key: 'actor', label: 'Actor', cell: (i) => <Link href={`/actors/${i.actor.id}`}>{i.actor.name}</Link> },
              {
                key: 'words',
                label: 'In its own words',
                maxWidth: 480,
                cell: (i) => (
                  <>
                    <div className="quote">{i.quote}</div>
                    {i.summary && <div className="small muted">{i.summary}</div>}
                  </>
                ),
              },
              { key: 'source', label: 'Source', cell: (i) => <Link href={`/sources/${i.source.id}`}>{i.source.title}</Link> },
              canWrite && {
                key: 'actions',
                label: '',
                className: 'nowrap',
                cell: (i) =>
                  p.deleted === 'only' ? (
                    <RecordActionButton action={restoreInterestAction} id={i.id} label="Restore" />
                  ) : (
                    <>
                      <Link className="btn btn-small" href={`/interests/${i.id}/edit`}>Edit</Link>{' '}
                      <RecordActionButton action={deleteInterestAction} id={i.id} label="Delete" confirmText="Delete this stated interest? It can be restored later." />
                    </>
                  ),
              },
            ]}
          />
        )}
        <ListFooter basePath="/interests" params={params} list={list} />
      </div>
    </>
  );
}
