// Writing the list workbook (template and export) with the streaming writer (xlsx-writer.ts): 「事项」 and 「材料」 with
// their headers (bold, required in red, frozen), column widths, text format on the code columns and dropdowns, then
// 「说明」 with every column and the dictionaries. Rows come from spreadsheet.ts (itemRowValues, materialRowValues).
import type { Writable } from 'node:stream';
import {
  CASE_KINDS, CITATION_LEVELS, FILING_TYPE_LABEL, IMPLEMENTER_NATURES, ITEM_TYPES, MATERIAL_KINDS, MATERIAL_REQUIRED, MATERIAL_SOURCES,
  ONLINE_DEPTHS, POWER_SOURCES, SERVICE_RECIPIENTS, SPLIT_REASONS, THEMES, TIME_UNITS,
} from '../../../common/dictionaries.ts';
import { LEVEL_LABELS } from '../../../common/roles.ts';
import { GUIDE_SHEET, ITEM_COLUMNS, ITEMS_SHEET, MATERIAL_COLUMNS, MATERIALS_SHEET, type CellValue, type Column } from './spreadsheet-columns.ts';
import { columnLetter, XlsxWriter, type SheetWriter, type XlsxListValidation } from './xlsx-writer.ts';

const LAST_ROW = 1_048_576;
const HEADER_FILL = 'FFE8EEF7';
const REQUIRED_RED = 'FFC00000';

// Dropdowns reach this many rows below the data: room to add rows in Excel. Not whole columns: other readers
// (exceljs's in-memory reader among them) expand a validation range cell by cell.
const SPARE_ROWS = 1000;

// Codes are text: Excel would turn an all-digit basic code into a number and drop a 31-character code's precision.
const isCodeColumn = (c: Column) => c.key.endsWith('Code') || c.key.endsWith('Uscc') || c.key === 'entrustingOrg';

/** The dropdowns of a sheet's list columns, down to its last data row plus spare rows. */
function dropdowns(columns: readonly Column[], lastDataRow: number): XlsxListValidation[] {
  const last = Math.min(Math.max(lastDataRow, 1) + SPARE_ROWS, LAST_ROW);
  return columns.flatMap((c, i) => {
    if (!c.list) return [];
    const letter = columnLetter(i + 1);
    return [{ ref: `${letter}2:${letter}${last}`, values: c.list, strict: Boolean(c.strict), title: c.header, message: `请从下拉列表中选择：${c.list.join('、')}` }];
  });
}

/**
 * The list workbook being streamed to `out`: add items (each with its material rows), flushing between pages, then
 * `finish`. 「材料」 is written beside 「事项」 (to a temporary file, compressed) so the list is read once.
 */
export class ListWorkbook {
  readonly #book: XlsxWriter;
  readonly #filingTypeCode: string;
  readonly #items: SheetWriter;
  readonly #materials: SheetWriter;

  private constructor(book: XlsxWriter, filingTypeCode: string, items: SheetWriter, materials: SheetWriter) {
    this.#book = book;
    this.#filingTypeCode = filingTypeCode;
    this.#items = items;
    this.#materials = materials;
  }

  /** Starts the workbook: package parts and both list sheets with their headers. */
  static async open(out: Writable, options: { filingTypeCode: string; created: Date }): Promise<ListWorkbook> {
    const book = new XlsxWriter(out, { sheets: [ITEMS_SHEET, MATERIALS_SHEET, GUIDE_SHEET], creator: 'Qingdan 清单', created: options.created });
    try {
      const items = await ListWorkbook.#listSheet(book, ITEMS_SHEET, ITEM_COLUMNS);
      const materials = await ListWorkbook.#listSheet(book, MATERIALS_SHEET, MATERIAL_COLUMNS);
      return new ListWorkbook(book, options.filingTypeCode, items, materials);
    } catch (e) {
      await book.abort();
      throw e;
    }
  }

  static async #listSheet(book: XlsxWriter, name: string, columns: readonly Column[]): Promise<SheetWriter> {
    const text = book.style({ text: true });
    const sheet = await book.sheet(name, { columns: columns.map((c) => ({ width: c.width, ...(isCodeColumn(c) ? { style: text } : {}) })), frozenRows: 1 });
    const styles = columns.map((c) =>
      book.style({ bold: true, ...(c.required ? { color: REQUIRED_RED } : {}), fill: HEADER_FILL, vertical: 'center', wrap: true, ...(isCodeColumn(c) ? { text: true } : {}) }),
    );
    sheet.row(columns.map((c) => c.header), { styles, height: 20 });
    return sheet;
  }

  /** Adds an item's 「事项」 row and its 「材料」 rows (itemRowValues, materialRowValues). */
  add(item: readonly CellValue[], materials: readonly (readonly CellValue[])[]): void {
    this.#items.row(item);
    for (const m of materials) this.#materials.row(m);
  }

  /** Hands the rows added so far on; resolves when the output can take more. */
  async flush(): Promise<void> {
    await this.#items.flush();
    await this.#materials.flush();
  }

  /** Closes both list sheets with their dropdowns, writes 「说明」 and ends the file. */
  async finish(): Promise<void> {
    await this.#items.end(dropdowns(ITEM_COLUMNS, this.#items.rowCount));
    await this.#materials.end(dropdowns(MATERIAL_COLUMNS, this.#materials.rowCount));
    await writeGuide(this.#book, this.#filingTypeCode);
    await this.#book.finish();
  }

  /** Gives up: removes temporary files (the output is the caller's to destroy). */
  async abort(): Promise<void> {
    await this.#book.abort();
  }
}

/** 「说明」: every column of both sheets (required, format, example) and the dictionaries. */
async function writeGuide(book: XlsxWriter, filingTypeCode: string): Promise<void> {
  const sheet = await book.sheet(GUIDE_SHEET, { columns: [{ width: 14 }, { width: 26 }, { width: 8 }, { width: 80 }, { width: 40 }] });
  const boldStyle = book.style({ bold: true });
  const plainStyle = book.style({ vertical: 'top', wrap: true });
  const bold = (values: CellValue[]) => sheet.row(values, { styles: values.map(() => boldStyle) });
  const plain = (values: CellValue[]) => sheet.row(values, { styles: values.map(() => plainStyle) });
  bold(['政务服务事项清单导入说明']);
  plain(['', '「事项」每行一个实施事项；「材料」每行一份申请材料，按实施编码（或基本编码 + 实施机构统一社会信用代码）归属到事项，行的顺序即材料顺序。']);
  plain(['', '红色表头为必填列。导入时先校验整个文件，逐格列出问题（行号、列名、取值、原因）；默认只有整个文件无误才写入，也可选择“只导入无误的行”。']);
  plain(['', '同一实施编码重复导入不会产生重复事项；内容未变化的事项不会产生新版本。政务服务局管理员导入的事项直接生效（初始清单载入），部门经办人导入的事项生成草稿，经调整流程生效。']);
  plain(['', '统一要素（事项名称、类型、设定依据、受理条件、服务对象、办理流程、申请材料、法定时限、办理结果、拆分标准、中介服务）须与基本目录一致，不一致之处在“同源一致性”中列出。']);
  sheet.skip();
  for (const [title, columns] of [[ITEMS_SHEET, ITEM_COLUMNS], [MATERIALS_SHEET, MATERIAL_COLUMNS]] as const) {
    bold([`「${title}」表`, '列名', '必填', '填写说明', '示例']);
    for (const c of columns as readonly Column[]) plain(['', c.header, c.required ? '是' : '', c.help, c.example ?? '']);
    sheet.skip();
  }
  bold(['字典', '名称', '代码']);
  const dictionary = (title: string, entries: Array<[string, string]>) => entries.forEach(([code, label], i) => plain([i === 0 ? title : '', label, code]));
  dictionary('事项类型', [...Object.entries(ITEM_TYPES).map(([k, v]) => [k, v.label] as [string, string]), [filingTypeCode, FILING_TYPE_LABEL]]);
  dictionary('行使层级', Object.entries(LEVEL_LABELS));
  dictionary('服务对象', Object.entries(SERVICE_RECIPIENTS));
  dictionary('权力来源', Object.entries(POWER_SOURCES));
  dictionary('实施主体性质', Object.entries(IMPLEMENTER_NATURES));
  dictionary('办件类型', Object.entries(CASE_KINDS));
  dictionary('网上办理深度', Object.entries(ONLINE_DEPTHS));
  dictionary('时限单位', Object.values(TIME_UNITS).map((u) => ['', u]));
  dictionary('设定依据层级', CITATION_LEVELS.map((l) => ['', l]));
  dictionary('业务办理项情形', SPLIT_REASONS.map((l) => ['', l]));
  dictionary('材料形式', MATERIAL_KINDS.map((l) => ['', l]));
  dictionary('材料必要性', MATERIAL_REQUIRED.map((l) => ['', l]));
  dictionary('材料来源', MATERIAL_SOURCES.map((l) => ['', l]));
  dictionary('主题', THEMES.map((l) => ['', l]));
  plain(['', '同一单元格内多行的内容（设定依据、办理流程、业务办理项、收费等）中，如文字本身含有 | 或换行，写作 \\| 或 \\n。']);
  await sheet.end();
}
