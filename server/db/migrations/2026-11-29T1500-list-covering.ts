// Frozen migration: list pages by org or type, and their counts, read the index alone (issue 3 performance).
// item_version.secret carries the filing items' 涉密 flag (was found by a LIKE on the elements JSON, reading every row);
// the org and type indexes cover what a list filters on, so only the page's own rows are read.
import { type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('item_version').addColumn('secret', 'boolean', (c) => c.notNull().defaultTo(false)).execute();
  // `elements` is JSON.stringify output: the key "secret" exists only in the filing settings.
  await db.updateTable('item_version').set({ secret: true }).where('elements', 'like', '%"secret":true%').execute();
  await db.schema.dropIndex('item_version_org_code_idx').execute();
  await db.schema.createIndex('item_version_org_list_idx').on('item_version')
    .columns(['org_id', 'implementation_code', 'effective_from', 'effective_to', 'state', 'type', 'secret']).execute();
  await db.schema.dropIndex('item_version_type_code_idx').execute();
  await db.schema.createIndex('item_version_type_list_idx').on('item_version')
    .columns(['type', 'implementation_code', 'effective_from', 'effective_to', 'state', 'org_id', 'secret']).execute();
}
