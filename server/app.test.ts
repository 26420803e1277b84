import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import type { Db } from './db/database.ts';
import { createTestDatabase, TEST_DIALECT } from './test/test-app.ts';

// What every client of the API relies on: the OpenAPI description with its docs page, and the error envelope even
// when something unexpected breaks.

describe(`the API platform (${TEST_DIALECT})`, () => {
  let db: Db;
  let app: FastifyInstance;
  beforeAll(async () => {
    db = await createTestDatabase();
    const config = loadConfig({ NODE_ENV: 'test' }, { webDistDir: '/nonexistent', sealKek: { kind: 'inline', key: randomBytes(32) } });
    app = await buildApp(config, { db, logger: false });
    // A route that fails the way a bug would, with SQL in its message.
    app.get('/api/test-failure', { config: { access: 'public' } }, async () => {
      throw new Error('insert into app_user (password_hash) values ($argon2id$secret) failed');
    });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await db?.destroy();
  });

  it('describes itself as OpenAPI 3.1 at /api/openapi.json, with the interfaces other tools rely on, and serves the docs UI at /api/docs', async () => {
    const spec = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(spec.statusCode).toBe(200);
    const doc = spec.json() as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toMatch(/^3\.1\./);
    for (const [route, method] of [
      ['/api/auth/login', 'post'],
      ['/api/auth/logout', 'post'],
      ['/api/me', 'get'],
      ['/api/calendar/deadline', 'get'],
      ['/api/calendar/{year}', 'get'],
      ['/api/orgs', 'post'],
      ['/api/users', 'post'],
      ['/api/audit', 'get'],
    ]) {
      expect(doc.paths[route]?.[method], `${method} ${route}`).toBeDefined();
    }
    const docs = await app.inject({ method: 'GET', url: '/api/docs' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toMatch(/text\/html/);
    expect(docs.body).toContain('Swagger UI');
  });

  it('answers an unexpected failure with the 500 envelope in Chinese, and no stack, SQL or secret', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/test-failure' });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ error: { code: 'INTERNAL', message: expect.stringMatching(/\p{Script=Han}/u), requestId: res.headers['x-request-id'] } });
    expect(res.body).not.toMatch(/insert|app_user|argon2|secret|at .*\.ts/);
  });
});
