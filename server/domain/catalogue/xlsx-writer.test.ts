import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsxRows, type XlsxValue } from './xlsx-reader.ts';
import { columnLetter, escapeXml, XlsxWriter, type XlsxCell } from './xlsx-writer.ts';
import { OutputClosed } from './zip-writer.ts';

// The streaming .xlsx writer, read back by readers that share nothing with it: our import reader, exceljs, and
// LibreOffice (CSV of every sheet) when it is installed.

const CREATED = new Date('2026-01-02T03:04:05Z');

// What a cell holds and what a reader must get back: characters XML 1.0 cannot carry are dropped, nothing else changes.
const TRICKY: Array<[XlsxCell, XlsxValue]> = [
  ['plain', 'plain'],
  ['  leading and trailing  ', '  leading and trailing  '],
  ['a & b < c > d "quoted" \'single\'', 'a & b < c > d "quoted" \'single\''],
  ['line 1\nline 2', 'line 1\nline 2'],
  ['carriage\r\nreturn', 'carriage\r\nreturn'],
  ['tab\there', 'tab\there'],
  ['_x0041_ looks like an escape', '_x0041_ looks like an escape'],
  ['control\u0001\u0008\u000B\u001F characters', 'control characters'],
  ['not a character: \uFFFE', 'not a character: '],
  ['政务服务事项清单 🧧 ｜ 全角', '政务服务事项清单 🧧 ｜ 全角'],
  [42, 42],
  [-3.25, -3.25],
  [0, 0],
];

interface Written {
  file: Buffer;
  /** Per sheet, the rows a reader should see (null for an empty cell). */
  expected: Record<string, XlsxValue[][]>;
}

/** A three-sheet workbook: 「数据」 streamed, 「第二」 spooled beside it (opened while 「数据」 is open), 「空」 empty. */
async function writeWorkbook(options: { rows: number; zip64?: 'always'; tempDir?: string }): Promise<Written> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const book = new XlsxWriter(out, { sheets: ['数据', '第二', '空'], creator: '测试 & test', created: CREATED, zip64: options.zip64, tempDir: options.tempDir });
  const text = book.style({ text: true });
  const header = book.style({ bold: true, color: 'FFC00000', fill: 'FFE8EEF7', wrap: true, vertical: 'center' });
  const columns = TRICKY.map((_c, i) => ({ width: 10 + i, ...(i === 0 ? { style: text } : {}) }));
  const data = await book.sheet('数据', { columns, frozenRows: 1 });
  const second = await book.sheet('第二', { columns: [{ width: 20 }, { width: 30 }] });
  const expected: Written['expected'] = { 数据: [], 第二: [] };
  data.row(TRICKY.map((_c, i) => `列${i + 1}`), { styles: TRICKY.map(() => header), height: 20 });
  expected['数据'].push(TRICKY.map((_c, i) => `列${i + 1}`));
  for (let r = 0; r < options.rows; r++) {
    data.row(TRICKY.map(([v]) => v));
    expected['数据'].push(TRICKY.map(([, v]) => v));
    // Gaps: an empty string and null leave the cell out; the next cell keeps its column.
    second.row([`第${r + 1}行`, r % 2 ? null : '', r]);
    expected['第二'].push([`第${r + 1}行`, null, r]);
    if (r % 500 === 0) {
      await data.flush();
      await second.flush();
    }
  }
  await data.end([{ ref: 'B2:B1001', values: ['是', '否'], strict: true, title: '是否', message: '请选择：是、否' }]);
  await second.end();
  const empty = await book.sheet('空', { columns: [] });
  await empty.end();
  await book.finish();
  return { file: Buffer.concat(chunks), expected };
}

async function readOurs(file: Buffer): Promise<Record<string, XlsxValue[][]>> {
  const sheets: Record<string, XlsxValue[][]> = {};
  for await (const row of readXlsxRows(file)) {
    const values = Array.from(row.values, (v) => v ?? null);
    (sheets[row.sheet] ??= [])[row.row - 1] = values;
  }
  return sheets;
}

/** Rows of a CSV as LibreOffice writes it (comma, double quotes, quotes doubled, line breaks inside quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || (ch === '\r' && text[i + 1] === '\n')) {
      if (ch === '\r') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

describe('xlsx writer', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qingdan-xlsx-test-'));
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('escapes XML and names columns', () => {
    expect(escapeXml('a<b>&"c"\r_x0041_\u0000')).toBe('a&lt;b&gt;&amp;&quot;c&quot;&#13;_x005F_x0041_');
    expect(escapeXml('政务 plain')).toBe('政务 plain');
    expect([1, 26, 27, 47, 702, 703].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AU', 'ZZ', 'AAA']);
  });

  it('our reader gets back every value, in every sheet, in order', async () => {
    const { file, expected } = await writeWorkbook({ rows: 1200, tempDir: dir });
    const sheets = await readOurs(file);
    expect(Object.keys(sheets)).toEqual(['数据', '第二']);
    expect(sheets['数据']).toEqual(expected['数据']);
    expect(sheets['第二']).toEqual(expected['第二']);
    // The spooled sheet's temporary file is gone.
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('exceljs reads the same values, the styles, the frozen header and the dropdown', async () => {
    const { file, expected } = await writeWorkbook({ rows: 3 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['数据', '第二', '空']);
    expect(wb.creator).toBe('测试 & test');
    const data = wb.getWorksheet('数据')!;
    const plain = (row: number) => (data.getRow(row).values as unknown[]).slice(1).map((v) => v ?? null);
    expect(plain(1)).toEqual(expected['数据'][0]);
    // exceljs does not undo Excel's _xHHHH_ escape; every other value is as written.
    const withoutEscape = (values: unknown[]) => values.filter((_v, i) => i !== 6);
    expect(withoutEscape(plain(2))).toEqual(withoutEscape(expected['数据'][1]));
    expect(data.getCell('A1').font).toMatchObject({ bold: true, color: { argb: 'FFC00000' } });
    expect(data.getCell('A1').fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } });
    expect(data.getCell('A1').alignment).toMatchObject({ vertical: 'middle', wrapText: true });
    expect(data.getCell('A2').numFmt).toBe('@');
    expect(data.getColumn(1).width).toBe(10);
    expect(data.getRow(1).height).toBe(20);
    expect(data.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(data.getCell('B500').dataValidation).toMatchObject({ type: 'list', formulae: ['"是,否"'], errorStyle: 'stop', showErrorMessage: true });
    expect(data.getCell('C2').dataValidation).toBeUndefined();
    expect((wb.getWorksheet('第二')!.getRow(2).values as unknown[]).slice(1)).toEqual(['第2行', undefined, 1]);
  });

  it('writes ZIP64 records when asked (what a part over 4 GiB gets), and readers follow them', async () => {
    const { file, expected } = await writeWorkbook({ rows: 20, zip64: 'always' });
    // The end of central directory points to the ZIP64 record.
    expect(file.readUInt32LE(file.length - 22)).toBe(0x06054b50);
    expect(file.readUInt32LE(file.length - 22 + 16)).toBe(0xffffffff);
    expect((await readOurs(file))['第二']).toEqual(expected['第二']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file as unknown as ArrayBuffer);
    expect((wb.getWorksheet('第二')!.getRow(20).values as unknown[]).slice(1)).toEqual(['第20行', undefined, 19]);
  });

  it('fails with OutputClosed when the client goes away, and leaves no temporary file', async () => {
    const out = new PassThrough();
    const book = new XlsxWriter(out, { sheets: ['a', 'b'], creator: 'test', created: CREATED, tempDir: dir });
    const a = await book.sheet('a', { columns: [{ width: 10 }] });
    const b = await book.sheet('b', { columns: [{ width: 10 }] });
    out.destroy();
    const write = async () => {
      for (let i = 0; i < 100_000; i++) {
        a.row([`row ${i} ${'x'.repeat(100)}`]);
        b.row([i]);
        if (i % 100 === 0) await Promise.all([a.flush(), b.flush()]);
      }
    };
    await expect(write()).rejects.toBeInstanceOf(OutputClosed);
    await book.abort();
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  // An independent reader of the whole file: LibreOffice, when installed (CI's apt list decides).
  const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => fs.existsSync(p));
  const why = soffice ? '' : ' (skipped: LibreOffice is not installed, no /usr/bin/soffice)';
  // (Not the ZIP64 form: LibreOffice 7.4 refuses any ZIP64 entry, whatever writes it; files that need ZIP64 are over
  // 4 GiB of XML, beyond what it could open anyway.)
  it.skipIf(!soffice)(`LibreOffice reads every sheet with the same values (CSV per sheet)${why}`, async () => {
    const { file, expected } = await writeWorkbook({ rows: 50 });
    const work = fs.mkdtempSync(path.join(dir, 'lo-'));
    try {
      fs.writeFileSync(path.join(work, 'book.xlsx'), file);
      // 44,34,76,1: comma, double quote, UTF-8, from line 1; token 12 = -1: one CSV file per sheet.
      await promisify(execFile)(
        soffice!,
        ['--headless', `-env:UserInstallation=file://${work}/profile`, '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1', '--outdir', work, path.join(work, 'book.xlsx')],
        { timeout: 120_000 },
      );
      for (const sheet of ['数据', '第二'] as const) {
        const csv = parseCsv(fs.readFileSync(path.join(work, `book-${sheet}.csv`), 'utf8'));
        const width = Math.max(...expected[sheet].map((r) => r.length));
        // CSV knows only text: a number is its decimal form, an empty cell ''; Calc keeps a line break in a cell as LF.
        const asCsv = expected[sheet].map((r) => Array.from({ length: width }, (_v, i) => (r[i] === null || r[i] === undefined ? '' : String(r[i]).replace(/\r\n/g, '\n'))));
        expect(csv, sheet).toEqual(asCsv);
      }
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  });
});
