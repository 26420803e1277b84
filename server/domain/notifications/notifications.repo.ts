import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { NotificationTable } from '../../db/schema-adjustments.ts';

/** What notifyOrg writes and the bell reads; the e-mail outbox columns are the e-mail job's. */
export type NotificationRow = Omit<NotificationTable, 'emailed_at' | 'email_error' | 'email_attempts' | 'email_retry_at'>;

/** Active users holding one of `roles` in `orgId`. */
export async function recipients(db: Kysely<Database>, orgId: string, roles: readonly string[]): Promise<string[]> {
  if (!roles.length) return [];
  const rows = await db
    .selectFrom('user_role as r')
    .innerJoin('app_user as u', 'u.id', 'r.user_id')
    .select('u.id')
    .distinct()
    .where('r.org_id', '=', orgId)
    .where('r.role', 'in', [...roles])
    .where('u.active', '=', true)
    .execute();
  return rows.map((r) => r.id);
}

/** Inserts notifications, skipping any whose (user, dedupe key) exists already. */
export async function insertNotifications(db: Kysely<Database>, rows: NotificationRow[]): Promise<void> {
  if (!rows.length) return;
  await db.insertInto('notification').values(rows).onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).doNothing()).execute();
}

export async function listForUser(db: Kysely<Database>, userId: string, unreadOnly: boolean, limit: number): Promise<NotificationRow[]> {
  let q = db.selectFrom('notification').select(['id', 'user_id', 'kind', 'title', 'body', 'link', 'dedupe_key', 'created_at', 'read_at']).where('user_id', '=', userId);
  if (unreadOnly) q = q.where('read_at', 'is', null);
  return q.orderBy('id', 'desc').limit(limit).execute();
}

export async function countUnread(db: Kysely<Database>, userId: string): Promise<number> {
  const row = await db.selectFrom('notification').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', userId).where('read_at', 'is', null).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function markRead(db: Kysely<Database>, userId: string, ids: string[] | 'all', at: string): Promise<void> {
  let q = db.updateTable('notification').set({ read_at: at }).where('user_id', '=', userId).where('read_at', 'is', null);
  if (ids !== 'all') q = q.where('id', 'in', ids.length ? ids : ['']);
  await q.execute();
}

export interface OutboxRow {
  id: string;
  user_id: string;
  email: string;
  display_name: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  created_at: string;
  email_attempts: number;
}

/**
 * Notifications due for e-mail, oldest first: not yet mailed, not read in-app, created after `since`, for an active user
 * with an address, attempts left and any backoff over.
 */
export async function emailOutbox(db: Kysely<Database>, f: { now: string; since: string; maxAttempts: number; limit: number }): Promise<OutboxRow[]> {
  const rows = await db
    .selectFrom('notification as n')
    .innerJoin('app_user as u', 'u.id', 'n.user_id')
    .select(['n.id', 'n.user_id', 'u.email', 'u.display_name', 'n.kind', 'n.title', 'n.body', 'n.link', 'n.created_at', 'n.email_attempts'])
    .where('n.emailed_at', 'is', null)
    .where('n.read_at', 'is', null)
    .where('n.created_at', '>=', f.since)
    .where('n.email_attempts', '<', f.maxAttempts)
    .where((eb) => eb.or([eb('n.email_retry_at', 'is', null), eb('n.email_retry_at', '<=', f.now)]))
    .where('u.email', 'is not', null)
    .where('u.active', '=', true)
    .orderBy('n.created_at')
    .orderBy('n.id')
    .limit(f.limit)
    .execute();
  return rows.map((r) => ({ ...r, email: r.email!, email_attempts: Number(r.email_attempts) }));
}

export async function markEmailed(db: Kysely<Database>, id: string, at: string): Promise<void> {
  await db.updateTable('notification').set({ emailed_at: at, email_retry_at: null }).where('id', '=', id).where('emailed_at', 'is', null).execute();
}

export async function markEmailFailed(db: Kysely<Database>, id: string, error: string, attempts: number, retryAt: string | null): Promise<void> {
  await db.updateTable('notification').set({ email_error: error, email_attempts: attempts, email_retry_at: retryAt }).where('id', '=', id).where('emailed_at', 'is', null).execute();
}
