// Frozen migration: a publication reads the list's changes by index and follows its digest from the previous one (issue 6).
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // Covering index of "the list at an instant in code order": a digest of the whole list reads only this index, and
  // list pages check the interval before reading a row. It starts with the columns of item_version_code_idx, which
  // it replaces.
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

  // The state of the publication's list digest (MSet-Mu-Hash, docs/decisions/0008): the next publication multiplies
  // the changes into it instead of reading the whole list. Null for publications made before.
  await db.schema.alterTable('list_publication').addColumn('list_state', 'text').execute();
}
