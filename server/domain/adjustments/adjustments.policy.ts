import type { Role } from '../../../common/roles.ts';

export interface Caller {
  orgId: string;
  roles: readonly Role[];
}

const BUREAU: readonly Role[] = ['bureau_admin', 'bureau_reviewer'];

export function isBureau(c: Caller): boolean {
  return c.roles.some((r) => BUREAU.includes(r));
}

/** The bureau and auditors see every request; an org sees those it filed or receives; for anyone else they do not exist. */
export function canSeeRequest(c: Caller, filerOrgId: string, receivingOrgId: string | null): boolean {
  if (isBureau(c) || c.roles.includes('auditor')) return true;
  return c.orgId === filerOrgId || c.orgId === receivingOrgId;
}

/** Department clerks file requests for their own org; the bureau may file for its own items too. */
export function canFileRequest(c: Caller): boolean {
  return c.roles.includes('dept_editor');
}

/** Triggers are registered by the bureau for any orgs, or by a department for itself. */
export function mayRegisterTrigger(c: Caller, responsibleOrgIds: readonly string[]): boolean {
  if (isBureau(c)) return true;
  return (c.roles.includes('dept_editor') || c.roles.includes('dept_leader')) && responsibleOrgIds.every((id) => id === c.orgId);
}

/** Open triggers of the caller's scope: the bureau and auditors see all, an org those it is responsible for. */
export function triggerScope(c: Caller): string | undefined {
  return isBureau(c) || c.roles.includes('auditor') ? undefined : c.orgId;
}

/** A handover is seen and worked on by both orgs and the bureau. */
export function canSeeHandover(c: Caller, fromOrgId: string, toOrgId: string): boolean {
  return isBureau(c) || c.roles.includes('auditor') || c.orgId === fromOrgId || c.orgId === toOrgId;
}

/** The delegating org (or the bureau) adds guidance tasks; staff of either org mark them done. */
export function canAddHandoverTask(c: Caller, fromOrgId: string): boolean {
  return isBureau(c) || (c.orgId === fromOrgId && (c.roles.includes('dept_editor') || c.roles.includes('dept_leader')));
}

/** Only the receiving org's leader or clerk confirms it can run the item. */
export function canConfirmHandover(c: Caller, toOrgId: string): boolean {
  return c.orgId === toOrgId && (c.roles.includes('dept_leader') || c.roles.includes('dept_editor'));
}
