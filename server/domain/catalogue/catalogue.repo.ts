import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type {
  CatalogueItemTable, CatalogueItemVersionTable, HandlingItemTable, ItemTable, ItemVersionTable,
} from '../../db/schema-catalogue.ts';

export type CatalogueItemRow = CatalogueItemTable;
export type CatalogueVersionRow = CatalogueItemVersionTable;
export type ItemRow = ItemTable;
export type ItemVersionRow = ItemVersionTable;

// ---- catalogue items

export async function insertCatalogueItem(db: Kysely<Database>, row: CatalogueItemRow): Promise<void> {
  await db.insertInto('catalogue_item').values(row).execute();
}

export async function updateCatalogueItem(db: Kysely<Database>, id: string, patch: Partial<Omit<CatalogueItemRow, 'id'>>): Promise<void> {
  await db.updateTable('catalogue_item').set(patch).where('id', '=', id).execute();
}

export async function insertCatalogueVersion(db: Kysely<Database>, row: CatalogueVersionRow): Promise<void> {
  await db.insertInto('catalogue_item_version').values(row).execute();
}

export async function findCatalogueItem(db: Kysely<Database>, id: string): Promise<CatalogueItemRow | undefined> {
  return db.selectFrom('catalogue_item').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findCatalogueItemByBasicCode(db: Kysely<Database>, basicCode: string): Promise<CatalogueItemRow | undefined> {
  return db.selectFrom('catalogue_item').selectAll().where('basic_code', '=', basicCode).executeTakeFirst();
}

export async function findCatalogueItemByLocalCode(db: Kysely<Database>, localCode: string): Promise<CatalogueItemRow | undefined> {
  return db.selectFrom('catalogue_item').selectAll().where('local_code', '=', localCode).executeTakeFirst();
}

export async function findCatalogueVersion(db: Kysely<Database>, catalogueItemId: string, versionNo: number): Promise<CatalogueVersionRow | undefined> {
  return db.selectFrom('catalogue_item_version').selectAll().where('catalogue_item_id', '=', catalogueItemId).where('version_no', '=', versionNo).executeTakeFirst();
}

export async function listCatalogueVersions(db: Kysely<Database>, catalogueItemId: string): Promise<CatalogueVersionRow[]> {
  return db.selectFrom('catalogue_item_version').selectAll().where('catalogue_item_id', '=', catalogueItemId).orderBy('version_no', 'desc').execute();
}

/** Current catalogue versions, keyset on basic code. */
export async function listCurrentCatalogue(db: Kysely<Database>, f: { q?: string; type?: string; after?: string; limit: number }) {
  let q = db
    .selectFrom('catalogue_item as c')
    .innerJoin('catalogue_item_version as v', (j) => j.onRef('v.catalogue_item_id', '=', 'c.id').onRef('v.version_no', '=', 'c.current_version_no'))
    .select(['c.id', 'c.basic_code', 'c.local_code', 'c.origin', 'c.current_version_no', 'v.name', 'v.type', 'v.levels', 'v.created_at']);
  if (f.q) q = q.where((eb) => eb.or([eb('v.name', 'like', `%${f.q}%`), eb('c.basic_code', 'like', `${f.q}%`)]));
  if (f.type) q = q.where('v.type', '=', f.type);
  if (f.after) q = q.where('c.basic_code', '>', f.after);
  return q.orderBy('c.basic_code').limit(f.limit).execute();
}

// ---- items

export async function insertItem(db: Kysely<Database>, row: ItemRow): Promise<void> {
  await db.insertInto('item').values(row).execute();
}

export async function updateItem(db: Kysely<Database>, id: string, patch: Partial<Omit<ItemRow, 'id'>>): Promise<void> {
  await db.updateTable('item').set(patch).where('id', '=', id).execute();
}

export async function findItemByCode(db: Kysely<Database>, code: string): Promise<ItemRow | undefined> {
  return db.selectFrom('item').selectAll().where('implementation_code', '=', code).executeTakeFirst();
}

export async function findItemsByCodes(db: Kysely<Database>, codes: string[]): Promise<ItemRow[]> {
  if (codes.length === 0) return [];
  return db.selectFrom('item').selectAll().where('implementation_code', 'in', codes).execute();
}

export async function itemsOfCatalogueItem(db: Kysely<Database>, catalogueItemId: string): Promise<ItemRow[]> {
  return db.selectFrom('item').selectAll().where('catalogue_item_id', '=', catalogueItemId).execute();
}

export async function insertItemVersion(db: Kysely<Database>, row: ItemVersionRow): Promise<void> {
  await db.insertInto('item_version').values(row).execute();
}

export async function updateItemVersion(db: Kysely<Database>, id: string, patch: Partial<Omit<ItemVersionRow, 'id'>>): Promise<void> {
  await db.updateTable('item_version').set(patch).where('id', '=', id).execute();
}

export async function deleteDraftVersion(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('handling_item').where('item_version_id', '=', id).execute();
  await db.deleteFrom('item_version').where('id', '=', id).where('state', '=', 'draft').execute();
}

export async function versionsOfItem(db: Kysely<Database>, itemId: string): Promise<ItemVersionRow[]> {
  return db.selectFrom('item_version').selectAll().where('item_id', '=', itemId).orderBy('version_no', 'desc').execute();
}

export async function findItemVersion(db: Kysely<Database>, itemId: string, versionNo: number): Promise<ItemVersionRow | undefined> {
  return db.selectFrom('item_version').selectAll().where('item_id', '=', itemId).where('version_no', '=', versionNo).executeTakeFirst();
}

export async function findDraftOfItem(db: Kysely<Database>, itemId: string): Promise<ItemVersionRow | undefined> {
  return db.selectFrom('item_version').selectAll().where('item_id', '=', itemId).where('state', '=', 'draft').executeTakeFirst();
}

export async function maxVersionNo(db: Kysely<Database>, itemId: string): Promise<number> {
  const row = await db.selectFrom('item_version').select((eb) => eb.fn.max<number>('version_no').as('m')).where('item_id', '=', itemId).executeTakeFirst();
  return Number(row?.m ?? 0);
}

/** The final version of an item effective at `at` (ISO timestamp). */
export async function effectiveVersionAt(db: Kysely<Database>, itemId: string, at: string): Promise<ItemVersionRow | undefined> {
  return db
    .selectFrom('item_version')
    .selectAll()
    .where('item_id', '=', itemId)
    .where('state', '=', 'final')
    .where('effective_from', '<=', at)
    .where((eb) => eb.or([eb('effective_to', 'is', null), eb('effective_to', '>', at)]))
    .executeTakeFirst();
}

/** Final versions of an item starting at or after `from` (scheduled ones included). */
export async function finalVersionsFrom(db: Kysely<Database>, itemId: string, from: string): Promise<ItemVersionRow[]> {
  return db.selectFrom('item_version').selectAll().where('item_id', '=', itemId).where('state', '=', 'final').where('effective_from', '>=', from).execute();
}

export async function replaceHandlingItems(db: Kysely<Database>, versionId: string, rows: HandlingItemTable[]): Promise<void> {
  await db.deleteFrom('handling_item').where('item_version_id', '=', versionId).execute();
  if (rows.length > 0) await db.insertInto('handling_item').values(rows).execute();
}

export async function handlingItemsOf(db: Kysely<Database>, versionId: string): Promise<HandlingItemTable[]> {
  return db.selectFrom('handling_item').selectAll().where('item_version_id', '=', versionId).orderBy('seq').execute();
}

export interface ListFilter {
  at: string;
  orgId?: string;
  type?: string;
  recipient?: number;
  caseKind?: number;
  theme?: string;
  onlineDepth?: number;
  itemIds?: string[];
  after?: string;
  limit: number;
}

function listQuery(db: Kysely<Database>, f: Omit<ListFilter, 'after' | 'limit'>) {
  let q = db
    .selectFrom('item_version as v')
    .where('v.state', '=', 'final')
    .where('v.effective_from', '<=', f.at)
    .where((eb) => eb.or([eb('v.effective_to', 'is', null), eb('v.effective_to', '>', f.at)]));
  if (f.orgId) q = q.where('v.org_id', '=', f.orgId);
  if (f.type) q = q.where('v.type', '=', f.type);
  if (f.recipient !== undefined) q = q.where('v.service_recipients', 'like', `%,${f.recipient},%`);
  if (f.caseKind !== undefined) q = q.where('v.case_kind', '=', f.caseKind);
  if (f.theme) q = q.where('v.themes', 'like', `%,${f.theme},%`);
  if (f.onlineDepth !== undefined) q = q.where('v.online_depth', '>=', f.onlineDepth);
  if (f.itemIds) q = q.where('v.item_id', 'in', f.itemIds.length ? f.itemIds : ['']);
  return q;
}

/** One keyset page of the list effective at `at`, ordered by implementation code. */
export async function listEffectiveVersions(db: Kysely<Database>, f: ListFilter): Promise<ItemVersionRow[]> {
  let q = listQuery(db, f).selectAll('v');
  if (f.after) q = q.where('v.implementation_code', '>', f.after);
  return q.orderBy('v.implementation_code').limit(f.limit).execute();
}

/** How many items the filter matches, counting at most `cap + 1`. */
export async function countEffectiveVersions(db: Kysely<Database>, f: Omit<ListFilter, 'after' | 'limit'>, cap: number): Promise<number> {
  const inner = listQuery(db, f).select(sql<number>`1`.as('one')).limit(cap + 1);
  const row = await db.selectFrom(inner.as('c')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Draft versions of the given orgs' items (all orgs when undefined). */
export async function listDrafts(db: Kysely<Database>, orgId: string | undefined, limit: number): Promise<ItemVersionRow[]> {
  let q = db.selectFrom('item_version').selectAll().where('state', '=', 'draft');
  if (orgId) q = q.where('org_id', '=', orgId);
  return q.orderBy('updated_at', 'desc').limit(limit).execute();
}

/** Items with their catalogue's current uniform elements, for the consistency check (one org or all). */
export async function consistencyRows(db: Kysely<Database>, at: string, orgId?: string) {
  let q = db
    .selectFrom('item_version as v')
    .innerJoin('item as i', 'i.id', 'v.item_id')
    .innerJoin('catalogue_item as c', 'c.id', 'i.catalogue_item_id')
    .innerJoin('catalogue_item_version as cv', (j) => j.onRef('cv.catalogue_item_id', '=', 'c.id').onRef('cv.version_no', '=', 'c.current_version_no'))
    .select(['i.implementation_code', 'i.org_id', 'v.name', 'v.elements', 'cv.uniform', 'v.catalogue_version_no', 'c.current_version_no'])
    .where('v.state', '=', 'final')
    .where('v.effective_from', '<=', at)
    .where((eb) => eb.or([eb('v.effective_to', 'is', null), eb('v.effective_to', '>', at)]));
  if (orgId) q = q.where('i.org_id', '=', orgId);
  return q.orderBy('i.implementation_code').execute();
}

export async function countItems(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('item').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** One keyset page of current item ids by org/type, from the search table's indexes. */
export async function currentItemIdsPage(db: Kysely<Database>, f: { orgId?: string; type?: string; after?: string; limit: number }): Promise<string[]> {
  let q = db.selectFrom('item_search').select(['item_id', 'implementation_code']);
  if (f.orgId) q = q.where('org_id', '=', f.orgId);
  if (f.type) q = q.where('type', '=', f.type);
  if (f.after) q = q.where('implementation_code', '>', f.after);
  const rows = await q.orderBy('implementation_code').limit(f.limit).execute();
  return rows.map((r) => r.item_id);
}

/** How many items the current list has for org/type, counting at most `cap + 1`. */
export async function countCurrentItems(db: Kysely<Database>, f: { orgId?: string; type?: string }, cap: number): Promise<number> {
  let inner = db.selectFrom('item_search').select(sql<number>`1`.as('one'));
  if (f.orgId) inner = inner.where('org_id', '=', f.orgId);
  if (f.type) inner = inner.where('type', '=', f.type);
  const row = await db.selectFrom(inner.limit(cap + 1).as('c')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}
