// Chinese search over the current list. The only dialect-specific queries of the list live here:
// SQLite FTS5 trigram vs PostgreSQL pg_trgm for ≥ 3 characters; a shared gram table for 1–2 characters.
import { type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Dialect } from './database.ts';
import type { Database } from './schema.ts';

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

/** Lower-cased, whitespace-folded terms of a query (at most 5). */
export function searchTerms(q: string): string[] {
  return q.toLowerCase().replace(/\s+/g, ' ').trim().split(' ').filter(Boolean).slice(0, 5);
}

/** Unigrams and bigrams of a text, lower-cased, for the gram table (1–2 character queries). */
export function gramsOf(text: string): string[] {
  const grams = new Set<string>();
  for (const word of searchTerms(text)) {
    const chars = [...word];
    chars.forEach((c, i) => {
      grams.add(c);
      if (i + 1 < chars.length) grams.add(c + chars[i + 1]);
    });
  }
  return [...grams];
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
const likeAll = (column: ReturnType<typeof sql.ref>, terms: string[]) =>
  sql<SqlBool>`${sql.join(terms.map((t) => sql`${column} like ${`%${escapeLike(t)}%`} escape '\\'`), sql` and `)}`;

// "Other fields" hits up to this many are sorted (exact code first, then code order); past it a page walks the
// code index and filters, which finds a page quickly because such terms are dense (a division code, a common word).
const SORT_LIMIT = SEARCH_COUNT_CAP;

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

/**
 * Items holding `term` outside their name (keywords for 1–2 characters; codes, legal basis, keywords and handling
 * items for longer terms). Item ids; the candidates of the "other fields" tier.
 */
function outsideName(dialect: Dialect, term: string) {
  if ([...term].length <= 2) return sql`select g.item_id from item_gram g where g.gram = ${term} and g.in_name = 0`;
  if (dialect === 'sqlite') {
    const phrase = `"${term.replace(/"/g, '""')}"`;
    return sql`select s.item_id from item_search_fts f join item_search s on s.rowid = f.rowid where item_search_fts match ${`search_text : ${phrase} NOT name : ${phrase}`}`;
  }
  const like = `%${escapeLike(term)}%`;
  return sql`select s.item_id from item_search s join search_name sn on sn.name = s.name
    where s.search_text like ${like} escape '\\' and sn.name_lower not like ${like} escape '\\'`;
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
 * are ranked on the distinct names and paged per name on the (name, code) index, whatever the list size.
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

  // Tier 4: every term matches, but not all of them in the name.
  const filterSql = [
    ...(filters.orgId ? [sql`s.org_id = ${filters.orgId}`] : []),
    ...(filters.type ? [sql`s.type = ${filters.type}`] : []),
  ];
  // Every term matches (1–2 characters: a gram of the name or keywords; longer: anywhere in the search text), not
  // every term in the name. Gram checks take the item id alone, so they run before the item's row is read.
  const short = (t: string) => [...t].length <= 2;
  const gramOf = (id: string, t: string, inName: string) => sql`exists (select 1 from item_gram g where g.gram = ${t} and g.in_name in (${sql.raw(inName)}) and g.item_id = ${sql.ref(id)})`;
  const textOf = (t: string) => sql`s.search_text like ${`%${escapeLike(t)}%`} escape '\\'`;
  const matchesOf = (id: string) => sql.join([
    ...terms.map((t) => (short(t) ? gramOf(id, t, '0, 1') : textOf(t))),
    terms.every(short)
      ? sql`not (${sql.join(terms.map((t) => gramOf(id, t, '1')), sql` and `)})`
      : sql`not exists (select 1 from search_name sn where sn.name = s.name and ${likeAll(sql.ref('sn.name_lower'), terms)})`,
    ...filterSql,
  ], sql` and `);
  const candidates = terms.length === 1 ? outsideName(dialect, terms[0]) : sql.join(terms.map((t) => outsideName(dialect, t)), sql` union `);
  const tier4 = sql`select s.item_id, s.implementation_code from (${candidates}) c join item_search s on s.item_id = c.item_id where ${matchesOf('c.item_id')}`;

  // The other-field tier: counted from the postings alone where it can be (one term, or only 1–2 character terms,
  // and no filters), then paged either by walking the code index (cheap when hits are dense: a page needs about
  // page-end × list-size / hits rows) or by fetching all of it (≤ cap) and sorting: the exact code first, then code.
  let count4: number | null = null;
  let tier4Ids: string[] | null = null;
  const codeLike = /^[0-9a-z]{12,}$/.test(whole);
  if (nameTotal <= SEARCH_COUNT_CAP) {
    if (filterSql.length === 0 && (terms.length === 1 || terms.every(short))) {
      const onPostings = terms.length === 1
        ? candidates
        : sql`select c.item_id from (${candidates}) c where ${sql.join([...terms.map((t) => gramOf('c.item_id', t, '0, 1')), sql`not (${sql.join(terms.map((t) => gramOf('c.item_id', t, '1')), sql` and `)})`], sql` and `)}`;
      count4 = await countUpToCap(db, onPostings);
    }
    let walk = count4 !== null && count4 > SORT_LIMIT;
    if (count4 !== null && count4 > 0 && !walk && !codeLike && itemIds.length < limit) {
      const listSize = Number((await sql<{ n: number }>`select coalesce(sum(n), 0) as n from search_name`.execute(db)).rows[0]?.n ?? 0);
      walk = ((Math.max(0, offset - nameTotal) + limit) * listSize) / count4 < count4;
    }
    if (count4 === 0) tier4Ids = [];
    else if (!walk && itemIds.length < limit) {
      const rows = (await sql<{ item_id: string; implementation_code: string }>`${tier4} limit ${SEARCH_COUNT_CAP + 1}`.execute(db)).rows;
      count4 = rows.length;
      if (rows.length <= SORT_LIMIT) {
        const exactCode = whole.toUpperCase();
        const key = (r: { implementation_code: string }) => `${r.implementation_code === exactCode ? 0 : 1}${r.implementation_code}`;
        tier4Ids = rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)).map((r) => r.item_id);
      }
    } else if (count4 === null) {
      // Filters or longer terms among several: the count needs the rows.
      count4 = await countUpToCap(db, tier4);
    }
  }
  if (itemIds.length < limit) {
    const want = limit - itemIds.length;
    const from = Math.max(0, offset - nameTotal);
    if (tier4Ids) itemIds.push(...tier4Ids.slice(from, from + want));
    else if (count4 !== 0) {
      const page = await sql<{ item_id: string }>`select s.item_id from item_search s where ${matchesOf('s.item_id')} order by s.implementation_code limit ${want} offset ${from}`.execute(db);
      itemIds.push(...page.rows.map((r) => r.item_id));
    }
  }
  count4 ??= 0;
  const total = nameTotal + count4;
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
 * Deletes the search rows and grams of these items (at most a chunk) and returns the name counts to take off:
 * one name −1 per row that was there.
 */
async function dropRows(db: Kysely<Database>, ids: string[]): Promise<Map<string, number>> {
  const deltas = new Map<string, number>();
  const old = await db.selectFrom('item_search').select('name').where('item_id', 'in', ids).execute();
  if (old.length === 0) return deltas;
  await db.deleteFrom('item_gram').where('item_id', 'in', ids).execute();
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
  searchText: string;
  gramText: string;
}

/** Grams of an item's name and keywords, each marked whether it occurs in the name. */
export function gramRowsOf(row: Pick<IndexRow, 'itemId' | 'name' | 'gramText'>): Array<{ gram: string; in_name: number; item_id: string }> {
  const name = row.name.toLowerCase();
  return gramsOf(row.gramText).map((gram) => ({ gram, in_name: name.includes(gram) ? 1 : 0, item_id: row.itemId }));
}

/** Replaces the search rows and grams of many items at once (bulk loads: one statement per chunk, not per item). */
export async function indexItems(db: Kysely<Database>, rows: IndexRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 300) {
    const chunk = rows.slice(i, i + 300);
    const deltas = await dropRows(db, chunk.map((r) => r.itemId));
    await db
      .insertInto('item_search')
      .values(chunk.map((r) => ({ item_id: r.itemId, implementation_code: r.implementationCode, org_id: r.orgId, type: r.type, name: r.name, search_text: r.searchText.toLowerCase() })))
      .execute();
    for (const r of chunk) deltas.set(r.name, (deltas.get(r.name) ?? 0) + 1);
    await countNames(db, deltas);
    const grams = chunk.flatMap((r) => gramRowsOf(r));
    for (let j = 0; j < grams.length; j += 500) await db.insertInto('item_gram').values(grams.slice(j, j + 500)).execute();
  }
}
