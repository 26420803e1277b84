// Chinese labels for the codes of DOMAIN.md §1. Codes are the contract; labels are UI only.
// The dictionaries themselves live in common/ so server and web never disagree.
import { LEVEL_LABELS, ORG_KIND_LABELS, ROLE_LABELS, type OrgKind } from '../../common/roles.ts';

export { LEVEL_LABELS, ORG_KIND_LABELS, ROLE_LABELS };

export const ROLE_OPTIONS = Object.entries(ROLE_LABELS).map(([value, label]) => ({ value, label }));

export const ROLE_COLORS: Record<string, string> = {
  bureau_admin: 'red',
  bureau_reviewer: 'volcano',
  dept_editor: 'blue',
  dept_leader: 'geekblue',
  filing_officer: 'cyan',
  auditor: 'purple',
};

export const roleLabel = (code: string): string => (ROLE_LABELS as Record<string, string>)[code] ?? code;

export const ORG_KIND_COLORS: Record<OrgKind, string> = {
  bureau: 'red',
  department: 'blue',
  town: 'green',
  village: 'lime',
  external: 'default',
};

export const orgKindLabel = (kind: string): string => ORG_KIND_LABELS[kind as OrgKind] ?? kind;

export const levelLabel = (level: number): string => (LEVEL_LABELS as Record<number, string>)[level] ?? `${level}级`;

// Audit actions are dotted and stable (STYLE.md); unknown ones are shown as their code.
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'auth.login': '登录',
  'auth.logout': '退出登录',
  'auth.lock': '账号锁定',
  'auth.change_password': '修改密码',
  'auth.switch_org': '切换机构',
  'org.create': '新增机构',
  'org.rename': '机构更名',
  'org.move': '调整上级机构',
  'org.deactivate': '停用机构',
  'org.activate': '启用机构',
  'user.create': '新增用户',
  'user.set_roles': '设置角色',
  'user.deactivate': '停用用户',
  'user.activate': '启用用户',
  'user.reset_password': '重置密码',
  'calendar.load_year': '载入节假日安排',
  'demo.seed': '载入演示数据',
};

export const auditActionLabel = (action: string): string => AUDIT_ACTION_LABELS[action] ?? action;
