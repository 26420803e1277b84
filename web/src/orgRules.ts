// Mirrors server/domain/orgs/orgs.policy.ts so forms offer only what the server accepts; the server
// still decides. TODO: move CHILD_KINDS and expectedLevel to common/ and import them on both sides.
import type { OrgKind } from './api.ts';

const CHILD_KINDS: Record<OrgKind | 'root', readonly OrgKind[]> = {
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

/** The 行使层级 fixed by kind (county 4, town 5, village 6); null where the org chooses (external). */
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
