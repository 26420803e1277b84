import { describe, expect, it } from 'vitest';
import { groupRuns, normalizeDate, parseCalendarText } from './calendarParse.ts';

describe('normalizeDate', () => {
  it('accepts the spellings clerks paste', () => {
    expect(normalizeDate('2026-10-01')).toBe('2026-10-01');
    expect(normalizeDate('2026/10/1')).toBe('2026-10-01');
    expect(normalizeDate('2026.10.01')).toBe('2026-10-01');
    expect(normalizeDate('20261001')).toBe('2026-10-01');
    expect(normalizeDate('2026年10月1日')).toBe('2026-10-01');
  });

  it('rejects days that do not exist', () => {
    expect(normalizeDate('2026-02-29')).toBeNull();
    expect(normalizeDate('2026-13-01')).toBeNull();
    expect(normalizeDate('国庆')).toBeNull();
  });
});

describe('parseCalendarText', () => {
  it('reads a copied table with ranges, Chinese kinds and a header row', () => {
    const { days, problems } = parseCalendarText('日期\t类型\t名称\n2026-10-01~2026-10-03\t休\t国庆节\n2026-10-10,班,国庆节调休', 2026);
    expect(problems).toEqual([]);
    expect(days).toEqual([
      { date: '2026-10-01', kind: 'holiday', name: '国庆节' },
      { date: '2026-10-02', kind: 'holiday', name: '国庆节' },
      { date: '2026-10-03', kind: 'holiday', name: '国庆节' },
      { date: '2026-10-10', kind: 'workday', name: '国庆节调休' },
    ]);
  });

  it('reads a JSON array and JSON lines', () => {
    expect(parseCalendarText('[{"date":"2026-01-01","kind":"holiday","name":"元旦"}]', 2026).days).toHaveLength(1);
    expect(parseCalendarText('{"date":"2026-01-01","kind":"holiday","name":"元旦"}\n{"date":"2026-01-04","kind":"workday","name":"元旦调休"}', 2026).days).toHaveLength(2);
  });

  it('reports days of another year, duplicates, weekday make-up days and unknown kinds', () => {
    const { days, problems } = parseCalendarText('2025-12-31 休 元旦\n2026-01-01 休 元旦\n2026-01-01 休 元旦\n2026-01-05 班 调休\n2026-01-02 x 元旦', 2026);
    expect(days).toEqual([{ date: '2026-01-01', kind: 'holiday', name: '元旦' }]);
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringContaining('类型“x”无法识别'),
      '2025-12-31 不属于 2026 年',
      '2026-01-01 重复出现',
      expect.stringContaining('调休上班日应为周六或周日'),
    ]);
  });

  it('requires a name for a holiday but not for a make-up workday', () => {
    expect(parseCalendarText('2026-10-01 休', 2026).problems).toHaveLength(1);
    expect(parseCalendarText('2026-10-10 班', 2026).days).toEqual([{ date: '2026-10-10', kind: 'workday', name: '调休上班' }]);
  });
});

describe('groupRuns', () => {
  it('joins consecutive days of one holiday and keeps make-up days apart', () => {
    const runs = groupRuns([
      { date: '2026-10-02', kind: 'holiday', name: '国庆节' },
      { date: '2026-10-01', kind: 'holiday', name: '国庆节' },
      { date: '2026-10-10', kind: 'workday', name: '国庆节' },
    ]);
    expect(runs).toEqual([
      { kind: 'holiday', name: '国庆节', from: '2026-10-01', to: '2026-10-02', count: 2 },
      { kind: 'workday', name: '国庆节', from: '2026-10-10', to: '2026-10-10', count: 1 },
    ]);
  });
});
