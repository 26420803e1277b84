import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { Value } from 'typebox/value';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ItemElements, UniformElements } from '../../../common/item-elements.ts';
import { DEMO_ORGS, demoUscc } from '../../bootstrap/demo/demo-orgs.ts';
import { itemElements, nextBasicCode, uniformElements } from '../../test/factories.ts';
import { buildTestApp, TEST_DIALECT, type Session, type TestApp } from '../../test/test-app.ts';
import { ExportedItem } from './export.service.ts';
import { ITEM_COLUMNS, itemRowValues, MATERIAL_COLUMNS, materialRowValues, type CellValue } from './spreadsheet.ts';

// Route tests of spreadsheet import/export and the template, in STYLE.md's order (401 → 400 → 403 → happy paths
// with their audit rows), on a real database.

type Res = LightMyRequestResponse;
type Row = Record<string, CellValue>;

interface ImportError {
  sheet: string;
  row: number;
  column: string;
  value: string | null;
  code: string;
  message: string;
}

interface Report {
  mode: string;
  committed: boolean;
  rows: number;
  imported: number;
  updated: number;
  unchanged: number;
  createdCatalogueItems: number;
  effective: boolean;
  errorCount: number;
  errors: ImportError[];
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const FILING = '11';
const demo = (key: string) => DEMO_ORGS.find((o) => o.key === key)!;
const usccOf = (key: string) => demoUscc(demo(key).division, demo(key).serial);
const codeOf = (orgKey: string, basicCode: string) => `${usccOf(orgKey)}${demo(orgKey).level}${basicCode}`;

function expectError(res: Res, status: number, code: string) {
  expect(res.statusCode, res.body).toBe(status);
  const error = res.json().error;
  expect(error.code).toBe(code);
  expect(error.message).toMatch(/\p{Script=Han}/u);
  return error;
}

/** A workbook in the import layout, rows given by Chinese header (a header may also be left out or unknown). */
async function workbook(items: Row[], materials: Row[] = [], headers?: { items?: string[] }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const itemHeaders = headers?.items ?? ITEM_COLUMNS.map((c) => c.header);
  const sheet = wb.addWorksheet('事项');
  sheet.addRow(itemHeaders);
  for (const r of items) sheet.addRow(itemHeaders.map((h) => r[h] ?? null));
  const m = wb.addWorksheet('材料');
  const materialHeaders = MATERIAL_COLUMNS.map((c) => c.header);
  m.addRow(materialHeaders);
  for (const r of materials) m.addRow(materialHeaders.map((h) => r[h] ?? null));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The sheet rows the export would write for an item (by Chinese header), with its material rows. */
function rowsOf(orgKey: string, basicCode: string, elements: ItemElements, over: Row = {}): { item: Row; materials: Row[] } {
  const src = { implementationCode: codeOf(orgKey, basicCode), orgName: demo(orgKey).nameZh, elements, effectiveFrom: null, entrustingOrgUscc: null };
  const values = itemRowValues(src, FILING);
  const item = Object.fromEntries(ITEM_COLUMNS.map((c, i) => [c.header, values[i]]));
  const materials = materialRowValues(src).map((v) => Object.fromEntries(MATERIAL_COLUMNS.map((c, i) => [c.header, v[i]])));
  return { item: { ...item, ...over }, materials };
}

function multipart(file: Buffer, fields: Record<string, string> = {}, filename = '清单.xlsx') {
  const boundary = `----qingdan${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${filename}"\r\ncontent-type: ${XLSX}\r\n\r\n`));
  parts.push(file, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function readXlsx(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}

const sheetValues = (sheet: ExcelJS.Worksheet) => {
  const out: unknown[][] = [];
  sheet.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
  return out;
};

describe(`spreadsheet import/export (${TEST_DIALECT})`, () => {
  let t: TestApp;
  let admin: Session;
  let reviewer: Session;
  let scjg: Session;
  let auditor: Session;
  /** Catalogue items created in this app, for the round trip into a fresh app. */
  const catalogue: Array<{ basicCode: string; uniform: UniformElements; levels: number[] }> = [];

  beforeAll(async () => {
    t = await buildTestApp();
    [admin, reviewer, scjg, auditor] = await t.loginAll('admin', 'reviewer', 'scjg', 'auditor');
  });
  afterAll(async () => {
    await t?.close();
  });

  async function createCatalogue(app: TestApp, session: Session, basicCode: string, uniform: UniformElements, levels = [4, 5]) {
    const res = await app.call(session, 'POST', '/api/catalogue-items', { basicCode, origin: 'provincial', levels, uniform });
    expect(res.statusCode, res.body).toBe(201);
  }

  async function newCatalogue(uniform = uniformElements(), levels = [4, 5]): Promise<string> {
    const basicCode = nextBasicCode();
    await createCatalogue(t, admin, basicCode, uniform, levels);
    catalogue.push({ basicCode, uniform, levels });
    return basicCode;
  }

  const upload = (session: Session | undefined, file: Buffer, fields: Record<string, string> = {}, app = t) => {
    const body = multipart(file, fields);
    return app.app.inject({
      method: 'POST',
      url: '/api/items/import',
      headers: { ...body.headers, ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {}) },
      payload: body.payload,
    });
  };

  async function importOk(session: Session, file: Buffer, fields: Record<string, string> = {}, app = t): Promise<Report> {
    const res = await upload(session, file, fields, app);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  }

  const get = (session: Session | undefined, url: string, app = t) =>
    app.app.inject({ method: 'GET', url, headers: session ? { cookie: session.cookie } : {} });
  const detail = async (code: string, app = t, session = admin) => get(session, `/api/items/${code}`, app);

  async function auditRowOf(action: string, res: Res) {
    const rows = (await t.auditRows(action)).filter((r) => r.request_id === res.headers['x-request-id']);
    return rows.map((r) => ({ ...r, summary: JSON.parse(r.summary) as Record<string, unknown> }));
  }

  describe('POST /api/items/import', () => {
    it('401 without a session', async () => {
      expectError(await upload(undefined, await workbook([])), 401, 'AUTH.REQUIRED');
    });

    it('400 without a file, with a file that is not xlsx, with an unknown mode, with no data rows', async () => {
      expectError(await t.call(admin, 'POST', '/api/items/import', {}), 400, 'IMPORT.NO_FILE');
      expectError(await upload(admin, Buffer.from('实施编码,事项名称\n1,2\n')), 400, 'IMPORT.UNREADABLE_FILE');
      expectError(await upload(admin, Buffer.from('PK\x03\x04 not really a zip')), 400, 'IMPORT.UNREADABLE_FILE');
      expectError(await upload(admin, await workbook([]), { mode: 'some' }), 400, 'IMPORT.INVALID_MODE');
      expectError(await t.app.inject({ method: 'POST', url: '/api/items/import?mode=some', headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken } }), 400, 'VALIDATION.FAILED');
      expectError(await upload(admin, await workbook([])), 400, 'IMPORT.EMPTY_FILE');
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet('Sheet1').addRow(['a', 'b']);
      expectError(await upload(admin, Buffer.from(await wb.xlsx.writeBuffer())), 400, 'IMPORT.MISSING_SHEET');
    });

    it('413 for a file over 20 MB', async () => {
      const res = await upload(admin, Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(20 * 1024 * 1024 + 10)]));
      expectError(res, 413, 'IMPORT.FILE_TOO_LARGE');
    });

    it('403 for roles that do not edit the list (reviewer, auditor)', async () => {
      const basicCode = await newCatalogue();
      const { item, materials } = rowsOf('scjg', basicCode, itemElements());
      const file = await workbook([item], materials);
      expectError(await upload(reviewer, file), 403, 'ACCESS.FORBIDDEN');
      expectError(await upload(auditor, file), 403, 'ACCESS.FORBIDDEN');
      expect((await detail(codeOf('scjg', basicCode))).statusCode).toBe(404);
    });

    it('reports a missing required column once, not per row', async () => {
      const basicCode = await newCatalogue();
      const { item } = rowsOf('scjg', basicCode, itemElements());
      const headers = ITEM_COLUMNS.map((c) => c.header).filter((h) => h !== '咨询电话' && h !== '实施编码');
      const report = await importOk(admin, await workbook([item, item], [], { items: headers }));
      expect(report).toMatchObject({ committed: false, imported: 0, errorCount: 1 });
      expect(report.errors).toEqual([{ sheet: '事项', row: 1, column: '咨询电话', value: null, code: 'IMPORT.MISSING_COLUMN', message: expect.stringMatching(/咨询电话/) }]);
    });

    it('mode=all: a file with mixed valid and invalid rows reports every bad cell and writes nothing', async () => {
      const a = await newCatalogue();
      const b = await newCatalogue(uniformElements({ name: '公共场所卫生许可' }), [4]);
      const good = rowsOf('scjg', a, itemElements());
      const alsoGood = rowsOf('wjw', b, itemElements({}, { name: '公共场所卫生许可' }));
      const badUscc = usccOf('scjg').slice(0, 17) + (usccOf('scjg').endsWith('M') ? 'N' : 'M');
      const rows = [
        good.item,
        // row 3: USCC with a wrong check character
        rowsOf('scjg', b, itemElements(), { 实施编码: null, 实施机构统一社会信用代码: badUscc }).item,
        // row 4: a town level for a county department, and promised > statutory
        rowsOf('scjg', a, itemElements({ promisedTimeLimit: { amount: 30, unit: 'workday' } }), { 实施编码: null, 行使层级: '镇(乡、街道)级' }).item,
        // row 5: a town implementing a county-only catalogue item; bad time limit; missing phone
        rowsOf('glt', b, itemElements(), { 实施编码: null, 法定办结时限: '10', 咨询电话: null }).item,
        alsoGood.item,
      ];
      const materials = [...good.materials, { 实施编码: codeOf('scjg', '150999999999'), 材料名称: '孤儿材料', 材料形式: '原件', 来源: '申请人自备' }, ...alsoGood.materials];
      materials[1] = { ...materials[1], 材料形式: '传真件' };
      const res = await upload(admin, await workbook(rows, materials));
      expect(res.statusCode, res.body).toBe(200);
      const report = res.json() as Report;
      expect(report).toMatchObject({ mode: 'all', committed: false, rows: 5, imported: 0, updated: 0, unchanged: 0 });
      const cells = report.errors.map((e) => [e.sheet, e.row, e.column, e.value, e.code]);
      expect(cells).toEqual([
        ['事项', 3, '实施机构统一社会信用代码', badUscc, 'IMPORT.INVALID_USCC'],
        ['事项', 4, '行使层级', '镇(乡、街道)级', 'IMPORT.LEVEL_MISMATCH'],
        ['事项', 4, '承诺办结时限', '30个工作日', 'IMPORT.PROMISED_EXCEEDS_STATUTORY'],
        ['事项', 5, '行使层级', '镇(乡、街道)级', 'IMPORT.LEVEL_MISMATCH'],
        ['事项', 5, '法定办结时限', '10', 'IMPORT.BAD_TIME_LIMIT'],
        ['事项', 5, '咨询电话', null, 'IMPORT.REQUIRED'],
        ['材料', 3, '材料形式', '传真件', 'IMPORT.UNKNOWN_VALUE'],
        ['材料', 4, '实施编码', codeOf('scjg', '150999999999'), 'IMPORT.UNKNOWN_ITEM_KEY'],
      ]);
      expect(report.errorCount).toBe(8);
      for (const e of report.errors) expect(e.message).toMatch(/\p{Script=Han}/u);
      // Nothing written: neither the valid rows nor an audit row.
      expect((await detail(codeOf('scjg', a))).statusCode).toBe(404);
      expect((await detail(codeOf('wjw', b))).statusCode).toBe(404);
      expect(await auditRowOf('item.import', res)).toEqual([]);
    });

    it('maps rule problems (promised > statutory, 即办件, 委托, filing fees) to their cells', async () => {
      const a = await newCatalogue();
      const f = await newCatalogue(uniformElements({ name: '建设工程消防验收备案', type: FILING }), [4]);
      const rows = [
        rowsOf('scjg', a, itemElements({ promisedTimeLimit: { amount: 30, unit: 'workday' } })).item,
        rowsOf('scjg', a, itemElements({ caseKind: 1, promisedTimeLimit: { amount: 3, unit: 'workday' } }), { 实施编码: null, 实施机构统一社会信用代码: usccOf('wjw') }).item,
        rowsOf('zjj', a, itemElements({ powerSource: 5 })).item,
        rowsOf('xfjy', f, itemElements({ fees: [{ name: '验收费', standard: '100元', basis: '无' }], filing: { category: 'notice', secret: false } }, { name: '建设工程消防验收备案', type: FILING })).item,
      ];
      const report = await importOk(admin, await workbook(rows));
      expect(report.errors.map((e) => [e.row, e.column, e.code])).toEqual([
        [2, '承诺办结时限', 'IMPORT.PROMISED_EXCEEDS_STATUTORY'],
        [3, '办件类型', 'IMPORT.INSTANT_CASE_TOO_LONG'],
        [4, '委托机关统一社会信用代码', 'IMPORT.REQUIRED'],
        [5, '收费', 'IMPORT.FEES_ON_FILING'],
      ]);
      expect(report.errors[0]).toMatchObject({ value: '30个工作日', message: '承诺办结时限不能超过法定办结时限' });
    });

    it('reports the same item twice as a duplicate on every occurrence', async () => {
      const a = await newCatalogue();
      const { item } = rowsOf('scjg', a, itemElements());
      const report = await importOk(admin, await workbook([item, { ...item, 实施编码: null }]));
      expect(report.errors.map((e) => [e.row, e.column, e.code])).toEqual([
        [2, '实施编码', 'IMPORT.DUPLICATE_ROW'],
        [3, '基本编码', 'IMPORT.DUPLICATE_ROW'],
      ]);
    });

    it('mode=validRows writes the valid rows, reports the others, and audits item.import once with counts', async () => {
      const a = await newCatalogue();
      const b = await newCatalogue();
      const good = rowsOf('scjg', a, itemElements());
      const bad = rowsOf('wjw', b, itemElements(), { 受理条件: null });
      const res = await upload(admin, await workbook([good.item, bad.item], [...good.materials, ...bad.materials]), { mode: 'validRows' });
      expect(res.statusCode, res.body).toBe(200);
      const report = res.json() as Report;
      expect(report).toMatchObject({ mode: 'validRows', committed: true, imported: 1, updated: 0, unchanged: 0, effective: true, errorCount: 1 });
      expect(report.errors).toEqual([expect.objectContaining({ row: 3, column: '受理条件', code: 'IMPORT.REQUIRED' })]);
      const item = (await detail(codeOf('scjg', a))).json();
      expect(item.current.elements).toEqual(itemElements());
      expect(item.current.source).toBe('import');
      expect(item.current.handlingItems.map((h: { code: string }) => h.code)).toEqual([`${codeOf('scjg', a)}01`, `${codeOf('scjg', a)}02`]);
      expect((await detail(codeOf('wjw', b))).statusCode).toBe(404);
      // On the list and in search at once.
      const list = (await t.call(admin, 'GET', `/api/items?q=${encodeURIComponent(codeOf('scjg', a))}`)).json();
      expect(list.items.map((i: { implementationCode: string }) => i.implementationCode)).toContain(codeOf('scjg', a));
      const audit = await auditRowOf('item.import', res);
      expect(audit).toHaveLength(1);
      expect(audit[0].summary).toMatchObject({ mode: 'validRows', imported: 1, updated: 0, unchanged: 0, errors: 1, effective: true, fileName: '清单.xlsx' });
      expect(await auditRowOf('item.load', res)).toEqual([]);
    });

    it('is idempotent: the same file again writes no duplicate and no version; a changed row writes one new version', async () => {
      const a = await newCatalogue();
      const b = await newCatalogue();
      const one = rowsOf('scjg', a, itemElements());
      const two = rowsOf('glt', b, itemElements({ place: '嘎鲁图镇便民服务中心' }));
      const file = await workbook([one.item, two.item], [...one.materials, ...two.materials]);
      expect(await importOk(admin, file)).toMatchObject({ committed: true, imported: 2, updated: 0, unchanged: 0 });
      expect(await importOk(admin, file)).toMatchObject({ committed: true, imported: 0, updated: 0, unchanged: 2 });
      expect((await detail(codeOf('scjg', a))).json().versions).toHaveLength(1);
      const listed = (await t.call(admin, 'GET', `/api/items?org=${(await detail(codeOf('scjg', a))).json().orgId}&limit=100`)).json().items as Array<{ implementationCode: string }>;
      expect(listed.filter((i) => i.implementationCode === codeOf('scjg', a))).toHaveLength(1);

      const changed = rowsOf('scjg', a, itemElements({ hours: '工作日 8:30—17:00' }));
      const res = await upload(admin, await workbook([changed.item, two.item], [...changed.materials, ...two.materials]));
      expect(res.json()).toMatchObject({ committed: true, imported: 0, updated: 1, unchanged: 1 });
      const item = (await detail(codeOf('scjg', a))).json();
      expect(item.versions.map((v: { versionNo: number; effectiveTo: string | null }) => [v.versionNo, v.effectiveTo === null])).toEqual([[2, true], [1, false]]);
      expect(item.current.elements.hours).toBe('工作日 8:30—17:00');
    });

    it('a future 生效日期 schedules the new version; a date before the current version is an overlap', async () => {
      const a = await newCatalogue();
      const first = rowsOf('scjg', a, itemElements(), { 生效日期: '2024-01-01' });
      expect(await importOk(admin, await workbook([first.item], first.materials))).toMatchObject({ imported: 1 });
      expect((await detail(codeOf('scjg', a))).json().current.effectiveFrom).toBe('2023-12-31T16:00:00.000Z');
      // The exported date left as it was means "now".
      const edited = rowsOf('scjg', a, itemElements({ hours: '全天' }), { 生效日期: '2024-01-01' });
      expect(await importOk(admin, await workbook([edited.item], edited.materials))).toMatchObject({ updated: 1 });
      const earlier = rowsOf('scjg', a, itemElements({ hours: '上午' }), { 生效日期: '2023-06-01' });
      const report = await importOk(admin, await workbook([earlier.item], earlier.materials));
      expect(report.errors.map((e) => [e.column, e.code])).toEqual([['生效日期', 'IMPORT.INTERVAL_OVERLAP']]);
      const later = rowsOf('scjg', a, itemElements({ hours: '下午' }), { 生效日期: '2099-01-01' });
      expect(await importOk(admin, await workbook([later.item], later.materials))).toMatchObject({ updated: 1 });
      const item = (await detail(codeOf('scjg', a))).json();
      expect(item.current.elements.hours).toBe('全天');
      expect(item.versions[0]).toMatchObject({ versionNo: 3, effectiveFrom: '2098-12-31T16:00:00.000Z', effectiveTo: null });
      // Re-importing the list as exported now (the current version) changes nothing and keeps the schedule.
      const exported = await get(admin, `/api/items/export?org=${item.orgId}`);
      const again = await importOk(admin, exported.rawPayload);
      expect(again).toMatchObject({ errors: [], imported: 0, updated: 0 });
      expect((await detail(codeOf('scjg', a))).json().versions).toHaveLength(3);
    });

    it('a bureau administrator creates a local catalogue item for an unknown basic code; a department editor may not', async () => {
      const basicCode = nextBasicCode();
      const el = itemElements({}, { name: '养犬登记' });
      const { item, materials } = rowsOf('gaj', basicCode, el);
      const forDept = rowsOf('scjg', basicCode, el);
      const report = await importOk(scjg, await workbook([forDept.item], forDept.materials));
      expect(report.errors.map((e) => [e.column, e.code])).toEqual([['基本编码', 'IMPORT.UNKNOWN_CATALOGUE_ITEM']]);
      expect(await importOk(admin, await workbook([item], materials))).toMatchObject({ imported: 1, createdCatalogueItems: 1 });
      const found = (await t.call(admin, 'GET', `/api/catalogue-items?q=${basicCode}`)).json().items;
      expect(found).toEqual([expect.objectContaining({ basicCode, origin: 'local', name: '养犬登记', levels: [4] })]);
      const consistency = (await t.call(admin, 'GET', '/api/consistency')).json().deviations as Array<{ implementationCode: string }>;
      expect(consistency.filter((d) => d.implementationCode === codeOf('gaj', basicCode))).toEqual([]);
    });

    it('a department editor imports own-org rows as drafts; other orgs\' rows are errors', async () => {
      const a = await newCatalogue();
      const own = rowsOf('scjg', a, itemElements());
      const other = rowsOf('wjw', a, itemElements());
      const mixed = await importOk(scjg, await workbook([own.item, other.item], [...own.materials, ...other.materials]));
      expect(mixed.errors.map((e) => [e.row, e.column, e.value, e.code])).toEqual([[3, '实施机构统一社会信用代码', usccOf('wjw'), 'IMPORT.FOREIGN_ORG']]);
      expect(mixed.committed).toBe(false);

      const res = await upload(scjg, await workbook([own.item], own.materials));
      expect(res.json()).toMatchObject({ committed: true, imported: 1, effective: false });
      const item = (await detail(codeOf('scjg', a), t, scjg)).json();
      expect(item.current).toBeNull();
      expect(item.draft).toMatchObject({ versionNo: 1, state: 'draft', source: 'import' });
      expect(item.draft.elements).toEqual(itemElements());
      expect((await t.call(undefined, 'GET', `/api/public/items/${codeOf('scjg', a)}`)).statusCode).toBe(404);
      // Again unchanged; then a change updates the same draft (no second draft).
      expect(await importOk(scjg, await workbook([own.item], own.materials))).toMatchObject({ unchanged: 1 });
      const edited = rowsOf('scjg', a, itemElements({ hours: '周一至周五' }));
      expect(await importOk(scjg, await workbook([edited.item], edited.materials))).toMatchObject({ updated: 1 });
      const after = (await detail(codeOf('scjg', a), t, scjg)).json();
      expect(after.versions).toHaveLength(1);
      expect(after.draft.elements.hours).toBe('周一至周五');
      expect((await auditRowOf('item.import', res))[0].summary).toMatchObject({ effective: false, imported: 1 });
    });
  });

  describe('GET /api/items/import-template.xlsx', () => {
    it('401 without a session', async () => {
      expectError(await get(undefined, '/api/items/import-template.xlsx'), 401, 'AUTH.REQUIRED');
    });

    it('downloads a workbook with Chinese headers (bold, frozen, dropdowns) and a 说明 sheet', async () => {
      const res = await get(scjg, '/api/items/import-template.xlsx');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe(XLSX);
      expect(res.headers['content-disposition']).toMatch(/attachment; filename="qingdan-import-template.xlsx"; filename\*=UTF-8''/);
      const wb = await readXlsx(res.rawPayload);
      expect(wb.worksheets.map((s) => s.name)).toEqual(['事项', '材料', '说明']);
      const items = wb.getWorksheet('事项')!;
      expect((items.getRow(1).values as unknown[]).slice(1)).toEqual(ITEM_COLUMNS.map((c) => c.header));
      expect(items.rowCount).toBe(1);
      expect(items.getRow(1).getCell(2).font?.bold).toBe(true);
      expect(items.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      const typeColumn = ITEM_COLUMNS.findIndex((c) => c.key === 'type') + 1;
      expect(items.getCell(5, typeColumn).dataValidation).toMatchObject({ type: 'list', formulae: [expect.stringContaining('行政许可')] });
      expect((wb.getWorksheet('材料')!.getRow(1).values as unknown[]).slice(1)).toEqual(MATERIAL_COLUMNS.map((c) => c.header));
      const guide = sheetValues(wb.getWorksheet('说明')!).map((r) => r.join(' '));
      for (const c of ITEM_COLUMNS) expect(guide.some((line) => line.includes(c.header)), c.header).toBe(true);
      expect(guide.some((line) => line.includes('行政备案') && line.includes(FILING))).toBe(true);
      // The template itself imports as "no data".
      expectError(await upload(admin, res.rawPayload), 400, 'IMPORT.EMPTY_FILE');
    });
  });

  describe('GET /api/items/export', () => {
    it('401 without a session; 400 for a bad format or date', async () => {
      expectError(await get(undefined, '/api/items/export'), 401, 'AUTH.REQUIRED');
      expectError(await get(admin, '/api/items/export?format=csv'), 400, 'VALIDATION.FAILED');
      expectError(await get(admin, '/api/items/export?asOf=2026-99-99'), 400, 'LIST.INVALID_AS_OF');
    });

    it('exports the filtered list as JSON in the documented shape', async () => {
      const a = await newCatalogue();
      const entrusted = itemElements({ powerSource: 5 });
      const orgs = (await t.call(admin, 'GET', '/api/orgs')).json().items as Array<{ id: string; uscc: string }>;
      entrusted.entrustingOrgId = orgs.find((o) => o.uscc === usccOf('city'))!.id;
      const { item, materials } = rowsOf('nmj', a, entrusted, { 委托机关统一社会信用代码: usccOf('city') });
      expect(await importOk(admin, await workbook([item], materials))).toMatchObject({ imported: 1 });
      const orgId = (await detail(codeOf('nmj', a))).json().orgId;

      const res = await get(admin, `/api/items/export?format=json&org=${orgId}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      const items = res.json() as unknown[];
      expect(items.length).toBeGreaterThan(0);
      const doc = fs.readFileSync(path.join(process.cwd(), 'docs/list-json-schema.md'), 'utf8');
      const schema = JSON.parse(/```json\n([\s\S]*?)\n```/.exec(doc)![1]) as object;
      // The documented schema is the one the code exports, and every exported item satisfies it.
      expect(schema).toEqual(JSON.parse(JSON.stringify(ExportedItem)));
      for (const x of items) expect([...Value.Errors(schema, x)]).toEqual([]);
      const mine = items.find((x) => (x as { identifier: string }).identifier === codeOf('nmj', a)) as Record<string, any>;
      expect(mine).toMatchObject({
        basicCode: a,
        levelDigit: 4,
        name: '食品经营许可',
        type: { code: '01', label: '行政许可' },
        hasCompetentAuthority: { identifier: usccOf('nmj'), name: demo('nmj').nameZh, level: 4 },
        hasInput: entrusted.materials,
        processingTime: { statutory: entrusted.statutoryTimeLimit, promised: entrusted.promisedTimeLimit },
        powerSource: { code: 5, label: '上级委托' },
        entrustingAuthority: { identifier: usccOf('city'), name: demo('city').nameZh },
        handlingItems: [expect.objectContaining({ identifier: `${codeOf('nmj', a)}01`, splitReason: '新设' }), expect.anything()],
      });
      expect(items.every((x) => (x as { hasCompetentAuthority: { identifier: string } }).hasCompetentAuthority.identifier === usccOf('nmj'))).toBe(true);
    });

    it('the public export is the public list, without login', async () => {
      const res = await get(undefined, '/api/public/items/export?format=json');
      expect(res.statusCode, res.body).toBe(200);
      const exported = (res.json() as Array<{ identifier: string }>).map((x) => x.identifier);
      const listed: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: Array<{ implementationCode: string }>; nextCursor: string | null } = (await t.call(undefined, 'GET', `/api/public/items?limit=100${cursor ? `&cursor=${cursor}` : ''}`)).json();
        listed.push(...page.items.map((i) => i.implementationCode));
        cursor = page.nextCursor;
      } while (cursor);
      expect(exported).toEqual(listed);
      expect(exported.length).toBeGreaterThan(0);
      const xlsx = await get(undefined, '/api/public/items/export');
      expect(xlsx.statusCode).toBe(200);
      expect(xlsx.headers['content-type']).toBe(XLSX);
    });

    it('round trip: an exported .xlsx imports into a fresh app with the same catalogue as the same list', async () => {
      // Items with every kind of element: materials, filing settings, separators inside cells, an entrusting org.
      const f = await newCatalogue(uniformElements({ name: '种畜禽生产经营许可备案', type: FILING }), [4]);
      const tricky = await newCatalogue(uniformElements({ name: '道路运输经营许可', acceptanceConditions: '第一行\n第二行|含竖线' }), [4, 5]);
      const rows = [
        rowsOf('nmj', f, itemElements({ fees: [], filing: { category: 'confirmation', output: '备案编号', promisedDays: 5, secret: false } }, { name: '种畜禽生产经营许可备案', type: FILING })),
        rowsOf('jtys', tricky, itemElements({ fees: [{ name: '工本费|证', standard: '10元\n每本', basis: '《收费标准》' }], handlingItems: [] }, { name: '道路运输经营许可', acceptanceConditions: '第一行\n第二行|含竖线' })),
        rowsOf('wdh', tricky, itemElements({ caseKind: 1, promisedTimeLimit: { amount: 0, unit: 'workday' }, onlineDepth: 0, onlineGuideUrl: undefined }, { name: '道路运输经营许可', acceptanceConditions: '第一行\n第二行|含竖线' })),
      ];
      expect(await importOk(admin, await workbook(rows.map((r) => r.item), rows.flatMap((r) => r.materials)))).toMatchObject({ imported: 3, errorCount: 0 });

      const exported = await get(admin, '/api/items/export?format=xlsx');
      expect(exported.statusCode).toBe(200);
      expect(exported.headers['content-disposition']).toMatch(/filename="qingdan-items-\d{4}-\d{2}-\d{2}.xlsx"/);
      const wb = await readXlsx(exported.rawPayload);
      expect(wb.worksheets.map((s) => s.name)).toEqual(['事项', '材料', '说明']);
      expect((wb.getWorksheet('事项')!.getRow(1).values as unknown[]).slice(1)).toEqual(ITEM_COLUMNS.map((c) => c.header));

      const fresh = await buildTestApp();
      try {
        const freshAdmin = await fresh.login('admin');
        for (const c of catalogue) await createCatalogue(fresh, freshAdmin, c.basicCode, c.uniform, c.levels);
        const report = await importOk(freshAdmin, exported.rawPayload, {}, fresh);
        expect(report.errors).toEqual([]);
        expect(report.imported).toBe(report.rows);
        const strip = (items: Array<Record<string, unknown>>) => items.map(({ version: _v, ...rest }) => rest);
        const before = strip((await get(admin, '/api/items/export?format=json')).json());
        const after = strip((await get(freshAdmin, '/api/items/export?format=json', fresh)).json());
        expect(after).toEqual(before);
        // Effective dates survive as dates (China time).
        const dates = (app: TestApp, s: Session) => get(s, '/api/items/export?format=json', app).then((r) => r.json().map((x: ExportedItem) => x.version.effectiveFrom));
        const day = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);
        expect((await dates(fresh, freshAdmin)).map(day)).toEqual((await dates(t, admin)).map(day));
        // And the re-import of the re-export changes nothing.
        const again = await get(freshAdmin, '/api/items/export', fresh);
        expect(await importOk(freshAdmin, again.rawPayload, {}, fresh)).toMatchObject({ imported: 0, updated: 0, unchanged: report.rows });
      } finally {
        await fresh.close();
      }
    });

    // An independent reader: LibreOffice, when installed (CI's apt list decides); the exceljs reads above always run.
    const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => fs.existsSync(p));
    const why = soffice ? '' : ' (skipped: LibreOffice is not installed, no /usr/bin/soffice)';
    it.skipIf(!soffice)(`LibreOffice opens the export (CSV of 「事项」 and 「材料」), and its own re-saved .xlsx imports as unchanged${why}`, async () => {
      const res = await get(admin, '/api/items/export');
      const exported = (await get(admin, '/api/items/export?format=json')).json() as Array<{ identifier: string; name: string; hasInput: Array<{ name: string }> }>;
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qingdan-lo-'));
      const convert = (filter: string, input: string, outdir: string) =>
        promisify(execFile)(soffice!, ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', filter, '--outdir', outdir, input], { timeout: 120_000 });
      try {
        fs.writeFileSync(path.join(dir, 'list.xlsx'), res.rawPayload);
        // 44,34,76,1: comma, double quote, UTF-8, from line 1; token 12 = -1: one CSV file per sheet.
        await convert('csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1', path.join(dir, 'list.xlsx'), dir);
        const csv = fs.readFileSync(path.join(dir, 'list-事项.csv'), 'utf8');
        expect(csv.split('\n')[0].replace(/"/g, '')).toBe(ITEM_COLUMNS.map((c) => c.header).join(','));
        const materials = fs.readFileSync(path.join(dir, 'list-材料.csv'), 'utf8');
        expect(materials.split('\n')[0].replace(/"/g, '')).toBe(MATERIAL_COLUMNS.map((c) => c.header).join(','));
        for (const x of exported) {
          expect(csv).toContain(x.identifier);
          expect(csv).toContain(x.name);
          for (const m of x.hasInput) expect(materials).toContain(m.name);
        }
        // LibreOffice writes shared strings, another part order and its own styles: the import reads it all the same.
        await convert('xlsx:Calc MS Excel 2007 XML', path.join(dir, 'list.xlsx'), path.join(dir, 'resaved'));
        const report = await importOk(admin, fs.readFileSync(path.join(dir, 'resaved', 'list.xlsx')));
        expect(report).toMatchObject({ errors: [], imported: 0, updated: 0, unchanged: exported.length });
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
