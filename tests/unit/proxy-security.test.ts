// Issue 13, defect 7 (the parts decided before any page runs): HSTS over https, and a server action
// POST that does not say where it comes from is refused.
import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { proxy } from '@/proxy';

const signedIn = { cookie: 'authjs.session-token=x' };

describe('Strict-Transport-Security', () => {
  it('is sent when the app is served over https (directly or behind a TLS proxy)', () => {
    expect(proxy(new NextRequest('https://app.test/sign-in')).headers.get('strict-transport-security')).toMatch(/max-age=\d{7,}/);
    const proxied = new NextRequest('http://app.test/actors', { headers: { ...signedIn, 'x-forwarded-proto': 'https' } });
    expect(proxy(proxied).headers.get('strict-transport-security')).toMatch(/max-age=/);
    expect(proxy(new NextRequest('https://app.test/actors')).headers.get('strict-transport-security')).toMatch(/max-age=/);
  });

  it('is not sent over plain http (it would lock a local install out of http)', () => {
    expect(proxy(new NextRequest('http://app.test/sign-in')).headers.get('strict-transport-security')).toBeNull();
  });
});

describe('server action POSTs', () => {
  const action = (headers: Record<string, string>) =>
    proxy(new NextRequest('http://app.test/actors/new', { method: 'POST', headers: { ...signedIn, 'next-action': 'abc123', ...headers }, body: '[]' }));

  it('without an Origin header are refused with 403', async () => {
    const response = action({});
    expect(response.status).toBe(403);
    expect((await response.json()).error.code).toBe('FORBIDDEN');
  });

  it('a form POST to a page without Origin (no-JavaScript server action) is refused too', () => {
    const response = proxy(new NextRequest('http://app.test/actors/new', { method: 'POST', headers: signedIn, body: 'a=1' }));
    expect(response.status).toBe(403);
  });

  it('with the Origin a browser sends are passed on (Next then checks it against the host)', () => {
    const response = action({ origin: 'http://app.test' });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-middleware-next')).toBe('1');
  });

  it('API calls by token (no Origin, as curl sends them) are not affected', () => {
    const response = proxy(new NextRequest('http://app.test/api/v1/actors', { method: 'POST', headers: { authorization: 'Bearer sb_x' }, body: '{}' }));
    expect(response.status).toBe(200);
  });
});
