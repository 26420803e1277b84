import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemElements, nextBasicCode, uniformElements } from '../test/factories.ts';
import { buildTestApp, type TestApp } from '../test/test-app.ts';
import { acceptsGzip } from './compression.ts';

describe('gzip of text answers', () => {
  let t: TestApp;
  let code: string;
  beforeAll(async () => {
    t = await buildTestApp();
    const admin = await t.login('admin');
    const orgs = (await t.call(admin, 'GET', '/api/orgs')).json().items as Array<{ id: string; nameZh: string }>;
    const cat = await t.call(admin, 'POST', '/api/catalogue-items', { basicCode: nextBasicCode(), origin: 'provincial', levels: [4], uniform: uniformElements({ name: '食品经营许可' }) });
    code = (await t.call(admin, 'POST', '/api/items', { catalogueItemId: cat.json().id, orgId: orgs.find((o) => o.nameZh === '乌审旗市场监督管理局')!.id, levelDigit: 4 })).json().implementationCode;
    await t.call(admin, 'PUT', `/api/items/${code}/versions/1`, { elements: itemElements({}, { name: '食品经营许可' }) });
    expect((await t.call(admin, 'POST', `/api/items/${code}/versions/1/load`, {})).statusCode).toBe(200);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('reads Accept-Encoding: gzip, a wildcard, and q=0 as a refusal', () => {
    expect(acceptsGzip('gzip, deflate, br')).toBe(true);
    expect(acceptsGzip('br;q=1.0, gzip;q=0.8')).toBe(true);
    expect(acceptsGzip('*')).toBe(true);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip('br')).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });

  it('portal pages and API JSON go out gzip-compressed when accepted, plain otherwise, with Vary: Accept-Encoding', async () => {
    for (const url of ['/items', `/items/${code}`, '/api/openapi.json']) {
      const plain = await t.app.inject({ method: 'GET', url });
      const zipped = await t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip, deflate, br' } });
      expect(plain.statusCode, url).toBe(200);
      expect(plain.headers['content-encoding'], url).toBeUndefined();
      expect(zipped.headers['content-encoding'], url).toBe('gzip');
      expect(String(zipped.headers.vary)).toMatch(/Accept-Encoding/);
      expect(String(plain.headers.vary)).toMatch(/Accept-Encoding/);
      expect(zipped.rawPayload.length, url).toBeLessThan(plain.rawPayload.length);
      const text = gunzipSync(zipped.rawPayload).toString('utf8');
      // The same page (a request id or a CSRF-free timestamp aside, none of which these pages carry).
      expect(text, url).toBe(plain.body);
    }
  });

  it('a cached guide page keeps its validator, weak when compressed, and a conditional GET with either answers 304', async () => {
    const plain = await t.app.inject({ method: 'GET', url: `/items/${code}` });
    const zipped = await t.app.inject({ method: 'GET', url: `/items/${code}`, headers: { 'accept-encoding': 'gzip' } });
    const strong = plain.headers.etag as string;
    expect(strong).toMatch(/^"/);
    expect(zipped.headers.etag).toBe(`W/${strong}`);
    for (const tag of [strong, `W/${strong}`]) {
      const again = await t.app.inject({ method: 'GET', url: `/items/${code}`, headers: { 'accept-encoding': 'gzip', 'if-none-match': tag } });
      expect(again.statusCode, tag).toBe(304);
      expect(again.rawPayload.length).toBe(0);
    }
  });

  it('small answers are left alone', async () => {
    const health = await t.app.inject({ method: 'GET', url: '/healthz', headers: { 'accept-encoding': 'gzip' } });
    expect(health.statusCode).toBe(200);
    expect(health.headers['content-encoding']).toBeUndefined();
  });
});
