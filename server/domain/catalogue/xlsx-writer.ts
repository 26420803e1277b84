// A small streaming .xlsx writer: worksheets written row by row as SpreadsheetML with inline strings, deflated into a
// zip while the client reads (zip-writer.ts). What it offers is what the list workbook uses: column widths and
// styles, a frozen header, cell styles (bold, colour, fill, text format, wrapping), list dropdowns. Memory is bounded
// by what the caller writes between two flushes; a worksheet opened while another is being written goes to a
// temporary file (already compressed) and is copied into the archive at the end.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { Deflater, ZipWriter } from './zip-writer.ts';

export type XlsxCell = string | number | null | undefined;

export interface XlsxStyle {
  bold?: boolean;
  /** Font colour, ARGB hex (FFC00000). */
  color?: string;
  /** Solid fill, ARGB hex. */
  fill?: string;
  /** Text number format (@): Excel keeps what is typed as it is, digits included. */
  text?: boolean;
  wrap?: boolean;
  vertical?: 'top' | 'center';
}

export interface XlsxColumn {
  width: number;
  /** Style index (XlsxWriter.style) of the column and of the data cells written in it. */
  style?: number;
}

export interface XlsxListValidation {
  /** Cell range, e.g. G2:G1001. */
  ref: string;
  values: readonly string[];
  /** Refuse other values (Excel's "stop"), else only inform. */
  strict: boolean;
  title: string;
  message: string;
}

export interface XlsxSheetOptions {
  columns: readonly XlsxColumn[];
  /** Rows kept in view while scrolling. */
  frozenRows?: number;
}

export interface XlsxRowOptions {
  /** Style per cell, in place of the column's. */
  styles?: readonly (number | undefined)[];
  /** Row height in points. */
  height?: number;
}

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const CHUNK_BYTES = 64 * 1024;
// Spare chunk buffers kept per sheet (4 MB): about what is in flight between two flushes.
const MAX_FREE_CHUNKS = 64;

// Characters XML 1.0 cannot carry even as references are dropped; CR is kept as a reference (a parser would turn a
// literal one into LF); text that looks like Excel's _xHHHH_ escape gets its underscore escaped, so it reads back as typed.
// eslint-disable-next-line no-control-regex
const SPECIAL = /[&<>"\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|_(?=x[0-9A-Fa-f]{4}_)/;
// eslint-disable-next-line no-control-regex
const SPECIAL_ALL = /[&<>"\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|_(?=x[0-9A-Fa-f]{4}_)/g;
const REPLACEMENTS: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\r': '&#13;', _: '_x005F_' };

/** Text as XML character data or attribute value. */
export function escapeXml(text: string): string {
  return SPECIAL.test(text) ? text.replace(SPECIAL_ALL, (ch) => REPLACEMENTS[ch] ?? '') : text;
}

/** Column letters of a 1-based column number: 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

const isSpace = (code: number) => code === 32 || code === 9 || code === 10 || code === 13;

/** The constant parts of a cell's XML in a column: before the row number, and after it for text and for a number. */
function cellParts(index: number, style: number | undefined): { open: string; text: string; number: string } {
  const s = style ? ` s="${style}"` : '';
  return { open: `<c r="${columnLetter(index + 1)}`, text: `"${s} t="inlineStr"><is><t>`, number: `"${s}><v>` };
}

/**
 * One worksheet being written: rows in order, then `end()`. `row` only renders into a buffer; `flush` hands the
 * buffer to the deflater and waits when the output is full, so a caller flushes every few hundred rows.
 */
export class SheetWriter {
  readonly name: string;
  readonly #deflater: Deflater;
  readonly #close: (validations: readonly XlsxListValidation[]) => Promise<void>;
  readonly #columns: Array<{ open: string; text: string; number: string } | undefined>;
  /** Filled chunk buffers and how much of each is used, waiting for `flush`. */
  readonly #chunks: Array<{ buffer: Buffer; used: number }> = [];
  /** Chunk buffers the deflater is done with, for reuse. */
  readonly #free: Buffer[] = [];
  #buffer: Buffer = Buffer.allocUnsafe(0);
  #used = 0;
  #rows = 0;
  #ended = false;

  constructor(name: string, options: XlsxSheetOptions, deflater: Deflater, close: (validations: readonly XlsxListValidation[]) => Promise<void>) {
    this.name = name;
    this.#deflater = deflater;
    this.#close = close;
    this.#columns = options.columns.map((c, i) => cellParts(i, c.style));
  }

  /** The number of the last row written (the header counts). */
  get rowCount(): number {
    return this.#rows;
  }

  /**
   * Appends a row: empty cells ('' or null) are left out, numbers are numbers, everything else is text. Rows past
   * Excel's 1,048,576 are written all the same (Excel and LibreOffice then open the file without them, with a warning).
   */
  row(cells: readonly XlsxCell[], options?: XlsxRowOptions): void {
    const r = String(++this.#rows);
    // The row's pieces are joined once: concatenating them one by one would copy each cell's XML several times.
    const parts: string[] = [options?.height ? `<row r="${r}" ht="${options.height}" customHeight="1">` : `<row r="${r}">`];
    for (let i = 0; i < cells.length; i++) {
      const v = cells[i];
      if (v === null || v === undefined || v === '') continue;
      const style = options?.styles?.[i];
      const column = style !== undefined ? cellParts(i, style) : (this.#columns[i] ??= cellParts(i, undefined));
      if (typeof v === 'number' && Number.isFinite(v)) {
        parts.push(column.open, r, column.number, String(v), '</v></c>');
      } else {
        const text = typeof v === 'string' ? v : String(v);
        // Leading or trailing blanks survive only with xml:space="preserve".
        const blank = isSpace(text.charCodeAt(0)) || isSpace(text.charCodeAt(text.length - 1));
        parts.push(column.open, r, blank ? column.text.replace('<t>', '<t xml:space="preserve">') : column.text, escapeXml(text), '</t></is></c>');
      }
    }
    parts.push('</row>');
    this.#write(parts.join(''));
  }

  // Rendered rows leave the JavaScript heap at once, as UTF-8 in chunk buffers: the heap then holds little that
  // survives a collection, and the young generation stays small. Chunk buffers are reused once deflated, so an
  // export does not churn the allocator with thousands of 64 KB buffers.
  #write(xml: string): void {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8.
    if (this.#used + xml.length * 3 > this.#buffer.length) {
      this.#settle();
      this.#buffer = xml.length * 3 > CHUNK_BYTES ? Buffer.allocUnsafe(xml.length * 3) : (this.#free.pop() ?? Buffer.allocUnsafe(CHUNK_BYTES));
    }
    this.#used += this.#buffer.write(xml, this.#used, 'utf8');
  }

  #settle(): void {
    if (this.#used === 0) return;
    this.#chunks.push({ buffer: this.#buffer, used: this.#used });
    this.#buffer = Buffer.allocUnsafe(0);
    this.#used = 0;
  }

  /** Skips a row (it stays empty). */
  skip(): void {
    this.#rows++;
  }

  /** Hands the rendered rows on; resolves when the output can take more. */
  async flush(): Promise<void> {
    this.#settle();
    const chunks = this.#chunks.splice(0);
    const recycle = (i: number) => {
      const { buffer } = chunks[i];
      if (buffer.length === CHUNK_BYTES && this.#free.length < MAX_FREE_CHUNKS) this.#free.push(buffer);
    };
    await this.#deflater.write(
      chunks.map((c) => c.buffer.subarray(0, c.used)),
      recycle,
    );
  }

  /** Closes the sheet, with its list dropdowns. */
  async end(validations: readonly XlsxListValidation[] = []): Promise<void> {
    if (this.#ended) throw new Error(`xlsx: sheet ${this.name} ended twice`);
    this.#ended = true;
    await this.flush();
    await this.#close(validations);
  }
}

function sheetStart(options: XlsxSheetOptions, selected: boolean): string {
  const frozen = options.frozenRows
    ? `<pane ySplit="${options.frozenRows}" topLeftCell="A${options.frozenRows + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/>`
    : '';
  const cols = options.columns
    .map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}"${c.style ? ` style="${c.style}"` : ''} customWidth="1"/>`)
    .join('');
  return (
    `${XML_HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    `<sheetViews><sheetView${selected ? ' tabSelected="1"' : ''} workbookViewId="0">${frozen}</sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/>${cols ? `<cols>${cols}</cols>` : ''}<sheetData>`
  );
}

function sheetEnd(validations: readonly XlsxListValidation[]): string {
  const list = validations.map((v) => {
    // A list literal: items in double quotes, a quote doubled.
    const formula = `"${v.values.map((x) => x.replace(/"/g, '""')).join(',')}"`;
    return (
      `<dataValidation type="list" allowBlank="1" showErrorMessage="1" errorStyle="${v.strict ? 'stop' : 'information'}" ` +
      `errorTitle="${escapeXml(v.title)}" error="${escapeXml(v.message)}" sqref="${v.ref}"><formula1>${escapeXml(formula)}</formula1></dataValidation>`
    );
  });
  const dv = list.length ? `<dataValidations count="${list.length}">${list.join('')}</dataValidations>` : '';
  return `</sheetData>${dv}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
}

interface Spooled {
  index: number;
  file: string;
  deflater: Deflater;
}

/**
 * A workbook streamed to `out`: its sheets are named up front (their order in Excel), then opened with `sheet()`
 * in any order and written, then `finish()`. On failure call `abort()`, which removes temporary files.
 */
export class XlsxWriter {
  readonly #zip: ZipWriter;
  readonly #sheets: readonly string[];
  readonly #creator: string;
  readonly #created: Date;
  readonly #tempDir: string;
  readonly #styles = new Map<string, number>([['{}', 0]]);
  readonly #styleList: XlsxStyle[] = [{}];
  readonly #spooled: Spooled[] = [];
  readonly #opened = new Set<string>();
  #direct = false;
  #dir: string | undefined;
  #started: Promise<void> | undefined;

  constructor(
    out: Writable,
    options: { sheets: readonly string[]; creator: string; created: Date; zip64?: 'always' | 'auto'; level?: number; /** Where spooled sheets go (os.tmpdir()). */ tempDir?: string },
  ) {
    this.#sheets = options.sheets;
    this.#tempDir = options.tempDir ?? os.tmpdir();
    this.#creator = options.creator;
    this.#created = options.created;
    this.#zip = new ZipWriter(out, { modified: options.created, zip64: options.zip64, level: options.level });
  }

  /** The index of a cell style (registered on first use; 0 is the default). */
  style(style: XlsxStyle): number {
    const key = JSON.stringify(style, Object.keys(style).sort());
    let index = this.#styles.get(key);
    if (index === undefined) {
      index = this.#styleList.length;
      this.#styleList.push(style);
      this.#styles.set(key, index);
    }
    return index;
  }

  // The package parts that name the sheets come first, so that tools sniffing the first entries see a workbook.
  async #start(): Promise<void> {
    const sheets = this.#sheets.map((_n, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('');
    await this.#zip.file(
      '[Content_Types].xml',
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        `${sheets}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>',
    );
    await this.#zip.file(
      '_rels/.rels',
      `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">` +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>',
    );
    await this.#zip.file(
      'xl/workbook.xml',
      `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><workbookPr/><bookViews><workbookView/></bookViews><sheets>` +
        this.#sheets.map((name, i) => `<sheet name="${escapeXml(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
        '</sheets></workbook>',
    );
    await this.#zip.file(
      'xl/_rels/workbook.xml.rels',
      `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">` +
        this.#sheets.map((_n, i) => `<Relationship Id="rId${i + 1}" Type="${NS_REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
        `<Relationship Id="rId${this.#sheets.length + 1}" Type="${NS_REL}/styles" Target="styles.xml"/></Relationships>`,
    );
    const at = `${this.#created.toISOString().slice(0, 19)}Z`;
    await this.#zip.file(
      'docProps/core.xml',
      `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" ` +
        'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
        `<dc:creator>${escapeXml(this.#creator)}</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${at}</dcterms:created>` +
        `<dcterms:modified xsi:type="dcterms:W3CDTF">${at}</dcterms:modified></cp:coreProperties>`,
    );
  }

  /**
   * Opens a sheet named in the constructor. The first one opened while no other is being written streams straight
   * into the archive; one opened meanwhile goes to a temporary file until `finish()`.
   */
  async sheet(name: string, options: XlsxSheetOptions): Promise<SheetWriter> {
    const index = this.#sheets.indexOf(name);
    if (index < 0 || this.#opened.has(name)) throw new Error(`xlsx: sheet ${name} is not declared or already open`);
    this.#opened.add(name);
    this.#started ??= this.#start();
    await this.#started;
    let deflater: Deflater;
    let close: () => Promise<void>;
    if (!this.#direct) {
      this.#direct = true;
      const entry = await this.#zip.stream(`xl/worksheets/sheet${index + 1}.xml`);
      deflater = entry.deflater;
      close = async () => {
        await entry.end();
        this.#direct = false;
      };
    } else {
      this.#dir ??= await fs.promises.mkdtemp(path.join(this.#tempDir, 'qingdan-xlsx-'));
      const file = path.join(this.#dir, `sheet${index + 1}.xml.deflate`);
      const spooled: Spooled = { index, file, deflater: new Deflater(fs.createWriteStream(file), { end: true, closed: this.#zip.closed, level: this.#zip.level }) };
      deflater = spooled.deflater;
      close = async () => {
        await spooled.deflater.end();
        this.#spooled.push(spooled);
      };
    }
    const sheet = new SheetWriter(name, options, deflater, async (validations) => {
      await deflater.write([Buffer.from(sheetEnd(validations), 'utf8')]);
      await close();
    });
    await deflater.write([Buffer.from(sheetStart(options, index === 0), 'utf8')]);
    return sheet;
  }

  /** Copies the spooled sheets in, writes the styles and the zip directory, and ends the output. */
  async finish(): Promise<void> {
    try {
      const missing = this.#sheets.filter((n) => !this.#opened.has(n));
      if (missing.length) throw new Error(`xlsx: sheets never written: ${missing.join(', ')}`);
      if (this.#direct) throw new Error('xlsx: a sheet is still open');
      for (const s of this.#spooled) await this.#zip.copy(`xl/worksheets/sheet${s.index + 1}.xml`, s.file, s.deflater);
      await this.#zip.file('xl/styles.xml', this.#stylesXml());
      await this.#zip.finish();
    } finally {
      await this.abort();
    }
  }

  /** Removes temporary files (after finish, or when giving up). */
  async abort(): Promise<void> {
    for (const s of this.#spooled) s.deflater.destroy();
    if (this.#dir) await fs.promises.rm(this.#dir, { recursive: true, force: true });
    this.#dir = undefined;
  }

  #stylesXml(): string {
    const fonts: string[] = [];
    const fills = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'];
    const indexOf = (list: string[], xml: string) => {
      const i = list.indexOf(xml);
      return i >= 0 ? i : list.push(xml) - 1;
    };
    const xfs = this.#styleList.map((s) => {
      const font = indexOf(fonts, `<font>${s.bold ? '<b/>' : ''}<sz val="11"/>${s.color ? `<color rgb="${s.color}"/>` : ''}<name val="Calibri"/><family val="2"/></font>`);
      const fill = s.fill ? indexOf(fills, `<fill><patternFill patternType="solid"><fgColor rgb="${s.fill}"/><bgColor indexed="64"/></patternFill></fill>`) : 0;
      const numFmt = s.text ? 49 : 0;
      const align = s.wrap || s.vertical ? `<alignment${s.vertical ? ` vertical="${s.vertical}"` : ''}${s.wrap ? ' wrapText="1"' : ''}/>` : '';
      const applied = `${numFmt ? ' applyNumberFormat="1"' : ''}${font ? ' applyFont="1"' : ''}${fill ? ' applyFill="1"' : ''}${align ? ' applyAlignment="1"' : ''}`;
      return `<xf numFmtId="${numFmt}" fontId="${font}" fillId="${fill}" borderId="0" xfId="0"${applied}${align ? `>${align}</xf>` : '/>'}`;
    });
    return (
      `${XML_HEAD}<styleSheet xmlns="${NS_MAIN}"><fonts count="${fonts.length}">${fonts.join('')}</fonts><fills count="${fills.length}">${fills.join('')}</fills>` +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`
    );
  }
}
