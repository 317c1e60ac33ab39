import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { requirePageContext } from '@/lib/auth/request';
import { roleCan } from '@/lib/auth/permissions';
import { listEvents } from '@/lib/events/queries';
import { pageSizeParam, searchParamsObject } from '@/lib/records/list-params';
import { EmptyState, FilterBar, ListFooter, ListHeader, SearchField } from '@/components/records/list-controls';
import { RecordTable } from '@/components/records/record-table';
import { RecordActionButton } from '@/components/records/record-actions';
import { deleteEventAction } from './actions';

export const metadata: Metadata = { title: 'Events' };

export default async function EventsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requirePageContext();
  const list = await listEvents(ctx, searchParamsObject(await searchParams));
  const p = list.params;
  const canWrite = roleCan(ctx.role, 'records:write');
  const params = { q: p.q, sort: p.sort, dir: p.dir, pageSize: pageSizeParam(p.limit) };
  return (
    <>
      <ListHeader
        title="Events"
        sub="Dated happenings drawn on every stance, actor and likelihood chart in their range."
        newHref="/events/new"
        newLabel="New event"
        canWrite={canWrite}
      />
      <div className="panel">
        <FilterBar basePath="/events" params={params}>
          <SearchField value={p.q} placeholder="Title or description" />
        </FilterBar>
      </div>
      <div className="panel">
        {list.total === 0 ? (
          p.q ? (
            <EmptyState title="No events match">
              <p>Try another search or <Link href="/events">clear the filters</Link>.</p>
            </EmptyState>
          ) : (
            <EmptyState title="No events yet">
              <p>Record the turning points once (the start of a war, a signed statement) and every timeline shows them.</p>
            </EmptyState>
          )
        ) : (
          <RecordTable
            basePath="/events"
            params={params}
            rows={list.items}
            columns={[
              { key: 'occurredOn', label: 'Date', sortable: true, className: 'nowrap', cell: (event) => event.date },
              {
                key: 'title',
                label: 'Event',
                cell: (event) => (
                  <>
                    <strong>{event.title}</strong>
                    {event.description && <div className="muted small">{event.description}</div>}
                  </>
                ),
              },
              {
                key: 'issues',
                label: 'Shown on',
                cell: (event) =>
                  event.issues.length === 0
                    ? 'Every issue'
                    : event.issues.map((issue, i) => (
                        <span key={issue.id}>
                          {i > 0 && ', '}
                          <Link href={`/issues/${issue.id}`} prefetch={false}>{issue.title}</Link>
                        </span>
                      )),
              },
              {
                key: 'source',
                label: 'Source',
                cell: (event) => (event.source ? <Link href={`/sources/${event.source.id}`} prefetch={false}>{event.source.title}</Link> : <span className="muted">None</span>),
              },
              canWrite && {
                key: 'actions',
                label: <span className="visually-hidden">Actions</span>,
                cell: (event) => <RecordActionButton action={deleteEventAction} id={event.id} label="Delete" confirmText={`Delete the event “${event.title}”?`} />,
              },
            ]}
          />
        )}
        <ListFooter basePath="/events" params={params} list={list} deletedToggle={false} />
      </div>
    </>
  );
}
