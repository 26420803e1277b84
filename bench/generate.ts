// The bench data generator: N items over M orgs, written straight into the SQLite or PostgreSQL tables (no services),
// shared by the catalogue and portal benchmarks.
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { uniformOf, type ItemElements } from '../common/item-elements.ts';
import { buildHandlingItemCode } from '../common/checksums.ts';
import type { Db } from '../server/db/database.ts';
import { searchTokens, toTsvector } from '../server/db/search-tokens.ts';
import { demoUscc } from '../server/bootstrap/demo/demo-orgs.ts';
import { filterColumns } from '../server/domain/catalogue/items.service.ts';

export const SUBJECTS = ['食品', '药品', '医疗器械', '公共场所', '建设工程', '道路运输', '种畜禽', '草原', '林木', '取水', '排污', '危险化学品', '烟花爆竹',
  '娱乐场所', '旅行社', '民办学校', '医疗机构', '户籍', '养犬', '殡葬', '婚姻', '社会团体', '民办非企业单位', '慈善组织', '特种设备', '计量器具',
  '广告', '印刷', '出版物', '网络文化', '最低生活保障', '特困人员', '临时救助', '残疾人', '高龄津贴', '农机', '兽药', '饲料', '农药', '渔业'];
const ACTIONS = ['经营许可', '生产许可', '登记', '备案', '注册', '审批', '核准', '认定', '变更登记', '注销登记', '证明', '补贴发放', '奖励', '检查', '资格认定'];
export const TYPES = ['01', '07', '10', '20', '05', '11'];
const CATALOGUE = SUBJECTS.length * ACTIONS.length; // 600 catalogue items

export function catalogueName(i: number): string {
  return SUBJECTS[i % SUBJECTS.length] + ACTIONS[Math.floor(i / SUBJECTS.length) % ACTIONS.length];
}

export function elementsFor(name: string, type: string, i: number): ItemElements {
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
  index: number;
}

function* plan(orgs: Array<{ id: string; uscc: string }>, N: number, PER_ORG: number): Generator<Row> {
  let n = 0;
  for (let o = 0; o < orgs.length && n < N; o++) {
    for (let k = 0; k < PER_ORG && n < N; k++, n++) {
      const c = (o * 7 + k) % CATALOGUE;
      // Each org implements PER_ORG distinct catalogue items; beyond 600 a suffix keeps basic codes unique.
      const basic = `15${String(k).padStart(4, '0')}${String(c).padStart(6, '0')}`;
      yield { org: orgs[o], catalogueIndex: c, code: `${orgs[o].uscc}4${basic}`, index: n };
    }
  }
}

export const FROM = '2026-01-01T00:00:00.000Z';

/** What search holds for a generated item, as items.service writes it: name, codes, legal basis, keywords. */
function searchTextOf(name: string, code: string, el: ReturnType<typeof elementsFor>): string {
  return [name, code, code.slice(19), buildHandlingItemCode(code, 1), el.legalBasis[0].law, ...el.keywords].join(' ').toLowerCase();
}

/** Writes `items` items over `orgs` orgs (ids bench-org-<i>, items bench-item-<i>, all final, effective from 2026-01-01) straight into the tables. */
export async function generate(db: Db, options: { items: number; orgs: number }): Promise<void> {
  const N = options.items;
  const ORGS = options.orgs;
  const PER_ORG = Math.ceil(N / ORGS);
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
    const catVStmt = s.prepare(`insert into catalogue_item_version (id, catalogue_item_id, version_no, name, type, levels, uniform, created_at) values (?, ?, 1, ?, ?, '[4]', ?, ?)`);
    const seen = new Set<string>();
    const itemStmt = s.prepare(`insert into item (id, implementation_code, org_id, catalogue_item_id, level_digit, review_needed, created_at, updated_at) values (?, ?, ?, ?, 4, 0, ?, ?)`);
    const verStmt = s.prepare(`insert into item_version (id, item_id, version_no, state, implementation_code, org_id, catalogue_version_no, effective_from, name, type, case_kind, online_depth, power_source, service_recipients, themes, elements, source, created_at, updated_at) values (?, ?, 1, 'final', ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'load', ?, ?)`);
    const searchStmt = s.prepare(`insert into item_search (item_id, implementation_code, org_id, type, name, search_text) values (?, ?, ?, ?, ?, ?)`);
    const ftsStmt = s.prepare(`insert into item_fts (rowid, tokens) values (?, ?)`);
    let i = 0;
    for (const r of plan(orgs, N, PER_ORG)) {
      const basic = r.code.slice(19);
      const catId = `bench-cat-${basic}`;
      const name = catalogueName(r.catalogueIndex);
      const type = TYPES[r.catalogueIndex % TYPES.length];
      const id = `bench-item-${i}`;
      const el = elementsFor(name, type, i);
      if (!seen.has(basic)) {
        seen.add(basic);
        catStmt.run(catId, basic, now, now);
        // The catalogue's uniform elements are the items' own (a consistent list: no deviations block publishing).
        catVStmt.run(`${catId}-v1`, catId, name, type, JSON.stringify(uniformOf(el)), now);
      }
      const cols = filterColumns(el);
      itemStmt.run(id, r.code, r.org.id, catId, now, now);
      verStmt.run(`${id}-v1`, id, r.code, r.org.id, FROM, cols.name, cols.type, cols.case_kind, cols.online_depth, cols.power_source, cols.service_recipients, cols.themes, cols.elements, now, now);
      const text = searchTextOf(name, r.code, el);
      const { lastInsertRowid } = searchStmt.run(id, r.code, r.org.id, type, name, text);
      ftsStmt.run(lastInsertRowid, searchTokens(name, text).join(' '));
      if (++i % 100_000 === 0) {
        s.exec('commit; begin');
        process.stdout.write(`  generated ${i} items (${Math.round((performance.now() - started) / 1000)} s)\n`);
      }
    }
    s.exec('commit');
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
        await k.insertInto('catalogue_item_version').values(cats.map((r) => ({ id: `bench-cat-${r.code.slice(19)}-v1`, catalogue_item_id: `bench-cat-${r.code.slice(19)}`, version_no: 1, name: catalogueName(r.catalogueIndex), type: TYPES[r.catalogueIndex % TYPES.length], levels: '[4]', uniform: JSON.stringify(uniformOf(elementsFor(catalogueName(r.catalogueIndex), TYPES[r.catalogueIndex % TYPES.length], r.index))), change_note: null, created_at: now, created_by: null }))).execute();
      }
      const rows = batch.map((r, j) => ({ r, id: `bench-item-${i - batch.length + j}`, name: catalogueName(r.catalogueIndex), type: TYPES[r.catalogueIndex % TYPES.length] }));
      await k.insertInto('item').values(rows.map(({ r, id }) => ({ id, implementation_code: r.code, org_id: r.org.id, catalogue_item_id: `bench-cat-${r.code.slice(19)}`, level_digit: 4, review_needed: false, review_catalogue_version_no: null, review_diff: null, created_at: now, updated_at: now }))).execute();
      await k.insertInto('item_version').values(rows.map(({ r, id, name, type }) => ({ id: `${id}-v1`, item_id: id, version_no: 1, state: 'final', implementation_code: r.code, org_id: r.org.id, catalogue_version_no: 1, effective_from: FROM, effective_to: null, ...filterColumns(elementsFor(name, type, r.index)), change_note: null, source: 'load', created_at: now, created_by: null, updated_at: now, finalised_at: now, finalised_by: null }))).execute();
      await k.insertInto('item_search').values(rows.map(({ r, id, name, type }) => {
        const text = searchTextOf(name, r.code, elementsFor(name, type, r.index));
        return { item_id: id, implementation_code: r.code, org_id: r.org.id, type, name, search_text: text, tokens: sql`${toTsvector(searchTokens(name, text))}::tsvector` };
      })).execute();
      batch = [];
    };
    for (const r of plan(orgs, N, PER_ORG)) {
      batch.push(r);
      if (++i % 500 === 0) await flush();
      if (i % 100_000 === 0) process.stdout.write(`  generated ${i} items (${Math.round((performance.now() - started) / 1000)} s)\n`);
    }
    if (batch.length) await flush();
  }
  // The distinct names with their item counts (search's name tiers), then planner statistics, on either dialect.
  await sql`insert into search_name (name, name_lower, name_len, n) select name, lower(name), length(name), count(*) from item_search group by name`.execute(db.db);
  await sql`analyze`.execute(db.db);
  void catIds;
  process.stdout.write(`  generated ${N} items in ${Math.round((performance.now() - started) / 1000)} s\n`);
}
