import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../test/test-app.ts';
import { securityHeaders } from './security-headers.ts';

describe('security headers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('every response carries helmet\'s headers with the app\'s CSP: pages, API, errors and unknown routes', async () => {
    for (const [url, status] of [['/healthz', 200], ['/items', 200], ['/api/orgs', 401], ['/items?asOf=yesterday', 400], ['/no-such-page', 404]] as const) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(status);
      const csp = res.headers['content-security-policy'] as string;
      expect(csp, url).toContain("default-src 'self'");
      expect(csp).toContain("style-src 'self' 'unsafe-inline'");
      expect(csp).toContain("img-src 'self' data: blob:");
      expect(csp).not.toContain('upgrade-insecure-requests');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['strict-transport-security']).toMatch(/^max-age=\d+/);
      expect(res.headers['cross-origin-embedder-policy']).toBeUndefined();
    }
  });

  it('are computed once from helmet: options switch headers off or change them', () => {
    const defaults = securityHeaders({});
    expect(defaults['x-frame-options']).toBe('SAMEORIGIN');
    expect(defaults['referrer-policy']).toBe('no-referrer');
    const changed = securityHeaders({ frameguard: { action: 'deny' }, referrerPolicy: false });
    expect(changed['x-frame-options']).toBe('DENY');
    expect(changed['referrer-policy']).toBeUndefined();
  });
});
