// Frozen migration: one token index answers every search term on both dialects (docs/decisions/0012-search-tokens.md).
// - SQLite: item_fts, a contentless FTS5 table (ascii tokenizer) keyed by item_search.rowid, replaces the trigram
//   table item_search_fts and its triggers;
// - PostgreSQL: item_search.tokens, a tsvector with a GIN index, replaces the pg_trgm index on search_text;
// - item_gram (1–2 character postings) goes: the tokens hold character unigrams and bigrams.
// The tokens are computed here by a frozen copy of server/db/search-tokens.ts as it stood when this was written.
import { type Kysely, sql } from 'kysely';

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter.constructor.name.startsWith('Postgres');
}

const hex = (s: string) => Buffer.from(s, 'utf8').toString('hex');

function appendWords(out: string[], words: Iterable<string>, bigram: string, char: string): void {
  const chars = new Set<string>();
  let last: string | null = null;
  for (const word of words) {
    const cs = [...word];
    for (const c of cs) chars.add(c);
    if (cs.length < 2) continue;
    if (last === cs[0]) out.push('z');
    for (let i = 0; i + 1 < cs.length; i++) out.push(bigram + hex(cs[i] + cs[i + 1]));
    last = cs[cs.length - 1];
  }
  for (const c of chars) out.push(char + hex(c));
}

function tokensOf(name: string, searchText: string): string[] {
  const lowerName = name.toLowerCase();
  const out: string[] = [];
  appendWords(out, lowerName.split(/\s+/).filter(Boolean), 'n', 'm');
  appendWords(out, new Set(searchText.toLowerCase().split(/\s+/).filter((w) => w && !lowerName.includes(w))), 'o', 'p');
  return out.slice(0, 16_000);
}

function tsvectorOf(tokens: string[]): string {
  const positions = new Map<string, number[]>();
  tokens.forEach((t, i) => {
    const p = positions.get(t);
    if (p) p.push(i + 1);
    else positions.set(t, [i + 1]);
  });
  return [...positions].map(([t, p]) => `${t}:${p.join(',')}`).join(' ');
}

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  await db.schema.dropTable('item_gram').execute();
  if (pg) {
    await sql`drop index item_search_trgm_idx`.execute(db);
    await sql`alter table item_search add column tokens tsvector`.execute(db);
  } else {
    await sql`drop trigger item_search_ai`.execute(db);
    await sql`drop trigger item_search_ad`.execute(db);
    await sql`drop trigger item_search_au`.execute(db);
    await sql`drop table item_search_fts`.execute(db);
    await sql`create virtual table item_fts using fts5(tokens, tokenize='ascii', content='', contentless_delete=1)`.execute(db);
  }
  // Every search row gets its tokens, a thousand rows at a time in key order.
  let after = '';
  for (;;) {
    const rows = (await sql<{ item_id: string; rowid: number; name: string; search_text: string }>`
      select item_id, ${pg ? sql`0` : sql`rowid`} as rowid, name, search_text from item_search
      where item_id > ${after} order by item_id limit 1000`.execute(db)).rows;
    if (rows.length === 0) break;
    after = rows[rows.length - 1].item_id;
    if (pg) {
      const values = sql.join(rows.map((r) => sql`(${r.item_id}, ${tsvectorOf(tokensOf(r.name, r.search_text))})`));
      await sql`update item_search s set tokens = v.tokens::tsvector from (values ${values}) as v(item_id, tokens) where s.item_id = v.item_id`.execute(db);
    } else {
      const values = sql.join(rows.map((r) => sql`(${r.rowid}, ${tokensOf(r.name, r.search_text).join(' ')})`));
      await sql`insert into item_fts (rowid, tokens) values ${values}`.execute(db);
    }
  }
  if (pg) {
    await sql`update item_search set tokens = ''::tsvector where tokens is null`.execute(db);
    await sql`alter table item_search alter column tokens set not null`.execute(db);
    await sql`create index item_search_tokens_idx on item_search using gin (tokens)`.execute(db);
  }
}
