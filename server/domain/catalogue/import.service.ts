// Spreadsheet import of the list (issue 3 §6): validate the whole workbook cell by cell, then write in one
// transaction with batched inserts — no query per row, one audit row per import.
import { Type, type Static } from 'typebox';
import { Compile } from 'typebox/compile';
import { chinaDate } from '../../../common/calendar.ts';
import { buildHandlingItemCode, isValidImplementationCode, isValidUscc } from '../../../common/checksums.ts';
import { ItemElements, itemProblems, uniformOf } from '../../../common/item-elements.ts';
import { LEVEL_LABELS } from '../../../common/roles.ts';
import { isUniqueViolation } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { actorOf, type ServiceContext } from '../../platform/context.ts';
import { conflict, forbidden, invalid } from '../../platform/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { listOrgs, type Org } from '../orgs/orgs.service.ts';
import { canEditItem, canLoadDirectly, canManageCatalogue } from './catalogue.policy.ts';
import * as repo from './catalogue.repo.ts';
import { filterColumns, indexCurrentMany } from './items.service.ts';
import { limitConverter } from './validation.service.ts';
import {
  cellOfProblem, codeOfRule, completeElements, headerOf, ITEM_COLUMNS, ITEMS_SHEET, MATERIAL_COLUMNS, MATERIALS_SHEET, parseItemRow, parseMaterialRow,
  readWorkbookRows, TooManyRows, UnreadableWorkbook, type CellIssue, type ParsedItemRow, type ParsedMaterialRow, type SheetName, type SheetRow,
} from './spreadsheet.ts';

export const MAX_REPORTED_ERRORS = 1000;

/** One bad cell: spreadsheet row number (header = 1), column header, the cell's text, stable code, Chinese message. */
export const ImportError = Type.Object({
  sheet: Type.Union([Type.Literal(ITEMS_SHEET), Type.Literal(MATERIALS_SHEET)]),
  row: Type.Integer({ description: 'spreadsheet row number; the header is row 1' }),
  column: Type.String({ description: 'column header' }),
  value: Type.Union([Type.String(), Type.Null()]),
  code: Type.String(),
  message: Type.String(),
});
export type ImportError = Static<typeof ImportError>;

/** What an import did, or (committed = false) why it did nothing. */
export const ImportReport = Type.Object({
  mode: Type.Union([Type.Literal('all'), Type.Literal('validRows')]),
  committed: Type.Boolean({ description: 'false: mode=all found errors and nothing at all was written' }),
  rows: Type.Integer({ description: 'data rows of 「事项」' }),
  materialRows: Type.Integer({ description: 'data rows of 「材料」' }),
  imported: Type.Integer({ description: 'new items' }),
  updated: Type.Integer({ description: 'existing items with a new version (bureau) or a new or changed draft (department)' }),
  unchanged: Type.Integer({ description: 'existing items equal to the row: nothing written' }),
  createdCatalogueItems: Type.Integer({ description: 'local catalogue items created for unknown basic codes (bureau only)' }),
  effective: Type.Boolean({ description: 'true: effective versions (bureau); false: drafts (department)' }),
  errorCount: Type.Integer(),
  errors: Type.Array(ImportError, { description: `the first ${MAX_REPORTED_ERRORS} errors, in sheet, row and column order` }),
});
export type ImportReport = Static<typeof ImportReport>;
export type ImportMode = ImportReport['mode'];

const elementsCheck = Compile(ItemElements);

// Equality of element sets for "unchanged": key order, and null/undefined/'' against absent, make no difference.
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined && v !== null && v !== '') out[key] = canonical(v);
    }
    return out;
  }
  return value;
}
const sameElements = (a: unknown, b: unknown) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

/** Whether stored elements (JSON text) equal a row's: the common case, text written by an import, without parsing. */
const storedEquals = (stored: string, el: ItemElements) => stored === JSON.stringify(el) || sameElements(JSON.parse(stored), el);

const SCHEMA_CODES: Readonly<Record<string, [string, (p: Record<string, unknown>) => string]>> = {
  maxLength: ['IMPORT.TOO_LONG', (p) => `长度不能超过 ${String(p.limit)} 个字符`],
  maxItems: ['IMPORT.TOO_MANY', (p) => `最多 ${String(p.limit)} 项`],
  maximum: ['IMPORT.OUT_OF_RANGE', (p) => `不能大于 ${String(p.limit)}`],
  minimum: ['IMPORT.OUT_OF_RANGE', (p) => `不能小于 ${String(p.limit)}`],
  pattern: ['IMPORT.BAD_FORMAT', () => '格式不正确'],
};

/** A date of the sheet as the start of that day in China (UTC+8). */
const dayStart = (date: string) => new Date(`${date}T00:00:00+08:00`).toISOString();

interface ItemRowState {
  sheetRow: SheetRow;
  parsed: ParsedItemRow;
  code?: string;
  org?: Org;
  levelDigit?: number;
  basicCode?: string;
  entrustingOrgId: string | null;
  materials: Array<{ sheetRow: SheetRow; parsed: ParsedMaterialRow }>;
  elements?: ItemElements;
  errors: ImportError[];
}

/**
 * Imports a list workbook (the layout of the import template). Every bad cell is reported (row, column, value, code,
 * Chinese message). mode=all writes nothing unless the whole file is valid; mode=validRows writes the valid items.
 * Idempotent by implementation code: an unchanged row writes nothing, a changed one a new version. Bureau
 * administrators load effective versions (the initial-loading path, like `item.load`) and may create local catalogue
 * items for unknown basic codes; department editors import their own org's rows as drafts.
 * @throws IMPORT.UNREADABLE_FILE, IMPORT.MISSING_SHEET, IMPORT.EMPTY_FILE, IMPORT.TOO_MANY_ROWS (400), ACCESS.FORBIDDEN,
 *   IMPORT.CONCURRENT_CHANGE (409)
 */
export async function importItems(ctx: ServiceContext, file: Buffer, options: { mode?: ImportMode; fileName?: string } = {}): Promise<ImportReport> {
  const actor = actorOf(ctx);
  if (!canEditItem(actor, actor.orgId)) throw forbidden();
  const mode = options.mode ?? 'all';
  const effective = canLoadDirectly(actor);
  const mayCreateCatalogue = effective && canManageCatalogue(actor);
  const filingTypeCode = ctx.config.filingTypeCode;

  let book;
  try {
    book = await readWorkbookRows(file);
  } catch (e) {
    if (e instanceof TooManyRows) throw invalid('IMPORT.TOO_MANY_ROWS', '每个工作表最多导入 100000 行，请分批导入');
    if (e instanceof UnreadableWorkbook) throw invalid('IMPORT.UNREADABLE_FILE', '无法读取该文件，请上传 .xlsx 格式的清单（可先下载导入模板）');
    throw e;
  }
  if (!book.found[ITEMS_SHEET]) throw invalid('IMPORT.MISSING_SHEET', '文件中没有「事项」工作表，请使用导入模板');
  if (book.items.length === 0) throw invalid('IMPORT.EMPTY_FILE', '「事项」表中没有数据行');

  const report: ImportReport = {
    mode, committed: false, rows: book.items.length, materialRows: book.materials.length, imported: 0, updated: 0, unchanged: 0,
    createdCatalogueItems: 0, effective, errorCount: 0, errors: [],
  };
  const header = (sheet: SheetName, key: string) => (key === 'materials' ? MATERIALS_SHEET : (book.headers[sheet].get(key) ?? headerOf(sheet, key)));

  // A missing required column is one file-level problem, not one per row.
  const missing = [
    ...(book.headers[ITEMS_SHEET].has('implementationCode') ? [] : (['basicCode', 'orgUscc', 'level'] as const).filter((k) => !book.headers[ITEMS_SHEET].has(k))),
    ...ITEM_COLUMNS.filter((c) => 'required' in c && c.required && !['basicCode', 'orgUscc', 'level'].includes(c.key) && !book.headers[ITEMS_SHEET].has(c.key)).map((c) => c.key),
  ];
  const missingMaterials = book.materials.length > 0 ? MATERIAL_COLUMNS.filter((c) => 'required' in c && c.required && !book.headers[MATERIALS_SHEET].has(c.key)).map((c) => c.key) : [];
  if (missing.length > 0 || missingMaterials.length > 0) {
    const errors = [
      ...missing.map((k) => ({ sheet: ITEMS_SHEET, key: k })),
      ...missingMaterials.map((k) => ({ sheet: MATERIALS_SHEET, key: k })),
    ].map(({ sheet, key }): ImportError => ({ sheet: sheet as SheetName, row: 1, column: headerOf(sheet as SheetName, key), value: null, code: 'IMPORT.MISSING_COLUMN', message: `缺少“${headerOf(sheet as SheetName, key)}”列` }));
    return { ...report, errorCount: errors.length, errors };
  }

  const rows: ItemRowState[] = book.items.map((sheetRow) => ({
    sheetRow,
    parsed: parseItemRow((key) => sheetRow.cells.get(key) ?? '', { filingTypeCode }),
    entrustingOrgId: null,
    materials: [],
    errors: [],
  }));
  const materialRows = book.materials.map((sheetRow) => ({ sheetRow, parsed: parseMaterialRow((key) => sheetRow.cells.get(key) ?? '') }));
  const strayErrors: ImportError[] = [];

  const errorAt = (sheet: SheetName, sheetRow: SheetRow, column: string, code: string, message: string): ImportError => ({
    sheet, row: sheetRow.row, column: header(sheet, column), value: sheetRow.cells.get(column) ?? null, code, message,
  });
  const addIssues = (target: ImportError[], sheet: SheetName, sheetRow: SheetRow, issues: CellIssue[]) => {
    for (const i of issues) target.push(errorAt(sheet, sheetRow, i.column, i.code, i.message));
  };

  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const tctx = { ...ctx, db: trx };
      const orgs = await listOrgs(tctx);
      const orgByUscc = new Map(orgs.map((o) => [o.uscc, o]));
      const orgById = new Map(orgs.map((o) => [o.id, o]));

      // ---- identity of each row: implementation code, org, level, basic code
      for (const r of rows) {
        const p = r.parsed;
        const fail = (column: string, code: string, message: string) => r.errors.push(errorAt(ITEMS_SHEET, r.sheetRow, column, code, message));
        addIssues(r.errors, ITEMS_SHEET, r.sheetRow, p.issues);
        let uscc = p.orgUscc;
        let basic = p.basicCode;
        let level = p.levelDigit;
        if (p.implementationCode) {
          const code = p.implementationCode;
          if (!isValidImplementationCode(code)) {
            const why = code.length !== 31 ? `应为31位，实为${code.length}位` : !isValidUscc(code.slice(0, 18)) ? '前18位的统一社会信用代码校验不通过' : '行使层级位或基本编码不正确';
            fail('implementationCode', 'IMPORT.INVALID_IMPLEMENTATION_CODE', `实施编码无效：${why}`);
            continue;
          }
          const fromCode = { uscc: code.slice(0, 18), level: Number(code[18]), basic: code.slice(19) };
          if ((uscc && uscc !== fromCode.uscc) || (basic && basic !== fromCode.basic) || (level !== undefined && level !== fromCode.level)) {
            fail('implementationCode', 'IMPORT.CODE_MISMATCH', '实施编码与基本编码、实施机构统一社会信用代码或行使层级不一致');
            continue;
          }
          ({ uscc, basic, level } = fromCode);
        }
        if (!uscc || !basic || level === undefined) continue;
        const basicOk = /^[0-9A-Z]{12}$/.test(basic);
        if (!basicOk) fail('basicCode', 'IMPORT.INVALID_BASIC_CODE', '基本编码须为12位数字或大写字母，不含分隔符');
        if (!isValidUscc(uscc)) {
          fail('orgUscc', 'IMPORT.INVALID_USCC', uscc.length !== 18 ? `统一社会信用代码应为18位，实为${uscc.length}位` : '统一社会信用代码校验位不正确');
          continue;
        }
        const org = orgByUscc.get(uscc);
        if (!org) {
          fail('orgUscc', 'IMPORT.UNKNOWN_ORG', '系统中没有该统一社会信用代码的机构');
          continue;
        }
        if (!canEditItem(actor, org.id)) {
          fail('orgUscc', 'IMPORT.FOREIGN_ORG', '只能导入本单位的事项');
          continue;
        }
        const levelOk = level === org.level;
        if (!levelOk) fail('level', 'IMPORT.LEVEL_MISMATCH', `行使层级须与实施机构的层级（${LEVEL_LABELS[org.level as keyof typeof LEVEL_LABELS] ?? org.level}）一致`);
        if (!basicOk || !levelOk) continue;
        r.org = org;
        r.levelDigit = level;
        r.basicCode = basic;
        r.code = uscc + String(level) + basic;
      }

      // ---- the same item twice is ambiguous: every occurrence is an error
      const byCode = new Map<string, ItemRowState[]>();
      for (const r of rows) if (r.code) byCode.set(r.code, [...(byCode.get(r.code) ?? []), r]);
      for (const same of byCode.values()) {
        if (same.length < 2) continue;
        for (const r of same) {
          const others = same.filter((o) => o !== r).map((o) => o.sheetRow.row).join('、');
          r.errors.push({ ...errorAt(ITEMS_SHEET, r.sheetRow, r.parsed.implementationCode ? 'implementationCode' : 'basicCode', 'IMPORT.DUPLICATE_ROW', `与第 ${others} 行是同一事项（实施编码 ${r.code}）`), value: r.code! });
        }
      }

      // ---- catalogue items: known ones must be exercised at the row's level; unknown ones only the bureau may create
      const catalogue = new Map((await repo.catalogueItemsByBasicCodes(trx, rows.flatMap((r) => (r.basicCode ? [r.basicCode] : [])))).map((c) => [c.basic_code, c]));
      for (const r of rows) {
        if (!r.basicCode) continue;
        const cat = catalogue.get(r.basicCode);
        if (!cat) {
          if (!mayCreateCatalogue) r.errors.push(errorAt(ITEMS_SHEET, r.sheetRow, 'basicCode', 'IMPORT.UNKNOWN_CATALOGUE_ITEM', '基本目录中没有该基本编码的事项'));
          continue;
        }
        const levels = JSON.parse(cat.levels) as number[];
        if (!levels.includes(r.levelDigit!)) {
          const names = levels.map((l) => LEVEL_LABELS[l as keyof typeof LEVEL_LABELS] ?? l).join('、');
          r.errors.push(errorAt(ITEMS_SHEET, r.sheetRow, 'level', 'IMPORT.LEVEL_MISMATCH', `目录事项不在该层级行使（可行使层级：${names}）`));
        }
      }

      // ---- entrusting orgs
      for (const r of rows) {
        const uscc = r.parsed.entrustingOrgUscc;
        if (!uscc) continue;
        const org = orgByUscc.get(uscc);
        if (!isValidUscc(uscc)) r.errors.push(errorAt(ITEMS_SHEET, r.sheetRow, 'entrustingOrg', 'IMPORT.INVALID_USCC', '委托机关统一社会信用代码无效'));
        else if (!org) r.errors.push(errorAt(ITEMS_SHEET, r.sheetRow, 'entrustingOrg', 'IMPORT.UNKNOWN_ORG', '系统中没有该委托机关'));
        else r.entrustingOrgId = org.id;
        if (!org) r.parsed.failed.add('entrustingOrg');
      }

      // ---- materials: each row belongs to an item row of this file, by implementation code or basic code + USCC
      const byRawKey = new Map<string, ItemRowState>();
      for (const r of rows) {
        if (r.code) byRawKey.set(r.code, r);
        if (r.parsed.implementationCode) byRawKey.set(r.parsed.implementationCode, r);
        if (r.parsed.basicCode && r.parsed.orgUscc) byRawKey.set(`${r.parsed.basicCode}|${r.parsed.orgUscc}`, r);
      }
      for (const m of materialRows) {
        const p = m.parsed;
        const owner = (p.implementationCode && byRawKey.get(p.implementationCode)) || (p.basicCode && p.orgUscc && byRawKey.get(`${p.basicCode}|${p.orgUscc}`)) || undefined;
        if (owner) {
          owner.materials.push(m);
          continue;
        }
        addIssues(strayErrors, MATERIALS_SHEET, m.sheetRow, p.issues);
        if (!p.failed.has('implementationCode')) {
          strayErrors.push(errorAt(MATERIALS_SHEET, m.sheetRow, p.implementationCode ? 'implementationCode' : 'basicCode', 'IMPORT.UNKNOWN_ITEM_KEY', '「事项」表中没有该材料所属的事项'));
        }
      }

      // ---- elements: schema and every itemProblems rule, each mapped back to its cell
      const toDays = await limitConverter(tctx);
      for (const r of rows) {
        const cellsWithErrors = new Set(r.errors.map((e) => `${e.sheet}|${e.row}|${e.column}`));
        const seen = new Set<string>();
        r.materials.forEach((m) => {
          addIssues(r.errors, MATERIALS_SHEET, m.sheetRow, m.parsed.issues);
          const name = m.parsed.material.name.trim();
          if (name && seen.has(name)) {
            r.errors.push(errorAt(MATERIALS_SHEET, m.sheetRow, 'name', 'IMPORT.DUPLICATE_MATERIAL', `同一事项的材料“${name}”重复`));
            m.parsed.failed.add('name');
          }
          seen.add(name);
        });
        for (const e of r.errors) cellsWithErrors.add(`${e.sheet}|${e.row}|${e.column}`);
        const elements = completeElements(r.parsed, r.materials.map((m) => m.parsed.material), r.entrustingOrgId);
        const problems = [
          ...elementsCheck.Errors(elements).map((e) => {
            const [code, message] = SCHEMA_CODES[e.keyword] ?? ['IMPORT.INVALID_VALUE', () => '取值不正确'];
            return { path: e.instancePath.slice(1).replace(/\//g, '.'), code, message: message(e.params as Record<string, unknown>) };
          }),
          ...itemProblems(elements, { filingTypeCode, toDays, orgExists: (id) => orgById.has(id) }).map((p) => ({ ...p, code: codeOfRule(p.path) })),
        ];
        for (const problem of problems) {
          const where = cellOfProblem(problem.path);
          const material = where.materialIndex !== undefined ? r.materials[where.materialIndex] : undefined;
          const failed = material ? material.parsed.failed : r.parsed.failed;
          if ([where.column, ...where.dependsOn].some((c) => failed.has(c))) continue;
          const sheetRow = material ? material.sheetRow : r.sheetRow;
          const sheet = material ? MATERIALS_SHEET : ITEMS_SHEET;
          const key = `${sheet}|${sheetRow.row}|${header(sheet, where.column)}`;
          if (cellsWithErrors.has(key)) continue;
          cellsWithErrors.add(key);
          r.errors.push(errorAt(sheet, sheetRow, where.column, problem.code, problem.message));
        }
        r.elements = elements;
      }

      // ---- what each valid row would do to the stored item
      const existing = new Map((await repo.itemsByCodes(trx, rows.flatMap((r) => (r.code && r.errors.length === 0 ? [r.code] : [])))).map((i) => [i.implementation_code, i]));
      const existingIds = [...existing.values()].map((i) => i.id);
      const nowIso = ctx.now.toISOString();
      const heads = await repo.latestVersionsOfItems(trx, existingIds, nowIso);
      const draftOf = new Map(heads.filter((v) => v.state === 'draft').map((v) => [v.item_id, v]));
      const finalOf = new Map<string, repo.ItemVersionRow>();
      const currentOf = new Map<string, repo.ItemVersionRow>();
      for (const v of heads) {
        if (v.state !== 'final') continue;
        if (v.version_no > (finalOf.get(v.item_id)?.version_no ?? 0)) finalOf.set(v.item_id, v);
        if (v.effective_from! <= nowIso && (v.effective_to === null || v.effective_to > nowIso)) currentOf.set(v.item_id, v);
      }
      const plans = new Map<ItemRowState, Plan>();
      for (const r of rows) {
        if (r.errors.length > 0 || !r.code) continue;
        const item = existing.get(r.code);
        const date = r.parsed.effectiveDate;
        if (!item) {
          plans.set(r, { kind: 'new', effectiveFrom: effective && date ? dayStart(date) : nowIso });
          continue;
        }
        const latest = finalOf.get(item.id);
        const current = currentOf.get(item.id);
        const draft = draftOf.get(item.id);
        // The row as the list shows it now (an export) or as it is scheduled: nothing to do, a schedule stays.
        const shown = [latest, current].some((v) => v && storedEquals(v.elements, r.elements!));
        if (!effective) {
          plans.set(r, (draft ? storedEquals(draft.elements, r.elements!) : shown) ? { kind: 'unchanged' } : { kind: 'draft', item, draft, latest });
          continue;
        }
        if (shown) {
          plans.set(r, { kind: 'unchanged' });
          continue;
        }
        // The exported date of the version shown, left as it was, means "effective now".
        const asExported = [latest, current].some((v) => v?.effective_from && date === chinaDate(v.effective_from));
        const from = date && !asExported ? dayStart(date) : nowIso;
        if (latest && (latest.effective_from! >= from || (latest.effective_to !== null && latest.effective_to > from))) {
          const at = chinaDate(latest.effective_from!);
          r.errors.push(errorAt(ITEMS_SHEET, r.sheetRow, 'effectiveFrom', 'IMPORT.INTERVAL_OVERLAP', `该事项现行版本自 ${at} 起生效，新版本的生效日期须晚于该日期（留空表示立即生效）`));
          continue;
        }
        plans.set(r, { kind: 'version', item, effectiveFrom: from, latest });
      }

      const allErrors = [...rows.flatMap((r) => r.errors), ...strayErrors];
      report.errorCount = allErrors.length;
      report.errors = sortErrors(allErrors).slice(0, MAX_REPORTED_ERRORS);
      if (mode === 'all' && allErrors.length > 0) return report;

      await writePlans(tctx, trx, rows, plans, catalogue, { effective, nowIso }, report);
      report.committed = true;
      await recordAudit(trx, ctx, {
        action: 'item.import',
        targetType: 'item',
        summary: {
          mode, fileName: options.fileName ?? null, effective, rows: report.rows, materialRows: report.materialRows, imported: report.imported,
          updated: report.updated, unchanged: report.unchanged, createdCatalogueItems: report.createdCatalogueItems, errors: report.errorCount,
        },
      });
      return report;
    });
  } catch (e) {
    // Another request created one of these items between our reads and our inserts: nothing was written.
    if (isUniqueViolation(e)) throw conflict('IMPORT.CONCURRENT_CHANGE', '导入期间清单被其他操作修改，请重新导入');
    throw e;
  }
}

const columnOrder = new Map<string, number>([
  ...ITEM_COLUMNS.map((c, i) => [`${ITEMS_SHEET}|${c.header}`, i] as [string, number]),
  ...MATERIAL_COLUMNS.map((c, i) => [`${MATERIALS_SHEET}|${c.header}`, i] as [string, number]),
]);

function sortErrors(errors: ImportError[]): ImportError[] {
  const sheetRank = (s: SheetName) => (s === ITEMS_SHEET ? 0 : 1);
  return [...errors].sort(
    (a, b) => sheetRank(a.sheet) - sheetRank(b.sheet) || a.row - b.row || (columnOrder.get(`${a.sheet}|${a.column}`) ?? 99) - (columnOrder.get(`${b.sheet}|${b.column}`) ?? 99),
  );
}

/** What one valid row does to the stored list. */
type Plan =
  | { kind: 'unchanged' }
  | { kind: 'new'; effectiveFrom: string }
  | { kind: 'version'; item: repo.ItemRow; effectiveFrom: string; latest?: repo.ItemVersionRow }
  | { kind: 'draft'; item: repo.ItemRow; draft?: repo.ItemVersionRow; latest?: repo.ItemVersionRow };

type CatalogueRef = { id: string; basic_code: string; current_version_no: number; levels: string };

/**
 * Applies the plans with batched inserts. Effective versions follow applyDraftVersion's steps (close the open
 * interval, final version with handling items, clear a review flag the new catalogue version is taken into, index
 * when effective now) without its per-row queries: every rule was checked above, for the whole file at once.
 */
async function writePlans(
  ctx: ServiceContext,
  trx: ServiceContext['db'],
  rows: ItemRowState[],
  plans: Map<ItemRowState, Plan>,
  catalogue: Map<string, CatalogueRef>,
  options: { effective: boolean; nowIso: string },
  report: ImportReport,
): Promise<void> {
  const actor = actorOf(ctx);
  const now = options.nowIso;
  const stamp = ctx.now.getTime();

  // Local catalogue items for unknown basic codes: uniform elements of the first row, the levels of all its rows.
  const newCatalogue = new Map<string, { id: string; rows: ItemRowState[] }>();
  for (const [r, plan] of plans) {
    if (plan.kind !== 'new' || catalogue.has(r.basicCode!)) continue;
    const entry = newCatalogue.get(r.basicCode!) ?? { id: newId(stamp), rows: [] };
    entry.rows.push(r);
    newCatalogue.set(r.basicCode!, entry);
  }
  for (const [basicCode, entry] of newCatalogue) {
    const uniform = uniformOf(entry.rows[0].elements!);
    const levels = [...new Set(entry.rows.map((r) => r.levelDigit!))].sort();
    await repo.insertCatalogueItem(trx, { id: entry.id, basic_code: basicCode, local_code: null, origin: 'local', current_version_no: 1, created_at: now, updated_at: now });
    await repo.insertCatalogueVersion(trx, {
      id: newId(stamp), catalogue_item_id: entry.id, version_no: 1, name: uniform.name, type: uniform.type, levels: JSON.stringify(levels),
      uniform: JSON.stringify(uniform), change_note: '清单导入时新建的本地目录事项', created_at: now, created_by: actor.userId,
    });
    catalogue.set(basicCode, { id: entry.id, basic_code: basicCode, current_version_no: 1, levels: JSON.stringify(levels) });
  }
  report.createdCatalogueItems = newCatalogue.size;

  const maxNos = await repo.maxVersionNos(trx, [...plans.values()].flatMap((p) => (p.kind === 'version' || p.kind === 'draft' ? [p.item.id] : [])));
  const items: repo.ItemRow[] = [];
  const versions: repo.ItemVersionRow[] = [];
  const handling: Parameters<typeof repo.insertHandlingItems>[1] = [];
  const closes = new Map<string, string[]>();
  const toIndex: Array<{ item: repo.ItemRow; elements: ItemElements; basicCode: string }> = [];
  const reviewCleared: string[] = [];

  const version = (r: ItemRowState, item: repo.ItemRow, versionNo: number, effectiveFrom: string | null, catalogueVersionNo: number): repo.ItemVersionRow => {
    const final = effectiveFrom !== null;
    const row: repo.ItemVersionRow = {
      id: newId(stamp), item_id: item.id, version_no: versionNo, state: final ? 'final' : 'draft', implementation_code: item.implementation_code, org_id: item.org_id,
      catalogue_version_no: catalogueVersionNo, effective_from: effectiveFrom, effective_to: null, ...filterColumns(r.elements!),
      change_note: '清单导入', source: 'import', created_at: now, created_by: actor.userId, updated_at: now,
      finalised_at: final ? now : null, finalised_by: final ? actor.userId : null,
    };
    if (final) {
      for (const h of r.elements!.handlingItems) {
        handling.push({ id: newId(stamp), item_version_id: row.id, code: buildHandlingItemCode(item.implementation_code, h.seq), seq: h.seq, name: h.name, split_reason: h.splitReason });
      }
      if (effectiveFrom <= now) toIndex.push({ item, elements: r.elements!, basicCode: r.basicCode! });
    }
    return row;
  };

  for (const r of rows) {
    const plan = plans.get(r);
    if (!plan) continue;
    switch (plan.kind) {
      case 'unchanged':
        report.unchanged++;
        break;
      case 'new': {
        const item: repo.ItemRow = {
          id: newId(stamp), implementation_code: r.code!, org_id: r.org!.id, catalogue_item_id: catalogue.get(r.basicCode!)!.id, level_digit: r.levelDigit!,
          review_needed: false, review_catalogue_version_no: null, review_diff: null, created_at: now, updated_at: now,
        };
        items.push(item);
        versions.push(version(r, item, 1, options.effective ? plan.effectiveFrom : null, catalogue.get(r.basicCode!)!.current_version_no));
        report.imported++;
        break;
      }
      case 'version': {
        // A flagged item takes the new catalogue version over only if its uniform elements now equal it (as a take-over
        // would); otherwise the version keeps following the old catalogue version and the flag stays.
        const cat = catalogue.get(r.basicCode!)!;
        let follows = cat.current_version_no;
        if (plan.item.review_needed) {
          const current = await repo.findCatalogueVersion(trx, cat.id, cat.current_version_no);
          if (current && sameElements(JSON.parse(current.uniform), uniformOf(r.elements!))) reviewCleared.push(plan.item.id);
          else follows = plan.latest?.catalogue_version_no ?? cat.current_version_no;
        }
        versions.push(version(r, plan.item, (maxNos.get(plan.item.id) ?? 0) + 1, plan.effectiveFrom, follows));
        if (plan.latest && plan.latest.effective_to === null) closes.set(plan.effectiveFrom, [...(closes.get(plan.effectiveFrom) ?? []), plan.latest.id]);
        report.updated++;
        break;
      }
      case 'draft':
        if (plan.draft) {
          await repo.updateItemVersion(trx, plan.draft.id, { ...filterColumns(r.elements!), change_note: '清单导入', updated_at: now });
        } else {
          // As startDraft: a new draft follows the catalogue version its effective version follows.
          const follows = plan.latest?.catalogue_version_no ?? catalogue.get(r.basicCode!)!.current_version_no;
          versions.push(version(r, plan.item, (maxNos.get(plan.item.id) ?? 0) + 1, null, follows));
        }
        report.updated++;
        break;
    }
  }

  for (const [effectiveTo, ids] of closes) await repo.closeVersions(trx, ids, effectiveTo);
  await repo.insertItems(trx, items);
  await repo.insertItemVersions(trx, versions);
  await repo.insertHandlingItems(trx, handling);
  for (const id of reviewCleared) await repo.updateItem(trx, id, { review_needed: false, review_catalogue_version_no: null, review_diff: null, updated_at: now });
  await indexCurrentMany(trx, toIndex);
}
