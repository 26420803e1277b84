// Dictionaries shared by server and web: roles, organisation kinds and 行使层级 (STANDARDS.md §2).

/** Every role a user can hold; the values are stored in the database and must never be renamed. */
export const ROLES = ['bureau_admin', 'bureau_reviewer', 'dept_editor', 'dept_leader', 'filing_officer', 'auditor'] as const;

/** One of ROLES. */
export type Role = (typeof ROLES)[number];

/** Chinese display label of each role. */
export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  bureau_admin: '政务服务局管理员',
  bureau_reviewer: '政务服务局审核员',
  dept_editor: '部门经办人',
  dept_leader: '部门负责人',
  filing_officer: '备案经办人',
  auditor: '审计监督',
};

/** Kinds of organisation; stored values, never renamed. */
export const ORG_KINDS = ['bureau', 'department', 'town', 'village', 'external'] as const;

/** One of ORG_KINDS. */
export type OrgKind = (typeof ORG_KINDS)[number];

/** Chinese display label of each organisation kind (Inner Mongolia wording: 旗, 苏木, 嘎查). */
export const ORG_KIND_LABELS: Readonly<Record<OrgKind, string>> = {
  bureau: '政务服务局',
  department: '旗直部门',
  town: '苏木镇',
  village: '嘎查村/社区',
  external: '外部单位',
};

/** 行使层级 digits; the digit is position 19 of a 实施编码. Level 6 is unconfirmed nationally [U]. */
export const LEVELS = [1, 2, 3, 4, 5, 6] as const;

/** One of LEVELS. */
export type Level = (typeof LEVELS)[number];

/** Chinese display label of each 行使层级. */
export const LEVEL_LABELS: Readonly<Record<Level, string>> = {
  1: '国家级',
  2: '省级',
  3: '市级',
  4: '县级',
  5: '镇(乡、街道)级',
  6: '村(社区)级',
};
