// Table types of attachments of triggers and adjustment requests (files in the blob store, named by SHA-256).

export interface AttachmentTable {
  id: string;
  owner_type: string;
  owner_id: string;
  file_name: string;
  content_type: string;
  size: number;
  sha256: string;
  uploaded_by: string;
  uploaded_by_name: string | null;
  uploaded_org_id: string;
  uploaded_at: string;
  note: string | null;
  removed_at: string | null;
  removed_by: string | null;
}

export interface AttachmentTables {
  attachment: AttachmentTable;
}
