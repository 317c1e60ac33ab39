import { env } from '../env';

/**
 * Set by our HTTP server (scripts/server.ts) to the socket's remote address on every request,
 * replacing whatever a client sent under that name.
 */
export const PEER_ADDRESS_HEADER = 'x-stanceboard-peer-address';

/**
 * The caller's address, for the login throttle and the audit log. With TRUSTED_PROXY_HOPS=0 (the
 * default) X-Forwarded-For is ignored, since any client can write it, and the socket address is used.
 * Behind N proxies, each appending the address it saw, the Nth entry from the right is the client.
 */
export function clientIp(headers: Headers): string {
  const peer = headers.get(PEER_ADDRESS_HEADER)?.trim() || 'unknown';
  const trusted = env().TRUSTED_PROXY_HOPS;
  if (trusted === 0) return peer;
  const hops = (headers.get('x-forwarded-for') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  return hops[hops.length - trusted] ?? peer;
}
