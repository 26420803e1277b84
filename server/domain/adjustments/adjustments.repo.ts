import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type {
  AdjustmentActionTable, AdjustmentItemTable, AdjustmentRequestTable, AdjustmentTriggerTable, HandoverTable, HandoverTaskTable, TriggerOrgTable,
} from '../../db/schema-adjustments.ts';

export type TriggerRow = AdjustmentTriggerTable;
export type RequestRow = AdjustmentRequestTable;
export type ActionRow = AdjustmentActionTable;
export type AdjItemRow = AdjustmentItemTable;
export type HandoverRow = HandoverTable;
export type TaskRow = HandoverTaskTable;

// ---- triggers

export async function insertTrigger(db: Kysely<Database>, row: TriggerRow, orgIds: string[]): Promise<void> {
  await db.insertInto('adjustment_trigger').values(row).execute();
  if (orgIds.length) {
    await db.insertInto('trigger_org').values(orgIds.map((org_id) => ({ trigger_id: row.id, org_id, resolution: null, note: null, adjustment_id: null, resolved_at: null, resolved_by: null }))).execute();
  }
}

export async function findTrigger(db: Kysely<Database>, id: string): Promise<TriggerRow | undefined> {
  return db.selectFrom('adjustment_trigger').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function triggerOrgs(db: Kysely<Database>, triggerIds: string[]): Promise<TriggerOrgTable[]> {
  if (!triggerIds.length) return [];
  return db.selectFrom('trigger_org').selectAll().where('trigger_id', 'in', triggerIds).execute();
}

export async function listTriggers(db: Kysely<Database>, f: { status?: string; orgId?: string; dueBefore?: string; limit: number }): Promise<TriggerRow[]> {
  let q = db.selectFrom('adjustment_trigger as t').selectAll('t');
  if (f.status) q = q.where('t.status', '=', f.status);
  if (f.dueBefore) q = q.where('t.due_on', '<', f.dueBefore);
  if (f.orgId) {
    const orgId = f.orgId;
    q = q.where((eb) => eb.or([eb('t.registered_org_id', '=', orgId), eb.exists(eb.selectFrom('trigger_org as o').select('o.org_id').whereRef('o.trigger_id', '=', 't.id').where('o.org_id', '=', orgId))]));
  }
  return q.orderBy('t.due_on').orderBy('t.id').limit(f.limit).execute();
}

export async function resolveTriggerOrg(db: Kysely<Database>, triggerId: string, orgId: string, patch: Partial<TriggerOrgTable>): Promise<void> {
  await db.updateTable('trigger_org').set(patch).where('trigger_id', '=', triggerId).where('org_id', '=', orgId).execute();
}

export async function updateTrigger(db: Kysely<Database>, id: string, patch: Partial<Omit<TriggerRow, 'id'>>): Promise<void> {
  await db.updateTable('adjustment_trigger').set(patch).where('id', '=', id).execute();
}

// ---- requests

export async function insertRequest(db: Kysely<Database>, row: RequestRow): Promise<void> {
  await db.insertInto('adjustment_request').values(row).execute();
}

export async function findRequest(db: Kysely<Database>, id: string): Promise<RequestRow | undefined> {
  return db.selectFrom('adjustment_request').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findRequestByClientTx(db: Kysely<Database>, clientTxId: string): Promise<RequestRow | undefined> {
  return db.selectFrom('adjustment_request').selectAll().where('client_tx_id', '=', clientTxId).executeTakeFirst();
}

export async function updateRequest(db: Kysely<Database>, id: string, patch: Partial<Omit<RequestRow, 'id'>>): Promise<void> {
  await db.updateTable('adjustment_request').set(patch).where('id', '=', id).execute();
}

/** Moves the request to a new state only if nobody acted since `expectedCount`: the loser of a race changes nothing. */
export async function advanceRequest(db: Kysely<Database>, id: string, expectedCount: number, patch: Partial<Omit<RequestRow, 'id'>>): Promise<boolean> {
  const result = await db
    .updateTable('adjustment_request')
    .set({ ...patch, action_count: expectedCount + 1 })
    .where('id', '=', id)
    .where('action_count', '=', expectedCount)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function listRequests(db: Kysely<Database>, f: { orgId?: string; states?: string[]; limit: number }): Promise<RequestRow[]> {
  let q = db.selectFrom('adjustment_request').selectAll();
  if (f.orgId) {
    const orgId = f.orgId;
    q = q.where((eb) => eb.or([eb('org_id', '=', orgId), eb('receiving_org_id', '=', orgId)]));
  }
  if (f.states?.length) q = q.where('state', 'in', f.states);
  return q.orderBy('updated_at', 'desc').limit(f.limit).execute();
}

export async function linkTriggers(db: Kysely<Database>, requestId: string, triggerIds: string[]): Promise<void> {
  await db.deleteFrom('adjustment_request_trigger').where('request_id', '=', requestId).execute();
  if (triggerIds.length) await db.insertInto('adjustment_request_trigger').values(triggerIds.map((trigger_id) => ({ request_id: requestId, trigger_id }))).execute();
}

export async function triggersOfRequest(db: Kysely<Database>, requestId: string): Promise<TriggerRow[]> {
  return db
    .selectFrom('adjustment_request_trigger as l')
    .innerJoin('adjustment_trigger as t', 't.id', 'l.trigger_id')
    .selectAll('t')
    .where('l.request_id', '=', requestId)
    .orderBy('t.due_on')
    .execute();
}

export async function replaceItems(db: Kysely<Database>, requestId: string, rows: AdjItemRow[]): Promise<void> {
  await db.deleteFrom('adjustment_item').where('request_id', '=', requestId).execute();
  if (rows.length) await db.insertInto('adjustment_item').values(rows).execute();
}

export async function itemsOfRequest(db: Kysely<Database>, requestId: string): Promise<AdjItemRow[]> {
  return db.selectFrom('adjustment_item').selectAll().where('request_id', '=', requestId).orderBy('seq').execute();
}

export async function updateAdjItem(db: Kysely<Database>, id: string, patch: Partial<AdjItemRow>): Promise<void> {
  await db.updateTable('adjustment_item').set(patch).where('id', '=', id).execute();
}

export async function insertAction(db: Kysely<Database>, row: ActionRow): Promise<void> {
  await db.insertInto('adjustment_action').values(row).execute();
}

export async function actionsOfRequest(db: Kysely<Database>, requestId: string): Promise<ActionRow[]> {
  return db.selectFrom('adjustment_action').selectAll().where('request_id', '=', requestId).orderBy('seq').execute();
}

/** The next decision sequence of a year, atomically (unique per year across processes). */
export async function nextDecisionSeq(db: Kysely<Database>, year: number): Promise<number> {
  const row = await db
    .insertInto('decision_counter')
    .values({ year, last_seq: 1 })
    .onConflict((oc) => oc.column('year').doUpdateSet({ last_seq: sql<number>`decision_counter.last_seq + 1` }))
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  return Number(row.last_seq);
}

/** Approved requests whose effective time has come and that are not applied yet. */
export async function dueApprovedRequests(db: Kysely<Database>, now: string, limit: number): Promise<RequestRow[]> {
  return db.selectFrom('adjustment_request').selectAll().where('state', '=', 'approved').where('effective_from', '<=', now).orderBy('effective_from').limit(limit).execute();
}

// ---- handovers

export async function insertHandover(db: Kysely<Database>, row: HandoverRow): Promise<void> {
  await db.insertInto('handover').values(row).execute();
}

export async function findHandover(db: Kysely<Database>, id: string): Promise<HandoverRow | undefined> {
  return db.selectFrom('handover').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateHandover(db: Kysely<Database>, id: string, patch: Partial<Omit<HandoverRow, 'id'>>): Promise<void> {
  await db.updateTable('handover').set(patch).where('id', '=', id).execute();
}

export async function listHandovers(db: Kysely<Database>, f: { orgId?: string; status?: string; limit: number }): Promise<HandoverRow[]> {
  let q = db.selectFrom('handover').selectAll();
  if (f.orgId) {
    const orgId = f.orgId;
    q = q.where((eb) => eb.or([eb('from_org_id', '=', orgId), eb('to_org_id', '=', orgId)]));
  }
  if (f.status) q = q.where('status', '=', f.status);
  return q.orderBy('created_at', 'desc').limit(f.limit).execute();
}

export async function handoversOfRequest(db: Kysely<Database>, requestId: string): Promise<HandoverRow[]> {
  return db.selectFrom('handover').selectAll().where('request_id', '=', requestId).execute();
}

export async function insertTask(db: Kysely<Database>, row: TaskRow): Promise<void> {
  await db.insertInto('handover_task').values(row).execute();
}

export async function tasksOf(db: Kysely<Database>, handoverIds: string[]): Promise<TaskRow[]> {
  if (!handoverIds.length) return [];
  return db.selectFrom('handover_task').selectAll().where('handover_id', 'in', handoverIds).orderBy('created_at').execute();
}

export async function updateTask(db: Kysely<Database>, id: string, patch: Partial<Omit<TaskRow, 'id'>>): Promise<void> {
  await db.updateTable('handover_task').set(patch).where('id', '=', id).execute();
}

/** Items of requests applied within (from, to], with the decision numbers. */
export async function appliedItemsBetween(db: Kysely<Database>, from: string, to: string) {
  return db
    .selectFrom('adjustment_item as i')
    .innerJoin('adjustment_request as r', 'r.id', 'i.request_id')
    .select(['r.id as request_id', 'r.kind', 'r.decision_number', 'i.item_code', 'i.result_code'])
    .where('r.state', '=', 'applied')
    .where('r.applied_at', '>', from)
    .where('r.applied_at', '<=', to)
    .execute();
}
