// Serialising appends to a sequence across processes: the one dialect-specific lock of the write path.
import { type Kysely, sql } from 'kysely';
import type { Dialect } from './database.ts';
import type { Database } from './schema.ts';

const KEYS = { transparency_log: 7_150_627, publication: 7_150_628 } as const;

/**
 * Holds an exclusive lock named `name` until the caller's transaction ends. PostgreSQL: a transaction-level
 * advisory lock; SQLite: nothing to do, since every write transaction already holds the database's write lock
 * (BEGIN IMMEDIATE in our adapter).
 */
export async function lockForTransaction(trx: Kysely<Database>, dialect: Dialect, name: keyof typeof KEYS): Promise<void> {
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(${KEYS[name]})`.execute(trx);
}
