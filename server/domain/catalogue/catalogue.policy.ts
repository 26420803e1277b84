import type { Role } from '../../../common/roles.ts';

export interface Caller {
  orgId: string;
  roles: readonly Role[];
}

const BUREAU: readonly Role[] = ['bureau_admin', 'bureau_reviewer'];

/** The bureau keeps the catalogue (认领 from the provincial catalogue, local items). */
export function canManageCatalogue(c: Caller): boolean {
  return c.roles.some((r) => BUREAU.includes(r));
}

/** Drafts are internal: the owning org, the bureau and auditors see them; for anyone else they do not exist. */
export function canSeeDrafts(c: Caller, itemOrgId: string): boolean {
  if (c.roles.some((r) => BUREAU.includes(r) || r === 'auditor')) return true;
  return c.orgId === itemOrgId;
}

/** Whose drafts a list of drafts shows: every org's for the bureau and auditors, otherwise the caller's own. */
export function draftScope(c: Caller): string | undefined {
  return c.roles.some((r) => BUREAU.includes(r) || r === 'auditor') ? undefined : c.orgId;
}

/** Department editors edit their own org's items; the bureau administrator may edit any (initial list loading). */
export function canEditItem(c: Caller, itemOrgId: string): boolean {
  if (c.roles.includes('bureau_admin')) return true;
  return c.roles.includes('dept_editor') && c.orgId === itemOrgId;
}

/** Making a draft effective directly is the bureau's initial-loading path (`item.load`); later, adjustments do it. */
export function canLoadDirectly(c: Caller): boolean {
  return c.roles.includes('bureau_admin');
}

/** The consistency check of the caller's scope: the bureau and auditors see every org, others their own. */
export function consistencyScope(c: Caller): string | undefined {
  return c.roles.some((r) => BUREAU.includes(r) || r === 'auditor') ? undefined : c.orgId;
}
