import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUscc } from '../../bootstrap/demo/demo-orgs.ts';
import { loadConfig } from '../../config.ts';
import { auditRowOf, expectError, type Res } from '../../test/routes.ts';
import { buildTestApp, DEMO_PASSWORD, TEST_DIALECT, type Session, type TestApp } from '../../test/test-app.ts';

// Route tests for staff accounts (bureau administrators manage, auditors read), in STYLE.md's order per route.

/** Account JSON must never carry credentials. */
function expectNoSecrets(res: Res): void {
  expect(res.body).not.toMatch(/argon2|hash|password/i);
}

const USER_KEYS = ['active', 'displayName', 'email', 'id', 'lockedUntil', 'orgId', 'roles', 'username'];
const STRONG = 'Desert-Camel-2026!';
const UNKNOWN_ID = '00000000-0000-7000-8000-000000000000';

describe(`users routes (${TEST_DIALECT})`, () => {
  let t: TestApp;
  let admin: Session;
  let auditor: Session;
  let reviewer: Session;
  let scjg: Session;
  let orgIds: Map<string, string>;
  let serial = 0;

  // Every inject comes from 127.0.0.1: lift the per-IP window so the many sign-ins here do not trip it.
  beforeAll(async () => {
    t = await buildTestApp({ login: { ...loadConfig({ NODE_ENV: 'test' }).login, perIpPerMinute: 10_000 } });
    [admin, auditor, reviewer, scjg] = await t.loginAll('admin', 'auditor', 'reviewer', 'scjg');
    const orgs = (await t.call(admin, 'GET', '/api/orgs')).json().items as Array<{ id: string; nameZh: string }>;
    orgIds = new Map(orgs.map((o) => [o.nameZh, o.id]));
  });
  afterAll(async () => {
    await t?.close();
  });

  const orgId = (nameZh: string) => orgIds.get(nameZh)!;
  const loginRaw = (username: string, password: string) => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

  function newUserBody(overrides: Record<string, unknown> = {}) {
    const username = `staff-${++serial}`;
    return { username, displayName: `测试人员 ${serial}`, orgId: orgId('乌审旗市场监督管理局'), roles: ['dept_editor'], password: STRONG, ...overrides };
  }

  async function createUser(overrides: Record<string, unknown> = {}): Promise<{ id: string; username: string; roles: string[] }> {
    const res = await t.call(admin, 'POST', '/api/users', newUserBody(overrides));
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  }

  async function rolesOf(username: string): Promise<string[]> {
    const list = (await t.call(admin, 'GET', `/api/users?q=${encodeURIComponent(username)}`)).json().items as Array<{ username: string; roles: string[] }>;
    return list.find((u) => u.username === username)!.roles;
  }

  describe('GET /api/users', () => {
    it('401 without a session', async () => {
      expectError(await t.call(undefined, 'GET', '/api/users'), 401, 'AUTH.REQUIRED');
    });

    it('400 VALIDATION.FAILED for a search text longer than 50 characters', async () => {
      expectError(await t.call(admin, 'GET', `/api/users?q=${'x'.repeat(51)}`), 400, 'VALIDATION.FAILED', ['querystring.q']);
    });

    it('403 ACCESS.FORBIDDEN for a department editor and for a reviewer', async () => {
      expectError(await t.call(scjg, 'GET', '/api/users'), 403, 'ACCESS.FORBIDDEN');
      expectError(await t.call(reviewer, 'GET', '/api/users'), 403, 'ACCESS.FORBIDDEN');
    });

    it('200 for an administrator and an auditor: every demo account, and no password hashes', async () => {
      for (const session of [admin, auditor]) {
        const res = await t.call(session, 'GET', '/api/users');
        expect(res.statusCode, res.body).toBe(200);
        expectNoSecrets(res);
        const items = res.json().items as Array<Record<string, unknown>>;
        expect(items.map((u) => u.username)).toEqual(expect.arrayContaining(['admin', 'auditor', 'glt', 'reviewer', 'scjg', 'scjg-filing', 'scjg-leader']));
        for (const u of items) expect(Object.keys(u).sort()).toEqual(USER_KEYS);
        expect(items.find((u) => u.username === 'glt')).toMatchObject({ orgId: orgId('嘎鲁图镇'), roles: expect.arrayContaining(['dept_editor', 'filing_officer']), active: true, lockedUntil: null });
      }
    });

    it('filters by org and by search text', async () => {
      const byOrg = (await t.call(admin, 'GET', `/api/users?orgId=${orgId('嘎鲁图镇')}`)).json().items as Array<{ username: string }>;
      expect(byOrg.map((u) => u.username)).toEqual(['glt']);
      const bySearch = (await t.call(admin, 'GET', `/api/users?q=${encodeURIComponent('scjg-')}`)).json().items as Array<{ username: string }>;
      expect(bySearch.map((u) => u.username)).toEqual(['scjg-filing', 'scjg-leader']);
    });

    it('searches for _ and % literally, not as wildcards', async () => {
      await createUser({ username: 'zhang_san', displayName: '张三 100%' });
      await createUser({ username: 'zhangxsan', displayName: '张三 1000' });
      const search = async (q: string) =>
        ((await t.call(admin, 'GET', `/api/users?q=${encodeURIComponent(q)}`)).json().items as Array<{ username: string }>).map((u) => u.username);
      expect(await search('g_s')).toEqual(['zhang_san']);
      expect(await search('100%')).toEqual(['zhang_san']);
      expect(await search('zhang')).toEqual(['zhang_san', 'zhangxsan']);
    });
  });

  describe('POST /api/users', () => {
    it('401 without a session', async () => {
      expectError(await t.call(undefined, 'POST', '/api/users', newUserBody()), 401, 'AUTH.REQUIRED');
    });

    it('400 VALIDATION.FAILED for an empty role list, an unknown role and a missing field', async () => {
      expectError(await t.call(admin, 'POST', '/api/users', newUserBody({ roles: [] })), 400, 'VALIDATION.FAILED', ['body.roles']);
      const unknownRole = expectError(await t.call(admin, 'POST', '/api/users', newUserBody({ roles: ['superuser'] })), 400, 'VALIDATION.FAILED');
      expect(unknownRole.details!.every((d) => d.path.startsWith('body.roles'))).toBe(true);
      const { displayName: _omit, ...noName } = newUserBody();
      expectError(await t.call(admin, 'POST', '/api/users', noName), 400, 'VALIDATION.FAILED', ['body.displayName']);
    });

    it('400 USER.INVALID for a username outside the pattern', async () => {
      for (const username of ['Zhang San', '1abc', 'abc!']) {
        const error = expectError(await t.call(admin, 'POST', '/api/users', newUserBody({ username })), 400, 'USER.INVALID', ['body.username']);
        expect(error.details![0].message).toContain('小写字母开头');
      }
    });

    it('400 USER.INVALID for a weak password, naming each problem', async () => {
      const error = expectError(await t.call(admin, 'POST', '/api/users', newUserBody({ username: 'weakling', password: 'weakling1' })), 400, 'USER.INVALID', ['body.password']);
      expect(error.details!.map((d) => d.message)).toEqual([
        expect.stringContaining('至少 10 位'),
        expect.stringContaining('至少三类'),
        expect.stringContaining('不能包含用户名'),
      ]);
    });

    it('400 USER.INVALID for a role the org kind does not allow (bureau_admin in a department)', async () => {
      const error = expectError(await t.call(admin, 'POST', '/api/users', newUserBody({ roles: ['bureau_admin'] })), 400, 'USER.INVALID', ['body.roles']);
      expect(error.details![0].message).toContain('bureau_admin');
      const town = expectError(await t.call(admin, 'POST', '/api/users', newUserBody({ orgId: orgId('嘎鲁图镇'), roles: ['dept_editor', 'auditor'] })), 400, 'USER.INVALID', ['body.roles']);
      expect(town.details!.map((d) => d.message)).toEqual([expect.stringContaining('auditor')]);
    });

    it('400 USER.INVALID for an unknown org', async () => {
      const error = expectError(await t.call(admin, 'POST', '/api/users', newUserBody({ orgId: UNKNOWN_ID })), 400, 'USER.INVALID', ['body.orgId']);
      expect(error.details![0].message).toBe('所属机构不存在');
    });

    it('400 USER.INVALID for a deactivated org, an external org (no staff roles) and a blank name; nothing is created', async () => {
      const dept = await t.call(admin, 'POST', '/api/orgs', { parentId: orgId('乌审旗政务服务局'), kind: 'department', uscc: demoUscc('150626', 90), level: 4, nameZh: '乌审旗已撤销办公室' });
      expect(dept.statusCode, dept.body).toBe(201);
      expect((await t.call(admin, 'POST', `/api/orgs/${dept.json().id}/deactivate`)).statusCode).toBe(200);
      const closed = newUserBody({ orgId: dept.json().id });
      expect(expectError(await t.call(admin, 'POST', '/api/users', closed), 400, 'USER.INVALID', ['body.orgId']).details![0].message).toBe('所属机构已停用');

      const external = newUserBody({ orgId: orgId('鄂尔多斯市行政审批和政务服务局') });
      expect(expectError(await t.call(admin, 'POST', '/api/users', external), 400, 'USER.INVALID', ['body.roles']).details![0].message).toContain('dept_editor');

      const blank = newUserBody({ displayName: '   ' });
      expect(expectError(await t.call(admin, 'POST', '/api/users', blank), 400, 'USER.INVALID', ['body.displayName']).details![0].message).toBe('姓名不能为空');

      const created = await t.database.db.selectFrom('app_user').select('id').where('username', 'in', [closed.username, external.username, blank.username]).execute();
      expect(created).toEqual([]);
    });

    it('400 USER.INVALID lists all problems at once, and nothing is created', async () => {
      const body = newUserBody({ username: 'Bad Name', password: 'short', roles: ['bureau_admin'] });
      expectError(await t.call(admin, 'POST', '/api/users', body), 400, 'USER.INVALID', ['body.username', 'body.password', 'body.roles']);
      const count = await t.database.db.selectFrom('app_user').select('id').where('username', '=', 'Bad Name').execute();
      expect(count).toEqual([]);
    });

    it('403 ACCESS.FORBIDDEN for a reviewer and an auditor; nothing is created', async () => {
      const body = newUserBody();
      expectError(await t.call(reviewer, 'POST', '/api/users', body), 403, 'ACCESS.FORBIDDEN');
      expectError(await t.call(auditor, 'POST', '/api/users', body), 403, 'ACCESS.FORBIDDEN');
      expectError(await loginRaw(body.username, STRONG), 401, 'AUTH.INVALID_CREDENTIALS');
    });

    it('409 USER.USERNAME_TAKEN for an existing username', async () => {
      const error = expectError(await t.call(admin, 'POST', '/api/users', newUserBody({ username: 'scjg' })), 409, 'USER.USERNAME_TAKEN');
      expect(error.message).toBe('用户名已被使用');
      // The existing account keeps its password.
      expect((await loginRaw('scjg', DEMO_PASSWORD)).statusCode).toBe(200);
    });

    it('201: creates the account with its roles, writes user.create, and the new user can sign in', async () => {
      const body = newUserBody({ displayName: '  新经办人 乌兰  ', roles: ['dept_editor', 'dept_editor', 'filing_officer'] });
      const res = await t.call(admin, 'POST', '/api/users', body);
      expect(res.statusCode, res.body).toBe(201);
      expectNoSecrets(res);
      const user = res.json();
      expect(Object.keys(user).sort()).toEqual(USER_KEYS);
      expect(user).toMatchObject({ username: body.username, displayName: '新经办人 乌兰', orgId: body.orgId, active: true, lockedUntil: null });
      expect([...user.roles].sort()).toEqual(['dept_editor', 'filing_officer']);

      const row = await auditRowOf(t, 'user.create', res);
      expect(row).toMatchObject({ action: 'user.create', actor_id: admin.userId, target_id: user.id });
      expect(row.summary).toMatchObject({ username: body.username, orgId: body.orgId });
      expect(row.summary.password).toBeUndefined();

      const signedIn = await loginRaw(body.username, STRONG);
      expect(signedIn.statusCode, signedIn.body).toBe(200);
      expect(signedIn.json()).toMatchObject({ id: user.id, orgName: '乌审旗市场监督管理局' });
    });
  });

  describe('POST /api/users/:id/roles', () => {
    it('401 without a session', async () => {
      expectError(await t.call(undefined, 'POST', `/api/users/${scjg.userId}/roles`, { roles: ['dept_leader'] }), 401, 'AUTH.REQUIRED');
    });

    it('400 VALIDATION.FAILED for an unknown role; 400 USER.INVALID for a role the org does not allow or no role at all', async () => {
      const user = await createUser();
      expectError(await t.call(admin, 'POST', `/api/users/${user.id}/roles`, { roles: ['root'] }), 400, 'VALIDATION.FAILED');
      expectError(await t.call(admin, 'POST', `/api/users/${user.id}/roles`, { roles: ['bureau_reviewer'] }), 400, 'USER.INVALID', ['body.roles']);
      expectError(await t.call(admin, 'POST', `/api/users/${user.id}/roles`, { roles: [] }), 400, 'USER.INVALID', ['body.roles']);
      expect(await rolesOf(user.username)).toEqual(['dept_editor']);
    });

    it('403 for a reviewer; 404 USER.NOT_FOUND for an unknown user', async () => {
      expectError(await t.call(reviewer, 'POST', `/api/users/${scjg.userId}/roles`, { roles: ['dept_leader'] }), 403, 'ACCESS.FORBIDDEN');
      expectError(await t.call(admin, 'POST', `/api/users/${UNKNOWN_ID}/roles`, { roles: ['dept_leader'] }), 404, 'USER.NOT_FOUND');
      expect(await rolesOf('scjg')).toEqual(['dept_editor']);
    });

    it('409 USER.LAST_ADMIN when the only active administrator would lose the role', async () => {
      const error = expectError(await t.call(admin, 'POST', `/api/users/${admin.userId}/roles`, { roles: ['auditor'] }), 409, 'USER.LAST_ADMIN');
      expect(error.message).toContain('最后一名');
      expect((await t.call(admin, 'GET', '/api/me')).json().roles).toEqual(['bureau_admin']);
    });

    it('200: replaces the roles, takes effect on the next request of the user, and writes user.set_roles with before/after', async () => {
      const user = await createUser();
      const session = await t.login(user.username, STRONG);
      const res = await t.call(admin, 'POST', `/api/users/${user.id}/roles`, { roles: ['dept_leader', 'filing_officer'] });
      expect(res.statusCode, res.body).toBe(200);
      expectNoSecrets(res);
      expect([...res.json().roles].sort()).toEqual(['dept_leader', 'filing_officer']);
      expect([...(await t.call(session, 'GET', '/api/me')).json().roles].sort()).toEqual(['dept_leader', 'filing_officer']);
      const row = await auditRowOf(t, 'user.set_roles', res);
      expect(row).toMatchObject({ actor_id: admin.userId, target_id: user.id });
      expect(row.summary).toEqual({ orgId: orgId('乌审旗市场监督管理局'), before: ['dept_editor'], after: ['dept_leader', 'filing_officer'] });
    });
  });

  describe('POST /api/users/:id/deactivate and /activate', () => {
    it('401 without a session', async () => {
      expectError(await t.call(undefined, 'POST', `/api/users/${scjg.userId}/deactivate`), 401, 'AUTH.REQUIRED');
      expectError(await t.call(undefined, 'POST', `/api/users/${scjg.userId}/activate`), 401, 'AUTH.REQUIRED');
    });

    it('403 for a reviewer and an auditor; 404 USER.NOT_FOUND for an unknown user', async () => {
      expectError(await t.call(reviewer, 'POST', `/api/users/${scjg.userId}/deactivate`), 403, 'ACCESS.FORBIDDEN');
      expectError(await t.call(auditor, 'POST', `/api/users/${scjg.userId}/deactivate`), 403, 'ACCESS.FORBIDDEN');
      expectError(await t.call(admin, 'POST', `/api/users/${UNKNOWN_ID}/deactivate`), 404, 'USER.NOT_FOUND');
      expectError(await t.call(admin, 'POST', `/api/users/${UNKNOWN_ID}/activate`), 404, 'USER.NOT_FOUND');
      expect((await t.call(scjg, 'GET', '/api/me')).statusCode).toBe(200);
    });

    it('409 USER.SELF when an administrator deactivates their own account', async () => {
      const error = expectError(await t.call(admin, 'POST', `/api/users/${admin.userId}/deactivate`), 409, 'USER.SELF');
      expect(error.message).toBe('不能停用自己的账号');
      expect((await t.call(admin, 'GET', '/api/me')).statusCode).toBe(200);
    });

    it('another administrator can be deactivated while one stays active', async () => {
      const second = await createUser({ orgId: orgId('乌审旗政务服务局'), roles: ['bureau_admin'] });
      const res = await t.call(admin, 'POST', `/api/users/${second.id}/deactivate`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ active: false, roles: ['bureau_admin'] });
      // A deactivated administrator does not count: the demo admin is again the last one.
      expectError(await t.call(admin, 'POST', `/api/users/${admin.userId}/roles`, { roles: ['auditor'] }), 409, 'USER.LAST_ADMIN');
    });

    it('200: deactivation ends the sessions and blocks sign-in (user.deactivate); activation restores sign-in (user.activate)', async () => {
      const user = await createUser();
      const session = await t.login(user.username, STRONG);
      const res = await t.call(admin, 'POST', `/api/users/${user.id}/deactivate`);
      expect(res.statusCode, res.body).toBe(200);
      expectNoSecrets(res);
      expect(res.json()).toMatchObject({ id: user.id, active: false });
      expectError(await t.call(session, 'GET', '/api/me'), 401, 'AUTH.REQUIRED');
      // Same answer as a wrong password: a deactivated account is not revealed.
      expect(expectError(await loginRaw(user.username, STRONG), 401, 'AUTH.INVALID_CREDENTIALS').message).toBe('用户名或密码不正确');
      const off = await auditRowOf(t, 'user.deactivate', res);
      expect(off).toMatchObject({ actor_id: admin.userId, target_id: user.id });
      expect(off.summary).toEqual({ username: user.username });
      const listed = (await t.call(admin, 'GET', `/api/users?q=${user.username}`)).json().items;
      expect(listed).toEqual([expect.objectContaining({ username: user.username, active: false })]);

      const on = await t.call(admin, 'POST', `/api/users/${user.id}/activate`);
      expect(on.statusCode, on.body).toBe(200);
      expect(on.json()).toMatchObject({ id: user.id, active: true });
      // The sessions were ended, not merely suspended: reactivation does not revive them.
      expectError(await t.call(session, 'GET', '/api/me'), 401, 'AUTH.REQUIRED');
      expect((await loginRaw(user.username, STRONG)).statusCode).toBe(200);
      expect(await auditRowOf(t, 'user.activate', on)).toMatchObject({ actor_id: admin.userId, target_id: user.id });
    });
  });

  describe('POST /api/users/:id/reset-password', () => {
    it('401 without a session', async () => {
      expectError(await t.call(undefined, 'POST', `/api/users/${scjg.userId}/reset-password`, { password: STRONG }), 401, 'AUTH.REQUIRED');
    });

    it('400 VALIDATION.FAILED without a password; 400 USER.INVALID for a weak one', async () => {
      const user = await createUser();
      expectError(await t.call(admin, 'POST', `/api/users/${user.id}/reset-password`, {}), 400, 'VALIDATION.FAILED', ['body.password']);
      const error = expectError(await t.call(admin, 'POST', `/api/users/${user.id}/reset-password`, { password: 'password' }), 400, 'USER.INVALID', ['body.password']);
      expect(error.details!.length).toBe(2);
      expect((await loginRaw(user.username, STRONG)).statusCode).toBe(200);
    });

    it('403 for a reviewer; 404 USER.NOT_FOUND for an unknown user', async () => {
      expectError(await t.call(reviewer, 'POST', `/api/users/${scjg.userId}/reset-password`, { password: STRONG }), 403, 'ACCESS.FORBIDDEN');
      expectError(await t.call(admin, 'POST', `/api/users/${UNKNOWN_ID}/reset-password`, { password: STRONG }), 404, 'USER.NOT_FOUND');
      expect((await loginRaw('scjg', DEMO_PASSWORD)).statusCode).toBe(200);
    });

    it('200: sets the new password, unlocks a locked account, ends its sessions, writes user.reset_password', async () => {
      const user = await createUser();
      const session = await t.login(user.username, STRONG);
      for (let i = 0; i < t.config.login.maxFailures; i++) await loginRaw(user.username, `wrong-${i}`);
      expectError(await loginRaw(user.username, STRONG), 429, 'AUTH.LOCKED');
      const locked = (await t.call(admin, 'GET', `/api/users?q=${user.username}`)).json().items[0];
      expect(locked.lockedUntil).toEqual(expect.any(String));

      const fresh = 'Sand-Dune-Reset-77';
      const res = await t.call(admin, 'POST', `/api/users/${user.id}/reset-password`, { password: fresh });
      expect(res.statusCode, res.body).toBe(200);
      expectNoSecrets(res);
      expect(res.json()).toMatchObject({ id: user.id, lockedUntil: null, active: true });
      expectError(await t.call(session, 'GET', '/api/me'), 401, 'AUTH.REQUIRED');
      expectError(await loginRaw(user.username, STRONG), 401, 'AUTH.INVALID_CREDENTIALS');
      expect((await loginRaw(user.username, fresh)).statusCode).toBe(200);

      const row = await auditRowOf(t, 'user.reset_password', res);
      expect(row).toMatchObject({ actor_id: admin.userId, target_id: user.id });
      expect(row.summary).toEqual({ username: user.username });
    });
  });
});
