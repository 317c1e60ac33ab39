// The policy and the fixed headers are in csp-policy.js (shared with next.config.js); this adds the per-request nonce.
export { HSTS, STATIC_SECURITY_HEADERS, contentSecurityPolicy } from './csp-policy.js';

export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
