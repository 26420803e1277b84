// Chinese names of the elements and their parts, for problem lists, diff views and the consistency page.
import {
  CASE_KINDS, DEFAULT_FILING_TYPE_CODE, FILING_TYPE_LABEL, IMPLEMENTER_NATURES, ITEM_TYPES, itemTypeLabel, ONLINE_DEPTHS, POWER_SOURCES,
  SERVICE_RECIPIENTS, TIME_UNITS, type TimeUnit,
} from '../../../../common/dictionaries.ts';

/** Item types for selects: the national codes and the deployment's 行政备案 code, in code order. */
export const ITEM_TYPE_OPTIONS = [
  ...Object.entries(ITEM_TYPES).map(([value, t]) => ({ value, label: `${value} ${t.label}` })),
  { value: DEFAULT_FILING_TYPE_CODE, label: `${DEFAULT_FILING_TYPE_CODE} ${FILING_TYPE_LABEL}` },
].sort((a, b) => a.value.localeCompare(b.value));

/** Options of a numeric dictionary (服务对象, 办件类型, 网办深度 …). */
export const codeOptions = (dict: Readonly<Record<number, string>>) => Object.entries(dict).map(([value, label]) => ({ value: Number(value), label }));

export { ELEMENT_LABELS } from '../../../../common/element-labels.ts';
import { ELEMENT_LABELS } from '../../../../common/element-labels.ts';

const TIME_LIMIT_PARTS: Readonly<Record<string, string>> = { amount: '数量', unit: '单位', note: '说明' };

// Fields around the elements that problems (server 400 details) may name.
const FORM_LABELS: Readonly<Record<string, string>> = {
  basicCode: '基本编码', localCode: '地方编码', origin: '来源', levels: '行使层级', levelDigit: '行使层级', orgId: '实施机构',
  catalogueItemId: '目录事项', effectiveFrom: '生效时间', changeNote: '修改说明',
};

/** Labels of the parts of each structured element (list entries or objects). */
export const PART_LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  legalBasis: { law: '法律法规名称', article: '条款号', clause: '条文内容', level: '效力层级', url: '原文链接' },
  process: { name: '环节名称', actor: '办理人员', timeLimit: '环节时限', description: '办理内容' },
  materials: {
    name: '材料名称', kind: '材料形式', copies: '份数', required: '必要性', source: '来源渠道', legalBasis: '设定依据', blankForm: '空白表格',
    sample: '示例样表', fillGuide: '填报须知', satisfiedBy: '免提交依据',
  },
  result: { name: '结果名称', kind: '结果类型', sampleFile: '结果样本', issuesLicenceType: '电子证照类型' },
  intermediaryServices: { name: '服务名称', legalBasis: '设定依据', providerRequirement: '机构要求', timeLimit: '服务时限', fee: '收费' },
  handlingItems: { seq: '序号', name: '名称', splitReason: '拆分情形' },
  fees: { name: '收费项目', standard: '收费标准', basis: '收费依据' },
  faq: { question: '问题', answer: '解答' },
  optimisation: { materialsBefore: '优化前材料数', stepsBefore: '优化前环节数', visitsBefore: '优化前到现场次数', timeLimitBefore: '优化前时限', note: '说明' },
  filing: { category: '备案类别', output: '备案结果', promisedDays: '办理时限（工作日）', secret: '涉密' },
  statutoryTimeLimit: TIME_LIMIT_PARTS,
  promisedTimeLimit: TIME_LIMIT_PARTS,
  timeLimit: TIME_LIMIT_PARTS,
  timeLimitBefore: TIME_LIMIT_PARTS,
};

function partLabel(parent: string | undefined, key: string): string {
  if (parent && PART_LABELS[parent]?.[key]) return PART_LABELS[parent][key];
  return ELEMENT_LABELS[key] ?? TIME_LIMIT_PARTS[key] ?? FORM_LABELS[key] ?? key;
}

/**
 * A readable Chinese name for an element path: `materials.2.name` → 申请材料 › 第 3 项 › 材料名称;
 * diff paths name entries by key: `materials[营业执照].copies` → 申请材料〔营业执照〕 › 份数.
 */
export function elementPathLabel(path: string): string {
  const out: string[] = [];
  let parent: string | undefined;
  // Diff keys may themselves contain dots (《…》 第3.1条): split only outside brackets.
  for (const segment of path.match(/[^.[\]]+(\[[^\]]*\])*/g) ?? []) {
    const keyed = /^([^[]+)((?:\[[^\]]*\])+)$/.exec(segment);
    if (keyed) {
      const key = keyed[1]!;
      const entries = [...keyed[2]!.matchAll(/\[([^\]]*)\]/g)].map((m) => `〔${m[1]}〕`).join('');
      out.push(`${partLabel(parent, key)}${entries}`);
      parent = key;
    } else if (/^\d+$/.test(segment)) {
      out.push(`第 ${Number(segment) + 1} 项`);
    } else {
      out.push(partLabel(parent, segment));
      parent = segment;
    }
  }
  return out.join(' › ');
}

const DICTIONARIES: Readonly<Record<string, Readonly<Record<number, string>>>> = {
  caseKind: CASE_KINDS,
  powerSource: POWER_SOURCES,
  implementerNature: IMPLEMENTER_NATURES,
  onlineDepth: ONLINE_DEPTHS,
  serviceRecipients: SERVICE_RECIPIENTS,
};

const FILING_CATEGORIES: Readonly<Record<string, string>> = { notice: '告知性备案', confirmation: '确认性备案' };

function isTimeLimit(v: unknown): v is { amount: number; unit: TimeUnit; note?: string } {
  return !!v && typeof v === 'object' && typeof (v as { amount?: unknown }).amount === 'number' && typeof (v as { unit?: unknown }).unit === 'string';
}

/** "10 个工作日"; with its note in brackets. */
export function timeLimitText(limit: { amount: number; unit: string; note?: string } | null | undefined): string {
  if (!limit) return '—';
  const unit = TIME_UNITS[limit.unit as TimeUnit] ?? limit.unit;
  return `${limit.amount} ${unit}${limit.note ? `（${limit.note}）` : ''}`;
}

/**
 * A value of an element (or part of one) as text for people: dictionary codes as labels, time limits as
 * "10 个工作日", booleans as 是/否, objects as "标签：值" lines. `key` is the last path segment.
 */
export function describeValue(value: unknown, key?: string, parent?: string): string {
  if (value === undefined || value === null || value === '') return '（空）';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (key === 'type' && typeof value === 'string') return `${itemTypeLabel(value)}（${value}）`;
  if (key === 'category' && typeof value === 'string') return FILING_CATEGORIES[value] ?? value;
  if (key === 'unit' && typeof value === 'string') return TIME_UNITS[value as TimeUnit] ?? value;
  const dict = key ? DICTIONARIES[key] : undefined;
  if (typeof value === 'number') return dict?.[value] ? `${dict[value]}（${value}）` : String(value);
  if (typeof value === 'string') return value;
  if (isTimeLimit(value)) return timeLimitText(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return '（无）';
    if (value.every((v) => typeof v !== 'object' || v === null)) return value.map((v) => (typeof v === 'number' && dict?.[v] ? dict[v] : String(v))).join('、');
    return value.map((v, i) => `${i + 1}. ${describeValue(v, undefined, key)}`).join('\n');
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined && v !== null && v !== '');
    return entries.map(([k, v]) => `${partLabel(key ?? parent, k)}：${describeValue(v, k, key ?? parent)}`).join('；');
  }
  return String(value);
}

/** The last key of a path (`materials[营业执照].copies` → copies; `serviceRecipients` → serviceRecipients). */
export function lastKey(path: string): string | undefined {
  const segments = path.replace(/\[[^\]]*\]/g, '').split('.').filter((s) => s && !/^\d+$/.test(s));
  return segments[segments.length - 1];
}

/** The key whose parts the last key belongs to (`materials[营业执照].copies` → materials). */
export function parentKey(path: string): string | undefined {
  const segments = path.replace(/\[[^\]]*\]/g, '').split('.').filter((s) => s && !/^\d+$/.test(s));
  return segments[segments.length - 2];
}
