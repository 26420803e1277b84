import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { auditRowOf, expectError, type Res } from '../../test/routes.ts';
import { buildTestApp, buildTestNodes, DEMO_PASSWORD, TEST_DIALECT, type Session, type TestApp } from '../../test/test-app.ts';

// Route tests for sign-in, sessions, CSRF and the caller's own account, in STYLE.md's order per route.

const NEW_PASSWORD = 'Grassland-Horse-2026!';

/**
 * `node server/main.ts serve` on an existing database, as a second node behind a load balancer would run;
 * `login` answers like app.inject so the same assertions apply.
 */
async function spawnServer(databaseUrl: string): Promise<{ login(username: string, password: string): Promise<Res>; stop(): Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qingdan-node-'));
  const port = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['server/main.ts', 'serve'], {
    cwd: path.resolve(import.meta.dirname, '..', '..', '..'),
    env: { ...process.env, NODE_ENV: 'test', QINGDAN_DATABASE_URL: databaseUrl, QINGDAN_DATA_DIR: dir, QINGDAN_PORT: String(port), QINGDAN_HOST: '127.0.0.1', QINGDAN_DEMO: '0', QINGDAN_LOG_LEVEL: 'silent' },
    stdio: 'ignore',
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  for (let i = 0; (await fetch(`${base}/readyz`).catch(() => null))?.status !== 200; i++) {
    if (i > 240 || child.exitCode !== null) {
      await stop();
      throw new Error(`second server not ready (exit code ${child.exitCode})`);
    }
    await sleep(250);
  }
  return {
    stop,
    async login(username, password) {
      const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
      const body = await res.text();
      return { statusCode: res.status, body, headers: Object.fromEntries(res.headers), json: () => JSON.parse(body) } as unknown as Res;
    },
  };
}

describe(`auth routes (${TEST_DIALECT})`, () => {
  let t: TestApp;
  let admin: Session;
  let serial = 0;

  // Every inject comes from 127.0.0.1: lift the per-IP window so the many sign-ins here do not trip it.
  beforeAll(async () => {
    t = await buildTestApp({ login: { ...loadConfig({ NODE_ENV: 'test' }).login, perIpPerMinute: 10_000 } });
    admin = await t.login('admin');
  });
  afterAll(async () => {
    await t?.close();
  });

  const loginRaw = (app: FastifyInstance, username: string, password: string, remoteAddress?: string) =>
    app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, ...(remoteAddress ? { remoteAddress } : {}) });

  /** A fresh staff account for tests that change or lock it, so they do not disturb each other. */
  async function freshUser(roles: string[] = ['dept_editor'], username = `auth-user-${++serial}`): Promise<{ id: string; username: string; orgId: string }> {
    const orgs = (await t.call(admin, 'GET', '/api/orgs')).json().items as Array<{ id: string; nameZh: string }>;
    const orgId = orgs.find((o) => o.nameZh === '乌审旗市场监督管理局')!.id;
    const res = await t.call(admin, 'POST', '/api/users', { username, displayName: `测试用户 ${username}`, orgId, roles, password: DEMO_PASSWORD });
    expect(res.statusCode, res.body).toBe(201);
    return { id: res.json().id, username, orgId };
  }

  describe('POST /api/auth/login', () => {
    it('400 when the body misses the password, has an empty username or an unknown field, naming the field', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin' } });
      expectError(res, 400, 'VALIDATION.FAILED', ['body.password']);
      expectError(await loginRaw(t.app, '', DEMO_PASSWORD), 400, 'VALIDATION.FAILED', ['body.username']);
      const extra = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: DEMO_PASSWORD, remember: true } });
      expect(expectError(extra, 400, 'VALIDATION.FAILED', ['body']).details![0].message).toContain('remember');
      expect(extra.cookies.find((c) => c.name === 'qingdan_session')).toBeUndefined();
    });

    it('401 AUTH.INVALID_CREDENTIALS for a wrong password, and the same answer for an unknown user', async () => {
      const wrong = await loginRaw(t.app, 'reviewer', 'not-the-password');
      const wrongError = expectError(wrong, 401, 'AUTH.INVALID_CREDENTIALS');
      expect(wrongError.message).toBe('用户名或密码不正确');
      expect(wrong.cookies.find((c) => c.name === 'qingdan_session')).toBeUndefined();

      const unknown = await loginRaw(t.app, 'nobody-here', 'not-the-password');
      const unknownError = expectError(unknown, 401, 'AUTH.INVALID_CREDENTIALS');
      // Same words for both: the answer must not reveal which usernames exist.
      expect({ ...unknownError, requestId: '' }).toEqual({ ...wrongError, requestId: '' });
    });

    it('locks the account after 10 wrong passwords (429 AUTH.LOCKED), in every process, until the lock passes', async () => {
      const user = await freshUser();
      expect(t.config.login.maxFailures).toBe(10);
      for (let i = 1; i < 10; i++) expectError(await loginRaw(t.app, user.username, `wrong-${i}`), 401, 'AUTH.INVALID_CREDENTIALS');
      const tenth = await loginRaw(t.app, user.username, 'wrong-10');
      const lockedError = expectError(tenth, 429, 'AUTH.LOCKED');
      const lockedUntil = (lockedError.details as unknown as { lockedUntil: string }).lockedUntil;
      const minutesAhead = (Date.parse(lockedUntil) - Date.now()) / 60_000;
      expect(minutesAhead).toBeGreaterThan(14);
      expect(minutesAhead).toBeLessThanOrEqual(15);
      // The message names the lock's end in Beijing time (UTC+8), which staff read.
      const beijing = new Date(Date.parse(lockedUntil) + 8 * 3600_000).toISOString().slice(11, 16);
      expect(lockedError.message).toContain(beijing);
      const lockRow = await auditRowOf(t, 'auth.lock', tenth);
      expect(lockRow).toMatchObject({ actor_id: user.id, target_id: user.id });

      // Even the right password is refused while locked.
      expectError(await loginRaw(t.app, user.username, DEMO_PASSWORD), 429, 'AUTH.LOCKED');

      // The lock lives in the database: a second app instance on the same database refuses too.
      const second = await buildApp(t.config, { db: t.database, logger: false });
      try {
        await second.ready();
        expectError(await loginRaw(second, user.username, DEMO_PASSWORD), 429, 'AUTH.LOCKED');
      } finally {
        await second.close();
      }

      // Once the lock has passed, the right password works again.
      await t.database.db.updateTable('app_user').set({ locked_until: new Date(Date.now() - 60_000).toISOString() }).where('id', '=', user.id).execute();
      const after = await loginRaw(t.app, user.username, DEMO_PASSWORD);
      expect(after.statusCode, after.body).toBe(200);
      expect(after.json()).toMatchObject({ id: user.id, username: user.username });
    });

    it('counts wrong passwords across processes: alternating with a second server process, the 10th locks the account in both', { timeout: 90_000 }, async () => {
      const nodes = await buildTestNodes();
      const other = await spawnServer(nodes.a.config.databaseUrl);
      try {
        const attempt = (i: number, password: string) =>
          i % 2 === 0
            ? loginRaw(nodes.a.app, 'scjg-leader', password)
            : other.login('scjg-leader', password);
        for (let i = 0; i < 9; i++) expectError(await attempt(i, `wrong-${i}`), 401, 'AUTH.INVALID_CREDENTIALS');
        expectError(await attempt(9, 'wrong-9'), 429, 'AUTH.LOCKED');
        expectError(await attempt(0, DEMO_PASSWORD), 429, 'AUTH.LOCKED');
        expectError(await attempt(1, DEMO_PASSWORD), 429, 'AUTH.LOCKED');
      } finally {
        await other.stop();
        await nodes.close();
      }
    });

    it('a successful login resets the failure count, so earlier mistakes do not add up to a lock', async () => {
      const user = await freshUser();
      for (let i = 0; i < 9; i++) expectError(await loginRaw(t.app, user.username, `wrong-${i}`), 401, 'AUTH.INVALID_CREDENTIALS');
      expect((await loginRaw(t.app, user.username, DEMO_PASSWORD)).statusCode).toBe(200);
      for (let i = 0; i < 9; i++) expectError(await loginRaw(t.app, user.username, `wrong-again-${i}`), 401, 'AUTH.INVALID_CREDENTIALS');
      expect((await loginRaw(t.app, user.username, DEMO_PASSWORD)).statusCode).toBe(200);
    });

    it('429 RATE.LIMITED once one address exceeds login.perIpPerMinute, while other addresses still sign in', async () => {
      const limited = await buildApp({ ...t.config, login: { ...t.config.login, perIpPerMinute: 3 } }, { db: t.database, logger: false });
      // The window is one clock minute: freeze the clock so the attempts cannot straddle two windows.
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date(Math.floor(Date.now() / 60_000) * 60_000 + 5_000));
      try {
        await limited.ready();
        for (let i = 0; i < 3; i++) expectError(await loginRaw(limited, 'nobody-here', 'wrong', '10.20.30.40'), 401, 'AUTH.INVALID_CREDENTIALS');
        const over = await loginRaw(limited, 'admin', DEMO_PASSWORD, '10.20.30.40');
        const error = expectError(over, 429, 'RATE.LIMITED');
        expect(error.message).toContain('一分钟后');
        expect(over.cookies.find((c) => c.name === 'qingdan_session')).toBeUndefined();
        expect((await loginRaw(limited, 'admin', DEMO_PASSWORD, '10.20.30.41')).statusCode).toBe(200);
      } finally {
        vi.useRealTimers();
        await limited.close();
      }
    });

    it('200: sets an HttpOnly SameSite=Lax session cookie, answers the user, and writes auth.login', async () => {
      const res = await loginRaw(t.app, 'scjg', DEMO_PASSWORD);
      expect(res.statusCode, res.body).toBe(200);
      const me = res.json();
      expect(me).toMatchObject({ username: 'scjg', displayName: '市场监管局经办人 王磊', orgName: '乌审旗市场监督管理局', roles: ['dept_editor'] });
      expect(me.csrfToken).toMatch(/^[\w-]{20,}$/);
      expect(JSON.stringify(me)).not.toMatch(/argon2|password/i);

      const cookie = res.cookies.find((c) => c.name === 'qingdan_session');
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
      expect(cookie!.value.length).toBeGreaterThanOrEqual(40);
      const header = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((h) => h.startsWith('qingdan_session='))!;
      expect(header).toMatch(/;\s*HttpOnly/i);
      expect(header).toMatch(/;\s*SameSite=Lax/i);
      // Only a hash of the token is stored: a leaked session table does not hand out sessions.
      const stored = await t.database.db.selectFrom('session').select('id').where('user_id', '=', me.id).execute();
      expect(stored.length).toBeGreaterThan(0);
      expect(stored.map((s) => s.id)).not.toContain(cookie!.value);

      const row = await auditRowOf(t, 'auth.login', res);
      expect(row).toMatchObject({ action: 'auth.login', actor_id: me.id, target_id: me.id });
      expect(row.summary).toEqual({ username: 'scjg' });
    });
  });

  describe('GET /api/me and session expiry', () => {
    it('401 AUTH.REQUIRED without a cookie, and with a cookie that names no session', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/me' });
      expect(expectError(res, 401, 'AUTH.REQUIRED').message).toBe('请先登录');
      expectError(await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: 'qingdan_session=forged-token' } }), 401, 'AUTH.REQUIRED');
    });

    it('401 once the session has been idle longer than session.idleMinutes, and the session is gone', async () => {
      const user = await freshUser();
      const session = await t.login(user.username);
      expect((await t.call(session, 'GET', '/api/me')).statusCode).toBe(200);
      const idleSince = new Date(Date.now() - (t.config.session.idleMinutes + 1) * 60_000).toISOString();
      await t.database.db.updateTable('session').set({ last_seen_at: idleSince }).where('user_id', '=', user.id).execute();
      expectError(await t.call(session, 'GET', '/api/me'), 401, 'AUTH.REQUIRED');
      const left = await t.database.db.selectFrom('session').select('id').where('user_id', '=', user.id).execute();
      expect(left).toEqual([]);
    });

    it('keeps a session that was idle for less than the limit', async () => {
      const user = await freshUser();
      const session = await t.login(user.username);
      const recently = new Date(Date.now() - (t.config.session.idleMinutes - 2) * 60_000).toISOString();
      await t.database.db.updateTable('session').set({ last_seen_at: recently }).where('user_id', '=', user.id).execute();
      expect((await t.call(session, 'GET', '/api/me')).statusCode).toBe(200);
      // …and the request counts as activity.
      const row = await t.database.db.selectFrom('session').select('last_seen_at').where('user_id', '=', user.id).executeTakeFirstOrThrow();
      expect(row.last_seen_at > recently).toBe(true);
    });

    it('401 after the absolute expiry even when the session was just used', async () => {
      const user = await freshUser();
      const session = await t.login(user.username);
      await t.database.db.updateTable('session').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('user_id', '=', user.id).execute();
      expectError(await t.call(session, 'GET', '/api/me'), 401, 'AUTH.REQUIRED');
    });

    it('200 with the user, the active org, memberships and the CSRF token of the session', async () => {
      const session = await t.login('glt');
      const res = await t.call(session, 'GET', '/api/me');
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        username: 'glt',
        orgId: session.orgId,
        orgName: '嘎鲁图镇',
        roles: expect.arrayContaining(['dept_editor', 'filing_officer']),
        memberships: [{ orgId: session.orgId, orgName: '嘎鲁图镇' }],
        csrfToken: session.csrfToken,
      });
    });
  });

  describe('CSRF on writes', () => {
    it('403 AUTH.CSRF for a POST with the cookie but no x-csrf-token, or a wrong one; the session is untouched', async () => {
      const user = await freshUser();
      const session = await t.login(user.username);
      const missing = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: session.cookie } });
      expectError(missing, 403, 'AUTH.CSRF');
      const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: session.cookie, 'x-csrf-token': `${session.csrfToken.slice(0, -1)}${session.csrfToken.endsWith('x') ? 'y' : 'x'}` } });
      expectError(wrong, 403, 'AUTH.CSRF');
      // Another session's token does not fit this session either.
      const other = await t.login(user.username);
      const foreign = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: session.cookie, 'x-csrf-token': other.csrfToken } });
      expectError(foreign, 403, 'AUTH.CSRF');
      expect((await t.call(session, 'GET', '/api/me')).statusCode).toBe(200);
      expect(await t.auditRows('auth.logout').then((rows) => rows.filter((r) => r.actor_id === user.id))).toEqual([]);
    });
  });

  describe('POST /api/auth/logout', () => {
    it('401 without a session', async () => {
      expectError(await t.call(undefined, 'POST', '/api/auth/logout'), 401, 'AUTH.REQUIRED');
    });

    it('204: ends the session (then /api/me answers 401), clears the cookie and writes auth.logout', async () => {
      const user = await freshUser();
      const session = await t.login(user.username);
      const other = await t.login(user.username);
      const res = await t.call(session, 'POST', '/api/auth/logout');
      expect(res.statusCode, res.body).toBe(204);
      const cleared = res.cookies.find((c) => c.name === 'qingdan_session');
      expect(cleared?.value).toBe('');
      expectError(await t.call(session, 'GET', '/api/me'), 401, 'AUTH.REQUIRED');
      // Only this session ends: the user's other browser stays signed in.
      expect((await t.call(other, 'GET', '/api/me')).statusCode).toBe(200);
      const row = await auditRowOf(t, 'auth.logout', res);
      expect(row).toMatchObject({ actor_id: user.id, target_id: user.id });
    });
  });

  describe('POST /api/me/password', () => {
    it('401 without a session', async () => {
      expectError(await t.call(undefined, 'POST', '/api/me/password', { currentPassword: DEMO_PASSWORD, newPassword: NEW_PASSWORD }), 401, 'AUTH.REQUIRED');
    });

    it('400 VALIDATION.FAILED when newPassword is missing', async () => {
      const session = await t.login('reviewer');
      expectError(await t.call(session, 'POST', '/api/me/password', { currentPassword: DEMO_PASSWORD }), 400, 'VALIDATION.FAILED', ['body.newPassword']);
    });

    it('400 AUTH.WRONG_PASSWORD when the current password is wrong; nothing changes', async () => {
      const user = await freshUser();
      const session = await t.login(user.username);
      const res = await t.call(session, 'POST', '/api/me/password', { currentPassword: 'Not-the-current-1', newPassword: NEW_PASSWORD });
      expectError(res, 400, 'AUTH.WRONG_PASSWORD', ['body.currentPassword']);
      expect((await loginRaw(t.app, user.username, DEMO_PASSWORD)).statusCode).toBe(200);
      expectError(await loginRaw(t.app, user.username, NEW_PASSWORD), 401, 'AUTH.INVALID_CREDENTIALS');
    });

    it('400 AUTH.WEAK_PASSWORD listing every problem of the new password; nothing changes', async () => {
      const user = await freshUser(['dept_editor'], 'pwcheck');
      const session = await t.login(user.username);
      // The username itself: too short, one character class, and contains the username — three problems at once.
      const res = await t.call(session, 'POST', '/api/me/password', { currentPassword: DEMO_PASSWORD, newPassword: 'pwcheck' });
      const error = expectError(res, 400, 'AUTH.WEAK_PASSWORD', ['body.newPassword']);
      expect(error.details!.map((d) => d.message)).toEqual([
        expect.stringContaining('至少 10 位'),
        expect.stringContaining('至少三类'),
        expect.stringContaining('不能包含用户名'),
      ]);

      const same = await t.call(session, 'POST', '/api/me/password', { currentPassword: DEMO_PASSWORD, newPassword: DEMO_PASSWORD });
      expect(expectError(same, 400, 'AUTH.WEAK_PASSWORD', ['body.newPassword']).details!.map((d) => d.message)).toEqual(['新密码不能与当前密码相同']);
      expect((await loginRaw(t.app, user.username, DEMO_PASSWORD)).statusCode).toBe(200);
      expectError(await loginRaw(t.app, user.username, 'pwcheck'), 401, 'AUTH.INVALID_CREDENTIALS');
    });

    it('204: the old password stops working, the new one works, other sessions end, auth.change_password is written', async () => {
      const user = await freshUser();
      const session = await t.login(user.username);
      const otherSession = await t.login(user.username);
      const res = await t.call(session, 'POST', '/api/me/password', { currentPassword: DEMO_PASSWORD, newPassword: NEW_PASSWORD });
      expect(res.statusCode, res.body).toBe(204);

      expect((await t.call(session, 'GET', '/api/me')).statusCode).toBe(200);
      expectError(await t.call(otherSession, 'GET', '/api/me'), 401, 'AUTH.REQUIRED');
      expectError(await loginRaw(t.app, user.username, DEMO_PASSWORD), 401, 'AUTH.INVALID_CREDENTIALS');
      const fresh = await loginRaw(t.app, user.username, NEW_PASSWORD);
      expect(fresh.statusCode, fresh.body).toBe(200);

      const row = await auditRowOf(t, 'auth.change_password', res);
      expect(row).toMatchObject({ actor_id: user.id, target_id: user.id });
      expect(row.summary).toEqual({});
      expect(JSON.stringify(await t.auditRows('auth.change_password'))).not.toContain(NEW_PASSWORD);
    });
  });

  describe('POST /api/me/org', () => {
    it('401 without a session', async () => {
      expectError(await t.call(undefined, 'POST', '/api/me/org', { orgId: 'x' }), 401, 'AUTH.REQUIRED');
    });

    it('400 VALIDATION.FAILED without orgId', async () => {
      const session = await t.login('reviewer');
      expectError(await t.call(session, 'POST', '/api/me/org', {}), 400, 'VALIDATION.FAILED', ['body.orgId']);
    });

    it('404 AUTH.NOT_A_MEMBER for an org where the user holds no role, and for an unknown org; the session keeps its org', async () => {
      const session = await t.login('reviewer');
      const orgs = (await t.call(session, 'GET', '/api/orgs')).json().items as Array<{ id: string; nameZh: string }>;
      const scjg = orgs.find((o) => o.nameZh === '乌审旗市场监督管理局')!.id;
      expectError(await t.call(session, 'POST', '/api/me/org', { orgId: scjg }), 404, 'AUTH.NOT_A_MEMBER');
      expectError(await t.call(session, 'POST', '/api/me/org', { orgId: '00000000-0000-7000-8000-000000000000' }), 404, 'AUTH.NOT_A_MEMBER');
      expect((await t.call(session, 'GET', '/api/me')).json().orgId).toBe(session.orgId);
    });

    it('200: switches the active org and its roles for this session, and writes auth.switch_org', async () => {
      const user = await freshUser();
      const orgs = (await t.call(admin, 'GET', '/api/orgs')).json().items as Array<{ id: string; nameZh: string }>;
      const glt = orgs.find((o) => o.nameZh === '嘎鲁图镇')!.id;
      const grant = await t.call(admin, 'POST', `/api/users/${user.id}/roles`, { orgId: glt, roles: ['filing_officer'] });
      expect(grant.statusCode, grant.body).toBe(200);

      const session = await t.login(user.username);
      expect(session.orgId).toBe(user.orgId);
      const res = await t.call(session, 'POST', '/api/me/org', { orgId: glt });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ orgId: glt, orgName: '嘎鲁图镇', roles: ['filing_officer'] });
      expect((await t.call(session, 'GET', '/api/me')).json()).toMatchObject({ orgId: glt, roles: ['filing_officer'] });
      const row = await auditRowOf(t, 'auth.switch_org', res);
      expect(row).toMatchObject({ actor_id: user.id, target_id: user.id });
      expect(row.summary).toEqual({ from: user.orgId, to: glt });
    });
  });
});
