// Chinese search over the current list. The only dialect-specific queries of the list live here:
// SQLite FTS5 trigram vs PostgreSQL pg_trgm for ≥ 3 characters; a shared gram table for 1–2 characters.
import { type Kysely, sql } from 'kysely';
import type { Dialect } from './database.ts';
import type { Database } from './schema.ts';

export const SEARCH_COUNT_CAP = 10_000;
// Ranking sorts at most this many candidates: enough for any page a person reads, bounded for very common terms.
const CANDIDATE_LIMIT = 5_000;

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

/**
 * Item ids matching every term, best first (exact name, name prefix, name contains, other fields),
 * with the total capped at SEARCH_COUNT_CAP.
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
  // The longest term drives the index; the others filter the candidates.
  const main = [...terms].sort((a, b) => [...b].length - [...a].length)[0];
  const rest = terms.filter((t) => t !== main);
  const whole = terms.join(' ');

  // The index already guarantees the main term (a gram hit or an FTS5 trigram phrase is a substring match), so only
  // PostgreSQL, whose trigram index serves the LIKE itself, filters on it; every other term filters the candidates.
  const where = (alias: string, mainFromIndex: boolean) => {
    const parts = [
      sql`1 = 1`,
      ...(filters.orgId ? [sql`${sql.ref(`${alias}.org_id`)} = ${filters.orgId}`] : []),
      ...(filters.type ? [sql`${sql.ref(`${alias}.type`)} = ${filters.type}`] : []),
      ...(mainFromIndex ? rest : [main, ...rest]).map((t) => sql`${sql.ref(`${alias}.search_text`)} like ${`%${escapeLike(t)}%`} escape '\\'`),
    ];
    return sql.join(parts, sql` and `);
  };

  let candidates;
  if ([...main].length <= 2) {
    candidates = sql`select s.item_id, s.name, s.implementation_code from item_gram g join item_search s on s.item_id = g.item_id
      where g.gram = ${main} and ${where('s', true)}`;
  } else if (dialect === 'sqlite') {
    const phrase = `"${main.replace(/"/g, '""')}"`;
    candidates = sql`select s.item_id, s.name, s.implementation_code from item_search_fts f join item_search s on s.rowid = f.rowid
      where item_search_fts match ${phrase} and ${where('s', true)}`;
  } else {
    candidates = sql`select s.item_id, s.name, s.implementation_code from item_search s where ${where('s', false)}`;
  }

  const counted = await sql<{ n: number }>`select count(*) as n from (${candidates} limit ${SEARCH_COUNT_CAP + 1}) c`.execute(db);
  const total = Number(counted.rows[0]?.n ?? 0);
  const likeWhole = `%${escapeLike(whole)}%`;
  const ranked = await sql<{ item_id: string }>`select c.item_id from (${candidates} limit ${CANDIDATE_LIMIT}) c
    order by case when lower(c.name) = ${whole} then 0
                  when lower(c.name) like ${`${escapeLike(whole)}%`} escape '\\' then 1
                  when lower(c.name) like ${likeWhole} escape '\\' then 2
                  when lower(c.implementation_code) = ${whole} then 0
                  else 3 end,
             length(c.name), c.implementation_code
    limit ${limit} offset ${offset}`.execute(db);
  return { itemIds: ranked.rows.map((r) => r.item_id), total: Math.min(total, SEARCH_COUNT_CAP), capped: total > SEARCH_COUNT_CAP };
}

/** Removes an item from search (cancelled or no effective version). */
export async function unindexItem(db: Kysely<Database>, itemId: string): Promise<void> {
  await db.deleteFrom('item_gram').where('item_id', '=', itemId).execute();
  await db.deleteFrom('item_search').where('item_id', '=', itemId).execute();
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

/** Replaces the search rows and grams of many items at once (bulk loads: one statement per chunk, not per item). */
export async function indexItems(db: Kysely<Database>, rows: IndexRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 300) {
    const chunk = rows.slice(i, i + 300);
    const ids = chunk.map((r) => r.itemId);
    await db.deleteFrom('item_gram').where('item_id', 'in', ids).execute();
    await db.deleteFrom('item_search').where('item_id', 'in', ids).execute();
    await db
      .insertInto('item_search')
      .values(chunk.map((r) => ({ item_id: r.itemId, implementation_code: r.implementationCode, org_id: r.orgId, type: r.type, name: r.name, search_text: r.searchText.toLowerCase() })))
      .execute();
    const grams = chunk.flatMap((r) => gramsOf(r.gramText).map((gram) => ({ gram, item_id: r.itemId })));
    for (let j = 0; j < grams.length; j += 500) await db.insertInto('item_gram').values(grams.slice(j, j + 500)).execute();
  }
}
