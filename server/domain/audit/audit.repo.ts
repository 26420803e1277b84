import { type Kysely, sql } from 'kysely';
import type { AuditQuery } from '../../../common/audit-views.ts';
import type { AuditEventTable, Database } from '../../db/schema.ts';

/** The route's query, with the page size the service decided. */
export type AuditFilter = Omit<AuditQuery, 'limit'> & { limit: number };

/** Appends one audit row; the table is insert-only (no update or delete exists anywhere). */
export async function insertAuditEvent(db: Kysely<Database>, row: AuditEventTable): Promise<void> {
  await db.insertInto('audit_event').values(row).execute();
}

/** Newest first, keyset on the time-ordered id. */
export async function listAuditEvents(db: Kysely<Database>, f: AuditFilter): Promise<AuditEventTable[]> {
  let q = db.selectFrom('audit_event').selectAll();
  if (f.action) {
    const prefix = `${f.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = f.action.endsWith('.') ? q.where(sql<boolean>`action like ${prefix} escape '\\'`) : q.where('action', '=', f.action);
  }
  if (f.actorId) q = q.where('actor_id', '=', f.actorId);
  if (f.orgId) q = q.where('org_id', '=', f.orgId);
  if (f.targetType) q = q.where('target_type', '=', f.targetType);
  if (f.targetId) q = q.where('target_id', '=', f.targetId);
  if (f.from) q = q.where('occurred_at', '>=', f.from);
  if (f.to) q = q.where('occurred_at', '<', f.to);
  if (f.cursor) q = q.where('id', '<', f.cursor);
  return q.orderBy('id', 'desc').limit(f.limit).execute();
}
