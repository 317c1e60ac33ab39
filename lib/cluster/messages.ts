import cluster from 'node:cluster';

// The server processes of one `npm start` (scripts/server.ts) keep a little state in memory (remembered
// API token callers, who wrote a moment ago). They tell each other about changes through the cluster
// primary, which passes every message of these kinds on to the other workers.

export type ClusterMessage =
  /** Remembered API token callers must be forgotten (a token revoked, a member changed). */
  | { kind: 'stanceboard:token-contexts-changed' }
  /** This user wrote at `at` (ms): read their data from the primary database for a while. */
  | { kind: 'stanceboard:user-wrote'; userId: string; at: number };

export function isClusterMessage(message: unknown): message is ClusterMessage {
  const kind = (message as { kind?: unknown } | null)?.kind;
  return typeof kind === 'string' && kind.startsWith('stanceboard:');
}

/** Tells the other server processes of this cluster (nothing outside a cluster worker). */
export function tellOtherWorkers(message: ClusterMessage): void {
  if (cluster.isWorker) process.send?.(message);
}

/** Runs `handle` for every message of `kind` another server process of this cluster sends. */
export function onClusterMessage<K extends ClusterMessage['kind']>(kind: K, handle: (message: Extract<ClusterMessage, { kind: K }>) => void): void {
  if (!cluster.isWorker) return;
  process.on('message', (message: unknown) => {
    if (isClusterMessage(message) && message.kind === kind) handle(message as Extract<ClusterMessage, { kind: K }>);
  });
}
