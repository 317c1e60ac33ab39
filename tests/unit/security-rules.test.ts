// The pure rules behind issue 13's defects 1, 2, 5 and 6: where sign-in may send the browser, whose
// address the login throttle counts, which characters text may hold, and what a workspace import must
// refuse before writing anything.
import { afterEach, describe, expect, it } from 'vitest';
import { actorCreateSchema } from '@/lib/actors/schema';
import { readJsonObject } from '@/lib/api/body';
import { clientIp, PEER_ADDRESS_HEADER } from '@/lib/auth/client-ip';
import { resetEnvCache } from '@/lib/env';
import { safeNextPath } from '@/lib/auth/safe-next';
import { AppError } from '@/lib/errors';
import { checkWorkspaceExport } from '@/lib/export/check-workspace';
import { EXPORT_FORMAT, EXPORT_FORMAT_VERSION } from '@/lib/export/format';
import { findUnsafeText } from '@/lib/validation';

function fieldErrorsOf(run: () => unknown): Record<string, string[]> {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error.extra.fieldErrors ?? {};
    throw error;
  }
  throw new Error('expected a VALIDATION error');
}

describe('defect 1: the post-sign-in destination stays on this site', () => {
  it.each([
    '/\t/evil.example/',
    '/\n/evil.example/',
    '/\r/evil.example',
    '//evil.example',
    '/\\evil.example',
    'https://evil.example/',
    'javascript:alert(1)',
    '/%2F%2Fevil.example',
    ' //evil.example',
  ])('refuses %j', (next) => {
    const target = safeNextPath(next);
    expect(new URL(target, 'http://app.test').origin).toBe('http://app.test');
    expect(target.startsWith('/')).toBe(true);
    expect(target.startsWith('//')).toBe(false);
  });

  it('keeps a same-site path with its query and fragment', () => {
    expect(safeNextPath('/issues/abc?from=2020-01-01#chart')).toBe('/issues/abc?from=2020-01-01#chart');
    expect(safeNextPath('/')).toBe('/');
    expect(safeNextPath(undefined)).toBe('/');
  });
});

describe('defect 2: the login throttle counts the address a client cannot forge', () => {
  const original = process.env.TRUSTED_PROXY_HOPS;
  /** Sets (undefined: clears) TRUSTED_PROXY_HOPS; lib/env.ts reads the environment once, so its cache is reset. */
  const hops = (value: string | undefined) => {
    if (value === undefined) delete process.env.TRUSTED_PROXY_HOPS;
    else process.env.TRUSTED_PROXY_HOPS = value;
    resetEnvCache();
  };
  afterEach(() => hops(original));
  const headers = (xff: string | null, peer: string | null) => {
    const h = new Headers();
    if (xff !== null) h.set('x-forwarded-for', xff);
    if (peer !== null) h.set(PEER_ADDRESS_HEADER, peer);
    return h;
  };

  it('ignores X-Forwarded-For with no trusted proxies and uses the socket address', () => {
    hops(undefined);
    expect(clientIp(headers('203.0.113.7', '198.51.100.1'))).toBe('198.51.100.1');
    expect(clientIp(headers('203.0.113.7, 203.0.113.8', '198.51.100.1'))).toBe('198.51.100.1');
    hops('0');
    expect(clientIp(headers('1.2.3.4', '198.51.100.1'))).toBe('198.51.100.1');
  });

  it('twenty spoofed headers from one socket are one address', () => {
    hops(undefined);
    const seen = new Set(Array.from({ length: 20 }, (_, i) => clientIp(headers(`203.0.113.${i}`, '198.51.100.1'))));
    expect([...seen]).toEqual(['198.51.100.1']);
  });

  it('takes the Nth address from the right behind N proxies', () => {
    hops('1');
    expect(clientIp(headers('6.6.6.6, 203.0.113.7', '10.0.0.2'))).toBe('203.0.113.7');
    hops('2');
    expect(clientIp(headers('6.6.6.6, 203.0.113.7, 10.0.0.1', '10.0.0.2'))).toBe('203.0.113.7');
    // Fewer entries than proxies: the header cannot be trusted, fall back to the socket.
    hops('3');
    expect(clientIp(headers('203.0.113.7', '10.0.0.2'))).toBe('10.0.0.2');
  });

  it('without a socket address says so instead of trusting the header', () => {
    hops(undefined);
    expect(clientIp(headers('203.0.113.7', null))).toBe('unknown');
  });
});

describe('defect 5: NUL bytes and lone surrogates are refused, naming the field', () => {
  it('finds them at any depth and names the path', () => {
    expect(findUnsafeText({ a: 'ok', b: ['x', 'y\u0000'] })).toEqual({ path: 'b.1', reason: expect.stringMatching(/NUL/) });
    expect(findUnsafeText({ quote: 'half \ud83d of an emoji' })).toEqual({ path: 'quote', reason: expect.stringMatching(/surrogate/) });
    expect(findUnsafeText({ quote: 'whole 😀 emoji', n: 3, m: null })).toBeNull();
    expect(findUnsafeText({ ['key\u0000']: 'v' })?.path).toBe('key\u0000');
  });

  it('the shared text rules refuse them (forms, API, CSV/JSON import use the same schemas)', () => {
    const nul = actorCreateSchema.safeParse({ name: 'Ankara\u0000', kind: 'STATE' });
    expect(nul.success).toBe(false);
    expect(nul.error?.issues[0]?.path).toEqual(['name']);
    const surrogate = actorCreateSchema.safeParse({ name: 'Ankara', kind: 'STATE', description: 'x\udc00y' });
    expect(surrogate.success).toBe(false);
    expect(surrogate.error?.issues[0]?.path).toEqual(['description']);
    const alias = actorCreateSchema.safeParse({ name: 'Ankara', kind: 'STATE', aliases: ['ok', 'bad\u0000'] });
    expect(alias.success).toBe(false);
  });

  it('a JSON body holding one is refused with 422 naming the field', async () => {
    const request = new Request('http://app.test/api/v1/actors', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"name":"Baku","kind":"STATE","extra":{"note":"a\\u0000b"}}',
    });
    const error = await readJsonObject(request).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(422);
    expect(Object.keys((error as AppError).extra.fieldErrors ?? {})).toEqual(['extra.note']);
    const lone = new Request('http://app.test/api/v1/actors', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":"\\ud800"}' });
    expect(((await readJsonObject(lone).catch((e: unknown) => e)) as AppError).extra.fieldErrors).toHaveProperty('name');
  });
});

function minimalExport() {
  const meta = { version: 1, createdAt: '2024-01-01T00:00:00Z', updatedAt: '2024-01-01T00:00:00Z', deletedAt: null };
  const actor = (key: string, parentKey: string | null) => ({ key, name: `Actor ${key}`, kind: 'STATE', aliases: [], parentKey, description: '', ...meta });
  return {
    format: EXPORT_FORMAT,
    formatVersion: EXPORT_FORMAT_VERSION,
    exportedAt: '2024-02-01T00:00:00Z',
    workspace: { name: 'Desk' },
    users: [{ key: 'u1', email: 'a@example.org', name: 'A' }],
    actors: [actor('a1', null), actor('a2', 'a3'), actor('a3', 'a2'), actor('a4', null)],
    issues: [{ key: 'i1', title: 'Issue', description: '', anchors: [{ value: 0, label: 'None' }, { value: 100, label: 'All' }], ...meta }],
    sources: [
      { key: 's1', title: 'Source', outlet: 'Outlet', author: '', url: '', publishedAt: '2020-11-10', kind: 'NEWS', reliability: 'B', body: '', citedInKey: null, ...meta },
    ],
    interests: [],
    assessments: [
      {
        key: 'as1', actorKey: 'a1', issueKey: 'i1', sourceKey: 's1', position: 50, salience: 50, capability: null, confidence: 'HIGH', credibility: 2,
        stanceDate: '2020-11-10', quote: 'A quote.', rationale: '', recordedByKey: 'u1', ...meta, version: 2,
        revisions: [
          { version: 1, editedByKey: 'u1', editedAt: '2024-01-01T00:00:00Z', changes: {}, snapshot: {} },
          { version: 2, editedByKey: 'u1', editedAt: '2024-01-02T00:00:00Z', changes: {}, snapshot: {} },
        ],
      },
    ],
    scenarios: [],
  };
}

describe('defect 6: the workspace import applies the record rules before writing anything', () => {
  it('accepts a consistent file', () => {
    const file = minimalExport();
    file.actors[1]!.parentKey = 'a1';
    file.actors[2]!.parentKey = 'a1';
    expect(() => checkWorkspaceExport(file)).not.toThrow();
  });

  it('refuses an actor that is its own parent, a parent cycle, a revision beyond the version and a future createdAt', () => {
    const file = minimalExport();
    file.actors[3]!.parentKey = 'a4';
    file.assessments[0]!.revisions.push({ version: 99, editedByKey: 'u1', editedAt: '2024-01-03T00:00:00Z', changes: {}, snapshot: {} });
    file.sources[0]!.createdAt = '2999-01-01T00:00:00Z';
    const errors = fieldErrorsOf(() => checkWorkspaceExport(file));
    expect(errors['actors.3.parentKey']?.join()).toMatch(/part of itself/);
    expect(errors['actors.1.parentKey']?.join()).toMatch(/cycle/);
    expect(errors['assessments.0.revisions.2.version']?.join()).toMatch(/99/);
    expect(errors['sources.0.createdAt']?.join()).toMatch(/future/);
  });

  it('refuses NUL bytes and lone surrogates anywhere in the file, naming the path', () => {
    const file = minimalExport();
    file.actors[1]!.parentKey = 'a1';
    file.actors[2]!.parentKey = 'a1';
    file.assessments[0]!.revisions[0]!.snapshot = { quote: 'bad \udc00' };
    file.workspace.name = 'Desk\u0000';
    const errors = fieldErrorsOf(() => checkWorkspaceExport(file));
    expect(Object.keys(errors)).toEqual(expect.arrayContaining(['workspace.name', 'assessments.0.revisions.0.snapshot.quote']));
  });
});
