import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from './database.ts';
import { listMigrations, migrateToLatest } from './migrate.ts';
import { indexItems, searchItemIds, unindexItems, type IndexRow } from './search.ts';
import { otherFieldsQuery, searchTokens, toFts5, toTsquery, toTsvector } from './search-tokens.ts';
import { createTestDatabase, TEST_DIALECT } from '../test/test-app.ts';

// The token index against a plain substring oracle: whatever the index engine (FTS5 or tsvector), an item is found
// exactly when every term occurs in its search text, items holding every term in the name come first, and paging
// (fetch-and-sort or walking the code index) gives the same order.

describe('search tokens', () => {
  const tokens = (name: string, text: string) => searchTokens(name, text);
  const hex = (s: string) => Buffer.from(s).toString('hex');

  it('writes the name as bigrams then characters, and other words outside the name the same way', () => {
    expect(tokens('食品许可', '食品许可 食品 餐饮')).toEqual([
      `n${hex('食品')}`, `n${hex('品许')}`, `n${hex('许可')}`,
      `m${hex('食')}`, `m${hex('品')}`, `m${hex('许')}`, `m${hex('可')}`,
      // 食品 is part of the name: it adds nothing outside it.
      `o${hex('餐饮')}`, `p${hex('餐')}`, `p${hex('饮')}`,
    ]);
  });

  it('breaks two words where their bigram chains would read as one phrase', () => {
    // "xa ab": without a break, the bigrams xa, ab would match the phrase of "xab", which the text does not hold.
    expect(tokens('q', 'xa ab')).toEqual([`m${hex('q')}`, `o${hex('xa')}`, 'z', `o${hex('ab')}`, `p${hex('x')}`, `p${hex('a')}`, `p${hex('b')}`]);
    expect(tokens('q', 'xa ba').includes('z')).toBe(false);
  });

  it('renders one query for FTS5 and for tsquery', () => {
    const q = otherFieldsQuery(['食品', '许']);
    const [f, p] = [hex('食品'), hex('许')];
    expect(toFts5(q)).toBe(`(((n${f} OR o${f}) AND (m${p} OR p${p}) AND (o${f} OR p${p})) NOT (n${f} AND m${p}))`);
    expect(toTsquery(q)).toBe(`(((n${f} | o${f}) & (m${p} | p${p}) & (o${f} | p${p})) & !(n${f} & m${p}))`);
    expect(toFts5(otherFieldsQuery(['经营许']))).toBe(`("o${hex('经营')} o${hex('营许')}" NOT "n${hex('经营')} n${hex('营许')}")`);
    expect(toTsvector(['a1', 'z', 'a1', 'b2'])).toBe('a1:1,3 z:2 b2:4');
  });
});

describe(`search over the token index (${TEST_DIALECT})`, () => {
  let db: Db;
  const now = new Date().toISOString();
  // A small alphabet makes terms collide often: names, keywords, codes and Latin letters.
  const ALPHABET = [...'食品许可证经营ab12'];
  let seed = 20261129;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];
  const word = (min: number, max: number) => Array.from({ length: min + Math.floor(random() * (max - min + 1)) }, () => pick(ALPHABET)).join('');
  let rows: IndexRow[] = [];

  async function load(count: number): Promise<IndexRow[]> {
    await db.db.insertInto('org').values({ id: 'o1', parent_id: null, kind: 'department', uscc: '11150626MB0000001X', level: 4, name_zh: '部门', name_en: null, name_mn: null, division_code: null, active: true, sort_order: 1, created_at: now, updated_at: now }).execute();
    await db.db.insertInto('catalogue_item').values({ id: 'c1', basic_code: '000000000001', local_code: null, origin: 'provincial', current_version_no: 1, created_at: now, updated_at: now }).execute();
    const made: IndexRow[] = [];
    for (let i = 0; i < count; i++) {
      const id = `item-${i}`;
      const code = `CODE${String((i * 7919) % 100_000).padStart(6, '0')}`;
      await db.db.insertInto('item').values({ id, implementation_code: code, org_id: 'o1', catalogue_item_id: 'c1', level_digit: 4, review_needed: false, review_catalogue_version_no: null, review_diff: null, created_at: now, updated_at: now }).execute();
      const name = random() < 0.2 ? `${word(1, 3)} ${word(2, 4)}` : word(2, 6);
      // Other words: fresh ones, and sometimes a piece of the name (a keyword repeating the name's subject).
      const others = Array.from({ length: Math.floor(random() * 4) }, () => (random() < 0.3 ? name.replace(' ', '').slice(0, 2) : word(1, 5)));
      made.push({ itemId: id, implementationCode: code, orgId: 'o1', type: random() < 0.5 ? '01' : '02', name, searchText: [name, code, ...others].join(' ') });
    }
    // Words whose bigram chains meet (经营 营许, ab ba): neither 经营许 nor aba may be found in them.
    made[count - 1] = { ...made[count - 1], name: '海豹登记', searchText: `海豹登记 ${made[count - 1].implementationCode} 经营 营许 ab ba` };
    await indexItems(db.db, made);
    return made;
  }

  /** The oracle: every term is a substring of the search text; rank by "all terms in the name", then code. */
  function expected(q: string, type?: string): { inName: string[]; outside: string[] } {
    const terms = q.toLowerCase().split(' ').filter(Boolean);
    const hits = rows.filter((r) => (!type || r.type === type) && terms.every((t) => r.searchText.toLowerCase().includes(t)));
    const inName = hits.filter((r) => terms.every((t) => r.name.toLowerCase().includes(t)));
    const outside = hits.filter((r) => !inName.includes(r)).sort((a, b) => (a.implementationCode < b.implementationCode ? -1 : 1));
    return { inName: inName.map((r) => r.itemId), outside: outside.map((r) => r.itemId) };
  }

  const queries = () => {
    const qs = ['食', '品', 'a', '1', '食品', '许可', 'ab', '经营许', 'aba', 'code0', '食品 许', 'a 1 证', '许可 经营 食'];
    for (let i = 0; i < 40; i++) qs.push(Array.from({ length: 1 + Math.floor(random() * 3) }, () => word(1, 4)).join(' '));
    return qs;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    rows = await load(300);
  });
  afterAll(async () => {
    await db?.destroy();
  });

  it('finds exactly the items holding every term, name matches first, the rest in code order', async () => {
    for (const q of queries()) {
      for (const type of [undefined, '01']) {
        const want = expected(q, type);
        const got = await searchItemIds(db.db, db.dialect, q, { type }, 1000, 0);
        expect({ q, total: got.total }).toEqual({ q, total: want.inName.length + want.outside.length });
        expect({ q, names: [...got.itemIds.slice(0, want.inName.length)].sort() }).toEqual({ q, names: [...want.inName].sort() });
        expect({ q, outside: got.itemIds.slice(want.inName.length) }).toEqual({ q, outside: want.outside });
      }
    }
  });

  it('pages of five give the same order as one page, whichever way a page is found', async () => {
    for (const q of ['食', 'a', '品 1', '许可', '证 经']) {
      const whole = (await searchItemIds(db.db, db.dialect, q, {}, 1000, 0)).itemIds;
      const paged: string[] = [];
      for (let offset = 0; offset < whole.length; offset += 5) paged.push(...(await searchItemIds(db.db, db.dialect, q, {}, 5, offset)).itemIds);
      expect({ q, paged }).toEqual({ q, paged: whole });
    }
  });

  it('follows re-indexing and removal', async () => {
    const first = rows[0];
    const renamed = { ...first, name: '鲸鱼登记', searchText: `鲸鱼登记 ${first.implementationCode} 海洋` };
    await indexItems(db.db, [renamed]);
    rows = [renamed, ...rows.slice(1)];
    expect((await searchItemIds(db.db, db.dialect, '鲸鱼', {}, 10, 0)).itemIds).toEqual([first.itemId]);
    expect((await searchItemIds(db.db, db.dialect, '海洋', {}, 10, 0)).itemIds).toEqual([first.itemId]);
    expect((await searchItemIds(db.db, db.dialect, '鲸 海', {}, 10, 0)).itemIds).toEqual([first.itemId]);
    await unindexItems(db.db, [first.itemId]);
    rows = rows.slice(1);
    expect((await searchItemIds(db.db, db.dialect, '海洋', {}, 10, 0)).total).toBe(0);
    const want = expected('食');
    expect((await searchItemIds(db.db, db.dialect, '食', {}, 1000, 0)).total).toBe(want.inName.length + want.outside.length);
  });
});

describe(`the migration to search tokens (${TEST_DIALECT})`, () => {
  it('indexes the search rows a list already had, so they are found as before', async () => {
    // A database as it stood before 2026-11-29T1700-search-tokens, with two items in search.
    const migrations = path.join(import.meta.dirname, 'migrations');
    const before = fs.mkdtempSync(path.join(os.tmpdir(), 'qd-migrations-'));
    for (const file of listMigrations(migrations).filter((f) => f < '2026-11-29T1700')) fs.symlinkSync(path.join(migrations, file), path.join(before, file));
    const db = await createTestDatabase({ migrationsDir: before });
    try {
      const now = new Date().toISOString();
      await db.db.insertInto('org').values({ id: 'o1', parent_id: null, kind: 'department', uscc: '11150626MB0000001X', level: 4, name_zh: '部门', name_en: null, name_mn: null, division_code: null, active: true, sort_order: 1, created_at: now, updated_at: now }).execute();
      await db.db.insertInto('catalogue_item').values({ id: 'c1', basic_code: '000000000001', local_code: null, origin: 'provincial', current_version_no: 1, created_at: now, updated_at: now }).execute();
      const rows = [
        { id: 'i1', code: 'CODE000001', name: '食品经营许可', text: '食品经营许可 code000001 《中华人民共和国食品安全法》 餐饮' },
        { id: 'i2', code: 'CODE000002', name: '网络交易平台备案', text: '网络交易平台备案 code000002 《中华人民共和国电子商务法》 食品' },
      ];
      for (const r of rows) {
        await db.db.insertInto('item').values({ id: r.id, implementation_code: r.code, org_id: 'o1', catalogue_item_id: 'c1', level_digit: 4, review_needed: false, review_catalogue_version_no: null, review_diff: null, created_at: now, updated_at: now }).execute();
        await sql`insert into item_search (item_id, implementation_code, org_id, type, name, search_text) values (${r.id}, ${r.code}, 'o1', '01', ${r.name}, ${r.text})`.execute(db.db);
        await sql`insert into search_name (name, name_lower, name_len, n) values (${r.name}, ${r.name}, ${[...r.name].length}, 1)`.execute(db.db);
      }
      expect((await migrateToLatest(db.db, db.dialect)).applied).toContain('2026-11-29T1700-search-tokens');
      const found = async (q: string) => (await searchItemIds(db.db, db.dialect, q, {}, 10, 0)).itemIds;
      expect(await found('食品')).toEqual(['i1', 'i2']);
      expect(await found('电子商务')).toEqual(['i2']);
      expect(await found('食品 安全法')).toEqual(['i1']);
      expect(await found('餐')).toEqual(['i1']);
      expect(await found('code000002')).toEqual(['i2']);
      // And the index stays writable: re-indexing an item replaces its old tokens.
      await indexItems(db.db, [{ itemId: 'i2', implementationCode: 'CODE000002', orgId: 'o1', type: '01', name: '网络交易平台备案', searchText: '网络交易平台备案 code000002' }]);
      expect(await found('电子商务')).toEqual([]);
    } finally {
      await db.destroy();
      fs.rmSync(before, { recursive: true, force: true });
    }
  });
});
