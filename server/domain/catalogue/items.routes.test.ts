import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidUscc } from '../../../common/checksums.ts';
import type { ItemElements, UniformElements } from '../../../common/item-elements.ts';
import { demoUscc } from '../../bootstrap/demo/demo-orgs.ts';
import { newId } from '../../db/ids.ts';
import { itemElements, uniformElements } from '../../test/factories.ts';
import { auditRowOf, createCatalogueItem, demoOrg, demoOrgIds, demoUsccOf, createEffectiveItem, expectError } from '../../test/routes.ts';
import { buildTestApp, TEST_DIALECT, type Session, type TestApp } from '../../test/test-app.ts';

// Route tests for implemented items (实施清单): creation and codes, drafts, direct loading, versions, diff and the
// list queries, in STYLE.md's order (401 → 400 per rule → 403/404 → 409 → happy path with its audit row).

interface VersionView {
  versionNo: number;
  state: string;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  elements: ItemElements;
  handlingItems: Array<{ code: string; seq: number; name: string; splitReason: string }>;
}

interface ItemDetail {
  implementationCode: string;
  orgId: string;
  basicCode: string;
  levelDigit: number;
  current: VersionView | null;
  draft: VersionView | null;
  versions: Array<{ versionNo: number; state: string; effectiveFrom: string | null }>;
}

interface ListPage {
  items: Array<{ implementationCode: string; name: string; versionNo: number; orgId: string; type: string; promisedTimeLimit: { amount: number } }>;
  total: number;
  totalCapped: boolean;
  nextCursor: string | null;
}

const UNKNOWN_CODE = `${demoUscc('150626', 2)}4150999999999`;

describe(`items routes (${TEST_DIALECT})`, () => {
  let t: TestApp;
  let admin: Session;
  let reviewer: Session;
  let scjg: Session;
  let scjgLeader: Session;
  let glt: Session;
  let auditor: Session;
  let orgIds: Record<string, string>;
  const org = (key: string) => orgIds[key];

  beforeAll(async () => {
    t = await buildTestApp();
    [admin, reviewer, scjg, scjgLeader, glt, auditor] = await t.loginAll('admin', 'reviewer', 'scjg', 'scjg-leader', 'glt', 'auditor');
    orgIds = await demoOrgIds(t, admin);
  });
  afterAll(async () => {
    await t?.close();
  });

  const createCatalogue = (uniform?: UniformElements, levels?: number[]) => createCatalogueItem(t, admin, uniform, levels);

  async function createItem(orgKey: string, uniform: Partial<UniformElements> = {}, session = admin): Promise<ItemDetail> {
    const cat = await createCatalogue(uniformElements(uniform));
    const res = await t.call(session, 'POST', '/api/items', { catalogueItemId: cat.id, orgId: org(orgKey), levelDigit: demoOrg(orgKey).level });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  }

  const save = (session: Session, code: string, versionNo: number, elements: ItemElements, changeNote?: string) =>
    t.call(session, 'PUT', `/api/items/${code}/versions/${versionNo}`, changeNote ? { elements, changeNote } : { elements });
  const load = (code: string, versionNo: number, effectiveFrom?: string) =>
    t.call(admin, 'POST', `/api/items/${code}/versions/${versionNo}/load`, effectiveFrom ? { effectiveFrom } : {});
  const detail = async (session: Session, code: string): Promise<ItemDetail> => {
    const res = await t.call(session, 'GET', `/api/items/${code}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  /** An item of `orgKey` with version 1 effective from `effectiveFrom` (default now). */
  const effectiveItem = async (orgKey: string, opts: { uniform?: Partial<UniformElements>; local?: Partial<ItemElements>; effectiveFrom?: string } = {}): Promise<string> =>
    (await createEffectiveItem(t, admin, { orgId: org(orgKey), levelDigit: demoOrg(orgKey).level, uniform: opts.uniform, elements: itemElements(opts.local, opts.uniform), effectiveFrom: opts.effectiveFrom })).code;

  async function newDraft(session: Session, code: string, body: Record<string, unknown> = {}): Promise<VersionView> {
    const res = await t.call(session, 'POST', `/api/items/${code}/drafts`, body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json().version;
  }

  describe('POST /api/items (create an implemented item)', () => {
    it('401 without a session', async () => {
      const cat = await createCatalogue();
      expectError(await t.call(undefined, 'POST', '/api/items', { catalogueItemId: cat.id, orgId: org('scjg'), levelDigit: 4 }), 401, 'AUTH.REQUIRED');
    });

    it('400 VALIDATION.FAILED for a missing catalogue item, a level digit out of range and an unknown field', async () => {
      expectError(await t.call(admin, 'POST', '/api/items', { orgId: org('scjg'), levelDigit: 4 }), 400, 'VALIDATION.FAILED', ['body.catalogueItemId']);
      expectError(await t.call(admin, 'POST', '/api/items', { catalogueItemId: 'x', orgId: org('scjg'), levelDigit: 7 }), 400, 'VALIDATION.FAILED', ['body.levelDigit']);
      expectError(await t.call(admin, 'POST', '/api/items', { catalogueItemId: 'x', orgId: org('scjg'), levelDigit: 4, code: 'x' }), 400, 'VALIDATION.FAILED', ['body']);
    });

    it("400 ITEM.INVALID_CODE when the level digit is not the org's level, or not a level the catalogue item is exercised at", async () => {
      const cat = await createCatalogue(uniformElements(), [4, 5]);
      const error = expectError(await t.call(admin, 'POST', '/api/items', { catalogueItemId: cat.id, orgId: org('scjg'), levelDigit: 5 }), 400, 'ITEM.INVALID_CODE', ['body.levelDigit']);
      expect(JSON.stringify(error.details)).toContain('4');
      const townOnly = await createCatalogue(uniformElements({ name: '农村宅基地审批' }), [5]);
      expectError(await t.call(admin, 'POST', '/api/items', { catalogueItemId: townOnly.id, orgId: org('scjg'), levelDigit: 4 }), 400, 'ITEM.INVALID_CODE', ['body.levelDigit']);
      // The town exercises it at its own level.
      expect((await t.call(admin, 'POST', '/api/items', { catalogueItemId: townOnly.id, orgId: org('glt'), levelDigit: 5 })).statusCode).toBe(201);
    });

    it('400 ITEM.INVALID_CODE for an org whose USCC fails its check character (legacy data): no item is created', async () => {
      const valid = demoUscc('150626', 90);
      const bad = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
      expect(isValidUscc(bad)).toBe(false);
      const now = new Date().toISOString();
      const badOrgId = newId();
      await t.database.db
        .insertInto('org')
        .values({
          id: badOrgId, parent_id: org('bureau'), kind: 'department', uscc: bad, level: 4, name_zh: '乌审旗旧数据局', name_en: null, name_mn: null,
          division_code: null, active: true, sort_order: 90, created_at: now, updated_at: now,
        })
        .execute();
      const cat = await createCatalogue();
      const error = expectError(await t.call(admin, 'POST', '/api/items', { catalogueItemId: cat.id, orgId: badOrgId, levelDigit: 4 }), 400, 'ITEM.INVALID_CODE', ['body.orgId']);
      expect(JSON.stringify(error.details)).toContain('统一社会信用代码');
      expect(await t.database.db.selectFrom('item').select('id').where('org_id', '=', badOrgId).execute()).toEqual([]);
    });

    it('404 for an unknown catalogue item or org, and for a department creating in another org', async () => {
      const cat = await createCatalogue();
      expectError(await t.call(admin, 'POST', '/api/items', { catalogueItemId: 'no-such-item', orgId: org('scjg'), levelDigit: 4 }), 404, 'CATALOGUE.NOT_FOUND');
      expectError(await t.call(admin, 'POST', '/api/items', { catalogueItemId: cat.id, orgId: 'no-such-org', levelDigit: 4 }), 404, 'ORG.NOT_FOUND');
      expectError(await t.call(scjg, 'POST', '/api/items', { catalogueItemId: cat.id, orgId: org('wjw'), levelDigit: 4 }), 404, 'ORG.NOT_FOUND');
      expect(await t.database.db.selectFrom('item').select('id').where('catalogue_item_id', '=', cat.id).execute()).toEqual([]);
    });

    it('403 for a reviewer and a department leader', async () => {
      const cat = await createCatalogue();
      expectError(await t.call(reviewer, 'POST', '/api/items', { catalogueItemId: cat.id, orgId: org('scjg'), levelDigit: 4 }), 403, 'ACCESS.FORBIDDEN');
      expectError(await t.call(scjgLeader, 'POST', '/api/items', { catalogueItemId: cat.id, orgId: org('scjg'), levelDigit: 4 }), 403, 'ACCESS.FORBIDDEN');
    });

    it('409 ITEM.EXISTS when the org already implements the catalogue item', async () => {
      const cat = await createCatalogue();
      expect((await t.call(admin, 'POST', '/api/items', { catalogueItemId: cat.id, orgId: org('scjg'), levelDigit: 4 })).statusCode).toBe(201);
      expectError(await t.call(scjg, 'POST', '/api/items', { catalogueItemId: cat.id, orgId: org('scjg'), levelDigit: 4 }), 409, 'ITEM.EXISTS');
    });

    it("201: a department creates its own item; the 31-char code is USCC + level + basic code; draft 1 holds the catalogue's elements; item.create", async () => {
      const uniform = uniformElements({ name: '小餐饮经营许可' });
      const cat = await createCatalogue(uniform);
      const res = await t.call(scjg, 'POST', '/api/items', { catalogueItemId: cat.id, orgId: org('scjg'), levelDigit: 4 });
      expect(res.statusCode, res.body).toBe(201);
      const item = res.json() as ItemDetail;
      const code = `${demoUsccOf('scjg')}4${cat.basicCode}`;
      expect(item).toMatchObject({ implementationCode: code, orgId: org('scjg'), basicCode: cat.basicCode, levelDigit: 4, current: null });
      expect(code).toHaveLength(31);
      expect(item.draft).toMatchObject({ versionNo: 1, state: 'draft', effectiveFrom: null });
      for (const key of Object.keys(uniform) as Array<keyof UniformElements>) expect(item.draft!.elements[key]).toEqual(uniform[key]);
      expect(item.draft!.handlingItems).toEqual([{ code: `${code}01`, seq: 1, name: '小餐饮经营许可', splitReason: '新设' }]);
      const row = await auditRowOf(t, 'item.create', res);
      expect(row).toMatchObject({ actor_id: scjg.userId, target_id: code });
      expect(row.summary).toMatchObject({ name: '小餐饮经营许可', orgId: org('scjg'), basicCode: cat.basicCode });
    });
  });

  describe('PUT /api/items/:code/versions/:versionNo (save a draft)', () => {
    it('401 without a session', async () => {
      const item = await createItem('scjg');
      expectError(await save(undefined as never, item.implementationCode, 1, itemElements()), 401, 'AUTH.REQUIRED');
    });

    it('400 VALIDATION.FAILED for a malformed element set: unknown unit, missing field, code of the wrong length', async () => {
      const item = await createItem('scjg');
      const el = itemElements() as unknown as Record<string, unknown>;
      const { caseKind: _caseKind, ...withoutCaseKind } = el;
      const bad = { ...withoutCaseKind, promisedTimeLimit: { amount: 3, unit: 'week' } };
      const error = expectError(await t.call(scjg, 'PUT', `/api/items/${item.implementationCode}/versions/1`, { elements: bad }), 400, 'VALIDATION.FAILED');
      const paths = (error.details as Array<{ path: string }>).map((d) => d.path);
      expect(paths).toContain('body.elements.caseKind');
      expect(paths.some((p) => p.startsWith('body.elements.promisedTimeLimit.unit'))).toBe(true);
      expectError(await t.call(scjg, 'PUT', `/api/items/${item.implementationCode.slice(0, 30)}/versions/1`, { elements: itemElements() }), 400, 'VALIDATION.FAILED', ['params.code']);
    });

    it("404 ITEM.NOT_FOUND for a department editing another org's item (the draft stays as it was), and for an unknown code", async () => {
      const item = await createItem('glt', { name: '嘎鲁图镇养犬登记' });
      const code = item.implementationCode;
      expectError(await save(scjg, code, 1, itemElements({}, { name: '被篡改的名称' })), 404, 'ITEM.NOT_FOUND');
      expect((await detail(glt, code)).draft!.elements.name).toBe('嘎鲁图镇养犬登记');
      expectError(await save(scjg, UNKNOWN_CODE, 1, itemElements()), 404, 'ITEM.NOT_FOUND');
    });

    it("403 for the org's leader, who may read but not edit its drafts; 404 ITEM.VERSION_NOT_FOUND for a version that does not exist", async () => {
      const item = await createItem('scjg');
      expect((await detail(scjgLeader, item.implementationCode)).draft).not.toBeNull();
      expectError(await save(scjgLeader, item.implementationCode, 1, itemElements()), 403, 'ACCESS.FORBIDDEN');
      expectError(await save(scjg, item.implementationCode, 9, itemElements()), 404, 'ITEM.VERSION_NOT_FOUND');
    });

    it('409 ITEM.VERSION_NOT_DRAFT when editing an effective version; it stays as published', async () => {
      const code = await effectiveItem('scjg');
      const error = expectError(await save(scjg, code, 1, itemElements({ consultPhone: '0477-0000000' })), 409, 'ITEM.VERSION_NOT_DRAFT');
      expect(error.details).toEqual({ state: 'final', allowedActions: ['startDraft'] });
      const published = (await t.call(undefined, 'GET', `/api/public/items/${code}`)).json();
      expect(published.elements.consultPhone).toBe('0477-7212345');
    });

    it('200 with the problem at `promisedTimeLimit` when the promised limit exceeds the statutory one; the draft is kept', async () => {
      const item = await createItem('scjg');
      const res = await save(scjg, item.implementationCode, 1, itemElements({ promisedTimeLimit: { amount: 11, unit: 'workday' } }));
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().problems).toEqual([{ path: 'promisedTimeLimit', message: expect.stringMatching(/法定办结时限/) }]);
      expect((await detail(scjg, item.implementationCode)).draft!.elements.promisedTimeLimit).toEqual({ amount: 11, unit: 'workday' });
    });

    it('200: saves the elements, returns no problems, and writes item.save_draft with the changed element paths', async () => {
      const item = await createItem('scjg');
      const el = itemElements({ consultPhone: '0477-7219999' });
      const res = await save(scjg, item.implementationCode, 1, el, '补全本地要素');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().problems).toEqual([]);
      expect(res.json().version).toMatchObject({ versionNo: 1, state: 'draft', elements: el });
      const row = await auditRowOf(t, 'item.save_draft', res);
      expect(row).toMatchObject({ actor_id: scjg.userId, target_id: item.implementationCode });
      expect(row.summary.versionNo).toBe(1);
      expect(row.summary.changed).toEqual(expect.arrayContaining(['consultPhone', 'place', 'onlineDepth']));
    });
  });

  describe('POST /api/items/:code/versions/:versionNo/load (bureau loads a draft directly)', () => {
    it('401 without a session', async () => {
      const item = await createItem('scjg');
      expectError(await t.call(undefined, 'POST', `/api/items/${item.implementationCode}/versions/1/load`, {}), 401, 'AUTH.REQUIRED');
    });

    it('400 VALIDATION.FAILED for a malformed effective date', async () => {
      const item = await createItem('scjg');
      expectError(await load(item.implementationCode, 1, 'next monday'), 400, 'VALIDATION.FAILED', ['body.effectiveFrom']);
    });

    it('400 ITEM.DRAFT_INVALID listing every problem (promised > statutory among them); the version stays a draft', async () => {
      const item = await createItem('scjg');
      const code = item.implementationCode;
      await save(scjg, code, 1, itemElements({ promisedTimeLimit: { amount: 20, unit: 'workday' }, complaintPhone: '' }));
      const error = expectError(await load(code, 1), 400, 'ITEM.DRAFT_INVALID', ['promisedTimeLimit', 'complaintPhone']);
      expect((error.details as Array<{ message: string }>).every((d) => /\p{Script=Han}/u.test(d.message))).toBe(true);
      const after = await detail(admin, code);
      expect(after.current).toBeNull();
      expect(after.draft).toMatchObject({ versionNo: 1, state: 'draft' });
    });

    it('403 for a department editor and a reviewer; 404 ITEM.NOT_FOUND for an unknown code', async () => {
      const item = await createItem('scjg');
      await save(scjg, item.implementationCode, 1, itemElements());
      expectError(await t.call(scjg, 'POST', `/api/items/${item.implementationCode}/versions/1/load`, {}), 403, 'ACCESS.FORBIDDEN');
      expectError(await t.call(reviewer, 'POST', `/api/items/${item.implementationCode}/versions/1/load`, {}), 403, 'ACCESS.FORBIDDEN');
      expect((await detail(scjg, item.implementationCode)).current).toBeNull();
      expectError(await load(UNKNOWN_CODE, 1), 404, 'ITEM.NOT_FOUND');
    });

    it('409 ITEM.VERSION_NOT_DRAFT when loading an effective version again', async () => {
      const code = await effectiveItem('scjg');
      const error = expectError(await load(code, 1), 409, 'ITEM.VERSION_NOT_DRAFT');
      expect(error.details).toMatchObject({ state: 'final' });
    });

    it('409 ITEM.INTERVAL_OVERLAP for a version starting before one already loaded; the draft stays a draft', async () => {
      const code = await effectiveItem('scjg', { effectiveFrom: '2026-06-01' });
      const draft = await newDraft(scjg, code);
      expect(draft.versionNo).toBe(2);
      await save(scjg, code, 2, itemElements({ promisedTimeLimit: { amount: 2, unit: 'workday' } }));
      const error = expectError(await load(code, 2, '2026-03-01'), 409, 'ITEM.INTERVAL_OVERLAP');
      expect(error.details).toEqual({ conflictingVersions: [{ versionNo: 1, effectiveFrom: '2026-05-31T16:00:00.000Z' }] });
      const after = await detail(admin, code);
      expect(after.draft).toMatchObject({ versionNo: 2, state: 'draft' });
      expect(after.versions.filter((v) => v.state === 'final').map((v) => v.versionNo)).toEqual([1]);
      // A later start is fine: version 1 is closed where version 2 begins.
      expect((await load(code, 2, '2026-07-01')).statusCode).toBe(200);
      const history = (await detail(admin, code)).versions;
      expect(history.map((v) => [v.versionNo, v.state, v.effectiveFrom])).toEqual([
        [2, 'final', '2026-06-30T16:00:00.000Z'],
        [1, 'final', '2026-05-31T16:00:00.000Z'],
      ]);
    });

    it('200: the version becomes effective with its handling items, shows publicly, and item.load is written', async () => {
      const item = await createItem('scjg', { name: '食品经营许可（载入）' });
      const code = item.implementationCode;
      await save(scjg, code, 1, itemElements({}, { name: '食品经营许可（载入）' }));
      const res = await load(code, 1);
      expect(res.statusCode, res.body).toBe(200);
      const loaded = res.json() as ItemDetail;
      expect(loaded.draft).toBeNull();
      expect(loaded.current).toMatchObject({ versionNo: 1, state: 'final', effectiveTo: null });
      expect(loaded.current!.handlingItems.map((h) => h.code)).toEqual([`${code}01`, `${code}02`]);
      const handlingRows = await t.database.db.selectFrom('handling_item').select(['code', 'split_reason']).where('code', 'like', `${code}%`).orderBy('seq').execute();
      expect(handlingRows).toEqual([{ code: `${code}01`, split_reason: '新设' }, { code: `${code}02`, split_reason: '变更' }]);
      const row = await auditRowOf(t, 'item.load', res);
      expect(row).toMatchObject({ actor_id: admin.userId, target_id: code });
      expect(row.summary).toMatchObject({ versionNo: 1, effectiveFrom: loaded.current!.effectiveFrom });
      const pub = await t.call(undefined, 'GET', `/api/public/items/${code}`);
      expect(pub.statusCode, pub.body).toBe(200);
      expect(pub.json()).toMatchObject({ implementationCode: code, versionNo: 1, elements: { name: '食品经营许可（载入）' } });
    });
  });

  describe('POST /api/items/:code/drafts (open a new draft)', () => {
    it('401 without a session', async () => {
      const code = await effectiveItem('scjg');
      expectError(await t.call(undefined, 'POST', `/api/items/${code}/drafts`, {}), 401, 'AUTH.REQUIRED');
    });

    it("404 for another org's item; 403 for the org's leader", async () => {
      const code = await effectiveItem('scjg');
      expectError(await t.call(glt, 'POST', `/api/items/${code}/drafts`, {}), 404, 'ITEM.NOT_FOUND');
      expectError(await t.call(scjgLeader, 'POST', `/api/items/${code}/drafts`, {}), 403, 'ACCESS.FORBIDDEN');
      expect((await detail(admin, code)).draft).toBeNull();
    });

    it('409 ITEM.DRAFT_EXISTS when a draft is already open', async () => {
      const code = await effectiveItem('scjg');
      await newDraft(scjg, code);
      expectError(await t.call(scjg, 'POST', `/api/items/${code}/drafts`, {}), 409, 'ITEM.DRAFT_EXISTS');
    });

    it('201: the draft starts from the effective version, and item.start_draft is written', async () => {
      const code = await effectiveItem('scjg', { local: { consultPhone: '0477-7211111' } });
      const res = await t.call(scjg, 'POST', `/api/items/${code}/drafts`, {});
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().version).toMatchObject({ versionNo: 2, state: 'draft', elements: { consultPhone: '0477-7211111' } });
      expect(res.json().problems).toEqual([]);
      const row = await auditRowOf(t, 'item.start_draft', res);
      expect(row).toMatchObject({ actor_id: scjg.userId, target_id: code });
      expect(row.summary).toEqual({ versionNo: 2 });
    });
  });

  describe('POST /api/items/:code/versions/:versionNo/discard', () => {
    it('409 ITEM.VERSION_NOT_DRAFT for an effective version; 204 for a draft, with item.discard_draft', async () => {
      const code = await effectiveItem('scjg');
      expectError(await t.call(scjg, 'POST', `/api/items/${code}/versions/1/discard`, {}), 409, 'ITEM.VERSION_NOT_DRAFT');
      await newDraft(scjg, code);
      expectError(await t.call(glt, 'POST', `/api/items/${code}/versions/2/discard`, {}), 404, 'ITEM.NOT_FOUND');
      const res = await t.call(scjg, 'POST', `/api/items/${code}/versions/2/discard`, {});
      expect(res.statusCode, res.body).toBe(204);
      expect((await detail(scjg, code)).draft).toBeNull();
      expect((await auditRowOf(t, 'item.discard_draft', res)).summary).toEqual({ versionNo: 2 });
    });
  });

  describe('drafts are internal to their org, the bureau and auditors', () => {
    let code: string;
    beforeAll(async () => {
      code = await effectiveItem('scjg', { uniform: { name: '公共场所卫生许可' } });
      await newDraft(scjg, code);
      await save(scjg, code, 2, itemElements({}, { name: '公共场所卫生许可（草稿改名）' }));
    });

    it('another department sees the effective version only: no draft, no draft in the history', async () => {
      const seen = await detail(glt, code);
      expect(seen.current!.elements.name).toBe('公共场所卫生许可');
      expect(seen.draft).toBeNull();
      expect(seen.versions.map((v) => v.state)).toEqual(['final']);
    });

    it('the owning org, the bureau and an auditor see the draft', async () => {
      for (const session of [scjg, scjgLeader, admin, reviewer, auditor]) {
        const seen = await detail(session, code);
        expect(seen.draft?.elements.name).toBe('公共场所卫生许可（草稿改名）');
        expect(seen.versions.map((v) => v.state)).toEqual(['draft', 'final']);
      }
    });

    it('validating or diffing the draft answers 404 to another department', async () => {
      expectError(await t.call(glt, 'POST', `/api/items/${code}/versions/2/validate`, {}), 404, 'ITEM.NOT_FOUND');
      expectError(await t.call(glt, 'GET', `/api/items/${code}/diff?from=1&to=2`), 404, 'ITEM.VERSION_NOT_FOUND');
      expect((await t.call(scjg, 'POST', `/api/items/${code}/versions/2/validate`, {})).json().problems).toEqual([]);
    });

    it('the public sees neither the draft nor its name, in the element set, the list or search', async () => {
      const pub = await t.call(undefined, 'GET', `/api/public/items/${code}`);
      expect(pub.json()).toMatchObject({ versionNo: 1, state: 'final', elements: { name: '公共场所卫生许可' } });
      const listed = (await t.call(undefined, 'GET', `/api/public/items?org=${org('scjg')}&limit=100`)).json() as ListPage;
      expect(listed.items.find((i) => i.implementationCode === code)).toMatchObject({ name: '公共场所卫生许可', versionNo: 1 });
      const searched = (await t.call(undefined, 'GET', `/api/public/items?q=${encodeURIComponent('草稿改名')}`)).json() as ListPage;
      expect(searched.items).toEqual([]);
    });

    it('an item with only a draft is not public at all: 404 ITEM.NOT_EFFECTIVE, absent from the list', async () => {
      const item = await createItem('scjg', { name: '只有草稿的事项' });
      expectError(await t.call(undefined, 'GET', `/api/public/items/${item.implementationCode}`), 404, 'ITEM.NOT_EFFECTIVE');
      const listed = (await t.call(undefined, 'GET', `/api/public/items?org=${org('scjg')}&limit=100`)).json() as ListPage;
      expect(listed.items.map((i) => i.implementationCode)).not.toContain(item.implementationCode);
    });

    it('GET /api/items/drafts: the org\'s own drafts (new items among them); every org for the bureau and auditors; nothing of another org', async () => {
      const item = await createItem('scjg', { name: '仅草稿可见的新事项' });
      type Drafts = { items: Array<{ implementationCode: string; name: string; hasFinalVersion: boolean; orgName: string }> };
      const mine = (await t.call(scjg, 'GET', '/api/items/drafts')).json() as Drafts;
      expect(mine.items.find((d) => d.implementationCode === item.implementationCode)).toMatchObject({ hasFinalVersion: false, orgName: '乌审旗市场监督管理局' });
      expect(mine.items.find((d) => d.implementationCode === code)).toMatchObject({ name: '公共场所卫生许可（草稿改名）', hasFinalVersion: true });
      for (const session of [admin, auditor]) {
        const all = (await t.call(session, 'GET', `/api/items/drafts?org=${org('scjg')}`)).json() as Drafts;
        expect(all.items.map((d) => d.implementationCode)).toEqual(expect.arrayContaining([item.implementationCode, code]));
      }
      const other = (await t.call(glt, 'GET', '/api/items/drafts')).json() as Drafts;
      expect(other.items.map((d) => d.implementationCode)).not.toContain(code);
      expect((await t.call(glt, 'GET', `/api/items/drafts?org=${org('scjg')}`)).json()).toEqual({ items: [] });
      expect((await t.call(undefined, 'GET', '/api/items/drafts')).statusCode).toBe(401);
    });
  });

  describe('GET /api/items/:code/diff', () => {
    it('401 without a session; 404 for a version that does not exist', async () => {
      const code = await effectiveItem('scjg');
      expectError(await t.call(undefined, 'GET', `/api/items/${code}/diff?from=1&to=1`), 401, 'AUTH.REQUIRED');
      expectError(await t.call(admin, 'GET', `/api/items/${code}/diff?from=1&to=5`), 404, 'ITEM.VERSION_NOT_FOUND');
    });

    it('lists the element changes between two versions, and nothing for whitespace-only edits', async () => {
      const code = await effectiveItem('scjg', { effectiveFrom: '2025-01-01' });
      await newDraft(scjg, code);
      const changed = itemElements({ promisedTimeLimit: { amount: 2, unit: 'workday' }, hours: '  工作日 9:00—12:00，\n14:30—17:30 ' });
      changed.materials = [...changed.materials, { name: '食品安全自查制度', kind: '原件', copies: 1, required: '必要', source: '申请人自备' }];
      await save(scjg, code, 2, changed);
      const res = await t.call(scjg, 'GET', `/api/items/${code}/diff?from=1&to=2`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({
        from: 1,
        to: 2,
        changes: [
          { path: 'materials[食品安全自查制度]', kind: 'added', after: changed.materials[2] },
          { path: 'promisedTimeLimit.amount', kind: 'changed', before: 3, after: 2 },
        ],
      });
    });
  });

  describe('list queries: GET /api/items (staff) and GET /api/public/items (no login)', () => {
    it('401 for the staff list without a session; the public list needs none', async () => {
      expectError(await t.call(undefined, 'GET', '/api/items'), 401, 'AUTH.REQUIRED');
      expect((await t.call(undefined, 'GET', '/api/public/items')).statusCode).toBe(200);
    });

    it('400 VALIDATION.FAILED for a malformed date, type or limit', async () => {
      expectError(await t.call(undefined, 'GET', '/api/public/items?asOf=yesterday'), 400, 'VALIDATION.FAILED', ['querystring.asOf']);
      expectError(await t.call(undefined, 'GET', '/api/public/items?type=XK'), 400, 'VALIDATION.FAILED', ['querystring.type']);
      expectError(await t.call(undefined, 'GET', '/api/public/items?limit=0'), 400, 'VALIDATION.FAILED', ['querystring.limit']);
      expectError(await t.call(undefined, 'GET', `/api/public/items?q=${encodeURIComponent('许可')}&cursor=${Buffer.from('-5').toString('base64url')}`), 400, 'LIST.INVALID_CURSOR');
    });

    it('the list as of a date before a change shows the old version, after it the new one; before the first, nothing', async () => {
      const code = await effectiveItem('wjw', { uniform: { name: '医师执业注册' }, effectiveFrom: '2025-01-01' });
      await newDraft(admin, code);
      await save(admin, code, 2, itemElements({ promisedTimeLimit: { amount: 1, unit: 'workday' } }, { name: '医师执业注册' }));
      expect((await load(code, 2, '2025-07-01')).statusCode).toBe(200);

      const at = async (asOf?: string) => {
        const page = (await t.call(undefined, 'GET', `/api/public/items?org=${org('wjw')}${asOf ? `&asOf=${asOf}` : ''}`)).json() as ListPage;
        return page.items.find((i) => i.implementationCode === code);
      };
      expect(await at('2024-12-31')).toBeUndefined();
      expect(await at('2025-01-01')).toMatchObject({ versionNo: 1, promisedTimeLimit: { amount: 3 } });
      expect(await at('2025-06-30')).toMatchObject({ versionNo: 1, promisedTimeLimit: { amount: 3 } });
      expect(await at('2025-07-01')).toMatchObject({ versionNo: 2, promisedTimeLimit: { amount: 1 } });
      expect(await at()).toMatchObject({ versionNo: 2 });

      const element = async (asOf: string) => (await t.call(undefined, 'GET', `/api/public/items/${code}?asOf=${asOf}`)).json();
      expect(await element('2025-03-01')).toMatchObject({ versionNo: 1, effectiveTo: '2025-06-30T16:00:00.000Z' });
      expect(await element('2025-08-01')).toMatchObject({ versionNo: 2, effectiveTo: null });
      expectError(await t.call(undefined, 'GET', `/api/public/items/${code}?asOf=2024-06-01`), 404, 'ITEM.NOT_EFFECTIVE');
    });

    it('keyset pagination walks the whole list without duplicates or gaps, in code order; filters narrow it', async () => {
      const codes: string[] = [];
      for (let i = 0; i < 7; i++) {
        codes.push(await effectiveItem('nmj', {
          uniform: { name: `种畜禽生产经营许可${i}`, type: i % 2 ? '07' : '01' },
          local: { caseKind: i === 0 ? 1 : 2, promisedTimeLimit: { amount: i === 0 ? 1 : 3, unit: 'workday' }, themes: i < 3 ? ['农牧业'] : ['其他'], onlineDepth: i < 2 ? 2 : 4 },
        }));
      }
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const url: string = `/api/public/items?org=${org('nmj')}&limit=3${cursor ? `&cursor=${cursor}` : ''}`;
        const page = (await t.call(undefined, 'GET', url)).json() as ListPage;
        expect(page.total).toBe(7);
        expect(page.totalCapped).toBe(false);
        expect(page.items.length).toBeLessThanOrEqual(3);
        seen.push(...page.items.map((i) => i.implementationCode));
        cursor = page.nextCursor;
        pages += 1;
      } while (cursor && pages < 10);
      expect(pages).toBe(3);
      expect(seen).toEqual([...codes].sort());

      const count = async (filter: string) => ((await t.call(undefined, 'GET', `/api/public/items?org=${org('nmj')}&${filter}`)).json() as ListPage).total;
      expect(await count('type=07')).toBe(3);
      expect(await count('type=01')).toBe(4);
      expect(await count('caseKind=1')).toBe(1);
      expect(await count(`theme=${encodeURIComponent('农牧业')}`)).toBe(3);
      expect(await count('onlineDepth=3')).toBe(5);
      expect(await count('recipient=2')).toBe(7);
      expect(await count('recipient=1')).toBe(0);
    });
  });

  describe('secret (涉密) filing items stay off the public list', () => {
    let secret: string;
    let open: string;
    beforeAll(async () => {
      const filingUniform = { type: '11' };
      secret = await effectiveItem('zjj', { uniform: { ...filingUniform, name: '涉密工程备案' }, local: { filing: { category: 'notice', secret: true } } });
      open = await effectiveItem('zjj', { uniform: { ...filingUniform, name: '建设工程消防验收备案' }, local: { filing: { category: 'notice', secret: false } } });
    });

    it('the public list, search and element set do not show a secret item; a non-secret filing item shows', async () => {
      const listed = (await t.call(undefined, 'GET', `/api/public/items?org=${org('zjj')}`)).json() as ListPage;
      expect(listed.items.map((i) => i.implementationCode)).toEqual([open]);
      expect(listed.total).toBe(1);
      const searched = (await t.call(undefined, 'GET', `/api/public/items?q=${encodeURIComponent('工程备案')}`)).json() as ListPage;
      expect(searched.items.map((i) => i.implementationCode)).toEqual([]);
      const both = (await t.call(undefined, 'GET', `/api/public/items?q=${encodeURIComponent('备案')}&org=${org('zjj')}`)).json() as ListPage;
      expect(both.items.map((i) => i.implementationCode)).toEqual([open]);
      expect(both.total).toBe(1);
      expectError(await t.call(undefined, 'GET', `/api/public/items/${secret}`), 404, 'ITEM.NOT_FOUND');
      expect((await t.call(undefined, 'GET', `/api/public/items/${open}`)).statusCode).toBe(200);
    });

    it('staff still find it in the workbench list and its detail', async () => {
      const listed = (await t.call(admin, 'GET', `/api/items?org=${org('zjj')}`)).json() as ListPage;
      expect(listed.items.map((i) => i.implementationCode).sort()).toEqual([open, secret].sort());
      expect((await detail(admin, secret)).current!.elements.filing).toEqual({ category: 'notice', secret: true });
    });
  });
});
