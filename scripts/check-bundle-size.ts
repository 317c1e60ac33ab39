/**
 * `npm run check:bundle-size`: after `next build`, prints every app route's first-load
 * JavaScript (gzip) and exits 1 when a route is above the limit (BUNDLE_LIMIT_KB, default 250).
 * How the sizes are read from the manifests: lib/build/first-load-js.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { gzipSync } from 'node:zlib';
import { firstLoadFiles, firstLoadSizes, formatSizeTable, type RouteChunks } from '../lib/build/first-load-js';

const NEXT = path.resolve(process.env.NEXT_DIST_DIR ?? '.next');
const LIMIT_BYTES = Number(process.env.BUNDLE_LIMIT_KB ?? 250) * 1024;

const readJson = <T>(file: string): T => JSON.parse(readFileSync(path.join(NEXT, file), 'utf8')) as T;

if (!existsSync(path.join(NEXT, 'build-manifest.json'))) {
  console.error(`No build in ${NEXT}: run \`npm run build\` first.`);
  process.exit(2);
}
const { rootMainFiles } = readJson<{ rootMainFiles: string[] }>('build-manifest.json');
const pages = readJson<Record<string, string>>('app-path-routes-manifest.json');

const routes: RouteChunks[] = [];
for (const [page, route] of Object.entries(pages)) {
  if (!page.endsWith('/page')) continue; // route handlers send no JavaScript
  const manifestFile = path.join(NEXT, 'server', 'app', `${page}_client-reference-manifest.js`);
  if (!existsSync(manifestFile)) throw new Error(`${route}: no client reference manifest at ${manifestFile}`);
  const sandbox: { __RSC_MANIFEST?: Record<string, { entryJSFiles: Record<string, string[]> }> } = {};
  vm.runInNewContext(readFileSync(manifestFile, 'utf8'), { globalThis: sandbox });
  const manifest = sandbox.__RSC_MANIFEST?.[page];
  if (!manifest) throw new Error(`${route}: ${manifestFile} does not describe ${page}`);
  routes.push({ route, files: firstLoadFiles(rootMainFiles, manifest.entryJSFiles) });
}

const gzipCache = new Map<string, number>();
const gzipBytes = (file: string) => {
  if (!gzipCache.has(file)) gzipCache.set(file, gzipSync(readFileSync(path.join(NEXT, file)), { level: 9 }).length);
  return gzipCache.get(file)!;
};

const sizes = firstLoadSizes(routes, gzipBytes, LIMIT_BYTES);
console.log(formatSizeTable(sizes, LIMIT_BYTES));
const over = sizes.filter((s) => s.overLimit);
if (over.length) {
  console.error(`\n${over.length} route(s) above ${LIMIT_BYTES / 1024} kB of first-load JS (gzip): ${over.map((s) => s.route).join(', ')}`);
  process.exit(1);
}
console.log(`\nEvery route (${sizes.length}) is within ${LIMIT_BYTES / 1024} kB of first-load JS (gzip).`);
