// Export of any list query: .xlsx in exactly the import layout (streamed, constant memory) and a JSON array whose
// shape is documented in docs/list-json-schema.md (CPSV-AP-like names where natural).
import { PassThrough, Readable } from 'node:stream';
import { Type, type Static } from 'typebox';
import {
  CASE_KINDS, IMPLEMENTER_NATURES, ONLINE_DEPTHS, POWER_SOURCES, SERVICE_RECIPIENTS, itemTypeLabel,
} from '../../../common/dictionaries.ts';
import { chinaDate } from '../../../common/calendar.ts';
import { buildHandlingItemCode } from '../../../common/checksums.ts';
import {
  Citation, Faq, Fee, FilingSettings, IntermediaryService, ItemResult, Material, Optimisation, ProcessStep, TimeLimit, type ItemElements,
} from '../../../common/item-elements.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { listOrgs, type Org } from '../orgs/orgs.service.ts';
import * as repo from './catalogue.repo.ts';
import { asOfInstant, listItemVersions, type ListQuery } from './list.service.ts';
import { itemRowValues, materialRowValues } from './spreadsheet.ts';
import { ListWorkbook } from './spreadsheet-write.ts';
import { OutputClosed } from './zip-writer.ts';

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

// Keyset pages of the list: big enough to amortise the queries, small enough to keep memory flat (at 1000 a page's
// rows outlive young-generation collections often enough to double V8's old space: 31 → 16 MiB at 100,000 items).
const PAGE_SIZE = 500;

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

/**
 * The list of a query, page by page, as effective versions (elements still JSON). Paging goes through the list
 * service so the export is exactly what the list shows (filters, search, secret filing items left out for the
 * public); `ctx.now` is fixed, so every page looks at the same instant.
 */
async function* exportPages(ctx: ServiceContext, query: ExportQuery): AsyncGenerator<repo.ItemVersionRow[]> {
  let cursor: string | undefined;
  do {
    const page = await listItemVersions(ctx, { ...query, cursor, limit: PAGE_SIZE });
    yield page.rows;
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
  const pages = exportPages(ctx, query);
  if (format === 'json') {
    return { ...fileNames(at, 'json'), contentType: 'application/json; charset=utf-8', stream: Readable.from(jsonChunks(ctx, pages, orgs)) };
  }
  return { ...fileNames(at, 'xlsx'), contentType: XLSX_TYPE, stream: xlsxStream(ctx, pages, orgs) };
}

async function* jsonChunks(ctx: ServiceContext, pages: AsyncGenerator<repo.ItemVersionRow[]>, orgs: Map<string, Org>): AsyncGenerator<string> {
  let first = true;
  yield '[';
  for await (const page of pages) {
    if (page.length === 0) continue;
    const text = page.map((row) => JSON.stringify(exportedItem(row, JSON.parse(row.elements) as ItemElements, orgs, ctx.config.filingTypeCode))).join(',\n');
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
 * Streams the workbook: 「事项」 goes straight to the client while 「材料」 is compressed into a temporary file beside it
 * and copied in at the end, so the list is read once and memory stays at a page.
 */
function xlsxStream(ctx: ServiceContext, pages: AsyncIterable<Array<repo.ItemVersionRow | undefined>>, orgs: Map<string, Org>): Readable {
  const out = new PassThrough();
  const filingTypeCode = ctx.config.filingTypeCode;
  void (async () => {
    let book: ListWorkbook | undefined;
    try {
      book = await ListWorkbook.open(out, { filingTypeCode, created: ctx.now });
      for await (const page of pages) {
        if (out.destroyed) throw new OutputClosed('client gone');
        for (let i = 0; i < page.length; i++) {
          const row = page[i]!;
          // Each row is let go once written: rows held by their page would survive every young-generation collection
          // meanwhile, and V8 answers that by doubling the young generation (measured: peak RSS 259 → 220 MiB).
          page[i] = undefined;
          const elements = JSON.parse(row.elements) as ItemElements;
          const org = orgs.get(row.org_id);
          const entrusting = elements.entrustingOrgId ? orgs.get(elements.entrustingOrgId) : undefined;
          const src = { implementationCode: row.implementation_code, orgName: org?.nameZh ?? '', elements, effectiveFrom: row.effective_from, entrustingOrgUscc: entrusting?.uscc ?? null };
          book.add(itemRowValues(src, filingTypeCode), materialRowValues(src));
        }
        await book.flush();
      }
      await book.finish();
    } catch (err) {
      // Headers are gone already: all we can do is cut the download short, so the client sees a broken file, not a short one.
      await book?.abort();
      if (!(err instanceof OutputClosed)) out.destroy(err instanceof Error ? err : new Error(String(err)));
    }
  })();
  return out;
}
