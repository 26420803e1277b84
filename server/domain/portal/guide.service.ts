// What the guide pages remember between requests, and the stamps that say when a memory is still true (ADR 0010).
// Per app (one set per registration of the guide routes); nodes sharing a database each keep their own, and every
// entry is checked against the database before use, so a write on any node shows on the next request everywhere.
import type { ServiceContext } from '../../platform/context.ts';
import { asOfInstant } from '../catalogue/list.service.ts';
import { PageCache, StampMemo } from './page-cache.ts';
import { findGuideStamp, type GuideStamp } from './portal.repo.ts';

export type { GuideStamp } from './portal.repo.ts';

export interface GuideCaches {
  stamps: StampMemo<GuideStamp>;
  pages: PageCache;
  /** Final versions rendered here as public pages (a secret filing item's version never is): only they answer 304. */
  publicVersions: Set<string>;
}

// ~2,500 guide pages of ~25 KB; a stamp is ~300 bytes.
const PAGE_CACHE_BYTES = 64 * 1024 * 1024;
const STAMP_ENTRIES = 50_000;
const PUBLIC_VERSIONS = 200_000;

/** Empty caches for one app. */
export function newGuideCaches(): GuideCaches {
  return { stamps: new StampMemo(STAMP_ENTRIES), pages: new PageCache(PAGE_CACHE_BYTES), publicVersions: new Set() };
}

/**
 * The stamp of an item's guide as of `asOf` (a date) or now: undefined when the item has no version then. Remembered
 * while the database reports no write (SQLite) and, for now, until the version ends.
 */
export function guideStamp(ctx: ServiceContext, caches: GuideCaches, code: string, asOf?: string): Promise<GuideStamp | undefined> {
  const at = asOfInstant(asOf, ctx.now);
  return caches.stamps.get(ctx, asOf ? `${code}@${at}` : code, async () => {
    const stamp = await findGuideStamp(ctx.db, code, at);
    return stamp && { value: stamp, until: asOf || !stamp.effectiveTo ? Infinity : Date.parse(stamp.effectiveTo) };
  });
}

/** Whether two stamps describe the same page. */
export function sameStamp(a: GuideStamp, b: GuideStamp): boolean {
  return a.versionId === b.versionId && a.effectiveTo === b.effectiveTo && a.feedbackCount === b.feedbackCount &&
    a.answeredCount === b.answeredCount && a.lastAnsweredAt === b.lastAnsweredAt && a.orgGeneration === b.orgGeneration;
}

/** Whether this stamp's version was rendered here as a public page (so a 304 for it reveals nothing). */
export function knownPublic(caches: GuideCaches, stamp: GuideStamp): boolean {
  return caches.publicVersions.has(stamp.versionId);
}

/** A page rendered earlier under this key (the ETag of its stamp and the URL), if still held. */
export function cachedPage(caches: GuideCaches, key: string): Buffer | undefined {
  return caches.pages.get(key);
}

/** Keeps a page rendered for `stamp` (which must have held from before the page's first read to after its last). */
export function rememberPage(caches: GuideCaches, stamp: GuideStamp, key: string, body: Buffer): void {
  if (caches.publicVersions.size >= PUBLIC_VERSIONS) caches.publicVersions.clear();
  caches.publicVersions.add(stamp.versionId);
  caches.pages.set(key, body);
}
