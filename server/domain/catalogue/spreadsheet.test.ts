import { describe, expect, it } from 'vitest';
import type { TimeLimit } from '../../../common/item-elements.ts';
import { itemElements } from '../../test/factories.ts';
import { cellOfProblem, codeOfRule, completeElements, ITEM_COLUMNS, itemRowValues, MATERIAL_COLUMNS, materialRowValues, parseItemRow, parseMaterialRow, type CellValue } from './spreadsheet.ts';
import { formatTimeLimit, parseSheetDate, parseTimeLimit } from './spreadsheet-cells.ts';
import { cellText } from './spreadsheet-read.ts';

// Pure tests of the workbook layout: cell formats, row ↔ elements, and where a rule's problem lands.

const CODE = '11150626990000025M4150900000001';
const FILING = '11';

/** A row reader over the cells an export writes for these elements. */
function readerOf(values: CellValue[], columns: readonly { key: string }[]) {
  const cells = new Map(columns.map((c, i) => [c.key, cellText(values[i], c.key === 'effectiveFrom')]));
  return (key: string) => cells.get(key) ?? '';
}

function roundTrip(elements: ReturnType<typeof itemElements>) {
  const src = { implementationCode: CODE, orgName: '乌审旗市场监督管理局', elements, effectiveFrom: '2025-12-31T16:00:00.000Z', entrustingOrgUscc: null };
  const parsed = parseItemRow(readerOf(itemRowValues(src, FILING), ITEM_COLUMNS), { filingTypeCode: FILING });
  const materials = materialRowValues(src).map((v) => parseMaterialRow(readerOf(v, MATERIAL_COLUMNS)));
  return { parsed, materials, elements: completeElements(parsed, materials.map((m) => m.material), elements.entrustingOrgId ?? null) };
}

describe('time limits', () => {
  it.each([
    ['20个工作日', { amount: 20, unit: 'workday' }],
    ['20 工作日', { amount: 20, unit: 'workday' }],
    ['30日', { amount: 30, unit: 'day' }],
    ['30天', { amount: 30, unit: 'day' }],
    ['1个月', { amount: 1, unit: 'month' }],
    ['即办', { amount: 0, unit: 'workday' }],
    ['20个工作日（不含公示期（10日））', { amount: 20, unit: 'workday', note: '不含公示期（10日）' }],
  ])('reads %s', (text, limit) => {
    expect(parseTimeLimit(text)).toEqual(limit);
  });

  it.each(['20', '二十个工作日', '20个星期', '20个工作日 另加', '', '9999日'])('refuses %j with IMPORT.BAD_TIME_LIMIT', (text) => {
    expect(() => parseTimeLimit(text)).toThrow(expect.objectContaining({ code: 'IMPORT.BAD_TIME_LIMIT' }));
  });

  it('writes what it reads', () => {
    const limits: TimeLimit[] = [{ amount: 5, unit: 'workday' }, { amount: 60, unit: 'day', note: '公示期除外' }, { amount: 3, unit: 'month' }];
    for (const limit of limits) {
      expect(parseTimeLimit(formatTimeLimit(limit))).toEqual(limit);
    }
  });
});

describe('dates', () => {
  it('reads ISO, slashed and Chinese dates and Excel date serials', () => {
    expect(parseSheetDate('2026-01-05')).toBe('2026-01-05');
    expect(parseSheetDate('2026/1/5')).toBe('2026-01-05');
    expect(parseSheetDate('2026年1月5日')).toBe('2026-01-05');
    expect(cellText(46027, true)).toBe('2026-01-05');
    expect(cellText(46027 - 1462, true, true)).toBe('2026-01-05');
    expect(cellText(46027)).toBe('46027');
    expect(cellText(new Date(Date.UTC(2026, 0, 5)), true)).toBe('2026-01-05');
    expect(() => parseSheetDate('2026-02-30')).toThrow(expect.objectContaining({ code: 'IMPORT.BAD_DATE' }));
  });
});

describe('row ↔ elements', () => {
  it('reads back exactly what it writes, materials included', () => {
    const elements = itemElements();
    const { parsed, elements: back } = roundTrip(elements);
    expect(parsed.issues).toEqual([]);
    expect(back).toEqual(elements);
    expect(parsed.effectiveDate).toBe('2026-01-01');
  });

  it('survives separators, line breaks, backslashes and citations without 《》 in every multi-part cell', () => {
    const elements = itemElements({
      fees: [{ name: '工本费|证书', standard: '10元\n每本', basis: 'C:\\规定\\收费.pdf' }],
      faq: [{ question: '能否代办｜委托？', answer: '可以。\n需提交委托书#原件' }],
      handlingItems: [],
      filing: null,
    }, {
      legalBasis: [
        { law: '《中华人民共和国食品安全法》', article: '第三十五条', clause: '国家对食品生产经营实行许可制度|第一款', level: '法律', url: 'https://flk.npc.gov.cn/#/detail' },
        { law: '食品经营许可管理办法', article: '第十条' },
        { law: '规章第5条之说明', article: '附则' },
        { law: '没有条款的文件' },
        { law: '《条例》', clause: '只有条文' },
      ],
      process: [{ name: '受理', actor: '窗口', timeLimit: { amount: 1, unit: 'workday', note: '当场（含咨询）' }, description: '审核|登记' }],
      intermediaryServices: [{ name: '检测', legalBasis: '《办法》第3条', providerRequirement: '具备资质', timeLimit: null, fee: '按市场价' }],
    });
    const { parsed, elements: back } = roundTrip(elements);
    expect(parsed.issues).toEqual([]);
    // A null time limit and an absent one are the same element (no version for it).
    const { timeLimit: _nullLimit, ...service } = elements.intermediaryServices[0];
    expect(back).toEqual({ ...elements, intermediaryServices: [service] });
  });

  it('round-trips a filing item and its settings', () => {
    const elements = itemElements({ fees: [], filing: { category: 'confirmation', output: '备案编号', promisedDays: 5, secret: true } }, { type: FILING });
    const { parsed, elements: back } = roundTrip(elements);
    expect(parsed.issues).toEqual([]);
    expect(back).toEqual(elements);
  });

  it('fills empty optional columns with the defaults of a new item', () => {
    const cells: Record<string, string> = {
      basicCode: '150900000001', orgUscc: '11150626990000025M', level: '县级', name: '养犬登记', type: '行政确认', legalBasis: '《养犬管理条例》第八条',
      acceptanceConditions: '在限养区内养犬', serviceRecipients: '1', process: '受理|窗口\n办结|科室', statutoryTimeLimit: '10日', resultName: '养犬登记证',
      consultPhone: '0477-1', complaintPhone: '12345',
    };
    const parsed = parseItemRow((k) => cells[k] ?? '', { filingTypeCode: FILING });
    expect(parsed.issues).toEqual([]);
    const el = completeElements(parsed, [], null);
    expect(el).toMatchObject({
      promisedTimeLimit: { amount: 10, unit: 'day' }, caseKind: 2, powerSource: 1, implementerNature: 1, onlineDepth: 0, visitsRequired: 1,
      inServiceHall: true, selfServiceTerminal: false, handlingItems: [{ seq: 1, name: '养犬登记', splitReason: '新设' }],
      optimisation: { materialsBefore: 0, stepsBefore: 2, visitsBefore: 1 }, filing: null, serviceRecipients: [1], type: '07',
    });
  });

  it('names every bad cell with a stable code, and only those', () => {
    const cells: Record<string, string> = {
      basicCode: '150900000001', orgUscc: '11150626990000025M', level: '县级', name: '养犬登记', type: '行政许可证', legalBasis: '《条例》第八条|宪法',
      serviceRecipients: '自然人、外星人', process: '受理', statutoryTimeLimit: '10', promisedTimeLimit: '5个工作日', caseKind: '急办件',
      visitsRequired: '十', inServiceHall: '也许', onlineGuideUrl: 'zwfw.nmg.gov.cn', handlingItems: '1|新设|新办', filingCategory: '告知性',
      effectiveFrom: '2026-13-01',
    };
    const parsed = parseItemRow((k) => cells[k] ?? '', { filingTypeCode: FILING });
    expect(parsed.issues.map((i) => [i.column, i.code])).toEqual([
      ['type', 'IMPORT.UNKNOWN_VALUE'],
      ['statutoryTimeLimit', 'IMPORT.BAD_TIME_LIMIT'],
      ['process', 'IMPORT.BAD_LINE'],
      ['visitsRequired', 'IMPORT.BAD_NUMBER'],
      ['legalBasis', 'IMPORT.UNKNOWN_VALUE'],
      ['serviceRecipients', 'IMPORT.UNKNOWN_VALUE'],
      ['handlingItems', 'IMPORT.UNKNOWN_VALUE'],
      ['caseKind', 'IMPORT.UNKNOWN_VALUE'],
      ['onlineGuideUrl', 'IMPORT.BAD_URL'],
      ['inServiceHall', 'IMPORT.BAD_BOOLEAN'],
      ['effectiveFrom', 'IMPORT.BAD_DATE'],
    ]);
    for (const issue of parsed.issues) expect(issue.message).toMatch(/\p{Script=Han}/u);
    // A failed type decides nothing about the filing columns; a failed statutory limit hides the promised ≤ statutory rule.
    expect(parsed.failed.has('filingCategory')).toBe(false);
    expect(cellOfProblem('promisedTimeLimit').dependsOn).toContain('statutoryTimeLimit');
  });

  it('refuses filing settings on an item that is not 行政备案, and requires them on one that is', () => {
    const base: Record<string, string> = { type: '行政许可', statutoryTimeLimit: '10日', filingCategory: '告知性' };
    expect(parseItemRow((k) => base[k] ?? '', { filingTypeCode: FILING }).issues).toContainEqual(expect.objectContaining({ column: 'filingCategory', code: 'IMPORT.NOT_FILING_ITEM' }));
    const filing: Record<string, string> = { type: '行政备案', statutoryTimeLimit: '10日' };
    expect(parseItemRow((k) => filing[k] ?? '', { filingTypeCode: FILING }).issues).toContainEqual(expect.objectContaining({ column: 'filingCategory', code: 'IMPORT.REQUIRED' }));
  });

  it('reads a material row and requires its key, name, form and source', () => {
    const ok = parseMaterialRow((k) => ({ implementationCode: CODE, name: '申请书', kind: '原件', source: '申请人自备' })[k] ?? '');
    expect(ok.issues).toEqual([]);
    expect(ok.material).toEqual({ name: '申请书', kind: '原件', copies: 1, required: '必要', source: '申请人自备' });
    const bad = parseMaterialRow((k) => ({ kind: '传真件', copies: '-1', blankForm: 'ftp://x' })[k] ?? '');
    expect(bad.issues.map((i) => [i.column, i.code]).sort()).toEqual([
      ['blankForm', 'IMPORT.BAD_URL'], ['copies', 'IMPORT.BAD_NUMBER'], ['implementationCode', 'IMPORT.REQUIRED'], ['kind', 'IMPORT.UNKNOWN_VALUE'],
      ['name', 'IMPORT.REQUIRED'], ['source', 'IMPORT.REQUIRED'],
    ]);
  });
});

describe('itemProblems paths → cells', () => {
  it('maps every element path to a column of the right sheet, with a stable code', () => {
    expect(cellOfProblem('promisedTimeLimit')).toMatchObject({ sheet: '事项', column: 'promisedTimeLimit' });
    expect(codeOfRule('promisedTimeLimit')).toBe('IMPORT.PROMISED_EXCEEDS_STATUTORY');
    expect(cellOfProblem('materials.2.source')).toMatchObject({ sheet: '材料', column: 'source', materialIndex: 2 });
    expect(cellOfProblem('legalBasis.1.url')).toMatchObject({ column: 'legalBasis' });
    expect(codeOfRule('legalBasis.1.url')).toBe('IMPORT.BAD_URL');
    expect(cellOfProblem('result.name')).toMatchObject({ column: 'resultName' });
    expect(cellOfProblem('entrustingOrgId')).toMatchObject({ column: 'entrustingOrg', dependsOn: ['powerSource'] });
    expect(cellOfProblem('filing.promisedDays')).toMatchObject({ column: 'filingDays' });
    expect(codeOfRule('fees')).toBe('IMPORT.FEES_ON_FILING');
    expect(codeOfRule('caseKind')).toBe('IMPORT.INSTANT_CASE_TOO_LONG');
    expect(codeOfRule('consultPhone')).toBe('IMPORT.REQUIRED');
    const columns = new Set<string>(ITEM_COLUMNS.map((c) => c.key));
    for (const key of Object.keys(itemElements())) {
      if (key === 'materials') continue;
      expect(columns.has(cellOfProblem(key).column), key).toBe(true);
    }
  });
});
