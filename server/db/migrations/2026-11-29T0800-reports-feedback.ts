// Frozen migration: reports (报备) to the city bureau with their history, and public feedback (接受社会监督).
import { type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // One package per publication; `state` is a cache of the last transition in report_event.
  await db.schema
    .createTable('report')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('publication_number', 'text', (c) => c.notNull().unique().references('list_publication.number'))
    .addColumn('state', 'text', (c) => c.notNull()) // prepared | sent | acknowledged | queried
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('recipient_org_id', 'text')
    .addColumn('seal_id', 'text', (c) => c.notNull())
    .addColumn('manifest', 'text', (c) => c.notNull()) // JSON [{name, sha256, size, contentType}]
    .addColumn('prepared_at', 'text', (c) => c.notNull())
    .addColumn('prepared_by', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addColumn('answered_at', 'text')
    .addColumn('reply', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull()) // delivery attempts since the last successful send
    .addColumn('next_attempt_at', 'text') // set after a failure while retries remain; the retry job picks it up
    .addColumn('last_error', 'text')
    .addColumn('sending_until', 'text') // claim of the node delivering now: no two deliveries at once
    .addColumn('event_count', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('report_next_attempt_idx').on('report').column('next_attempt_at').execute();

  // Insert-only history: every attempt and transition.
  await db.schema
    .createTable('report_event')
    .addColumn('report_id', 'text', (c) => c.notNull().references('report.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull()) // prepare | send | acknowledge | query
    .addColumn('from_state', 'text')
    .addColumn('to_state', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('adapter', 'text')
    .addColumn('outcome', 'text', (c) => c.notNull()) // ok | failed
    .addColumn('error', 'text')
    .addColumn('reply', 'text')
    .addColumn('detail', 'text')
    .addPrimaryKeyConstraint('report_event_pk', ['report_id', 'seq'])
    .execute();

  await db.schema
    .createTable('feedback')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('target_kind', 'text', (c) => c.notNull()) // item | publication
    .addColumn('target_ref', 'text', (c) => c.notNull()) // implementation code or publication number
    .addColumn('target_name', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull()) // guide_error | missing_item | illegal_requirement | suggestion
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('contact_sealed', 'text') // AES-256-GCM envelope; never selected by public queries
    .addColumn('org_id', 'text', (c) => c.notNull().references('org.id'))
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('answer', 'text')
    .addColumn('answered_at', 'text')
    .addColumn('answered_by', 'text')
    .addColumn('answered_by_name', 'text')
    .execute();
  await db.schema.createIndex('feedback_target_idx').on('feedback').columns(['target_kind', 'target_ref']).execute();
  await db.schema.createIndex('feedback_org_open_idx').on('feedback').columns(['org_id', 'answered_at', 'due_on']).execute();
}
