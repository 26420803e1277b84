import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { SealAuthorityTable, SealKeyTable, SealTable, SealUseTable } from '../../db/schema-seals.ts';

export type AuthorityRow = SealAuthorityTable;
export type SealRow = SealTable;
export type SealKeyRow = SealKeyTable;
export type SealUseRow = SealUseTable;

export async function findActiveAuthority(db: Kysely<Database>, algorithm: string): Promise<AuthorityRow | undefined> {
  return db.selectFrom('seal_authority').selectAll().where('algorithm', '=', algorithm).where('active', '=', true).orderBy('created_at').orderBy('id').executeTakeFirst();
}

export async function listAuthorities(db: Kysely<Database>): Promise<AuthorityRow[]> {
  return db.selectFrom('seal_authority').selectAll().orderBy('created_at').execute();
}

export async function insertAuthority(db: Kysely<Database>, row: AuthorityRow): Promise<void> {
  await db.insertInto('seal_authority').values(row).execute();
}

export async function listSealRows(db: Kysely<Database>): Promise<SealRow[]> {
  return db.selectFrom('seal').selectAll().orderBy('created_at').orderBy('id').execute();
}

export async function findSealRow(db: Kysely<Database>, id: string): Promise<SealRow | undefined> {
  return db.selectFrom('seal').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findSealRowsByOrg(db: Kysely<Database>, orgId: string): Promise<SealRow[]> {
  return db.selectFrom('seal').selectAll().where('org_id', '=', orgId).execute();
}

export async function insertSealRow(db: Kysely<Database>, row: SealRow): Promise<void> {
  await db.insertInto('seal').values(row).execute();
}

export async function updateSealRow(db: Kysely<Database>, id: string, patch: Partial<Omit<SealRow, 'id'>>): Promise<void> {
  await db.updateTable('seal').set(patch).where('id', '=', id).execute();
}

export async function listKeyRows(db: Kysely<Database>, sealIds?: string[]): Promise<SealKeyRow[]> {
  let q = db.selectFrom('seal_key').selectAll();
  if (sealIds) {
    if (sealIds.length === 0) return [];
    q = q.where('seal_id', 'in', sealIds);
  }
  return q.orderBy('seal_id').orderBy('version').execute();
}

export async function findKeyByFingerprint(db: Kysely<Database>, fingerprint: string): Promise<SealKeyRow | undefined> {
  return db.selectFrom('seal_key').selectAll().where('fingerprint', '=', fingerprint).executeTakeFirst();
}

export async function findKeyByPdfFingerprint(db: Kysely<Database>, fingerprint: string): Promise<SealKeyRow | undefined> {
  return db.selectFrom('seal_key').selectAll().where('pdf_fingerprint', '=', fingerprint).executeTakeFirst();
}

/** The key a seal signs with now: the newest version that rotation has not retired. */
export async function findCurrentKey(db: Kysely<Database>, sealId: string): Promise<SealKeyRow | undefined> {
  return db.selectFrom('seal_key').selectAll().where('seal_id', '=', sealId).where('retired_at', 'is', null).orderBy('version', 'desc').executeTakeFirst();
}

export async function insertKeyRow(db: Kysely<Database>, row: SealKeyRow): Promise<void> {
  await db.insertInto('seal_key').values(row).execute();
}

export async function retireKey(db: Kysely<Database>, id: string, at: string): Promise<void> {
  await db.updateTable('seal_key').set({ retired_at: at }).where('id', '=', id).where('retired_at', 'is', null).execute();
}

export async function insertUseRow(db: Kysely<Database>, row: SealUseRow): Promise<void> {
  await db.insertInto('seal_use').values(row).execute();
}

export async function listUseRows(db: Kysely<Database>, sealId: string, cursor: string | undefined, limit: number): Promise<SealUseRow[]> {
  let q = db.selectFrom('seal_use').selectAll().where('seal_id', '=', sealId);
  if (cursor) q = q.where('id', '<', cursor);
  return q.orderBy('id', 'desc').limit(limit).execute();
}
