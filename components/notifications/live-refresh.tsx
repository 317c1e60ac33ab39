'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { NOTIFICATION_EVENT } from '@/components/shell/notification-bell';

/** Re-renders the page (server data) when the bell's stream brings a new notification. */
export function LiveRefresh() {
  const router = useRouter();
  useEffect(() => {
    const refresh = () => router.refresh();
    window.addEventListener(NOTIFICATION_EVENT, refresh);
    return () => window.removeEventListener(NOTIFICATION_EVENT, refresh);
  }, [router]);
  return null;
}
