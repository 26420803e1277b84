// Aggregates of the current public list: counts for the portal home and the 两优 optimisation figures
// (time compression, materials, steps, visits, online depth, 即办件) per org and banner-wide.
import { itemTypeLabel } from '../../../common/dictionaries.ts';
import type { ItemElements } from '../../../common/item-elements.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { listOrgs } from '../orgs/orgs.service.ts';
import * as repo from './catalogue.repo.ts';

export interface OptimisationTotals {
  items: number;
  /** Items whose statutory and promised limits share a unit (and statutory > 0): compression is defined. */
  timeComparable: number;
  /** Sum over comparable items of (1 − promised / statutory); average = sum / timeComparable. */
  compressionSum: number;
  /** Sums over items whose both limits are in working days. */
  workdayItems: number;
  statutoryWorkdays: number;
  promisedWorkdays: number;
  materialsBefore: number;
  /** Materials an applicant still hands in (those obtained by data sharing are not counted). */
  materialsNow: number;
  stepsBefore: number;
  stepsNow: number;
  visitsBefore: number;
  visitsNow: number;
  zeroVisit: number;
  /** Items per online depth 0–4. */
  onlineDepth: number[];
  /** 即办件 (case kind 1). */
  immediate: number;
}

export interface OrgStats {
  orgId: string;
  orgName: string;
  totals: OptimisationTotals;
}

export interface ListStats {
  /** Changes whenever the effective list does: a cache key for pages built from these figures. */
  fingerprint: string;
  total: OptimisationTotals;
  byOrg: OrgStats[];
}

export interface ListCounts {
  fingerprint: string;
  total: number;
  byOrg: Array<{ orgId: string; orgName: string; count: number }>;
  byType: Array<{ type: string; label: string; count: number }>;
}

const emptyTotals = (): OptimisationTotals => ({
  items: 0, timeComparable: 0, compressionSum: 0, workdayItems: 0, statutoryWorkdays: 0, promisedWorkdays: 0, materialsBefore: 0, materialsNow: 0,
  stepsBefore: 0, stepsNow: 0, visitsBefore: 0, visitsNow: 0, zeroVisit: 0, onlineDepth: [0, 0, 0, 0, 0], immediate: 0,
});

/** Adds one item's elements to running totals (pure). */
export function addItem(t: OptimisationTotals, el: ItemElements): void {
  t.items += 1;
  const s = el.statutoryTimeLimit;
  const p = el.promisedTimeLimit;
  if (s && p && s.unit === p.unit && s.amount > 0) {
    t.timeComparable += 1;
    t.compressionSum += Math.max(0, 1 - p.amount / s.amount);
    if (s.unit === 'workday') {
      t.workdayItems += 1;
      t.statutoryWorkdays += s.amount;
      t.promisedWorkdays += p.amount;
    }
  }
  const o = el.optimisation;
  t.materialsBefore += o?.materialsBefore ?? 0;
  t.materialsNow += el.materials.filter((m) => !m.satisfiedBy).length;
  t.stepsBefore += o?.stepsBefore ?? 0;
  t.stepsNow += el.process.length;
  t.visitsBefore += o?.visitsBefore ?? 0;
  t.visitsNow += el.visitsRequired;
  if (el.visitsRequired === 0) t.zeroVisit += 1;
  t.onlineDepth[Math.min(4, Math.max(0, el.onlineDepth))] += 1;
  if (el.caseKind === 1) t.immediate += 1;
}

/** Adds `b` into `a` (pure). */
function merge(a: OptimisationTotals, b: OptimisationTotals): void {
  for (const key of Object.keys(a) as Array<keyof OptimisationTotals>) {
    if (key === 'onlineDepth') b.onlineDepth.forEach((n, i) => (a.onlineDepth[i] += n));
    else a[key] += b[key];
  }
}

// Derived from the list and keyed by its fingerprint, so every node may keep its own copy: nothing to invalidate.
let statsCache: { key: string; value: ListStats } | null = null;

/** The 两优 figures of the list effective now, per org (orgs with items) and banner-wide. Public: no secret items. */
export async function currentListStats(ctx: ServiceContext): Promise<ListStats> {
  const at = ctx.now.toISOString();
  const fingerprint = await repo.listFingerprint(ctx.db, at);
  if (statsCache?.key === fingerprint) return statsCache.value;
  const perOrg = new Map<string, OptimisationTotals>();
  for await (const page of repo.effectiveVersionPages(ctx.db, at, ctx.config.filingTypeCode)) {
    for (const row of page) {
      let t = perOrg.get(row.org_id);
      if (!t) perOrg.set(row.org_id, (t = emptyTotals()));
      addItem(t, JSON.parse(row.elements) as ItemElements);
    }
  }
  const orgs = new Map((await listOrgs(ctx)).map((o) => [o.id, o]));
  const total = emptyTotals();
  const byOrg: OrgStats[] = [];
  for (const [orgId, totals] of perOrg) {
    merge(total, totals);
    byOrg.push({ orgId, orgName: orgs.get(orgId)?.nameZh ?? '', totals });
  }
  byOrg.sort((a, b) => b.totals.items - a.totals.items || a.orgName.localeCompare(b.orgName, 'zh-CN'));
  const value = { fingerprint, total, byOrg };
  statsCache = { key: fingerprint, value };
  return value;
}

/** How many items the current public list has, per org and per type (largest first). */
export async function currentListCounts(ctx: ServiceContext): Promise<ListCounts> {
  const [fingerprint, rows, orgList] = await Promise.all([repo.listFingerprint(ctx.db, ctx.now.toISOString()), repo.currentCountsByOrgAndType(ctx.db), listOrgs(ctx)]);
  const orgs = new Map(orgList.map((o) => [o.id, o]));
  const byOrg = new Map<string, number>();
  const byType = new Map<string, number>();
  let total = 0;
  for (const r of rows) {
    byOrg.set(r.orgId, (byOrg.get(r.orgId) ?? 0) + r.n);
    byType.set(r.type, (byType.get(r.type) ?? 0) + r.n);
    total += r.n;
  }
  return {
    fingerprint,
    total,
    byOrg: [...byOrg].map(([orgId, count]) => ({ orgId, orgName: orgs.get(orgId)?.nameZh ?? '', count })).sort((a, b) => b.count - a.count || a.orgName.localeCompare(b.orgName, 'zh-CN')),
    byType: [...byType].map(([type, count]) => ({ type, label: itemTypeLabel(type, ctx.config.filingTypeCode), count })).sort((a, b) => a.type.localeCompare(b.type)),
  };
}
