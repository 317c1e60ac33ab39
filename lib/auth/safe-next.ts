// Any origin will do: it only has to be one a path cannot escape from.
const BASE = 'http://stanceboard.invalid';

/**
 * Only same-site paths are allowed as a post-sign-in destination (no open redirects). Resolved with the
 * URL parser, as the browser will: it drops tabs and newlines, so "/\t/evil.example" means "//evil.example".
 */
export function safeNextPath(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/')) return '/';
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return '/';
  }
  if (url.origin !== BASE) return '/';
  const path = `${url.pathname}${url.search}${url.hash}`;
  // A path the parser itself normalised to start with "//" would be protocol-relative in a Location header.
  return path.startsWith('//') ? '/' : path;
}
