import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { requirePageContext } from '@/lib/auth/request';
import { roleCan } from '@/lib/auth/permissions';
import { listEvents } from '@/lib/events/queries';
import { EmptyState, ListHeader } from '@/components/records/list-controls';
import { RecordActionButton } from '@/components/records/record-actions';
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
          <table className="data">
            <thead>
              <tr>
                <th>Date</th>
                <th>Event</th>
                <th>Shown on</th>
                <th>Source</th>
                {canWrite && <th><span className="visually-hidden">Actions</span></th>}
              </tr>
            </thead>
            <tbody>
              {events.map((event) => (
                <tr key={event.id}>
                  <td className="nowrap">{event.date}</td>
                  <td>
                    <strong>{event.title}</strong>
                    {event.description && <div className="muted small">{event.description}</div>}
                  </td>
                  <td>
                    {event.issues.length === 0
                      ? 'Every issue'
                      : event.issues.map((issue, i) => (
                          <span key={issue.id}>
                            {i > 0 && ', '}
                            <Link href={`/issues/${issue.id}`} prefetch={false}>{issue.title}</Link>
                          </span>
                        ))}
                  </td>
                  <td>{event.source ? <Link href={`/sources/${event.source.id}`} prefetch={false}>{event.source.title}</Link> : <span className="muted">None</span>}</td>
                  {canWrite && (
                    <td>
                      <RecordActionButton action={deleteEventAction} id={event.id} label="Delete" confirmText={`Delete the event “${event.title}”?`} />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </>
  );
}
