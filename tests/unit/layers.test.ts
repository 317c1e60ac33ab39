// The layers stay apart: app/ routes compose components and hand-write no tables or inline styles,
// components/ draw UI without reaching into app/, and lib/ knows nothing of the UI. A scan of the
// source, so a slip fails in a second instead of in review.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

function sourceFiles(dir: string, skip: readonly string[] = []): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.posix.join(dir, entry.name);
    if (skip.includes(rel)) continue;
    if (entry.isDirectory()) out.push(...sourceFiles(rel, skip));
    else if (/\.(ts|tsx|js|jsx|mjs)$/.test(entry.name)) out.push(rel);
  }
  return out;
}

const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

/** Every module specifier a file imports (static, side-effect, dynamic, re-export, require). */
function specifiers(source: string): string[] {
  const found: string[] = [];
  const pattern = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)['"]([^'"]+)['"]/g;
  for (const match of source.matchAll(pattern)) found.push(match[1]!);
  return found;
}

/** The repository folder a specifier points into: `@/app/x` and `../../app/x` both give `app`. */
function targetTopFolder(file: string, specifier: string): string | null {
  if (specifier.startsWith('@/')) return specifier.slice(2).split('/')[0] ?? null;
  if (specifier.startsWith('.')) return path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier)).split('/')[0] ?? null;
  return null;
}

function importsInto(files: string[], folders: readonly string[]): string[] {
  return files.flatMap((file) =>
    specifiers(read(file))
      .filter((s) => folders.includes(targetTopFolder(file, s) ?? ''))
      .map((s) => `${file} imports ${s}`),
  );
}

describe('layers', () => {
  it('app/ pages and layouts hand-write no <table> and no inline style={{…}}: tables and styles live in components/ and CSS', () => {
    const offenders = sourceFiles('app').flatMap((file) => {
      const source = read(file);
      return [source.includes('<table') && `${file}: <table`, source.includes('style={{') && `${file}: style={{`].filter(Boolean);
    });
    expect(offenders).toEqual([]);
  });

  it('components/ never import from app/', () => {
    expect(importsInto(sourceFiles('components'), ['app'])).toEqual([]);
  });

  it('lib/ never imports from components/ or app/', () => {
    expect(importsInto(sourceFiles('lib', ['lib/generated']), ['components', 'app'])).toEqual([]);
  });

  it('the scan sees imports, relative or aliased, that reach into another layer', () => {
    expect(specifiers(`import x from '@/app/a';\nimport './b.css';\nexport { y } from "../c";\nconst z = await import('@/d');`)).toEqual(['@/app/a', './b.css', '../c', '@/d']);
    expect(targetTopFolder('components/charts/frame.tsx', '../../app/charts.css')).toBe('app');
    expect(targetTopFolder('components/charts/frame.tsx', './charts.css')).toBe('components');
    expect(targetTopFolder('lib/x/y.ts', '@/components/ui/link')).toBe('components');
    expect(targetTopFolder('lib/x/y.ts', 'react')).toBeNull();
  });
});
