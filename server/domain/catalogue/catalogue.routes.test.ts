import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ItemElements, UniformElements } from '../../../common/item-elements.ts';
import { itemElements, nextBasicCode, uniformElements } from '../../test/factories.ts';
import { auditRowOf, createCatalogueItem, demoOrg, demoOrgIds, expectError, implementItem } from '../../test/routes.ts';
import { buildTestApp, TEST_DIALECT, type Session, type TestApp } from '../../test/test-app.ts';

// Route tests for the catalogue (基本目录), its versions and review flags, and the consistency check (同源),
// in STYLE.md's order (401 → 400 per rule → 403/404 → 409 → happy path with its audit row).

interface Deviation {
  implementationCode: string;
  orgId: string;
  element: string;
  kind: string;
  expected: unknown;
  actual: unknown;
}

describe(`catalogue routes (${TEST_DIALECT})`, () => {
  let t: TestApp;
  let admin: Session;
  let reviewer: Session;
  let scjg: Session;
  let glt: Session;
  let auditor: Session;
  let orgIds: Record<string, string>;
  const org = (key: string) => orgIds[key];

  beforeAll(async () => {
    t = await buildTestApp();
    [admin, reviewer, scjg, glt, auditor] = await t.loginAll('admin', 'reviewer', 'scjg', 'glt', 'auditor');
    orgIds = await demoOrgIds(t, admin);
  });
  afterAll(async () => {
    await t?.close();
  });

  const catalogueBody = (over: Record<string, unknown> = {}) => ({ basicCode: nextBasicCode(), origin: 'provincial', levels: [4, 5], uniform: uniformElements(), ...over });

  const createCatalogue = async (uniform?: UniformElements): Promise<string> => (await createCatalogueItem(t, admin, uniform)).id;
  /** An effective item of `orgKey` implementing catalogue item `catalogueId`, with `elements`. */
  const effectiveItem = (catalogueId: string, orgKey: string, elements: ItemElements): Promise<string> =>
    implementItem(t, admin, catalogueId, { orgId: org(orgKey), levelDigit: demoOrg(orgKey).level, elements });

  const item = async (code: string) => (await t.call(admin, 'GET', `/api/items/${code}`)).json();
  const deviations = async (session: Session): Promise<Deviation[]> => {
    const res = await t.call(session, 'GET', '/api/consistency');
    expect(res.statusCode, res.body).toBe(200);
    return res.json().deviations;
  };

  /** Takes the catalogue's current uniform elements over into a draft and loads it. */
  async function takeOverAndLoad(code: string, session: Session) {
    const res = await t.call(session, 'POST', `/api/items/${code}/drafts`, { takeOver: true });
    expect(res.statusCode, res.body).toBe(201);
    const versionNo = res.json().version.versionNo as number;
    const loaded = await t.call(admin, 'POST', `/api/items/${code}/versions/${versionNo}/load`, {});
    expect(loaded.statusCode, loaded.body).toBe(200);
    return res;
  }

  describe('POST /api/catalogue-items', () => {
    it('401 without a session', async () => {
      expectError(await t.call(undefined, 'POST', '/api/catalogue-items', catalogueBody()), 401, 'AUTH.REQUIRED');
    });

    it('400 VALIDATION.FAILED for a basic code longer than 12, no levels, a missing uniform element', async () => {
      expectError(await t.call(admin, 'POST', '/api/catalogue-items', catalogueBody({ basicCode: '1509000000001' })), 400, 'VALIDATION.FAILED', ['body.basicCode']);
      expectError(await t.call(admin, 'POST', '/api/catalogue-items', catalogueBody({ levels: [] })), 400, 'VALIDATION.FAILED', ['body.levels']);
      const { name: _name, ...noName } = uniformElements();
      expectError(await t.call(admin, 'POST', '/api/catalogue-items', catalogueBody({ uniform: noName })), 400, 'VALIDATION.FAILED', ['body.uniform.name']);
    });

    it('400 CATALOGUE.INVALID for a basic code of the wrong length or characters, each problem at once', async () => {
      for (const basicCode of ['15090000001', '1509abc00001', '1509-0000001', '1509 0000001']) {
        const error = expectError(await t.call(admin, 'POST', '/api/catalogue-items', catalogueBody({ basicCode })), 400, 'CATALOGUE.INVALID', ['body.basicCode']);
        expect(JSON.stringify(error.details)).toContain('12');
      }
      const body = catalogueBody({ basicCode: '150900', uniform: uniformElements({ name: '  ', type: '99', legalBasis: [], serviceRecipients: [] }) });
      expectError(await t.call(admin, 'POST', '/api/catalogue-items', body), 400, 'CATALOGUE.INVALID', [
        'body.basicCode', 'body.uniform.name', 'body.uniform.type', 'body.uniform.legalBasis', 'body.uniform.serviceRecipients',
      ]);
      const listed = (await t.call(admin, 'GET', '/api/catalogue-items?q=1509abc')).json();
      expect(listed.items).toEqual([]);
    });

    it('403 for a department editor and an auditor; nothing is created', async () => {
      const body = catalogueBody();
      expectError(await t.call(scjg, 'POST', '/api/catalogue-items', body), 403, 'ACCESS.FORBIDDEN');
      expectError(await t.call(auditor, 'POST', '/api/catalogue-items', body), 403, 'ACCESS.FORBIDDEN');
      expect((await t.call(admin, 'GET', `/api/catalogue-items?q=${body.basicCode}`)).json().items).toEqual([]);
    });

    it('409 CATALOGUE.CODE_TAKEN for a basic code or a local code already in the catalogue', async () => {
      const first = catalogueBody({ localCode: '150626-XK-0001', origin: 'local' });
      expect((await t.call(admin, 'POST', '/api/catalogue-items', first)).statusCode).toBe(201);
      expectError(await t.call(admin, 'POST', '/api/catalogue-items', catalogueBody({ basicCode: first.basicCode })), 409, 'CATALOGUE.CODE_TAKEN');
      expectError(await t.call(admin, 'POST', '/api/catalogue-items', catalogueBody({ localCode: '150626-XK-0001', origin: 'local' })), 409, 'CATALOGUE.CODE_TAKEN');
    });

    it('201: a reviewer claims an item (no local code, twice), it lists and reads back, and catalogue.create is written', async () => {
      const body = catalogueBody({ localCode: null, uniform: uniformElements({ name: '公共场所卫生许可' }) });
      const res = await t.call(reviewer, 'POST', '/api/catalogue-items', body);
      expect(res.statusCode, res.body).toBe(201);
      const created = res.json();
      expect(created).toMatchObject({ basicCode: body.basicCode, localCode: null, origin: 'provincial', currentVersionNo: 1, current: { versionNo: 1, name: '公共场所卫生许可', levels: [4, 5] } });
      // Items without a local code do not collide on it.
      expect((await t.call(reviewer, 'POST', '/api/catalogue-items', catalogueBody({ localCode: null }))).statusCode).toBe(201);
      const read = (await t.call(scjg, 'GET', `/api/catalogue-items/${created.id}`)).json();
      expect(read).toMatchObject({ id: created.id, currentVersionNo: 1, current: { uniform: body.uniform } });
      expect(read.versions).toHaveLength(1);
      const row = await auditRowOf(t, 'catalogue.create', res);
      expect(row).toMatchObject({ actor_id: reviewer.userId, target_id: created.id });
      expect(row.summary).toEqual({ basicCode: body.basicCode, name: '公共场所卫生许可' });
    });
  });

  describe('GET /api/catalogue-items', () => {
    it('401 without a session; 404 CATALOGUE.NOT_FOUND for an unknown id', async () => {
      expectError(await t.call(undefined, 'GET', '/api/catalogue-items'), 401, 'AUTH.REQUIRED');
      expectError(await t.call(scjg, 'GET', '/api/catalogue-items/no-such-id'), 404, 'CATALOGUE.NOT_FOUND');
    });

    it('pages by basic code without duplicates, and finds by name', async () => {
      const names = ['草原征占用审核', '道路运输经营许可', '种畜禽生产经营许可'];
      for (const name of names) await createCatalogue(uniformElements({ name }));
      const seen: string[] = [];
      let cursor: string | null = null;
      for (let i = 0; i < 50; i++) {
        const page: { items: Array<{ basicCode: string }>; nextCursor: string | null } = (await t.call(scjg, 'GET', `/api/catalogue-items?limit=2${cursor ? `&cursor=${cursor}` : ''}`)).json();
        seen.push(...page.items.map((c) => c.basicCode));
        cursor = page.nextCursor;
        if (!cursor) break;
      }
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).toEqual([...seen].sort());
      const found = (await t.call(scjg, 'GET', `/api/catalogue-items?q=${encodeURIComponent('草原')}`)).json().items;
      expect(found.map((c: { name: string }) => c.name)).toEqual(['草原征占用审核']);
    });
  });

  describe('POST /api/catalogue-items/:id/versions (review flags)', () => {
    it('401 without a session; 400 CATALOGUE.INVALID; 403 for a department; 404 for an unknown id', async () => {
      const id = await createCatalogue();
      const body = { levels: [4], uniform: uniformElements() };
      expectError(await t.call(undefined, 'POST', `/api/catalogue-items/${id}/versions`, body), 401, 'AUTH.REQUIRED');
      expectError(await t.call(admin, 'POST', `/api/catalogue-items/${id}/versions`, { levels: [4], uniform: uniformElements({ legalBasis: [] }) }), 400, 'CATALOGUE.INVALID', ['body.uniform.legalBasis']);
      expectError(await t.call(scjg, 'POST', `/api/catalogue-items/${id}/versions`, body), 403, 'ACCESS.FORBIDDEN');
      expectError(await t.call(admin, 'POST', `/api/catalogue-items/no-such-id/versions`, body), 404, 'CATALOGUE.NOT_FOUND');
      expect((await t.call(admin, 'GET', `/api/catalogue-items/${id}`)).json().currentVersionNo).toBe(1);
    });

    it('a material change flags every linked item with the element diff; catalogue.add_version names them', async () => {
      const uniform = uniformElements({ name: '食品生产许可' });
      const id = await createCatalogue(uniform);
      const inScjg = await effectiveItem(id, 'scjg', itemElements({}, uniform));
      const inTown = await effectiveItem(id, 'glt', itemElements({}, uniform));
      const changed = structuredClone(uniform);
      changed.materials[0].copies = 2;
      const res = await t.call(admin, 'POST', `/api/catalogue-items/${id}/versions`, { levels: [4, 5], uniform: changed, changeNote: '申请书改为两份' });
      expect(res.statusCode, res.body).toBe(201);
      const change = { path: 'materials[食品经营许可申请书].copies', kind: 'changed', before: 1, after: 2 };
      expect(res.json().item).toMatchObject({ id, currentVersionNo: 2 });
      expect(res.json().flagged).toEqual(expect.arrayContaining([{ implementationCode: inScjg, changes: [change] }, { implementationCode: inTown, changes: [change] }]));
      expect(res.json().flagged).toHaveLength(2);
      for (const code of [inScjg, inTown]) expect(await item(code)).toMatchObject({ reviewNeeded: true, reviewCatalogueVersionNo: 2, reviewDiff: [change] });
      const row = await auditRowOf(t, 'catalogue.add_version', res);
      expect(row).toMatchObject({ actor_id: admin.userId, target_id: id });
      expect(row.summary).toEqual({ versionNo: 2, flagged: expect.arrayContaining([inScjg, inTown]) });
    });

    it('a cosmetic change (whitespace, line breaks inside Chinese text, ids) flags nothing', async () => {
      const uniform = uniformElements({ name: '食品小作坊登记' });
      const id = await createCatalogue(uniform);
      const code = await effectiveItem(id, 'scjg', itemElements({}, uniform));
      const cosmetic = structuredClone(uniform) as UniformElements & { materials: Array<Record<string, unknown>> };
      cosmetic.acceptanceConditions = ` 申请人应当具有与经营的食品品种、\n数量相适应的食品经营场所。  `;
      cosmetic.materials[0].name = '食品经营许可申请书 ';
      cosmetic.materials[0].id = 'province-m-0001';
      cosmetic.process[0].description = '';
      cosmetic.handlingItemSplit = '按新设、变更、\t延续、注销拆分';
      const res = await t.call(admin, 'POST', `/api/catalogue-items/${id}/versions`, { levels: [4, 5], uniform: cosmetic });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().item.currentVersionNo).toBe(2);
      expect(res.json().flagged).toEqual([]);
      expect(await item(code)).toMatchObject({ reviewNeeded: false, reviewDiff: null });
      expect((await deviations(admin)).filter((d) => d.implementationCode === code)).toEqual([]);
    });

    it('taking the new version over (item.take_over) and loading it clears the flag and the deviation', async () => {
      const uniform = uniformElements({ name: '食品经营许可（承接）' });
      const id = await createCatalogue(uniform);
      const code = await effectiveItem(id, 'scjg', itemElements({ consultPhone: '0477-7218888' }, uniform));
      const changed = structuredClone(uniform);
      changed.statutoryTimeLimit = { amount: 8, unit: 'workday' };
      await t.call(admin, 'POST', `/api/catalogue-items/${id}/versions`, { levels: [4, 5], uniform: changed });
      expect((await item(code)).reviewNeeded).toBe(true);
      expect((await deviations(scjg)).filter((d) => d.implementationCode === code)).toEqual([
        { implementationCode: code, orgId: org('scjg'), name: '食品经营许可（承接）', element: 'statutoryTimeLimit.amount', kind: 'changed', expected: 8, actual: 10 },
      ]);

      // An ordinary draft keeps following the old catalogue version: loading it does not clear the flag.
      const plain = await t.call(scjg, 'POST', `/api/items/${code}/drafts`, {});
      expect(plain.json().version.elements.statutoryTimeLimit).toEqual({ amount: 10, unit: 'workday' });
      await t.call(scjg, 'POST', `/api/items/${code}/versions/${plain.json().version.versionNo}/discard`, {});

      const res = await takeOverAndLoad(code, scjg);
      expect(res.json().version).toMatchObject({ source: 'takeover', catalogueVersionNo: 2, elements: { statutoryTimeLimit: { amount: 8, unit: 'workday' }, consultPhone: '0477-7218888' } });
      expect((await auditRowOf(t, 'item.take_over', res)).target_id).toBe(code);
      expect(await item(code)).toMatchObject({ reviewNeeded: false, reviewDiff: null, current: { catalogueVersionNo: 2 } });
      expect((await deviations(admin)).filter((d) => d.implementationCode === code)).toEqual([]);
    });
  });

  describe('GET /api/consistency (同源)', () => {
    let code: string;
    let expected: string;
    beforeAll(async () => {
      const uniform = uniformElements({ name: '食品经营许可（偏差）' });
      expected = uniform.acceptanceConditions;
      const id = await createCatalogue(uniform);
      code = await effectiveItem(id, 'scjg', itemElements({}, { ...uniform, acceptanceConditions: '申请人取得营业执照即可。' }));
    });

    it('401 without a session', async () => {
      expectError(await t.call(undefined, 'GET', '/api/consistency'), 401, 'AUTH.REQUIRED');
    });

    it('lists a uniform element that differs from the catalogue, with expected and actual, for the bureau, an auditor and the org', async () => {
      const deviation = { implementationCode: code, orgId: org('scjg'), name: '食品经营许可（偏差）', element: 'acceptanceConditions', kind: 'changed', expected, actual: '申请人取得营业执照即可。' };
      for (const session of [admin, auditor, scjg]) {
        expect((await deviations(session)).filter((d) => d.implementationCode === code)).toEqual([deviation]);
      }
    });

    it("another department's scope does not include it", async () => {
      expect((await deviations(glt)).filter((d) => d.implementationCode === code)).toEqual([]);
      expect((await deviations(glt)).every((d) => d.orgId === org('glt'))).toBe(true);
    });

    it('is cleared by taking the catalogue elements over and loading them; local elements stay', async () => {
      await takeOverAndLoad(code, scjg);
      expect((await deviations(admin)).filter((d) => d.implementationCode === code)).toEqual([]);
      const current = (await item(code)).current;
      expect(current.elements.acceptanceConditions).toBe(expected);
      expect(current.elements.consultPhone).toBe('0477-7212345');
    });
  });
});
