import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, type Res } from '../../test/routes.ts';
import { buildTestApp, TEST_DIALECT, type Session, type TestApp } from '../../test/test-app.ts';

// Route tests for the work calendar: public deadlines and years, and loading a year's notice.

interface Day {
  date: string;
  kind: 'holiday' | 'workday';
  name: string;
}

// A fictitious 2027 notice (the real one is not published yet): 元旦 Fri 1 – Sun 3 Jan; 春节 Fri 5 – Thu 11 Feb
// with make-up workdays Sun 31 Jan and Sat 20 Feb.
const NOTICE_2027: Day[] = [
  { date: '2027-01-01', kind: 'holiday', name: '元旦' },
  { date: '2027-01-02', kind: 'holiday', name: '元旦' },
  { date: '2027-01-03', kind: 'holiday', name: '元旦' },
  { date: '2027-01-31', kind: 'workday', name: '春节' },
  ...['05', '06', '07', '08', '09', '10', '11'].map((d): Day => ({ date: `2027-02-${d}`, kind: 'holiday', name: '春节' })),
  { date: '2027-02-20', kind: 'workday', name: '春节' },
];

describe(`calendar routes (${TEST_DIALECT})`, () => {
  let t: TestApp;
  let admin: Session;
  let reviewer: Session;

  beforeAll(async () => {
    t = await buildTestApp();
    [admin, reviewer] = await t.loginAll('admin', 'reviewer');
  });
  afterAll(async () => {
    await t?.close();
  });

  const deadline = (query: string) => t.call(undefined, 'GET', `/api/calendar/deadline?${query}`);

  async function expectNotLoadedBy(res: Res): Promise<void> {
    const rows = (await t.auditRows('calendar.load_year')).filter((r) => r.request_id === res.headers['x-request-id']);
    expect(rows).toEqual([]);
    const days = (await t.call(undefined, 'GET', '/api/calendar/2027')).json().days as Day[];
    expect(days.map((d) => d.name)).not.toContain('被拒绝的安排');
  }

  describe('GET /api/calendar/deadline (public)', () => {
    it('400 CALENDAR.INVALID_QUERY when both or neither of workingDays and months are given', async () => {
      const both = expectError(await deadline('from=2025-09-26&workingDays=20&months=1'), 400, 'CALENDAR.INVALID_QUERY', ['querystring']);
      expect(both.message).toContain('workingDays');
      expectError(await deadline('from=2025-09-26'), 400, 'CALENDAR.INVALID_QUERY', ['querystring']);
    });

    it('400 VALIDATION.FAILED for a badly formatted date, a missing date, or a negative count', async () => {
      expectError(await deadline('from=2025/09/26&workingDays=20'), 400, 'VALIDATION.FAILED', ['querystring.from']);
      expectError(await deadline('from=26-09-2025&workingDays=20'), 400, 'VALIDATION.FAILED', ['querystring.from']);
      expectError(await deadline('workingDays=20'), 400, 'VALIDATION.FAILED', ['querystring.from']);
      expectError(await deadline('from=2025-09-26&workingDays=-1'), 400, 'VALIDATION.FAILED', ['querystring.workingDays']);
      expectError(await deadline('from=2025-09-26&months=abc'), 400, 'VALIDATION.FAILED', ['querystring.months']);
    });

    it('400 CALENDAR.INVALID_DATE for an impossible date such as 2025-02-30', async () => {
      const error = expectError(await deadline('from=2025-02-30&workingDays=5'), 400, 'CALENDAR.INVALID_DATE');
      expect(error.message).toContain('2025-02-30');
    });

    it('422 CALENDAR.YEAR_NOT_LOADED for a year whose holiday notice is not loaded, naming the year', async () => {
      const error = expectError(await deadline('from=2030-01-07&workingDays=5'), 422, 'CALENDAR.YEAR_NOT_LOADED');
      expect(error.details).toEqual({ year: 2030 });
      expect(error.message).toContain('2030');
    });

    it('200 without a session: working days skip the National Day holiday', async () => {
      const res = await deadline('from=2025-09-26&workingDays=20');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ due: '2025-10-30' });
    });

    it('200: a civil-law month ending on a holiday rolls to the next working day', async () => {
      const res = await deadline('from=2025-09-01&months=1');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ due: '2025-10-09' });
    });

    it('200: 31 Jan + 1 month ends on the last day of February (a make-up workday in 2026)', async () => {
      const res = await deadline('from=2026-01-31&months=1');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ due: '2026-02-28' });
    });
  });

  describe('GET /api/calendar/:year (public)', () => {
    it('400 VALIDATION.FAILED for a year outside 1990–2100 or not a number', async () => {
      expectError(await t.call(undefined, 'GET', '/api/calendar/1989'), 400, 'VALIDATION.FAILED', ['params.year']);
      expectError(await t.call(undefined, 'GET', '/api/calendar/twenty'), 400, 'VALIDATION.FAILED', ['params.year']);
    });

    it('200 without a session: 2026 lists the 国庆节 holidays and its make-up workdays 2026-09-20 and 2026-10-10', async () => {
      const res = await t.call(undefined, 'GET', '/api/calendar/2026');
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as { year: number; loaded: boolean; days: Day[] };
      expect(body).toMatchObject({ year: 2026, loaded: true });
      const nationalDay = body.days.filter((d) => d.name === '国庆节');
      expect(nationalDay.filter((d) => d.kind === 'holiday').map((d) => d.date)).toEqual(
        ['01', '02', '03', '04', '05', '06', '07'].map((d) => `2026-10-${d}`),
      );
      expect(nationalDay.filter((d) => d.kind === 'workday').map((d) => d.date)).toEqual(['2026-09-20', '2026-10-10']);
      expect(body.days.map((d) => d.date)).toEqual([...body.days.map((d) => d.date)].sort());
    });

    it('200 with loaded=false and no days for a year without a notice', async () => {
      const res = await t.call(undefined, 'GET', '/api/calendar/2030');
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ year: 2030, loaded: false, days: [] });
    });
  });

  describe('POST /api/calendar/:year', () => {
    it('401 without a session', async () => {
      const res = await t.call(undefined, 'POST', '/api/calendar/2027', { days: NOTICE_2027 });
      expectError(res, 401, 'AUTH.REQUIRED');
      await expectNotLoadedBy(res);
    });

    it('400 VALIDATION.FAILED for an unknown kind, a malformed date, a missing days list, a year out of range or an unknown field', async () => {
      const badKind = await t.call(admin, 'POST', '/api/calendar/2027', { days: [{ date: '2027-01-01', kind: 'rest', name: '被拒绝的安排' }] });
      expect((expectError(badKind, 400, 'VALIDATION.FAILED').details as Array<{ path: string }>).every((d) => d.path.startsWith('body.days.0.kind'))).toBe(true);
      expectError(await t.call(admin, 'POST', '/api/calendar/2027', { days: [{ date: '2027-1-1', kind: 'holiday', name: '被拒绝的安排' }] }), 400, 'VALIDATION.FAILED', ['body.days.0.date']);
      expectError(await t.call(admin, 'POST', '/api/calendar/2027', {}), 400, 'VALIDATION.FAILED', ['body.days']);
      expectError(await t.call(admin, 'POST', '/api/calendar/1989', { days: [{ date: '1989-01-01', kind: 'holiday', name: '被拒绝的安排' }] }), 400, 'VALIDATION.FAILED', ['params.year']);
      const extra = await t.call(admin, 'POST', '/api/calendar/2027', { days: [{ date: '2027-01-01', kind: 'holiday', name: '被拒绝的安排' }], replace: true });
      expectError(extra, 400, 'VALIDATION.FAILED', ['body']);
      await expectNotLoadedBy(extra);
    });

    it('400 CALENDAR.INVALID for a date outside the year', async () => {
      const res = await t.call(admin, 'POST', '/api/calendar/2027', { days: [...NOTICE_2027, { date: '2026-12-31', kind: 'holiday', name: '被拒绝的安排' }] });
      const error = expectError(res, 400, 'CALENDAR.INVALID', [`body.days.${NOTICE_2027.length}.date`]);
      expect(JSON.stringify(error.details)).toContain('2027');
      await expectNotLoadedBy(res);
    });

    it('400 CALENDAR.INVALID for a duplicate date, naming the second occurrence', async () => {
      const res = await t.call(admin, 'POST', '/api/calendar/2027', { days: [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }, { date: '2027-01-01', kind: 'holiday', name: '被拒绝的安排' }] });
      const error = expectError(res, 400, 'CALENDAR.INVALID', ['body.days.1.date']);
      expect(JSON.stringify(error.details)).toContain('日期重复');
      await expectNotLoadedBy(res);
    });

    it('400 CALENDAR.INVALID for a make-up workday on a weekday (and an impossible date), all problems at once', async () => {
      const res = await t.call(admin, 'POST', '/api/calendar/2027', {
        days: [
          { date: '2027-02-03', kind: 'workday', name: '被拒绝的安排' },
          { date: '2027-02-30', kind: 'holiday', name: '被拒绝的安排' },
        ],
      });
      const error = expectError(res, 400, 'CALENDAR.INVALID', ['body.days.0.kind', 'body.days.1.date']);
      expect(JSON.stringify(error.details)).toContain('周六或周日');
      await expectNotLoadedBy(res);
    });

    it('403 ACCESS.FORBIDDEN for a reviewer', async () => {
      const res = await t.call(reviewer, 'POST', '/api/calendar/2027', { days: [{ date: '2027-01-01', kind: 'holiday', name: '被拒绝的安排' }] });
      expectError(res, 403, 'ACCESS.FORBIDDEN');
      await expectNotLoadedBy(res);
    });

    it('200: loads 2027 (calendar.load_year), after which deadlines running into 2027 compute with its holidays', async () => {
      // Before: a deadline that crosses into 2027 cannot be computed.
      const before = expectError(await deadline('from=2026-12-31&workingDays=1'), 422, 'CALENDAR.YEAR_NOT_LOADED');
      expect(before.details).toEqual({ year: 2027 });

      const res = await t.call(admin, 'POST', '/api/calendar/2027', { days: [...NOTICE_2027].reverse(), source: '测试用 2027 年节假日安排' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ year: 2027, loaded: true, days: NOTICE_2027 });
      expect((await t.call(undefined, 'GET', '/api/calendar/2027')).json()).toEqual({ year: 2027, loaded: true, days: NOTICE_2027 });

      const row = (await t.auditRows('calendar.load_year')).find((r) => r.request_id === res.headers['x-request-id']);
      expect(row).toMatchObject({ action: 'calendar.load_year', actor_id: admin.userId, target_id: '2027' });
      expect(JSON.parse(row!.summary)).toEqual({ year: 2027, replaced: false, holidays: 10, workdays: 2, source: '测试用 2027 年节假日安排' });

      // 元旦 1–3 Jan is skipped; a Saturday make-up workday counts; 28 Feb (Sunday) rolls to Monday 1 Mar.
      expect((await deadline('from=2026-12-31&workingDays=1')).json()).toEqual({ due: '2027-01-04' });
      expect((await deadline('from=2027-02-19&workingDays=1')).json()).toEqual({ due: '2027-02-20' });
      expect((await deadline('from=2027-02-04&workingDays=1')).json()).toEqual({ due: '2027-02-12' });
      expect((await deadline('from=2027-01-31&months=1')).json()).toEqual({ due: '2027-03-01' });

      // Loading again replaces the year rather than adding to it.
      const again = await t.call(admin, 'POST', '/api/calendar/2027', { days: NOTICE_2027.slice(0, 3) });
      expect(again.statusCode, again.body).toBe(200);
      expect(again.json().days).toEqual(NOTICE_2027.slice(0, 3));
      const second = (await t.auditRows('calendar.load_year')).find((r) => r.request_id === again.headers['x-request-id']);
      expect(JSON.parse(second!.summary)).toMatchObject({ year: 2027, replaced: true, holidays: 3, workdays: 0, source: '国务院办公厅关于部分节假日安排的通知' });
      expect((await deadline('from=2027-02-04&workingDays=1')).json()).toEqual({ due: '2027-02-05' });
    });
  });
});
