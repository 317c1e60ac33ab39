// The Content-Security-Policy, in one place for both its users: proxy.ts (pages, API, redirects: with
// this request's nonce) and next.config.js (the build's static files: no nonce, these are files, not
// pages). Plain JavaScript so that next.config.js can import it without a TypeScript step.

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
