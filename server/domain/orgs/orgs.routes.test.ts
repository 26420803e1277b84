import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidUscc } from '../../../common/checksums.ts';
import type { Org } from '../../../common/org-views.ts';
import { DEMO_ORGS, DEMO_USERS, demoUscc } from '../../bootstrap/demo/demo-orgs.ts';
import { auditRowOf, demoOrgIds, demoUsccOf, expectError } from '../../test/routes.ts';
import { buildTestApp, TEST_DIALECT, type Session, type TestApp } from '../../test/test-app.ts';

// Route tests for the org tree (bureau administrators shape it, everyone signed in reads it), in STYLE.md's order.


/** One character of a valid code changed, as a typo would. */
function mutateOneCharacter(code: string): string {
  const i = 14;
  return code.slice(0, i) + (code[i] === '5' ? '6' : '5') + code.slice(i + 1);
}

const UNKNOWN_ID = '00000000-0000-7000-8000-000000000000';

describe(`orgs routes (${TEST_DIALECT})`, () => {
  let t: TestApp;
  let admin: Session;
  let scjg: Session;
  let reviewer: Session;
  let ids: Record<string, string>;

  beforeAll(async () => {
    t = await buildTestApp();
    [admin, scjg, reviewer] = await t.loginAll('admin', 'scjg', 'reviewer');
    ids = await demoOrgIds(t, admin);
  });
  afterAll(async () => {
    await t?.close();
  });

  const id = (key: string) => ids[key];
  const getOrg = async (orgId: string): Promise<Org> => (await t.call(admin, 'GET', `/api/orgs/${orgId}`)).json();
  const allUsccs = async () => ((await t.call(admin, 'GET', '/api/orgs')).json().items as Org[]).map((o) => o.uscc);

  function departmentBody(serial: number, overrides: Record<string, unknown> = {}) {
    return { parentId: id('bureau'), kind: 'department', uscc: demoUscc('150626', serial), level: 4, nameZh: `乌审旗测试局${serial}`, ...overrides };
  }

  async function createOrg(body: Record<string, unknown>): Promise<Org> {
    const res = await t.call(admin, 'POST', '/api/orgs', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  }

  describe('GET /api/orgs and /api/orgs/:id', () => {
    it('401 without a session', async () => {
      expectError(await t.call(undefined, 'GET', '/api/orgs'), 401, 'AUTH.REQUIRED');
      expectError(await t.call(undefined, 'GET', `/api/orgs/${id('bureau')}`), 401, 'AUTH.REQUIRED');
    });

    it('404 ORG.NOT_FOUND for an unknown id', async () => {
      expectError(await t.call(scjg, 'GET', `/api/orgs/${UNKNOWN_ID}`), 404, 'ORG.NOT_FOUND');
    });

    it('200 for every role: the whole 乌审旗 tree with kinds, levels, codes and parents', async () => {
      for (const user of DEMO_USERS) {
        const session = await t.login(user.username);
        const res = await t.call(session, 'GET', '/api/orgs');
        expect(res.statusCode, `${user.username}: ${res.body}`).toBe(200);
        const items = res.json().items as Org[];
        expect(items).toEqual(
          expect.arrayContaining(
            DEMO_ORGS.map((d) =>
              expect.objectContaining({
                nameZh: d.nameZh,
                kind: d.kind,
                level: d.level,
                uscc: demoUsccOf(d.key),
                parentId: d.parent ? id(d.parent) : null,
                active: true,
              }),
            ),
          ),
        );
      }
    });

    it('200 for one org by id', async () => {
      expect(await getOrg(id('glt'))).toEqual({
        id: id('glt'), parentId: id('bureau'), kind: 'town', uscc: demoUsccOf('glt'), level: 5,
        nameZh: '嘎鲁图镇', nameEn: 'Galutu Town', nameMn: null, divisionCode: null, active: true,
      });
    });
  });

  describe('POST /api/orgs', () => {
    it('401 without a session', async () => {
      expectError(await t.call(undefined, 'POST', '/api/orgs', departmentBody(60)), 401, 'AUTH.REQUIRED');
    });

    it('400 VALIDATION.FAILED for a code of the wrong length, an unknown kind, a level out of range, a malformed division code, an overlong name and an unknown field', async () => {
      expectError(await t.call(admin, 'POST', '/api/orgs', departmentBody(60, { uscc: '1115062699' })), 400, 'VALIDATION.FAILED', ['body.uscc']);
      expect(expectError(await t.call(admin, 'POST', '/api/orgs', departmentBody(60, { kind: 'company' })), 400, 'VALIDATION.FAILED').details!.every((d) => d.path.startsWith('body.kind'))).toBe(true);
      expectError(await t.call(admin, 'POST', '/api/orgs', departmentBody(60, { level: 7 })), 400, 'VALIDATION.FAILED', ['body.level']);
      expectError(await t.call(admin, 'POST', '/api/orgs', departmentBody(60, { divisionCode: '15062' })), 400, 'VALIDATION.FAILED', ['body.divisionCode']);
      expectError(await t.call(admin, 'POST', '/api/orgs', departmentBody(60, { nameZh: '局'.repeat(101) })), 400, 'VALIDATION.FAILED', ['body.nameZh']);
      const extra = expectError(await t.call(admin, 'POST', '/api/orgs', departmentBody(60, { active: false })), 400, 'VALIDATION.FAILED', ['body']);
      expect(extra.details![0].message).toContain('active');
    });

    it('400 ORG.INVALID for a code whose check characters fail (one character changed)', async () => {
      const bad = mutateOneCharacter(demoUscc('150626', 61));
      expect(isValidUscc(bad)).toBe(false);
      const error = expectError(await t.call(admin, 'POST', '/api/orgs', departmentBody(61, { uscc: bad })), 400, 'ORG.INVALID', ['body.uscc']);
      expect(error.details![0].message).toContain('GB 32100');
      expect(await allUsccs()).not.toContain(bad);
    });

    it('400 ORG.INVALID for a level that does not fit the kind', async () => {
      const error = expectError(await t.call(admin, 'POST', '/api/orgs', departmentBody(62, { level: 5 })), 400, 'ORG.INVALID', ['body.level']);
      expect(error.details![0].message).toContain('4');
    });

    it('400 ORG.INVALID for a kind not allowed under the parent (a village under a department, a department at the root)', async () => {
      const village = { parentId: id('scjg'), kind: 'village', uscc: demoUscc('150626', 63), level: 6, nameZh: '测试嘎查' };
      expectError(await t.call(admin, 'POST', '/api/orgs', village), 400, 'ORG.INVALID', ['body.parentId']);
      expectError(await t.call(admin, 'POST', '/api/orgs', departmentBody(63, { parentId: null })), 400, 'ORG.INVALID', ['body.parentId']);
    });

    it('400 ORG.INVALID lists every problem at once, including a blank name', async () => {
      const body = { parentId: id('scjg'), kind: 'village', uscc: mutateOneCharacter(demoUscc('150626', 64)), level: 5, nameZh: '   ' };
      expectError(await t.call(admin, 'POST', '/api/orgs', body), 400, 'ORG.INVALID', ['body.nameZh', 'body.uscc', 'body.parentId', 'body.level']);
    });

    it('404 ORG.PARENT_NOT_FOUND for an unknown parent', async () => {
      expectError(await t.call(admin, 'POST', '/api/orgs', departmentBody(65, { parentId: UNKNOWN_ID })), 404, 'ORG.PARENT_NOT_FOUND');
      expect(await allUsccs()).not.toContain(demoUscc('150626', 65));
    });

    it('403 ACCESS.FORBIDDEN for a department editor and a reviewer; nothing is created', async () => {
      expectError(await t.call(scjg, 'POST', '/api/orgs', departmentBody(66)), 403, 'ACCESS.FORBIDDEN');
      expectError(await t.call(reviewer, 'POST', '/api/orgs', departmentBody(66)), 403, 'ACCESS.FORBIDDEN');
      expect(await allUsccs()).not.toContain(demoUscc('150626', 66));
    });

    it('409 ORG.USCC_TAKEN for a code another org already has', async () => {
      const error = expectError(await t.call(admin, 'POST', '/api/orgs', departmentBody(67, { uscc: demoUsccOf('bureau') })), 409, 'ORG.USCC_TAKEN');
      expect(error.message).toContain('统一社会信用代码');
      expect((await allUsccs()).filter((u) => u === demoUsccOf('bureau'))).toHaveLength(1);
    });

    it('201: creates the org under its parent, lists it, and writes org.create', async () => {
      const uscc = demoUscc('150626', 77);
      const body = { parentId: id('bureau'), kind: 'department', uscc, level: 4, nameZh: '  乌审旗数据局 ', nameEn: 'Uxin Banner Data Bureau', divisionCode: '150626' };
      const res = await t.call(admin, 'POST', '/api/orgs', body);
      expect(res.statusCode, res.body).toBe(201);
      const org = res.json() as Org;
      expect(org).toEqual({
        id: expect.any(String), parentId: id('bureau'), kind: 'department', uscc, level: 4,
        nameZh: '乌审旗数据局', nameEn: 'Uxin Banner Data Bureau', nameMn: null, divisionCode: '150626', active: true,
      });
      expect(await getOrg(org.id)).toEqual(org);
      expect(await allUsccs()).toContain(uscc);

      const row = await auditRowOf(t, 'org.create', res);
      expect(row).toMatchObject({ action: 'org.create', actor_id: admin.userId, target_id: org.id });
      expect(row.summary).toEqual({ nameZh: '乌审旗数据局', kind: 'department', uscc, parentId: id('bureau') });
    });
  });

  describe('POST /api/orgs/:id/rename', () => {
    it('401 without a session', async () => {
      expectError(await t.call(undefined, 'POST', `/api/orgs/${id('wjw')}/rename`, { nameZh: '新名称' }), 401, 'AUTH.REQUIRED');
    });

    it('400 VALIDATION.FAILED for an empty name; 400 ORG.INVALID for a blank one; the name stays', async () => {
      expectError(await t.call(admin, 'POST', `/api/orgs/${id('wjw')}/rename`, { nameZh: '' }), 400, 'VALIDATION.FAILED', ['body.nameZh']);
      expectError(await t.call(admin, 'POST', `/api/orgs/${id('wjw')}/rename`, { nameZh: '   ' }), 400, 'ORG.INVALID', ['body.nameZh']);
      expect((await getOrg(id('wjw'))).nameZh).toBe('乌审旗卫生健康委员会');
    });

    it('403 for a department editor; 404 ORG.NOT_FOUND for an unknown org', async () => {
      expectError(await t.call(scjg, 'POST', `/api/orgs/${id('scjg')}/rename`, { nameZh: '新名称' }), 403, 'ACCESS.FORBIDDEN');
      expectError(await t.call(admin, 'POST', `/api/orgs/${UNKNOWN_ID}/rename`, { nameZh: '新名称' }), 404, 'ORG.NOT_FOUND');
      expect((await getOrg(id('scjg'))).nameZh).toBe('乌审旗市场监督管理局');
    });

    it('200: renames, keeps names not sent, and writes org.rename with before and after', async () => {
      const org = await createOrg(departmentBody(78, { nameZh: '乌审旗旧名局', nameEn: 'Old Name Bureau' }));
      const res = await t.call(admin, 'POST', `/api/orgs/${org.id}/rename`, { nameZh: ' 乌审旗新名局 ', nameMn: 'ᠦᠦᠰᠢᠨ' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ id: org.id, nameZh: '乌审旗新名局', nameEn: 'Old Name Bureau', nameMn: 'ᠦᠦᠰᠢᠨ' });
      expect((await getOrg(org.id)).nameZh).toBe('乌审旗新名局');
      const row = await auditRowOf(t, 'org.rename', res);
      expect(row).toMatchObject({ actor_id: admin.userId, target_id: org.id });
      expect(row.summary).toEqual({
        before: { nameZh: '乌审旗旧名局', nameEn: 'Old Name Bureau', nameMn: null },
        after: { nameZh: '乌审旗新名局', nameEn: 'Old Name Bureau', nameMn: 'ᠦᠦᠰᠢᠨ' },
      });
    });
  });

  describe('POST /api/orgs/:id/move', () => {
    it('401 without a session', async () => {
      expectError(await t.call(undefined, 'POST', `/api/orgs/${id('wjw')}/move`, { parentId: id('bureau') }), 401, 'AUTH.REQUIRED');
    });

    it('400 VALIDATION.FAILED without parentId; 400 ORG.INVALID for a department under a town', async () => {
      expectError(await t.call(admin, 'POST', `/api/orgs/${id('wjw')}/move`, {}), 400, 'VALIDATION.FAILED', ['body.parentId']);
      expectError(await t.call(admin, 'POST', `/api/orgs/${id('wjw')}/move`, { parentId: id('glt') }), 400, 'ORG.INVALID', ['body.parentId']);
      expect((await getOrg(id('wjw'))).parentId).toBe(id('bureau'));
    });

    it('400 ORG.INVALID for an active org moved under a deactivated parent; an inactive one may go there', async () => {
      const closed = await createOrg({ parentId: id('bureau'), kind: 'town', uscc: demoUscc('150626', 85), level: 5, nameZh: '已撤并测试镇' });
      expect((await t.call(admin, 'POST', `/api/orgs/${closed.id}/deactivate`)).statusCode).toBe(200);
      const village = await createOrg({ parentId: id('glt'), kind: 'village', uscc: demoUscc('150626', 86), level: 6, nameZh: '待迁移测试嘎查' });
      const error = expectError(await t.call(admin, 'POST', `/api/orgs/${village.id}/move`, { parentId: closed.id }), 400, 'ORG.INVALID', ['body.parentId']);
      expect(error.details![0].message).toContain('已停用');
      expect((await getOrg(village.id)).parentId).toBe(id('glt'));
      expect(await t.auditRows('org.move').then((rows) => rows.filter((r) => r.target_id === village.id))).toEqual([]);

      expect((await t.call(admin, 'POST', `/api/orgs/${village.id}/deactivate`)).statusCode).toBe(200);
      const moved = await t.call(admin, 'POST', `/api/orgs/${village.id}/move`, { parentId: closed.id });
      expect(moved.statusCode, moved.body).toBe(200);
      expect((await getOrg(village.id)).parentId).toBe(closed.id);
    });

    it('403 for a reviewer; 404 ORG.NOT_FOUND for an unknown org; 404 ORG.PARENT_NOT_FOUND for an unknown parent', async () => {
      expectError(await t.call(reviewer, 'POST', `/api/orgs/${id('wjw')}/move`, { parentId: id('bureau') }), 403, 'ACCESS.FORBIDDEN');
      expectError(await t.call(admin, 'POST', `/api/orgs/${UNKNOWN_ID}/move`, { parentId: id('bureau') }), 404, 'ORG.NOT_FOUND');
      expectError(await t.call(admin, 'POST', `/api/orgs/${id('wjw')}/move`, { parentId: UNKNOWN_ID }), 404, 'ORG.PARENT_NOT_FOUND');
    });

    it('409 ORG.MOVE_CYCLE when moving the bureau under its own department, or an org under itself', async () => {
      const error = expectError(await t.call(admin, 'POST', `/api/orgs/${id('bureau')}/move`, { parentId: id('scjg') }), 409, 'ORG.MOVE_CYCLE');
      expect(error.message).toContain('下级');
      expectError(await t.call(admin, 'POST', `/api/orgs/${id('glt')}/move`, { parentId: id('glt') }), 409, 'ORG.MOVE_CYCLE');
      expect((await getOrg(id('bureau'))).parentId).toBeNull();
    });

    it("200: moves a town's village to another town, and writes org.move", async () => {
      const village = await createOrg({ parentId: id('glt'), kind: 'village', uscc: demoUscc('150626', 79), level: 6, nameZh: '巴音敖包嘎查' });
      const res = await t.call(admin, 'POST', `/api/orgs/${village.id}/move`, { parentId: id('wsz') });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ id: village.id, parentId: id('wsz'), kind: 'village' });
      expect((await getOrg(village.id)).parentId).toBe(id('wsz'));
      const row = await auditRowOf(t, 'org.move', res);
      expect(row).toMatchObject({ actor_id: admin.userId, target_id: village.id });
      expect(row.summary).toEqual({ from: id('glt'), to: id('wsz') });
    });
  });

  describe('POST /api/orgs/:id/deactivate and /activate', () => {
    it('401 without a session', async () => {
      expectError(await t.call(undefined, 'POST', `/api/orgs/${id('wjw')}/deactivate`), 401, 'AUTH.REQUIRED');
      expectError(await t.call(undefined, 'POST', `/api/orgs/${id('wjw')}/activate`), 401, 'AUTH.REQUIRED');
    });

    it('403 for a department editor; 404 ORG.NOT_FOUND for an unknown org', async () => {
      expectError(await t.call(scjg, 'POST', `/api/orgs/${id('scjg')}/deactivate`), 403, 'ACCESS.FORBIDDEN');
      expectError(await t.call(admin, 'POST', `/api/orgs/${UNKNOWN_ID}/deactivate`), 404, 'ORG.NOT_FOUND');
      expectError(await t.call(admin, 'POST', `/api/orgs/${UNKNOWN_ID}/activate`), 404, 'ORG.NOT_FOUND');
      expect((await getOrg(id('scjg'))).active).toBe(true);
    });

    it('409 ORG.HAS_ACTIVE_CHILDREN for the bureau', async () => {
      const error = expectError(await t.call(admin, 'POST', `/api/orgs/${id('bureau')}/deactivate`), 409, 'ORG.HAS_ACTIVE_CHILDREN');
      expect(error.message).toContain('下级机构');
      expect((await getOrg(id('bureau'))).active).toBe(true);
    });

    it('409 ORG.PARENT_INACTIVE when activating a village under a deactivated town; no new org under it either', async () => {
      const town = await createOrg({ parentId: id('bureau'), kind: 'town', uscc: demoUscc('150626', 82), level: 5, nameZh: '测试镇' });
      const village = await createOrg({ parentId: town.id, kind: 'village', uscc: demoUscc('150626', 83), level: 6, nameZh: '测试嘎查' });
      expect((await t.call(admin, 'POST', `/api/orgs/${village.id}/deactivate`)).statusCode).toBe(200);
      expect((await t.call(admin, 'POST', `/api/orgs/${town.id}/deactivate`)).statusCode).toBe(200);
      expectError(await t.call(admin, 'POST', `/api/orgs/${village.id}/activate`), 409, 'ORG.PARENT_INACTIVE');
      expect((await getOrg(village.id)).active).toBe(false);
      const under = { parentId: town.id, kind: 'village', uscc: demoUscc('150626', 84), level: 6, nameZh: '另一嘎查' };
      expectError(await t.call(admin, 'POST', '/api/orgs', under), 400, 'ORG.INVALID', ['body.parentId']);
    });

    it('200: deactivates a department (org.deactivate), its staff lose access, and activating brings it back (org.activate)', async () => {
      const dept = await createOrg(departmentBody(81, { nameZh: '乌审旗临时办公室' }));
      const user = await t.call(admin, 'POST', '/api/users', { username: 'temp-office', displayName: '临时办经办人', orgId: dept.id, roles: ['dept_editor'], password: 'Steppe-Wind-2026!' });
      expect(user.statusCode, user.body).toBe(201);
      const staff = await t.login('temp-office', 'Steppe-Wind-2026!');

      const off = await t.call(admin, 'POST', `/api/orgs/${dept.id}/deactivate`);
      expect(off.statusCode, off.body).toBe(200);
      expect(off.json()).toMatchObject({ id: dept.id, active: false });
      expect((await getOrg(dept.id)).active).toBe(false);
      expect(await auditRowOf(t, 'org.deactivate', off)).toMatchObject({ actor_id: admin.userId, target_id: dept.id });
      // A deactivated org takes no work: its staff's sessions stop resolving.
      expectError(await t.call(staff, 'GET', '/api/me'), 401, 'AUTH.REQUIRED');

      const on = await t.call(admin, 'POST', `/api/orgs/${dept.id}/activate`);
      expect(on.statusCode, on.body).toBe(200);
      expect(on.json()).toMatchObject({ id: dept.id, active: true });
      expect(await auditRowOf(t, 'org.activate', on)).toMatchObject({ actor_id: admin.userId, target_id: dept.id });
      expect((await t.call(staff, 'GET', '/api/me')).statusCode).toBe(200);
    });
  });
});
