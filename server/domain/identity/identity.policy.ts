import type { OrgKind } from '../../../common/roles.ts';
import type { Role } from '../../../common/roles.ts';

export interface PasswordProblem {
  path: string;
  message: string;
}

/** Strength rule: ≥ 10 characters, three of four character classes, not containing the username. */
export function passwordProblems(password: string, username: string): PasswordProblem[] {
  const problems: string[] = [];
  if (password.length < 10) problems.push('密码长度至少 10 位');
  if (password.length > 128) problems.push('密码长度不能超过 128 位');
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) problems.push('密码须包含大写字母、小写字母、数字、符号中的至少三类');
  if (username && password.toLowerCase().includes(username.toLowerCase())) problems.push('密码不能包含用户名');
  return problems.map((message) => ({ path: 'body.password', message }));
}

const ROLES_BY_ORG_KIND: Record<OrgKind, readonly Role[]> = {
  bureau: ['bureau_admin', 'bureau_reviewer', 'dept_editor', 'dept_leader', 'filing_officer', 'auditor'],
  department: ['dept_editor', 'dept_leader', 'filing_officer', 'auditor'],
  town: ['dept_editor', 'dept_leader', 'filing_officer'],
  village: ['dept_editor', 'dept_leader', 'filing_officer'],
  external: [],
};

/** Bureau roles exist only in the bureau; external orgs have no staff accounts here. */
export function rolesAllowedIn(kind: OrgKind): readonly Role[] {
  return ROLES_BY_ORG_KIND[kind];
}

/** Only bureau administrators manage staff accounts. */
export function canManageUsers(roles: readonly Role[]): boolean {
  return roles.includes('bureau_admin');
}

/** Auditors may read accounts too; they change nothing. */
export function canReadUsers(roles: readonly Role[]): boolean {
  return roles.includes('bureau_admin') || roles.includes('auditor');
}

/** Why `email` (already trimmed) cannot take notification e-mails, or null when it can. A plain local@domain.tld check, no lookups. */
export function emailProblem(email: string): string | null {
  if (email.length > 254) return '电子邮箱地址过长';
  if (!/^[^\s@<>()[\]\\,;:"]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/.test(email)) {
    return '请输入有效的电子邮箱地址，如 name@example.cn';
  }
  return null;
}
