// Compact notation for the 乌审旗 demo list: one `it(...)` call per catalogue item, expanded by demo-items.ts.
import type { CITATION_LEVELS, SPLIT_REASONS, THEMES, TimeUnit } from '../../../common/dictionaries.ts';
import type { Citation } from '../../../common/item-elements.ts';

export type Theme = (typeof THEMES)[number];
export type SplitReason = (typeof SPLIT_REASONS)[number];
type CitationLevel = (typeof CITATION_LEVELS)[number];

/** A time limit: [amount, unit, note?]. */
export type Lim = readonly [number, TimeUnit, string?];

/**
 * The compact options of one catalogue item.
 *
 * Materials are strings with prefix flags (combinable, in any order before the name):
 * `?` 非必要 · `!` 容缺 · `%` 复印件 · `#` 中介机构出具 · `@` 免提交: an e-licence or shared data source makes
 * submission unnecessary (kind 电子, source 政府部门核发; `@name=source` names the source, default `name电子证照`).
 * Steps are `name` or `name:days` (a time limit in working days); the actor comes from the step name.
 */
export interface DemoOpts {
  statutory: Lim;
  promised: Lim;
  materials: readonly string[];
  steps?: readonly string[];
  /** [result name, kind, e-licence type issued (optional)]. */
  result: readonly [string, string, string?];
  /** 业务办理项拆分 by situation; default one handling item (新设). */
  handling?: readonly SplitReason[];
  themes: readonly Theme[];
  /** 网上办理深度 0–4. */
  online: 0 | 1 | 2 | 3 | 4;
  /** Default: 即办件 when promised ≤ 1 working day, else 承诺件. */
  caseKind?: 1 | 2;
  /** [name, standard, basis]. */
  fees?: ReadonlyArray<readonly [string, string, string]>;
  /** 服务对象 codes; default enterprises (2, 5). */
  who?: readonly number[];
  /** 受理条件; default derived from the first legal basis. */
  cond?: string;
  /** 权力来源 other than 1: 2 上级下放 (from the city), 5 上级委托 (entrusted by the city). */
  power?: 2 | 5;
  /** 行政备案 settings: ['notice'] or ['confirmation', promisedDays, output?]. */
  filing?: readonly ['notice'] | readonly ['confirmation', number, ('公告' | '认可' | '备案决定' | '备案编号')?];
  /** 法定中介服务: [name, basis, provider requirement]. */
  inter?: ReadonlyArray<readonly [string, string, string]>;
  kw?: readonly string[];
  faq?: ReadonlyArray<readonly [string, string]>;
  /** 到现场次数; default 0 for 全程网办, else 1. */
  visits?: number;
  /** A place other than the service hall window (the item is then not in the hall). */
  place?: string;
}

export interface DemoEntry extends DemoOpts {
  /** Implementing org keys (DEMO_ORGS). */
  orgs: readonly string[];
  basicCode: string;
  name: string;
  type: string;
  basis: Citation[];
}

/** The six 苏木镇 of 乌审旗. */
export const TOWNS = ['glt', 'wsz', 'tk', 'wltlg', 'sldsm', 'wdh'] as const;

/** A catalogue item: `code` is the 6-digit tail of the basic code 150000xxxxxx. */
export function it(orgs: string | readonly string[], code: string, name: string, type: string, basis: Citation[], opts: DemoOpts): DemoEntry {
  if (!/^\d{6}$/.test(code)) throw new Error(`demo item ${name}: code must be 6 digits`);
  return { ...opts, orgs: typeof orgs === 'string' ? [orgs] : orgs, basicCode: `150000${code}`, name, type, basis };
}

/** Measures (办法) issued or approved by the State Council: administrative regulations despite their title. */
const STATE_COUNCIL_MEASURES = new Set(['《社会救助暂行办法》', '《旅馆业治安管理办法》']);

function inferLevel(law: string): CitationLevel {
  if (/^《中华人民共和国.+(法|法典)》$/.test(law)) return '法律';
  if (/^《(内蒙古自治区|鄂尔多斯市).+(条例|办法)》$/.test(law)) return '地方性法规';
  if (/条例》$/.test(law) || STATE_COUNCIL_MEASURES.has(law)) return '行政法规';
  if (/(办法|规定|细则)(（试行）)?》$/.test(law)) return '部门规章';
  return '规范性文件';
}

/** A legal citation; the level is inferred from the title unless given. */
export function cite(law: string, article?: string, level?: CitationLevel, clause?: string): Citation {
  const c: Citation = { law, level: level ?? inferLevel(law) };
  if (article) c.article = article;
  if (clause) c.clause = clause;
  return c;
}

// Frequent materials.
export const ID = '@申请人身份证件=居民身份证电子证照';
export const BL = '@营业执照=营业执照电子证照';
export const HUKOU = '@居民户口簿=户籍信息共享数据';
export const POA = '?%授权委托书及受托人身份证件';
export const SITE = '%场所使用权证明（产权证明或租赁合同）';

// Frequent service objects.
export const P = [1] as const;
export const E = [2, 5] as const;
export const PE = [1, 2, 5] as const;
export const ORG = [2, 3, 4, 5, 9] as const;

// Frequent handling splits.
export const SITU4 = ['新设', '变更', '延续', '注销'] as const;
export const SITU3 = ['新设', '变更', '注销'] as const;
export const SITU2 = ['新设', '变更'] as const;

// Frequent processes.
export const STD = ['受理', '审查', '决定', '送达'] as const;
export const CHECK = ['受理', '审查', '现场核查', '决定', '送达'] as const;
export const QUICK = ['受理', '办结'] as const;
export const GIVE = ['申请', '受理', '审核', '公示', '审批', '发放'] as const;
export const CONFIRM = ['受理', '审核', '确认', '送达'] as const;
export const SERVE = ['受理', '办理', '办结'] as const;
export const NOTICE = ['提交备案材料', '形式核对', '出具备案回执'] as const;
export const CONFIRMATION = ['提交备案材料', '备案审核', '确认备案', '送达'] as const;
