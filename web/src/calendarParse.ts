import dayjs from 'dayjs';
import type { CalendarDay, CalendarDayKind } from './api.ts';

export interface ParseProblem {
  line: number;
  message: string;
}

export interface ParseResult {
  days: CalendarDay[];
  problems: ParseProblem[];
}

const KIND_WORDS: Record<string, CalendarDayKind> = {
  holiday: 'holiday',
  h: 'holiday',
  休: 'holiday',
  假: 'holiday',
  节假日: 'holiday',
  放假: 'holiday',
  workday: 'workday',
  w: 'workday',
  班: 'workday',
  上班: 'workday',
  调休上班: 'workday',
  补班: 'workday',
};

/** "2026/10/1", "2026.10.01", "20261001", "2026-10-01" → "2026-10-01"; null when not a real date. */
export function normalizeDate(text: string): string | null {
  const m = /^(\d{4})[-/.年]?(\d{1,2})[-/.月]?(\d{1,2})日?$/.exec(text.trim());
  if (!m) return null;
  const iso = `${m[1]}-${m[2]?.padStart(2, '0')}-${m[3]?.padStart(2, '0')}`;
  const d = dayjs(iso);
  return d.isValid() && d.format('YYYY-MM-DD') === iso ? iso : null;
}

function expand(from: string, to: string): string[] {
  const out: string[] = [];
  let d = dayjs(from);
  const end = dayjs(to);
  while (!d.isAfter(end) && out.length < 400) {
    out.push(d.format('YYYY-MM-DD'));
    d = d.add(1, 'day');
  }
  return out;
}

function fromObject(value: unknown, line: number, problems: ParseProblem[]): CalendarDay[] {
  const o = value as { date?: unknown; kind?: unknown; name?: unknown } | null;
  if (!o || typeof o !== 'object' || typeof o.date !== 'string') {
    problems.push({ line, message: '缺少 date 字段' });
    return [];
  }
  return fromParts([o.date, String(o.kind ?? ''), typeof o.name === 'string' ? o.name : ''], line, problems);
}

function fromParts([dateText = '', kindText = '', ...nameParts]: string[], line: number, problems: ParseProblem[]): CalendarDay[] {
  const kind = KIND_WORDS[kindText.trim().toLowerCase()];
  if (!kind) {
    problems.push({ line, message: `类型“${kindText}”无法识别（应为 holiday/休 或 workday/班）` });
    return [];
  }
  const name = nameParts.join(' ').trim() || (kind === 'workday' ? '调休上班' : '');
  if (!name) {
    problems.push({ line, message: '节假日需要名称，如“国庆节”' });
    return [];
  }
  // "2026-10-01~2026-10-07" stands for each day of the range.
  const range = dateText.split(/~|～|\.\.|至/);
  const from = normalizeDate(range[0] ?? '');
  const to = range.length > 1 ? normalizeDate(range[1] ?? '') : from;
  if (!from || !to || to < from) {
    problems.push({ line, message: `日期“${dateText}”无效` });
    return [];
  }
  return expand(from, to).map((date) => ({ date, kind, name }));
}

/**
 * Reads what a clerk pastes: a JSON array, JSON lines, or lines of "日期 类型 名称" separated by
 * tabs, commas or spaces (a copied spreadsheet). Dates outside `year` and duplicates are problems.
 */
export function parseCalendarText(text: string, year: number): ParseResult {
  const problems: ParseProblem[] = [];
  let days: CalendarDay[] = [];
  const trimmed = text.trim();
  if (trimmed.startsWith('[')) {
    try {
      const list: unknown = JSON.parse(trimmed);
      if (!Array.isArray(list)) throw new Error('not an array');
      list.forEach((item, i) => days.push(...fromObject(item, i + 1, problems)));
    } catch {
      problems.push({ line: 1, message: 'JSON 格式有误' });
    }
  } else {
    trimmed.split(/\r?\n/).forEach((raw, i) => {
      const line = raw.trim();
      // Skip blanks, comments and a copied header row (\b does not work next to CJK).
      if (!line || line.startsWith('#') || /^(date|日期)(\s|,|，|$)/i.test(line)) return;
      if (line.startsWith('{')) {
        try {
          days.push(...fromObject(JSON.parse(line), i + 1, problems));
        } catch {
          problems.push({ line: i + 1, message: 'JSON 格式有误' });
        }
        return;
      }
      days.push(...fromParts(line.split(/\t|,|，|;|；|\s+/).filter(Boolean), i + 1, problems));
    });
  }
  days = checkDays(days, year, problems);
  return { days, problems };
}

/** Drops days outside the year and reports duplicates; returns the days sorted by date. */
export function checkDays(days: CalendarDay[], year: number, problems: ParseProblem[]): CalendarDay[] {
  const seen = new Map<string, CalendarDay>();
  for (const day of days) {
    if (!day.date.startsWith(`${year}-`)) {
      problems.push({ line: 0, message: `${day.date} 不属于 ${year} 年` });
      continue;
    }
    const weekday = dayjs(day.date).day();
    if (day.kind === 'workday' && weekday !== 0 && weekday !== 6) {
      problems.push({ line: 0, message: `${day.date} 是工作日，调休上班日应为周六或周日` });
      continue;
    }
    if (seen.has(day.date)) {
      problems.push({ line: 0, message: `${day.date} 重复出现` });
      continue;
    }
    seen.set(day.date, day);
  }
  return [...seen.values()].sort((a, b) => a.date.localeCompare(b.date));
}

export interface DayRun {
  kind: CalendarDayKind;
  name: string;
  from: string;
  to: string;
  count: number;
}

/** Groups consecutive days of the same kind and name: "国庆节 10-01 至 10-07，7 天". */
export function groupRuns(days: CalendarDay[]): DayRun[] {
  const runs: DayRun[] = [];
  for (const day of [...days].sort((a, b) => a.date.localeCompare(b.date))) {
    const last = runs.at(-1);
    if (last && last.kind === day.kind && last.name === day.name && dayjs(last.to).add(1, 'day').format('YYYY-MM-DD') === day.date) {
      last.to = day.date;
      last.count += 1;
    } else {
      runs.push({ kind: day.kind, name: day.name, from: day.date, to: day.date, count: 1 });
    }
  }
  return runs;
}
