import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/** A job's stored watermark (e.g. the instant up to which it has processed changes). */
export async function readJobState(db: Kysely<Database>, name: string): Promise<string | undefined> {
  return (await db.selectFrom('job_state').select('value').where('name', '=', name).executeTakeFirst())?.value;
}

export async function writeJobState(db: Kysely<Database>, name: string, value: string): Promise<void> {
  await db.insertInto('job_state').values({ name, value }).onConflict((oc) => oc.column('name').doUpdateSet({ value })).execute();
}
