// First-load JavaScript per route of a `next build` (Turbopack), from the build's manifests: what a
// browser downloads before a route is interactive. Chunks that load later (next/dynamic, import())
// are not in these lists, which is the point of loading the charting code on demand.
//
//   .next/build-manifest.json                 rootMainFiles: the runtime every route loads.
//   .next/app-path-routes-manifest.json       "/(app)/issues/[id]/page" -> "/issues/[id]".
//   .next/server/app/<page>_client-reference-manifest.js
//                                             entryJSFiles: the chunks of each segment of that page's
//                                             tree (layouts, page, loading, error, not-found), all counted.

export interface RouteChunks {
  route: string;
  files: string[];
}

export interface RouteSize {
  route: string;
  files: number;
  gzipBytes: number;
  overLimit: boolean;
}

/** The chunks one page's client-reference manifest lists for its whole tree, plus the shared runtime. */
export function firstLoadFiles(rootMainFiles: readonly string[], entryJSFiles: Record<string, readonly string[]>): string[] {
  return [...new Set([...rootMainFiles, ...Object.values(entryJSFiles).flat()])].sort();
}

/** Sizes each route's first-load chunks (gzip, by `gzipBytes` of a file) and marks those above `limitBytes`. Largest first. */
export function firstLoadSizes(routes: readonly RouteChunks[], gzipBytes: (file: string) => number, limitBytes: number): RouteSize[] {
  return routes
    .map(({ route, files }) => {
      const total = files.reduce((sum, file) => sum + gzipBytes(file), 0);
      return { route, files: files.length, gzipBytes: total, overLimit: total > limitBytes };
    })
    .sort((a, b) => b.gzipBytes - a.gzipBytes || a.route.localeCompare(b.route));
}

export function formatSizeTable(sizes: readonly RouteSize[], limitBytes: number): string {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
  const width = Math.max(5, ...sizes.map((s) => s.route.length));
  const lines = [`${'Route'.padEnd(width)}  ${'First-load JS (gzip)'.padStart(20)}  Chunks`];
  for (const s of sizes) lines.push(`${s.route.padEnd(width)}  ${kb(s.gzipBytes).padStart(20)}  ${String(s.files).padStart(6)}${s.overLimit ? `  OVER ${kb(limitBytes)}` : ''}`);
  return lines.join('\n');
}
