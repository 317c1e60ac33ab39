import 'server-only';
import pg from 'pg';
import { requireDatabaseUrl } from '../env';
import { NOTIFICATION_CHANNEL, parseChannelMessage, type ChannelMessage } from './announce';

/**
 * What a subscriber hears: a message of the channel, or `resync` after the LISTEN connection was lost
 * and is back (anything announced meanwhile is in the database; the subscriber re-reads its count).
 */
export type ListenerSignal = { type: 'message'; message: ChannelMessage } | { type: 'resync' };
type Subscriber = (signal: ListenerSignal) => void;

const BACKOFF_MS = [250, 500, 1_000, 2_000, 5_000, 10_000];

/**
 * One dedicated PostgreSQL connection per Node process LISTENing on the notifications channel, opened
 * on the first subscriber and closed after the last leaves; its messages fan out to the subscribers
 * (SSE streams) of the user and workspace they name. Every app instance has its own, so a change
 * committed through any instance reaches the streams of all of them. If the connection drops (the
 * database restarts), it reconnects with backoff and tells every subscriber to resync.
 */
export class NotificationListener {
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private retry: NodeJS.Timeout | null = null;
  private attempt = 0;
  private hadConnection = false;
  private readonly subscribers = new Map<string, Set<Subscriber>>();

  constructor(private readonly connectionString: () => string = requireDatabaseUrl) {}

  /** Calls `subscriber` for every message to `userId` in `workspaceId`; returns the unsubscribe function. */
  subscribe(userId: string, workspaceId: string, subscriber: Subscriber): () => void {
    const key = `${userId}:${workspaceId}`;
    let set = this.subscribers.get(key);
    if (!set) this.subscribers.set(key, (set = new Set()));
    set.add(subscriber);
    this.ensureConnected();
    return () => {
      set.delete(subscriber);
      if (set.size === 0) this.subscribers.delete(key);
      if (this.subscribers.size === 0) void this.close();
    };
  }

  /** Resolves once LISTEN is in place (for tests and for streams that want to start after it). */
  ready(): Promise<void> {
    this.ensureConnected();
    return this.connecting ?? Promise.resolve();
  }

  get subscriberCount(): number {
    let n = 0;
    for (const set of this.subscribers.values()) n += set.size;
    return n;
  }

  private ensureConnected(): void {
    if (this.client || this.connecting || this.retry) return;
    this.connecting = this.connect().finally(() => {
      this.connecting = null;
    });
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString(), application_name: 'stanceboard-notifications' });
    client.on('notification', (n) => {
      if (n.channel !== NOTIFICATION_CHANNEL) return;
      const message = parseChannelMessage(n.payload);
      if (message) this.emit(`${message.userId}:${message.workspaceId}`, { type: 'message', message });
    });
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${NOTIFICATION_CHANNEL}`);
    } catch {
      this.lost(client);
      return;
    }
    if (this.subscribers.size === 0) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.attempt = 0;
    if (this.hadConnection) for (const key of this.subscribers.keys()) this.emit(key, { type: 'resync' });
    this.hadConnection = true;
  }

  private lost(client: pg.Client): void {
    if (this.client === client) this.client = null;
    client.removeAllListeners('notification');
    client.end().catch(() => undefined);
    if (this.subscribers.size === 0 || this.retry) return;
    const delay = BACKOFF_MS[Math.min(this.attempt++, BACKOFF_MS.length - 1)]!;
    this.retry = setTimeout(() => {
      this.retry = null;
      if (this.subscribers.size > 0) this.ensureConnected();
    }, delay);
    this.retry.unref();
  }

  private emit(key: string, signal: ListenerSignal): void {
    for (const subscriber of this.subscribers.get(key) ?? []) {
      try {
        subscriber(signal);
      } catch {
        // One broken stream must not stop the others.
      }
    }
  }

  async close(): Promise<void> {
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    const client = this.client;
    this.client = null;
    this.hadConnection = false;
    if (client) {
      client.removeAllListeners();
      client.on('error', () => undefined);
      await client.end().catch(() => undefined);
    }
  }
}

const globalForListener = globalThis as unknown as { stanceboardNotificationListener?: NotificationListener };

/** The listener of this process (one LISTEN connection however many streams are open). */
export function notificationListener(): NotificationListener {
  globalForListener.stanceboardNotificationListener ??= new NotificationListener();
  return globalForListener.stanceboardNotificationListener;
}
