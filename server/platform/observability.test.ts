import { describe, expect, it } from 'vitest';
import { buildTestApp, TEST_DIALECT } from '../test/test-app.ts';

// Probes for the operator: /healthz says the process lives, /readyz that the database answers, /metrics what happened.

describe(`health, readiness and metrics (${TEST_DIALECT})`, () => {
  it('/readyz answers 200 while the database answers and 503 once it is gone; /healthz stays 200; /metrics counts requests by route', async () => {
    const t = await buildTestApp();
    try {
      expect((await t.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
      const ready = await t.app.inject({ method: 'GET', url: '/readyz' });
      expect(ready.statusCode).toBe(200);
      expect(ready.json()).toEqual({ status: 'ready' });

      const metrics = await t.app.inject({ method: 'GET', url: '/metrics' });
      expect(metrics.statusCode).toBe(200);
      expect(metrics.headers['content-type']).toMatch(/^text\/plain/);
      expect(metrics.body).toMatch(/qingdan_http_request_duration_seconds_count\{method="GET",route="\/readyz",status="200"\} 1/);
      expect(metrics.body).toContain('qingdan_process_cpu_user_seconds_total');

      await t.database.destroy();
      const down = await t.app.inject({ method: 'GET', url: '/readyz' });
      expect(down.statusCode).toBe(503);
      expect(down.json()).toEqual({ status: 'database unavailable' });
      expect((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    } finally {
      await t.app.close();
    }
  });
});
