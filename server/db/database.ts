import fs from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresAdapter, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { NodeSqliteDatabase, sqliteDatabaseOf } from './sqlite-driver.ts';
import type { Database } from './schema.ts';

export type Dialect = 'sqlite' | 'postgres';

/** Whether an error is a unique-constraint violation (PostgreSQL 23505, SQLite "UNIQUE constraint failed"). */
export function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: unknown; message?: unknown };
  return err?.code === '23505' || (typeof err?.message === 'string' && err.message.includes('UNIQUE constraint failed'));
}

/** The dialect under a Kysely instance or transaction (for the few queries that differ, where no context is at hand). */
export function dialectOf(db: Kysely<any>): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

export interface Db {
  db: Kysely<Database>;
  dialect: Dialect;
  /** The raw node:sqlite handle (SQLite only): bulk loaders in benchmarks use it directly. */
  sqlite?: import('node:sqlite').DatabaseSync;
  destroy(): Promise<void>;
}

// PostgreSQL answers timestamps as Date and bigints as strings; SQLite stores ISO text and numbers.
// Parse both the same way so services never see a dialect difference.
pg.types.setTypeParser(1184, (v) => new Date(v).toISOString()); // timestamptz
pg.types.setTypeParser(1114, (v) => new Date(`${v}Z`).toISOString()); // timestamp
pg.types.setTypeParser(1082, (v) => v); // date stays YYYY-MM-DD
pg.types.setTypeParser(20, (v) => Number(v)); // int8 (count(*))
pg.types.setTypeParser(1700, (v) => Number(v)); // numeric

/**
 * A pg client whose promise-returning `query(sql, params)` (the form Kysely calls) runs through pg's callback form.
 * pg's own promise form keeps each result reachable for longer, so V8 sees rows survive its young-generation
 * collections and doubles that generation, twice (measured, same 100,000-row scan: 267 MiB peak RSS through
 * pg's promise form, 120 MiB through its callback form; the list export on PostgreSQL 299 → 186 MiB). Why pg's
 * promise chain does that is not pinned down; what is measured is the difference.
 */
class CallbackQueryClient extends pg.Client {
  override query(...args: any[]): any {
    const [text, values, callback] = args;
    if (typeof text === 'string' && Array.isArray(values) && callback === undefined) {
      return new Promise((resolve, reject) => super.query(text, values, (err: Error | null, result: pg.QueryResult) => (err ? reject(err) : resolve(result))));
    }
    return (super.query as (...a: any[]) => any)(...args);
  }
}

/** Opens the database named by a `sqlite:` or `postgres://` URL. */
export function openDatabase(url: string): Db {
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length) || ':memory:';
    if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    const database = new NodeSqliteDatabase(file);
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
    sqliteDatabaseOf.set(db, database);
    return { db, dialect: 'sqlite', sqlite: database.raw, destroy: () => db.destroy() };
  }
  const pool = new pg.Pool({ connectionString: url, max: 10, Client: CallbackQueryClient });
  // An idle client whose server connection ends (restart, admin termination) emits 'error' on the pool;
  // unhandled, that would crash the process. The pool drops the client and the next query reconnects.
  pool.on('error', (error) => {
    process.stderr.write(`qingdan: idle PostgreSQL connection lost: ${error.message}\n`);
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', destroy: () => db.destroy() };
}

/** Cheap liveness query for /readyz. */
export async function pingDatabase(db: Kysely<Database>): Promise<void> {
  await sql`select 1`.execute(db);
}
