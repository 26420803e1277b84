// Frozen migration: list publications (changes only, never a copy of the list) and the transparency log.
import { type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('list_publication')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique()) // 乌审旗政务服务事项清单 2026年第3版
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('published_by', 'text', (c) => c.notNull())
    .addColumn('previous_id', 'text')
    .addColumn('item_count', 'integer', (c) => c.notNull())
    .addColumn('list_digest', 'text', (c) => c.notNull()) // SHA-256 over the sorted (code, version) pairs: commits to the whole list
    .addColumn('summary', 'text', (c) => c.notNull()) // JSON counts by change kind
    .addColumn('document', 'text', (c) => c.notNull()) // the canonical JSON that was sealed
    .addColumn('seal_record', 'text', (c) => c.notNull())
    .addColumn('log_index', 'integer')
    .addUniqueConstraint('list_publication_year_seq_uq', ['year', 'seq'])
    .execute();

  await db.schema
    .createTable('publication_change')
    .addColumn('publication_id', 'text', (c) => c.notNull().references('list_publication.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull()) // added | cancelled | delegated | entrusted | changed
    .addColumn('implementation_code', 'text', (c) => c.notNull())
    .addColumn('new_implementation_code', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('from_version_no', 'integer')
    .addColumn('to_version_no', 'integer')
    .addColumn('decision_numbers', 'text', (c) => c.notNull())
    .addColumn('diff', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('publication_change_pk', ['publication_id', 'seq'])
    .execute();

  // Append-only Merkle log (RFC 6962): leaves in order; signed tree heads sealed by the bureau.
  await db.schema
    .createTable('log_leaf')
    .addColumn('idx', 'integer', (c) => c.primaryKey())
    .addColumn('leaf_hash', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull()) // adjustment | publication
    .addColumn('ref_id', 'text', (c) => c.notNull())
    .addColumn('entry', 'text', (c) => c.notNull()) // canonical JSON whose bytes are the leaf
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('log_leaf_hash_idx').on('log_leaf').column('leaf_hash').execute();

  await db.schema
    .createTable('log_head')
    .addColumn('tree_size', 'integer', (c) => c.primaryKey())
    .addColumn('root_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('seal_record', 'text') // null until a bureau seal signs it
    .execute();

  // A published list is never rewritten: no version may start or end before the latest publication.
  await db.schema
    .createTable('list_freeze')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('frozen_until', 'text', (c) => c.notNull())
    .execute();

  // Watermarks of scheduled jobs (e.g. up to when search reflects versions that took effect on their own).
  await db.schema
    .createTable('job_state')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('publication_counter')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .execute();
}
