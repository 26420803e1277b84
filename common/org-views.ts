// Shapes of the org-tree answers and requests that the server sends and accepts and the workbench reads (one definition for both sides).
import type { OrgKind } from './roles.ts';

export interface Org {
  id: string;
  parentId: string | null;
  kind: OrgKind;
  uscc: string;
  level: number;
  nameZh: string;
  nameEn: string | null;
  nameMn: string | null;
  divisionCode: string | null;
  active: boolean;
}

/** The body of POST /api/orgs/:id/rename. */
export interface OrgNames {
  nameZh: string;
  nameEn?: string | null;
  nameMn?: string | null;
}

/** The body of POST /api/orgs. */
export interface NewOrg extends OrgNames {
  parentId: string | null;
  kind: OrgKind;
  uscc: string;
  level: number;
  divisionCode?: string | null;
}
