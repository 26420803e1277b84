import type { Kysely } from 'kysely';
import type { AuditEventPage, AuditQuery } from '../../../common/audit-views.ts';
import type { Database } from '../../db/schema.ts';
import { newId } from '../../db/ids.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { forbidden, invalid } from '../../platform/errors.ts';
import { insertAuditEvent, listAuditEvents } from './audit.repo.ts';
import { canReadAudit } from './audit.policy.ts';

export interface AuditEntry {
  action: string;
  targetType?: string;
  targetId?: string;
  summary: Record<string, unknown>;
}

/** Writes the audit row of a state change; call it inside the command's transaction. */
export async function recordAudit(trx: Kysely<Database>, ctx: ServiceContext, entry: AuditEntry, actorOverride?: { id: string; name: string; orgId: string; role: string | null }): Promise<void> {
  const a = ctx.actor;
  await insertAuditEvent(trx, {
    id: newId(ctx.now.getTime()),
    occurred_at: ctx.now.toISOString(),
    actor_id: actorOverride?.id ?? a?.userId ?? null,
    actor_name: actorOverride?.name ?? a?.displayName ?? null,
    org_id: actorOverride?.orgId ?? a?.orgId ?? null,
    role: actorOverride ? actorOverride.role : (a?.roles.join(',') ?? null),
    action: entry.action,
    target_type: entry.targetType ?? null,
    target_id: entry.targetId ?? null,
    summary: JSON.stringify(entry.summary),
    request_id: ctx.requestId,
    ip: ctx.ip,
  });
}

/**
 * Lists audit events for auditors and bureau administrators, newest first.
 * @throws ACCESS.FORBIDDEN for other roles; AUDIT.INVALID_RANGE when from > to
 */
export async function listAudit(ctx: ServiceContext, query: AuditQuery): Promise<AuditEventPage> {
  if (!ctx.actor || !canReadAudit(ctx.actor.roles)) throw forbidden();
  if (query.from && query.to && query.from > query.to) {
    throw invalid('AUDIT.INVALID_RANGE', '开始时间不能晚于结束时间', [{ path: 'querystring.from', message: '开始时间不能晚于结束时间' }]);
  }
  const limit = query.limit ?? 50;
  const rows = await listAuditEvents(ctx.db, { ...query, limit: limit + 1 });
  const page = rows.slice(0, limit);
  return {
    items: page.map((r) => ({
      id: r.id,
      occurredAt: r.occurred_at,
      actorId: r.actor_id,
      actorName: r.actor_name,
      orgId: r.org_id,
      role: r.role,
      action: r.action,
      targetType: r.target_type,
      targetId: r.target_id,
      summary: JSON.parse(r.summary) as Record<string, unknown>,
      requestId: r.request_id,
      ip: r.ip,
    })),
    nextCursor: rows.length > limit ? page[page.length - 1].id : null,
  };
}
