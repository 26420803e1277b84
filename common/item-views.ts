// Shapes of list and catalogue answers (and a request) that server and workbench share: one definition for both sides.
import type { UniformElements } from './item-elements.ts';

/** A draft in the caller's scope (GET /api/items/drafts): a revision, or a new item not yet on the list. */
export interface DraftEntry {
  implementationCode: string;
  name: string;
  orgId: string;
  orgName: string;
  versionNo: number;
  changeNote: string | null;
  updatedAt: string;
  /** False for an item that has never been effective (a new item still being prepared). */
  hasFinalVersion: boolean;
}

export interface CatalogueVersion {
  versionNo: number;
  name: string;
  type: string;
  levels: number[];
  uniform: UniformElements;
  changeNote: string | null;
  createdAt: string;
}

export interface CatalogueItem {
  id: string;
  basicCode: string;
  localCode: string | null;
  origin: 'provincial' | 'local';
  currentVersionNo: number;
  current: CatalogueVersion;
}

/** A new catalogue item (认领 from the provincial catalogue, or local). */
export interface NewCatalogueItem {
  basicCode: string;
  localCode?: string | null;
  origin: 'provincial' | 'local';
  levels: number[];
  uniform: UniformElements;
  changeNote?: string;
}
