import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readXlsxRows, XlsxError, type XlsxRow } from './xlsx-reader.ts';

// The .xlsx reader of the import, on files from exceljs (both string modes) and hand-made SpreadsheetML with the
// variants other writers produce: namespace prefixes, inline and rich strings, escapes, missing references.

async function rows(buf: Buffer): Promise<XlsxRow[]> {
  const out: XlsxRow[] = [];
  for await (const r of readXlsxRows(buf)) out.push(r);
  return out;
}

/** A zip of the given parts; `deflate` compresses them, else they are stored. */
function zip(parts: Record<string, string>, deflate = true): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(parts)) {
    const data = Buffer.from(text);
    const body = deflate ? zlib.deflateRawSync(data) : data;
    const nameBuf = Buffer.from(name);
    const crc = zlib.crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(deflate ? 8 : 0, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(deflate ? 8 : 0, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, body);
    centrals.push(central, nameBuf);
    offset += 30 + nameBuf.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(parts).length, 8);
  end.writeUInt16LE(Object.keys(parts).length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const NS = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

function handMade(deflate = true): Buffer {
  return zip(
    {
      '[Content_Types].xml': '<Types/>',
      // Sheets listed in the workbook's order, parts named otherwise; a leading-slash target; the 1904 date system.
      'xl/workbook.xml': `<x:workbook ${NS}><x:workbookPr date1904="1"/><x:sheets><x:sheet name="材料" sheetId="2" r:id="rId2"/><x:sheet name="事项 &amp; 说明" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`,
      'xl/_rels/workbook.xml.rels':
        '<Relationships><Relationship Id="rId1" Type="t/worksheet" Target="worksheets/a.xml"/><Relationship Id="rId2" Type="t/worksheet" Target="/xl/worksheets/b.xml"/>' +
        '<Relationship Id="rId3" Type="t/sharedStrings" Target="strings.xml"/></Relationships>',
      'xl/strings.xml': `<x:sst ${NS}><x:si><x:t>共享</x:t></x:si><x:si><x:r><x:rPr><x:b/></x:rPr><x:t xml:space="preserve">富 </x:t></x:r><x:r><x:t>文本</x:t></x:r><x:rPh sb="0" eb="1"><x:t>フリガナ</x:t></x:rPh></x:si></x:sst>`,
      'xl/worksheets/a.xml':
        `<x:worksheet ${NS}><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="C1" t="s"><x:v>1</x:v></x:c></x:row>` +
        '<x:row r="3"><x:c r="A3" t="inlineStr"><x:is><x:t>a &lt;b&gt; &amp; &#x4E2D;&#25991;_x000D_</x:t></x:is></x:c><x:c t="b"><x:v>1</x:v></x:c><x:c t="str"><x:f>A1</x:f><x:v>公式</x:v></x:c><x:c t="e"><x:v>#N/A</x:v></x:c></x:row>' +
        '<x:row r="4"><x:c r="B4" s="3"/></x:row><x:row r="5"><x:c r="AA5"><x:v>42</x:v></x:c></x:row></x:sheetData></x:worksheet>',
      'xl/worksheets/b.xml': '<worksheet><sheetData><row><c><v>1.5</v></c></row><row><c r="B2"><v>24107</v></c></row></sheetData></worksheet>',
    },
    deflate,
  );
}

describe('readXlsxRows', () => {
  it('reads every cell kind, in the workbook\'s sheet order, skipping empty rows', async () => {
    for (const deflate of [true, false]) {
      const got = await rows(handMade(deflate));
      expect(got.map((r) => [r.sheet, r.row])).toEqual([['材料', 1], ['材料', 2], ['事项 & 说明', 1], ['事项 & 说明', 3], ['事项 & 说明', 5]]);
      // Numbers stay numbers; the workbook's date system comes with the row for date columns to apply.
      expect(got[1].values).toEqual([undefined, 24107]);
      expect(got.every((r) => r.date1904)).toBe(true);
      expect(got[0].values).toEqual([1.5]);
      expect(got[2].values).toEqual(['共享', undefined, '富 文本']);
      expect(got[3].values).toEqual(['a <b> & 中文\r', true, '公式', '#N/A']);
      expect(got[4].values[26]).toBe(42);
    }
  });

  it('reads what exceljs writes, with and without shared strings, and large sheets row by row', async () => {
    for (const useSharedStrings of [false, true]) {
      const wb = new ExcelJS.Workbook();
      const sheet = wb.addWorksheet('事项');
      sheet.addRow(['实施编码', '事项名称', '份数']);
      for (let i = 0; i < 3000; i++) sheet.addRow([`CODE${i}`, `名称 ${i}\n第二行`, i]);
      const buf = Buffer.from(await (useSharedStrings ? wb.xlsx.writeBuffer({ useSharedStrings: true }) : wb.xlsx.writeBuffer({ useSharedStrings: false })));
      const got = await rows(buf);
      expect(got).toHaveLength(3001);
      expect(got[0].values).toEqual(['实施编码', '事项名称', '份数']);
      expect(got[2999].values).toEqual(['CODE2998', '名称 2998\n第二行', 2998]);
    }
  });

  it('refuses what is not an xlsx file', async () => {
    await expect(rows(Buffer.from('实施编码,事项名称\n'))).rejects.toBeInstanceOf(XlsxError);
    await expect(rows(zip({ 'a.txt': 'x' }))).rejects.toBeInstanceOf(XlsxError);
    const broken = handMade();
    broken.fill(0, 40, 200);
    await expect(rows(broken)).rejects.toBeInstanceOf(XlsxError);
    const pointingAway = handMade();
    pointingAway.writeUInt32LE(0x7fffffff, pointingAway.length - 6);
    await expect(rows(pointingAway)).rejects.toBeInstanceOf(XlsxError);
  });
});
