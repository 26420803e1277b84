// Frozen migration: attachments (legal texts, decisions, source documents) of triggers and adjustment requests.
import { type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // Append-only: a removal stamps removed_at/removed_by; the row and its content-addressed blob stay for the record.
  await db.schema
    .createTable('attachment')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_type', 'text', (c) => c.notNull()) // trigger | adjustment
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull()) // name of the bytes in the blob store
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .addColumn('uploaded_by_name', 'text')
    .addColumn('uploaded_org_id', 'text', (c) => c.notNull())
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('removed_at', 'text')
    .addColumn('removed_by', 'text')
    .execute();
  await db.schema.createIndex('attachment_owner_idx').on('attachment').columns(['owner_type', 'owner_id', 'uploaded_at']).execute();
}
