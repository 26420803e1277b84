import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { FeedbackTable } from '../../db/schema-reports.ts';

export type FeedbackRow = FeedbackTable;

// What the public may read: everything except the sender's contact. Public queries select exactly these columns.
const PUBLIC_COLUMNS = ['id', 'target_kind', 'target_ref', 'target_name', 'category', 'body', 'submitted_at', 'due_on', 'answer', 'answered_at'] as const;
export type PublicFeedbackRow = Pick<FeedbackRow, (typeof PUBLIC_COLUMNS)[number]>;

export async function insertFeedback(db: Kysely<Database>, row: FeedbackRow): Promise<void> {
  await db.insertInto('feedback').values(row).execute();
}

export async function findFeedback(db: Kysely<Database>, id: string): Promise<FeedbackRow | undefined> {
  return db.selectFrom('feedback').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Public feedback on one item or publication, newest first, without contact details. */
export async function listPublicFeedback(db: Kysely<Database>, kind: string, ref: string, limit: number): Promise<PublicFeedbackRow[]> {
  return db.selectFrom('feedback').select(PUBLIC_COLUMNS).where('target_kind', '=', kind).where('target_ref', '=', ref).orderBy('submitted_at', 'desc').limit(limit).execute();
}

export interface StaffFilter {
  orgId?: string;
  open?: boolean;
  dueBefore?: string;
}

export async function listFeedback(db: Kysely<Database>, f: StaffFilter, limit: number): Promise<FeedbackRow[]> {
  let q = db.selectFrom('feedback').selectAll();
  if (f.orgId) q = q.where('org_id', '=', f.orgId);
  if (f.open === true) q = q.where('answered_at', 'is', null);
  if (f.open === false) q = q.where('answered_at', 'is not', null);
  if (f.dueBefore) q = q.where('due_on', '<', f.dueBefore);
  return q.orderBy('submitted_at', 'desc').limit(limit).execute();
}

export async function countFeedback(db: Kysely<Database>, f: StaffFilter): Promise<number> {
  let q = db.selectFrom('feedback').select((eb) => eb.fn.countAll<number>().as('n'));
  if (f.orgId) q = q.where('org_id', '=', f.orgId);
  if (f.open === true) q = q.where('answered_at', 'is', null);
  if (f.dueBefore) q = q.where('due_on', '<', f.dueBefore);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

/** Records the answer once: false when it was answered meanwhile. */
export async function answerFeedback(db: Kysely<Database>, id: string, set: Pick<FeedbackRow, 'answer' | 'answered_at' | 'answered_by' | 'answered_by_name'>): Promise<boolean> {
  const r = await db.updateTable('feedback').set(set).where('id', '=', id).where('answered_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
