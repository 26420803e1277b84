import type { OrgKind, Role } from '../../../common/roles.ts';

export const SEAL_STATUSES = ['active', 'suspended', 'revoked'] as const;
export type SealStatus = (typeof SEAL_STATUSES)[number];

export type SealAction = 'use' | 'suspend' | 'reinstate' | 'revoke' | 'rotate';

// State table: revocation is final; a suspended seal can be reinstated but neither used nor rotated.
const ALLOWED: Readonly<Record<SealStatus, readonly SealAction[]>> = {
  active: ['use', 'suspend', 'revoke', 'rotate'],
  suspended: ['reinstate', 'revoke'],
  revoked: [],
};

/** Actions a seal in `status` allows. */
export function allowedSealActions(status: SealStatus): readonly SealAction[] {
  return ALLOWED[status];
}

/** Only bureau administrators create, import, suspend, revoke and rotate seals. */
export function canAdministerSeals(roles: readonly Role[]): boolean {
  return roles.includes('bureau_admin');
}

/** Administrators and auditors see every seal and its usage log. */
export function canReadAllSeals(roles: readonly Role[]): boolean {
  return roles.includes('bureau_admin') || roles.includes('auditor');
}

// Who presses which seal: the bureau's seal is used by the bureau's administrators and reviewers
// (publications, confirmation decisions); a department's or town's seal by its leader and its filing
// officers (receipts, filing certificates). Editors draft; they never seal.
const USERS_OF: Readonly<Record<OrgKind, readonly Role[]>> = {
  bureau: ['bureau_admin', 'bureau_reviewer'],
  department: ['dept_leader', 'filing_officer'],
  town: ['dept_leader', 'filing_officer'],
  village: ['dept_leader', 'filing_officer'],
  external: [],
};

/** Whether someone acting in `actorOrgId` with `roles` may seal with a seal of `sealOrgId` (an org of `sealOrgKind`). */
export function mayUseSeal(actorOrgId: string, roles: readonly Role[], sealOrgId: string, sealOrgKind: OrgKind): boolean {
  return actorOrgId === sealOrgId && USERS_OF[sealOrgKind].some((r) => roles.includes(r));
}
