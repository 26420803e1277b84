// Table types of the catalogue area (catalogue items, items, versions, handling items, search).
import type { ColumnType } from 'kysely';

export interface CatalogueItemTable {
  id: string;
  basic_code: string;
  local_code: string | null;
  origin: string;
  current_version_no: number;
  created_at: string;
  updated_at: string;
}

export interface CatalogueItemVersionTable {
  id: string;
  catalogue_item_id: string;
  version_no: number;
  name: string;
  type: string;
  levels: string;
  uniform: string;
  change_note: string | null;
  created_at: string;
  created_by: string | null;
}

export interface ItemTable {
  id: string;
  implementation_code: string;
  org_id: string;
  catalogue_item_id: string;
  level_digit: number;
  review_needed: boolean | number;
  review_catalogue_version_no: number | null;
  review_diff: string | null;
  created_at: string;
  updated_at: string;
}

export interface ItemVersionTable {
  id: string;
  item_id: string;
  version_no: number;
  state: string;
  implementation_code: string;
  org_id: string;
  catalogue_version_no: number;
  effective_from: string | null;
  effective_to: string | null;
  name: string;
  type: string;
  case_kind: number;
  online_depth: number;
  power_source: number;
  service_recipients: string;
  themes: string;
  elements: string;
  /** The filing settings' 涉密 flag: such items never show to the public. */
  secret: boolean | number;
  change_note: string | null;
  source: string;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  finalised_at: string | null;
  finalised_by: string | null;
}

export interface HandlingItemTable {
  id: string;
  item_version_id: string;
  code: string;
  seq: number;
  name: string;
  split_reason: string;
}

export interface ItemSearchTable {
  item_id: string;
  implementation_code: string;
  org_id: string;
  type: string;
  name: string;
  search_text: string;
  /** PostgreSQL only: the search tokens as a tsvector (SQLite keeps them in the FTS5 table item_fts). Never read. */
  tokens?: ColumnType<never, unknown, unknown>;
}

/** The distinct names of the current list (search's name tiers) and how many items carry each. */
export interface SearchNameTable {
  name: string;
  name_lower: string;
  name_len: number;
  n: number;
}

export interface CatalogueTables {
  catalogue_item: CatalogueItemTable;
  catalogue_item_version: CatalogueItemVersionTable;
  item: ItemTable;
  item_version: ItemVersionTable;
  handling_item: HandlingItemTable;
  item_search: ItemSearchTable;
  search_name: SearchNameTable;
}
