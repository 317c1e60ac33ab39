// The Content-Security-Policy and the headers that do not depend on the request, in one place for their
// users: proxy.ts (pages, API, redirects: with this request's nonce), next.config.js (every response; the
// build's static files get the policy without a nonce: they are files, not pages) and the server's API
// fast path (scripts/api-fast-path.ts). Plain JavaScript so that next.config.js can import it without a
// TypeScript step.

/** Headers every response carries, whoever answers it. */
export const STATIC_SECURITY_HEADERS = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
];

/** Strict-Transport-Security, sent only over https (over http it would be ignored, and a local install must keep working on http). */
export const HSTS = 'max-age=63072000; includeSubDomains';

/**
 * @param {string | null} nonce this response's script nonce; null for static files (scripts from us only)
 * @param {{ development?: boolean }} [options]
 * @returns {string}
 */
export function contentSecurityPolicy(nonce, { development = false } = {}) {
  return [
    `default-src 'self'`,
    // React's dev build needs eval for its debugging aids; production never allows it.
    nonce === null ? `script-src 'self'` : `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`,
    // Charts position their elements with inline style attributes.
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: blob:`,
    `font-src 'self'`,
    `connect-src 'self'${development ? ' ws: wss:' : ''}`,
    `worker-src 'self' blob:`,
    `object-src 'none'`,
    `base-uri 'self'`,
    `form-action 'self'`,
    `frame-ancestors 'none'`,
  ].join('; ');
}
