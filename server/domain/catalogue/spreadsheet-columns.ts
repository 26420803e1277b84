// The list workbook's layout (导入模板 = 导出格式): sheet names, the columns of 「事项」 and 「材料」 with their Chinese
// headers, widths, dropdown values and help, and the dictionaries as the sheet shows them. Import, export and the
// template share it, so a file exported by the system re-imports unchanged (round-trip tested).
import {
  CASE_KINDS, CITATION_LEVELS, FILING_TYPE_LABEL, IMPLEMENTER_NATURES, ITEM_TYPES, MATERIAL_KINDS, MATERIAL_REQUIRED, MATERIAL_SOURCES,
  ONLINE_DEPTHS, POWER_SOURCES, SERVICE_RECIPIENTS, SPLIT_REASONS, THEMES,
} from '../../../common/dictionaries.ts';
import { LEVEL_LABELS } from '../../../common/roles.ts';

export const ITEMS_SHEET = '事项';
export const MATERIALS_SHEET = '材料';
export const GUIDE_SHEET = '说明';
export type SheetName = typeof ITEMS_SHEET | typeof MATERIALS_SHEET;

/** Rows per sheet an import reads at most (the 20 MB upload limit is the real bound; this one guards memory). */
export const MAX_SHEET_ROWS = 100_000;

/** A cell as the export writes it and the tests build rows: text, a number, or empty. */
export type CellValue = string | number | null;

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
export const YES_NO = ['是', '否'] as const;
export const FILING_CATEGORIES: Readonly<Record<'notice' | 'confirmation', string>> = { notice: '告知性', confirmation: '确认性' };
export const FILING_OUTPUTS = ['公告', '认可', '备案决定', '备案编号'] as const;

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

