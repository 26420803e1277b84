import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/**
 * Takes the named lease for `seconds` if it is free or expired (its holder too waits for expiry: a job runs once a period). Any number of nodes may try; the
 * conditional update and the primary key let exactly one hold it at a time.
 */
export async function acquireLease(db: Kysely<Database>, name: string, holder: string, now: Date, seconds: number): Promise<boolean> {
  const until = new Date(now.getTime() + seconds * 1000).toISOString();
  const nowIso = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('job_lease')
      .set({ holder, until })
      .where('name', '=', name)
      .where('until', '<=', nowIso)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 1) return true;
    const inserted = await trx.insertInto('job_lease').values({ name, holder, until }).onConflict((oc) => oc.column('name').doNothing()).executeTakeFirst();
    return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
  });
}

/** Gives the lease back early. */
export async function releaseLease(db: Kysely<Database>, name: string, holder: string): Promise<void> {
  await db.deleteFrom('job_lease').where('name', '=', name).where('holder', '=', holder).execute();
}
