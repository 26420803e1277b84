// The search index's tokens, the same on both dialects (SQLite FTS5 with the ascii tokenizer; a PostgreSQL tsvector
// with a GIN index), so that "食品 AND 许可, not both in the name" is one posting-list merge inside the index engine.
// See docs/decisions/0012-search-tokens.md.
//
// Every token is a namespace letter and the hex of UTF-8 bytes (no tokenizer, locale or parser can split or fold it):
//   n<hex>  a character bigram of the name, in text order (a phrase of bigrams is a substring of 3+ characters)
//   m<hex>  a character of the name (1-character queries)
//   o<hex>  a bigram of the other searchable words (codes, legal basis titles, keywords, handling items)
//   p<hex>  a character of those words
//   z       a word break, written only where two bigram chains would otherwise join into a false phrase
// "Other" words leave out every word that is part of the name (a keyword 食品 of 食品经营许可 adds nothing), so a term
// found under o/p is a term outside the name, which is what the "other fields" search tier asks for.

/** Lower-cased, whitespace-folded terms of a query (at most 5). */
export function searchTerms(q: string): string[] {
  return q.toLowerCase().replace(/\s+/g, ' ').trim().split(' ').filter(Boolean).slice(0, 5);
}

// Positions beyond this are not written: PostgreSQL keeps positions up to 16,383, and both dialects must agree.
const MAX_POSITIONS = 16_000;

const hex = (s: string) => Buffer.from(s, 'utf8').toString('hex');

/** Appends a bigram chain per word (with a word break where needed) and then the distinct characters. */
function appendWords(out: string[], words: Iterable<string>, bigram: string, char: string): void {
  const chars = new Set<string>();
  let last: string | null = null;
  for (const word of words) {
    const cs = [...word];
    for (const c of cs) chars.add(c);
    if (cs.length < 2) continue;
    // A chain ending in x followed by one starting with x would read as one phrase across the words.
    if (last === cs[0]) out.push('z');
    for (let i = 0; i + 1 < cs.length; i++) out.push(bigram + hex(cs[i] + cs[i + 1]));
    last = cs[cs.length - 1];
  }
  for (const c of chars) out.push(char + hex(c));
}

/** The token sequence of an item: its name, then the other words of its search text that are not part of the name. */
export function searchTokens(name: string, searchText: string): string[] {
  const lowerName = name.toLowerCase();
  const out: string[] = [];
  appendWords(out, lowerName.split(/\s+/).filter(Boolean), 'n', 'm');
  const other = new Set(searchText.toLowerCase().split(/\s+/).filter((w) => w && !lowerName.includes(w)));
  appendWords(out, other, 'o', 'p');
  return out.length > MAX_POSITIONS ? out.slice(0, MAX_POSITIONS) : out;
}

/** A query over the tokens, rendered for either engine. */
export type TokenQuery =
  | { kind: 'phrase'; tokens: string[] }
  | { kind: 'and' | 'or'; of: TokenQuery[] }
  | { kind: 'not'; of: TokenQuery; but: TokenQuery };

/** A term in the name (`name`) or outside it (`other`): one token, or a phrase of bigrams for 3+ characters. */
function termIn(term: string, where: 'name' | 'other'): TokenQuery {
  const cs = [...term];
  if (cs.length === 1) return { kind: 'phrase', tokens: [(where === 'name' ? 'm' : 'p') + hex(term)] };
  const prefix = where === 'name' ? 'n' : 'o';
  return { kind: 'phrase', tokens: cs.slice(1).map((c, i) => prefix + hex(cs[i] + c)) };
}

const all = (of: TokenQuery[]): TokenQuery => (of.length === 1 ? of[0] : { kind: 'and', of });
const any = (of: TokenQuery[]): TokenQuery => (of.length === 1 ? of[0] : { kind: 'or', of });

/**
 * Items where every term occurs (in the name or elsewhere) but not every term in the name: the "other fields" tier.
 * One term: outside the name and not in it. Several: each term somewhere, one of them outside the name (what makes
 * the merge start from the short outside postings), not all of them in the name.
 */
export function otherFieldsQuery(terms: string[]): TokenQuery {
  const inName = terms.map((t) => termIn(t, 'name'));
  const outside = terms.map((t) => termIn(t, 'other'));
  if (terms.length === 1) return { kind: 'not', of: outside[0], but: inName[0] };
  const everywhere = terms.map((_, i) => any([inName[i], outside[i]]));
  return { kind: 'not', of: all([...everywhere, any(outside)]), but: all(inName) };
}

/** The FTS5 query syntax (tokens are letters and hex digits, so they need no quoting). */
export function toFts5(q: TokenQuery): string {
  switch (q.kind) {
    case 'phrase':
      return q.tokens.length === 1 ? q.tokens[0] : `"${q.tokens.join(' ')}"`;
    case 'and':
      return `(${q.of.map(toFts5).join(' AND ')})`;
    case 'or':
      return `(${q.of.map(toFts5).join(' OR ')})`;
    case 'not':
      return `(${toFts5(q.of)} NOT ${toFts5(q.but)})`;
  }
}

/** The PostgreSQL tsquery syntax (read with `::tsquery`, which takes lexemes as written). */
export function toTsquery(q: TokenQuery): string {
  switch (q.kind) {
    case 'phrase':
      return q.tokens.length === 1 ? q.tokens[0] : `(${q.tokens.join(' <-> ')})`;
    case 'and':
      return `(${q.of.map(toTsquery).join(' & ')})`;
    case 'or':
      return `(${q.of.map(toTsquery).join(' | ')})`;
    case 'not':
      return `(${toTsquery(q.of)} & !${toTsquery(q.but)})`;
  }
}

/** The tokens as a PostgreSQL tsvector literal: each token with its 1-based positions. */
export function toTsvector(tokens: string[]): string {
  const positions = new Map<string, number[]>();
  tokens.forEach((t, i) => {
    const p = positions.get(t);
    if (p) p.push(i + 1);
    else positions.set(t, [i + 1]);
  });
  return [...positions].map(([t, p]) => `${t}:${p.join(',')}`).join(' ');
}
