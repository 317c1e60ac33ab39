import type { ComponentProps } from 'react';
import Link from '@/components/ui/link';
import { DataTable } from '@/components/ui/data-table';
import { RecordActionButton } from '@/components/records/record-actions';
import type { WatchItem } from '@/lib/notifications/queries';

/** The signed-in user's watches, each with its threshold and a button to stop it. */
export function WatchTable({ watches, removeAction }: { watches: WatchItem[]; removeAction: ComponentProps<typeof RecordActionButton>['action'] }) {
  return (
    <DataTable
      rows={watches}
      rowKey={(w) => w.id}
      columns={[
        {
          key: 'watching',
          header: 'Watching',
          cell: (w) => (
            <>
              {w.actor && <Link href={`/actors/${w.actor.id}`} prefetch={false}>{w.actor.name}</Link>}
              {w.actor && w.issue && ' on '}
              {w.issue && <Link href={`/issues/${w.issue.id}`} prefetch={false}>{w.issue.title}</Link>}
            </>
          ),
        },
        { key: 'threshold', header: 'Moves of more than', className: 'nowrap', cell: (w) => `${w.threshold} points` },
        {
          key: 'actions',
          header: <span className="visually-hidden">Actions</span>,
          cell: (w) => <RecordActionButton action={removeAction} id={w.id} label="Stop watching" />,
        },
      ]}
    />
  );
}
