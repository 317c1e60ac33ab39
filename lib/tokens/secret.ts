import { createHash, randomBytes } from 'node:crypto';
import { TOKEN_DISPLAY_LENGTH, TOKEN_PREFIX } from './schema';

/** A new secret: 32 random bytes, base64url, behind the `sb_` prefix. */
export function generateTokenSecret(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

/** The only form in which a secret is stored. A fast hash is right here: the secret has 256 random bits. */
export function hashTokenSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export function displayPrefix(secret: string): string {
  return secret.slice(0, TOKEN_DISPLAY_LENGTH);
}

/** Shape check before any database look-up. */
export function looksLikeTokenSecret(value: string): boolean {
  return value.startsWith(TOKEN_PREFIX) && /^[A-Za-z0-9_-]{40,60}$/.test(value.slice(TOKEN_PREFIX.length));
}
