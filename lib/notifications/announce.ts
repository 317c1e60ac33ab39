import { authorize, type Ctx } from '../auth/context';
import { db } from '../db';

/** The channel the triggers of migration 20261203100000_notifications announce new notifications on. */
export const NOTIFICATION_CHANNEL = 'stanceboard_notifications';

/** What travels on the channel: a new notification (`id`), or `read` when the unread count went down. */
export interface ChannelMessage {
  userId: string;
  workspaceId: string;
  id?: string;
  read?: true;
}

export function parseChannelMessage(payload: string | undefined): ChannelMessage | null {
  try {
    const m = JSON.parse(payload ?? '') as Partial<ChannelMessage>;
    return typeof m.userId === 'string' && typeof m.workspaceId === 'string' ? (m as ChannelMessage) : null;
  } catch {
    return null;
  }
}

/** Tells the caller's other open tabs (on any app instance) that their unread count went down. */
export async function announceRead(ctx: Ctx): Promise<void> {
  authorize(ctx, 'workspace:read');
  const message: ChannelMessage = { userId: ctx.userId, workspaceId: ctx.workspaceId, read: true };
  await db().$executeRaw`SELECT pg_notify(${NOTIFICATION_CHANNEL}, ${JSON.stringify(message)})`;
}
