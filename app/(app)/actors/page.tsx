import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { requirePageContext } from '@/lib/auth/request';
import { roleCan } from '@/lib/auth/permissions';
import { listActors } from '@/lib/actors/queries';
import { ACTOR_KIND_LABELS } from '@/lib/actors/schema';
import { searchParamsObject } from '@/lib/records/list-params';
import { EmptyState, FilterBar, ListFooter, FilterSelect, ListHeader, SearchField, SortHeader } from '@/components/records/list-controls';
import { RecordActionButton } from '@/components/records/record-actions';
import { restoreActorAction } from './actions';
import { formatDay } from '@/lib/format';

export const metadata: Metadata = { title: 'Actors' };

export default async function ActorsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requirePageContext();
  const raw = searchParamsObject(await searchParams);
  const list = await listActors(ctx, raw);
  const p = list.params;
  const canWrite = roleCan(ctx.role, 'records:write');
  const params = { q: p.q, kind: p.kind, sort: p.sort, dir: p.dir, deleted: p.deleted === 'only' ? 'only' : undefined, pageSize: p.pageSize };
  return (
    <>
      <ListHeader
        title={p.deleted === 'only' ? 'Deleted actors' : 'Actors'}
        sub="People, states, organisations and armed groups whose stances you record."
        newHref="/actors/new"
        newLabel="New actor"
        canWrite={canWrite}
      />
      <div className="panel">
        <FilterBar basePath="/actors" params={params}>
          <SearchField value={p.q} label="Search" placeholder="Name, alias or description" />
          <FilterSelect name="kind" label="Kind" value={p.kind} options={Object.entries(ACTOR_KIND_LABELS)} />
          {p.deleted === 'only' && <input type="hidden" name="deleted" value="only" />}
        </FilterBar>
      </div>
      <div className="panel">
        {list.total === 0 ? (
          p.q || p.kind || p.deleted === 'only' ? (
            <EmptyState title="No actors match">
              <p>Try a different search or <Link href="/actors">clear the filters</Link>.</p>
            </EmptyState>
          ) : (
            <EmptyState title="No actors yet">
              <p>Start with the states and leaders on your desk: add Russia, then Vladimir Putin as part of Russia.</p>
              {canWrite && <Link className="btn btn-primary" href="/actors/new">Add the first actor</Link>}
            </EmptyState>
          )
        ) : (
          <table className="data">
            <thead>
              <tr>
                <SortHeader basePath="/actors" params={params} column="name" label="Name" />
                <SortHeader basePath="/actors" params={params} column="kind" label="Kind" />
                <th>Aliases</th>
                <th>Part of</th>
                <th className="num">Assessments</th>
                <SortHeader basePath="/actors" params={params} column="updatedAt" label="Updated" />
                {p.deleted === 'only' && <th />}
              </tr>
            </thead>
            <tbody>
              {list.items.map((actor) => (
                <tr key={actor.id}>
                  <td><Link href={`/actors/${actor.id}`}>{actor.name}</Link></td>
                  <td>{ACTOR_KIND_LABELS[actor.kind]}</td>
                  <td className="muted">{actor.aliases.join(', ')}</td>
                  <td>{actor.parent ? <Link href={`/actors/${actor.parent.id}`}>{actor.parent.name}</Link> : ''}</td>
                  <td className="num">{actor._count.assessments}</td>
                  <td className="muted">{formatDay(actor.updatedAt)}</td>
                  {p.deleted === 'only' && (
                    <td>{canWrite && <RecordActionButton action={restoreActorAction} id={actor.id} label="Restore" />}</td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <ListFooter basePath="/actors" params={params} list={list} />
      </div>
    </>
  );
}
