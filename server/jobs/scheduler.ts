// Scheduled work with database leases: any number of nodes run the loop; one holds each job's lease at a time.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Config } from '../config.ts';
import type { Dialect } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { applyDueAdjustments, remindTriggerDeadlines } from '../domain/adjustments/scheduled.service.ts';
import { remindOverdueFeedback } from '../domain/feedback/feedback.service.ts';
import { sendNotificationEmails } from '../domain/notifications/email.service.ts';
import { retryDueReports } from '../domain/reports/reports.service.ts';
import type { ServiceContext } from '../platform/context.ts';
import { acquireLease } from './leases.ts';
import { readJobState, writeJobState } from './job-state.ts';
import { reindexChangedBetween } from '../domain/catalogue/history.service.ts';

interface Job {
  name: string;
  everySeconds: number;
  run(ctx: ServiceContext): Promise<unknown>;
}

export const JOBS: Job[] = [
  { name: 'adjustments.apply_due', everySeconds: 60, run: applyDueAdjustments },
  { name: 'items.index_due', everySeconds: 60, run: indexDueVersions },
  { name: 'triggers.remind', everySeconds: 3600, run: remindTriggerDeadlines },
  { name: 'reports.retry', everySeconds: 30, run: retryDueReports },
  { name: 'feedback.remind_overdue', everySeconds: 3600, run: remindOverdueFeedback },
  { name: 'notifications.email', everySeconds: 60, run: (ctx) => sendNotificationEmails(ctx) },
];

// Search follows versions that take effect (or end) on their own; the watermark makes each window run once.
async function indexDueVersions(ctx: ServiceContext): Promise<number> {
  const now = ctx.now.toISOString();
  const from = (await readJobState(ctx.db, 'items.index_due')) ?? new Date(ctx.now.getTime() - 86_400_000).toISOString();
  const n = await reindexChangedBetween(ctx, from, now);
  await writeJobState(ctx.db, 'items.index_due', now);
  return n;
}

/** Runs each job whose lease this node can take now. */
export async function runJobsOnce(db: Kysely<Database>, dialect: Dialect, config: Config, holder: string, now = new Date()): Promise<string[]> {
  const ran: string[] = [];
  for (const job of JOBS) {
    if (!(await acquireLease(db, job.name, holder, now, job.everySeconds))) continue;
    const ctx: ServiceContext = { db, dialect, config, actor: null, requestId: `job:${job.name}`, ip: null, now };
    await job.run(ctx);
    ran.push(job.name);
  }
  return ran;
}

/** Starts the loop; returns a stop function. Errors are logged and the loop goes on. */
export function startScheduler(db: Kysely<Database>, dialect: Dialect, config: Config, log: (msg: string, err?: unknown) => void): () => void {
  const holder = randomUUID();
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await runJobsOnce(db, dialect, config, holder);
    } catch (error) {
      log('scheduled job failed', error);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), 30_000);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}
