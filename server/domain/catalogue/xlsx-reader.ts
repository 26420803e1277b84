// A small, streaming reader of .xlsx cell values: the zip's central directory, inflate per entry, and a scanner over
// SpreadsheetML rows. exceljs's streaming WorkbookReader loses entries at random on Node ≥ 18 (exceljs#3064, open)
// and its in-memory reader expands whole-column data validations cell by cell; this reads only what an import needs
// (sheet names, shared strings, cell values), one row at a time, with memory bounded by a row.
import { Readable } from 'node:stream';
import zlib from 'node:zlib';

export class XlsxError extends Error {}

export type XlsxValue = string | number | boolean | null;

export interface XlsxRow {
  sheet: string;
  /** 1-based spreadsheet row number. */
  row: number;
  /** Values by 0-based column index (sparse: holes are empty cells). Dates are serial numbers. */
  values: XlsxValue[];
  /** Whether date serials count from 1904 (old Mac Excel) instead of 1900: the workbook says, not the cell. */
  date1904: boolean;
}

interface ZipEntry {
  method: number;
  compressedSize: number;
  offset: number;
}

// Zip bombs: a 20 MB upload inflates to at most this much per part (real sheets compress about 10:1).
const MAX_INFLATED_BYTES = 1024 * 1024 * 1024;

function zip64Extra(buf: Buffer, start: number, length: number, want: { size: boolean; compressed: boolean; offset: boolean }) {
  const out: { size?: number; compressed?: number; offset?: number } = {};
  for (let p = start; p + 4 <= start + length; ) {
    const id = buf.readUInt16LE(p);
    const len = buf.readUInt16LE(p + 2);
    if (id === 0x0001) {
      // Only the fields whose 32-bit value overflowed are present, in this order.
      let q = p + 4;
      if (want.size) {
        out.size = Number(buf.readBigUInt64LE(q));
        q += 8;
      }
      if (want.compressed) {
        out.compressed = Number(buf.readBigUInt64LE(q));
        q += 8;
      }
      if (want.offset) out.offset = Number(buf.readBigUInt64LE(q));
    }
    p += 4 + len;
  }
  return out;
}

/** The entries of a zip file by name, from its central directory (ZIP64 included). @throws XlsxError */
function zipEntries(buf: Buffer): Map<string, ZipEntry> {
  let eocd = -1;
  for (let p = buf.length - 22; p >= Math.max(0, buf.length - 22 - 65_535); p--) {
    if (buf.readUInt32LE(p) === 0x06054b50) {
      eocd = p;
      break;
    }
  }
  if (eocd < 0) throw new XlsxError('not a zip file');
  let count = buf.readUInt16LE(eocd + 10);
  let cdOffset = buf.readUInt32LE(eocd + 16);
  if ((cdOffset === 0xffffffff || count === 0xffff) && eocd >= 20 && buf.readUInt32LE(eocd - 20) === 0x07064b50) {
    const record = Number(buf.readBigUInt64LE(eocd - 20 + 8));
    if (buf.readUInt32LE(record) !== 0x06064b50) throw new XlsxError('bad zip64 directory');
    count = Number(buf.readBigUInt64LE(record + 32));
    cdOffset = Number(buf.readBigUInt64LE(record + 48));
  }
  const entries = new Map<string, ZipEntry>();
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw new XlsxError('bad zip directory');
    const method = buf.readUInt16LE(p + 10);
    let compressedSize = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    let offset = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLength);
    if (compressedSize === 0xffffffff || size === 0xffffffff || offset === 0xffffffff) {
      const x = zip64Extra(buf, p + 46 + nameLength, extraLength, { size: size === 0xffffffff, compressed: compressedSize === 0xffffffff, offset: offset === 0xffffffff });
      compressedSize = x.compressed ?? compressedSize;
      offset = x.offset ?? offset;
    }
    // Some writers store part names with a leading slash.
    entries.set(name.replace(/^\//, ''), { method, compressedSize, offset });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The text of a zip entry, chunk by chunk (UTF-8 decoded across chunk boundaries). @throws XlsxError */
async function* entryText(buf: Buffer, entry: ZipEntry): AsyncGenerator<string> {
  const local = entry.offset;
  if (local + 30 > buf.length || buf.readUInt32LE(local) !== 0x04034b50) throw new XlsxError('bad zip entry');
  const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
  const raw = buf.subarray(start, start + entry.compressedSize);
  const decoder = new TextDecoder('utf-8');
  if (entry.method === 0) {
    yield decoder.decode(raw);
    return;
  }
  if (entry.method !== 8) throw new XlsxError(`unsupported zip compression method ${entry.method}`);
  let total = 0;
  try {
    for await (const chunk of Readable.from([raw]).pipe(zlib.createInflateRaw())) {
      total += (chunk as Buffer).length;
      if (total > MAX_INFLATED_BYTES) throw new XlsxError('zip entry too large');
      yield decoder.decode(chunk as Buffer, { stream: true });
    }
  } catch (e) {
    throw e instanceof XlsxError ? e : new XlsxError(`bad zip data: ${(e as Error).message}`);
  }
  yield decoder.decode();
}

/**
 * Complete elements `<tag …>…</tag>` (or `<tag …/>`) from a text stream, in order, whatever the namespace prefix:
 * only the unfinished tail is kept between chunks.
 */
async function* elements(chunks: AsyncIterable<string>, tag: string): AsyncGenerator<{ attrs: string; body: string }> {
  const pattern = new RegExp(`<(?:[\\w.-]+:)?${tag}(?=[\\s/>])([^>]*?)(?:/>|>([\\s\\S]*?)</(?:[\\w.-]+:)?${tag}>)`, 'g');
  let pending = '';
  for await (const chunk of chunks) {
    pending += chunk;
    pattern.lastIndex = 0;
    let end = 0;
    for (let m = pattern.exec(pending); m; m = pattern.exec(pending)) {
      yield { attrs: m[1], body: m[2] ?? '' };
      end = pattern.lastIndex;
    }
    pending = pending.slice(end);
  }
}

async function* once(text: string): AsyncGenerator<string> {
  yield text;
}

async function wholeText(chunks: AsyncIterable<string>): Promise<string> {
  let s = '';
  for await (const c of chunks) s += c;
  return s;
}

const attrPatterns = new Map<string, RegExp>();

function attr(attrs: string, name: string): string | undefined {
  let re = attrPatterns.get(name);
  if (!re) {
    re = new RegExp(`(?:^|\\s)(?:[\\w.-]+:)?${name}\\s*=\\s*("([^"]*)"|'([^']*)')`);
    attrPatterns.set(name, re);
  }
  const m = re.exec(attrs);
  return m ? decodeXml(m[2] ?? m[3]) : undefined;
}

const XML_ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML entities and Excel's `_xHHHH_` escapes (control characters such as CR). */
function decodeXml(s: string): string {
  if (!s.includes('&') && !s.includes('_x')) return s;
  return s
    .replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (m, e: string) => {
      if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
      return XML_ENTITIES[e] ?? m;
    })
    .replace(/_x([0-9a-fA-F]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The text of a string item (`<si>` or `<is>`): its `<t>` runs, phonetic guides (`<rPh>`) left out. */
function richText(body: string): string {
  // The common form `<t>text</t>` directly.
  if (body.startsWith('<t>') && body.endsWith('</t>') && body.indexOf('<', 3) === body.length - 4) return decodeXml(body.slice(3, -4));
  const plain = body.replace(/<(?:[\w.-]+:)?rPh\b[\s\S]*?<\/(?:[\w.-]+:)?rPh>/g, '');
  let out = '';
  const t = /<(?:[\w.-]+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?t>/g;
  for (let m = t.exec(plain); m; m = t.exec(plain)) out += m[1];
  return decodeXml(out);
}

function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

const VALUE = /<(?:[\w.-]+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?v>/;
const INLINE = /<(?:[\w.-]+:)?is(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?is>/;

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;
// [\w.:-]: the characters of a (prefixed) tag name.
const isNameChar = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 46 || c === 45 || c === 58;

// The cells of a row are scanned with indexOf, not a regular expression per cell and attribute: a 10,000-row import
// has ~400,000 cells, and the match arrays were most of its reading time.
let cellRef: string | undefined;
let cellType = 'n';

/** Sets cellRef and cellType from a cell's attribute text (local names: `x:r` is `r`). */
function readCellAttrs(attrs: string): void {
  cellRef = undefined;
  cellType = 'n';
  const n = attrs.length;
  for (let i = 0; i < n; ) {
    const eq = attrs.indexOf('=', i);
    if (eq < 0) return;
    let q = eq + 1;
    while (q < n && isSpace(attrs.charCodeAt(q))) q++;
    const quote = attrs[q];
    if (quote !== '"' && quote !== "'") return;
    const end = attrs.indexOf(quote, q + 1);
    if (end < 0) return;
    const name = attrs.slice(i, eq).trim();
    const local = name.slice(name.lastIndexOf(':') + 1);
    if (local === 'r') cellRef = decodeXml(attrs.slice(q + 1, end));
    else if (local === 't') cellType = decodeXml(attrs.slice(q + 1, end));
    i = end + 1;
  }
}

function cellValue(type: string, body: string, shared: string[]): XlsxValue {
  if (type === 'inlineStr') {
    // The common form `<is><t>text</t></is>` directly; prefixes, attributes and rich runs by the patterns.
    if (body.startsWith('<is><t>') && body.endsWith('</t></is>') && body.indexOf('<', 7) === body.length - 9) return decodeXml(body.slice(7, -9));
    const is = INLINE.exec(body);
    return is ? richText(is[1]) : null;
  }
  let text: string;
  const close = body.startsWith('<v>') ? body.indexOf('</v>', 3) : -1;
  if (close >= 0) text = decodeXml(body.slice(3, close));
  else {
    const v = VALUE.exec(body);
    if (!v) return null;
    text = decodeXml(v[1]);
  }
  switch (type) {
    case 's':
      return shared[Number(text)] ?? null;
    case 'b':
      return text === '1';
    case 'str':
    case 'e':
    case 'd':
      return text;
    default: {
      const n = Number(text);
      return Number.isNaN(n) ? text : n;
    }
  }
}

/** The values of a row's cells `<c …>…</c>` / `<c …/>` (any namespace prefix) by column; whether any is non-empty. */
function rowValues(body: string, shared: string[], values: XlsxValue[]): boolean {
  let column = -1;
  let any = false;
  for (let i = 0; ; ) {
    const lt = body.indexOf('<', i);
    if (lt < 0) return any;
    let j = lt + 1;
    while (j < body.length && isNameChar(body.charCodeAt(j))) j++;
    const name = body.slice(lt + 1, j);
    const next = body.charCodeAt(j);
    if (name.slice(name.lastIndexOf(':') + 1) !== 'c' || !(isSpace(next) || next === 47 || next === 62)) {
      i = j;
      continue;
    }
    const gt = body.indexOf('>', j);
    if (gt < 0) return any;
    let content = '';
    if (body.charCodeAt(gt - 1) === 47) {
      readCellAttrs(body.slice(j, gt - 1));
      i = gt + 1;
    } else {
      const end = body.indexOf(`</${name}>`, gt + 1);
      if (end < 0) {
        i = gt + 1;
        continue;
      }
      readCellAttrs(body.slice(j, gt));
      content = body.slice(gt + 1, end);
      i = end + name.length + 3;
    }
    column = cellRef ? columnIndex(cellRef) : column + 1;
    const value = cellValue(cellType, content, shared);
    if (value !== null && value !== '') {
      values[column] = value;
      any = true;
    }
  }
}

/**
 * Every row of every worksheet of an .xlsx file, in workbook order, one at a time (empty rows skipped).
 * @throws XlsxError when the file is not a readable .xlsx
 */
export async function* readXlsxRows(buf: Buffer): AsyncGenerator<XlsxRow> {
  try {
    yield* rowsOf(buf);
  } catch (e) {
    // A corrupt file fails anywhere (offsets out of range, bad deflate data): all of it is "not a readable .xlsx".
    throw e instanceof XlsxError ? e : new XlsxError(e instanceof Error ? e.message : String(e));
  }
}

async function* rowsOf(buf: Buffer): AsyncGenerator<XlsxRow> {
  const entries = zipEntries(buf);
  const part = (name: string) => {
    const e = entries.get(name);
    if (!e) throw new XlsxError(`missing part ${name}`);
    return e;
  };
  const workbook = await wholeText(entryText(buf, part('xl/workbook.xml')));
  const rels = await wholeText(entryText(buf, part('xl/_rels/workbook.xml.rels')));
  const targets = new Map<string, string>();
  let sharedPart = 'xl/sharedStrings.xml';
  for await (const r of elements(once(rels), 'Relationship')) {
    const id = attr(r.attrs, 'Id');
    const target = attr(r.attrs, 'Target');
    if (!id || !target) continue;
    const part = target.startsWith('/') ? target.slice(1) : `xl/${target}`.replace(/\/\.\//g, '/');
    targets.set(id, part);
    if (/\/sharedStrings$/.test(attr(r.attrs, 'Type') ?? '')) sharedPart = part;
  }
  const date1904 = /date1904\s*=\s*["'](1|true)["']/.test(workbook);
  const shared: string[] = [];
  if (entries.has(sharedPart)) {
    for await (const si of elements(entryText(buf, entries.get(sharedPart)!), 'si')) shared.push(richText(si.body));
  }
  for await (const sheet of elements(once(workbook), 'sheet')) {
    const name = attr(sheet.attrs, 'name') ?? '';
    const target = targets.get(attr(sheet.attrs, 'id') ?? '');
    if (!target || !entries.has(target)) continue;
    let rowNumber = 0;
    for await (const row of elements(entryText(buf, entries.get(target)!), 'row')) {
      rowNumber = Number(attr(row.attrs, 'r') ?? rowNumber + 1);
      const values: XlsxValue[] = [];
      const any = rowValues(row.body, shared, values);
      if (any) yield { sheet: name, row: rowNumber, values, date1904 };
    }
  }
}
