// Frozen migration: never import application code here, never edit after it has shipped.
import { type Kysely } from 'kysely';

// Seals (DOMAIN.md §7): the seal authority's root certificates, one seal per org and purpose, the
// seal's key versions (rotation keeps old certificates for verification) and the log of every use.
// Private keys are stored only as KEK-encrypted envelopes (text JSON), never in plaintext.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('seal_authority')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('algorithm', 'text', (c) => c.notNull()) // sm2: signs seal certificates; p256: signs PDF signing certificates
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('certificate', 'text', (c) => c.notNull()) // PEM
    .addColumn('fingerprint', 'text', (c) => c.notNull().unique()) // SHA-256 of the DER, hex
    .addColumn('key_envelope', 'text', (c) => c.notNull())
    .addColumn('not_before', 'text', (c) => c.notNull())
    .addColumn('not_after', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull()) // generated | imported
    .addColumn('active', 'boolean', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('seal')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('org.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('algorithm', 'text', (c) => c.notNull()) // sm2 | p256 | ed25519
    .addColumn('status', 'text', (c) => c.notNull()) // active | suspended | revoked
    .addColumn('status_reason', 'text')
    .addColumn('status_changed_at', 'text')
    .addColumn('picture_rim', 'text', (c) => c.notNull())
    .addColumn('picture_bottom', 'text', (c) => c.notNull())
    .addColumn('picture_png', 'text') // base64 PNG when uploaded instead of generated
    .addColumn('source', 'text', (c) => c.notNull()) // generated | imported
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('seal_org_idx').on('seal').column('org_id').execute();

  await db.schema
    .createTable('seal_key')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('seal_id', 'text', (c) => c.notNull().references('seal.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('algorithm', 'text', (c) => c.notNull())
    .addColumn('certificate', 'text', (c) => c.notNull())
    .addColumn('fingerprint', 'text', (c) => c.notNull().unique())
    .addColumn('serial', 'text', (c) => c.notNull())
    .addColumn('key_envelope', 'text', (c) => c.notNull())
    .addColumn('chain', 'text', (c) => c.notNull()) // JSON array of issuer PEMs
    .addColumn('pdf_certificate', 'text', (c) => c.notNull())
    .addColumn('pdf_fingerprint', 'text', (c) => c.notNull().unique())
    .addColumn('pdf_key_envelope', 'text', (c) => c.notNull())
    .addColumn('not_before', 'text', (c) => c.notNull())
    .addColumn('not_after', 'text', (c) => c.notNull())
    .addColumn('retired_at', 'text') // set once, by rotation
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('seal_key_version_uq', ['seal_id', 'version'])
    .execute();

  await db.schema
    .createTable('seal_use')
    .addColumn('id', 'text', (c) => c.primaryKey()) // UUIDv7: time-ordered keyset cursor
    .addColumn('seal_id', 'text', (c) => c.notNull().references('seal.id'))
    .addColumn('seal_key_id', 'text', (c) => c.notNull().references('seal_key.id'))
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('format', 'text', (c) => c.notNull()) // json | bytes | pdf
    .addColumn('document_name', 'text')
    .addColumn('purpose', 'text')
    .addColumn('digest_sm3', 'text', (c) => c.notNull())
    .addColumn('digest_sha256', 'text', (c) => c.notNull())
    .addColumn('signed_at', 'text', (c) => c.notNull())
    .addColumn('record', 'text', (c) => c.notNull()) // the signature record (JSON), public data only
    .addColumn('request_id', 'text')
    .execute();
  await db.schema.createIndex('seal_use_seal_idx').on('seal_use').columns(['seal_id', 'id']).execute();
}
