// Whether anything was written to the database since an earlier moment, where the dialect can say so cheaply.
import { type Kysely, sql } from 'kysely';
import type { Dialect } from './database.ts';
import type { Database } from './schema.ts';
import { sqliteDatabaseOf } from './sqlite-driver.ts';

/**
 * A token that differs from an earlier one when any write reached the database in between, or null where the dialect
 * has no cheap one. SQLite: rows this connection changed (`total_changes()`: Kysely holds one connection per database)
 * and `data_version`, which moves when another connection or process commits. Equal tokens mean nothing changed; a
 * different token may come from any write, relevant or not. PostgreSQL: null (transaction ids move with writes to any
 * database of the cluster, so a token would rarely stay equal; callers query what they need instead).
 */
export async function changeToken(db: Kysely<Database>, dialect: Dialect): Promise<string | null> {
  if (dialect !== 'sqlite') return null;
  // Opened by openDatabase: read on the connection directly (two cached statements, no queue); else through Kysely.
  const direct = sqliteDatabaseOf.get(db);
  if (direct) return direct.changeToken();
  const { rows } = await sql<{ c: number; v: number }>`select total_changes() as c, data_version as v from pragma_data_version`.execute(db);
  return `${rows[0].c}.${rows[0].v}`;
}

const shared = new WeakMap<object, Promise<string | null>>();

/**
 * `changeToken`, read once at the end of the current turn of the event loop (`setImmediate`) for every caller of that
 * turn. Still fresh for each caller: it is read after the call, so after the caller's request arrived, and a write
 * committed before that arrival is counted. Under load one read serves the many requests parsed in one turn.
 */
export function changeTokenSoon(db: Kysely<Database>, dialect: Dialect): Promise<string | null> {
  if (dialect !== 'sqlite') return Promise.resolve(null);
  let token = shared.get(db);
  if (!token) {
    token = new Promise((resolve, reject) => {
      setImmediate(() => {
        shared.delete(db);
        changeToken(db, dialect).then(resolve, reject);
      });
    });
    shared.set(db, token);
  }
  return token;
}
