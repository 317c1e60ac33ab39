import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageContext } from '@/lib/auth/request';
import { roleCan } from '@/lib/auth/permissions';
import { listInterests } from '@/lib/interests/queries';
import { actorOptions } from '@/lib/actors/queries';
import { searchParamsObject } from '@/lib/records/list-params';
import { DeletedToggle, EmptyState, FilterBar, Pager, SortHeader } from '@/components/records/list-controls';
import { RecordActionButton } from '@/components/records/record-actions';
import { deleteInterestAction, restoreInterestAction } from './actions';

export const metadata: Metadata = { title: 'Stated interests' };

export default async function InterestsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requirePageContext();
  const [list, actors] = await Promise.all([listInterests(ctx, { dir: 'desc', ...searchParamsObject(await searchParams) }), actorOptions(ctx)]);
  const p = list.params;
  const canWrite = roleCan(ctx.role, 'records:write');
  const params = { q: p.q, actor: p.actor, source: p.source, sort: p.sort, dir: p.dir, deleted: p.deleted === 'only' ? 'only' : undefined, pageSize: p.pageSize };
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{p.deleted === 'only' ? 'Deleted stated interests' : 'Stated interests'}</h1>
          <div className="sub">What actors say they want, in their own words, with the source and date.</div>
        </div>
        {canWrite && <Link className="btn btn-primary" href="/interests/new">New stated interest</Link>}
      </div>
      <div className="panel">
        <FilterBar basePath="/interests" params={params}>
          <div className="field">
            <label htmlFor="q">Search</label>
            <input id="q" name="q" type="search" defaultValue={p.q} placeholder="Words in the quote or summary" />
          </div>
          <div className="field">
            <label htmlFor="f-actor">Actor</label>
            <select id="f-actor" name="actor" defaultValue={p.actor ?? ''}>
              <option value="">Any</option>
              {actors.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
            </select>
          </div>
          {p.deleted === 'only' && <input type="hidden" name="deleted" value="only" />}
        </FilterBar>
      </div>
      <div className="panel">
        {list.total === 0 ? (
          p.q || p.actor || p.deleted === 'only' ? (
            <EmptyState title="No stated interests match"><p><Link href="/interests">Clear the filters</Link>.</p></EmptyState>
          ) : (
            <EmptyState title="No stated interests yet">
              <p>Record what an actor says it wants, quoting its own words: Erdogan on Turkey&apos;s “deserved place in the world order”.</p>
              {canWrite && <Link className="btn btn-primary" href="/interests/new">Record the first</Link>}
            </EmptyState>
          )
        ) : (
          <table className="data">
            <thead>
              <tr>
                <SortHeader basePath="/interests" params={params} column="statedOn" label="Stated on" />
                <th>Actor</th>
                <th>In its own words</th>
                <th>Source</th>
                {canWrite && <th />}
              </tr>
            </thead>
            <tbody>
              {list.items.map((i) => (
                <tr key={i.id}>
                  <td style={{ whiteSpace: 'nowrap' }}>{i.statedOn.toISOString().slice(0, 10)}</td>
                  <td><Link href={`/actors/${i.actor.id}`}>{i.actor.name}</Link></td>
                  <td style={{ maxWidth: 480 }}>
                    <div className="quote">{i.quote}</div>
                    {i.summary && <div className="small muted">{i.summary}</div>}
                  </td>
                  <td><Link href={`/sources/${i.source.id}`}>{i.source.title}</Link></td>
                  {canWrite && (
                    <td style={{ whiteSpace: 'nowrap' }}>
                      {p.deleted === 'only' ? (
                        <RecordActionButton action={restoreInterestAction} id={i.id} label="Restore" />
                      ) : (
                        <>
                          <Link className="btn btn-small" href={`/interests/${i.id}/edit`}>Edit</Link>{' '}
                          <RecordActionButton action={deleteInterestAction} id={i.id} label="Delete" confirmText="Delete this stated interest? It can be restored later." />
                        </>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <div className="row" style={{ justifyContent: 'space-between' }}>
          <DeletedToggle basePath="/interests" params={params} />
          <Pager basePath="/interests" params={params} page={list.page} pageCount={list.pageCount} total={list.total} />
        </div>
      </div>
    </>
  );
}
