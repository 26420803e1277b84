import {
  addCivilMonths,
  addWorkingDays,
  buildWorkCalendar,
  CalendarError,
  parseIsoDate,
  type CalendarDay,
  type WorkCalendar,
} from '../../../common/calendar.ts';
import { actorOf, type ServiceContext } from '../../platform/context.ts';
import { DomainError, forbidden, invalid, type ErrorDetail } from '../../platform/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import * as repo from './calendar.repo.ts';

export interface CalendarYear {
  year: number;
  loaded: boolean;
  days: CalendarDay[];
}

function asDomainError(e: unknown): never {
  if (e instanceof CalendarError) {
    const status = e.code === 'CALENDAR.YEAR_NOT_LOADED' ? 422 : 400;
    throw new DomainError(status, e.code, e.message, e.year ? { year: e.year } : undefined);
  }
  throw e;
}

/** The work calendar covering the given years (those loaded; the rest raise YEAR_NOT_LOADED when touched). */
export async function workCalendarFor(ctx: ServiceContext, years: number[]): Promise<WorkCalendar> {
  const loaded = await repo.loadedYears(ctx.db, years);
  const days = await repo.daysOfYears(ctx.db, loaded);
  return buildWorkCalendar(loaded, days.map((d) => ({ date: d.date, kind: d.kind as CalendarDay['kind'], name: d.name })));
}

/** Holidays and make-up workdays of one year. */
export async function getCalendarYear(ctx: ServiceContext, year: number): Promise<CalendarYear> {
  const cal = await workCalendarFor(ctx, [year]);
  return { year, loaded: cal.loadedYears.has(year), days: [...cal.days.values()] };
}

// Deadlines can run into the following years: load a window wide enough for any legal clock we compute.
function yearsFrom(from: string, span: number): number[] {
  const y = Number(from.slice(0, 4));
  return Array.from({ length: span + 1 }, (_, i) => y + i);
}

/**
 * Due date `workingDays` working days (start day not counted) or `months` civil-law months after `from`.
 * @throws CALENDAR.YEAR_NOT_LOADED (422), CALENDAR.INVALID_DATE (400)
 */
export async function computeDeadline(ctx: ServiceContext, from: string, by: { workingDays?: number; months?: number }): Promise<string> {
  try {
    parseIsoDate(from);
    const span = by.months !== undefined ? Math.ceil(by.months / 12) + 1 : Math.ceil((by.workingDays ?? 0) / 200) + 1;
    const cal = await workCalendarFor(ctx, yearsFrom(from, span));
    return by.months !== undefined ? addCivilMonths(cal, from, by.months) : addWorkingDays(cal, from, by.workingDays ?? 0);
  } catch (e) {
    return asDomainError(e);
  }
}

/**
 * Loads (or replaces) one year's holidays and make-up workdays from the State Council notice.
 * @throws CALENDAR.INVALID (400, all problems), ACCESS.FORBIDDEN
 */
export async function loadCalendarYear(ctx: ServiceContext, year: number, days: CalendarDay[], source: string): Promise<CalendarYear> {
  const actor = actorOf(ctx);
  if (!actor.roles.includes('bureau_admin')) throw forbidden();
  const problems: ErrorDetail[] = [];
  const seen = new Set<string>();
  days.forEach((d, i) => {
    try {
      parseIsoDate(d.date);
    } catch {
      problems.push({ path: `body.days.${i}.date`, message: '日期格式应为 YYYY-MM-DD 且为真实日期' });
      return;
    }
    if (Number(d.date.slice(0, 4)) !== year) problems.push({ path: `body.days.${i}.date`, message: `日期不属于 ${year} 年` });
    if (seen.has(d.date)) problems.push({ path: `body.days.${i}.date`, message: '日期重复' });
    seen.add(d.date);
    const weekday = new Date(`${d.date}T00:00:00Z`).getUTCDay();
    if (d.kind === 'workday' && weekday !== 0 && weekday !== 6) {
      problems.push({ path: `body.days.${i}.kind`, message: '调休上班日应为周六或周日' });
    }
  });
  if (problems.length > 0) throw invalid('CALENDAR.INVALID', '年度节假日安排不正确', problems);
  await ctx.db.transaction().execute(async (trx) => {
    const before = await repo.loadedYears(trx, [year]);
    await repo.replaceYear(
      trx,
      year,
      source,
      actor.userId,
      [...days].sort((a, b) => a.date.localeCompare(b.date)).map((d) => ({ date: d.date, year, kind: d.kind, name: d.name })),
      ctx.now.toISOString(),
    );
    await recordAudit(trx, ctx, {
      action: 'calendar.load_year',
      targetType: 'calendar_year',
      targetId: String(year),
      summary: { year, replaced: before.length > 0, holidays: days.filter((d) => d.kind === 'holiday').length, workdays: days.filter((d) => d.kind === 'workday').length, source },
    });
  });
  return getCalendarYear(ctx, year);
}
