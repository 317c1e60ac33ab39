import { describe, expect, it } from 'vitest';
import { firstLoadFiles, firstLoadSizes, formatSizeTable } from '@/lib/build/first-load-js';

describe('first-load JavaScript per route', () => {
  it("counts the shared runtime and every segment's chunks of the page once", () => {
    const files = firstLoadFiles(['static/chunks/runtime.js', 'static/chunks/react.js'], {
      '[project]/app/layout': ['static/chunks/react.js', 'static/chunks/app.js'],
      '[project]/app/(app)/issues/[id]/page': ['static/chunks/app.js', 'static/chunks/issue.js'],
    });
    expect(files).toEqual(['static/chunks/app.js', 'static/chunks/issue.js', 'static/chunks/react.js', 'static/chunks/runtime.js']);
  });

  it('sums gzip sizes, sorts largest first and flags the routes above the limit', () => {
    const bytes: Record<string, number> = { a: 100_000, b: 150_000, c: 20_000 };
    const sizes = firstLoadSizes(
      [
        { route: '/', files: ['a'] },
        { route: '/issues/[id]', files: ['a', 'b'] },
        { route: '/sign-in', files: ['c'] },
      ],
      (file) => bytes[file]!,
      250 * 1024,
    );
    expect(sizes).toEqual([
      { route: '/issues/[id]', files: 2, gzipBytes: 250_000, overLimit: false },
      { route: '/', files: 1, gzipBytes: 100_000, overLimit: false },
      { route: '/sign-in', files: 1, gzipBytes: 20_000, overLimit: false },
    ]);
    const tight = firstLoadSizes([{ route: '/issues/[id]', files: ['a', 'b'] }], (file) => bytes[file]!, 200 * 1024);
    expect(tight[0]!.overLimit).toBe(true);
    expect(formatSizeTable(tight, 200 * 1024)).toContain('/issues/[id]              244.1 kB       2  OVER 200.0 kB');
  });
});
