// Chinese search over the current list. Names are ranked from the distinct names (search_name); everything else is
// answered by one token index (search-tokens.ts): SQLite FTS5 over item_fts, a PostgreSQL tsvector with GIN. The only
// dialect-specific queries of the list live here.
import { type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';
import { type Dialect, dialectOf } from './database.ts';
import type { Database } from './schema.ts';
import { otherFieldsQuery, searchTerms, searchTokens, toFts5, toTsquery, toTsvector } from './search-tokens.ts';

export const SEARCH_COUNT_CAP = 10_000;

export interface SearchFilters {
  orgId?: string;
  type?: string;
}

export interface SearchPage {
  itemIds: string[];
  total: number;
  capped: boolean;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
const likeAll = (column: ReturnType<typeof sql.ref>, terms: string[]) =>
  sql<SqlBool>`${sql.join(terms.map((t) => sql`${column} like ${`%${escapeLike(t)}%`} escape '\\'`), sql` and `)}`;

interface NameHit {
  name: string;
  tier: number;
  len: number;
  n: number;
}

/**
 * The distinct names that hold every term, in rank order: the whole query as the name (0), at its start (1),
 * inside it (2), the terms apart (3); then shorter names first, then by name. `n` is how many items carry the name
 * (within the filters).
 */
async function matchingNames(db: Kysely<Database>, terms: string[], whole: string, filters: SearchFilters): Promise<NameHit[]> {
  const rows = await db
    .selectFrom('search_name')
    .select(['name', 'name_lower', 'name_len', 'n'])
    .where(likeAll(sql.ref('name_lower'), terms))
    .execute();
  const hits = rows.map((r) => ({
    name: r.name,
    tier: r.name_lower === whole ? 0 : r.name_lower.startsWith(whole) ? 1 : r.name_lower.includes(whole) ? 2 : 3,
    len: Number(r.name_len),
    n: Number(r.n),
  }));
  if (filters.orgId || filters.type) {
    const counts = new Map<string, number>();
    for (let i = 0; i < hits.length; i += 500) {
      let q = db.selectFrom('item_search').select(['name', (eb) => eb.fn.countAll<number>().as('n')]).where('name', 'in', hits.slice(i, i + 500).map((h) => h.name));
      if (filters.orgId) q = q.where('org_id', '=', filters.orgId);
      if (filters.type) q = q.where('type', '=', filters.type);
      for (const r of await q.groupBy('name').execute()) counts.set(r.name, Number(r.n));
    }
    for (const h of hits) h.n = counts.get(h.name) ?? 0;
  }
  return hits.filter((h) => h.n > 0).sort((a, b) => a.tier - b.tier || a.len - b.len || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Items of one name within the filters, in code order: `limit` of them after skipping `offset`. */
async function itemsOfName(db: Kysely<Database>, name: string, filters: SearchFilters, limit: number, offset: number): Promise<string[]> {
  let q = db.selectFrom('item_search').select('item_id').where('name', '=', name);
  if (filters.orgId) q = q.where('org_id', '=', filters.orgId);
  if (filters.type) q = q.where('type', '=', filters.type);
  const rows = await q.orderBy('implementation_code').limit(limit).offset(offset).execute();
  return rows.map((r) => r.item_id);
}

/** How many rows a query gives, counting at most SEARCH_COUNT_CAP + 1. */
async function countUpToCap(db: Kysely<Database>, query: RawBuilder<unknown>): Promise<number> {
  const counted = await sql<{ n: number }>`select count(*) as n from (${query} limit ${SEARCH_COUNT_CAP + 1}) c`.execute(db);
  return Number(counted.rows[0]?.n ?? 0);
}

/**
 * Item ids matching every term, best first, with the total capped at SEARCH_COUNT_CAP. Rank: items whose name holds
 * the query (tiers of matchingNames, then code order within a name), then items that match only through other
 * fields (the exact implementation code first, then code order). Names are few next to items, so the name tiers
 * are ranked on the distinct names and paged per name on the (name, code) index, whatever the list size; the
 * other-fields tier is counted and fetched from the token index, where every term's postings merge in one pass.
 */
export async function searchItemIds(
  db: Kysely<Database>,
  dialect: Dialect,
  q: string,
  filters: SearchFilters,
  limit: number,
  offset: number,
): Promise<SearchPage> {
  const terms = searchTerms(q);
  if (terms.length === 0) return { itemIds: [], total: 0, capped: false };
  const whole = terms.join(' ');

  // Tiers 0–3: the name holds every term.
  const names = await matchingNames(db, terms, whole, filters);
  const nameTotal = names.reduce((sum, h) => sum + h.n, 0);
  const itemIds: string[] = [];
  let skip = offset;
  for (const h of names) {
    if (itemIds.length >= limit) break;
    if (skip >= h.n) {
      skip -= h.n;
      continue;
    }
    itemIds.push(...(await itemsOfName(db, h.name, filters, limit - itemIds.length, skip)));
    skip = 0;
  }

  // Tier 4: every term occurs, not every term in the name.
  const filterSql = [
    ...(filters.orgId ? [sql`s.org_id = ${filters.orgId}`] : []),
    ...(filters.type ? [sql`s.type = ${filters.type}`] : []),
  ];
  const andFilters = filterSql.length ? sql` and ${sql.join(filterSql, sql` and `)}` : sql``;
  const match = otherFieldsQuery(terms);
  const tier4 = dialect === 'sqlite'
    ? sql<{ item_id: string; implementation_code: string }>`select s.item_id, s.implementation_code from item_fts join item_search s on s.rowid = item_fts.rowid where item_fts match ${toFts5(match)}${andFilters}`
    : sql<{ item_id: string; implementation_code: string }>`select s.item_id, s.implementation_code from item_search s where s.tokens @@ ${toTsquery(match)}::tsquery${andFilters}`;
  // Counting without filters needs no search row on SQLite: the postings alone.
  const counted = dialect === 'sqlite' && filterSql.length === 0 ? sql`select rowid from item_fts where item_fts match ${toFts5(match)}` : tier4;
  const count4 = nameTotal <= SEARCH_COUNT_CAP ? await countUpToCap(db, counted) : null;

  if (itemIds.length < limit && count4 !== 0) {
    const want = limit - itemIds.length;
    const from = Math.max(0, offset - nameTotal);
    // Up to the cap the tier is fetched whole and sorted: the exact code first, then code order. Past it (or when
    // hits are dense enough that a page is found sooner) the code index is walked and each row's search text tested.
    let walk = count4 === null || count4 > SEARCH_COUNT_CAP;
    if (count4 !== null && !walk && !/^[0-9a-z]{12,}$/.test(whole)) {
      const listSize = Number((await sql<{ n: number }>`select coalesce(sum(n), 0) as n from search_name`.execute(db)).rows[0]?.n ?? 0);
      walk = ((from + want) * listSize) / count4 < count4;
    }
    if (walk) {
      const textHolds = (t: string) => sql`s.search_text like ${`%${escapeLike(t)}%`} escape '\\'`;
      const page = await sql<{ item_id: string }>`select s.item_id from item_search s
        where ${sql.join(terms.map(textHolds), sql` and `)}
        and not exists (select 1 from search_name sn where sn.name = s.name and ${likeAll(sql.ref('sn.name_lower'), terms)})${andFilters}
        order by s.implementation_code limit ${want} offset ${from}`.execute(db);
      itemIds.push(...page.rows.map((r) => r.item_id));
    } else {
      const { rows } = await tier4.execute(db);
      const exactCode = whole.toUpperCase();
      const key = (r: { implementation_code: string }) => `${r.implementation_code === exactCode ? 0 : 1}${r.implementation_code}`;
      const sorted = rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
      itemIds.push(...sorted.slice(from, from + want).map((r) => r.item_id));
    }
  }
  const total = nameTotal + (count4 ?? 0);
  return { itemIds, total: Math.min(total, SEARCH_COUNT_CAP), capped: total > SEARCH_COUNT_CAP };
}

/** Adds `delta` items to each name's count in search_name (drops names no item carries any more). */
async function countNames(db: Kysely<Database>, deltas: Map<string, number>): Promise<void> {
  const changed = [...deltas].filter(([, d]) => d !== 0);
  for (let i = 0; i < changed.length; i += 200) {
    const chunk = changed.slice(i, i + 200);
    await db
      .insertInto('search_name')
      .values(chunk.map(([name, n]) => ({ name, name_lower: name.toLowerCase(), name_len: [...name].length, n })))
      .onConflict((oc) => oc.column('name').doUpdateSet({ n: sql`search_name.n + excluded.n` }))
      .execute();
    await db.deleteFrom('search_name').where('name', 'in', chunk.map(([name]) => name)).where('n', '<=', 0).execute();
  }
}

/**
 * Deletes the search rows and tokens of these items (at most a chunk) and returns the name counts to take off:
 * one name −1 per row that was there.
 */
async function dropRows(db: Kysely<Database>, ids: string[]): Promise<Map<string, number>> {
  const deltas = new Map<string, number>();
  const sqlite = dialectOf(db) === 'sqlite';
  const old = await db.selectFrom('item_search').select(['name', (sqlite ? sql<number>`rowid` : sql<number>`0`).as('rowid')]).where('item_id', 'in', ids).execute();
  if (old.length === 0) return deltas;
  if (sqlite) await sql`delete from item_fts where rowid in (${sql.join(old.map((r) => r.rowid))})`.execute(db);
  await db.deleteFrom('item_search').where('item_id', 'in', ids).execute();
  for (const r of old) deltas.set(r.name, (deltas.get(r.name) ?? 0) - 1);
  return deltas;
}

/** Removes items from search (cancelled, secret, or no effective version). */
export async function unindexItems(db: Kysely<Database>, itemIds: string[]): Promise<void> {
  for (let i = 0; i < itemIds.length; i += 500) await countNames(db, await dropRows(db, itemIds.slice(i, i + 500)));
}

/** Removes an item from search (cancelled or no effective version). */
export async function unindexItem(db: Kysely<Database>, itemId: string): Promise<void> {
  await unindexItems(db, [itemId]);
}

export interface IndexRow {
  itemId: string;
  implementationCode: string;
  orgId: string;
  type: string;
  name: string;
  /** Every searchable word, the name first: codes, legal basis titles, keywords, handling items. */
  searchText: string;
}

/** Replaces the search rows and tokens of many items at once (bulk loads: one statement per chunk, not per item). */
export async function indexItems(db: Kysely<Database>, rows: IndexRow[]): Promise<void> {
  const pg = dialectOf(db) === 'postgres';
  for (let i = 0; i < rows.length; i += 300) {
    const chunk = rows.slice(i, i + 300);
    const deltas = await dropRows(db, chunk.map((r) => r.itemId));
    const tokens = chunk.map((r) => searchTokens(r.name, r.searchText));
    const insert = db.insertInto('item_search').values(chunk.map((r, j) => ({
      item_id: r.itemId, implementation_code: r.implementationCode, org_id: r.orgId, type: r.type, name: r.name, search_text: r.searchText.toLowerCase(),
      ...(pg ? { tokens: sql`${toTsvector(tokens[j])}::tsvector` } : {}),
    })));
    if (pg) await insert.execute();
    else {
      // The FTS5 row is keyed by the search row's rowid, which the insert hands back.
      const rowids = new Map((await insert.returning(['item_id', sql<number>`rowid`.as('rowid')]).execute()).map((r) => [r.item_id, r.rowid]));
      await sql`insert into item_fts (rowid, tokens) values ${sql.join(chunk.map((r, j) => sql`(${rowids.get(r.itemId)}, ${tokens[j].join(' ')})`))}`.execute(db);
    }
    for (const r of chunk) deltas.set(r.name, (deltas.get(r.name) ?? 0) + 1);
    await countNames(db, deltas);
  }
}
