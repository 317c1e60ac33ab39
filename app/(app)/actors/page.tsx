import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { requirePageContext } from '@/lib/auth/request';
import { roleCan } from '@/lib/auth/permissions';
import { listActors } from '@/lib/actors/queries';
import { ACTOR_KIND_LABELS } from '@/lib/actors/schema';
import { pageSizeParam, searchParamsObject } from '@/lib/records/list-params';
import { EmptyState, FilterBar, ListFooter, FilterSelect, ListHeader, SearchField } from '@/components/records/list-controls';
import { RecordTable } from '@/components/records/record-table';
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
  const params = { q: p.q, kind: p.kind, parent: p.parent, sort: p.sort, dir: p.dir, deleted: p.deleted === 'only' ? 'only' : undefined, pageSize: pageSizeParam(p.limit) };
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
          {p.parent && <input type="hidden" name="parent" value={p.parent} />}
          {p.deleted === 'only' && <input type="hidden" name="deleted" value="only" />}
        </FilterBar>
      </div>
      <div className="panel">
        {list.total === 0 ? (
          p.q || p.kind || p.parent || p.deleted === 'only' ? (
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
          <RecordTable
            basePath="/actors"
            params={params}
            rows={list.items}
            columns={[
              { key: 'name', label: 'Name', sortable: true, cell: (actor) => <Link href={`/actors/${actor.id}`}>{actor.name}</Link> },
              { key: 'kind', label: 'Kind', sortable: true, cell: (actor) => ACTOR_KIND_LABELS[actor.kind] },
              { key: 'aliases', label: 'Aliases', className: 'muted', cell: (actor) => actor.aliases.join(', ') },
              { key: 'parent', label: 'Part of', cell: (actor) => (actor.parent ? <Link href={`/actors/${actor.parent.id}`}>{actor.parent.name}</Link> : '') },
              { key: 'assessments', label: 'Assessments', className: 'num', cell: (actor) => actor._count.assessments },
              { key: 'updatedAt', label: 'Updated', sortable: true, className: 'muted', cell: (actor) => formatDay(actor.updatedAt) },
              p.deleted === 'only' && {
                key: 'restore',
                label: '',
                cell: (actor) => canWrite && <RecordActionButton action={restoreActorAction} id={actor.id} label="Restore" />,
              },
            ]}
          />
        )}
        <ListFooter basePath="/actors" params={params} list={list} />
      </div>
    </>
  );
}
