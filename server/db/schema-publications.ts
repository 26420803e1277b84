// Table types of publications and the transparency log.

export interface ListPublicationTable {
  id: string;
  number: string;
  year: number;
  seq: number;
  published_at: string;
  published_by: string;
  previous_id: string | null;
  item_count: number;
  list_digest: string;
  /** The list digest's state (hex), which the next publication updates with the changes; null before it was stored. */
  list_state: string | null;
  summary: string;
  document: string;
  seal_record: string;
  log_index: number | null;
}

export interface PublicationChangeTable {
  publication_id: string;
  seq: number;
  kind: string;
  implementation_code: string;
  new_implementation_code: string | null;
  name: string;
  org_id: string;
  from_version_no: number | null;
  to_version_no: number | null;
  decision_numbers: string;
  diff: string;
}

export interface LogLeafTable {
  idx: number;
  leaf_hash: string;
  kind: string;
  ref_id: string;
  entry: string;
  created_at: string;
}

export interface LogHeadTable {
  tree_size: number;
  root_hash: string;
  created_at: string;
  seal_record: string | null;
}

export interface PublicationTables {
  list_publication: ListPublicationTable;
  publication_change: PublicationChangeTable;
  log_leaf: LogLeafTable;
  log_head: LogHeadTable;
  publication_counter: { year: number; last_seq: number };
  list_freeze: { id: string; frozen_until: string };
  job_state: { name: string; value: string };
}
