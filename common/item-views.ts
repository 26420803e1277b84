// Shapes of list and catalogue answers (and requests) that server and workbench share: one definition for both sides.
import type { ElementChange } from './item-diff.ts';
import type { ItemElements, Problem, TimeLimit, UniformElements } from './item-elements.ts';

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

/** A new version of a catalogue item (the province changed it). */
export interface NewCatalogueVersion {
  levels: number[];
  uniform: UniformElements;
  changeNote?: string;
}

/** The catalogue as listed (GET /api/catalogue-items): an item with its current version's name, type and levels. */
export interface CatalogueListEntry {
  id: string;
  basicCode: string;
  localCode: string | null;
  origin: 'provincial' | 'local';
  currentVersionNo: number;
  name: string;
  type: string;
  levels: number[];
}

/** A catalogue item with all its versions (GET /api/catalogue-items/:id). */
export interface CatalogueDetail extends CatalogueItem {
  versions: CatalogueVersion[];
}

/** The answer to a new catalogue version. */
export interface CatalogueVersionResult {
  item: CatalogueItem;
  /** Implemented items flagged 需复核, with the material element changes. */
  flagged: Array<{ implementationCode: string; changes: ElementChange[] }>;
}

/** The query of the list (GET /api/items, /api/public/items). */
export interface ItemListQuery {
  q?: string;
  /** The implementing org's id. */
  org?: string;
  type?: string;
  recipient?: number;
  caseKind?: number;
  theme?: string;
  onlineDepth?: number;
  /** YYYY-MM-DD: the list as it stood at the end of that day (or an instant). */
  asOf?: string;
  cursor?: string;
  limit?: number;
}

/** One row of the list (GET /api/items, /api/public/items). */
export interface ItemListEntry {
  implementationCode: string;
  name: string;
  type: string;
  typeLabel: string;
  orgId: string;
  orgName: string;
  caseKind: number;
  onlineDepth: number;
  powerSource: number;
  promisedTimeLimit: TimeLimit;
  statutoryTimeLimit: TimeLimit;
  versionNo: number;
  effectiveFrom: string;
}

export interface ItemListPage {
  items: ItemListEntry[];
  total: number;
  /** The true count is above `total` (10000): show "10000+". */
  totalCapped: boolean;
  nextCursor: string | null;
}

export interface HandlingItemView {
  code: string;
  seq: number;
  name: string;
  splitReason: string;
}

export type VersionState = 'draft' | 'final';

export interface ItemVersion {
  versionNo: number;
  state: VersionState;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  catalogueVersionNo: number;
  changeNote: string | null;
  source: string;
  createdAt: string;
  updatedAt: string;
  finalisedAt: string | null;
  elements: ItemElements;
  handlingItems: HandlingItemView[];
}

export type ItemVersionSummary = Pick<ItemVersion, 'versionNo' | 'state' | 'effectiveFrom' | 'effectiveTo' | 'changeNote' | 'source' | 'createdAt'>;

/** An implemented item: its current effective version, its draft (for those who may see drafts) and its version history. */
export interface ItemDetail {
  implementationCode: string;
  orgId: string;
  orgName: string;
  catalogueItemId: string;
  basicCode: string;
  levelDigit: number;
  reviewNeeded: boolean;
  reviewCatalogueVersionNo: number | null;
  reviewDiff: ElementChange[] | null;
  current: ItemVersion | null;
  draft: ItemVersion | null;
  versions: ItemVersionSummary[];
}

/** A draft as saved, started or validated, with every problem found. */
export interface DraftResult {
  version: ItemVersion;
  problems: Problem[];
}

export interface VersionDiff {
  from: number;
  to: number;
  changes: ElementChange[];
}

/** The body of POST /api/items. */
export interface NewItem {
  catalogueItemId: string;
  orgId: string;
  levelDigit: number;
}

/** A uniform element of an effective item that differs from its catalogue item's current version (同源). */
export interface Deviation {
  implementationCode: string;
  orgId: string;
  name: string;
  /** Element path, as in the diff: `materials[营业执照].copies`. */
  element: string;
  kind: string;
  expected: unknown;
  actual: unknown;
}
