// Fixed-window counters in the database (rate_counter), so every node behind a load balancer counts together.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { DomainError } from './errors.ts';

/** Adds one hit to `key` in the window of `windowSeconds` containing `now`; returns the hits in that window. */
export async function bumpRateCounter(db: Kysely<Database>, key: string, now: Date, windowSeconds: number): Promise<number> {
  const windowStart = new Date(Math.floor(now.getTime() / (windowSeconds * 1000)) * windowSeconds * 1000).toISOString();
  const row = await db
    .insertInto('rate_counter')
    .values({ key, window_start: windowStart, count: 1 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        count: sql<number>`case when rate_counter.window_start = ${windowStart} then rate_counter.count + 1 else 1 end`,
        window_start: windowStart,
      }),
    )
    .returning('count')
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/**
 * Counts a hit and refuses it past `limit` in the window.
 * @throws RATE.LIMITED (429)
 */
export async function enforceRateLimit(db: Kysely<Database>, key: string, now: Date, limit: number, windowSeconds: number, message = '请求过于频繁，请稍后再试'): Promise<void> {
  if ((await bumpRateCounter(db, key, now, windowSeconds)) > limit) throw new DomainError(429, 'RATE.LIMITED', message);
}
