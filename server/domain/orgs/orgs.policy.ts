import type { Role } from '../../../common/roles.ts';

/** Only bureau administrators shape the org tree. */
export function canManageOrgs(roles: readonly Role[]): boolean {
  return roles.includes('bureau_admin');
}

export { expectedLevel, mayPlaceUnder } from '../../../common/org-rules.ts';

/** Whether moving `orgId` under `newParentId` would create a cycle, given each org's parent. */
export function wouldCreateCycle(orgId: string, newParentId: string, parentOf: ReadonlyMap<string, string | null>): boolean {
  let cursor: string | null = newParentId;
  const seen = new Set<string>();
  while (cursor !== null && !seen.has(cursor)) {
    if (cursor === orgId) return true;
    seen.add(cursor);
    cursor = parentOf.get(cursor) ?? null;
  }
  return false;
}
