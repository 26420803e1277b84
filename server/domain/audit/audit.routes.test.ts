import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEventPage as Page } from '../../../common/audit-views.ts';
import { expectError } from '../../test/routes.ts';
import { buildTestApp, DEMO_PASSWORD, TEST_DIALECT, type Session, type TestApp } from '../../test/test-app.ts';

// Route tests for the read-only audit log, in STYLE.md's order.


const EVENT_KEYS = ['action', 'actorId', 'actorName', 'id', 'ip', 'occurredAt', 'orgId', 'requestId', 'role', 'summary', 'targetId', 'targetType'];

describe(`audit routes (${TEST_DIALECT})`, () => {
  let t: TestApp;
  let admin: Session;
  let auditor: Session;
  let reviewer: Session;
  let scjg: Session;

  beforeAll(async () => {
    t = await buildTestApp();
    [admin, auditor, reviewer, scjg] = await t.loginAll('admin', 'auditor', 'reviewer', 'scjg');
  });
  afterAll(async () => {
    await t?.close();
  });

  const list = async (session: Session, query = ''): Promise<Page> => {
    const res = await t.call(session, 'GET', `/api/audit${query ? `?${query}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  describe('GET /api/audit', () => {
    it('401 without a session', async () => {
      expectError(await t.call(undefined, 'GET', '/api/audit'), 401, 'AUTH.REQUIRED');
    });

    it('400 VALIDATION.FAILED for an action outside the dotted lower-case pattern', async () => {
      for (const action of ['Auth.Login', 'auth login', 'auth.login;drop', '.auth']) {
        expectError(await t.call(auditor, 'GET', `/api/audit?action=${encodeURIComponent(action)}`), 400, 'VALIDATION.FAILED', ['querystring.action']);
      }
    });

    it('400 VALIDATION.FAILED for a limit that is not an integer in 1–200, and for a malformed time', async () => {
      for (const limit of ['0', '201', 'ten', '1.5']) {
        expectError(await t.call(auditor, 'GET', `/api/audit?limit=${limit}`), 400, 'VALIDATION.FAILED', ['querystring.limit']);
      }
      expectError(await t.call(auditor, 'GET', '/api/audit?from=yesterday'), 400, 'VALIDATION.FAILED', ['querystring.from']);
    });

    it('400 AUDIT.INVALID_RANGE when from is after to', async () => {
      const error = expectError(await t.call(auditor, 'GET', '/api/audit?from=2026-02-01&to=2026-01-01'), 400, 'AUDIT.INVALID_RANGE', ['querystring.from']);
      expect(error.message).toBe('开始时间不能晚于结束时间');
    });

    it('403 ACCESS.FORBIDDEN for a department editor, a reviewer and every other non-reading role', async () => {
      expectError(await t.call(scjg, 'GET', '/api/audit'), 403, 'ACCESS.FORBIDDEN');
      expectError(await t.call(reviewer, 'GET', '/api/audit'), 403, 'ACCESS.FORBIDDEN');
      for (const username of ['scjg-leader', 'scjg-filing', 'glt']) {
        expectError(await t.call(await t.login(username), 'GET', '/api/audit'), 403, 'ACCESS.FORBIDDEN');
      }
    });

    it('200 for an auditor and an administrator: newest first, with actor, target, summary and the request id of the change', async () => {
      const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'scjg-leader', password: DEMO_PASSWORD } });
      expect(login.statusCode).toBe(200);
      const leaderId = login.json().id as string;

      for (const session of [auditor, admin]) {
        const page = await list(session);
        expect(page.items.length).toBeGreaterThan(0);
        for (const event of page.items) expect(Object.keys(event).sort()).toEqual(EVENT_KEYS);
        const ids = page.items.map((e) => e.id);
        expect(ids).toEqual([...ids].sort().reverse());
        const mine = page.items.find((e) => e.requestId === login.headers['x-request-id']);
        expect(mine).toMatchObject({
          action: 'auth.login',
          actorId: leaderId,
          actorName: '市场监管局负责人 李娜',
          targetType: 'user',
          targetId: leaderId,
          summary: { username: 'scjg-leader' },
          ip: '127.0.0.1',
        });
        expect(Date.parse(mine!.occurredAt)).toBeGreaterThan(Date.now() - 60_000);
      }
      // The seed's row is there too, with no actor.
      const seed = await list(auditor, 'action=demo.seed');
      expect(seed.items).toEqual([expect.objectContaining({ action: 'demo.seed', actorId: null, actorName: 'seed-demo' })]);
    });

    it('filters by action (exact, or a prefix ending in a dot) and by actorId', async () => {
      const byAction = await list(auditor, 'action=auth.login&limit=200');
      expect(byAction.items.length).toBeGreaterThanOrEqual(4);
      expect(new Set(byAction.items.map((e) => e.action))).toEqual(new Set(['auth.login']));

      // A write by the admin, so a prefix catches more than one action.
      expect((await t.call(admin, 'POST', '/api/auth/logout')).statusCode).toBe(204);
      admin = await t.login('admin');
      const byPrefix = await list(auditor, 'action=auth.&limit=200');
      expect(new Set(byPrefix.items.map((e) => e.action))).toEqual(new Set(['auth.login', 'auth.logout']));

      const byActor = await list(auditor, `actorId=${scjg.userId}&limit=200`);
      expect(byActor.items.length).toBeGreaterThan(0);
      expect(new Set(byActor.items.map((e) => e.actorId))).toEqual(new Set([scjg.userId]));

      const both = await list(auditor, `action=auth.logout&actorId=${admin.userId}`);
      expect(both.items.length).toBeGreaterThan(0);
      expect(both.items.every((e) => e.action === 'auth.logout' && e.actorId === admin.userId)).toBe(true);
      expect((await list(auditor, `action=auth.logout&actorId=${scjg.userId}`)).items).toEqual([]);
    });

    it('filters by time window', async () => {
      expect((await list(auditor, 'to=2000-01-01')).items).toEqual([]);
      expect((await list(auditor, 'from=2999-01-01T00:00:00Z')).items).toEqual([]);
      const recent = await list(auditor, `from=${new Date(Date.now() - 3_600_000).toISOString()}&limit=4`);
      expect(recent.items.length).toBe(4);
    });

    it('pages with a cursor: disjoint pages, newest first, together exactly the matching rows', async () => {
      for (let i = 0; i < 5; i++) await t.login('auditor');
      const expected = await t.database.db.selectFrom('audit_event').select('id').where('action', '=', 'auth.login').where('actor_id', '=', auditor.userId).orderBy('id', 'desc').execute();
      expect(expected.length).toBeGreaterThanOrEqual(6);

      const pages: Page[] = [];
      let cursor: string | null = null;
      do {
        const page: Page = await list(auditor, `action=auth.login&actorId=${auditor.userId}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        pages.push(page);
        cursor = page.nextCursor;
        expect(pages.length).toBeLessThan(10);
      } while (cursor);

      expect(pages.slice(0, -1).every((p) => p.items.length === 2)).toBe(true);
      expect(pages.at(-1)!.items.length).toBeGreaterThan(0);
      const ids = pages.flatMap((p) => p.items.map((e) => e.id));
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toEqual(expected.map((r) => r.id));
      const times = pages.flatMap((p) => p.items.map((e) => e.occurredAt));
      expect(times).toEqual([...times].sort().reverse());
      // Each page's cursor is its last id: the next page starts strictly after it.
      for (let i = 1; i < pages.length; i++) expect(pages[i].items[0].id < pages[i - 1].nextCursor!).toBe(true);
    });
  });

  describe('no route changes the log', () => {
    it('PUT, PATCH and DELETE on /api/audit and /api/audit/:id answer 404, and the row stays as it was', async () => {
      const before = await list(admin, 'limit=1');
      const event = before.items[0];
      for (const method of ['PUT', 'PATCH', 'DELETE', 'POST'] as const) {
        for (const url of ['/api/audit', `/api/audit/${event.id}`]) {
          const res = await t.app.inject({
            method,
            url,
            headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken, 'content-type': 'application/json' },
            payload: JSON.stringify({ action: 'tampered', summary: {} }),
          });
          expectError(res, 404, 'NOT_FOUND');
        }
      }
      const after = await list(admin, 'limit=200');
      expect(after.items.find((e) => e.id === event.id)).toEqual(event);
      expect((await list(admin, 'action=tampered')).items).toEqual([]);
    });
  });
});
