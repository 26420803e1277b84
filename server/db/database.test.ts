import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { migrateToLatest } from './migrate.ts';
import { createTestDatabase, TEST_DIALECT } from '../test/test-app.ts';
import type { Db } from './database.ts';

describe(`database (${TEST_DIALECT})`, () => {
  let db: Db | undefined;
  afterEach(async () => {
    await db?.destroy();
    db = undefined;
  });

  it('migrates, seeds the 2004–2026 calendar and reports itself up to date on a second run', async () => {
    db = await createTestDatabase();
    const years = await db.db.selectFrom('calendar_year').select('year').orderBy('year').execute();
    expect(years.map((y) => y.year)).toEqual(Array.from({ length: 23 }, (_, i) => 2004 + i));
    const again = await migrateToLatest(db.db, db.dialect);
    expect(again.applied).toEqual([]);
  });

  it('reads timestamps, booleans and counts the same way on both dialects', async () => {
    db = await createTestDatabase();
    const now = new Date('2026-11-29T08:00:00.000Z').toISOString();
    await db.db.insertInto('org').values({
      id: 'o1', parent_id: null, kind: 'bureau', uscc: '11150626990000017B', level: 4, name_zh: '乌审旗政务服务局',
      name_en: null, name_mn: null, division_code: '150626', active: true, sort_order: 1, created_at: now, updated_at: now,
    }).execute();
    const row = await db.db.selectFrom('org').selectAll().executeTakeFirstOrThrow();
    expect(row.created_at).toBe(now);
    expect(Boolean(row.active)).toBe(true);
    const count = await db.db.selectFrom('org').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
    expect(typeof count.n).toBe('number');
  });

  it('answers a repeated query afresh after writes (SQLite reuses prepared statements), a stream too', async () => {
    db = await createTestDatabase();
    const now = new Date().toISOString();
    const row = (id: string, uscc: string) => ({
      id, parent_id: null, kind: 'department', uscc, level: 4, name_zh: id, name_en: null, name_mn: null, division_code: null, active: true, sort_order: 1, created_at: now, updated_at: now,
    });
    const query = () => db!.db.selectFrom('org').select('id').where('id', 'in', ['a', 'b', 'c']).orderBy('id');
    expect(await query().execute()).toEqual([]);
    await db.db.insertInto('org').values([row('a', '11150626MB0000001A'), row('b', '11150626MB0000002B')]).execute();
    expect((await query().execute()).map((r) => r.id)).toEqual(['a', 'b']);
    // Streams need a cursor on PostgreSQL, which this project does not configure.
    if (db.dialect === 'sqlite') {
      const streamed: string[] = [];
      for await (const r of query().stream()) streamed.push(r.id);
      expect(streamed).toEqual(['a', 'b']);
    }
    await db.db.insertInto('org').values([row('c', '11150626MB0000003C')]).execute();
    expect((await query().execute()).map((r) => r.id)).toEqual(['a', 'b', 'c']);
  });

  it('rolls a failing migration back completely and reports the error', async () => {
    db = await createTestDatabase();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qd-mig-'));
    fs.writeFileSync(
      path.join(dir, '2099-01-01T0000-broken.ts'),
      `export async function up(db) {
        await db.schema.createTable('half_done').addColumn('id', 'text').execute();
        await db.schema.createTable('half_done').addColumn('id', 'text').execute();
      }\n`,
    );
    await expect(migrateToLatest(db.db, db.dialect, dir)).rejects.toThrow();
    const tables = db.dialect === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name = 'half_done'`.execute(db.db)
      : await sql<{ name: string }>`select table_name as name from information_schema.tables where table_name = 'half_done'`.execute(db.db);
    expect(tables.rows).toEqual([]);
    const recorded = await db.db.selectFrom('schema_migration').select('name').where('name', '=', '2099-01-01T0000-broken').execute();
    expect(recorded).toEqual([]);
  });
});
