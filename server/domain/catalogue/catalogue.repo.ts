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

export async function findItemById(db: Kysely<Database>, id: string): Promise<ItemRow | undefined> {
  return db.selectFrom('item').selectAll().where('id', '=', id).executeTakeFirst();
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
  /** Leaves out secret (涉密) items of this (行政备案) type code: the public never sees them (filing Art 5). */
  excludeSecretOfType?: string;
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
  const secretType = f.excludeSecretOfType;
  if (secretType) q = q.where((eb) => eb.or([eb('v.type', '<>', secretType), eb('v.secret', '=', false)]));
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

/** Which of the given items have at least one final (effective, past or scheduled) version. */
export async function itemIdsWithFinalVersion(db: Kysely<Database>, itemIds: string[]): Promise<Set<string>> {
  if (itemIds.length === 0) return new Set();
  const rows = await db.selectFrom('item_version').select('item_id').distinct().where('item_id', 'in', itemIds).where('state', '=', 'final').execute();
  return new Set(rows.map((r) => r.item_id));
}

/** Items with their catalogue's current uniform elements, for the consistency check (one org or all). */
export async function consistencyRows(db: Kysely<Database>, at: string, orgId?: string, itemIds?: string[]) {
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
  if (itemIds) {
    const out = [];
    for (let i = 0; i < itemIds.length; i += 500) out.push(...(await q.where('i.id', 'in', itemIds.slice(i, i + 500).concat('')).execute()));
    return out.sort((a, b) => a.implementation_code.localeCompare(b.implementation_code));
  }
  // One org: item_org_code_idx is in code order. The whole list: the version's copy of the code, read in
  // item_version_list_idx order instead of sorting every element set.
  return q.orderBy(orgId ? 'i.implementation_code' : 'v.implementation_code').execute();
}

/** Items whose catalogue item got a new version after `since` (their uniform elements may now deviate). */
export async function itemIdsWithCatalogueChangedSince(db: Kysely<Database>, since: string): Promise<string[]> {
  const rows = await db
    .selectFrom('item as i')
    .innerJoin('catalogue_item_version as cv', 'cv.catalogue_item_id', 'i.catalogue_item_id')
    .select('i.id')
    .distinct()
    .where('cv.created_at', '>', since)
    .execute();
  return rows.map((r) => r.id);
}

export async function countItems(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('item').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** One keyset page of the current list by org/type: ids from the search table's indexes, with their effective versions. */
export async function currentVersionsPage(db: Kysely<Database>, f: { at: string; orgId?: string; type?: string; after?: string; limit: number }): Promise<ItemVersionRow[]> {
  let page = db.selectFrom('item_search').select('item_id');
  if (f.orgId) page = page.where('org_id', '=', f.orgId);
  if (f.type) page = page.where('type', '=', f.type);
  if (f.after) page = page.where('implementation_code', '>', f.after);
  // One statement: the page of ids from the search table's index, joined to their effective versions.
  return listQuery(db, { at: f.at })
    .innerJoin(page.orderBy('implementation_code').limit(f.limit).as('p'), 'p.item_id', 'v.item_id')
    .selectAll('v')
    .orderBy('v.implementation_code')
    .execute();
}

/** How many items the current list has for org/type, counting at most `cap + 1`. */
export async function countCurrentItems(db: Kysely<Database>, f: { orgId?: string; type?: string }, cap: number): Promise<number> {
  let inner = db.selectFrom('item_search').select(sql<number>`1`.as('one'));
  if (f.orgId) inner = inner.where('org_id', '=', f.orgId);
  if (f.type) inner = inner.where('type', '=', f.type);
  const row = await db.selectFrom(inner.limit(cap + 1).as('c')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

// ---- spreadsheet import/export (batched: one query per chunk, never per row)

// Well below SQLite's and PostgreSQL's bound-parameter limits for the widest table (item_version, 24 columns).
const CHUNK = 200;

function chunks<T>(rows: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** Catalogue items by basic code, with their current version's levels. */
export async function catalogueItemsByBasicCodes(db: Kysely<Database>, basicCodes: string[]) {
  const out: Array<{ id: string; basic_code: string; current_version_no: number; levels: string }> = [];
  for (const part of chunks([...new Set(basicCodes)], 500)) {
    out.push(
      ...(await db
        .selectFrom('catalogue_item as c')
        .innerJoin('catalogue_item_version as v', (j) => j.onRef('v.catalogue_item_id', '=', 'c.id').onRef('v.version_no', '=', 'c.current_version_no'))
        .select(['c.id', 'c.basic_code', 'c.current_version_no', 'v.levels'])
        .where('c.basic_code', 'in', part)
        .execute()),
    );
  }
  return out;
}

/** Items by implementation code, any number of codes. */
export async function itemsByCodes(db: Kysely<Database>, codes: string[]): Promise<ItemRow[]> {
  const out: ItemRow[] = [];
  for (const part of chunks([...new Set(codes)], 500)) out.push(...(await findItemsByCodes(db, part)));
  return out;
}

/**
 * Per item: its open draft, its latest final version and the final version effective at `at` (the rows an import
 * compares a row against).
 */
export async function latestVersionsOfItems(db: Kysely<Database>, itemIds: string[], at: string): Promise<ItemVersionRow[]> {
  const out: ItemVersionRow[] = [];
  for (const part of chunks(itemIds, 500)) {
    out.push(
      ...(await db
        .selectFrom('item_version as v')
        .selectAll('v')
        .where('v.item_id', 'in', part)
        .where((eb) =>
          eb.or([
            eb('v.state', '=', 'draft'),
            eb(
              'v.version_no',
              '=',
              eb.selectFrom('item_version as w').select((w) => w.fn.max<number>('w.version_no').as('m')).whereRef('w.item_id', '=', 'v.item_id').where('w.state', '=', 'final'),
            ),
            eb.and([
              eb('v.state', '=', 'final'),
              eb('v.effective_from', '<=', at),
              eb.or([eb('v.effective_to', 'is', null), eb('v.effective_to', '>', at)]),
            ]),
          ]),
        )
        .execute()),
    );
  }
  return out;
}

/** The highest version number of each item (any state). */
export async function maxVersionNos(db: Kysely<Database>, itemIds: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const part of chunks(itemIds, 500)) {
    const rows = await db
      .selectFrom('item_version')
      .select(['item_id', (eb) => eb.fn.max<number>('version_no').as('m')])
      .where('item_id', 'in', part)
      .groupBy('item_id')
      .execute();
    for (const r of rows) out.set(r.item_id, Number(r.m));
  }
  return out;
}

export async function insertItems(db: Kysely<Database>, rows: ItemRow[]): Promise<void> {
  for (const part of chunks(rows)) await db.insertInto('item').values(part).execute();
}

export async function insertItemVersions(db: Kysely<Database>, rows: ItemVersionRow[]): Promise<void> {
  for (const part of chunks(rows)) await db.insertInto('item_version').values(part).execute();
}

export async function insertHandlingItems(db: Kysely<Database>, rows: HandlingItemTable[]): Promise<void> {
  for (const part of chunks(rows, 500)) await db.insertInto('handling_item').values(part).execute();
}

/** Ends the effective interval of these (open, final) versions at `effectiveTo`. */
export async function closeVersions(db: Kysely<Database>, versionIds: string[], effectiveTo: string): Promise<void> {
  for (const part of chunks(versionIds, 500)) await db.updateTable('item_version').set({ effective_to: effectiveTo }).where('id', 'in', part).execute();
}

/** The final versions effective at `at` of these implementation codes (an export page's full element sets). */
export async function effectiveVersionsByCodes(db: Kysely<Database>, codes: string[], at: string): Promise<ItemVersionRow[]> {
  const out: ItemVersionRow[] = [];
  for (const part of chunks(codes, 500)) {
    out.push(
      ...(await db
        .selectFrom('item_version as v')
        .selectAll('v')
        .where('v.implementation_code', 'in', part)
        .where('v.state', '=', 'final')
        .where('v.effective_from', '<=', at)
        .where((eb) => eb.or([eb('v.effective_to', 'is', null), eb('v.effective_to', '>', at)]))
        .execute()),
    );
  }
  return out;
}

/** Items with a final version whose interval starts or ends within (from, to]: every item the list changed for in that window. */
export async function itemIdsTouchedBetween(db: Kysely<Database>, from: string, to: string): Promise<string[]> {
  // Two index range reads instead of one OR over both columns, which scans every version. `effective_from > ''` is
  // the condition of the partial index item_version_started_idx, stated (as a literal) so SQLite uses the index, and
  // stated last: SQLite seeks with the first lower bound it finds, and a seek from '' reads the whole index.
  const started = await db
    .selectFrom('item_version')
    .select('item_id')
    .where('state', '=', 'final')
    .where('effective_from', '>', from)
    .where('effective_from', '<=', to)
    .where(sql<boolean>`effective_from > ''`)
    .execute();
  const ended = await db.selectFrom('item_version').select('item_id').where('state', '=', 'final').where('effective_to', '>', from).where('effective_to', '<=', to).execute();
  return [...new Set([...started, ...ended].map((v) => v.item_id))];
}

/** Final versions of the given items effective at `at`. */
export async function versionsOfItemsAt(db: Kysely<Database>, itemIds: string[], at: string): Promise<ItemVersionRow[]> {
  if (!itemIds.length) return [];
  const out: ItemVersionRow[] = [];
  for (let i = 0; i < itemIds.length; i += 500) {
    out.push(
      ...(await db
        .selectFrom('item_version')
        .selectAll()
        .where('item_id', 'in', itemIds.slice(i, i + 500))
        .where('state', '=', 'final')
        .where('effective_from', '<=', at)
        .where((eb) => eb.or([eb('effective_to', 'is', null), eb('effective_to', '>', at)]))
        .execute()),
    );
  }
  return out;
}

/** The instant before which the list may no longer change (the latest publication). */
export async function frozenUntil(db: Kysely<Database>): Promise<string | null> {
  const row = await db.selectFrom('list_freeze').select('frozen_until').where('id', '=', 'list').executeTakeFirst();
  return row?.frozen_until ?? null;
}

export async function setFrozenUntil(db: Kysely<Database>, at: string): Promise<void> {
  await db.insertInto('list_freeze').values({ id: 'list', frozen_until: at }).onConflict((oc) => oc.column('id').doUpdateSet({ frozen_until: at })).execute();
}

// ---- public statistics (portal home and the 两优 dashboard)

/** Items on the current public list per org and type (the search table holds exactly those, never secret ones). */
export async function currentCountsByOrgAndType(db: Kysely<Database>): Promise<Array<{ orgId: string; type: string; n: number }>> {
  const rows = await db
    .selectFrom('item_search')
    .select(['org_id', 'type', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['org_id', 'type'])
    .execute();
  return rows.map((r) => ({ orgId: r.org_id, type: r.type, n: Number(r.n) }));
}

/**
 * A fingerprint of the list effective at `at`: it changes whenever a version takes effect, is loaded (even
 * back-dated) or is closed, so derived statistics and page ETags can be keyed by it.
 */
export async function listFingerprint(db: Kysely<Database>, at: string): Promise<string> {
  const started = await db
    .selectFrom('item_version')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('effective_from').as('from'), eb.fn.max('finalised_at').as('fin')])
    .where('state', '=', 'final')
    .where('effective_from', '<=', at)
    .executeTakeFirstOrThrow();
  const ended = await db
    .selectFrom('item_version')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('effective_to').as('to')])
    .where('state', '=', 'final')
    .where('effective_to', '<=', at)
    .executeTakeFirstOrThrow();
  return [started.n, started.from, started.fin, ended.n, ended.to].map((v) => String(v ?? '')).join('|');
}

/** Every public version effective at `at` (no secret filing items), in keyset pages, with its elements. */
export async function* effectiveVersionPages(
  db: Kysely<Database>,
  at: string,
  excludeSecretOfType: string,
  pageSize = 1000,
): AsyncGenerator<Array<Pick<ItemVersionRow, 'implementation_code' | 'org_id' | 'type' | 'case_kind' | 'online_depth' | 'elements'>>> {
  let after = '';
  for (;;) {
    const rows = await listQuery(db, { at, excludeSecretOfType })
      .select(['v.implementation_code', 'v.org_id', 'v.type', 'v.case_kind', 'v.online_depth', 'v.elements'])
      .where('v.implementation_code', '>', after)
      .orderBy('v.implementation_code')
      .limit(pageSize)
      .execute();
    if (rows.length) yield rows;
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1].implementation_code;
  }
}
