// Shapes of the audit log's answer and query (GET /api/audit) that the server sends and accepts and the workbench reads
// (one definition for both sides).

/** One audit row as read back. */
export interface AuditEvent {
  id: string;
  occurredAt: string;
  actorId: string | null;
  actorName: string | null;
  orgId: string | null;
  role: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  /** What changed, as recorded by the server (e.g. { before, after } or { username }). */
  summary: Record<string, unknown>;
  requestId: string | null;
  ip: string | null;
}

/** A page of the log, newest first; `nextCursor` asks for the next. */
export interface AuditEventPage {
  items: AuditEvent[];
  nextCursor: string | null;
}

export interface AuditQuery {
  action?: string;
  actorId?: string;
  orgId?: string;
  targetType?: string;
  targetId?: string;
  from?: string;
  to?: string;
  cursor?: string;
  limit?: number;
}
