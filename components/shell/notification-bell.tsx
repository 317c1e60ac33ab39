'use client';

import Link from '@/components/ui/link';
import { useEffect, useState } from 'react';
import type { NotificationItem } from '@/lib/notifications/describe';

/** Fired on window for each notification the stream brings, so an open list can refresh itself. */
export const NOTIFICATION_EVENT = 'stanceboard:notification';

/**
 * The bell in the shell: the unread count, kept live by server-sent events from
 * /api/notifications/stream (which resends the count on every reconnect). Without EventSource, or while
 * the stream is down, it shows the count of the last page load and still links to the list.
 */
export function NotificationBell({ initialUnread }: { initialUnread: number }) {
  const [unread, setUnread] = useState(initialUnread);
  const [announcement, setAnnouncement] = useState('');
  useEffect(() => {
    if (typeof window.EventSource !== 'function') return;
    const source = new EventSource('/api/notifications/stream');
    source.addEventListener('unread', (event) => {
      const { count } = JSON.parse((event as MessageEvent<string>).data) as { count: number };
      setUnread(count);
    });
    source.addEventListener('notification', (event) => {
      const { item, unread: count } = JSON.parse((event as MessageEvent<string>).data) as { item: NotificationItem; unread: number };
      setUnread(count);
      setAnnouncement(item.text);
      window.dispatchEvent(new CustomEvent(NOTIFICATION_EVENT, { detail: item }));
    });
    return () => source.close();
  }, []);
  const label = unread === 0 ? 'Notifications: none unread' : `Notifications: ${unread} unread`;
  return (
    <>
      <Link href="/notifications" className="bell" aria-label={label} title={label} prefetch={false}>
        <svg aria-hidden="true" width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
          <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
        {unread > 0 && (
          <span className="bell-count" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </Link>
      <span className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </span>
    </>
  );
}
