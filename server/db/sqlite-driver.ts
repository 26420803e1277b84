import { DatabaseSync, type StatementSync, type SQLInputValue } from 'node:sqlite';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

// node:sqlite rejects booleans and Dates as parameters: store them the way PostgreSQL's text form reads back.
function toSqlite(value: unknown): SQLInputValue {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return value.toISOString();
  if (value === undefined) return null;
  return value as SQLInputValue;
}

class NodeSqliteStatement implements SqliteStatement {
  readonly reader: boolean;
  #stmt: StatementSync;

  constructor(stmt: StatementSync) {
    this.#stmt = stmt;
    // StatementSync has no `reader` flag: a statement that yields columns reads.
    this.reader = stmt.columns().length > 0;
  }

  all(parameters: ReadonlyArray<unknown>): unknown[] {
    return this.#stmt.all(...parameters.map(toSqlite));
  }

  run(parameters: ReadonlyArray<unknown>): { changes: number | bigint; lastInsertRowid: number | bigint } {
    return this.#stmt.run(...parameters.map(toSqlite));
  }

  iterate(parameters: ReadonlyArray<unknown>): IterableIterator<unknown> {
    return this.#stmt.iterate(...parameters.map(toSqlite)) as IterableIterator<unknown>;
  }
}

// Prepared statements by SQL text, least recently used dropped first: preparing costs more than running most of our
// queries (a join with subqueries: ~150 µs to prepare, ~10 µs to run). Kysely runs one query at a time on a SQLite
// connection, a stream included (it holds the connection until it ends), so a cached statement is never in use twice.
const STATEMENT_CACHE_SIZE = 256;

/** The adapter under a Kysely instance opened by `openDatabase` (SQLite only). */
export const sqliteDatabaseOf = new WeakMap<object, NodeSqliteDatabase>();

/** Adapts node:sqlite's DatabaseSync to the synchronous database shape Kysely's SqliteDialect expects. */
export class NodeSqliteDatabase implements SqliteDatabase {
  readonly raw: DatabaseSync;
  #statements = new Map<string, NodeSqliteStatement>();

  constructor(filename: string) {
    this.raw = new DatabaseSync(filename, { enableForeignKeyConstraints: true });
    if (filename !== ':memory:') this.raw.exec('PRAGMA journal_mode = WAL');
    this.raw.exec('PRAGMA busy_timeout = 5000');
    this.raw.exec('PRAGMA synchronous = NORMAL');
    // A bulk write (a 10,000-row import into a 1M-item list) touches far more pages than the default 2 MiB cache holds,
    // and each multi-row INSERT writes a statement journal to a temporary file once it passes 64 KiB unless temporary
    // storage is in memory: together 6.2 s → 4.4 s of CPU for that import. Temporary tables are then held in memory
    // too (large sorts still spill to files), and so would a plain VACUUM's copy: vacuum a large list INTO a file.
    this.raw.exec('PRAGMA cache_size = -65536');
    this.raw.exec('PRAGMA temp_store = MEMORY');
  }

  prepare(sql: string): SqliteStatement {
    // Take the write lock at BEGIN: a deferred transaction that later writes can fail with SQLITE_BUSY at once
    // when another process holds the lock, whereas BEGIN IMMEDIATE waits out busy_timeout.
    const text = /^\s*begin\s*$/i.test(sql) ? 'begin immediate' : sql;
    const cached = this.#statements.get(text);
    if (cached) {
      this.#statements.delete(text);
      this.#statements.set(text, cached);
      return cached;
    }
    const statement = new NodeSqliteStatement(this.raw.prepare(text));
    this.#statements.set(text, statement);
    if (this.#statements.size > STATEMENT_CACHE_SIZE) this.#statements.delete(this.#statements.keys().next().value!);
    return statement;
  }

  /**
   * Rows changed through this connection and SQLite's `data_version` (moved by other connections' commits), read
   * directly rather than through Kysely's queue. Read while a transaction of ours is open, it counts that transaction's
   * changes already: a token then differs sooner, never later, than the committed state.
   */
  changeToken(): string {
    const changes = this.prepare('select total_changes() as c').all([]) as Array<{ c: number }>;
    const version = this.prepare('pragma data_version').all([]) as Array<{ data_version: number }>;
    return `${changes[0].c}.${version[0].data_version}`;
  }

  close(): void {
    this.#statements.clear();
    if (this.raw.isOpen) this.raw.close();
  }
}
