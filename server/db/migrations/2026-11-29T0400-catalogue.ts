// Frozen migration: the list (catalogue items, implemented items, versions, handling items, search).
import { type Kysely, sql } from 'kysely';

// The adapter names the dialect; this migration has two dialect-specific statements (search indexes).
function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter.constructor.name.startsWith('Postgres');
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('catalogue_item')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('basic_code', 'text', (c) => c.notNull().unique())
    .addColumn('local_code', 'text', (c) => c.unique())
    .addColumn('origin', 'text', (c) => c.notNull()) // provincial | local
    .addColumn('current_version_no', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('catalogue_item_version')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('catalogue_item_id', 'text', (c) => c.notNull().references('catalogue_item.id'))
    .addColumn('version_no', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('levels', 'text', (c) => c.notNull())
    .addColumn('uniform', 'text', (c) => c.notNull())
    .addColumn('change_note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addUniqueConstraint('catalogue_item_version_no_uq', ['catalogue_item_id', 'version_no'])
    .execute();

  await db.schema
    .createTable('item')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('implementation_code', 'text', (c) => c.notNull().unique())
    .addColumn('org_id', 'text', (c) => c.notNull().references('org.id'))
    .addColumn('catalogue_item_id', 'text', (c) => c.notNull().references('catalogue_item.id'))
    .addColumn('level_digit', 'integer', (c) => c.notNull())
    .addColumn('review_needed', 'boolean', (c) => c.notNull())
    .addColumn('review_catalogue_version_no', 'integer')
    .addColumn('review_diff', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('item_org_code_idx').on('item').columns(['org_id', 'implementation_code']).execute();
  await db.schema.createIndex('item_catalogue_idx').on('item').column('catalogue_item_id').execute();

  await db.schema
    .createTable('item_version')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull().references('item.id'))
    .addColumn('version_no', 'integer', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull()) // draft | final (final versions never change)
    .addColumn('implementation_code', 'text', (c) => c.notNull())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('catalogue_version_no', 'integer', (c) => c.notNull())
    .addColumn('effective_from', 'text')
    .addColumn('effective_to', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('case_kind', 'integer', (c) => c.notNull())
    .addColumn('online_depth', 'integer', (c) => c.notNull())
    .addColumn('power_source', 'integer', (c) => c.notNull())
    .addColumn('service_recipients', 'text', (c) => c.notNull()) // ',1,2,' for LIKE filters
    .addColumn('themes', 'text', (c) => c.notNull()) // ',市场准入,食品药品,'
    .addColumn('elements', 'text', (c) => c.notNull())
    .addColumn('change_note', 'text')
    .addColumn('source', 'text', (c) => c.notNull()) // load | import | adjustment | takeover
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('finalised_at', 'text')
    .addColumn('finalised_by', 'text')
    .addUniqueConstraint('item_version_no_uq', ['item_id', 'version_no'])
    .execute();
  await db.schema.createIndex('item_version_code_idx').on('item_version').columns(['implementation_code', 'effective_from']).execute();
  await db.schema.createIndex('item_version_org_code_idx').on('item_version').columns(['org_id', 'implementation_code']).execute();
  await db.schema.createIndex('item_version_type_code_idx').on('item_version').columns(['type', 'implementation_code']).execute();
  await db.schema.createIndex('item_version_item_state_idx').on('item_version').columns(['item_id', 'state']).execute();

  await db.schema
    .createTable('handling_item')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_version_id', 'text', (c) => c.notNull().references('item_version.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('split_reason', 'text', (c) => c.notNull())
    .addUniqueConstraint('handling_item_seq_uq', ['item_version_id', 'seq'])
    .execute();
  await db.schema.createIndex('handling_item_code_idx').on('handling_item').column('code').execute();

  // Search over the current list: one row per item with an effective version.
  await db.schema
    .createTable('item_search')
    .addColumn('item_id', 'text', (c) => c.primaryKey().references('item.id'))
    .addColumn('implementation_code', 'text', (c) => c.notNull())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('item_search_code_idx').on('item_search').column('implementation_code').execute();
  // The current list pages and counts by org or type from these indexes alone (no interval checks).
  await db.schema.createIndex('item_search_org_code_idx').on('item_search').columns(['org_id', 'implementation_code']).execute();
  await db.schema.createIndex('item_search_type_code_idx').on('item_search').columns(['type', 'implementation_code']).execute();
  // Character unigrams and bigrams of name and keywords: 1–2 character queries, which trigram indexes cannot answer.
  await db.schema
    .createTable('item_gram')
    .addColumn('gram', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull().references('item.id'))
    .addPrimaryKeyConstraint('item_gram_pk', ['gram', 'item_id'])
    .execute();
  await db.schema.createIndex('item_gram_item_idx').on('item_gram').column('item_id').execute();

  if (isPostgres(db)) {
    await sql`create extension if not exists pg_trgm`.execute(db);
    await sql`create index item_search_trgm_idx on item_search using gin (search_text gin_trgm_ops)`.execute(db);
  } else {
    await sql`create virtual table item_search_fts using fts5(search_text, content='item_search', tokenize='trigram')`.execute(db);
    await sql`create trigger item_search_ai after insert on item_search begin
      insert into item_search_fts(rowid, search_text) values (new.rowid, new.search_text); end`.execute(db);
    await sql`create trigger item_search_ad after delete on item_search begin
      insert into item_search_fts(item_search_fts, rowid, search_text) values ('delete', old.rowid, old.search_text); end`.execute(db);
    await sql`create trigger item_search_au after update on item_search begin
      insert into item_search_fts(item_search_fts, rowid, search_text) values ('delete', old.rowid, old.search_text);
      insert into item_search_fts(rowid, search_text) values (new.rowid, new.search_text); end`.execute(db);
  }
}
