import type { Metadata } from 'next';
import { requirePageContext } from '@/lib/auth/request';
import { roleCan } from '@/lib/auth/permissions';
import { listEvents } from '@/lib/events/queries';
import { EmptyState, ListHeader } from '@/components/records/list-controls';
import { EventTable } from '@/components/events/event-table';
import { deleteEventAction } from './actions';

export const metadata: Metadata = { title: 'Events' };

export default async function EventsPage() {
  const ctx = await requirePageContext();
  const events = await listEvents(ctx);
  const canWrite = roleCan(ctx.role, 'records:write');
  return (
    <>
      <ListHeader
        title="Events"
        sub="Dated happenings drawn on every stance, actor and likelihood chart in their range."
        newHref="/events/new"
        newLabel="New event"
        canWrite={canWrite}
      />
      <div className="panel table-scroll">
        {events.length === 0 ? (
          <EmptyState title="No events yet">
            <p>Record the turning points once (the start of a war, a signed statement) and every timeline shows them.</p>
          </EmptyState>
        ) : (
          <EventTable events={events} deleteAction={canWrite ? deleteEventAction : undefined} />
        )}
      </div>
    </>
  );
}
