import 'server-only';
import { authorize, type Ctx } from '../auth/context';
import { getNotification, unreadCount } from './queries';
import { notificationListener, type ListenerSignal } from './listener';

const HEARTBEAT_MS = 25_000;

/** One server-sent event. */
export function sseEvent(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/**
 * The caller's notifications as server-sent events: `unread` ({ count }) on connect and whenever the
 * count may have changed, `notification` ({ item, unread }) for each new one, a comment as heartbeat so
 * proxies keep the connection. Nothing is lost between connections: the count is re-read on every
 * (re)connect, and the list is in the database.
 */
export function notificationStream(ctx: Ctx, signal?: AbortSignal): Response {
  authorize(ctx, 'workspace:read');
  const encoder = new TextEncoder();
  let stop: (() => void) | null = null;
  const stream = new ReadableStream<Uint8Array>(
    {
      // Started by the first read (highWaterMark 0), so a response nobody reads subscribes to nothing.
      async pull(controller) {
        if (stop) return;
        let closed = false;
        const send = (text: string) => {
          if (closed) return;
          try {
            controller.enqueue(encoder.encode(text));
          } catch {
            finish();
          }
        };
        // Messages are handled one at a time, in order, so counts never go backwards.
        let queue = Promise.resolve();
        const onSignal = (s: ListenerSignal) => {
          queue = queue.then(async () => {
            if (closed) return;
            try {
              if (s.type === 'message' && s.message.id) {
                const item = await getNotification(ctx, s.message.id);
                if (item) send(sseEvent('notification', { item, unread: await unreadCount(ctx) }));
              } else {
                send(sseEvent('unread', { count: await unreadCount(ctx) }));
              }
            } catch {
              // The database is away: the listener resyncs when it is back.
            }
          });
        };
        const unsubscribe = notificationListener().subscribe(ctx.userId, ctx.workspaceId, onSignal);
        const heartbeat = setInterval(() => send(': heartbeat\n\n'), HEARTBEAT_MS);
        heartbeat.unref?.();
        const finish = () => {
          if (closed) return;
          closed = true;
          clearInterval(heartbeat);
          unsubscribe();
          signal?.removeEventListener('abort', finish);
          try {
            controller.close();
          } catch {
            // already closed
          }
        };
        stop = finish;
        signal?.addEventListener('abort', finish);
        send('retry: 3000\n\n');
        try {
          // LISTEN first, then count: a notification committed in between is in the count or in a message.
          await notificationListener().ready();
          send(sseEvent('unread', { count: await unreadCount(ctx) }));
        } catch {
          finish();
        }
      },
      cancel() {
        stop?.();
      },
    },
    { highWaterMark: 0 },
  );
  return new Response(stream, {
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      // no-transform: Next's gzip would otherwise buffer the stream.
      'Cache-Control': 'no-cache, no-store, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    },
  });
}
