// Frozen migration: the covering list index also carries the 涉密 flag, so a publication's whole-list digest (the
// public list: no secret filing items) still reads the index alone.
import { type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('item_version_list_idx').execute();
  await db.schema
    .createIndex('item_version_list_idx')
    .on('item_version')
    .columns(['implementation_code', 'effective_from', 'effective_to', 'state', 'version_no', 'secret'])
    .execute();
}
