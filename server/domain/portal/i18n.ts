// Every string of the portal's navigation, headings and controls in the three portal languages: one place to correct.
// Data (item names, orgs, elements) stays Chinese as published. Mongolian is traditional script (mn-Mong); a key
// without a Mongolian entry falls back to Chinese. Entries marked `review:` are best-effort wording for a native
// speaker at the bureau to confirm; spelling follows the common Inner Mongolian written forms.

export const LANGS = ['zh-CN', 'en', 'mn-Mong'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'zh-CN';

/** The name of each language in itself, for the language links. */
export const LANG_NAMES: Readonly<Record<Lang, string>> = { 'zh-CN': '中文', en: 'English', 'mn-Mong': 'ᠮᠣᠩᠭᠣᠯ' };

interface Entry {
  zh: string;
  en: string;
  mn?: string;
}

const STRINGS = {
  skip: { zh: '跳到正文', en: 'Skip to content', mn: 'ᠭᠣᠣᠯ ᠠᠭᠤᠯᠭ᠎ᠠ' }, // review: "main content"
  tagline: { zh: '政务服务事项清单 · 行政备案 · 电子证照与电子印章', en: 'Government service list · administrative filing · e-licences and e-seals' },
  navLabel: { zh: '主导航', en: 'Main navigation', mn: 'ᠭᠣᠣᠯ ᠴᠡᠰ' }, // review: "main menu"
  navHome: { zh: '首页', en: 'Home', mn: 'ᠨᠢᠭᠤᠷ ᠬᠠᠭᠤᠳᠠᠰᠤ' },
  navItems: { zh: '事项清单', en: 'Service list', mn: 'ᠵᠦᠢᠯ ᠦᠨ ᠵᠢᠭᠰᠠᠭᠠᠯᠲᠠ' },
  navPublications: { zh: '清单公布', en: 'Publications', mn: 'ᠨᠡᠶᠢᠲᠡᠯᠡᠯ' },
  navAsOf: { zh: '历史清单', en: 'List as of a date', mn: 'ᠡᠳᠦᠷ ᠦᠨ ᠵᠢᠭᠰᠠᠭᠠᠯᠲᠠ' }, // review: "list of a day"
  navDashboard: { zh: '“两优”成效', en: 'Optimisation results', mn: 'ᠦᠷ᠎ᠡ ᠠᠰᠢᠭ' }, // review: "results / benefit"
  navVerify: { zh: '验证', en: 'Verify', mn: 'ᠪᠠᠲᠤᠯᠠᠬᠤ' },
  navFeedback: { zh: '社会监督', en: 'Public supervision', mn: 'ᠣᠯᠠᠨ ᠨᠡᠶᠢᠲᠡ ᠶᠢᠨ ᠬᠢᠨᠠᠯᠲᠠ' }, // review: "public oversight"
  langLabel: { zh: '语言', en: 'Language', mn: 'ᠬᠡᠯᠡ' },
  elderOn: { zh: '长辈模式（大字）', en: 'Large text mode', mn: 'ᠲᠣᠮᠣ ᠦᠰᠦᠭ' }, // review: "large letters"
  elderOff: { zh: '标准模式', en: 'Standard mode', mn: 'ᠡᠩ ᠦᠨ ᠬᠡᠯᠪᠡᠷᠢ' }, // review: "ordinary form"
  footer: { zh: '主办', en: 'Operated by', mn: 'ᠡᠷᠬᠢᠯᠡᠨ ᠡᠭᠦᠳᠬᠡᠭᠰᠡᠨ' }, // review
  search: { zh: '搜索', en: 'Search', mn: 'ᠬᠠᠶᠢᠬᠤ' },
  searchLabel: { zh: '搜索政务服务事项（名称、关键词或编码）', en: 'Search services (name, keyword or code)', mn: 'ᠵᠦᠢᠯ ᠬᠠᠶᠢᠬᠤ' },
  homeIntro: {
    zh: '本平台依据“两优”工作制度，集中公布本旗及苏木镇政务服务事项清单，受理行政备案，提供电子证照与电子印章验证。',
    en: 'This portal publishes the banner’s and its towns’ list of government services under the optimisation rules, takes administrative filings and verifies e-licences and e-seals.',
  },
  byOrg: { zh: '按实施机构浏览', en: 'Browse by department', mn: 'ᠪᠠᠶᠢᠭᠤᠯᠤᠯᠭ᠎ᠠ ᠪᠠᠷ' }, // review: "by organisation"
  byType: { zh: '按事项类型浏览', en: 'Browse by type', mn: 'ᠲᠥᠷᠥᠯ ᠢᠶᠡᠷ' }, // review: "by type"
  latestPublication: { zh: '最新公布的清单', en: 'Latest publication', mn: 'ᠰᠢᠨ᠎ᠡ ᠨᠡᠶᠢᠲᠡᠯᠡᠯ' },
  quickLinks: { zh: '快捷入口', en: 'Quick links', mn: 'ᠬᠤᠷᠳᠤᠨ ᠣᠷᠤᠯᠲᠠ' }, // review: "quick entrance"
  staffLogin: { zh: '工作人员登录（工作台）', en: 'Staff sign-in (workbench)' },
  apiDocs: { zh: '开放接口文档', en: 'Open API documentation' },
  itemsTitle: { zh: '政务服务事项清单', en: 'List of government services', mn: 'ᠵᠦᠢᠯ ᠦᠨ ᠵᠢᠭᠰᠠᠭᠠᠯᠲᠠ' },
  publicationsTitle: { zh: '清单公布历史', en: 'Publication history', mn: 'ᠨᠡᠶᠢᠲᠡᠯᠡᠯ ᠦᠨ ᠲᠡᠦᠬᠡ' },
  compareTitle: { zh: '两期清单比较', en: 'Compare two publications', mn: 'ᠬᠠᠷᠢᠴᠠᠭᠤᠯᠬᠤ' },
  changesTitle: { zh: '本期变更', en: 'Changes in this publication', mn: 'ᠥᠭᠡᠷᠡᠴᠢᠯᠡᠯᠲᠡ' },
  downloadsTitle: { zh: '下载与验证', en: 'Download and verify', mn: 'ᠲᠠᠲᠠᠬᠤ ᠪᠠ ᠪᠠᠲᠤᠯᠠᠬᠤ' },
  dashboardTitle: { zh: '“两优”工作成效', en: 'Results of the optimisation', mn: 'ᠦᠷ᠎ᠡ ᠠᠰᠢᠭ' },
  timeTitle: { zh: '办结时限压缩', en: 'Time limits compressed', mn: 'ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ ᠪᠠᠭᠤᠷᠠᠭᠤᠯᠬᠤ' }, // review
  materialsTitle: { zh: '申请材料精简', en: 'Application materials reduced', mn: 'ᠮᠠᠲ᠋ᠸᠷᠢᠶᠠᠯ ᠪᠠᠭᠤᠷᠠᠭᠤᠯᠬᠤ' }, // review
  stepsTitle: { zh: '办理环节精简', en: 'Process steps reduced', mn: 'ᠠᠯᠬᠤᠮ ᠪᠠᠭᠤᠷᠠᠭᠤᠯᠬᠤ' }, // review
  visitsTitle: { zh: '跑动次数减少', en: 'Visits reduced', mn: 'ᠢᠷᠡᠬᠦ ᠤᠳᠠᠭ᠎ᠠ' }, // review: "times to come"
  onlineTitle: { zh: '网上办理深度', en: 'Online service depth', mn: 'ᠰᠦᠯᠵᠢᠶ᠎ᠡ ᠪᠡᠷ' }, // review: "online"
  immediateTitle: { zh: '即办件占比', en: 'Share handled on the spot', mn: 'ᠳᠠᠷᠤᠢ ᠰᠢᠢᠳᠬᠦ' }, // review: "decided at once"
  perOrgTitle: { zh: '各实施机构', en: 'By department', mn: 'ᠪᠠᠶᠢᠭᠤᠯᠤᠯᠭ᠎ᠠ ᠪᠠᠷ' },
  feedbackTitle: { zh: '社会监督意见', en: 'Public supervision', mn: 'ᠰᠠᠨᠠᠯ' },
  feedbackAnswered: { zh: '已答复的意见', en: 'Answered feedback', mn: 'ᠬᠠᠷᠢᠭᠤᠯᠲᠠ' }, // review: "answers"
  feedbackThanks: { zh: '意见已收到', en: 'Feedback received', mn: 'ᠰᠠᠨᠠᠯ ᠢ ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠤᠯ᠎ᠠ' }, // review
  verifyTitle: { zh: '验证', en: 'Verify', mn: 'ᠪᠠᠲᠤᠯᠠᠬᠤ' },
  notFound: { zh: '未找到', en: 'Not found', mn: 'ᠣᠯᠳᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ' },
  badQuery: { zh: '查询条件有误', en: 'Invalid query' },
} satisfies Record<string, Entry>;

export type MessageKey = keyof typeof STRINGS;

/** Whether a key has its own text in the language (Mongolian falls back to Chinese where it has none). */
export function hasOwn(lang: Lang, key: MessageKey): boolean {
  return lang !== 'mn-Mong' || (STRINGS[key] as Entry).mn !== undefined;
}

/** The text of a key in a language; Mongolian without an entry falls back to Chinese. */
export function t(lang: Lang, key: MessageKey): string {
  const e: Entry = STRINGS[key];
  if (lang === 'en') return e.en;
  if (lang === 'mn-Mong') return e.mn ?? e.zh;
  return e.zh;
}

/** A language from a query or cookie value (`mn` and `mn-Mong` both mean traditional Mongolian). */
export function parseLang(value: unknown): Lang | null {
  if (typeof value !== 'string') return null;
  if (value === 'mn') return 'mn-Mong';
  if (value === 'zh' || value === 'zh-Hans') return 'zh-CN';
  return (LANGS as readonly string[]).includes(value) ? (value as Lang) : null;
}

/** Every key, for tests that check each language has (or deliberately lacks) its text. */
export const MESSAGE_KEYS = Object.keys(STRINGS) as MessageKey[];
