// Frozen migration: staff e-mail addresses and the e-mail outbox state of notifications (issue 4 §6).
import { type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // Optional: a user without an address gets in-app notifications only.
  await db.schema.alterTable('app_user').addColumn('email', 'text').execute();

  // The notification row is the outbox: the e-mail job sends rows whose emailed_at is null.
  await db.schema.alterTable('notification').addColumn('emailed_at', 'text').execute();
  await db.schema.alterTable('notification').addColumn('email_error', 'text').execute(); // last failure, kept after a later success
  await db.schema.alterTable('notification').addColumn('email_attempts', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('notification').addColumn('email_retry_at', 'text').execute(); // backoff: not before this time
  await db.schema.createIndex('notification_email_outbox_idx').on('notification').columns(['emailed_at', 'created_at']).execute();
}
