// Export of any list query: .xlsx in exactly the import layout (streamed, constant memory) and a JSON array whose
// shape is documented in docs/list-json-schema.md (CPSV-AP-like names where natural).
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { PassThrough, Readable, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { Type, type Static } from 'typebox';
import {
  CASE_KINDS, IMPLEMENTER_NATURES, ONLINE_DEPTHS, POWER_SOURCES, SERVICE_RECIPIENTS, itemTypeLabel,
} from '../../../common/dictionaries.ts';
import { buildHandlingItemCode } from '../../../common/checksums.ts';
import {
  Citation, Faq, Fee, FilingSettings, IntermediaryService, ItemResult, Material, Optimisation, ProcessStep, TimeLimit, type ItemElements,
} from '../../../common/item-elements.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { listOrgs, type Org } from '../orgs/orgs.service.ts';
import * as repo from './catalogue.repo.ts';
import { asOfInstant, listItems, type ListQuery } from './list.service.ts';
import { addDropdowns, addGuideSheet, addListSheets, chinaDate, ITEMS_SHEET, MATERIALS_SHEET, itemRowValues, materialRowValues, type CellValue } from './spreadsheet.ts';

export type ExportFormat = 'xlsx' | 'json';
export type ExportQuery = Omit<ListQuery, 'cursor' | 'limit'>;

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A file to send: its name (ASCII and Chinese) and its content, produced while the client reads. */
export interface ExportFile {
  fileName: string;
  fileNameZh: string;
  contentType: string;
  stream: Readable;
}

// Keyset pages of the list: big enough to amortise the queries, small enough to keep memory flat.
const PAGE_SIZE = 1000;

const Coded = Type.Object({ code: Type.Integer(), label: Type.String() });
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

/** One item of the JSON export (the file is an array of these). Documented field by field in docs/list-json-schema.md. */
export const ExportedItem = Type.Object(
  {
    identifier: Type.String({ pattern: '^[0-9A-Z]{31}$', description: '实施编码 implementationCode' }),
    basicCode: Type.String({ description: '基本编码' }),
    levelDigit: Type.Integer({ minimum: 1, maximum: 6, description: '行使层级' }),
    name: Type.String({ description: '事项名称' }),
    type: Type.Object({ code: Type.String(), label: Type.String() }, { description: '事项类型' }),
    hasCompetentAuthority: Type.Object({ identifier: Type.String({ description: '统一社会信用代码' }), name: Type.String(), level: Type.Integer() }, { description: '实施机构' }),
    hasLegalResource: Type.Array(Citation, { description: '设定依据 legalBasis' }),
    acceptanceConditions: Type.String({ description: '受理条件' }),
    serviceRecipients: Type.Array(Coded, { description: '服务对象' }),
    process: Type.Array(ProcessStep, { description: '办理流程' }),
    hasInput: Type.Array(Material, { description: '申请材料 materials' }),
    processingTime: Type.Object({ statutory: TimeLimit, promised: TimeLimit }, { description: '法定办结时限 statutoryTimeLimit、承诺办结时限 promisedTimeLimit' }),
    produces: ItemResult,
    handlingItemSplit: Type.String({ description: '业务办理项拆分标准' }),
    handlingItems: Type.Array(
      Type.Object({ identifier: Type.String({ pattern: '^[0-9A-Z]{33}$' }), seq: Type.Integer(), name: Type.String(), splitReason: Type.String() }),
      { description: '业务办理项' },
    ),
    intermediaryServices: Type.Array(IntermediaryService, { description: '法定中介服务' }),
    caseKind: Coded,
    powerSource: Coded,
    implementerNature: Coded,
    entrustingAuthority: Type.Union([Type.Object({ identifier: Type.String(), name: Type.String() }), Type.Null()], { description: '委托机关 entrustingOrgId' }),
    hasChannel: Type.Object(
      {
        place: Type.String(),
        hours: Type.String(),
        inServiceHall: Type.Boolean(),
        selfServiceTerminal: Type.Boolean(),
        visitsRequired: Type.Integer(),
        onlineDepth: Coded,
        onlineGuideUrl: Nullable(Type.String()),
      },
      { description: '办理渠道：地点、时间、进驻大厅、自助终端、到现场次数、网上办理深度与指引' },
    ),
    hasContactPoint: Type.Object({ consultPhone: Type.String(), complaintPhone: Type.String() }, { description: '咨询电话、监督投诉电话' }),
    hasCost: Type.Array(Fee, { description: '收费 fees' }),
    faq: Type.Array(Faq, { description: '常见问题' }),
    thematicArea: Type.Array(Type.String(), { description: '主题 themes' }),
    keyword: Type.Array(Type.String(), { description: '关键词 keywords' }),
    optimisation: Optimisation,
    filing: Type.Union([FilingSettings, Type.Null()], { description: '行政备案设置' }),
    version: Type.Object(
      { versionNo: Type.Integer(), effectiveFrom: Type.String(), effectiveTo: Nullable(Type.String()) },
      { description: '所导出的版本及其有效期 [effectiveFrom, effectiveTo)' },
    ),
  },
  { additionalProperties: false },
);
export type ExportedItem = Static<typeof ExportedItem>;

const coded = (dictionary: Readonly<Record<number, string>>, code: number) => ({ code, label: dictionary[code] ?? String(code) });

/** The JSON export form of one effective version. */
export function exportedItem(row: repo.ItemVersionRow, el: ItemElements, orgs: Map<string, Org>, filingTypeCode: string): ExportedItem {
  const code = row.implementation_code;
  const org = orgs.get(row.org_id);
  const entrusting = el.entrustingOrgId ? orgs.get(el.entrustingOrgId) : undefined;
  return {
    identifier: code,
    basicCode: code.slice(19),
    levelDigit: Number(code[18]),
    name: el.name,
    type: { code: el.type, label: itemTypeLabel(el.type, filingTypeCode) },
    hasCompetentAuthority: { identifier: code.slice(0, 18), name: org?.nameZh ?? '', level: org?.level ?? Number(code[18]) },
    hasLegalResource: el.legalBasis,
    acceptanceConditions: el.acceptanceConditions,
    serviceRecipients: el.serviceRecipients.map((r) => coded(SERVICE_RECIPIENTS, r)),
    process: el.process,
    hasInput: el.materials,
    processingTime: { statutory: el.statutoryTimeLimit, promised: el.promisedTimeLimit },
    produces: el.result,
    handlingItemSplit: el.handlingItemSplit,
    handlingItems: el.handlingItems.map((h) => ({ identifier: buildHandlingItemCode(code, h.seq), seq: h.seq, name: h.name, splitReason: h.splitReason })),
    intermediaryServices: el.intermediaryServices,
    caseKind: coded(CASE_KINDS, el.caseKind),
    powerSource: coded(POWER_SOURCES, el.powerSource),
    implementerNature: coded(IMPLEMENTER_NATURES, el.implementerNature),
    entrustingAuthority: entrusting ? { identifier: entrusting.uscc, name: entrusting.nameZh } : null,
    hasChannel: {
      place: el.place,
      hours: el.hours,
      inServiceHall: el.inServiceHall,
      selfServiceTerminal: el.selfServiceTerminal,
      visitsRequired: el.visitsRequired,
      onlineDepth: coded(ONLINE_DEPTHS, el.onlineDepth),
      onlineGuideUrl: el.onlineGuideUrl ?? null,
    },
    hasContactPoint: { consultPhone: el.consultPhone, complaintPhone: el.complaintPhone },
    hasCost: el.fees,
    faq: el.faq,
    thematicArea: el.themes,
    keyword: el.keywords,
    optimisation: el.optimisation,
    filing: el.filing ?? null,
    version: { versionNo: row.version_no, effectiveFrom: row.effective_from!, effectiveTo: row.effective_to },
  };
}

interface ExportRow {
  row: repo.ItemVersionRow;
  elements: ItemElements;
}

/**
 * The list of a query, page by page, with full element sets. Paging goes through listItems so the export is
 * exactly what the list shows (filters, search, secret filing items left out for the public); `ctx.now` is fixed,
 * so every page looks at the same instant.
 */
async function* exportPages(ctx: ServiceContext, query: ExportQuery, at: string): AsyncGenerator<ExportRow[]> {
  let cursor: string | undefined;
  do {
    const page = await listItems(ctx, { ...query, cursor, limit: PAGE_SIZE });
    const rows = await repo.effectiveVersionsByCodes(ctx.db, page.items.map((i) => i.implementationCode), at);
    const byCode = new Map(rows.map((r) => [r.implementation_code, r]));
    yield page.items.flatMap((i) => {
      const row = byCode.get(i.implementationCode);
      return row ? [{ row, elements: JSON.parse(row.elements) as ItemElements }] : [];
    });
    cursor = page.nextCursor ?? undefined;
    // SQLite answers synchronously: yield to other requests between pages.
    await new Promise((resolve) => setImmediate(resolve));
  } while (cursor);
}

const fileNames = (at: string, ext: string) => ({ fileName: `qingdan-items-${chinaDate(at)}.${ext}`, fileNameZh: `政务服务事项清单-${chinaDate(at)}.${ext}` });

/**
 * Exports the list a query selects (same filters as the list; `q` exports the search hits, at most 10000).
 * The query is checked before anything is sent; the content is produced while the client reads.
 * @throws LIST.INVALID_AS_OF (400)
 */
export async function exportItems(ctx: ServiceContext, query: ExportQuery, format: ExportFormat): Promise<ExportFile> {
  const at = asOfInstant(query.asOf, ctx.now);
  const orgs = new Map((await listOrgs(ctx)).map((o) => [o.id, o]));
  const pages = exportPages(ctx, query, at);
  if (format === 'json') {
    return { ...fileNames(at, 'json'), contentType: 'application/json; charset=utf-8', stream: Readable.from(jsonChunks(ctx, pages, orgs)) };
  }
  return { ...fileNames(at, 'xlsx'), contentType: XLSX_TYPE, stream: xlsxStream(ctx, pages, orgs) };
}

async function* jsonChunks(ctx: ServiceContext, pages: AsyncGenerator<ExportRow[]>, orgs: Map<string, Org>): AsyncGenerator<string> {
  let first = true;
  yield '[';
  for await (const page of pages) {
    if (page.length === 0) continue;
    const text = page.map((e) => JSON.stringify(exportedItem(e.row, e.elements, orgs, ctx.config.filingTypeCode))).join(',\n');
    yield (first ? '\n' : ',\n') + text;
    first = false;
  }
  yield '\n]\n';
}

/** The import template: the export layout with no rows, plus 「说明」. */
export function importTemplate(ctx: ServiceContext): ExportFile {
  return {
    fileName: 'qingdan-import-template.xlsx',
    fileNameZh: '政务服务事项清单导入模板.xlsx',
    contentType: XLSX_TYPE,
    stream: xlsxStream(ctx, (async function* () {})(), new Map()),
  };
}

/**
 * exceljs registers the style of every cell, even an empty one (a fresh `{}` each time, so its cache never hits):
 * half the time of a large export. An empty style is the default format, index 0, which is what we answer.
 */
function defaultStyleFastPath(workbook: ExcelJS.stream.xlsx.WorkbookWriter): void {
  const styles = (workbook as unknown as { styles?: { addStyleModel?: (model: object | undefined, type?: number) => number } }).styles;
  const original = styles?.addStyleModel;
  if (!styles || typeof original !== 'function') return;
  styles.addStyleModel = (model, type) => (model && Object.keys(model).length === 0 ? 0 : original.call(styles, model, type));
}

/**
 * Streams the workbook. A streaming xlsx writes its sheets one after the other (a later sheet's rows wait in memory
 * until the earlier sheet is finished), so material rows go to a temporary file while 「事项」 is written and are
 * copied into 「材料」 afterwards: one pass over the list, memory bounded by a page.
 */
function xlsxStream(ctx: ServiceContext, pages: AsyncIterable<ExportRow[]>, orgs: Map<string, Org>): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Qingdan 清单';
  defaultStyleFastPath(workbook);
  const filingTypeCode = ctx.config.filingTypeCode;
  // exceljs hands committed rows on to the zip's deflate stream without back-pressure: wait until that stream (and
  // the client, through it) has taken them, or the export's memory grows with the list.
  const closed = once(out, 'close').catch(() => undefined);
  const drained = async (sheet: ExcelJS.Worksheet) => {
    await new Promise((resolve) => setImmediate(resolve));
    const pipes = (sheet as unknown as { stream?: { pipes?: Writable[] } }).stream?.pipes ?? [];
    for (const p of [...pipes, out]) {
      // The zip's streams come from the readable-stream package, which has no `writableNeedDrain`.
      const full = p.writableNeedDrain ?? (p as unknown as { _writableState?: { needDrain?: boolean } })._writableState?.needDrain;
      if (full && !out.destroyed) await Promise.race([once(p, 'drain'), closed]);
    }
  };

  void (async () => {
    let dir: string | undefined;
    let spill: fs.WriteStream | undefined;
    try {
      const sheets = addListSheets(workbook);
      dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'qingdan-export-'));
      spill = fs.createWriteStream(path.join(dir, 'materials.jsonl'));
      let itemRows = 0;
      for await (const page of pages) {
        if (out.destroyed) return;
        let spilled = '';
        for (const e of page) {
          const org = orgs.get(e.row.org_id);
          const entrusting = e.elements.entrustingOrgId ? orgs.get(e.elements.entrustingOrgId) : undefined;
          const src = { implementationCode: e.row.implementation_code, orgName: org?.nameZh ?? '', elements: e.elements, effectiveFrom: e.row.effective_from, entrustingOrgUscc: entrusting?.uscc ?? null };
          sheets.items.addRow(itemRowValues(src, filingTypeCode)).commit();
          itemRows++;
          for (const values of materialRowValues(src)) spilled += `${JSON.stringify(values)}\n`;
        }
        if (spilled && !spill.write(spilled)) await once(spill, 'drain');
        await drained(sheets.items);
      }
      addDropdowns(sheets.items, ITEMS_SHEET, itemRows + 1);
      sheets.items.commit();
      spill.end();
      await once(spill, 'finish');
      const lines = readline.createInterface({ input: fs.createReadStream(path.join(dir, 'materials.jsonl'), 'utf8'), crlfDelay: Infinity });
      let n = 0;
      for await (const line of lines) {
        if (out.destroyed) return;
        sheets.materials.addRow(JSON.parse(line) as CellValue[]).commit();
        if (++n % PAGE_SIZE === 0) await drained(sheets.materials);
      }
      addDropdowns(sheets.materials, MATERIALS_SHEET, n + 1);
      sheets.materials.commit();
      addGuideSheet(workbook, filingTypeCode).commit();
      await workbook.commit();
    } catch (err) {
      // Headers are gone already: all we can do is cut the download short, so the client sees a broken file, not a short one.
      out.destroy(err instanceof Error ? err : new Error(String(err)));
    } finally {
      spill?.destroy();
      if (dir) await fs.promises.rm(dir, { recursive: true, force: true });
    }
  })();
  return out;
}
