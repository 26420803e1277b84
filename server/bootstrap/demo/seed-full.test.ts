import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import { createTestDatabase, TEST_DIALECT } from '../../test/test-app.ts';
import { seedFullDemo } from './seed-demo.ts';

describe(`the full demo (${TEST_DIALECT})`, () => {
  let db: Db;
  let summary: string | null;
  const config = loadConfig({ NODE_ENV: 'test' }, { sealKek: { kind: 'inline', key: randomBytes(32) } });
  beforeAll(async () => {
    db = await createTestDatabase();
    summary = await seedFullDemo(db, config);
  }, 120_000);
  afterAll(async () => {
    await db.destroy();
  });

  it('loads once: a second run on the same database does nothing', async () => {
    expect(summary).toMatch(/337 items/);
    expect(summary).toMatch(/政务服务事项清单 \d{4}年第1版/);
    expect(await seedFullDemo(db, config)).toBeNull();
  });

  it('has requests in every state, an overdue and a due-soon trigger, and a delegated item with an open handover', async () => {
    const states = (await db.db.selectFrom('adjustment_request').select('state').execute()).map((r) => r.state);
    for (const s of ['draft', 'submitted', 'under_review', 'returned', 'approved', 'applied', 'rejected', 'withdrawn']) expect(states, s).toContain(s);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const triggers = await db.db.selectFrom('adjustment_trigger').selectAll().where('status', '=', 'open').execute();
    expect(triggers.some((t) => t.due_on < today)).toBe(true);
    expect(triggers.some((t) => t.due_on >= today)).toBe(true);
    const handovers = await db.db.selectFrom('handover').selectAll().where('status', '=', 'open').where('kind', '=', 'delegate').execute();
    expect(handovers).toHaveLength(1);
    const moved = await db.db.selectFrom('item').select('org_id').where('implementation_code', '=', handovers[0].new_item_code!).executeTakeFirstOrThrow();
    expect(moved.org_id).toBe(handovers[0].to_org_id);
  });
});
