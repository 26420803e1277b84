// The element set of an item (DOMAIN §2.2) as one validated JSON document, and its rules.
import { Type, type Static } from 'typebox';
import { literalUnion } from './schema-helpers.ts';
import {
  CITATION_LEVELS, DEFAULT_FILING_TYPE_CODE, isItemType, MATERIAL_KINDS, MATERIAL_REQUIRED, SERVICE_RECIPIENTS, SPLIT_REASONS,
  type TimeUnit,
} from './dictionaries.ts';

const Text = (max = 2000) => Type.String({ maxLength: max });
// Nullable strings list Null first: the server's Ajv coerces types, and a string-first union turned null into "".
const Url = Type.String({ maxLength: 500 });

export const TimeLimit = Type.Object({
  amount: Type.Integer({ minimum: 0, maximum: 3650 }),
  unit: literalUnion(['workday', 'day', 'month']),
  note: Type.Optional(Text(500)),
});
export type TimeLimit = Static<typeof TimeLimit>;

export const Citation = Type.Object({
  law: Text(300),
  article: Type.Optional(Text(50)),
  clause: Type.Optional(Text(2000)),
  level: Type.Optional(literalUnion(CITATION_LEVELS)),
  url: Type.Optional(Url),
});
export type Citation = Static<typeof Citation>;

export const Material = Type.Object({
  name: Text(200),
  kind: literalUnion(MATERIAL_KINDS),
  copies: Type.Integer({ minimum: 0, maximum: 99 }),
  required: literalUnion(MATERIAL_REQUIRED),
  source: Text(100),
  legalBasis: Type.Optional(Text(500)),
  blankForm: Type.Optional(Url),
  sample: Type.Optional(Url),
  fillGuide: Type.Optional(Text(2000)),
  /** An e-licence type or shared data source that makes submission unnecessary (免提交). */
  satisfiedBy: Type.Optional(Type.Union([Type.Null(), Text(200)])),
});
export type Material = Static<typeof Material>;

export const ProcessStep = Type.Object({
  name: Text(100),
  actor: Text(100),
  timeLimit: Type.Optional(Type.Union([TimeLimit, Type.Null()])),
  description: Type.Optional(Text(2000)),
});
export type ProcessStep = Static<typeof ProcessStep>;

export const ItemResult = Type.Object({
  name: Text(200),
  kind: Text(50),
  sampleFile: Type.Optional(Url),
  issuesLicenceType: Type.Optional(Type.Union([Type.Null(), Text(100)])),
});

export const IntermediaryService = Type.Object({
  name: Text(200),
  legalBasis: Text(500),
  providerRequirement: Text(500),
  timeLimit: Type.Optional(Type.Union([TimeLimit, Type.Null()])),
  fee: Type.Optional(Text(200)),
});

export const Fee = Type.Object({ name: Text(200), standard: Text(500), basis: Text(500) });
export const Faq = Type.Object({ question: Text(500), answer: Text(2000) });
export const HandlingItem = Type.Object({ seq: Type.Integer({ minimum: 1, maximum: 99 }), name: Text(200), splitReason: literalUnion(SPLIT_REASONS) });
export type HandlingItem = Static<typeof HandlingItem>;

/** The 两优 optimisation record: what the item required before optimisation (after = the current elements). */
export const Optimisation = Type.Object({
  materialsBefore: Type.Integer({ minimum: 0, maximum: 999 }),
  stepsBefore: Type.Integer({ minimum: 0, maximum: 99 }),
  visitsBefore: Type.Integer({ minimum: 0, maximum: 99 }),
  timeLimitBefore: Type.Optional(Type.Union([TimeLimit, Type.Null()])),
  note: Type.Optional(Text(1000)),
});

export const FilingSettings = Type.Object({
  category: literalUnion(['notice', 'confirmation']),
  output: Type.Optional(literalUnion(['公告', '认可', '备案决定', '备案编号'])),
  promisedDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 60 })),
  secret: Type.Boolean(),
});

/** The uniform elements: equal across every implementing body of one catalogue item (Art 7). */
export const UniformElements = Type.Object({
  name: Text(200),
  type: Type.String({ pattern: '^\\d{2}$' }),
  legalBasis: Type.Array(Citation, { maxItems: 50 }),
  acceptanceConditions: Text(5000),
  serviceRecipients: Type.Array(Type.Integer(), { maxItems: 7 }),
  process: Type.Array(ProcessStep, { maxItems: 30 }),
  materials: Type.Array(Material, { maxItems: 100 }),
  statutoryTimeLimit: TimeLimit,
  result: ItemResult,
  handlingItemSplit: Text(2000),
  intermediaryServices: Type.Array(IntermediaryService, { maxItems: 20 }),
});
export type UniformElements = Static<typeof UniformElements>;

export const UNIFORM_ELEMENT_KEYS = [
  'name', 'type', 'legalBasis', 'acceptanceConditions', 'serviceRecipients', 'process', 'materials', 'statutoryTimeLimit', 'result',
  'handlingItemSplit', 'intermediaryServices',
] as const;

/** The full element set of an implemented item: uniform plus local elements. */
export const ItemElements = Type.Object({
  ...UniformElements.properties,
  handlingItems: Type.Array(HandlingItem, { maxItems: 99 }),
  promisedTimeLimit: TimeLimit,
  caseKind: Type.Integer({ minimum: 1, maximum: 2 }),
  powerSource: Type.Integer({ minimum: 1, maximum: 6 }),
  implementerNature: Type.Integer({ minimum: 1, maximum: 3 }),
  entrustingOrgId: Type.Optional(Type.Union([Type.Null(), Type.String({ maxLength: 64 })])),
  place: Text(300),
  hours: Text(300),
  consultPhone: Text(100),
  complaintPhone: Text(100),
  onlineDepth: Type.Integer({ minimum: 0, maximum: 4 }),
  onlineGuideUrl: Type.Optional(Url),
  visitsRequired: Type.Integer({ minimum: 0, maximum: 9 }),
  inServiceHall: Type.Boolean(),
  selfServiceTerminal: Type.Boolean(),
  fees: Type.Array(Fee, { maxItems: 30 }),
  faq: Type.Array(Faq, { maxItems: 50 }),
  themes: Type.Array(Type.String({ maxLength: 20 }), { maxItems: 10 }),
  keywords: Type.Array(Type.String({ maxLength: 30 }), { maxItems: 20 }),
  optimisation: Optimisation,
  filing: Type.Optional(Type.Union([FilingSettings, Type.Null()])),
});
export type ItemElements = Static<typeof ItemElements>;

export interface Problem {
  path: string;
  message: string;
}

/** Compares two time limits; `toDays` converts across units (by the calendar) where they differ. */
export type LimitConverter = (limit: TimeLimit) => number;

const APPROX_DAYS: Record<TimeUnit, number> = { day: 1, workday: 1, month: 31 };

/**
 * Whether `promised` ≤ `statutory`. Same unit compares amounts; otherwise both go through `toDays`
 * (calendar days from a reference start), or — without a converter — a conservative estimate.
 */
export function promisedWithinStatutory(promised: TimeLimit, statutory: TimeLimit, toDays?: LimitConverter): boolean {
  if (promised.unit === statutory.unit) return promised.amount <= statutory.amount;
  if (toDays) return toDays(promised) <= toDays(statutory);
  // Without a calendar: a workday spans at least one day, a month at most 31 days.
  const p = promised.amount * (promised.unit === 'workday' ? 1.4 : APPROX_DAYS[promised.unit]);
  return p <= statutory.amount * APPROX_DAYS[statutory.unit];
}

export interface ValidationOptions {
  filingTypeCode?: string;
  toDays?: LimitConverter;
  /** Org ids that exist (for entrustingOrgId). */
  orgExists?: (id: string) => boolean;
}

function duplicates(values: string[]): Set<string> {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const v of values) (seen.has(v) ? dup : seen).add(v);
  return dup;
}

/** Every rule an item's elements must satisfy to become effective; all problems at once, with paths. */
export function itemProblems(el: ItemElements, options: ValidationOptions = {}): Problem[] {
  const filingType = options.filingTypeCode ?? DEFAULT_FILING_TYPE_CODE;
  const p: Problem[] = [];
  const add = (path: string, message: string) => p.push({ path, message });
  if (!el.name.trim()) add('name', '事项名称不能为空');
  if (!isItemType(el.type, filingType)) add('type', '事项类型不在国家目录字典中');
  if (el.legalBasis.length === 0) add('legalBasis', '至少填写一条设定依据');
  el.legalBasis.forEach((c, i) => {
    if (!c.law.trim()) add(`legalBasis.${i}.law`, '依据的法律法规名称不能为空');
    if (c.url && !/^https?:\/\//.test(c.url)) add(`legalBasis.${i}.url`, '链接须以 http:// 或 https:// 开头');
  });
  if (!el.acceptanceConditions.trim()) add('acceptanceConditions', '受理条件不能为空');
  if (el.serviceRecipients.length === 0) add('serviceRecipients', '至少选择一类服务对象');
  el.serviceRecipients.forEach((r, i) => {
    if (!(r in SERVICE_RECIPIENTS)) add(`serviceRecipients.${i}`, '服务对象代码不正确');
  });
  if (new Set(el.serviceRecipients).size !== el.serviceRecipients.length) add('serviceRecipients', '服务对象不能重复');
  if (el.process.length === 0) add('process', '至少填写一个办理环节');
  el.process.forEach((s, i) => {
    if (!s.name.trim()) add(`process.${i}.name`, '环节名称不能为空');
    if (!s.actor.trim()) add(`process.${i}.actor`, '环节办理人员不能为空');
  });
  el.materials.forEach((m, i) => {
    if (!m.name.trim()) add(`materials.${i}.name`, '材料名称不能为空');
    if (!m.source.trim()) add(`materials.${i}.source`, '材料来源不能为空');
    for (const key of ['blankForm', 'sample'] as const) {
      const v = m[key];
      if (v && !/^(https?:\/\/|\/)/.test(v)) add(`materials.${i}.${key}`, '链接须为 http(s) 地址或站内路径');
    }
  });
  for (const name of duplicates(el.materials.map((m) => m.name.trim()))) {
    add(`materials.${el.materials.findLastIndex((m) => m.name.trim() === name)}.name`, `材料“${name}”重复`);
  }
  if (!el.result.name.trim()) add('result.name', '办理结果名称不能为空');
  if (el.result.sampleFile && !/^(https?:\/\/|\/)/.test(el.result.sampleFile)) add('result.sampleFile', '链接须为 http(s) 地址或站内路径');
  if (!promisedWithinStatutory(el.promisedTimeLimit, el.statutoryTimeLimit, options.toDays)) {
    add('promisedTimeLimit', '承诺办结时限不能超过法定办结时限');
  }
  if (el.caseKind === 1 && !promisedWithinStatutory(el.promisedTimeLimit, { amount: 1, unit: 'workday' }, options.toDays)) {
    add('caseKind', '即办件的承诺时限不能超过 1 个工作日');
  }
  for (const seq of duplicates(el.handlingItems.map((h) => String(h.seq)))) {
    add(`handlingItems.${el.handlingItems.findLastIndex((h) => String(h.seq) === seq)}.seq`, `业务办理项序号 ${seq} 重复`);
  }
  el.handlingItems.forEach((h, i) => {
    if (!h.name.trim()) add(`handlingItems.${i}.name`, '业务办理项名称不能为空');
  });
  el.intermediaryServices.forEach((s, i) => {
    if (!s.name.trim()) add(`intermediaryServices.${i}.name`, '中介服务名称不能为空');
    if (!s.legalBasis.trim()) add(`intermediaryServices.${i}.legalBasis`, '法定中介服务须注明设定依据');
  });
  if ((el.powerSource === 5 || el.powerSource === 6) && !el.entrustingOrgId) add('entrustingOrgId', '委托实施的事项须注明委托机关');
  if (el.entrustingOrgId && options.orgExists && !options.orgExists(el.entrustingOrgId)) add('entrustingOrgId', '委托机关不存在');
  if (el.onlineDepth >= 2 && !el.onlineGuideUrl) add('onlineGuideUrl', '可网办的事项须提供网上办事指引链接');
  if (el.onlineGuideUrl && !/^https?:\/\//.test(el.onlineGuideUrl)) add('onlineGuideUrl', '链接须以 http:// 或 https:// 开头');
  if (!el.place.trim() && el.inServiceHall) add('place', '进驻政务大厅的事项须填写办理地点');
  if (!el.consultPhone.trim()) add('consultPhone', '咨询电话不能为空');
  if (!el.complaintPhone.trim()) add('complaintPhone', '监督投诉电话不能为空');
  el.fees.forEach((f, i) => {
    if (!f.name.trim() || !f.standard.trim() || !f.basis.trim()) add(`fees.${i}`, '收费项目须填写名称、标准和依据');
  });
  el.faq.forEach((f, i) => {
    if (!f.question.trim() || !f.answer.trim()) add(`faq.${i}`, '常见问题须同时填写问题与解答');
  });
  if (el.type === filingType) {
    // 行政备案: never a fee (Art 5), and the filing settings say how it is handled.
    if (el.fees.length > 0) add('fees', '行政备案事项不得收取任何费用');
    if (!el.filing) add('filing', '行政备案事项须设置备案类别（告知性/确认性）');
    else if (el.filing.category === 'confirmation' && !el.filing.promisedDays) add('filing.promisedDays', '确认类备案须设置办理时限（工作日）');
  } else if (el.filing) {
    add('filing', '只有行政备案事项才能设置备案参数');
  }
  return p;
}

/** Problems of the uniform elements alone (a catalogue item's version). */
export function uniformProblems(el: UniformElements, filingTypeCode = DEFAULT_FILING_TYPE_CODE): Problem[] {
  const p: Problem[] = [];
  if (!el.name.trim()) p.push({ path: 'name', message: '事项名称不能为空' });
  if (!isItemType(el.type, filingTypeCode)) p.push({ path: 'type', message: '事项类型不在国家目录字典中' });
  if (el.legalBasis.length === 0) p.push({ path: 'legalBasis', message: '至少填写一条设定依据' });
  if (el.serviceRecipients.length === 0) p.push({ path: 'serviceRecipients', message: '至少选择一类服务对象' });
  return p;
}

/** The uniform part of an element set. */
export function uniformOf(el: UniformElements): UniformElements {
  const out: Record<string, unknown> = {};
  for (const key of UNIFORM_ELEMENT_KEYS) out[key] = el[key];
  return out as UniformElements;
}

/** The local elements a new item starts with, before its org fills them in. */
export function defaultLocalElements(uniform: UniformElements): Omit<ItemElements, keyof UniformElements> {
  return {
    handlingItems: [{ seq: 1, name: uniform.name, splitReason: '新设' }],
    promisedTimeLimit: { ...uniform.statutoryTimeLimit },
    caseKind: 2,
    powerSource: 1,
    implementerNature: 1,
    entrustingOrgId: null,
    place: '',
    hours: '',
    consultPhone: '',
    complaintPhone: '',
    onlineDepth: 0,
    visitsRequired: 1,
    inServiceHall: true,
    selfServiceTerminal: false,
    fees: [],
    faq: [],
    themes: [],
    keywords: [],
    optimisation: { materialsBefore: uniform.materials.length, stepsBefore: uniform.process.length, visitsBefore: 1 },
    filing: null,
  };
}
