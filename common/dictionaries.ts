// National dictionaries of the item list (STANDARDS.md §2). Stored values; labels for display.

/** 事项类型. 行政备案 has no confirmed national code: configurable, default '11'. */
export const ITEM_TYPES: Readonly<Record<string, { label: string; letters: string; onApplication: boolean }>> = {
  '01': { label: '行政许可', letters: 'XK', onApplication: true },
  '02': { label: '行政处罚', letters: 'CF', onApplication: false },
  '03': { label: '行政强制', letters: 'QZ', onApplication: false },
  '04': { label: '行政征收', letters: 'ZS', onApplication: false },
  '05': { label: '行政给付', letters: 'GF', onApplication: true },
  '06': { label: '行政检查', letters: 'JC', onApplication: false },
  '07': { label: '行政确认', letters: 'QR', onApplication: true },
  '08': { label: '行政奖励', letters: 'JL', onApplication: true },
  '09': { label: '行政裁决', letters: 'CJ', onApplication: true },
  '10': { label: '其他行政权力', letters: 'QT', onApplication: true },
  '20': { label: '公共服务', letters: 'GG', onApplication: true },
};

/** The default code for 行政备案 (unconfirmed nationally [U]); deployments may configure another. */
export const DEFAULT_FILING_TYPE_CODE = '11';
export const FILING_TYPE_LABEL = '行政备案';

/** Label of an item type code, given the deployment's filing type code. */
export function itemTypeLabel(code: string, filingTypeCode = DEFAULT_FILING_TYPE_CODE): string {
  if (code === filingTypeCode) return FILING_TYPE_LABEL;
  return ITEM_TYPES[code]?.label ?? code;
}

/** Whether a type code is known (national codes plus the configured filing code). */
export function isItemType(code: string, filingTypeCode = DEFAULT_FILING_TYPE_CODE): boolean {
  return code === filingTypeCode || code in ITEM_TYPES;
}

export const POWER_SOURCES: Readonly<Record<number, string>> = {
  1: '法定本级行使',
  2: '上级下放',
  3: '上级授权',
  4: '同级授权',
  5: '上级委托',
  6: '同级委托',
};

export const IMPLEMENTER_NATURES: Readonly<Record<number, string>> = { 1: '法定机关', 2: '授权组织', 3: '受委托组织' };

export const CASE_KINDS: Readonly<Record<number, string>> = { 1: '即办件', 2: '承诺件' };

export const SERVICE_RECIPIENTS: Readonly<Record<number, string>> = {
  1: '自然人',
  2: '企业法人',
  3: '事业法人',
  4: '社会组织法人',
  5: '非法人企业',
  6: '行政机关',
  9: '其他组织',
};

/** 网上办理深度 (common provincial practice): 0 none … 4 全程网办. */
export const ONLINE_DEPTHS: Readonly<Record<number, string>> = {
  0: '不能网办',
  1: '网上咨询',
  2: '网上预审',
  3: '网上受理',
  4: '全程网办',
};

export const TIME_UNITS = { workday: '个工作日', day: '日', month: '个月' } as const;
export type TimeUnit = keyof typeof TIME_UNITS;

export const MATERIAL_KINDS = ['原件', '复印件', '电子'] as const;
export const MATERIAL_REQUIRED = ['必要', '非必要', '容缺'] as const;
export const MATERIAL_SOURCES = ['申请人自备', '政府部门核发', '中介机构出具', '其他'] as const;
export const SPLIT_REASONS = ['新设', '变更', '延续', '注销'] as const;
export const CITATION_LEVELS = ['法律', '行政法规', '地方性法规', '部门规章', '地方政府规章', '规范性文件'] as const;

/** Themes (主题) the portal browses by. */
export const THEMES = [
  '市场准入', '食品药品', '医疗卫生', '社会救助', '养老服务', '婚姻登记', '建设工程', '不动产', '交通运输',
  '农牧业', '林业草原', '生态环境', '安全生产', '教育', '就业创业', '社会保障', '文化旅游', '水利', '公安户政',
  '司法公证', '退役军人', '医疗保障', '能源', '消防', '其他',
] as const;
