import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { requirePageContext } from '@/lib/auth/request';
import { formatDay } from '@/lib/format';
import { listNotifications, listWatches } from '@/lib/notifications/queries';
import { EmptyState } from '@/components/records/list-controls';
import { RecordActionButton } from '@/components/records/record-actions';
import { LiveRefresh } from '@/components/notifications/live-refresh';
import { WatchTable } from '@/components/notifications/watch-table';
import { markAllNotificationsReadAction, markNotificationReadAction, removeWatchAction } from './actions';

export const metadata: Metadata = { title: 'Notifications' };

const KIND_LABELS = { SHIFT: 'Shift', EVENT: 'Event', LIKELIHOOD: 'Likelihood' } as const;

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function NotificationsPage({ searchParams }: { searchParams: SearchParams }) {
  // Watching is reading: every role has its own watches and notifications.
  const ctx = await requirePageContext({ permission: 'workspace:read' });
  const search = await searchParams;
  const before = typeof search.before === 'string' ? search.before : undefined;
  const [page, watches] = await Promise.all([listNotifications(ctx, before ? { before } : {}).catch(() => listNotifications(ctx)), listWatches(ctx)]);
  return (
    <>
      <LiveRefresh />
      <div className="page-head">
        <div>
          <h1>Notifications</h1>
          <div className="sub">
            What your watches matched in {ctx.workspaceName}: {page.unread === 0 ? 'nothing unread' : page.unread === 1 ? 'one unread' : `${page.unread} unread`}.
          </div>
        </div>
        {page.unread > 0 && (
          <RecordActionButton action={markAllNotificationsReadAction} id="all" label="Mark all read" className="btn" />
        )}
      </div>

      <section className="panel" aria-labelledby="notifications-heading">
        <h2 id="notifications-heading" className="visually-hidden">Latest</h2>
        {page.items.length === 0 ? (
          <EmptyState title="No notifications yet">
            <p>Watch an actor or an issue from its page (Alerts, below the chart) and you are told here, as it happens, when a change moves a current position by more than your threshold, and of new events and likelihood estimates.</p>
          </EmptyState>
        ) : (
          <ul className="notification-list">
            {page.items.map((n) => (
              <li key={n.id} className={n.readAt ? undefined : 'notification-unread'}>
                <div>
                  <div className="notification-text">
                    <span className="badge">{KIND_LABELS[n.kind]}</span> <Link href={n.href} prefetch={false}>{n.text}</Link>
                    {!n.readAt && <span className="visually-hidden"> (unread)</span>}
                  </div>
                  <div className="muted small">{formatDay(n.createdAt.slice(0, 10))} {n.createdAt.slice(11, 16)} UTC</div>
                </div>
                {!n.readAt && <RecordActionButton action={markNotificationReadAction} id={n.id} label="Mark read" />}
              </li>
            ))}
          </ul>
        )}
        {page.nextBefore && (
          <p>
            <Link href={`/notifications?before=${page.nextBefore}`}>Older notifications</Link>
          </p>
        )}
      </section>

      <section className="panel table-scroll" aria-labelledby="watches-heading">
        <h2 id="watches-heading">Your watches</h2>
        {watches.length === 0 ? (
          <p className="muted">You watch nothing yet. Open an <Link href="/actors">actor</Link> or an <Link href="/issues">issue</Link> and set an alert.</p>
        ) : (
          <WatchTable watches={watches} removeAction={removeWatchAction} />
        )}
      </section>
    </>
  );
}
