// Work-calendar arithmetic for legal time limits (DOMAIN.md §9, STANDARDS.md §5).
// Pure and data-driven: holidays are published yearly and cannot be computed, so a year whose
// notice is not loaded is an error, never a silent Monday–Friday guess.
// All arithmetic is on integer day numbers: no Date, no time zone.

/** `holiday` = statutory rest day (incl. weekend days listed inside a holiday span); `workday` = 调休 make-up working day on a weekend. */
export type CalendarDayKind = 'holiday' | 'workday';

/** One entry of a holiday notice; `date` is `YYYY-MM-DD`. */
export interface CalendarDay {
  date: string;
  kind: CalendarDayKind;
  name: string;
}

/** Holiday notices for the years in `loadedYears`; `days` is keyed by `YYYY-MM-DD`. */
export interface WorkCalendar {
  loadedYears: ReadonlySet<number>;
  days: ReadonlyMap<string, CalendarDay>;
}

/** Days since 1970-01-01 (UTC calendar); the unit of all calendar arithmetic. */
export type EpochDay = number;

/** Calendar failure; `code` is stable, `message` is Chinese and shown to users. */
export class CalendarError extends Error {
  readonly code: 'CALENDAR.YEAR_NOT_LOADED' | 'CALENDAR.INVALID_DATE';
  readonly year?: number;

  constructor(code: CalendarError['code'], message: string, year?: number) {
    super(message);
    this.name = 'CalendarError';
    this.code = code;
    if (year !== undefined) this.year = year;
  }
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Strictly parses `YYYY-MM-DD` (a real date, year 0001–9999) into an epoch day.
 * @throws {CalendarError} CALENDAR.INVALID_DATE for anything else.
 */
export function parseIsoDate(s: string): EpochDay {
  const match = typeof s === 'string' ? ISO_DATE.exec(s) : null;
  if (match) {
    const year = Number(match[1]);
    const month = Number(match[2]);
    const day = Number(match[3]);
    if (year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)) {
      return daysFromCivil(year, month, day);
    }
  }
  throw new CalendarError('CALENDAR.INVALID_DATE', `日期“${String(s)}”无效，应为YYYY-MM-DD格式的真实日期`);
}

/**
 * Formats an epoch day as `YYYY-MM-DD`.
 * @throws {CalendarError} CALENDAR.INVALID_DATE when `day` is not an integer in years 0001–9999.
 */
export function formatIsoDate(day: EpochDay): string {
  if (!Number.isInteger(day)) {
    throw new CalendarError('CALENDAR.INVALID_DATE', `日序号${String(day)}无效`);
  }
  const { year, month, day: dayOfMonth } = civilFromDays(day);
  if (year < 1 || year > 9999) {
    throw new CalendarError('CALENDAR.INVALID_DATE', `日序号${day}超出0001至9999年范围`);
  }
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(dayOfMonth)}`;
}

/**
 * Indexes holiday notices into a calendar.
 * @throws {CalendarError} CALENDAR.INVALID_DATE for a malformed date or one date listed with two kinds.
 */
export function buildWorkCalendar(loadedYears: Iterable<number>, days: Iterable<CalendarDay>): WorkCalendar {
  const years = new Set<number>();
  for (const year of loadedYears) {
    if (!Number.isInteger(year) || year < 1 || year > 9999) {
      throw new CalendarError('CALENDAR.INVALID_DATE', `年份${String(year)}无效`);
    }
    years.add(year);
  }
  const index = new Map<string, CalendarDay>();
  for (const entry of days) {
    // Re-format so that every key is canonical and lookups by validated dates cannot miss.
    const date = formatIsoDate(parseIsoDate(entry.date));
    if (entry.kind !== 'holiday' && entry.kind !== 'workday') {
      throw new CalendarError('CALENDAR.INVALID_DATE', `${date}的类型“${String(entry.kind)}”无效`);
    }
    const existing = index.get(date);
    if (existing && existing.kind !== entry.kind) {
      throw new CalendarError('CALENDAR.INVALID_DATE', `${date}不能同时是节假日和调休工作日`);
    }
    index.set(date, { date, kind: entry.kind, name: entry.name });
  }
  return { loadedYears: years, days: index };
}

/**
 * True when `date` is a working day: a make-up workday, or a Monday–Friday that is not a holiday.
 * @throws {CalendarError} CALENDAR.INVALID_DATE, or CALENDAR.YEAR_NOT_LOADED when its year has no notice.
 */
export function isWorkingDay(cal: WorkCalendar, date: string): boolean {
  return isWorkingEpochDay(cal, parseIsoDate(date));
}

/**
 * The date `n` working days after `from`; the start day is not counted (行政许可法 art. 82), n = 0 gives `from`.
 * @throws {CalendarError} CALENDAR.INVALID_DATE or CALENDAR.YEAR_NOT_LOADED; {RangeError} when n is not a non-negative integer.
 */
export function addWorkingDays(cal: WorkCalendar, from: string, n: number): string {
  assertCount(n);
  let day = parseIsoDate(from);
  for (let counted = 0; counted < n; ) {
    day += 1;
    if (isWorkingEpochDay(cal, day)) counted += 1;
  }
  return formatIsoDate(day);
}

/**
 * End of a period of `n` months from `from` (民法典 art. 200–203): same day number of the later month
 * or its last day, then rolled forward to the next working day.
 * @throws {CalendarError} CALENDAR.INVALID_DATE or CALENDAR.YEAR_NOT_LOADED; {RangeError} when n is not a non-negative integer.
 */
export function addCivilMonths(cal: WorkCalendar, from: string, n: number): string {
  assertCount(n);
  const start = civilFromDays(parseIsoDate(from));
  const monthIndex = start.year * 12 + (start.month - 1) + n;
  const year = Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  // Civil-law month: 31 Jan + 1 month ends 28/29 Feb, then rolls past holidays.
  const end = daysFromCivil(year, month, Math.min(start.day, daysInMonth(year, month)));
  return formatIsoDate(nextWorkingEpochDay(cal, end));
}

/**
 * `date` itself when it is a working day, otherwise the first working day after it.
 * @throws {CalendarError} CALENDAR.INVALID_DATE or CALENDAR.YEAR_NOT_LOADED.
 */
export function nextWorkingDay(cal: WorkCalendar, date: string): string {
  return formatIsoDate(nextWorkingEpochDay(cal, parseIsoDate(date)));
}

/**
 * Working days after `from` up to and including `to`; 0 when `to` is not after `from`.
 * Inverse of addWorkingDays: workingDaysBetween(c, f, addWorkingDays(c, f, n)) === n.
 * @throws {CalendarError} CALENDAR.INVALID_DATE or CALENDAR.YEAR_NOT_LOADED.
 */
export function workingDaysBetween(cal: WorkCalendar, from: string, to: string): number {
  const start = parseIsoDate(from);
  const end = parseIsoDate(to);
  let count = 0;
  for (let day = start + 1; day <= end; day++) {
    if (isWorkingEpochDay(cal, day)) count += 1;
  }
  return count;
}

function isWorkingEpochDay(cal: WorkCalendar, day: EpochDay): boolean {
  const date = formatIsoDate(day);
  const year = Number(date.slice(0, 4));
  if (!cal.loadedYears.has(year)) {
    throw new CalendarError('CALENDAR.YEAR_NOT_LOADED', `${year}年的节假日安排尚未载入，无法计算期限`, year);
  }
  const entry = cal.days.get(date);
  if (entry) return entry.kind === 'workday';
  // 1970-01-01 was a Thursday; ((day + 4) mod 7) is 0 for Sunday … 6 for Saturday.
  const weekday = (((day + 4) % 7) + 7) % 7;
  return weekday !== 0 && weekday !== 6;
}

function nextWorkingEpochDay(cal: WorkCalendar, day: EpochDay): EpochDay {
  // Terminates: at the latest, the first day of an unloaded year throws.
  let current = day;
  while (!isWorkingEpochDay(cal, current)) current += 1;
  return current;
}

function assertCount(n: number): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${String(n)}`);
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

// Proleptic Gregorian calendar ⇄ epoch day (H. Hinnant's algorithms); avoids Date.UTC mapping years 0–99 to 19xx.
function daysFromCivil(year: number, month: number, day: number): EpochDay {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function civilFromDays(epochDay: EpochDay): { year: number; month: number; day: number } {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** The calendar day (YYYY-MM-DD) in China (UTC+8, no daylight saving) of an instant. */
export function chinaDate(instant: Date | string | number): string {
  const t = instant instanceof Date ? instant.getTime() : typeof instant === 'string' ? Date.parse(instant) : instant;
  return new Date(t + 8 * 3_600_000).toISOString().slice(0, 10);
}
