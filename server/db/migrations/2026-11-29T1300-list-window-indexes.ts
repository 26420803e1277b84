// Frozen migration: indexes that let a publication read the list by index instead of scanning every version (issue 6).
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // Covering index of "the list at an instant in code order" (the publication digest reads only this index); it
  // starts with the columns of item_version_code_idx, which it replaces.
  await db.schema
    .createIndex('item_version_list_idx')
    .on('item_version')
    .columns(['implementation_code', 'effective_from', 'effective_to', 'state', 'version_no'])
    .execute();
  await db.schema.dropIndex('item_version_code_idx').execute();
  // Items with a version that started within a window, from the index alone. Partial on a condition only that query
  // states (effective_from > ''): SQLite has no statistics by default and would otherwise read whole-list queries
  // (effective_from <= ?) through this index in random table order.
  await db.schema
    .createIndex('item_version_started_idx')
    .on('item_version')
    .columns(['effective_from', 'state', 'item_id'])
    .where(sql.ref('effective_from'), '>', sql.lit(''))
    .execute();
  // Items with a version that ended within a window: few versions ever end, so the index stays small.
  await db.schema.createIndex('item_version_ended_idx').on('item_version').columns(['effective_to', 'state', 'item_id']).where('effective_to', 'is not', null).execute();
  // Catalogue items changed since an instant (the items a publication re-checks against their catalogue).
  await db.schema.createIndex('catalogue_item_version_created_idx').on('catalogue_item_version').column('created_at').execute();
}
