// Frozen migration: search ranks by name first (docs/decisions/0009-search-by-name-tiers.md).
// - search_name: the distinct names of the current list with how many items carry each (name tiers, counts);
// - item_gram.in_name: whether a gram occurs in the item's name or only in its keywords (the "other fields" tier);
// - item_search_fts (SQLite) indexes the name as its own column, so a query can ask for matches outside the name;
// - item_search (name, implementation_code), (org_id, name), (type, name): an item page per name, counts per name.
import { type Kysely, sql } from 'kysely';

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter.constructor.name.startsWith('Postgres');
}

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  await db.schema
    .createTable('search_name')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('name_lower', 'text', (c) => c.notNull())
    .addColumn('name_len', 'integer', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .execute();
  await sql`insert into search_name (name, name_lower, name_len, n)
    select name, lower(name), length(name), count(*) from item_search group by name`.execute(db);

  await db.schema.createIndex('item_search_name_code_idx').on('item_search').columns(['name', 'implementation_code']).execute();
  await db.schema.createIndex('item_search_org_name_idx').on('item_search').columns(['org_id', 'name']).execute();
  await db.schema.createIndex('item_search_type_name_idx').on('item_search').columns(['type', 'name']).execute();

  // item_gram gets in_name into its key (gram, in_name, item_id): a gram's postings outside names are one range.
  await db.schema
    .createTable('item_gram_next')
    .addColumn('gram', 'text', (c) => c.notNull())
    .addColumn('in_name', 'integer', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull().references('item.id'))
    .addPrimaryKeyConstraint('item_gram_next_pk', ['gram', 'in_name', 'item_id'])
    .execute();
  const inName = pg ? sql`case when strpos(lower(s.name), g.gram) > 0 then 1 else 0 end` : sql`case when instr(lower(s.name), g.gram) > 0 then 1 else 0 end`;
  await sql`insert into item_gram_next (gram, in_name, item_id)
    select g.gram, ${inName}, g.item_id from item_gram g join item_search s on s.item_id = g.item_id`.execute(db);
  await db.schema.dropTable('item_gram').execute();
  await db.schema.alterTable('item_gram_next').renameTo('item_gram').execute();
  if (pg) await sql`alter table item_gram rename constraint item_gram_next_pk to item_gram_pk`.execute(db);
  await db.schema.createIndex('item_gram_item_idx').on('item_gram').column('item_id').execute();

  if (!pg) {
    await sql`drop trigger item_search_ai`.execute(db);
    await sql`drop trigger item_search_ad`.execute(db);
    await sql`drop trigger item_search_au`.execute(db);
    await sql`drop table item_search_fts`.execute(db);
    await sql`create virtual table item_search_fts using fts5(name, search_text, content='item_search', tokenize='trigram')`.execute(db);
    await sql`create trigger item_search_ai after insert on item_search begin
      insert into item_search_fts(rowid, name, search_text) values (new.rowid, new.name, new.search_text); end`.execute(db);
    await sql`create trigger item_search_ad after delete on item_search begin
      insert into item_search_fts(item_search_fts, rowid, name, search_text) values ('delete', old.rowid, old.name, old.search_text); end`.execute(db);
    await sql`create trigger item_search_au after update on item_search begin
      insert into item_search_fts(item_search_fts, rowid, name, search_text) values ('delete', old.rowid, old.name, old.search_text);
      insert into item_search_fts(rowid, name, search_text) values (new.rowid, new.name, new.search_text); end`.execute(db);
    await sql`insert into item_search_fts(item_search_fts) values ('rebuild')`.execute(db);
  }
}
