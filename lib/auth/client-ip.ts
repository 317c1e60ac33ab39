/**
 * The caller's address. Next's server appends the socket address to X-Forwarded-For, so the last
 * entry is the one a client cannot forge (set TRUSTED_PROXY_HOPS when behind more proxies).
 */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get('x-forwarded-for');
  if (forwarded) {
    const hops = forwarded.split(',').map((s) => s.trim()).filter(Boolean);
    const trusted = Number(process.env.TRUSTED_PROXY_HOPS ?? 0);
    const ip = hops[Math.max(0, hops.length - 1 - trusted)];
    if (ip) return ip;
  }
  return headers.get('x-real-ip') ?? 'unknown';
}
