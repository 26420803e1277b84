// Queries of `attachment` (files of triggers and adjustment requests). Rows are never deleted: removal stamps them.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { AttachmentTable } from '../../db/schema-attachments.ts';

export type AttachmentRow = AttachmentTable;
export type OwnerType = 'trigger' | 'adjustment';

export async function insertAttachment(db: Kysely<Database>, row: AttachmentRow): Promise<void> {
  await db.insertInto('attachment').values(row).execute();
}

/** A row by id, removed or not. */
export async function findAttachment(db: Kysely<Database>, id: string): Promise<AttachmentRow | undefined> {
  return db.selectFrom('attachment').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The owner's attachments that have not been removed, oldest first. */
export async function attachmentsOf(db: Kysely<Database>, ownerType: OwnerType, ownerId: string): Promise<AttachmentRow[]> {
  return db
    .selectFrom('attachment')
    .selectAll()
    .where('owner_type', '=', ownerType)
    .where('owner_id', '=', ownerId)
    .where('removed_at', 'is', null)
    .orderBy('uploaded_at')
    .orderBy('id')
    .execute();
}

/** Stamps a row removed; false when it already was (a concurrent removal won). */
export async function markRemoved(db: Kysely<Database>, id: string, removedAt: string, removedBy: string): Promise<boolean> {
  const result = await db.updateTable('attachment').set({ removed_at: removedAt, removed_by: removedBy }).where('id', '=', id).where('removed_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
