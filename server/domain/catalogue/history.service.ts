// What the list was and how it changed between two instants: what publications and their comparisons are made of.
import { diffElements, type ElementChange } from '../../../common/item-diff.ts';
import type { ItemElements } from '../../../common/item-elements.ts';
import type { ServiceContext } from '../../platform/context.ts';
import * as repo from './catalogue.repo.ts';
import { indexCurrent, unindexCurrent } from './items.service.ts';

export interface VersionChange {
  itemId: string;
  implementationCode: string;
  orgId: string;
  name: string;
  before: { versionNo: number; elements: ItemElements } | null;
  after: { versionNo: number; elements: ItemElements } | null;
  diff: ElementChange[];
}

/** A version by its identity on the list. */
export interface ListedVersion {
  implementationCode: string;
  versionNo: number;
}

export interface ListChanges {
  /** Items whose elements changed, that came or that went, with the element diff, in code order. */
  changes: VersionChange[];
  /** Every version that entered or left the list, including new versions with the same elements. */
  entered: ListedVersion[];
  left: ListedVersion[];
}

/** How the public list changed between `from` and `to` (instants): item changes with element diffs, and the versions that moved. */
export async function listChangesBetween(ctx: ServiceContext, from: string, to: string): Promise<ListChanges> {
  const itemIds = await repo.itemIdsTouchedBetween(ctx.db, from, to);
  const [before, after] = await Promise.all([repo.versionsOfItemsAt(ctx.db, itemIds, from), repo.versionsOfItemsAt(ctx.db, itemIds, to)]);
  const b = new Map(before.map((v) => [v.item_id, v]));
  const a = new Map(after.map((v) => [v.item_id, v]));
  const changes: VersionChange[] = [];
  const entered: ListedVersion[] = [];
  const left: ListedVersion[] = [];
  // A secret (涉密) filing version is not on the public list: publications, comparisons and the digest never see it.
  const listed = (v: repo.ItemVersionRow | undefined) => (v && !v.secret ? v : undefined);
  for (const id of itemIds) {
    const x = listed(b.get(id));
    const y = listed(a.get(id));
    // Same version at both ends, or an item that came and went within the window: no net change to report.
    if ((x && y && x.id === y.id) || (!x && !y)) continue;
    if (x) left.push({ implementationCode: x.implementation_code, versionNo: x.version_no });
    if (y) entered.push({ implementationCode: y.implementation_code, versionNo: y.version_no });
    const ex = x ? (JSON.parse(x.elements) as ItemElements) : null;
    const ey = y ? (JSON.parse(y.elements) as ItemElements) : null;
    const diff = x && y ? diffElements(ex, ey) : [];
    if (x && y && diff.length === 0) continue;
    const any = (y ?? x)!;
    changes.push({
      itemId: id, implementationCode: any.implementation_code, orgId: any.org_id, name: any.name,
      before: x ? { versionNo: x.version_no, elements: ex! } : null, after: y ? { versionNo: y.version_no, elements: ey! } : null, diff,
    });
  }
  return { changes: changes.sort((p, q) => p.implementationCode.localeCompare(q.implementationCode)), entered, left };
}

/** Freezes the list up to `at` (a publication): later changes may not take effect before it. */
export async function freezeList(ctx: ServiceContext, at: string): Promise<void> {
  await repo.setFrozenUntil(ctx.db, at);
}

/**
 * Brings search in line with versions that took effect (or ended) on their own within (from, to]: a version loaded
 * or approved for a future date is indexed when its day comes. Idempotent: re-running a window changes nothing.
 */
export async function reindexChangedBetween(ctx: ServiceContext, from: string, to: string): Promise<number> {
  const itemIds = await repo.itemIdsTouchedBetween(ctx.db, from, to);
  let n = 0;
  for (const id of itemIds) {
    await ctx.db.transaction().execute(async (trx) => {
      const item = await repo.findItemById(trx, id);
      if (!item) return;
      const current = await repo.effectiveVersionAt(trx, id, to);
      if (current) {
        const cat = (await repo.findCatalogueItem(trx, item.catalogue_item_id))!;
        await indexCurrent(trx, item, JSON.parse(current.elements) as ItemElements, cat.basic_code);
      } else {
        await unindexCurrent(trx, id);
      }
    });
    n += 1;
  }
  return n;
}

/**
 * Items whose consistency may have changed since `since`: their effective version changed, or their catalogue item
 * got a new version. A publication only re-checks these (the previous one was published without deviations).
 */
export async function itemsToRecheckSince(ctx: ServiceContext, since: string, to: string): Promise<string[]> {
  const touched = await repo.itemIdsTouchedBetween(ctx.db, since, to);
  const catalogue = await repo.itemIdsWithCatalogueChangedSince(ctx.db, since);
  return [...new Set([...touched, ...catalogue])];
}
