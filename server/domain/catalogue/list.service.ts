import { itemTypeLabel } from '../../../common/dictionaries.ts';
import { diffElements } from '../../../common/item-diff.ts';
import type { Deviation, DraftEntry, ItemListEntry, ItemListPage, ItemListQuery } from '../../../common/item-views.ts';
import { UNIFORM_ELEMENT_KEYS, type ItemElements, type UniformElements } from '../../../common/item-elements.ts';
import { searchItemIds, SEARCH_COUNT_CAP } from '../../db/search.ts';
import { actorOf, type ServiceContext } from '../../platform/context.ts';
import { invalid } from '../../platform/errors.ts';
import { type Org, orgsByIds } from '../orgs/orgs.service.ts';
import { consistencyScope, draftScope } from './catalogue.policy.ts';
import * as repo from './catalogue.repo.ts';

/** The list's query as the routes pass it on: the org filter named for what it holds. */
export type ListQuery = Omit<ItemListQuery, 'org'> & { orgId?: string };

/**
 * The instant a list query looks at: a date means the end of that day in China (UTC+8), a timestamp itself.
 * @throws LIST.INVALID_AS_OF (400)
 */
export function asOfInstant(asOf: string | undefined, now: Date): string {
  if (!asOf) return now.toISOString();
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? `${asOf}T23:59:59.999+08:00` : asOf;
  const t = Date.parse(iso);
  if (Number.isNaN(t)) throw invalid('LIST.INVALID_AS_OF', '查询日期格式不正确', [{ path: 'query.asOf', message: '日期格式应为 YYYY-MM-DD' }]);
  return new Date(t).toISOString();
}

async function entries(ctx: ServiceContext, rows: repo.ItemVersionRow[], known?: Map<string, Org>): Promise<ItemListEntry[]> {
  const orgs = known && rows.every((r) => known.has(r.org_id)) ? known : await orgsByIds(ctx, rows.map((r) => r.org_id));
  return rows.map((r) => {
    const el = JSON.parse(r.elements) as ItemElements;
    return {
      implementationCode: r.implementation_code,
      name: r.name,
      type: r.type,
      typeLabel: itemTypeLabel(r.type, ctx.config.filingTypeCode),
      orgId: r.org_id,
      orgName: orgs.get(r.org_id)?.nameZh ?? '',
      caseKind: r.case_kind,
      onlineDepth: r.online_depth,
      powerSource: r.power_source,
      promisedTimeLimit: el.promisedTimeLimit,
      statutoryTimeLimit: el.statutoryTimeLimit,
      versionNo: r.version_no,
      effectiveFrom: r.effective_from!,
    };
  });
}

// Search pages by offset (relevance order has no stable key); plain lists by keyset on the implementation code.
const encodeCursor = (v: string) => Buffer.from(v).toString('base64url');
const decodeCursor = (v: string | undefined) => (v ? Buffer.from(v, 'base64url').toString('utf8') : undefined);

/** The effective versions of search hits that pass the list filter, in the hits' (relevance) order. */
async function versionsInHitOrder(ctx: ServiceContext, filter: repo.ListFilter & { itemIds: string[] }): Promise<repo.ItemVersionRow[]> {
  const byId = new Map((await repo.listEffectiveVersions(ctx.db, filter)).map((r) => [r.item_id, r]));
  return filter.itemIds.map((id) => byId.get(id)).filter((r): r is repo.ItemVersionRow => Boolean(r));
}

/**
 * The list effective now or at `asOf`, filtered, searched (Chinese, relevance-ranked, counts capped at 10000),
 * one page at a time. Secret filing items never appear in the public list (no actor) nor in search.
 * @throws LIST.INVALID_AS_OF, LIST.INVALID_CURSOR
 */
export async function listItems(ctx: ServiceContext, query: ListQuery): Promise<ItemListPage> {
  // A list of one org names that org on every row: read it beside the page, not after it.
  const [page, orgs] = await Promise.all([versionsPage(ctx, query, true), query.orgId ? orgsByIds(ctx, [query.orgId]) : undefined]);
  return { items: await entries(ctx, page.rows, orgs), total: page.total, totalCapped: page.totalCapped, nextCursor: page.nextCursor };
}

/**
 * One page of the same list as listItems, as the effective versions themselves (elements included) and without
 * counting the list: what an export reads page by page.
 * @throws LIST.INVALID_AS_OF, LIST.INVALID_CURSOR
 */
export async function listItemVersions(ctx: ServiceContext, query: ListQuery): Promise<{ rows: repo.ItemVersionRow[]; nextCursor: string | null }> {
  const page = await versionsPage(ctx, query, false);
  return { rows: page.rows, nextCursor: page.nextCursor };
}

async function versionsPage(ctx: ServiceContext, query: ListQuery, count: boolean): Promise<Omit<ItemListPage, 'items'> & { rows: repo.ItemVersionRow[] }> {
  const limit = query.limit ?? 20;
  const at = asOfInstant(query.asOf, ctx.now);
  const filter = {
    at, orgId: query.orgId, type: query.type, recipient: query.recipient, caseKind: query.caseKind, theme: query.theme, onlineDepth: query.onlineDepth,
    excludeSecretOfType: ctx.actor ? undefined : ctx.config.filingTypeCode,
  };
  const q = query.q?.trim();
  if (q) {
    const offset = Number(decodeCursor(query.cursor) ?? '0');
    if (!Number.isInteger(offset) || offset < 0 || offset > SEARCH_COUNT_CAP) throw invalid('LIST.INVALID_CURSOR', '分页游标无效');
    const extraFilters = filter.recipient !== undefined || filter.caseKind !== undefined || filter.theme || filter.onlineDepth !== undefined || query.asOf;
    if (!extraFilters) {
      const hits = await searchItemIds(ctx.db, ctx.dialect, q, { orgId: query.orgId, type: query.type }, limit + 1, offset);
      const page = (await versionsInHitOrder(ctx, { ...filter, itemIds: hits.itemIds, limit: limit + 1 })).slice(0, limit);
      return { rows: page, total: hits.total, totalCapped: hits.capped, nextCursor: hits.itemIds.length > limit ? encodeCursor(String(offset + limit)) : null };
    }
    // With other filters, search the capped candidate set and filter it (search ranks only the current list).
    const hits = await searchItemIds(ctx.db, ctx.dialect, q, { orgId: query.orgId, type: query.type }, SEARCH_COUNT_CAP, 0);
    const ordered = await versionsInHitOrder(ctx, { ...filter, itemIds: hits.itemIds, limit: SEARCH_COUNT_CAP });
    const page = ordered.slice(offset, offset + limit);
    return { rows: page, total: ordered.length, totalCapped: hits.capped, nextCursor: ordered.length > offset + limit ? encodeCursor(String(offset + limit)) : null };
  }
  const after = decodeCursor(query.cursor);
  // The search table holds no secret items (see indexCurrent): only the public may page the current list from it.
  const simple = !ctx.actor && !query.asOf && filter.recipient === undefined && filter.caseKind === undefined && !filter.theme && filter.onlineDepth === undefined;
  let rows: repo.ItemVersionRow[];
  let total: number;
  if (simple) {
    // The current list by org/type pages and counts from the search table's indexes.
    // The count runs beside the page (on PostgreSQL on another pooled connection: one round trip less to wait for).
    [rows, total] = await Promise.all([
      repo.currentVersionsPage(ctx.db, { at, orgId: filter.orgId, type: filter.type, after, limit: limit + 1 }),
      count ? repo.countCurrentItems(ctx.db, { orgId: filter.orgId, type: filter.type }, SEARCH_COUNT_CAP) : 0,
    ]);
  } else {
    [rows, total] = await Promise.all([
      repo.listEffectiveVersions(ctx.db, { ...filter, after, limit: limit + 1 }),
      count ? repo.countEffectiveVersions(ctx.db, filter, SEARCH_COUNT_CAP) : 0,
    ]);
  }
  const page = rows.slice(0, limit);
  return {
    rows: page,
    total: Math.min(total, SEARCH_COUNT_CAP),
    totalCapped: total > SEARCH_COUNT_CAP,
    nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1].implementation_code) : null,
  };
}


/**
 * Drafts in the caller's scope (their own org's; every org's for the bureau and auditors), most recently edited
 * first: where an editor finds a new item that is not on the list yet, or a revision in progress.
 */
export async function listDraftItems(ctx: ServiceContext, query: { orgId?: string; limit?: number }): Promise<{ items: DraftEntry[] }> {
  const scope = draftScope(actorOf(ctx));
  const orgId = scope ?? query.orgId;
  if (scope && query.orgId && query.orgId !== scope) return { items: [] };
  const rows = await repo.listDrafts(ctx.db, orgId, query.limit ?? 100);
  const [orgs, effective] = await Promise.all([orgsByIds(ctx, rows.map((r) => r.org_id)), repo.itemIdsWithFinalVersion(ctx.db, rows.map((r) => r.item_id))]);
  return {
    items: rows.map((r) => ({
      implementationCode: r.implementation_code, name: r.name, orgId: r.org_id, orgName: orgs.get(r.org_id)?.nameZh ?? '', versionNo: r.version_no,
      changeNote: r.change_note, updatedAt: r.updated_at, hasFinalVersion: effective.has(r.item_id),
    })),
  };
}

/** Every uniform element of an effective item (or of the given items) that differs from its catalogue item's current version (同源). */
export async function listDeviations(ctx: ServiceContext, only?: { itemIds: string[] }): Promise<Deviation[]> {
  const scope = ctx.actor ? consistencyScope(ctx.actor) : undefined;
  const rows = await repo.consistencyRows(ctx.db, ctx.now.toISOString(), scope, only?.itemIds);
  const out: Deviation[] = [];
  for (const r of rows) {
    const actual = JSON.parse(r.elements) as ItemElements;
    const expected = JSON.parse(r.uniform) as UniformElements;
    for (const change of diffElements(expected, actual, UNIFORM_ELEMENT_KEYS)) {
      out.push({ implementationCode: r.implementation_code, orgId: r.org_id, name: r.name, element: change.path, kind: change.kind, expected: change.before ?? null, actual: change.after ?? null });
    }
  }
  return out;
}
