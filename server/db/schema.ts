// Row types of every table, as both dialects return them (timestamps as ISO text, booleans normalised by repos).
import type { Generated } from 'kysely';

export interface OrgTable {
  id: string;
  parent_id: string | null;
  kind: string;
  uscc: string;
  level: number;
  name_zh: string;
  name_en: string | null;
  name_mn: string | null;
  division_code: string | null;
  active: boolean | number;
  sort_order: number;
  created_at: string;
  updated_at: string;
}

export interface AppUserTable {
  id: string;
  username: string;
  display_name: string;
  org_id: string;
  password_hash: string;
  /** Optional address for notification e-mails. */
  email: string | null;
  active: boolean | number;
  failed_logins: number;
  locked_until: string | null;
  password_changed_at: string;
  created_at: string;
  updated_at: string;
}

export interface UserRoleTable {
  user_id: string;
  org_id: string;
  role: string;
}

export interface SessionTable {
  id: string;
  user_id: string;
  org_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface RateCounterTable {
  key: string;
  window_start: string;
  count: number;
}

export interface AuditEventTable {
  id: string;
  occurred_at: string;
  actor_id: string | null;
  actor_name: string | null;
  org_id: string | null;
  role: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  summary: string;
  request_id: string | null;
  ip: string | null;
}

export interface CalendarYearTable {
  year: number;
  source: string;
  loaded_at: string;
  loaded_by: string | null;
}

export interface CalendarDayTable {
  date: string;
  year: number;
  kind: string;
  name: string;
}

/** A number raised by a trigger on every write to the named table (only `org` so far): caches compare it. */
export interface TableGenerationTable {
  name: string;
  generation: number;
}

export interface SchemaMigrationTable {
  name: string;
  applied_at: Generated<string>;
}

// Each area keeps its table types in its own schema-<area>.ts; Database is their union.
import type { CatalogueTables } from './schema-catalogue.ts';
import type { SealTables } from './schema-seals.ts';
import type { AdjustmentTables } from './schema-adjustments.ts';
import type { PublicationTables } from './schema-publications.ts';
import type { ReportTables } from './schema-reports.ts';
import type { AttachmentTables } from './schema-attachments.ts';

export interface Database extends CatalogueTables, SealTables, AdjustmentTables, PublicationTables, ReportTables, AttachmentTables {
  org: OrgTable;
  app_user: AppUserTable;
  user_role: UserRoleTable;
  session: SessionTable;
  rate_counter: RateCounterTable;
  audit_event: AuditEventTable;
  calendar_year: CalendarYearTable;
  calendar_day: CalendarDayTable;
  schema_migration: SchemaMigrationTable;
  table_generation: TableGenerationTable;
}
