// Frozen migration: dynamic adjustment (triggers, requests, actions, decisions, handovers), notifications, job leases.
import { type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('adjustment_trigger')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('doc_number', 'text')
    .addColumn('issuing_body', 'text')
    .addColumn('doc_effective_on', 'text')
    .addColumn('url', 'text')
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('affected', 'text', (c) => c.notNull()) // JSON { catalogueItemIds, itemCodes }
    .addColumn('status', 'text', (c) => c.notNull()) // open | closed
    .addColumn('registered_by', 'text')
    .addColumn('registered_org_id', 'text', (c) => c.notNull().references('org.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .execute();
  await db.schema.createIndex('adjustment_trigger_status_due_idx').on('adjustment_trigger').columns(['status', 'due_on']).execute();

  // Each responsible org resolves a trigger by an applied adjustment or a recorded "no change needed".
  await db.schema
    .createTable('trigger_org')
    .addColumn('trigger_id', 'text', (c) => c.notNull().references('adjustment_trigger.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('org.id'))
    .addColumn('resolution', 'text') // adjusted | no_change
    .addColumn('note', 'text')
    .addColumn('adjustment_id', 'text')
    .addColumn('resolved_at', 'text')
    .addColumn('resolved_by', 'text')
    .addPrimaryKeyConstraint('trigger_org_pk', ['trigger_id', 'org_id'])
    .execute();
  await db.schema.createIndex('trigger_org_org_idx').on('trigger_org').column('org_id').execute();

  await db.schema
    .createTable('adjustment_request')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('org.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('reason_code', 'text', (c) => c.notNull())
    .addColumn('reason_text', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('receiving_org_id', 'text', (c) => c.references('org.id'))
    .addColumn('effective_from', 'text') // null: when approved
    .addColumn('state', 'text', (c) => c.notNull()) // cache of the last action's to_state
    .addColumn('action_count', 'integer', (c) => c.notNull())
    .addColumn('decision_number', 'text', (c) => c.unique())
    .addColumn('decision_year', 'integer')
    .addColumn('decision_seq', 'integer')
    .addColumn('submitted_at', 'text') // last submission: the review queue's age counts from here
    .addColumn('approved_at', 'text')
    .addColumn('applied_at', 'text')
    .addColumn('client_tx_id', 'text', (c) => c.unique())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('adjustment_decision_seq_uq', ['decision_year', 'decision_seq'])
    .execute();
  await db.schema.createIndex('adjustment_request_state_idx').on('adjustment_request').columns(['state', 'updated_at']).execute();
  await db.schema.createIndex('adjustment_request_org_idx').on('adjustment_request').columns(['org_id', 'state']).execute();

  await db.schema
    .createTable('adjustment_request_trigger')
    .addColumn('request_id', 'text', (c) => c.notNull().references('adjustment_request.id'))
    .addColumn('trigger_id', 'text', (c) => c.notNull().references('adjustment_trigger.id'))
    .addPrimaryKeyConstraint('adjustment_request_trigger_pk', ['request_id', 'trigger_id'])
    .execute();

  // One row per item the request touches, with the proposed element set (add/change/delegate/entrust).
  await db.schema
    .createTable('adjustment_item')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull().references('adjustment_request.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('item_code', 'text') // existing item (cancel/change/delegate/entrust)
    .addColumn('catalogue_item_id', 'text') // add
    .addColumn('elements', 'text') // proposed elements, JSON
    .addColumn('base_elements', 'text') // the effective elements the proposal started from (diff stays meaningful after apply)
    .addColumn('result_code', 'text') // implementation code after apply (new code for delegate/entrust/add)
    .addUniqueConstraint('adjustment_item_seq_uq', ['request_id', 'seq'])
    .execute();

  // History as appended action rows; (request, seq) unique makes two concurrent actions collide: one wins.
  await db.schema
    .createTable('adjustment_action')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull().references('adjustment_request.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_state', 'text')
    .addColumn('to_state', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('role', 'text')
    .addColumn('org_id', 'text')
    .addColumn('opinion', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addUniqueConstraint('adjustment_action_seq_uq', ['request_id', 'seq'])
    .execute();

  await db.schema
    .createTable('decision_counter')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('handover')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull().references('adjustment_request.id'))
    .addColumn('kind', 'text', (c) => c.notNull()) // delegate | entrust | cancel
    .addColumn('item_code', 'text', (c) => c.notNull())
    .addColumn('new_item_code', 'text')
    .addColumn('from_org_id', 'text', (c) => c.notNull().references('org.id'))
    .addColumn('to_org_id', 'text', (c) => c.notNull().references('org.id'))
    .addColumn('status', 'text', (c) => c.notNull()) // open | closed
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text')
    .addColumn('confirmed_by', 'text')
    .addColumn('confirmation_note', 'text')
    .execute();
  await db.schema.createIndex('handover_status_idx').on('handover').columns(['status', 'created_at']).execute();

  await db.schema
    .createTable('handover_task')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('handover_id', 'text', (c) => c.notNull().references('handover.id'))
    .addColumn('kind', 'text', (c) => c.notNull()) // policy_document | implementation_standard | training
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull()) // JSON: date, trainer, attendees, materials, url
    .addColumn('status', 'text', (c) => c.notNull()) // pending | done
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('done_at', 'text')
    .execute();

  await db.schema
    .createTable('notification')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('dedupe_key', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .addUniqueConstraint('notification_dedupe_uq', ['user_id', 'dedupe_key'])
    .execute();
  await db.schema.createIndex('notification_user_idx').on('notification').columns(['user_id', 'read_at', 'id']).execute();

  // Scheduled jobs take a lease row so two nodes never run the same job at once.
  await db.schema
    .createTable('job_lease')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('holder', 'text', (c) => c.notNull())
    .addColumn('until', 'text', (c) => c.notNull())
    .execute();
}
