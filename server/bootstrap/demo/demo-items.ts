// The 乌审旗 demo list: the catalogue (from the area files) and the expansion of each compact entry into the
// full element set an implementing org publishes. Deterministic: the same entry and org give the same elements.
import { ONLINE_DEPTHS, TIME_UNITS } from '../../../common/dictionaries.ts';
import type { ItemElements, Material, ProcessStep, TimeLimit, UniformElements } from '../../../common/item-elements.ts';
import { DEMO_ORGS, type DemoOrg } from './demo-orgs.ts';
import { CONFIRM, CONFIRMATION, GIVE, NOTICE, QUICK, SERVE, STD, type DemoEntry, type Lim } from './demo-items-dsl.ts';
import { CIVIC_ITEMS } from './demo-items-civic.ts';
import { ECOLOGY_ITEMS } from './demo-items-ecology.ts';
import { HEALTH_ITEMS } from './demo-items-health.ts';
import { LABOUR_ITEMS } from './demo-items-labour.ts';
import { LAND_ITEMS } from './demo-items-land.ts';
import { MARKET_ITEMS } from './demo-items-market.ts';
import { OTHER_ITEMS } from './demo-items-other.ts';
import { SOCIAL_ITEMS } from './demo-items-social.ts';
import { TOWN_ITEMS } from './demo-items-towns.ts';

export type { DemoEntry } from './demo-items-dsl.ts';

/** Every catalogue item of the demo, with the orgs implementing it. */
export const DEMO_CATALOGUE: readonly DemoEntry[] = [
  ...MARKET_ITEMS, ...SOCIAL_ITEMS, ...LABOUR_ITEMS, ...HEALTH_ITEMS, ...LAND_ITEMS, ...ECOLOGY_ITEMS, ...CIVIC_ITEMS, ...OTHER_ITEMS, ...TOWN_ITEMS,
];

export const FILING_TYPE = '11';

const ORGS = new Map(DEMO_ORGS.map((o) => [o.key, o]));

/** The demo org of a key. @throws on an unknown key */
export function demoOrg(key: string): DemoOrg {
  const org = ORGS.get(key);
  if (!org) throw new Error(`unknown demo org "${key}"`);
  return org;
}

const limit = ([amount, unit, note]: Lim): TimeLimit => (note ? { amount, unit, note } : { amount, unit });
const showLimit = (l: Lim) => (l[0] === 0 ? '当场办结' : `${l[0]}${TIME_UNITS[l[1]]}`);

function material(spec: string): Material {
  let i = 0;
  const flags = new Set<string>();
  while ('?!%#@'.includes(spec[i])) flags.add(spec[i++]);
  const [name, satisfied] = spec.slice(i).split('=');
  const m: Material = {
    name,
    kind: flags.has('@') ? '电子' : flags.has('%') ? '复印件' : '原件',
    copies: flags.has('@') ? 0 : 1,
    required: flags.has('?') ? '非必要' : flags.has('!') ? '容缺' : '必要',
    source: flags.has('@') ? '政府部门核发' : flags.has('#') ? '中介机构出具' : '申请人自备',
  };
  if (flags.has('@')) m.satisfiedBy = satisfied ?? `${name}电子证照`;
  if (!flags.has('@') && /申请(书|表)|登记表|备案表/.test(name)) m.blankForm = `/forms/${encodeURIComponent(name)}.docx`;
  return m;
}

const ACTORS: Record<string, string> = {
  受理: '窗口受理人员', 申请: '申请人', 审查: '审查人员', 审核: '审核人员', 现场核查: '核查人员', 决定: '部门负责人', 审批: '部门负责人',
  确认: '部门负责人', 公示: '经办机构', 送达: '窗口工作人员', 发放: '经办机构', 办理: '经办人员', 办结: '窗口工作人员',
  提交备案材料: '备案人', 形式核对: '备案经办人员', 出具备案回执: '备案经办人员', 备案审核: '备案经办人员', 确认备案: '部门负责人',
};

const DESCRIPTIONS: Record<string, string> = {
  受理: '对申请材料进行形式审查：齐全、符合法定形式的当场受理；不齐全的一次性告知需要补正的全部内容。',
  审查: '对申请材料的实质内容进行审查，提出审查意见。',
  现场核查: '需要核实的，指派两名以上工作人员进行现场核查并制作核查记录。',
  决定: '作出准予或者不予的书面决定；不予的说明理由并告知申请复议或者诉讼的权利。',
  送达: '通过窗口领取、邮寄或电子证照方式送达办理结果。',
  公示: '在申请人所在嘎查（社区）公示，公示期 7 日。',
  提交备案材料: '备案人通过网上或窗口提交备案材料，不收取任何费用。',
  形式核对: '只核对材料是否齐全，齐全的即来即备。',
  出具备案回执: '当场出具加盖电子印章的备案回执及备案编号。',
};

function step(spec: string): ProcessStep {
  const [name, days] = spec.split(':');
  const s: ProcessStep = { name, actor: ACTORS[name] ?? '经办人员', description: DESCRIPTIONS[name] ?? `${name}。` };
  if (days) s.timeLimit = { amount: Number(days), unit: 'workday' };
  return s;
}

function defaultSteps(e: DemoEntry): readonly string[] {
  if (e.filing) return e.filing[0] === 'notice' ? NOTICE : CONFIRMATION;
  if (caseKindOf(e) === 1) return QUICK;
  if (e.type === '05') return GIVE;
  if (e.type === '07') return CONFIRM;
  if (e.type === '20') return SERVE;
  return STD;
}

function caseKindOf(e: DemoEntry): 1 | 2 {
  return e.caseKind ?? (e.promised[1] === 'workday' && e.promised[0] <= 1 ? 1 : 2);
}

/** Implementing levels of an entry (4 departments, 5 towns), plus 3 for a power delegated or entrusted by the city. */
export function catalogueLevels(e: DemoEntry): number[] {
  const levels = new Set(e.orgs.map((k) => demoOrg(k).level));
  if (e.power) levels.add(3);
  return [...levels].sort();
}

/** The uniform elements of an entry: the same for every implementing org (同源). */
export function buildDemoUniform(e: DemoEntry): UniformElements {
  const first = e.basis[0];
  const handling = e.handling ?? ['新设'];
  return {
    name: e.name,
    type: e.type,
    legalBasis: e.basis,
    acceptanceConditions: e.cond ?? `符合${first.law}${first.article ?? ''}规定的条件；申请材料齐全、符合法定形式。`,
    serviceRecipients: [...(e.who ?? [2, 5])],
    process: (e.steps ?? defaultSteps(e)).map(step),
    materials: e.materials.map(material),
    statutoryTimeLimit: limit(e.statutory),
    result: { name: e.result[0], kind: e.result[1], issuesLicenceType: e.result[2] ?? null },
    handlingItemSplit: handling.length > 1 ? `按${handling.join('、')}拆分为${handling.length}个业务办理项` : '不拆分',
    intermediaryServices: (e.inter ?? []).map(([name, legalBasis, providerRequirement]) => ({ name, legalBasis, providerRequirement })),
  };
}

/** 咨询电话: one deterministic 0477-72xxxxx number per org. */
export function consultPhone(org: DemoOrg): string {
  return `0477-72${String(10000 + org.serial * 127).slice(-5)}`;
}

function placeOf(e: DemoEntry, org: DemoOrg): string {
  if (e.place) return e.place;
  if (org.kind === 'town') return `${org.nameZh}便民服务中心`;
  return `乌审旗政务服务中心${org.serial <= 13 ? '一楼' : '二楼'}${org.serial}号窗口`;
}

function faqOf(e: DemoEntry): ItemElements['faq'] {
  const online: Record<number, string> = {
    0: '本事项暂不能网上办理，请携带材料到办理地点申请。',
    1: '可以通过内蒙古政务服务网（蒙速办）在线咨询，申请须到办理地点提交。',
    2: '可以在内蒙古政务服务网（蒙速办）预审材料，预审通过后到现场一次办结。',
    3: '可以在内蒙古政务服务网（蒙速办）在线申请受理，结果可邮寄送达。',
    4: '可以在内蒙古政务服务网（蒙速办）全程网上办理，无需到现场。',
  };
  const faq = [{ question: '本事项可以网上办理吗？', answer: online[e.online] }];
  if (e.filing) faq.push({ question: '备案收费吗？需要等待审查吗？', answer: '备案不收取任何费用，也无需事先取得同意；材料齐全即予备案。' });
  for (const [question, answer] of e.faq ?? []) faq.push({ question, answer });
  return faq;
}

/**
 * The full element set `orgKey` publishes for `e`. `resolveOrgId` turns the entrusting org key ('city') into an
 * org id (seeding); without it the key itself stands in (validation tests).
 */
export function buildDemoElements(e: DemoEntry, orgKey: string, resolveOrgId: (key: string) => string = (k) => k): ItemElements {
  const org = demoOrg(orgKey);
  const uniform = buildDemoUniform(e);
  const handling = e.handling ?? ['新设'];
  const visits = e.visits ?? (e.online === 4 ? 0 : 1);
  const n = Number(e.basicCode.slice(-2));
  const materialsBefore = uniform.materials.length + 1 + (n % 3);
  const stepsBefore = uniform.process.length + 1;
  const visitsBefore = Math.max(visits + 1, 2);
  const keywords = [...new Set([...(e.kw ?? []), e.result[0], ...e.themes])].filter((k) => k.length <= 30).slice(0, 20);
  return {
    ...uniform,
    handlingItems: handling.map((reason, i) => ({ seq: i + 1, name: handling.length > 1 ? `${e.name}（${reason}）` : e.name, splitReason: reason })),
    promisedTimeLimit: limit(e.promised),
    caseKind: caseKindOf(e),
    powerSource: e.power ?? 1,
    implementerNature: e.power === 5 ? 3 : 1,
    entrustingOrgId: e.power === 5 ? resolveOrgId('city') : null,
    place: placeOf(e, org),
    hours: '工作日 上午9:00—12:00，下午14:30—17:30',
    consultPhone: consultPhone(org),
    complaintPhone: '0477-12345',
    onlineDepth: e.online,
    ...(e.online >= 2 ? { onlineGuideUrl: `https://zwfw.nmg.gov.cn/bszn/${e.basicCode}?org=${org.key}` } : {}),
    visitsRequired: visits,
    inServiceHall: !e.place,
    selfServiceTerminal: e.online >= 3,
    fees: e.filing ? [] : (e.fees ?? []).map(([name, standard, basis]) => ({ name, standard, basis })),
    faq: faqOf(e),
    themes: [...e.themes],
    keywords,
    optimisation: {
      materialsBefore,
      stepsBefore,
      visitsBefore,
      timeLimitBefore: limit(e.statutory),
      note: `承诺时限由法定${showLimit(e.statutory)}压缩至${showLimit(e.promised)}；材料由${materialsBefore}件精简为${uniform.materials.length}件；${ONLINE_DEPTHS[e.online]}。`,
    },
    filing: e.filing
      ? {
          category: e.filing[0],
          ...(e.filing[0] === 'confirmation' ? { promisedDays: e.filing[1], output: e.filing[2] ?? '备案编号' } : {}),
          secret: false,
        }
      : null,
  };
}

/** Entries that get a second, optimised version effective 2026-07-01 (single-org items with room to compress). */
export const DEMO_REVISIONS: readonly DemoEntry[] = DEMO_CATALOGUE.filter(
  (e) => e.orgs.length === 1 && !e.filing && e.promised[0] >= 3 && e.materials.length >= 3,
).filter((_, i) => i % 7 === 0).slice(0, 10);

export const REVISION_NOTE = '压缩承诺时限、精简材料';
export const REVISION_EFFECTIVE_FROM = '2026-07-01';

/** The second version: a shorter promised time and one material fewer (the last optional one, else the last). */
export function reviseDemoElements(el: ItemElements): ItemElements {
  const optional = el.materials.findLastIndex((m) => m.required !== '必要');
  const drop = optional >= 0 ? optional : el.materials.length - 1;
  const amount = Math.max(1, Math.floor(el.promisedTimeLimit.amount * 0.6));
  return {
    ...el,
    materials: el.materials.filter((_, i) => i !== drop),
    promisedTimeLimit: { ...el.promisedTimeLimit, amount },
    optimisation: { ...el.optimisation, note: `${el.optimisation.note ?? ''}2026年7月起${REVISION_NOTE}。` },
  };
}
