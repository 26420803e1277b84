import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, TEST_DIALECT, type Session, type TestApp } from '../../test/test-app.ts';

// Notification e-mail addresses: set by a bureau administrator for anyone, or by a user for themselves.

const UNKNOWN_ID = '00000000-0000-7000-8000-000000000000';

function expectError(res: LightMyRequestResponse, status: number, code: string, paths?: string[]): void {
  expect(res.statusCode, res.body).toBe(status);
  const error = res.json().error as { code: string; message: string; details?: Array<{ path: string }> };
  expect(error.code).toBe(code);
  expect(error.message).toMatch(/\p{Script=Han}/u);
  if (paths) expect([...new Set((error.details ?? []).map((d) => d.path))].sort()).toEqual(paths);
}

describe(`notification e-mail addresses (${TEST_DIALECT})`, () => {
  let t: TestApp;
  let admin: Session;
  let reviewer: Session;
  let auditor: Session;
  let clerk: Session;

  beforeAll(async () => {
    t = await buildTestApp();
    [admin, reviewer, auditor, clerk] = await t.loginAll('admin', 'reviewer', 'auditor', 'scjg');
  }, 60_000);
  afterAll(async () => t.close());

  describe('POST /api/users/:id/email', () => {
    it('401 without a session', async () => {
      expectError(await t.call(undefined, 'POST', `/api/users/${clerk.userId}/email`, { email: 'a@example.cn' }), 401, 'AUTH.REQUIRED');
    });

    it('400 VALIDATION.FAILED without the field or with an object; 400 USER.INVALID for a malformed address', async () => {
      expectError(await t.call(admin, 'POST', `/api/users/${clerk.userId}/email`, {}), 400, 'VALIDATION.FAILED');
      expectError(await t.call(admin, 'POST', `/api/users/${clerk.userId}/email`, { email: { address: 'a@example.cn' } }), 400, 'VALIDATION.FAILED');
      for (const bad of ['wanglei', 'wanglei@', '@example.cn', 'wang lei@example.cn', 'wanglei@example', 'a@b@example.cn', 'wanglei@example.cn; x@evil.example']) {
        expectError(await t.call(admin, 'POST', `/api/users/${clerk.userId}/email`, { email: bad }), 400, 'USER.INVALID', ['body.email']);
      }
      expect((await t.auditRows('user.set_email')).length).toBe(0);
    });

    it('403 ACCESS.FORBIDDEN for a reviewer, an auditor and a department editor (even for themselves)', async () => {
      for (const s of [reviewer, auditor, clerk]) {
        expectError(await t.call(s, 'POST', `/api/users/${clerk.userId}/email`, { email: 'wanglei@scjg.example.cn' }), 403, 'ACCESS.FORBIDDEN');
      }
    });

    it('404 USER.NOT_FOUND for an unknown user', async () => {
      expectError(await t.call(admin, 'POST', `/api/users/${UNKNOWN_ID}/email`, { email: 'x@example.cn' }), 404, 'USER.NOT_FOUND');
    });

    it('200: sets (trimmed) and clears the address, shown in /api/users, each change audited as user.set_email', async () => {
      const set = await t.call(admin, 'POST', `/api/users/${clerk.userId}/email`, { email: '  wanglei@scjg.example.cn ' });
      expect(set.statusCode, set.body).toBe(200);
      expect(set.json()).toMatchObject({ id: clerk.userId, username: 'scjg', email: 'wanglei@scjg.example.cn' });
      const listed = (await t.call(auditor, 'GET', '/api/users?q=scjg')).json().items.find((u: { id: string }) => u.id === clerk.userId);
      expect(listed.email).toBe('wanglei@scjg.example.cn');
      const [audit] = await t.auditRows('user.set_email');
      expect(audit).toMatchObject({ actor_id: admin.userId, target_id: clerk.userId });
      expect(JSON.parse(audit.summary)).toEqual({ username: 'scjg', before: null, after: 'wanglei@scjg.example.cn' });

      const cleared = await t.call(admin, 'POST', `/api/users/${clerk.userId}/email`, { email: null });
      expect(cleared.statusCode).toBe(200);
      expect(cleared.json().email).toBeNull();
      expect(JSON.parse((await t.auditRows('user.set_email'))[0].summary)).toEqual({ username: 'scjg', before: 'wanglei@scjg.example.cn', after: null });
      // An empty string (a cleared form field) also removes it.
      await t.call(admin, 'POST', `/api/users/${clerk.userId}/email`, { email: 'wanglei@scjg.example.cn' });
      expect((await t.call(admin, 'POST', `/api/users/${clerk.userId}/email`, { email: '' })).json().email).toBeNull();
    });
  });

  describe('POST /api/me/email', () => {
    it('401 without a session', async () => {
      expectError(await t.call(undefined, 'POST', '/api/me/email', { email: 'a@example.cn' }), 401, 'AUTH.REQUIRED');
    });

    it('400 for a malformed address or an unknown field', async () => {
      expectError(await t.call(clerk, 'POST', '/api/me/email', { email: 'not-an-address' }), 400, 'USER.INVALID', ['body.email']);
      expectError(await t.call(clerk, 'POST', '/api/me/email', { email: 'a@example.cn', userId: admin.userId }), 400, 'VALIDATION.FAILED');
    });

    it('200: any signed-in user sets and clears their own address; /api/me shows it; audited with the user as actor and target', async () => {
      const r = await t.call(clerk, 'POST', '/api/me/email', { email: 'wanglei@scjg.example.cn' });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json()).toEqual({ email: 'wanglei@scjg.example.cn' });
      expect((await t.call(clerk, 'GET', '/api/me')).json().email).toBe('wanglei@scjg.example.cn');
      expect((await t.auditRows('user.set_email'))[0]).toMatchObject({ actor_id: clerk.userId, target_id: clerk.userId });
      expect((await t.call(clerk, 'POST', '/api/me/email', { email: null })).json()).toEqual({ email: null });
      expect((await t.call(clerk, 'GET', '/api/me')).json().email).toBeNull();
    });
  });
});
