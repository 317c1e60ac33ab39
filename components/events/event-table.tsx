import type { ComponentProps } from 'react';
import Link from '@/components/ui/link';
import { DataTable } from '@/components/ui/data-table';
import { RecordActionButton } from '@/components/records/record-actions';
import type { listEvents } from '@/lib/events/queries';

type EventItem = Awaited<ReturnType<typeof listEvents>>[number];

/** The workspace's events by date, with the issues each is drawn on; `deleteAction` only for those who may write. */
export function EventTable({ events, deleteAction }: { events: EventItem[]; deleteAction?: ComponentProps<typeof RecordActionButton>['action'] }) {
  return (
    <DataTable
      rows={events}
      rowKey={(e) => e.id}
      columns={[
        { key: 'date', header: 'Date', className: 'nowrap', cell: (e) => e.date },
        {
          key: 'event',
          header: 'Event',
          cell: (e) => (
            <>
              <strong>{e.title}</strong>
              {e.description && <div className="muted small">{e.description}</div>}
            </>
          ),
        },
        {
          key: 'issues',
          header: 'Shown on',
          cell: (e) =>
            e.issues.length === 0
              ? 'Every issue'
              : e.issues.map((issue, i) => (
                  <span key={issue.id}>
                    {i > 0 && ', '}
                    <Link href={`/issues/${issue.id}`} prefetch={false}>{issue.title}</Link>
                  </span>
                )),
        },
        {
          key: 'source',
          header: 'Source',
          cell: (e) => (e.source ? <Link href={`/sources/${e.source.id}`} prefetch={false}>{e.source.title}</Link> : <span className="muted">None</span>),
        },
        deleteAction && {
          key: 'actions',
          header: <span className="visually-hidden">Actions</span>,
          cell: (e) => <RecordActionButton action={deleteAction} id={e.id} label="Delete" confirmText={`Delete the event “${e.title}”?`} />,
        },
      ]}
    />
  );
}
