// Reading the list workbook: 「事项」 and 「材料」 row by row through our own .xlsx reader (xlsx-reader.ts), columns
// found by their headers.
import { readXlsxRows, XlsxError } from './xlsx-reader.ts';
import { columnOfHeader, ITEMS_SHEET, MATERIALS_SHEET, MAX_SHEET_ROWS, type SheetName } from './spreadsheet-columns.ts';

/** A data row of 「事项」 or 「材料」: spreadsheet row number and the text of each known column. */
export interface SheetRow {
  row: number;
  cells: Map<string, string>;
}

export interface WorkbookRows {
  items: SheetRow[];
  materials: SheetRow[];
  /** Header text of each known column, per sheet (for the report). */
  headers: Record<SheetName, Map<string, string>>;
  /** Whether each sheet was found. */
  found: Record<SheetName, boolean>;
}

// Excel's 1900 date system: serial 25569 is 1970-01-01; the 1904 system counts 1462 days fewer.
const excelSerialDate = (serial: number, date1904: boolean) =>
  new Date(Math.round((serial + (date1904 ? 1462 : 0) - 25569) * 86_400_000)).toISOString().slice(0, 10);

/** The text of a cell value (a date column turns Excel date serials into YYYY-MM-DD; rich values are flattened). */
export function cellText(value: unknown, dateColumn = false, date1904 = false): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return dateColumn && value > 20000 && value < 80000 ? excelSerialDate(value, date1904) : String(value);
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (value instanceof Date) return value.toISOString().slice(0, dateColumn ? 10 : 19);
  if (typeof value === 'object') {
    const v = value as { richText?: Array<{ text: string }>; text?: unknown; result?: unknown; error?: string };
    if (v.richText) return v.richText.map((r) => r.text).join('').trim();
    if (v.text !== undefined) return cellText(v.text, dateColumn, date1904);
    if (v.result !== undefined) return cellText(v.result, dateColumn, date1904);
    if (v.error) return v.error;
  }
  return String(value as string).trim();
}

function sheetKind(name: string | undefined, headerTexts: string[]): SheetName | undefined {
  if (name === ITEMS_SHEET || name === MATERIALS_SHEET) return name;
  // A renamed sheet is recognised by its headers.
  if (headerTexts.some((h) => columnOfHeader(MATERIALS_SHEET, h) === 'name' && h.includes('材料'))) return MATERIALS_SHEET;
  if (headerTexts.some((h) => columnOfHeader(ITEMS_SHEET, h) === 'basicCode' || columnOfHeader(ITEMS_SHEET, h) === 'implementationCode')) return ITEMS_SHEET;
  return undefined;
}

export class UnreadableWorkbook extends Error {}
export class TooManyRows extends Error {}

/**
 * Reads 「事项」 and 「材料」 row by row: the first row of a sheet names its columns (any order, unknown ones ignored),
 * empty rows are skipped, a sheet is recognised by its name or else by its headers.
 * @throws UnreadableWorkbook when the input is not an .xlsx file; TooManyRows beyond MAX_SHEET_ROWS
 */
export async function readWorkbookRows(input: Buffer): Promise<WorkbookRows> {
  const out: WorkbookRows = {
    items: [],
    materials: [],
    headers: { [ITEMS_SHEET]: new Map(), [MATERIALS_SHEET]: new Map() } as WorkbookRows['headers'],
    found: { [ITEMS_SHEET]: false, [MATERIALS_SHEET]: false } as WorkbookRows['found'],
  };
  let sheet: string | undefined;
  let kind: SheetName | undefined;
  let keys: Array<string | undefined> = [];
  try {
    for await (const row of readXlsxRows(input)) {
      if (row.sheet !== sheet) {
        // The first row of a sheet: its header.
        sheet = row.sheet;
        const texts = Array.from(row.values, (v) => cellText(v));
        kind = sheetKind(row.sheet, texts);
        if (kind && out.found[kind]) kind = undefined;
        if (!kind) continue;
        out.found[kind] = true;
        keys = texts.map((h) => (h ? columnOfHeader(kind!, h) : undefined));
        keys.forEach((k, i) => k && out.headers[kind!].set(k, texts[i]));
        continue;
      }
      if (!kind) continue;
      const cells = new Map<string, string>();
      row.values.forEach((v, i) => {
        const key = keys[i];
        if (!key) return;
        const text = cellText(v, key === 'effectiveFrom', row.date1904);
        if (text) cells.set(key, text);
      });
      if (cells.size === 0) continue;
      const rows = kind === ITEMS_SHEET ? out.items : out.materials;
      if (rows.length >= MAX_SHEET_ROWS) throw new TooManyRows(kind);
      rows.push({ row: row.row, cells });
    }
  } catch (e) {
    if (e instanceof XlsxError) throw new UnreadableWorkbook(e.message);
    throw e;
  }
  return out;
}
