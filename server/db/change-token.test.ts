import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { changeToken, changeTokenSoon } from './change-token.ts';
import { openDatabase, type Db } from './database.ts';
import { migrateToLatest } from './migrate.ts';
import { createTestDatabase, TEST_DIALECT } from '../test/test-app.ts';

const org = (id: string, now = new Date().toISOString()) => ({
  id, parent_id: null, kind: 'department', uscc: `11150626MB${id.padStart(8, '0')}`.slice(0, 18), level: 4, name_zh: `部门${id}`,
  name_en: null, name_mn: null, division_code: null, active: true, sort_order: 1, created_at: now, updated_at: now,
});

describe(`change token (${TEST_DIALECT})`, () => {
  const open: Db[] = [];
  afterEach(async () => {
    for (const db of open.splice(0)) await db.destroy();
  });

  it('stays while nothing is written and moves with a write on this connection', async () => {
    const db = await createTestDatabase();
    open.push(db);
    const first = await changeToken(db.db, db.dialect);
    if (db.dialect === 'postgres') {
      expect(first).toBeNull();
      return;
    }
    await db.db.selectFrom('org').selectAll().execute();
    expect(await changeToken(db.db, db.dialect)).toBe(first);
    await db.db.insertInto('org').values(org('1')).execute();
    const second = await changeToken(db.db, db.dialect);
    expect(second).not.toBe(first);
    expect(await changeToken(db.db, db.dialect)).toBe(second);
  });

  it.runIf(TEST_DIALECT === 'sqlite')('moves when another connection (another process) commits to the same file', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'qd-token-')), 'db.sqlite');
    const a = openDatabase(`sqlite:${file}`);
    open.push(a);
    await migrateToLatest(a.db, a.dialect);
    const b = openDatabase(`sqlite:${file}`);
    open.push(b);
    const before = await changeToken(a.db, a.dialect);
    expect(await changeToken(a.db, a.dialect)).toBe(before);
    await b.db.insertInto('org').values(org('2')).execute();
    const after = await changeToken(a.db, a.dialect);
    expect(after).not.toBe(before);
    // Read once per turn of the event loop for all callers of that turn, after their calls: a write committed before
    // a call is counted.
    await b.db.insertInto('org').values(org('5')).execute();
    const [x, y] = await Promise.all([changeTokenSoon(a.db, a.dialect), changeTokenSoon(a.db, a.dialect)]);
    expect(x).toBe(y);
    expect(x).not.toBe(after);
    expect(await changeTokenSoon(a.db, a.dialect)).toBe(x);
  });

  it.runIf(TEST_DIALECT === 'sqlite')('read during an open transaction, it already counts that transaction\'s writes (differs sooner, never later)', async () => {
    const db = await createTestDatabase();
    open.push(db);
    const before = await changeToken(db.db, db.dialect);
    let during: string | null = null;
    await db.db.transaction().execute(async (trx) => {
      await trx.insertInto('org').values(org('4')).execute();
      during = await changeToken(db.db, db.dialect);
    });
    expect(during).not.toBe(before);
    expect(await changeToken(db.db, db.dialect)).toBe(during);
  });

  it('the org table generation rises with every insert and update of an org', async () => {
    const db = await createTestDatabase();
    open.push(db);
    const generation = async () => (await db.db.selectFrom('table_generation').select('generation').where('name', '=', 'org').executeTakeFirstOrThrow()).generation;
    const g0 = await generation();
    await db.db.insertInto('org').values(org('3')).execute();
    const g1 = await generation();
    expect(g1).toBeGreaterThan(g0);
    // The same timestamp twice: a generation, unlike max(updated_at), still moves.
    await db.db.updateTable('org').set({ name_zh: '改名一' }).where('id', '=', '3').execute();
    const g2 = await generation();
    expect(g2).toBeGreaterThan(g1);
    await db.db.updateTable('org').set({ name_zh: '改名二' }).where('id', '=', '3').execute();
    expect(await generation()).toBeGreaterThan(g2);
  });
});
