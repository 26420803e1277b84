import type { OrgKind, Role } from '../../../common/roles.ts';

/** Only bureau administrators shape the org tree. */
export function canManageOrgs(roles: readonly Role[]): boolean {
  return roles.includes('bureau_admin');
}

// Which kind of org may hang under which: the region's bureau, departments and towns under the bureau,
// villages under towns; external orgs (city bureau, superior departments) sit at the root.
const CHILD_KINDS: Record<OrgKind | 'root', readonly OrgKind[]> = {
  root: ['bureau', 'external'],
  bureau: ['department', 'town'],
  department: [],
  town: ['village'],
  village: [],
  external: ['external'],
};

/** Whether an org of `child` kind may be placed under a parent of `parent` kind (null = root). */
export function mayPlaceUnder(child: OrgKind, parent: OrgKind | null): boolean {
  return CHILD_KINDS[parent ?? 'root'].includes(child);
}

/** The 行使层级 an org of this kind normally has (county 4, town 5, village 6); external orgs choose theirs. */
export function expectedLevel(kind: OrgKind): number | null {
  switch (kind) {
    case 'bureau':
    case 'department':
      return 4;
    case 'town':
      return 5;
    case 'village':
      return 6;
    default:
      return null;
  }
}

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
