// `npm run bench -- catalogue [--items N] [--orgs N] [--pg URL]`: the list at scale (issue 3 performance).
// Generates N items (default 1,000,000) over ~1,000 orgs on SQLite (and PostgreSQL when --pg names an admin URL),
// then measures search, keyset list pages, item detail and as-of pages through the services, in process.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import pg from 'pg';
import type { ItemElements } from '../common/item-elements.ts';
import { loadConfig } from '../server/config.ts';
import { openDatabase, type Db } from '../server/db/database.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { gramsOf } from '../server/db/search.ts';
import { demoUscc } from '../server/bootstrap/demo/demo-orgs.ts';
import { getItemDetail } from '../server/domain/catalogue/items.service.ts';
import { filterColumns } from '../server/domain/catalogue/items.service.ts';
import { listItems } from '../server/domain/catalogue/list.service.ts';
import type { ServiceContext } from '../server/platform/context.ts';
import { buildHandlingItemCode } from '../common/checksums.ts';

const { values } = parseArgs({ options: { items: { type: 'string' }, orgs: { type: 'string' }, pg: { type: 'string' } } });
const N = Number(values.items ?? 1_000_000);
const ORGS = Number(values.orgs ?? 1_000);
const PER_ORG = Math.ceil(N / ORGS);

const SUBJECTS = ['食品', '药品', '医疗器械', '公共场所', '建设工程', '道路运输', '种畜禽', '草原', '林木', '取水', '排污', '危险化学品', '烟花爆竹',
  '娱乐场所', '旅行社', '民办学校', '医疗机构', '户籍', '养犬', '殡葬', '婚姻', '社会团体', '民办非企业单位', '慈善组织', '特种设备', '计量器具',
  '广告', '印刷', '出版物', '网络文化', '最低生活保障', '特困人员', '临时救助', '残疾人', '高龄津贴', '农机', '兽药', '饲料', '农药', '渔业'];
const ACTIONS = ['经营许可', '生产许可', '登记', '备案', '注册', '审批', '核准', '认定', '变更登记', '注销登记', '证明', '补贴发放', '奖励', '检查', '资格认定'];
const TYPES = ['01', '07', '10', '20', '05', '11'];
const CATALOGUE = SUBJECTS.length * ACTIONS.length; // 600 catalogue items

function catalogueName(i: number): string {
  return SUBJECTS[i % SUBJECTS.length] + ACTIONS[Math.floor(i / SUBJECTS.length) % ACTIONS.length];
}

function elementsFor(name: string, type: string, i: number): ItemElements {
  return {
    name, type,
    legalBasis: [{ law: `《${SUBJECTS[i % SUBJECTS.length]}管理条例》`, article: `第${(i % 40) + 1}条` }],
    acceptanceConditions: '符合法定条件的申请人。', serviceRecipients: [1 + (i % 2)],
    process: [{ name: '受理', actor: '窗口' }, { name: '审查', actor: '审查人员' }, { name: '决定', actor: '负责人' }],
    materials: [{ name: '申请书', kind: '原件', copies: 1, required: '必要', source: '申请人自备' }, { name: '身份证明', kind: '电子', copies: 0, required: '必要', source: '政府部门核发', satisfiedBy: '居民身份证电子证照' }],
    statutoryTimeLimit: { amount: 20, unit: 'workday' }, result: { name: `${name}决定`, kind: '批文' }, handlingItemSplit: '按新设、变更拆分',
    intermediaryServices: [], handlingItems: [{ seq: 1, name, splitReason: '新设' }], promisedTimeLimit: { amount: 5 + (i % 10), unit: 'workday' },
    caseKind: 2, powerSource: 1, implementerNature: 1, entrustingOrgId: null, place: '政务服务中心', hours: '工作日', consultPhone: '0477-7000000',
    complaintPhone: '0477-12345', onlineDepth: i % 5, onlineGuideUrl: 'https://zwfw.example.gov.cn/g', visitsRequired: i % 2, inServiceHall: true,
    selfServiceTerminal: false, fees: [], faq: [], themes: ['其他'], keywords: [SUBJECTS[i % SUBJECTS.length]],
    optimisation: { materialsBefore: 4, stepsBefore: 4, visitsBefore: 2 }, filing: type === '11' ? { category: 'notice', secret: false } : null,
  } as ItemElements;
}

interface Row {
  org: { id: string; uscc: string };
  catalogueIndex: number;
  code: string;
}

function* plan(orgs: Array<{ id: string; uscc: string }>): Generator<Row> {
  let n = 0;
  for (let o = 0; o < orgs.length && n < N; o++) {
    for (let k = 0; k < PER_ORG && n < N; k++, n++) {
      const c = (o * 7 + k) % CATALOGUE;
      // Each org implements PER_ORG distinct catalogue items; beyond 600 a suffix keeps basic codes unique.
      const basic = `15${String(k).padStart(4, '0')}${String(c).padStart(6, '0')}`;
      yield { org: orgs[o], catalogueIndex: c, code: `${orgs[o].uscc}4${basic}` };
    }
  }
}

const FROM = '2026-01-01T00:00:00.000Z';

async function generate(db: Db): Promise<void> {
  const now = new Date().toISOString();
  const orgs = Array.from({ length: ORGS }, (_, i) => ({ id: `bench-org-${i}`, uscc: demoUscc('150626', 100_000 + i) }));
  const catIds = Array.from({ length: CATALOGUE * 100 }, (_, i) => `bench-cat-${i}`);
  const started = performance.now();
  if (db.sqlite) {
    const s = db.sqlite;
    s.exec('begin');
    const orgStmt = s.prepare(`insert into org (id, parent_id, kind, uscc, level, name_zh, active, sort_order, created_at, updated_at) values (?, null, 'department', ?, 4, ?, 1, ?, ?, ?)`);
    orgs.forEach((o, i) => orgStmt.run(o.id, o.uscc, `基准测试部门${i}`, i, now, now));
    const catStmt = s.prepare(`insert into catalogue_item (id, basic_code, origin, current_version_no, created_at, updated_at) values (?, ?, 'provincial', 1, ?, ?)`);
    const catVStmt = s.prepare(`insert into catalogue_item_version (id, catalogue_item_id, version_no, name, type, levels, uniform, created_at) values (?, ?, 1, ?, ?, '[4]', '{}', ?)`);
    const seen = new Set<string>();
    const itemStmt = s.prepare(`insert into item (id, implementation_code, org_id, catalogue_item_id, level_digit, review_needed, created_at, updated_at) values (?, ?, ?, ?, 4, 0, ?, ?)`);
    const verStmt = s.prepare(`insert into item_version (id, item_id, version_no, state, implementation_code, org_id, catalogue_version_no, effective_from, name, type, case_kind, online_depth, power_source, service_recipients, themes, elements, source, created_at, updated_at) values (?, ?, 1, 'final', ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'load', ?, ?)`);
    const searchStmt = s.prepare(`insert into item_search (item_id, implementation_code, org_id, type, name, search_text) values (?, ?, ?, ?, ?, ?)`);
    const gramStmt = s.prepare(`insert or ignore into item_gram (gram, item_id) values (?, ?)`);
    let i = 0;
    for (const r of plan(orgs)) {
      const basic = r.code.slice(19);
      const catId = `bench-cat-${basic}`;
      const name = catalogueName(r.catalogueIndex);
      const type = TYPES[r.catalogueIndex % TYPES.length];
      if (!seen.has(basic)) {
        seen.add(basic);
        catStmt.run(catId, basic, now, now);
        catVStmt.run(`${catId}-v1`, catId, name, type, now);
      }
      const id = `bench-item-${i}`;
      const el = elementsFor(name, type, i);
      const cols = filterColumns(el);
      itemStmt.run(id, r.code, r.org.id, catId, now, now);
      verStmt.run(`${id}-v1`, id, r.code, r.org.id, FROM, cols.name, cols.type, cols.case_kind, cols.online_depth, cols.power_source, cols.service_recipients, cols.themes, cols.elements, now, now);
      const text = [name, r.code, basic, buildHandlingItemCode(r.code, 1), el.legalBasis[0].law, ...el.keywords].join(' ').toLowerCase();
      searchStmt.run(id, r.code, r.org.id, type, name, text);
      for (const g of gramsOf([name, ...el.keywords].join(' '))) gramStmt.run(g, id);
      if (++i % 100_000 === 0) {
        s.exec('commit; begin');
        process.stdout.write(`  generated ${i} items (${Math.round((performance.now() - started) / 1000)} s)\n`);
      }
    }
    s.exec('commit');
    s.exec('analyze');
  } else {
    const k = db.db;
    for (let i = 0; i < orgs.length; i += 500) {
      await k.insertInto('org').values(orgs.slice(i, i + 500).map((o, j) => ({ id: o.id, parent_id: null, kind: 'department', uscc: o.uscc, level: 4, name_zh: `基准测试部门${i + j}`, name_en: null, name_mn: null, division_code: null, active: true, sort_order: i + j, created_at: now, updated_at: now }))).execute();
    }
    const seen = new Set<string>();
    let batch: Row[] = [];
    let i = 0;
    const flush = async () => {
      const cats = batch.filter((r) => !seen.has(r.code.slice(19)) && seen.add(r.code.slice(19)));
      if (cats.length) {
        await k.insertInto('catalogue_item').values(cats.map((r) => ({ id: `bench-cat-${r.code.slice(19)}`, basic_code: r.code.slice(19), local_code: null, origin: 'provincial', current_version_no: 1, created_at: now, updated_at: now }))).execute();
        await k.insertInto('catalogue_item_version').values(cats.map((r) => ({ id: `bench-cat-${r.code.slice(19)}-v1`, catalogue_item_id: `bench-cat-${r.code.slice(19)}`, version_no: 1, name: catalogueName(r.catalogueIndex), type: TYPES[r.catalogueIndex % TYPES.length], levels: '[4]', uniform: '{}', change_note: null, created_at: now, created_by: null }))).execute();
      }
      const rows = batch.map((r, j) => ({ r, id: `bench-item-${i - batch.length + j}`, name: catalogueName(r.catalogueIndex), type: TYPES[r.catalogueIndex % TYPES.length] }));
      await k.insertInto('item').values(rows.map(({ r, id }) => ({ id, implementation_code: r.code, org_id: r.org.id, catalogue_item_id: `bench-cat-${r.code.slice(19)}`, level_digit: 4, review_needed: false, review_catalogue_version_no: null, review_diff: null, created_at: now, updated_at: now }))).execute();
      await k.insertInto('item_version').values(rows.map(({ r, id, name, type }, j) => ({ id: `${id}-v1`, item_id: id, version_no: 1, state: 'final', implementation_code: r.code, org_id: r.org.id, catalogue_version_no: 1, effective_from: FROM, effective_to: null, ...filterColumns(elementsFor(name, type, j)), change_note: null, source: 'load', created_at: now, created_by: null, updated_at: now, finalised_at: now, finalised_by: null }))).execute();
      await k.insertInto('item_search').values(rows.map(({ r, id, name, type }) => ({ item_id: id, implementation_code: r.code, org_id: r.org.id, type, name, search_text: [name, r.code, r.code.slice(19)].join(' ').toLowerCase() }))).execute();
      const grams = rows.flatMap(({ id, name }) => gramsOf(`${name} ${SUBJECTS.find((s) => name.startsWith(s)) ?? ''}`).map((gram) => ({ gram, item_id: id })));
      await k.insertInto('item_gram').values(grams).onConflict((oc) => oc.doNothing()).execute();
      batch = [];
    };
    for (const r of plan(orgs)) {
      batch.push(r);
      if (++i % 500 === 0) await flush();
      if (i % 100_000 === 0) process.stdout.write(`  generated ${i} items (${Math.round((performance.now() - started) / 1000)} s)\n`);
    }
    if (batch.length) await flush();
    await pg_analyze(db);
  }
  void catIds;
  process.stdout.write(`  generated ${N} items in ${Math.round((performance.now() - started) / 1000)} s\n`);
}

async function pg_analyze(db: Db): Promise<void> {
  const { sql } = await import('kysely');
  await sql`analyze`.execute(db.db);
}

function stats(samples: number[]): { median: number; p99: number } {
  const s = [...samples].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], p99: s[Math.min(s.length - 1, Math.floor(s.length * 0.99))] };
}

async function measure(label: string, db: Db): Promise<Array<{ name: string; median: number; p99: number; target: number }>> {
  const config = loadConfig({ NODE_ENV: 'test' });
  const ctx: ServiceContext = { db: db.db, dialect: db.dialect, config, actor: null, requestId: 'bench', ip: null, now: new Date() };
  const out: Array<{ name: string; median: number; p99: number; target: number }> = [];
  const run = async (name: string, target: number, times: number, fn: (i: number) => Promise<unknown>) => {
    for (let i = 0; i < 5; i++) await fn(i);
    const samples: number[] = [];
    for (let i = 0; i < times; i++) {
      const t0 = performance.now();
      await fn(i);
      samples.push(performance.now() - t0);
    }
    const s = stats(samples);
    out.push({ name: `${label} ${name}`, ...s, target });
  };
  const q1 = ['证', '药', '户', '犬', '草'];
  const q2 = ['许可', '登记', '备案', '救助', '草原'];
  const q4 = ['食品经营', '道路运输', '公共场所', '特种设备', '临时救助'];
  const qm = ['食品 许可', 'icp 备案', '150626', '药品经营许可', '残疾人 补贴'];
  await run('search 1-char top 20', 15, 100, (i) => listItems(ctx, { q: q1[i % 5], limit: 20 }));
  await run('search 2-char top 20', 15, 100, (i) => listItems(ctx, { q: q2[i % 5], limit: 20 }));
  await run('search 4-char top 20', 15, 100, (i) => listItems(ctx, { q: q4[i % 5], limit: 20 }));
  await run('search mixed top 20', 15, 100, (i) => listItems(ctx, { q: qm[i % 5], limit: 20 }));
  await run('list page by org (keyset, page 3)', 5, 100, async (i) => {
    let page = await listItems(ctx, { orgId: `bench-org-${(i * 37) % ORGS}`, limit: 20 });
    for (let p = 0; p < 2 && page.nextCursor; p++) page = await listItems(ctx, { orgId: `bench-org-${(i * 37) % ORGS}`, limit: 20, cursor: page.nextCursor });
  });
  await run('list page by type', 5, 100, (i) => listItems(ctx, { type: TYPES[i % TYPES.length], limit: 20 }));
  const codes = (await db.db.selectFrom('item').select('implementation_code').where('org_id', 'in', ['bench-org-3', `bench-org-${ORGS - 1}`]).limit(50).execute()).map((r) => r.implementation_code);
  await run('item detail', 5, 100, (i) => getItemDetail(ctx, codes[i % codes.length]));
  await run('as-of-date list page', 5, 100, (i) => listItems(ctx, { asOf: '2026-03-01', orgId: `bench-org-${(i * 13) % ORGS}`, limit: 20 }));
  return out;
}

const results: Array<{ name: string; median: number; p99: number; target: number }> = [];
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qingdan-bench-'));
const sqliteDb = openDatabase(`sqlite:${path.join(dir, 'bench.db')}`);
await migrateToLatest(sqliteDb.db, sqliteDb.dialect);
process.stdout.write(`SQLite: generating ${N} items over ${ORGS} orgs…\n`);
await generate(sqliteDb);
results.push(...(await measure('SQLite', sqliteDb)));
await sqliteDb.destroy();
fs.rmSync(dir, { recursive: true, force: true });

if (values.pg) {
  const name = `qingdan_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: values.pg });
  await admin.connect();
  await admin.query(`create database ${name} template template0 encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8'`);
  await admin.end();
  const url = new URL(values.pg);
  url.pathname = `/${name}`;
  const pgDb = openDatabase(url.toString());
  await migrateToLatest(pgDb.db, pgDb.dialect);
  process.stdout.write(`PostgreSQL: generating ${N} items…\n`);
  await generate(pgDb);
  results.push(...(await measure('PostgreSQL', pgDb)));
  await pgDb.destroy();
  const cleanup = new pg.Client({ connectionString: values.pg });
  await cleanup.connect();
  await cleanup.query(`drop database ${name} with (force)`);
  await cleanup.end();
}

const width = Math.max(...results.map((r) => r.name.length));
for (const r of results) {
  process.stdout.write(`${r.p99 <= r.target ? 'ok  ' : 'MISS'} ${r.name.padEnd(width)}  median ${r.median.toFixed(2).padStart(8)} ms  p99 ${r.p99.toFixed(2).padStart(8)} ms  (target p99 ≤ ${r.target})\n`);
}
process.stdout.write(`peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB\n`);
fs.mkdirSync(path.join(import.meta.dirname, 'results'), { recursive: true });
fs.writeFileSync(path.join(import.meta.dirname, 'results', 'catalogue.json'), JSON.stringify({ at: new Date().toISOString(), items: N, orgs: ORGS, results }, null, 2));
