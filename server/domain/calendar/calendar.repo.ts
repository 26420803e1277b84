import type { Kysely } from 'kysely';
import type { CalendarDayTable, Database } from '../../db/schema.ts';

export async function loadedYears(db: Kysely<Database>, years: number[]): Promise<number[]> {
  if (years.length === 0) return [];
  const rows = await db.selectFrom('calendar_year').select('year').where('year', 'in', years).execute();
  return rows.map((r) => Number(r.year));
}

export async function daysOfYears(db: Kysely<Database>, years: number[]): Promise<CalendarDayTable[]> {
  if (years.length === 0) return [];
  return db.selectFrom('calendar_day').selectAll().where('year', 'in', years).orderBy('date').execute();
}

export async function replaceYear(db: Kysely<Database>, year: number, source: string, by: string | null, days: CalendarDayTable[], now: string): Promise<void> {
  await db.deleteFrom('calendar_day').where('year', '=', year).execute();
  await db.deleteFrom('calendar_year').where('year', '=', year).execute();
  await db.insertInto('calendar_year').values({ year, source, loaded_at: now, loaded_by: by }).execute();
  if (days.length > 0) await db.insertInto('calendar_day').values(days).execute();
}
