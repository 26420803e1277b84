// The list workbook's rows (导入模板 = 导出格式): one row of 「事项」 (plus its rows in 「材料」) ↔ an item's element set,
// and where a rule's problem lands in the sheet. Pure. The layout is in spreadsheet-columns.ts, the cell formats in
// spreadsheet-cells.ts, reading in spreadsheet-read.ts and writing in spreadsheet-write.ts; import and export share
// every definition, so a file exported by the system re-imports unchanged (round-trip tested).
import { chinaDate } from '../../../common/calendar.ts';
import { CASE_KINDS, IMPLEMENTER_NATURES, ONLINE_DEPTHS, POWER_SOURCES, SERVICE_RECIPIENTS } from '../../../common/dictionaries.ts';
import type { Citation, HandlingItem, ItemElements, Material, ProcessStep, TimeLimit } from '../../../common/item-elements.ts';
import { LEVEL_LABELS } from '../../../common/roles.ts';
import {
  CASE_KIND_BY_LABEL, CellError, CITATION_LEVEL_BY_LABEL, DEPTH_BY_LABEL, enumValue, fail, FILING_CATEGORY_BY_LABEL, FILING_OUTPUT_BY_LABEL,
  formatCitationPart, formatTimeLimit, isUrl, isUrlOrPath, joinFields, KIND_BY_LABEL, lineFields, listOf, NATURE_BY_LABEL, parseBoolean,
  parseCitationPart, parseInteger, parseLevel, parseSheetDate, parseTimeLimit, parseType, POWER_SOURCE_BY_LABEL, RECIPIENT_BY_LABEL,
  REQUIRED_BY_LABEL, SPLIT_BY_LABEL, typeLabel, type CellIssue,
} from './spreadsheet-cells.ts';
import {
  FILING_CATEGORIES, ITEM_COLUMNS, ITEMS_SHEET, MATERIAL_COLUMNS, MATERIALS_SHEET, type CellValue, type ItemColumnKey, type MaterialColumnKey,
  type SheetName,
} from './spreadsheet-columns.ts';

// What the import service and the import bench take from here (one module for the whole workbook layout).
export { headerOf, ITEM_COLUMNS, ITEMS_SHEET, MATERIAL_COLUMNS, MATERIALS_SHEET, type CellValue, type SheetName } from './spreadsheet-columns.ts';
export { type CellIssue } from './spreadsheet-cells.ts';
export { readWorkbookRows, TooManyRows, UnreadableWorkbook, type SheetRow, type WorkbookRows } from './spreadsheet-read.ts';

const MATERIAL_KEYS = new Set<string>(MATERIAL_COLUMNS.map((c) => c.key));

// ---------------------------------------------------------------------------------------------------------------
// Row → elements

export interface RowReader {
  /** The trimmed text of a column ('' when empty or absent). */
  (key: string): string;
}

export interface ParsedItemRow {
  implementationCode?: string;
  basicCode?: string;
  orgUscc?: string;
  levelDigit?: number;
  /** Complete elements without materials; a cell that failed to parse holds a neutral value and is listed in `failed`. */
  elements: Omit<ItemElements, 'materials' | 'entrustingOrgId'>;
  entrustingOrgUscc?: string;
  effectiveDate?: string;
  /** Columns left empty whose default depends on the materials (filled in by `completeElements`). */
  defaults: { materialsBefore: boolean };
  issues: CellIssue[];
  failed: Set<string>;
}

export interface ParseOptions {
  filingTypeCode: string;
}

/** Runs one cell's parser: a CellError becomes an issue on that column and the fallback value is used. */
function cellParser(issues: CellIssue[], failed: Set<string>) {
  return <T>(column: string, parse: () => T, fallback: T): T => {
    try {
      return parse();
    } catch (e) {
      if (!(e instanceof CellError)) throw e;
      issues.push({ column, code: e.code, message: e.message });
      failed.add(column);
      return fallback;
    }
  };
}

function parseLines<T>(text: string, min: number, max: number, build: (fields: string[], raw: string[]) => T, format: string): T[] {
  return lineFields(text).map(({ fields, raw }, i) => {
    if (fields.length < min || fields.length > max || fields.slice(0, min).some((f) => !f)) {
      fail('IMPORT.BAD_LINE', `第 ${i + 1} 行格式应为“${format}”`);
    }
    return build(fields, raw);
  });
}

const optional = <K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> => (value ? ({ [key]: value } as Record<K, string>) : {});

function parseCitations(text: string): Citation[] {
  return parseLines(text, 1, 4, (fields, raw) => {
    const { law, article } = parseCitationPart(raw[0]);
    const level = fields[1] ? enumValue(fields[1], CITATION_LEVEL_BY_LABEL, '依据层级') : undefined;
    if (fields[3] && !isUrl(fields[3])) fail('IMPORT.BAD_URL', '依据链接须以 http:// 或 https:// 开头');
    return { law, ...optional('article', article), ...optional('clause', fields[2]), ...(level ? { level } : {}), ...optional('url', fields[3]) };
  }, '《法规名称》第X条|层级|条文内容|链接');
}

function parseSteps(text: string): ProcessStep[] {
  return parseLines(text, 2, 4, (f) => ({
    name: f[0],
    actor: f[1],
    ...(f[2] ? { timeLimit: parseTimeLimit(f[2]) } : {}),
    ...optional('description', f[3]),
  }), '环节名称|办理人员|时限|说明');
}

function parseHandlingItems(text: string): HandlingItem[] {
  if (text.trim() === '无') return [];
  return parseLines(text, 3, 3, (f) => ({ seq: parseInteger(f[0], 1, 99), name: f[1], splitReason: enumValue(f[2], SPLIT_BY_LABEL, '业务办理项情形') }), '序号|名称|新设/变更/延续/注销');
}

function parseRecipients(text: string): number[] {
  const values = listOf(text).map((v) => enumValue(v, RECIPIENT_BY_LABEL, '服务对象'));
  if (new Set(values).size !== values.length) fail('IMPORT.DUPLICATE_VALUE', '服务对象不能重复');
  return values;
}

/**
 * One row of 「事项」 → its identity and elements (without materials), with every cell problem at once.
 * Empty optional columns take the defaults a new item starts with (see the 「说明」 sheet).
 */
export function parseItemRow(get: RowReader, options: ParseOptions): ParsedItemRow {
  const issues: CellIssue[] = [];
  const failed = new Set<string>();
  const cell = cellParser(issues, failed);
  const need = (key: string, label: string) => {
    if (get(key)) return true;
    issues.push({ column: key, code: 'IMPORT.REQUIRED', message: `${label}不能为空` });
    failed.add(key);
    return false;
  };
  const text = (key: string) => get(key);
  const ZERO: TimeLimit = { amount: 0, unit: 'workday' };

  const implementationCode = text('implementationCode') || undefined;
  const basicCode = text('basicCode') || undefined;
  const orgUscc = text('orgUscc') || undefined;
  const levelDigit = text('level') ? cell('level', () => parseLevel(text('level')), undefined) : undefined;
  if (!implementationCode) {
    need('basicCode', '基本编码（或实施编码）');
    need('orgUscc', '实施机构统一社会信用代码（或实施编码）');
    need('level', '行使层级（或实施编码）');
  }

  const type = need('type', '事项类型') ? cell('type', () => parseType(text('type'), options.filingTypeCode), '01') : '01';
  const statutoryTimeLimit = need('statutoryTimeLimit', '法定办结时限') ? cell('statutoryTimeLimit', () => parseTimeLimit(text('statutoryTimeLimit')), ZERO) : ZERO;
  const promisedTimeLimit = text('promisedTimeLimit') ? cell('promisedTimeLimit', () => parseTimeLimit(text('promisedTimeLimit')), ZERO) : { ...statutoryTimeLimit };
  if (failed.has('statutoryTimeLimit') && !text('promisedTimeLimit')) failed.add('promisedTimeLimit');
  const name = text('name');
  const processSteps = cell('process', () => parseSteps(text('process')), []);
  const visitsRequired = text('visitsRequired') ? cell('visitsRequired', () => parseInteger(text('visitsRequired'), 0, 9), 1) : 1;

  // 行政备案 settings: required for a filing item, refused for any other type (a failed type cell decides nothing).
  const filingColumns = ['filingCategory', 'filingOutput', 'filingDays', 'filingSecret'] as const;
  let filing: ItemElements['filing'] = null;
  const filled = filingColumns.filter((k) => text(k));
  if (!failed.has('type') && type !== options.filingTypeCode && filled.length > 0) {
    for (const k of filled) {
      issues.push({ column: k, code: 'IMPORT.NOT_FILING_ITEM', message: '只有行政备案事项才能填写备案类别、结果形式、时限和涉密' });
      failed.add(k);
    }
  } else if (!failed.has('type') && type === options.filingTypeCode && need('filingCategory', '行政备案事项的备案类别')) {
    const category = cell('filingCategory', () => enumValue(text('filingCategory'), FILING_CATEGORY_BY_LABEL, '备案类别'), 'notice' as const);
    const output = text('filingOutput') ? cell('filingOutput', () => enumValue(text('filingOutput'), FILING_OUTPUT_BY_LABEL, '备案结果形式'), undefined) : undefined;
    const promisedDays = text('filingDays') ? cell('filingDays', () => parseInteger(text('filingDays'), 1, 60), undefined) : undefined;
    const secret = text('filingSecret') ? cell('filingSecret', () => parseBoolean(text('filingSecret')), false) : false;
    filing = { category, ...(output ? { output } : {}), ...(promisedDays ? { promisedDays } : {}), secret };
  }

  const elements: ParsedItemRow['elements'] = {
    name,
    type,
    legalBasis: cell('legalBasis', () => parseCitations(text('legalBasis')), []),
    acceptanceConditions: text('acceptanceConditions'),
    serviceRecipients: cell('serviceRecipients', () => parseRecipients(text('serviceRecipients')), []),
    process: processSteps,
    statutoryTimeLimit,
    result: {
      name: text('resultName'),
      kind: text('resultKind'),
      ...optional('sampleFile', cell('resultSample', () => (text('resultSample') && !isUrlOrPath(text('resultSample')) ? fail('IMPORT.BAD_URL', '链接须为 http(s) 地址或站内路径') : text('resultSample')), '')),
      ...optional('issuesLicenceType', text('resultLicence')),
    },
    handlingItemSplit: text('handlingItemSplit'),
    intermediaryServices: cell('intermediaryServices', () => parseLines(text('intermediaryServices'), 3, 5, (f) => ({
      name: f[0], legalBasis: f[1], providerRequirement: f[2], ...(f[3] ? { timeLimit: parseTimeLimit(f[3]) } : {}), ...optional('fee', f[4]),
    }), '名称|设定依据|服务机构要求|时限|收费'), []),
    handlingItems: text('handlingItems')
      ? cell('handlingItems', () => parseHandlingItems(text('handlingItems')), [])
      : [{ seq: 1, name: name || '业务办理项', splitReason: '新设' }],
    promisedTimeLimit,
    caseKind: text('caseKind') ? cell('caseKind', () => enumValue(text('caseKind'), CASE_KIND_BY_LABEL, '办件类型'), 2) : 2,
    powerSource: text('powerSource') ? cell('powerSource', () => enumValue(text('powerSource'), POWER_SOURCE_BY_LABEL, '权力来源'), 1) : 1,
    implementerNature: text('implementerNature') ? cell('implementerNature', () => enumValue(text('implementerNature'), NATURE_BY_LABEL, '实施主体性质'), 1) : 1,
    place: text('place'),
    hours: text('hours'),
    consultPhone: text('consultPhone'),
    complaintPhone: text('complaintPhone'),
    onlineDepth: text('onlineDepth') ? cell('onlineDepth', () => enumValue(text('onlineDepth'), DEPTH_BY_LABEL, '网上办理深度'), 0) : 0,
    ...optional('onlineGuideUrl', cell('onlineGuideUrl', () => (text('onlineGuideUrl') && !isUrl(text('onlineGuideUrl')) ? fail('IMPORT.BAD_URL', '链接须以 http:// 或 https:// 开头') : text('onlineGuideUrl')), '')),
    visitsRequired,
    inServiceHall: text('inServiceHall') ? cell('inServiceHall', () => parseBoolean(text('inServiceHall')), true) : true,
    selfServiceTerminal: text('selfServiceTerminal') ? cell('selfServiceTerminal', () => parseBoolean(text('selfServiceTerminal')), false) : false,
    fees: cell('fees', () => parseLines(text('fees'), 3, 3, (f) => ({ name: f[0], standard: f[1], basis: f[2] }), '收费项目名称|收费标准|收费依据'), []),
    faq: cell('faq', () => parseLines(text('faq'), 2, 2, (f) => ({ question: f[0], answer: f[1] }), '问题|解答'), []),
    themes: listOf(text('themes')),
    keywords: listOf(text('keywords')),
    optimisation: {
      materialsBefore: text('materialsBefore') ? cell('materialsBefore', () => parseInteger(text('materialsBefore'), 0, 999), 0) : 0,
      stepsBefore: text('stepsBefore') ? cell('stepsBefore', () => parseInteger(text('stepsBefore'), 0, 99), 0) : processSteps.length,
      visitsBefore: text('visitsBefore') ? cell('visitsBefore', () => parseInteger(text('visitsBefore'), 0, 99), 0) : visitsRequired,
      ...(text('timeLimitBefore') ? { timeLimitBefore: cell('timeLimitBefore', () => parseTimeLimit(text('timeLimitBefore')), null) } : {}),
      ...optional('note', text('optimisationNote')),
    },
    filing,
  };
  const effectiveDate = text('effectiveFrom') ? cell('effectiveFrom', () => parseSheetDate(text('effectiveFrom')), undefined) : undefined;
  return {
    implementationCode,
    basicCode,
    orgUscc,
    levelDigit,
    elements,
    entrustingOrgUscc: text('entrustingOrg') || undefined,
    effectiveDate,
    defaults: { materialsBefore: !text('materialsBefore') },
    issues,
    failed,
  };
}

export interface ParsedMaterialRow {
  implementationCode?: string;
  basicCode?: string;
  orgUscc?: string;
  material: Material;
  issues: CellIssue[];
  failed: Set<string>;
}

/** One row of 「材料」 → its item key and the material, with every cell problem at once. */
export function parseMaterialRow(get: RowReader): ParsedMaterialRow {
  const issues: CellIssue[] = [];
  const failed = new Set<string>();
  const cell = cellParser(issues, failed);
  const need = (key: string, label: string) => {
    if (get(key)) return true;
    issues.push({ column: key, code: 'IMPORT.REQUIRED', message: `${label}不能为空` });
    failed.add(key);
    return false;
  };
  if (!get('implementationCode') && !(get('basicCode') && get('orgUscc'))) {
    issues.push({ column: 'implementationCode', code: 'IMPORT.REQUIRED', message: '须填写实施编码，或同时填写基本编码和实施机构统一社会信用代码' });
    failed.add('implementationCode');
  }
  need('name', '材料名称');
  need('source', '材料来源');
  const link = (key: string) => cell(key, () => (get(key) && !isUrlOrPath(get(key)) ? fail('IMPORT.BAD_URL', '链接须为 http(s) 地址或站内路径') : get(key)), '');
  const material: Material = {
    name: get('name'),
    kind: need('kind', '材料形式') ? cell('kind', () => enumValue(get('kind'), KIND_BY_LABEL, '材料形式'), '原件') : '原件',
    copies: get('copies') ? cell('copies', () => parseInteger(get('copies'), 0, 99), 1) : 1,
    required: get('required') ? cell('required', () => enumValue(get('required'), REQUIRED_BY_LABEL, '必要性'), '必要') : '必要',
    source: get('source'),
    ...optional('legalBasis', get('legalBasis')),
    ...optional('blankForm', link('blankForm')),
    ...optional('sample', link('sample')),
    ...optional('fillGuide', get('fillGuide')),
    ...optional('satisfiedBy', get('satisfiedBy')),
  };
  return {
    implementationCode: get('implementationCode') || undefined,
    basicCode: get('basicCode') || undefined,
    orgUscc: get('orgUscc') || undefined,
    material,
    issues,
    failed,
  };
}

/** The full element set of a parsed row once its materials and entrusting org are known. */
export function completeElements(row: ParsedItemRow, materials: Material[], entrustingOrgId: string | null): ItemElements {
  const optimisation = row.defaults.materialsBefore ? { ...row.elements.optimisation, materialsBefore: materials.length } : row.elements.optimisation;
  // Key order follows the ItemElements schema, so stored JSON looks the same whichever path wrote it.
  const { name, type, legalBasis, acceptanceConditions, serviceRecipients, process, statutoryTimeLimit, result, handlingItemSplit, intermediaryServices, ...local } = row.elements;
  return {
    name, type, legalBasis, acceptanceConditions, serviceRecipients, process, materials, statutoryTimeLimit, result, handlingItemSplit, intermediaryServices,
    ...local,
    entrustingOrgId,
    optimisation,
  } as ItemElements;
}

// ---------------------------------------------------------------------------------------------------------------
// Problems of the element set (schema and itemProblems paths) → the cell they belong to

export interface ProblemCell {
  sheet: SheetName;
  column: string;
  /** For a material's problem: its index in the item's materials. */
  materialIndex?: number;
  /** Columns whose own parse error makes this rule moot (its value there is a stand-in). */
  dependsOn: string[];
}

const PATH_COLUMNS: Readonly<Record<string, string>> = {
  name: 'name', type: 'type', legalBasis: 'legalBasis', acceptanceConditions: 'acceptanceConditions', serviceRecipients: 'serviceRecipients',
  process: 'process', statutoryTimeLimit: 'statutoryTimeLimit', result: 'resultName', 'result.name': 'resultName', 'result.kind': 'resultKind',
  'result.sampleFile': 'resultSample', 'result.issuesLicenceType': 'resultLicence', handlingItemSplit: 'handlingItemSplit',
  intermediaryServices: 'intermediaryServices', handlingItems: 'handlingItems', promisedTimeLimit: 'promisedTimeLimit', caseKind: 'caseKind',
  powerSource: 'powerSource', implementerNature: 'implementerNature', entrustingOrgId: 'entrustingOrg', place: 'place', hours: 'hours',
  consultPhone: 'consultPhone', complaintPhone: 'complaintPhone', onlineDepth: 'onlineDepth', onlineGuideUrl: 'onlineGuideUrl',
  visitsRequired: 'visitsRequired', inServiceHall: 'inServiceHall', selfServiceTerminal: 'selfServiceTerminal', fees: 'fees', faq: 'faq',
  themes: 'themes', keywords: 'keywords', optimisation: 'optimisationNote', 'optimisation.materialsBefore': 'materialsBefore',
  'optimisation.stepsBefore': 'stepsBefore', 'optimisation.visitsBefore': 'visitsBefore', 'optimisation.timeLimitBefore': 'timeLimitBefore',
  'optimisation.note': 'optimisationNote', filing: 'filingCategory', 'filing.category': 'filingCategory', 'filing.output': 'filingOutput',
  'filing.promisedDays': 'filingDays', 'filing.secret': 'filingSecret',
};

// Rules that compare two or more cells: a stand-in value in any of them would report a false problem.
const RULE_DEPENDENCIES: Readonly<Record<string, string[]>> = {
  promisedTimeLimit: ['statutoryTimeLimit'],
  caseKind: ['promisedTimeLimit'],
  entrustingOrg: ['powerSource'],
  onlineGuideUrl: ['onlineDepth'],
  place: ['inServiceHall'],
  fees: ['type'],
  filingCategory: ['type', 'filingOutput', 'filingDays', 'filingSecret'],
  filingDays: ['type', 'filingCategory'],
};

/** Where a problem of the element set (dotted path, indices as numbers) goes in the workbook. */
export function cellOfProblem(path: string): ProblemCell {
  const parts = path.split('.');
  if (parts[0] === 'materials') {
    if (parts.length >= 2 && /^\d+$/.test(parts[1])) {
      const field = parts[2] && MATERIAL_KEYS.has(parts[2]) ? parts[2] : 'name';
      return { sheet: MATERIALS_SHEET, column: field, materialIndex: Number(parts[1]), dependsOn: [] };
    }
    return { sheet: ITEMS_SHEET, column: 'materials', dependsOn: [] };
  }
  const named = parts.filter((p) => !/^\d+$/.test(p));
  const column = PATH_COLUMNS[named.slice(0, 2).join('.')] ?? PATH_COLUMNS[named[0]] ?? 'name';
  return { sheet: ITEMS_SHEET, column, dependsOn: RULE_DEPENDENCIES[column] ?? [] };
}

// Stable codes of the itemProblems rules, by column (cell-level checks above already caught bad formats).
const RULE_CODES: Readonly<Record<string, string>> = {
  promisedTimeLimit: 'IMPORT.PROMISED_EXCEEDS_STATUTORY',
  caseKind: 'IMPORT.INSTANT_CASE_TOO_LONG',
  type: 'IMPORT.UNKNOWN_VALUE',
  fees: 'IMPORT.FEES_ON_FILING',
  handlingItems: 'IMPORT.DUPLICATE_VALUE',
  serviceRecipients: 'IMPORT.REQUIRED',
  legalBasis: 'IMPORT.REQUIRED',
};

/** The stable import code of an itemProblems rule at `path` (IMPORT.REQUIRED unless the column has its own rule). */
export function codeOfRule(path: string): string {
  const { sheet, column } = cellOfProblem(path);
  if (sheet === MATERIALS_SHEET && /\.name$/.test(path)) return 'IMPORT.REQUIRED';
  if (/\.url$|blankForm$|sample$/.test(path)) return 'IMPORT.BAD_URL';
  if (/^handlingItems\.\d+\.name$/.test(path)) return 'IMPORT.REQUIRED';
  return RULE_CODES[column] ?? 'IMPORT.REQUIRED';
}

// ---------------------------------------------------------------------------------------------------------------
// Elements → row (export)

export interface ItemRowSource {
  implementationCode: string;
  orgName: string;
  elements: ItemElements;
  effectiveFrom: string | null;
  /** USCC of the entrusting org, resolved by the caller. */
  entrustingOrgUscc: string | null;
}

const labelOf = (r: Readonly<Record<number, string>>, code: number) => r[code] ?? String(code);
const yesNo = (b: boolean) => (b ? '是' : '否');

/** The 「事项」 row of an item, in ITEM_COLUMNS order. */
export function itemRowValues(src: ItemRowSource, filingTypeCode: string): CellValue[] {
  const el = src.elements;
  const code = src.implementationCode;
  const values: Record<ItemColumnKey, CellValue> = {
    implementationCode: code,
    basicCode: code.slice(19),
    orgUscc: code.slice(0, 18),
    orgName: src.orgName,
    level: LEVEL_LABELS[Number(code[18]) as keyof typeof LEVEL_LABELS] ?? code[18],
    name: el.name,
    type: typeLabel(el.type, filingTypeCode),
    legalBasis: el.legalBasis
      .map((c) => {
        const rest = joinFields([c.level, c.clause, c.url]);
        return rest ? `${formatCitationPart(c)}|${rest}` : formatCitationPart(c);
      })
      .join('\n'),
    acceptanceConditions: el.acceptanceConditions,
    serviceRecipients: el.serviceRecipients.map((r) => labelOf(SERVICE_RECIPIENTS, r)).join('、'),
    process: el.process.map((s) => joinFields([s.name, s.actor, s.timeLimit ? formatTimeLimit(s.timeLimit) : '', s.description])).join('\n'),
    statutoryTimeLimit: formatTimeLimit(el.statutoryTimeLimit),
    promisedTimeLimit: formatTimeLimit(el.promisedTimeLimit),
    caseKind: labelOf(CASE_KINDS, el.caseKind),
    powerSource: labelOf(POWER_SOURCES, el.powerSource),
    implementerNature: labelOf(IMPLEMENTER_NATURES, el.implementerNature),
    entrustingOrg: src.entrustingOrgUscc,
    place: el.place,
    hours: el.hours,
    consultPhone: el.consultPhone,
    complaintPhone: el.complaintPhone,
    onlineDepth: labelOf(ONLINE_DEPTHS, el.onlineDepth),
    onlineGuideUrl: el.onlineGuideUrl ?? null,
    visitsRequired: el.visitsRequired,
    inServiceHall: yesNo(el.inServiceHall),
    selfServiceTerminal: yesNo(el.selfServiceTerminal),
    resultName: el.result.name,
    resultKind: el.result.kind,
    resultSample: el.result.sampleFile ?? null,
    resultLicence: el.result.issuesLicenceType ?? null,
    handlingItems: el.handlingItems.length === 0 ? '无' : el.handlingItems.map((h) => joinFields([String(h.seq), h.name, h.splitReason])).join('\n'),
    handlingItemSplit: el.handlingItemSplit,
    intermediaryServices: el.intermediaryServices
      .map((s) => joinFields([s.name, s.legalBasis, s.providerRequirement, s.timeLimit ? formatTimeLimit(s.timeLimit) : '', s.fee]))
      .join('\n'),
    fees: el.fees.map((f) => joinFields([f.name, f.standard, f.basis])).join('\n'),
    themes: el.themes.join('、'),
    keywords: el.keywords.join('、'),
    faq: el.faq.map((f) => joinFields([f.question, f.answer])).join('\n'),
    materialsBefore: el.optimisation.materialsBefore,
    stepsBefore: el.optimisation.stepsBefore,
    visitsBefore: el.optimisation.visitsBefore,
    timeLimitBefore: el.optimisation.timeLimitBefore ? formatTimeLimit(el.optimisation.timeLimitBefore) : null,
    optimisationNote: el.optimisation.note ?? null,
    filingCategory: el.filing ? FILING_CATEGORIES[el.filing.category as keyof typeof FILING_CATEGORIES] : null,
    filingOutput: el.filing?.output ?? null,
    filingDays: el.filing?.promisedDays ?? null,
    filingSecret: el.filing ? yesNo(el.filing.secret) : null,
    effectiveFrom: src.effectiveFrom ? chinaDate(src.effectiveFrom) : null,
  };
  return ITEM_COLUMNS.map((c) => {
    const v = values[c.key];
    return v === '' ? null : v;
  });
}

/** The 「材料」 rows of an item, in MATERIAL_COLUMNS order. */
export function materialRowValues(src: Pick<ItemRowSource, 'implementationCode' | 'elements'>): CellValue[][] {
  const code = src.implementationCode;
  return src.elements.materials.map((m) => {
    const values: Record<MaterialColumnKey, CellValue> = {
      implementationCode: code,
      basicCode: code.slice(19),
      orgUscc: code.slice(0, 18),
      itemName: src.elements.name,
      name: m.name,
      kind: m.kind,
      copies: m.copies,
      required: m.required,
      source: m.source,
      legalBasis: m.legalBasis ?? null,
      blankForm: m.blankForm ?? null,
      sample: m.sample ?? null,
      fillGuide: m.fillGuide ?? null,
      satisfiedBy: m.satisfiedBy ?? null,
    };
    return MATERIAL_COLUMNS.map((c) => {
      const v = values[c.key];
      return v === '' ? null : v;
    });
  });
}

