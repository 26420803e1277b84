import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { ReportEventTable, ReportTable } from '../../db/schema-reports.ts';

export type ReportRow = ReportTable;
export type ReportEventRow = ReportEventTable;

export async function insertReport(db: Kysely<Database>, row: ReportRow): Promise<void> {
  await db.insertInto('report').values(row).execute();
}

export async function findReport(db: Kysely<Database>, id: string): Promise<ReportRow | undefined> {
  return db.selectFrom('report').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findReportByPublication(db: Kysely<Database>, publicationNumber: string): Promise<ReportRow | undefined> {
  return db.selectFrom('report').selectAll().where('publication_number', '=', publicationNumber).executeTakeFirst();
}

export async function listReports(db: Kysely<Database>, limit: number): Promise<ReportRow[]> {
  return db.selectFrom('report').selectAll().orderBy('prepared_at', 'desc').limit(limit).execute();
}

/** Reports whose scheduled retry has come and that nobody is delivering now. */
export async function dueRetries(db: Kysely<Database>, now: string, limit: number): Promise<ReportRow[]> {
  return db
    .selectFrom('report')
    .selectAll()
    .where('next_attempt_at', 'is not', null)
    .where('next_attempt_at', '<=', now)
    .where('state', 'in', ['prepared', 'queried'])
    .where((eb) => eb.or([eb('sending_until', 'is', null), eb('sending_until', '<', now)]))
    .orderBy('next_attempt_at')
    .limit(limit)
    .execute();
}

/** Claims the report for one delivery; false when another caller holds it or its state moved on. */
export async function claimForSending(db: Kysely<Database>, id: string, states: string[], now: string, until: string): Promise<boolean> {
  const r = await db
    .updateTable('report')
    .set({ sending_until: until })
    .where('id', '=', id)
    .where('state', 'in', states)
    .where((eb) => eb.or([eb('sending_until', 'is', null), eb('sending_until', '<', now)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Advances the report only if no other event was appended since it was read (optimistic concurrency). */
export async function advanceReport(db: Kysely<Database>, id: string, expectedEvents: number, set: Partial<ReportRow>): Promise<boolean> {
  const r = await db.updateTable('report').set({ ...set, event_count: expectedEvents + 1 }).where('id', '=', id).where('event_count', '=', expectedEvents).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertEvent(db: Kysely<Database>, row: ReportEventRow): Promise<void> {
  await db.insertInto('report_event').values(row).execute();
}

export async function eventsOf(db: Kysely<Database>, reportId: string): Promise<ReportEventRow[]> {
  return db.selectFrom('report_event').selectAll().where('report_id', '=', reportId).orderBy('seq').execute();
}
