import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { NotificationTable } from '../../db/schema-adjustments.ts';

export type NotificationRow = NotificationTable;

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
  let q = db.selectFrom('notification').selectAll().where('user_id', '=', userId);
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
