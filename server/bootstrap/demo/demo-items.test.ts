import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { THEMES } from '../../../common/dictionaries.ts';
import { itemProblems, uniformOf } from '../../../common/item-elements.ts';
import { buildApp } from '../../app.ts';
import { loadConfig, type Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import { getItemDetail } from '../../domain/catalogue/items.service.ts';
import { listDeviations, listItems } from '../../domain/catalogue/list.service.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { createTestDatabase } from '../../test/test-app.ts';
import { DEMO_ORGS, demoUscc } from './demo-orgs.ts';
import { buildDemoElements, buildDemoUniform, catalogueLevels, DEMO_CATALOGUE, DEMO_REVISIONS, demoOrg, reviseDemoElements } from './demo-items.ts';
import { TOWNS } from './demo-items-dsl.ts';
import { seedDemo } from './seed-demo.ts';
import { seedDemoItems } from './seed-items.ts';

const pairs = DEMO_CATALOGUE.flatMap((entry) => entry.orgs.map((org) => ({ entry, org })));
const isTown = (key: string) => (TOWNS as readonly string[]).includes(key);

describe('demo list data', () => {
  it('has at least 130 catalogue items and 300 implemented items', () => {
    expect(DEMO_CATALOGUE.length).toBeGreaterThanOrEqual(130);
    expect(pairs.length).toBeGreaterThanOrEqual(300);
  });

  it('every element set passes itemProblems, the optimised second versions too', () => {
    const failing = pairs
      .map(({ entry, org }) => ({ name: entry.name, org, problems: itemProblems(buildDemoElements(entry, org), { filingTypeCode: '11' }) }))
      .filter((r) => r.problems.length > 0);
    expect(failing).toEqual([]);
    for (const entry of DEMO_REVISIONS) {
      expect(itemProblems(reviseDemoElements(buildDemoElements(entry, entry.orgs[0])), { filingTypeCode: '11' })).toEqual([]);
    }
  });

  it('basic codes are unique, 12 characters, 150000 + 6 digits', () => {
    const codes = DEMO_CATALOGUE.map((e) => e.basicCode);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^150000\d{6}$/);
  });

  it('names every implementing org by a DEMO_ORGS key, once per entry', () => {
    const keys = new Set(DEMO_ORGS.map((o) => o.key));
    for (const e of DEMO_CATALOGUE) {
      for (const org of e.orgs) expect(keys.has(org), `${e.name}: ${org}`).toBe(true);
      expect(new Set(e.orgs).size).toBe(e.orgs.length);
    }
  });

  it('keeps uniform elements identical across implementing orgs (同源) and is deterministic', () => {
    for (const { entry, org } of pairs) {
      const el = buildDemoElements(entry, org);
      expect(uniformOf(el)).toEqual(buildDemoUniform(entry));
      expect(buildDemoElements(entry, org)).toEqual(el);
    }
  });

  it('levels: 4 for departments, 5 for towns, 3 added where the city delegated or entrusted the power', () => {
    for (const e of DEMO_CATALOGUE) {
      const levels = catalogueLevels(e);
      for (const org of e.orgs) expect(levels).toContain(demoOrg(org).kind === 'town' ? 5 : 4);
      expect(levels.includes(3)).toBe(Boolean(e.power));
    }
  });

  it('has about 10 delegated, about 5 entrusted, at least 8 filing and about 15 town items', () => {
    const delegated = DEMO_CATALOGUE.filter((e) => e.power === 2);
    const entrusted = DEMO_CATALOGUE.filter((e) => e.power === 5);
    const filing = DEMO_CATALOGUE.filter((e) => e.type === '11');
    const townOnly = DEMO_CATALOGUE.filter((e) => e.orgs.every(isTown));
    expect(delegated.length).toBeGreaterThanOrEqual(8);
    expect(delegated.length).toBeLessThanOrEqual(12);
    expect(entrusted.length).toBeGreaterThanOrEqual(4);
    expect(entrusted.length).toBeLessThanOrEqual(6);
    expect(filing.length).toBeGreaterThanOrEqual(8);
    expect(townOnly.length).toBeGreaterThanOrEqual(12);
    for (const e of townOnly) expect([...e.orgs].sort()).toEqual([...TOWNS].sort());
    for (const e of entrusted) expect(buildDemoElements(e, e.orgs[0], (k) => `id-of-${k}`)).toMatchObject({ powerSource: 5, implementerNature: 3, entrustingOrgId: 'id-of-city' });
  });

  it('filing items: no fee, filing settings, no approval wording', () => {
    for (const e of DEMO_CATALOGUE.filter((x) => x.type === '11')) {
      const el = buildDemoElements(e, e.orgs[0]);
      expect(el.fees).toEqual([]);
      expect(el.filing).toMatchObject({ secret: false });
      if (el.filing?.category === 'confirmation') expect(el.filing.promisedDays).toBeGreaterThan(0);
      const text = [el.name, el.result.name, ...el.process.flatMap((s) => [s.name, s.description ?? '']), ...el.faq.map((f) => f.answer)].join(' ');
      expect(text, e.name).not.toMatch(/审批|许可|批准/);
    }
  });

  it('local defaults: place, phones, online guide, optimisation record, themes', () => {
    const themes = new Set<string>(THEMES);
    for (const { entry, org } of pairs) {
      const el = buildDemoElements(entry, org);
      expect(el.place).toEqual(isTown(org) ? `${demoOrg(org).nameZh}便民服务中心` : entry.place ?? expect.stringMatching(/^乌审旗政务服务中心[一二]楼\d+号窗口$/));
      expect(el.consultPhone).toMatch(/^0477-72\d{5}$/);
      expect(el.complaintPhone).toBe('0477-12345');
      if (el.onlineDepth >= 2) expect(el.onlineGuideUrl).toMatch(/^https:\/\/zwfw\.nmg\.gov\.cn\//);
      expect(el.optimisation.materialsBefore).toBeGreaterThanOrEqual(el.materials.length);
      expect(el.optimisation.stepsBefore).toBeGreaterThanOrEqual(el.process.length);
      expect(el.optimisation.visitsBefore).toBeGreaterThanOrEqual(el.visitsRequired);
      for (const t of el.themes) expect(themes.has(t), `${entry.name}: ${t}`).toBe(true);
      expect(el.keywords.length).toBeGreaterThan(0);
    }
  });
});

describe('seedDemoItems', () => {
  let database: Db;
  let config: Config;
  let seeded: { catalogue: number; items: number };
  let ctx: ServiceContext;

  beforeAll(async () => {
    database = await createTestDatabase();
    config = loadConfig({ NODE_ENV: 'test' }, { databaseUrl: 'sqlite::memory:', webDistDir: '/nonexistent' });
    await seedDemo(database, config);
    seeded = await seedDemoItems(database, config);
    ctx = { db: database.db, dialect: database.dialect, config, actor: null, requestId: 'test', ip: null, now: new Date() };
  });
  afterAll(async () => database.destroy());

  it('loads every catalogue item and every implemented item', async () => {
    expect(seeded).toEqual({ catalogue: DEMO_CATALOGUE.length, items: pairs.length });
    const items = await database.db.selectFrom('item').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(items.n)).toBeGreaterThanOrEqual(300);
    const cats = await database.db.selectFrom('catalogue_item').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(cats.n)).toBe(DEMO_CATALOGUE.length);
  });

  it('runs only once', async () => {
    expect(await seedDemoItems(database, config)).toEqual({ catalogue: 0, items: 0 });
  });

  it('the public list finds 食品 items, by service and over HTTP', async () => {
    const page = await listItems(ctx, { q: '食品' });
    expect(page.total).toBeGreaterThan(0);
    expect(page.items.map((i) => i.name)).toContain('食品经营许可');
    const app = await buildApp(config, { db: database, logger: false });
    try {
      const res = await app.inject({ method: 'GET', url: `/api/public/items?q=${encodeURIComponent('食品')}` });
      expect(res.statusCode).toBe(200);
      const body = res.json() as { items: Array<{ name: string }>; total: number };
      expect(body.total).toBeGreaterThan(0);
      expect(body.items.some((i) => i.name.includes('食品'))).toBe(true);
    } finally {
      await app.close();
    }
  });

  it('no uniform element deviates from its catalogue item (同源), revised items included', async () => {
    expect(await listDeviations(ctx)).toEqual([]);
  });

  it('revised items have version 2 effective 2026-07-01 with one material fewer and a shorter promise', async () => {
    const entry = DEMO_REVISIONS[0];
    const org = DEMO_ORGS.find((o) => o.key === entry.orgs[0])!;
    const code = `${demoUscc(org.division, org.serial)}${org.level}${entry.basicCode}`;
    const detail = await getItemDetail(ctx, code, '2026-08-01T00:00:00Z');
    expect(detail.reviewNeeded).toBe(false);
    expect(detail.versions.map((v) => v.versionNo)).toEqual(expect.arrayContaining([1, 2]));
    expect(detail.current?.versionNo).toBe(2);
    expect(detail.current?.changeNote).toBe('压缩承诺时限、精简材料');
    const v1 = buildDemoElements(entry, org.key);
    expect(detail.current?.elements.materials.length).toBe(v1.materials.length - 1);
    expect(detail.current!.elements.promisedTimeLimit.amount).toBeLessThan(v1.promisedTimeLimit.amount);
    const asOfSpring = await getItemDetail(ctx, code, '2026-03-01T00:00:00Z');
    expect(asOfSpring.current?.versionNo).toBe(1);
  });

  it('entrusted items name the city bureau as entrusting org', async () => {
    const entry = DEMO_CATALOGUE.find((e) => e.power === 5)!;
    const org = DEMO_ORGS.find((o) => o.key === entry.orgs[0])!;
    const city = await database.db.selectFrom('org').select('id').where('uscc', '=', demoUscc('150600', 1)).executeTakeFirstOrThrow();
    const detail = await getItemDetail(ctx, `${demoUscc(org.division, org.serial)}${org.level}${entry.basicCode}`);
    expect(detail.current?.elements).toMatchObject({ powerSource: 5, entrustingOrgId: city.id });
  });
});
