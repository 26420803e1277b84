import type { Role } from '../../../common/roles.ts';

/** Auditors and bureau administrators read the audit log; nobody changes it. */
export function canReadAudit(roles: readonly Role[]): boolean {
  return roles.includes('auditor') || roles.includes('bureau_admin');
}
