// Where an org may sit in the tree and the level its kind carries: the server enforces these, the web
// forms offer only what they allow (one source, so the two never drift).
import type { OrgKind } from './roles.ts';

// The region's bureau, departments and towns under the bureau, villages under towns; external orgs
// (city bureau, superior departments) sit at the root.
const CHILD_KINDS: Readonly<Record<OrgKind | 'root', readonly OrgKind[]>> = {
  root: ['bureau', 'external'],
  bureau: ['department', 'town'],
  department: [],
  town: ['village'],
  village: [],
  external: ['external'],
};

/** Kinds an org may have under a parent of `parent` kind (null: at the root). */
export function childKinds(parent: OrgKind | null): readonly OrgKind[] {
  return CHILD_KINDS[parent ?? 'root'];
}

/** Whether an org of `child` kind may be placed under a parent of `parent` kind (null = root). */
export function mayPlaceUnder(child: OrgKind, parent: OrgKind | null): boolean {
  return childKinds(parent).includes(child);
}

/** The 行使层级 an org of this kind carries (county 4, town 5, village 6); null where it chooses (external). */
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
