import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { ListPublicationTable, PublicationChangeTable } from '../../db/schema-publications.ts';

export type PublicationRow = ListPublicationTable;
export type ChangeRow = PublicationChangeTable;

export async function latestPublication(db: Kysely<Database>): Promise<PublicationRow | undefined> {
  return db.selectFrom('list_publication').selectAll().orderBy('published_at', 'desc').limit(1).executeTakeFirst();
}

export async function findByNumberOrId(db: Kysely<Database>, key: string): Promise<PublicationRow | undefined> {
  return db.selectFrom('list_publication').selectAll().where((eb) => eb.or([eb('number', '=', key), eb('id', '=', key)])).executeTakeFirst();
}

export async function listPublications(db: Kysely<Database>, limit: number): Promise<PublicationRow[]> {
  return db.selectFrom('list_publication').selectAll().orderBy('published_at', 'desc').limit(limit).execute();
}

/** The publication in force at an instant: the latest published at or before it. */
export async function publicationAt(db: Kysely<Database>, at: string): Promise<PublicationRow | undefined> {
  return db.selectFrom('list_publication').selectAll().where('published_at', '<=', at).orderBy('published_at', 'desc').limit(1).executeTakeFirst();
}

export async function nextSeq(db: Kysely<Database>, year: number): Promise<number> {
  const row = await db
    .insertInto('publication_counter')
    .values({ year, last_seq: 1 })
    .onConflict((oc) => oc.column('year').doUpdateSet({ last_seq: sql<number>`publication_counter.last_seq + 1` }))
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  return Number(row.last_seq);
}

export async function insertPublication(db: Kysely<Database>, row: PublicationRow, changes: ChangeRow[]): Promise<void> {
  await db.insertInto('list_publication').values(row).execute();
  for (let i = 0; i < changes.length; i += 200) await db.insertInto('publication_change').values(changes.slice(i, i + 200)).execute();
}

export async function setLogIndex(db: Kysely<Database>, id: string, index: number): Promise<void> {
  await db.updateTable('list_publication').set({ log_index: index }).where('id', '=', id).execute();
}

export async function changesOf(db: Kysely<Database>, publicationId: string): Promise<ChangeRow[]> {
  return db.selectFrom('publication_change').selectAll().where('publication_id', '=', publicationId).orderBy('seq').execute();
}

export async function countRows(db: Kysely<Database>): Promise<{ publications: number; changes: number }> {
  const p = await db.selectFrom('list_publication').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const c = await db.selectFrom('publication_change').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { publications: Number(p.n), changes: Number(c.n) };
}

/**
 * One keyset page (codes after `after`) of the list effective at `at` as "implementationCode:versionNo" lines,
 * concatenated by the database, so a 1M-item list crosses into JS as 50 strings, not a million row objects. Read from
 * the covering index item_version_list_idx. In no particular order: the list digest is a set hash.
 */
export async function listLinesPage(db: Kysely<Database>, at: string, after: string, limit: number): Promise<{ lines: string[]; last: string | null }> {
  const page = db
    .selectFrom('item_version')
    .select(['implementation_code', 'version_no'])
    .where('state', '=', 'final')
    .where('secret', '=', false)
    .where('implementation_code', '>', after)
    .where('effective_from', '<=', at)
    .where((eb) => eb.or([eb('effective_to', 'is', null), eb('effective_to', '>', at)]))
    .orderBy('implementation_code')
    .limit(limit)
    .as('p');
  const row = await db
    .selectFrom(page)
    .select((eb) => [sql<string | null>`string_agg(p.implementation_code || ':' || p.version_no, ${'\n'})`.as('text'), eb.fn.max('p.implementation_code').as('last')])
    .executeTakeFirstOrThrow();
  return { lines: row.text ? row.text.split('\n') : [], last: row.last };
}
