// Frozen migration: a generation number of the org table, raised by every write to it (portal page caches, ADR 0010).
import { type Kysely, sql } from 'kysely';

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter.constructor.name.startsWith('Postgres');
}

export async function up(db: Kysely<any>): Promise<void> {
  // One row per watched table. A trigger raises it, so writers outside the services (seeding, other nodes) count too.
  await db.schema
    .createTable('table_generation')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('generation', 'integer', (c) => c.notNull())
    .execute();
  await db.insertInto('table_generation').values({ name: 'org', generation: 0 }).execute();
  if (isPostgres(db)) {
    await sql`create function org_generation_raise() returns trigger language plpgsql as $$
      begin update table_generation set generation = generation + 1 where name = 'org'; return null; end $$`.execute(db);
    await sql`create trigger org_generation after insert or update or delete on org
      for each statement execute function org_generation_raise()`.execute(db);
  } else {
    for (const event of ['insert', 'update', 'delete']) {
      await sql`create trigger ${sql.raw(`org_generation_${event}`)} after ${sql.raw(event)} on org
        begin update table_generation set generation = generation + 1 where name = 'org'; end`.execute(db);
    }
  }
}
