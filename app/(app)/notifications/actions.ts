'use server';

import { runFormAction } from '@/lib/actions/form-action';
import { markAllNotificationsRead, markNotificationRead, removeWatch, saveWatch } from '@/lib/notifications/commands';
import type { FormState } from '@/lib/errors';

// Watching is reading: every role may watch and read its own notifications (lib/notifications/commands.ts).

export async function saveWatchAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, saveWatch, (watch) => ({
    revalidate: ['/notifications', '/actors', '/issues'],
    message: `Watching: you will be told of moves of more than ${watch.threshold} points.`,
  }));
}

export async function removeWatchAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, removeWatch, () => ({ revalidate: ['/notifications', '/actors', '/issues'], message: 'No longer watching.' }));
}

export async function markNotificationReadAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, markNotificationRead, () => ({ revalidate: ['/notifications'], message: 'Marked read.' }));
}

export async function markAllNotificationsReadAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, (ctx) => markAllNotificationsRead(ctx), ({ count }) => ({
    revalidate: ['/notifications'],
    message: count === 1 ? 'One notification marked read.' : `${count} notifications marked read.`,
  }));
}
