// Table types of the seals area (seal authority, seals, seal key versions, seal use log).

export interface SealAuthorityTable {
  id: string;
  algorithm: string;
  subject: string;
  certificate: string;
  fingerprint: string;
  key_envelope: string;
  not_before: string;
  not_after: string;
  source: string;
  active: boolean | number;
  created_at: string;
}

export interface SealTable {
  id: string;
  org_id: string;
  name: string;
  algorithm: string;
  status: string;
  status_reason: string | null;
  status_changed_at: string | null;
  picture_rim: string;
  picture_bottom: string;
  picture_png: string | null;
  source: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface SealKeyTable {
  id: string;
  seal_id: string;
  version: number;
  algorithm: string;
  certificate: string;
  fingerprint: string;
  serial: string;
  key_envelope: string;
  chain: string;
  pdf_certificate: string;
  pdf_fingerprint: string;
  pdf_key_envelope: string;
  not_before: string;
  not_after: string;
  retired_at: string | null;
  created_at: string;
}

export interface SealUseTable {
  id: string;
  seal_id: string;
  seal_key_id: string;
  actor_id: string | null;
  actor_name: string | null;
  format: string;
  document_name: string | null;
  purpose: string | null;
  digest_sm3: string;
  digest_sha256: string;
  signed_at: string;
  record: string;
  request_id: string | null;
}

export interface SealTables {
  seal_authority: SealAuthorityTable;
  seal: SealTable;
  seal_key: SealKeyTable;
  seal_use: SealUseTable;
}
