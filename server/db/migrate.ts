import fs from 'node:fs';
import path from 'node:path';
import { type Kysely, sql } from 'kysely';
import type { Dialect } from './database.ts';

export interface Migration {
  up(db: Kysely<any>): Promise<void>;
}

export interface MigrationResult {
  applied: string[];
}

const MIGRATIONS_DIR = path.join(import.meta.dirname, 'migrations');
// Arbitrary but fixed: every process migrating the same PostgreSQL database queues on this lock.
const PG_LOCK_KEY = 7_150_626;

/** Lists migration files in name order; names are ISO-dated so order is time order. */
export function listMigrations(dir = MIGRATIONS_DIR): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}-\d{2}-\d{2}T\d{4}-[a-z0-9-]+\.ts$/.test(f))
    .sort();
}

/**
 * Applies pending migrations, each in its own transaction together with its bookkeeping row,
 * so a failure leaves the database as it was before that migration (on both dialects).
 * @throws the migration's error after rolling it back
 */
export async function migrateToLatest(db: Kysely<any>, dialect: Dialect, dir = MIGRATIONS_DIR): Promise<MigrationResult> {
  await db.schema
    .createTable('schema_migration')
    .ifNotExists()
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('applied_at', 'text', (c) => c.notNull())
    .execute();
  const applied: string[] = [];
  for (const file of listMigrations(dir)) {
    const name = file.replace(/\.ts$/, '');
    const mod = (await import(path.join(dir, file))) as Migration;
    const didApply = await db.transaction().execute(async (trx) => {
      if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(${PG_LOCK_KEY})`.execute(trx);
      const done = await trx.selectFrom('schema_migration').select('name').where('name', '=', name).executeTakeFirst();
      if (done) return false;
      await mod.up(trx);
      await trx.insertInto('schema_migration').values({ name, applied_at: new Date().toISOString() }).execute();
      return true;
    });
    if (didApply) applied.push(name);
  }
  return { applied };
}
