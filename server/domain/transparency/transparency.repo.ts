import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { LogHeadTable, LogLeafTable } from '../../db/schema-publications.ts';

export type LeafRow = LogLeafTable;
export type HeadRow = LogHeadTable;

export async function leafHashes(db: Kysely<Database>, upTo?: number): Promise<string[]> {
  let q = db.selectFrom('log_leaf').select('leaf_hash').orderBy('idx');
  if (upTo !== undefined) q = q.where('idx', '<', upTo);
  return (await q.execute()).map((r) => r.leaf_hash);
}

export async function insertLeaf(db: Kysely<Database>, row: LeafRow): Promise<void> {
  await db.insertInto('log_leaf').values(row).execute();
}

export async function findLeafByHash(db: Kysely<Database>, leafHash: string): Promise<LeafRow | undefined> {
  return db.selectFrom('log_leaf').selectAll().where('leaf_hash', '=', leafHash).orderBy('idx').executeTakeFirst();
}

export async function findLeafByRef(db: Kysely<Database>, kind: string, refId: string): Promise<LeafRow | undefined> {
  return db.selectFrom('log_leaf').selectAll().where('kind', '=', kind).where('ref_id', '=', refId).executeTakeFirst();
}

export async function leafAt(db: Kysely<Database>, idx: number): Promise<LeafRow | undefined> {
  return db.selectFrom('log_leaf').selectAll().where('idx', '=', idx).executeTakeFirst();
}

export async function insertHead(db: Kysely<Database>, row: HeadRow): Promise<void> {
  await db.insertInto('log_head').values(row).execute();
}

export async function updateHead(db: Kysely<Database>, treeSize: number, patch: Partial<HeadRow>): Promise<void> {
  await db.updateTable('log_head').set(patch).where('tree_size', '=', treeSize).execute();
}

export async function latestHead(db: Kysely<Database>): Promise<HeadRow | undefined> {
  return db.selectFrom('log_head').selectAll().orderBy('tree_size', 'desc').limit(1).executeTakeFirst();
}

export async function headAt(db: Kysely<Database>, treeSize: number): Promise<HeadRow | undefined> {
  return db.selectFrom('log_head').selectAll().where('tree_size', '=', treeSize).executeTakeFirst();
}
