import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import {
  CalendarError,
  addCivilMonths,
  addWorkingDays,
  buildWorkCalendar,
  formatIsoDate,
  isWorkingDay,
  nextWorkingDay,
  parseIsoDate,
  workingDaysBetween,
} from './calendar.ts';
import type { CalendarDay } from './calendar.ts';

interface Seed {
  source: string;
  years: number[];
  days: CalendarDay[];
}

const seed = JSON.parse(
  readFileSync(new URL('../server/db/migrations/data/calendar-2004-2026.json', import.meta.url), 'utf8'),
) as Seed;
const cal = buildWorkCalendar(seed.years, seed.days);

function errorCode(f: () => unknown): string | undefined {
  try {
    f();
  } catch (error) {
    return error instanceof CalendarError ? error.code : `not a CalendarError: ${String(error)}`;
  }
  return undefined;
}

function span(first: string, last: string): string[] {
  const out: string[] = [];
  for (let d = parseIsoDate(first); d <= parseIsoDate(last); d++) out.push(formatIsoDate(d));
  return out;
}

describe('seed data calendar-2004-2026.json', () => {
  it('covers 2004–2026, sorted, one entry per date, with Chinese holiday names', () => {
    expect(seed.years).toEqual(Array.from({ length: 23 }, (_, i) => 2004 + i));
    const dates = seed.days.map((d) => d.date);
    expect(dates).toEqual([...dates].sort());
    expect(new Set(dates).size).toBe(dates.length);
    const names = new Set(seed.days.map((d) => d.name));
    expect([...names].sort()).toEqual(
      ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节', '中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日'].sort(),
    );
    for (const year of seed.years) {
      expect(seed.days.some((d) => d.kind === 'holiday' && d.date.startsWith(`${year}-`)), String(year)).toBe(true);
    }
  });

  it('puts every make-up workday on a Saturday or Sunday', () => {
    const weekdays = seed.days
      .filter((d) => d.kind === 'workday')
      .filter((d) => ![0, 6].includes(new Date(`${d.date}T00:00:00Z`).getUTCDay()));
    expect(weekdays).toEqual([]);
  });

  it.each([
    {
      year: 2025,
      holidays: [
        ...span('2025-01-01', '2025-01-01'),
        ...span('2025-01-28', '2025-02-04'),
        ...span('2025-04-04', '2025-04-06'),
        ...span('2025-05-01', '2025-05-05'),
        ...span('2025-05-31', '2025-06-02'),
        ...span('2025-10-01', '2025-10-08'),
      ],
      workdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
    },
    {
      year: 2026,
      holidays: [
        ...span('2026-01-01', '2026-01-03'),
        ...span('2026-02-15', '2026-02-23'),
        ...span('2026-04-04', '2026-04-06'),
        ...span('2026-05-01', '2026-05-05'),
        ...span('2026-06-19', '2026-06-21'),
        ...span('2026-09-25', '2026-09-27'),
        ...span('2026-10-01', '2026-10-07'),
      ],
      workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
    },
  ])('matches STANDARDS.md §5 for $year', ({ year, holidays, workdays }) => {
    const ofYear = seed.days.filter((d) => d.date.startsWith(`${year}-`));
    expect(ofYear.filter((d) => d.kind === 'holiday').map((d) => d.date)).toEqual(holidays);
    expect(ofYear.filter((d) => d.kind === 'workday').map((d) => d.date)).toEqual(workdays);
  });

  it('has the 2025 counts of STANDARDS.md §5: 28 holidays, 5 make-up workdays', () => {
    const of2025 = seed.days.filter((d) => d.date.startsWith('2025-'));
    expect(of2025.filter((d) => d.kind === 'holiday')).toHaveLength(1 + 8 + 3 + 5 + 3 + 8);
    expect(of2025.filter((d) => d.kind === 'workday')).toHaveLength(5);
  });

  it('names the days of each holiday', () => {
    expect(cal.days.get('2025-01-29')?.name).toBe('春节');
    expect(cal.days.get('2025-04-05')?.name).toBe('清明节');
    expect(cal.days.get('2025-05-31')?.name).toBe('端午节');
    expect(cal.days.get('2026-09-25')?.name).toBe('中秋节');
    expect(cal.days.get('2025-09-28')).toEqual({ date: '2025-09-28', kind: 'workday', name: '国庆节' });
  });
});

describe('isWorkingDay', () => {
  it('treats a make-up Sunday as working and a holiday Wednesday as not', () => {
    expect(isWorkingDay(cal, '2025-09-28')).toBe(true); // Sunday, 调休
    expect(isWorkingDay(cal, '2026-02-28')).toBe(true); // Saturday, 调休
    expect(isWorkingDay(cal, '2025-10-01')).toBe(false); // Wednesday, 国庆
    expect(isWorkingDay(cal, '2025-09-27')).toBe(false); // plain Saturday
    expect(isWorkingDay(cal, '2025-09-21')).toBe(false); // plain Sunday
    expect(isWorkingDay(cal, '2025-09-26')).toBe(true); // plain Friday
    expect(isWorkingDay(cal, '2025-10-09')).toBe(true); // first day back
  });

  it('refuses a year whose holiday notice is not loaded, naming the year', () => {
    expect(errorCode(() => isWorkingDay(cal, '2027-03-03'))).toBe('CALENDAR.YEAR_NOT_LOADED');
    expect(errorCode(() => isWorkingDay(cal, '2003-12-31'))).toBe('CALENDAR.YEAR_NOT_LOADED');
    try {
      isWorkingDay(cal, '2027-03-03');
      expect.unreachable();
    } catch (error) {
      expect((error as CalendarError).year).toBe(2027);
      expect((error as CalendarError).message).toBe('2027年的节假日安排尚未载入，无法计算期限');
    }
  });

  it('refuses malformed dates', () => {
    for (const bad of ['2025-9-28', '2025-02-29', '2024-02-30', '2025-13-01', '2025-00-10', '2025-04-31', '20250928', '2025-09-28T00:00', ' 2025-09-28', '']) {
      expect(errorCode(() => isWorkingDay(cal, bad)), JSON.stringify(bad)).toBe('CALENDAR.INVALID_DATE');
    }
  });
});

describe('addWorkingDays', () => {
  it('meets the DOMAIN §9 vector: Fri 2025-09-26 + 20 working days = 2025-10-30', () => {
    expect(addWorkingDays(cal, '2025-09-26', 20)).toBe('2025-10-30');
  });

  it('does not count the start day, and n = 0 gives the start day', () => {
    expect(addWorkingDays(cal, '2025-09-26', 1)).toBe('2025-09-28'); // make-up Sunday
    expect(addWorkingDays(cal, '2025-09-30', 1)).toBe('2025-10-09');
    expect(addWorkingDays(cal, '2025-09-27', 0)).toBe('2025-09-27');
    expect(addWorkingDays(cal, '2025-03-03', 5)).toBe('2025-03-10');
  });

  it('crosses into an unloaded year only by throwing', () => {
    expect(addWorkingDays(cal, '2026-12-24', 4)).toBe('2026-12-30');
    expect(errorCode(() => addWorkingDays(cal, '2026-12-24', 10))).toBe('CALENDAR.YEAR_NOT_LOADED');
  });

  it('rejects a negative or fractional count', () => {
    expect(() => addWorkingDays(cal, '2025-09-26', -1)).toThrow(RangeError);
    expect(() => addWorkingDays(cal, '2025-09-26', 1.5)).toThrow(RangeError);
    expect(errorCode(() => addWorkingDays(cal, '2025/09/26', 1))).toBe('CALENDAR.INVALID_DATE');
  });
});

describe('addCivilMonths', () => {
  it('ends on the last day of a shorter month, rolling forward only past rest days', () => {
    expect(addCivilMonths(cal, '2026-01-31', 1)).toBe('2026-02-28'); // Saturday, but a make-up workday
    expect(addCivilMonths(cal, '2024-01-31', 1)).toBe('2024-02-29'); // leap year
    expect(addCivilMonths(cal, '2025-01-31', 1)).toBe('2025-02-28');
  });

  it('rolls a period ending on a holiday past the whole holiday', () => {
    expect(addCivilMonths(cal, '2025-09-01', 1)).toBe('2025-10-09');
  });

  it('rolls past an ordinary weekend and crosses years', () => {
    expect(addCivilMonths(cal, '2025-08-13', 1)).toBe('2025-09-15'); // 13 Sep 2025 is a Saturday
    expect(addCivilMonths(cal, '2025-11-30', 2)).toBe('2026-01-30');
    expect(addCivilMonths(cal, '2024-12-31', 14)).toBe('2026-02-28');
    expect(addCivilMonths(cal, '2025-03-17', 0)).toBe('2025-03-17');
  });

  it('throws when the period ends in an unloaded year', () => {
    expect(errorCode(() => addCivilMonths(cal, '2026-12-01', 1))).toBe('CALENDAR.YEAR_NOT_LOADED');
  });
});

describe('nextWorkingDay and workingDaysBetween', () => {
  it('returns the date itself when working, else the first working day after it', () => {
    expect(nextWorkingDay(cal, '2025-10-09')).toBe('2025-10-09');
    expect(nextWorkingDay(cal, '2025-10-01')).toBe('2025-10-09');
    expect(nextWorkingDay(cal, '2025-10-11')).toBe('2025-10-11'); // make-up Saturday
    expect(nextWorkingDay(cal, '2025-10-12')).toBe('2025-10-13');
  });

  it('counts working days after `from` up to and including `to`', () => {
    expect(workingDaysBetween(cal, '2025-09-26', '2025-10-30')).toBe(20);
    expect(workingDaysBetween(cal, '2025-09-26', '2025-09-28')).toBe(1);
    expect(workingDaysBetween(cal, '2025-10-30', '2025-09-26')).toBe(0);
    expect(workingDaysBetween(cal, '2025-10-30', '2025-10-30')).toBe(0);
  });

  it('round-trips with addWorkingDays from many random starts', () => {
    // Deterministic PRNG (mulberry32) so a failure is reproducible.
    let state = 20250926;
    const random = (): number => {
      state = (state + 0x6d2b79f5) | 0;
      let t = Math.imul(state ^ (state >>> 15), 1 | state);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const first = parseIsoDate('2004-01-01');
    const last = parseIsoDate('2026-10-31');
    for (let i = 0; i < 500; i++) {
      const from = formatIsoDate(first + Math.floor(random() * (last - first)));
      const n = Math.floor(random() * 40);
      const end = addWorkingDays(cal, from, n);
      expect(workingDaysBetween(cal, from, end), `${from} + ${n}`).toBe(n);
      // The end of a positive period is always a working day.
      if (n > 0) expect(isWorkingDay(cal, end), `${from} + ${n} = ${end}`).toBe(true);
    }
  });
});

describe('date helpers and calendar building', () => {
  it('parses and formats strictly, without time-zone drift', () => {
    expect(parseIsoDate('1970-01-01')).toBe(0);
    expect(parseIsoDate('2025-09-26')).toBe(Date.UTC(2025, 8, 26) / 86_400_000);
    expect(formatIsoDate(parseIsoDate('2024-02-29'))).toBe('2024-02-29');
    expect(formatIsoDate(parseIsoDate('0025-03-01'))).toBe('0025-03-01');
    expect(formatIsoDate(-1)).toBe('1969-12-31');
    expect(errorCode(() => parseIsoDate('2100-02-29'))).toBe('CALENDAR.INVALID_DATE');
    expect(errorCode(() => parseIsoDate('0000-01-01'))).toBe('CALENDAR.INVALID_DATE');
    expect(errorCode(() => formatIsoDate(1.5))).toBe('CALENDAR.INVALID_DATE');
  });

  it('treats Monday–Friday as working in a loaded year with no entries', () => {
    const bare = buildWorkCalendar([2030], []);
    expect(span('2030-01-05', '2030-01-11').map((d) => isWorkingDay(bare, d))).toEqual([
      false, false, true, true, true, true, true,
    ]);
  });

  it('rejects a malformed day and a date listed with both kinds', () => {
    expect(errorCode(() => buildWorkCalendar([2030], [{ date: '2030-1-1', kind: 'holiday', name: '元旦' }]))).toBe(
      'CALENDAR.INVALID_DATE',
    );
    expect(
      errorCode(() =>
        buildWorkCalendar(
          [2030],
          [
            { date: '2030-01-05', kind: 'holiday', name: '元旦' },
            { date: '2030-01-05', kind: 'workday', name: '元旦' },
          ],
        ),
      ),
    ).toBe('CALENDAR.INVALID_DATE');
  });
});

describe('chinaDate', () => {
  it('turns an instant into the day in China (UTC+8), changing at 16:00 UTC', async () => {
    const { chinaDate } = await import('./calendar.ts');
    expect(chinaDate('2026-11-29T15:59:59.999Z')).toBe('2026-11-29');
    expect(chinaDate('2026-11-29T16:00:00.000Z')).toBe('2026-11-30');
    expect(chinaDate(new Date('2025-12-31T16:30:00Z'))).toBe('2026-01-01');
    expect(chinaDate(Date.parse('2026-06-30T23:00:00+08:00'))).toBe('2026-06-30');
  });
});
