import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ItemElements, UniformElements } from '../../../common/item-elements.ts';
import { itemElements, uniformElements } from '../../test/factories.ts';
import { createCatalogueItem, demoOrg, demoOrgIds, implementItem } from '../../test/routes.ts';
import { buildTestApp, TEST_DIALECT, type Session, type TestApp } from '../../test/test-app.ts';

// Chinese search over the current list (GET /api/public/items?q=): 1-, 2-, 3- and 5-character queries, Latin
// keywords and codes, relevance order, filters, paging and counts — the same answers on SQLite and PostgreSQL.

interface ListPage {
  items: Array<{ implementationCode: string; name: string; orgName: string; typeLabel: string }>;
  total: number;
  totalCapped: boolean;
  nextCursor: string | null;
}

interface Spec {
  key: string;
  org: string;
  name: string;
  keywords: string[];
  type?: string;
  law?: string;
}

// A small list whose expected answers can be read off by eye.
const SPECS: Spec[] = [
  { key: 'A', org: 'scjg', name: '食品经营许可', keywords: ['餐饮', 'XK'] },
  { key: 'B', org: 'scjg', name: '食品经营许可延续登记事项', keywords: [] },
  { key: 'C', org: 'scjg', name: '小作坊食品经营许可', keywords: [] },
  { key: 'D', org: 'wjw', name: '医师执业注册', keywords: ['Doctor'], law: '《中华人民共和国医师法》' },
  { key: 'E', org: 'wjw', name: '公共场所卫生许可', keywords: [] },
  { key: 'F', org: 'gaj', name: '养犬登记', keywords: ['dog'] },
  { key: 'G', org: 'nmj', name: '动物防疫条件合格证核发', keywords: [], type: '07' },
  { key: 'H', org: 'wjw', name: '医疗机构执业许可证', keywords: [] },
  { key: 'I', org: 'city', name: '道路运输经营许可', keywords: [] },
  // Holds 食品 and 电子商务 only outside its name (a keyword, the legal basis): ranked after every name match.
  { key: 'J', org: 'scjg', name: '网络交易平台备案', keywords: ['食品'], law: '《中华人民共和国电子商务法》' },
];

describe(`search (${TEST_DIALECT})`, () => {
  let t: TestApp;
  let admin: Session;
  let orgIds: Record<string, string>;
  const codes = new Map<string, string>();
  const basicCodes = new Map<string, string>();
  const code = (key: string) => codes.get(key)!;
  const keyOf = (implementationCode: string) => [...codes].find(([, c]) => c === implementationCode)?.[0] ?? implementationCode;

  function elementsOf(s: Spec): { uniform: UniformElements; local: Partial<ItemElements> } {
    const uniform = uniformElements({
      name: s.name,
      type: s.type ?? '01',
      legalBasis: [{ law: s.law ?? '《中华人民共和国行政许可法》', article: '第十二条' }],
    });
    const local: Partial<ItemElements> = {
      keywords: s.keywords,
      handlingItems: [{ seq: 1, name: `${s.name}（新设）`, splitReason: '新设' }],
    };
    return { uniform, local };
  }

  async function loadItem(s: Spec, uniform: UniformElements, local: Partial<ItemElements>): Promise<string> {
    const cat = await createCatalogueItem(t, admin, uniform, [3, 4]);
    const implementationCode = await implementItem(t, admin, cat.id, { orgId: orgIds[s.org], levelDigit: demoOrg(s.org).level, elements: itemElements(local, uniform) });
    basicCodes.set(s.key, cat.basicCode);
    return implementationCode;
  }

  beforeAll(async () => {
    t = await buildTestApp();
    admin = await t.login('admin');
    orgIds = await demoOrgIds(t, admin);
    for (const s of SPECS) {
      const { uniform, local } = elementsOf(s);
      codes.set(s.key, await loadItem(s, uniform, local));
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  async function search(q: string, extra = ''): Promise<ListPage> {
    const res = await t.call(undefined, 'GET', `/api/public/items?q=${encodeURIComponent(q)}&limit=100${extra}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  }
  /** The keys of the items found, in relevance order. */
  const found = async (q: string, extra = '') => (await search(q, extra)).items.map((i) => keyOf(i.implementationCode));
  const sorted = (keys: string[]) => [...keys].sort();

  it('1 character: every item whose name or other fields hold it', async () => {
    expect(await found('证')).toEqual(['H', 'G']);
    expect(await found('犬')).toEqual(['F']);
    expect(await found('鲸')).toEqual([]);
  });

  it('2 characters: names first, then keywords and legal basis titles', async () => {
    const hits = await found('许可');
    // F and G hold 许可 only in their legal basis (《中华人民共和国行政许可法》): after every name match.
    expect(sorted(hits.slice(0, 6))).toEqual(['A', 'B', 'C', 'E', 'H', 'I']);
    expect(sorted(hits.slice(6))).toEqual(['F', 'G']);
    expect(hits[0]).toBe('A');
    expect(hits[5]).toBe('B');
    expect(await found('餐饮')).toEqual(['A']);
    expect(await found('执业')).toEqual(['D', 'H']);
  });

  it('3 characters', async () => {
    expect(await found('经营许')).toEqual(['A', 'I', 'C', 'B']);
    expect(await found('医师法')).toEqual(['D']);
  });

  it('5 characters: name prefixes before names that merely contain the query', async () => {
    expect(await found('食品经营许')).toEqual(['A', 'B', 'C']);
  });

  it('relevance: the exact name first, then names starting with it (even when longer), then names containing it', async () => {
    expect(await found('食品经营许可')).toEqual(['A', 'B', 'C']);
    expect(await found('医疗机构执业许可证')).toEqual(['H']);
  });

  it('Latin keywords of 1, 2 and more letters, in any case', async () => {
    expect(await found('doctor')).toEqual(['D']);
    expect(await found('DOCTOR')).toEqual(['D']);
    expect(await found('Dog')).toEqual(['F']);
    expect(await found('xk')).toEqual(['A']);
    expect(await found('x')).toEqual(['A']);
  });

  it('codes: a whole implementation code, a handling-item code, a basic code, and a 10-character code prefix', async () => {
    expect(await found(code('D'))).toEqual(['D']);
    expect(await found(`${code('A')}01`)).toEqual(['A']);
    expect(await found(basicCodes.get('E')!)).toEqual(['E']);
    expect(await found(basicCodes.get('E')!.toLowerCase())).toEqual(['E']);
    const banner = code('A').slice(0, 10);
    expect(banner).toBe('1115062699');
    expect(sorted(await found(banner))).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'J']);
    expect(await found(code('I').slice(0, 10))).toEqual(['I']);
  });

  it('items that hold the query only outside their name (keywords, legal basis) come after every name match', async () => {
    expect(await found('食品')).toEqual(['A', 'B', 'C', 'J']);
    expect(await found('电子商务')).toEqual(['J']);
    expect(await found('食品 电子商务')).toEqual(['J']);
    expect(await found('平台 食品')).toEqual(['J']);
    const page = await search('食品');
    expect(page).toMatchObject({ total: 4, totalCapped: false });
  });

  it('several terms must all match', async () => {
    expect(sorted(await found('食品 许可'))).toEqual(['A', 'B', 'C']);
    expect(await found('公共 许可')).toEqual(['E']);
    expect(await found('公共 登记')).toEqual([]);
  });

  it('LIKE wildcards and quotes in a query are plain characters', async () => {
    expect(await found('%%%')).toEqual([]);
    expect(await found('许_')).toEqual([]);
    expect(await found('经营%')).toEqual([]);
    expect(await found('"许可"')).toEqual([]);
  });

  it('filters by org and type narrow the hits; other filters too', async () => {
    expect(sorted(await found('许可', `&org=${orgIds.wjw}`))).toEqual(['E', 'H']);
    expect(await found('证', '&type=07')).toEqual(['G']);
    const withCaseKind = await search('许可', '&caseKind=2');
    expect(sorted(withCaseKind.items.map((i) => keyOf(i.implementationCode)))).toEqual(['A', 'B', 'C', 'E', 'F', 'G', 'H', 'I']);
    expect(withCaseKind.total).toBe(8);
    expect(await found('许可', '&caseKind=1')).toEqual([]);
  });

  it('counts are exact and not capped on a small list', async () => {
    const page = await search('许可');
    expect(page).toMatchObject({ total: 8, totalCapped: false, nextCursor: null });
    expect(page.items[0]).toMatchObject({ name: '食品经营许可', orgName: '乌审旗市场监督管理局', typeLabel: '行政许可' });
    expect((await search('鲸')).total).toBe(0);
  });

  it('pages through the hits in relevance order without duplicates or gaps', async () => {
    const all = await found('许可');
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await t.call(undefined, 'GET', `/api/public/items?q=${encodeURIComponent('许可')}&limit=4${cursor ? `&cursor=${cursor}` : ''}`);
      const page = res.json() as ListPage;
      expect(page.total).toBe(8);
      seen.push(...page.items.map((i) => keyOf(i.implementationCode)));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 5);
    expect(pages).toBe(2);
    expect(seen).toEqual(all);
    // Across the boundary between name matches and other-field matches: pages of one.
    const food = await found('食品');
    const oneByOne: string[] = [];
    cursor = null;
    do {
      const page = (await t.call(undefined, 'GET', `/api/public/items?q=${encodeURIComponent('食品')}&limit=1${cursor ? `&cursor=${cursor}` : ''}`)).json() as ListPage;
      expect(page.total).toBe(4);
      oneByOne.push(...page.items.map((i) => keyOf(i.implementationCode)));
      cursor = page.nextCursor;
    } while (cursor && oneByOne.length < 10);
    expect(oneByOne).toEqual(food);
    // Dense other-field hits (every item's code holds the banner's division code): early pages walk the code index,
    // later ones sort the fetched hits; both give the same order as one big page.
    const banner = code('A').slice(0, 10);
    const whole = await found(banner);
    const walked: string[] = [];
    cursor = null;
    do {
      const page = (await t.call(undefined, 'GET', `/api/public/items?q=${banner}&limit=1${cursor ? `&cursor=${cursor}` : ''}`)).json() as ListPage;
      expect(page.total).toBe(whole.length);
      walked.push(...page.items.map((i) => keyOf(i.implementationCode)));
      cursor = page.nextCursor;
    } while (cursor && walked.length < 20);
    expect(walked).toEqual(whole);
  });

  it('follows the effective version: a renamed item is found by its new name only', async () => {
    const f = SPECS.find((s) => s.key === 'F')!;
    const draft = await t.call(admin, 'POST', `/api/items/${code('F')}/drafts`, {});
    expect(draft.statusCode, draft.body).toBe(201);
    const { uniform, local } = elementsOf({ ...f, name: '犬只登记证核发' });
    const versionNo = draft.json().version.versionNo as number;
    expect((await t.call(admin, 'PUT', `/api/items/${code('F')}/versions/${versionNo}`, { elements: itemElements(local, uniform) })).statusCode).toBe(200);
    expect(await found('犬只')).toEqual([]);
    expect((await t.call(admin, 'POST', `/api/items/${code('F')}/versions/${versionNo}/load`, {})).statusCode).toBe(200);
    expect(await found('养犬')).toEqual([]);
    expect((await search('养犬')).total).toBe(0);
    expect(await found('犬只')).toEqual(['F']);
    expect((await search('犬只')).total).toBe(1);
    expect(await found('证')).toEqual(['F', 'H', 'G']);
  });
});

describe('search follows versions scheduled for a later day', () => {
  it('a version loaded for the future enters search when the job runs after its start', async () => {
    const { buildTestApp } = await import('../../test/test-app.ts');
    const { itemElements, nextBasicCode, uniformElements } = await import('../../test/factories.ts');
    const { runJobsOnce } = await import('../../jobs/scheduler.ts');
    const app = await buildTestApp();
    try {
      const admin = await app.login('admin');
      const orgs = (await app.call(admin, 'GET', '/api/orgs')).json().items as Array<{ id: string; nameZh: string }>;
      const scjg = orgs.find((o) => o.nameZh === '乌审旗市场监督管理局')!.id;
      const cat = await app.call(admin, 'POST', '/api/catalogue-items', { basicCode: nextBasicCode(), origin: 'local', levels: [4], uniform: uniformElements({ name: '犬只收容认领登记' }) });
      const code = (await app.call(admin, 'POST', '/api/items', { catalogueItemId: cat.json().id, orgId: scjg, levelDigit: 4 })).json().implementationCode;
      await app.call(admin, 'PUT', `/api/items/${code}/versions/1`, { elements: itemElements({}, { name: '犬只收容认领登记' }) });
      const start = new Date(Date.now() + 60_000).toISOString();
      expect((await app.call(admin, 'POST', `/api/items/${code}/versions/1/load`, { effectiveFrom: start })).statusCode).toBe(200);
      const before = (await app.call(undefined, 'GET', `/api/public/items?q=${encodeURIComponent('犬只收容')}`)).json();
      expect(before.total).toBe(0);
      await runJobsOnce(app.database.db, app.database.dialect, app.config, 'node-x', new Date(Date.now() + 120_000));
      // Search answers "now"; look at the index directly, as the public list will see it once the minute has passed.
      const row = await app.database.db.selectFrom('item_search').select('name').where('implementation_code', '=', code).executeTakeFirst();
      expect(row?.name).toBe('犬只收容认领登记');
    } finally {
      await app.close();
    }
  });
});
