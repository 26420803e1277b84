import type { Kysely } from 'kysely';
import type { Database, OrgTable } from '../../db/schema.ts';

export type OrgRow = OrgTable;

export async function listOrgRows(db: Kysely<Database>): Promise<OrgRow[]> {
  return db.selectFrom('org').selectAll().orderBy('sort_order').orderBy('name_zh').execute();
}

export async function findOrgRow(db: Kysely<Database>, id: string): Promise<OrgRow | undefined> {
  return db.selectFrom('org').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findOrgRowByUscc(db: Kysely<Database>, uscc: string): Promise<OrgRow | undefined> {
  return db.selectFrom('org').selectAll().where('uscc', '=', uscc).executeTakeFirst();
}

export async function findOrgRowsByIds(db: Kysely<Database>, ids: string[]): Promise<OrgRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('org').selectAll().where('id', 'in', ids).execute();
}

export async function insertOrgRow(db: Kysely<Database>, row: OrgRow): Promise<void> {
  await db.insertInto('org').values(row).execute();
}

export async function updateOrgRow(db: Kysely<Database>, id: string, patch: Partial<Omit<OrgRow, 'id'>>): Promise<void> {
  await db.updateTable('org').set(patch).where('id', '=', id).execute();
}

export async function countOrgs(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('org').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function maxSortOrder(db: Kysely<Database>, parentId: string | null): Promise<number> {
  const q = db.selectFrom('org').select((eb) => eb.fn.max<number>('sort_order').as('m'));
  const row = await (parentId === null ? q.where('parent_id', 'is', null) : q.where('parent_id', '=', parentId)).executeTakeFirst();
  return Number(row?.m ?? 0);
}
