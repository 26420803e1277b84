// The list workbook (导入模板 = 导出格式): sheets, Chinese headers, cell formats, and the mapping between one row of
// 「事项」 (plus its rows in 「材料」) and an item's element set. Parsing and formatting are pure; the exceljs helpers at
// the end lay sheets out (exceljs) and read rows (xlsx-reader.ts). Import and export share every definition here, so a file exported by
// the system re-imports unchanged (round-trip tested).
import ExcelJS from 'exceljs';
import {
  CASE_KINDS, CITATION_LEVELS, FILING_TYPE_LABEL, IMPLEMENTER_NATURES, ITEM_TYPES, MATERIAL_KINDS, MATERIAL_REQUIRED, MATERIAL_SOURCES,
  ONLINE_DEPTHS, POWER_SOURCES, SERVICE_RECIPIENTS, SPLIT_REASONS, THEMES, TIME_UNITS,
} from '../../../common/dictionaries.ts';
import type { Citation, HandlingItem, ItemElements, Material, ProcessStep, TimeLimit } from '../../../common/item-elements.ts';
import { LEVEL_LABELS } from '../../../common/roles.ts';
import { readXlsxRows, XlsxError } from './xlsx-reader.ts';
import { chinaDate } from '../../../common/calendar.ts';

export const ITEMS_SHEET = '事项';
export const MATERIALS_SHEET = '材料';
export const GUIDE_SHEET = '说明';
export type SheetName = typeof ITEMS_SHEET | typeof MATERIALS_SHEET;

/** Rows per sheet an import reads at most (the 20 MB upload limit is the real bound; this one guards memory). */
export const MAX_SHEET_ROWS = 100_000;

export type CellValue = string | number | Date | null;

export interface Column<K extends string = string> {
  key: K;
  header: string;
  width: number;
  required?: boolean;
  /** How to fill the column (the 「说明」 sheet). */
  help: string;
  example?: string;
  /** Dropdown values (data validation); `strict` refuses other values in Excel. */
  list?: readonly string[];
  strict?: boolean;
  /** Shown for reading only: the import ignores it. */
  informational?: boolean;
}

// ---------------------------------------------------------------------------------------------------------------
// Dictionaries as the sheet shows them (labels); the import also accepts the codes.

const TYPE_LABELS = [...Object.values(ITEM_TYPES).map((t) => t.label), FILING_TYPE_LABEL];
const recordLabels = (r: Readonly<Record<number, string>>) => Object.values(r);
const YES_NO = ['是', '否'] as const;
const FILING_CATEGORIES: Readonly<Record<'notice' | 'confirmation', string>> = { notice: '告知性', confirmation: '确认性' };
const FILING_OUTPUTS = ['公告', '认可', '备案决定', '备案编号'] as const;

// Common spellings of 行使层级 in provincial sheets (Inner Mongolia: 旗 = county, 苏木 = town, 嘎查 = village).
const LEVEL_ALIASES: Readonly<Record<string, number>> = {
  国家级: 1, 省级: 2, 自治区级: 2, 市级: 3, 盟市级: 3, 县级: 4, 旗级: 4, '县（旗）级': 4, '旗（县）级': 4, 旗县级: 4,
  镇级: 5, 乡镇级: 5, 乡级: 5, 苏木镇级: 5, 街道级: 5, 村级: 6, 社区级: 6, 嘎查村级: 6,
  ...Object.fromEntries(Object.entries(LEVEL_LABELS).map(([k, v]) => [v, Number(k)])),
};

// ---------------------------------------------------------------------------------------------------------------
// Columns of 「事项」 and 「材料」, in sheet order.

const LINES = '每行一条；同一行内各部分用 | 分隔，后面的部分可省略。';

export const ITEM_COLUMNS = [
  { key: 'implementationCode', header: '实施编码', width: 36, help: '31位（统一社会信用代码18位 + 行使层级1位 + 基本编码12位）。可不填：由后三列生成；填写时须与后三列一致。导入按实施编码识别同一事项，重复导入不会产生重复事项。', example: '11150626990000025M4150900000001' },
  { key: 'basicCode', header: '基本编码', width: 16, required: true, help: '基本目录事项的12位编码（数字或大写字母）。须为基本目录中已有的事项；政务服务局管理员导入未知编码时，按本行的统一要素新建本地目录事项。', example: '150900000001' },
  { key: 'orgUscc', header: '实施机构统一社会信用代码', width: 24, required: true, help: '实施机构的18位统一社会信用代码（校验位须正确），须为系统中已有的机构。部门经办人只能导入本单位的事项。', example: '11150626990000025M' },
  { key: 'orgName', header: '实施机构名称', width: 24, informational: true, help: '仅供阅读，导入时忽略（以统一社会信用代码为准）。' },
  { key: 'level', header: '行使层级', width: 12, required: true, list: recordLabels(LEVEL_LABELS), help: '国家级/省级/市级/县级/镇(乡、街道)级/村(社区)级，或数字 1–6；须与实施机构的层级一致，且在目录事项的行使层级之内。', example: '县级' },
  { key: 'name', header: '事项名称', width: 28, required: true, help: '统一要素：与基本目录一致。', example: '食品经营许可' },
  { key: 'type', header: '事项类型', width: 12, required: true, list: TYPE_LABELS, strict: true, help: '国家事项类型名称（行政许可、行政给付、公共服务……、行政备案）或两位代码。', example: '行政许可' },
  { key: 'legalBasis', header: '设定依据', width: 40, required: true, help: `${LINES} 格式：《法规名称》第X条|层级|条文内容|链接。层级为：${CITATION_LEVELS.join('、')}。`, example: '《中华人民共和国食品安全法》第三十五条|法律' },
  { key: 'acceptanceConditions', header: '受理条件', width: 40, required: true, help: '统一要素。', example: '申请人应当具有与经营的食品品种、数量相适应的食品经营场所。' },
  { key: 'serviceRecipients', header: '服务对象', width: 20, required: true, help: `名称或代码，多个用 、 分隔：${Object.entries(SERVICE_RECIPIENTS).map(([k, v]) => `${k} ${v}`).join('，')}。`, example: '企业法人、非法人企业' },
  { key: 'process', header: '办理流程', width: 40, required: true, help: `${LINES} 格式：环节名称|办理人员|时限|说明，如“审查|审查人员|5个工作日”。`, example: '受理|窗口工作人员\n审查|审查人员|5个工作日\n决定|分管负责人' },
  { key: 'statutoryTimeLimit', header: '法定办结时限', width: 14, required: true, help: '数字加单位：“20个工作日”“30日”“1个月”，可在括号内加说明：“20个工作日（不含公示期）”。“即办”为0个工作日。', example: '20个工作日' },
  { key: 'promisedTimeLimit', header: '承诺办结时限', width: 14, help: '格式同法定办结时限，不得超过法定办结时限。不填时等于法定办结时限。', example: '3个工作日' },
  { key: 'caseKind', header: '办件类型', width: 10, list: recordLabels(CASE_KINDS), strict: true, help: '即办件/承诺件（或 1/2）；即办件的承诺时限不超过1个工作日。不填为承诺件。', example: '承诺件' },
  { key: 'powerSource', header: '权力来源', width: 14, list: recordLabels(POWER_SOURCES), strict: true, help: `${Object.entries(POWER_SOURCES).map(([k, v]) => `${k} ${v}`).join('，')}。不填为法定本级行使。`, example: '法定本级行使' },
  { key: 'implementerNature', header: '实施主体性质', width: 12, list: recordLabels(IMPLEMENTER_NATURES), strict: true, help: `${Object.entries(IMPLEMENTER_NATURES).map(([k, v]) => `${k} ${v}`).join('，')}。不填为法定机关。`, example: '法定机关' },
  { key: 'entrustingOrg', header: '委托机关统一社会信用代码', width: 24, help: '权力来源为上级委托或同级委托时必填，须为系统中已有的机构。' },
  { key: 'place', header: '办理地点', width: 30, help: '进驻政务大厅的事项必填。', example: '乌审旗政务服务中心一楼市场监管窗口' },
  { key: 'hours', header: '办理时间', width: 24, help: '', example: '工作日 9:00—12:00，14:30—17:30' },
  { key: 'consultPhone', header: '咨询电话', width: 16, required: true, help: '', example: '0477-7212345' },
  { key: 'complaintPhone', header: '监督投诉电话', width: 16, required: true, help: '', example: '0477-12345' },
  { key: 'onlineDepth', header: '网上办理深度', width: 12, list: recordLabels(ONLINE_DEPTHS), strict: true, help: `${Object.entries(ONLINE_DEPTHS).map(([k, v]) => `${k} ${v}`).join('，')}。不填为不能网办。`, example: '全程网办' },
  { key: 'onlineGuideUrl', header: '网上办事指引', width: 30, help: '以 http:// 或 https:// 开头的链接；网上预审及以上必填。', example: 'https://zwfw.nmg.gov.cn/guide/spjyxk' },
  { key: 'visitsRequired', header: '到现场次数', width: 10, help: '0–9 的整数。不填为1。', example: '0' },
  { key: 'inServiceHall', header: '是否进驻大厅', width: 10, list: YES_NO, strict: true, help: '是/否。不填为是。', example: '是' },
  { key: 'selfServiceTerminal', header: '是否自助终端', width: 10, list: YES_NO, strict: true, help: '是/否。不填为否。', example: '否' },
  { key: 'resultName', header: '办理结果名称', width: 20, required: true, help: '统一要素。', example: '食品经营许可证' },
  { key: 'resultKind', header: '结果类型', width: 10, help: '如：证照、批文、其他。', example: '证照' },
  { key: 'resultSample', header: '结果样本链接', width: 24, help: 'http(s) 链接或站内路径。' },
  { key: 'resultLicence', header: '签发电子证照类型', width: 18, help: '办理结果为电子证照时填写证照类型。' },
  { key: 'handlingItems', header: '业务办理项', width: 32, help: `${LINES} 格式：序号|名称|情形，情形为${SPLIT_REASONS.join('/')}。不填时生成一个与事项同名的“新设”办理项；填“无”表示不拆分。`, example: '1|食品经营许可（新设）|新设\n2|食品经营许可（变更）|变更' },
  { key: 'handlingItemSplit', header: '业务办理项拆分标准', width: 24, help: '统一要素。', example: '按新设、变更、延续、注销拆分' },
  { key: 'intermediaryServices', header: '法定中介服务', width: 30, help: `${LINES} 格式：名称|设定依据|服务机构要求|时限|收费。` },
  { key: 'fees', header: '收费', width: 30, help: `${LINES} 格式：收费项目名称|收费标准|收费依据。不收费的留空；行政备案事项不得收费。` },
  { key: 'themes', header: '主题', width: 18, help: `多个用 、 分隔，如：${THEMES.slice(0, 6).join('、')}……`, example: '市场准入、食品药品' },
  { key: 'keywords', header: '关键词', width: 18, help: '多个用 、 分隔，用于检索。', example: '餐饮、食品' },
  { key: 'faq', header: '常见问题', width: 30, help: `${LINES} 格式：问题|解答。` },
  { key: 'materialsBefore', header: '优化前材料数', width: 10, help: '两优记录：优化前需提交的材料份数。不填为现有材料数。', example: '6' },
  { key: 'stepsBefore', header: '优化前环节数', width: 10, help: '两优记录：优化前的办理环节数。不填为现有环节数。', example: '5' },
  { key: 'visitsBefore', header: '优化前到现场次数', width: 10, help: '两优记录。不填为现在的到现场次数。', example: '2' },
  { key: 'timeLimitBefore', header: '优化前办结时限', width: 14, help: '两优记录，格式同法定办结时限。' },
  { key: 'optimisationNote', header: '优化说明', width: 24, help: '两优记录。' },
  { key: 'filingCategory', header: '备案类别', width: 10, list: Object.values(FILING_CATEGORIES), strict: true, help: '仅行政备案事项填写且必填：告知性/确认性。' },
  { key: 'filingOutput', header: '备案结果形式', width: 12, list: FILING_OUTPUTS, strict: true, help: `仅行政备案事项：${FILING_OUTPUTS.join('/')}。` },
  { key: 'filingDays', header: '备案办理时限（工作日）', width: 12, help: '确认性备案必填：1–60 的整数。' },
  { key: 'filingSecret', header: '备案是否涉密', width: 10, list: YES_NO, strict: true, help: '仅行政备案事项：是/否，涉密事项不对外公布。不填为否。' },
  { key: 'effectiveFrom', header: '生效日期', width: 12, help: '政务服务局管理员导入时的生效日期（YYYY-MM-DD，北京时间零点）。不填为立即生效；已有事项内容有变化时须晚于现行版本的生效日期，与现行版本相同时视为立即生效。部门经办人导入生成草稿，本列不适用。', example: '2026-01-01' },
] as const satisfies readonly Column[];

export const MATERIAL_COLUMNS = [
  { key: 'implementationCode', header: '实施编码', width: 36, help: '所属事项：填实施编码，或同时填基本编码和实施机构统一社会信用代码。所属事项须在「事项」表中。' },
  { key: 'basicCode', header: '基本编码', width: 16, help: '见实施编码。' },
  { key: 'orgUscc', header: '实施机构统一社会信用代码', width: 24, help: '见实施编码。' },
  { key: 'itemName', header: '事项名称', width: 24, informational: true, help: '仅供阅读，导入时忽略。' },
  { key: 'name', header: '材料名称', width: 28, required: true, help: '同一事项内不得重复。材料的顺序即本表中行的顺序。', example: '食品经营许可申请书' },
  { key: 'kind', header: '材料形式', width: 10, required: true, list: MATERIAL_KINDS, strict: true, help: MATERIAL_KINDS.join('/'), example: '原件' },
  { key: 'copies', header: '份数', width: 8, help: '0–99 的整数。不填为1。', example: '1' },
  { key: 'required', header: '必要性', width: 10, list: MATERIAL_REQUIRED, strict: true, help: `${MATERIAL_REQUIRED.join('/')}。不填为必要。`, example: '必要' },
  { key: 'source', header: '来源', width: 14, required: true, list: MATERIAL_SOURCES, help: `${MATERIAL_SOURCES.join('/')}，或其他说明。`, example: '申请人自备' },
  { key: 'legalBasis', header: '依据', width: 28, help: '要求提交该材料的依据。' },
  { key: 'blankForm', header: '空白表格链接', width: 24, help: 'http(s) 链接或站内路径。' },
  { key: 'sample', header: '示例样表链接', width: 24, help: 'http(s) 链接或站内路径。' },
  { key: 'fillGuide', header: '填写说明', width: 28, help: '' },
  { key: 'satisfiedBy', header: '免提交依据', width: 20, help: '可免提交时，填写替代它的电子证照类型或共享数据（免提交）。', example: '营业执照电子证照' },
] as const satisfies readonly Column[];

export type ItemColumnKey = (typeof ITEM_COLUMNS)[number]['key'];
export type MaterialColumnKey = (typeof MATERIAL_COLUMNS)[number]['key'];

const itemColumn = new Map<string, Column>(ITEM_COLUMNS.map((c) => [c.key, c]));
const materialColumn = new Map<string, Column>(MATERIAL_COLUMNS.map((c) => [c.key, c]));

/** The Chinese header of a column of either sheet. */
export function headerOf(sheet: SheetName, key: string): string {
  return (sheet === ITEMS_SHEET ? itemColumn : materialColumn).get(key)?.header ?? key;
}

// Other spellings a bureau's own sheet may use for the same column.
const HEADER_ALIASES: Readonly<Record<string, string>> = {
  实施主体统一社会信用代码: 'orgUscc', 实施机构信用代码: 'orgUscc', 统一社会信用代码: 'orgUscc', 事项编码: 'implementationCode',
  基本目录编码: 'basicCode', 法定时限: 'statutoryTimeLimit', 承诺时限: 'promisedTimeLimit', 办理流程环节: 'process', 网办深度: 'onlineDepth',
  是否进驻政务大厅: 'inServiceHall', 是否支持自助终端: 'selfServiceTerminal',
};

/** Column key of a header cell, or undefined for a column the import does not know (ignored). */
export function columnOfHeader(sheet: SheetName, header: string): string | undefined {
  const h = header.replace(/^[\s*＊]+|[\s*＊]+$/g, '').replace(/[（(]必填[）)]$/, '').trim();
  const columns: readonly Column[] = sheet === ITEMS_SHEET ? ITEM_COLUMNS : MATERIAL_COLUMNS;
  const hit = columns.find((c) => c.header === h);
  if (hit) return hit.key;
  const alias = HEADER_ALIASES[h];
  return alias && columns.some((c) => c.key === alias) ? alias : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Cell formats

/** A cell problem before it gets its row and header: the column key, a stable code and a Chinese message. */
export interface CellIssue {
  column: string;
  code: string;
  message: string;
}

class CellError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

const fail = (code: string, message: string): never => {
  throw new CellError(code, message);
};

// `\` escapes the separators inside a line, so any text survives a round trip through one cell.
const ESCAPES: Readonly<Record<string, string>> = { '\\': '\\', '|': '|', '｜': '｜', '#': '#', n: '\n', r: '\r' };

function escapeField(text: string, extra = ''): string {
  let out = '';
  for (const ch of text) {
    if (ch === '\\' || ch === '|' || ch === '｜' || extra.includes(ch)) out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else out += ch;
  }
  return out;
}

function unescapeField(raw: string): string {
  return raw.replace(/\\(.)/gu, (m, ch: string) => ESCAPES[ch] ?? m);
}

/** Splits a raw line on unescaped `|` / `｜`; fields stay escaped (trimmed). */
function splitRaw(line: string): string[] {
  const fields: string[] = [];
  let current = '';
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '\\' && i + 1 < line.length) {
      current += ch + line[i + 1];
      i++;
    } else if (ch === '|' || ch === '｜') {
      fields.push(current.trim());
      current = '';
    } else {
      current += ch;
    }
  }
  fields.push(current.trim());
  return fields;
}

/** Non-empty lines of a cell, each split into unescaped fields. */
function lineFields(text: string): Array<{ raw: string[]; fields: string[] }> {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const raw = splitRaw(l);
      return { raw, fields: raw.map(unescapeField) };
    });
}

/** One line from fields, trailing empty fields dropped. */
function joinFields(fields: Array<string | undefined | null>, extra: string[] = []): string {
  const out = fields.map((f, i) => escapeField(f ?? '', extra[i] ?? ''));
  while (out.length > 1 && out[out.length - 1] === '') out.pop();
  return out.join('|');
}

const listOf = (text: string) =>
  text
    .split(/[、，,；;\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);

const UNIT_WORDS: ReadonlyArray<[string, TimeLimit['unit']]> = [
  ['个工作日', 'workday'], ['工作日', 'workday'], ['个自然日', 'day'], ['自然日', 'day'], ['个日历日', 'day'], ['日历日', 'day'],
  ['日', 'day'], ['天', 'day'], ['个月', 'month'], ['月', 'month'],
];
const TIME_LIMIT = new RegExp(`^(\\d+)\\s*(${UNIT_WORDS.map(([w]) => w).join('|')})\\s*(?:[（(]([\\s\\S]*)[）)])?$`);

/** "20个工作日", "30日", "1个月", "20个工作日（不含公示期）", "即办" → a time limit. @throws CellError IMPORT.BAD_TIME_LIMIT */
export function parseTimeLimit(text: string): TimeLimit {
  const t = text.trim();
  if (/^即(时)?办(结)?$/.test(t)) return { amount: 0, unit: 'workday' };
  const m = TIME_LIMIT.exec(t);
  if (!m) {
    return fail('IMPORT.BAD_TIME_LIMIT', /^\d+(\.\d+)?$/.test(t) ? '时限须注明单位，如“20个工作日”“30日”“1个月”' : '时限格式应为“20个工作日”“30日”或“1个月”');
  }
  const amount = Number(m[1]);
  if (amount > 3650) fail('IMPORT.BAD_TIME_LIMIT', '时限不能超过 3650');
  const unit = UNIT_WORDS.find(([w]) => w === m[2])![1];
  const note = m[3]?.trim();
  return note ? { amount, unit, note } : { amount, unit };
}

/** The sheet form of a time limit: amount + Chinese unit, note in brackets. */
export function formatTimeLimit(limit: TimeLimit): string {
  return `${limit.amount}${TIME_UNITS[limit.unit as keyof typeof TIME_UNITS]}${limit.note ? `（${limit.note}）` : ''}`;
}

const ARTICLE = /^(.*?)(第[一二三四五六七八九十百千万零〇两\d]+条[\s\S]*)$/;

/** Splits "《法》第X条" (or "法第X条"); an unescaped `#` separates law and article explicitly. */
function parseCitationPart(raw: string): { law: string; article?: string } {
  let hash = -1;
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === '\\') i++;
    else if (raw[i] === '#') {
      hash = i;
      break;
    }
  }
  const withArticle = (law: string, article: string) => (article ? { law, article } : { law });
  if (hash >= 0) return withArticle(unescapeField(raw.slice(0, hash)).trim(), unescapeField(raw.slice(hash + 1)).trim());
  const text = unescapeField(raw).trim();
  const close = text.indexOf('》');
  if (text.startsWith('《') && close > 0) return withArticle(text.slice(0, close + 1), text.slice(close + 1).trim());
  const m = ARTICLE.exec(text);
  if (m && m[1].trim()) return withArticle(m[1].trim(), m[2].trim());
  return { law: text };
}

function formatCitationPart(c: Pick<Citation, 'law' | 'article'>): string {
  const plain = escapeField(c.law) + escapeField(c.article ?? '');
  const back = parseCitationPart(plain);
  if (back.law === c.law && (back.article ?? '') === (c.article ?? '')) return plain;
  return `${escapeField(c.law, '#')}#${escapeField(c.article ?? '', '#')}`;
}

const isUrl = (v: string) => /^https?:\/\/\S+$/.test(v);
const isUrlOrPath = (v: string) => /^(https?:\/\/|\/)\S*$/.test(v);

function enumValue<T>(text: string, byLabel: ReadonlyMap<string, T>, what: string): T {
  const hit = byLabel.get(text.trim());
  if (hit === undefined) fail('IMPORT.UNKNOWN_VALUE', `${what}“${text.trim()}”不在字典中，可选：${[...new Set([...byLabel.keys()].filter((k) => !/^\d+$/.test(k)))].join('、')}`);
  return hit as T;
}

function numberedDictionary(r: Readonly<Record<number, string>>): Map<string, number> {
  const m = new Map<string, number>();
  for (const [k, v] of Object.entries(r)) {
    m.set(v, Number(k));
    m.set(k, Number(k));
  }
  return m;
}

const RECIPIENT_BY_LABEL = numberedDictionary(SERVICE_RECIPIENTS);
const CASE_KIND_BY_LABEL = numberedDictionary(CASE_KINDS);
const POWER_SOURCE_BY_LABEL = numberedDictionary(POWER_SOURCES);
const NATURE_BY_LABEL = numberedDictionary(IMPLEMENTER_NATURES);
const DEPTH_BY_LABEL = numberedDictionary(ONLINE_DEPTHS);
const SPLIT_BY_LABEL = new Map(SPLIT_REASONS.map((s) => [s, s]));
const KIND_BY_LABEL = new Map(MATERIAL_KINDS.map((s) => [s as string, s]));
const REQUIRED_BY_LABEL = new Map(MATERIAL_REQUIRED.map((s) => [s as string, s]));
const CITATION_LEVEL_BY_LABEL = new Map(CITATION_LEVELS.map((s) => [s as string, s]));
const FILING_CATEGORY_BY_LABEL = new Map<string, 'notice' | 'confirmation'>([['告知性', 'notice'], ['确认性', 'confirmation'], ['告知性备案', 'notice'], ['确认性备案', 'confirmation'], ['notice', 'notice'], ['confirmation', 'confirmation']]);
const FILING_OUTPUT_BY_LABEL = new Map(FILING_OUTPUTS.map((s) => [s as string, s]));

function parseBoolean(text: string): boolean {
  const t = text.trim().toLowerCase();
  if (['是', 'y', 'yes', 'true', '1', '√'].includes(t)) return true;
  if (['否', 'n', 'no', 'false', '0', '×'].includes(t)) return false;
  return fail('IMPORT.BAD_BOOLEAN', '应填“是”或“否”');
}

function parseInteger(text: string, min: number, max: number): number {
  const t = text.trim();
  if (!/^\d+(\.0+)?$/.test(t)) fail('IMPORT.BAD_NUMBER', `应为 ${min}–${max} 的整数`);
  const n = Number(t);
  if (n < min || n > max) fail('IMPORT.BAD_NUMBER', `应为 ${min}–${max} 的整数`);
  return n;
}

/** "2026-01-01", "2026/1/1", "2026年1月1日" → "2026-01-01". @throws CellError IMPORT.BAD_DATE */
export function parseSheetDate(text: string): string {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text.trim());
  const iso = m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : '';
  const d = new Date(`${iso}T00:00:00Z`);
  if (!m || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso) return fail('IMPORT.BAD_DATE', '日期格式应为 YYYY-MM-DD');
  return iso;
}

/** Item type code from a label or code; the configured filing code stands for 行政备案. */
function parseType(text: string, filingTypeCode: string): string {
  const t = text.trim();
  if (t === FILING_TYPE_LABEL) return filingTypeCode;
  const byLabel = Object.entries(ITEM_TYPES).find(([, v]) => v.label === t);
  if (byLabel) return byLabel[0];
  if (/^\d{1,2}$/.test(t)) {
    const code = t.padStart(2, '0');
    if (code === filingTypeCode || code in ITEM_TYPES) return code;
  }
  return fail('IMPORT.UNKNOWN_VALUE', `事项类型“${t}”不在国家事项类型字典中`);
}

function typeLabel(code: string, filingTypeCode: string): string {
  return code === filingTypeCode ? FILING_TYPE_LABEL : (ITEM_TYPES[code]?.label ?? code);
}

/** 行使层级 from a digit or a label. @throws CellError IMPORT.INVALID_LEVEL */
export function parseLevel(text: string): number {
  const t = text.trim();
  if (/^[1-6]$/.test(t)) return Number(t);
  const hit = LEVEL_ALIASES[t];
  if (hit) return hit;
  return fail('IMPORT.INVALID_LEVEL', '行使层级应为 1–6 或“县级”“镇(乡、街道)级”等名称');
}

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
      const field = parts[2] && materialColumn.has(parts[2]) ? parts[2] : 'name';
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

export { chinaDate };

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

// ---------------------------------------------------------------------------------------------------------------
// exceljs: laying sheets out, reading rows

type Sheet = ExcelJS.Worksheet;
const LAST_ROW = 1_048_576;
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };

function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

function layOut(sheet: Sheet, columns: readonly Column[]): void {
  // Codes are text: Excel would turn an all-digit basic code into a number and drop a 31-character code's precision.
  sheet.columns = columns.map((c) => ({ key: c.key, width: c.width, ...(c.key.endsWith('Code') || c.key.endsWith('Uscc') || c.key === 'entrustingOrg' ? { style: { numFmt: '@' } } : {}) }));
  const header = sheet.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  header.height = 20;
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.font = { bold: true, ...(c.required ? { color: { argb: 'FFC00000' } } : {}) };
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', wrapText: true };
  });
  header.commit();
}

// Dropdowns reach this many rows below the data: room to add rows in Excel. Not whole columns: other readers
// (exceljs's own in-memory reader among them) expand a validation range cell by cell.
const SPARE_ROWS = 1000;

/**
 * Adds the dropdowns of a sheet's list columns down to its last data row plus spare rows; call before committing it.
 */
export function addDropdowns(sheet: Sheet, name: SheetName, lastDataRow: number): void {
  const columns: readonly Column[] = name === ITEMS_SHEET ? ITEM_COLUMNS : MATERIAL_COLUMNS;
  const last = Math.min(Math.max(lastDataRow, 1) + SPARE_ROWS, LAST_ROW);
  columns.forEach((c, i) => {
    if (!c.list) return;
    const letter = columnLetter(i + 1);
    // Both the streaming and the in-memory worksheet have dataValidations; exceljs's typings omit it.
    (sheet as unknown as { dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void } }).dataValidations.add(`${letter}2:${letter}${last}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`"${c.list.join(',')}"`],
      showErrorMessage: true,
      errorStyle: c.strict ? 'stop' : 'information',
      errorTitle: c.header,
      error: `请从下拉列表中选择：${c.list.join('、')}`,
    });
  });
}

/** Adds 「事项」 and 「材料」 with headers (bold, required in red, frozen) and column widths; dropdowns come last (addDropdowns). */
export function addListSheets(workbook: ExcelJS.Workbook): { items: Sheet; materials: Sheet } {
  const frozen: Partial<ExcelJS.WorksheetViewFrozen>[] = [{ state: 'frozen', xSplit: 0, ySplit: 1 }];
  const items = workbook.addWorksheet(ITEMS_SHEET, { views: frozen });
  layOut(items, ITEM_COLUMNS);
  const materials = workbook.addWorksheet(MATERIALS_SHEET, { views: frozen });
  layOut(materials, MATERIAL_COLUMNS);
  return { items, materials };
}

/** Adds 「说明」: every column of both sheets (required, format, example) and the dictionaries. */
export function addGuideSheet(workbook: ExcelJS.Workbook, filingTypeCode: string): Sheet {
  const sheet = workbook.addWorksheet(GUIDE_SHEET);
  sheet.columns = [{ width: 14 }, { width: 26 }, { width: 8 }, { width: 80 }, { width: 40 }];
  const bold = (values: CellValue[]) => {
    const row = sheet.addRow(values);
    row.font = { bold: true };
    row.commit();
  };
  const plain = (values: CellValue[]) => {
    const row = sheet.addRow(values);
    row.alignment = { vertical: 'top', wrapText: true };
    row.commit();
  };
  bold(['政务服务事项清单导入说明']);
  plain(['', '「事项」每行一个实施事项；「材料」每行一份申请材料，按实施编码（或基本编码 + 实施机构统一社会信用代码）归属到事项，行的顺序即材料顺序。']);
  plain(['', '红色表头为必填列。导入时先校验整个文件，逐格列出问题（行号、列名、取值、原因）；默认只有整个文件无误才写入，也可选择“只导入无误的行”。']);
  plain(['', '同一实施编码重复导入不会产生重复事项；内容未变化的事项不会产生新版本。政务服务局管理员导入的事项直接生效（初始清单载入），部门经办人导入的事项生成草稿，经调整流程生效。']);
  plain(['', '统一要素（事项名称、类型、设定依据、受理条件、服务对象、办理流程、申请材料、法定时限、办理结果、拆分标准、中介服务）须与基本目录一致，不一致之处在“同源一致性”中列出。']);
  plain([]);
  for (const [title, columns] of [[ITEMS_SHEET, ITEM_COLUMNS], [MATERIALS_SHEET, MATERIAL_COLUMNS]] as const) {
    bold([`「${title}」表`, '列名', '必填', '填写说明', '示例']);
    for (const c of columns as readonly Column[]) plain(['', c.header, c.required ? '是' : '', c.help, c.example ?? '']);
    plain([]);
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
  return sheet;
}

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
