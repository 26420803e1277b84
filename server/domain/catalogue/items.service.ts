import { buildHandlingItemCode, buildImplementationCode, CodeError } from '../../../common/checksums.ts';
import { diffElements, type ElementChange } from '../../../common/item-diff.ts';
import {
  defaultLocalElements, uniformOf, type ItemElements, type Problem, type UniformElements,
} from '../../../common/item-elements.ts';
import type { DraftResult, ItemDetail, ItemVersion, NewItem, VersionDiff } from '../../../common/item-views.ts';
import { indexItems, unindexItem } from '../../db/search.ts';
import { newId } from '../../db/ids.ts';
import { actorOf, type ServiceContext } from '../../platform/context.ts';
import { conflict, forbidden, invalid, notFound } from '../../platform/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { getOrg } from '../orgs/orgs.service.ts';
import { toCatalogueVersion } from './catalogue.service.ts';
import { asOfInstant } from './list.service.ts';
import { canEditItem, canLoadDirectly, canSeeDrafts } from './catalogue.policy.ts';
import * as repo from './catalogue.repo.ts';
import { validateElements } from './validation.service.ts';

const itemNotFound = () => notFound('ITEM.NOT_FOUND', '事项不存在');

/** Handling-item rows of a version: codes are the implementation code + 2-digit sequence. */
function handlingRows(implementationCode: string, versionId: string, el: ItemElements) {
  return el.handlingItems.map((h) => ({
    id: newId(), item_version_id: versionId, code: buildHandlingItemCode(implementationCode, h.seq), seq: h.seq, name: h.name, split_reason: h.splitReason,
  }));
}

function versionView(r: repo.ItemVersionRow): ItemVersion {
  const elements = JSON.parse(r.elements) as ItemElements;
  return {
    versionNo: r.version_no,
    state: r.state as 'draft' | 'final',
    effectiveFrom: r.effective_from,
    effectiveTo: r.effective_to,
    catalogueVersionNo: r.catalogue_version_no,
    changeNote: r.change_note,
    source: r.source,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    finalisedAt: r.finalised_at,
    elements,
    handlingItems: elements.handlingItems.map((h) => ({
      code: buildHandlingItemCode(r.implementation_code, h.seq), seq: h.seq, name: h.name, splitReason: h.splitReason,
    })),
  };
}

/** Denormalised filter columns of a version row, from its elements. */
export function filterColumns(el: ItemElements) {
  return {
    name: el.name,
    type: el.type,
    case_kind: el.caseKind,
    online_depth: el.onlineDepth,
    power_source: el.powerSource,
    service_recipients: `,${el.serviceRecipients.join(',')},`,
    themes: `,${el.themes.join(',')},`,
    elements: JSON.stringify(el),
    secret: el.filing?.secret === true,
  };
}

async function loadItem(ctx: ServiceContext, db: ServiceContext['db'], code: string): Promise<repo.ItemRow> {
  const item = await repo.findItemByCode(db, code);
  if (!item) throw itemNotFound();
  return item;
}

function requireEditor(ctx: ServiceContext, item: repo.ItemRow): void {
  const actor = actorOf(ctx);
  // Another org's item does not exist for a department (404); a role that may not edit gets 403.
  if (!canSeeDrafts(actor, item.org_id)) throw itemNotFound();
  if (!canEditItem(actor, item.org_id)) throw forbidden();
}

/**
 * Creates an implemented item (org × catalogue item) with a first draft prefilled from the catalogue's uniform elements.
 * @throws ITEM.INVALID_CODE (400: USCC check, level digit, basic code), ITEM.EXISTS (409), CATALOGUE.NOT_FOUND, ORG.NOT_FOUND
 */
export async function createItem(ctx: ServiceContext, input: NewItem & { elements?: Partial<ItemElements> }): Promise<ItemDetail> {
  const actor = actorOf(ctx);
  const org = await getOrg(ctx, input.orgId);
  if (!canSeeDrafts(actor, org.id)) throw notFound('ORG.NOT_FOUND', '组织机构不存在');
  if (!canEditItem(actor, org.id)) throw forbidden();
  const code = await ctx.db.transaction().execute(async (trx) => {
    const cat = await repo.findCatalogueItem(trx, input.catalogueItemId);
    if (!cat) throw notFound('CATALOGUE.NOT_FOUND', '目录事项不存在');
    const catVersion = (await repo.findCatalogueVersion(trx, cat.id, cat.current_version_no))!;
    const levels = JSON.parse(catVersion.levels) as number[];
    const problems: Problem[] = [];
    if (input.levelDigit !== org.level) problems.push({ path: 'body.levelDigit', message: `行使层级须与实施机构的层级（${org.level}）一致` });
    if (!levels.includes(input.levelDigit)) problems.push({ path: 'body.levelDigit', message: '目录事项不在该层级行使' });
    let implementationCode = '';
    try {
      implementationCode = buildImplementationCode(org.uscc, input.levelDigit, cat.basic_code);
    } catch (e) {
      if (e instanceof CodeError) problems.push({ path: 'body.orgId', message: e.message });
      else throw e;
    }
    if (problems.length > 0) throw invalid('ITEM.INVALID_CODE', '无法生成实施编码', problems);
    if (await repo.findItemByCode(trx, implementationCode)) throw conflict('ITEM.EXISTS', '该机构已实施此目录事项');
    const uniform = JSON.parse(catVersion.uniform) as UniformElements;
    const elements: ItemElements = { ...uniform, ...defaultLocalElements(uniform), ...input.elements, ...uniform } as ItemElements;
    const now = ctx.now.toISOString();
    const itemId = newId(ctx.now.getTime());
    await repo.insertItem(trx, {
      id: itemId, implementation_code: implementationCode, org_id: org.id, catalogue_item_id: cat.id, level_digit: input.levelDigit,
      review_needed: false, review_catalogue_version_no: null, review_diff: null, created_at: now, updated_at: now,
    });
    const versionId = newId(ctx.now.getTime());
    await repo.insertItemVersion(trx, {
      id: versionId, item_id: itemId, version_no: 1, state: 'draft', implementation_code: implementationCode, org_id: org.id,
      catalogue_version_no: cat.current_version_no, effective_from: null, effective_to: null, ...filterColumns(elements),
      change_note: null, source: 'load', created_at: now, created_by: actor.userId, updated_at: now, finalised_at: null, finalised_by: null,
    });
    await recordAudit(trx, ctx, { action: 'item.create', targetType: 'item', targetId: implementationCode, summary: { name: elements.name, orgId: org.id, basicCode: cat.basic_code } });
    return implementationCode;
  });
  return getItemDetail(ctx, code);
}

/**
 * An item with its current effective version, its draft (for those who may see drafts) and its version history.
 * @throws ITEM.NOT_FOUND
 */
export async function getItemDetail(ctx: ServiceContext, code: string, asOf?: string): Promise<ItemDetail> {
  const item = await loadItem(ctx, ctx.db, code);
  const org = await getOrg(ctx, item.org_id);
  const cat = (await repo.findCatalogueItem(ctx.db, item.catalogue_item_id))!;
  const all = await repo.versionsOfItem(ctx.db, item.id);
  const mayDraft = ctx.actor ? canSeeDrafts(ctx.actor, item.org_id) : false;
  const at = asOf ?? ctx.now.toISOString();
  const current = all.find((v) => v.state === 'final' && v.effective_from! <= at && (v.effective_to === null || v.effective_to > at));
  const draft = mayDraft ? all.find((v) => v.state === 'draft') : undefined;
  return {
    implementationCode: item.implementation_code,
    orgId: item.org_id,
    orgName: org.nameZh,
    catalogueItemId: item.catalogue_item_id,
    basicCode: cat.basic_code,
    levelDigit: item.level_digit,
    reviewNeeded: Boolean(item.review_needed),
    reviewCatalogueVersionNo: item.review_catalogue_version_no,
    reviewDiff: item.review_diff ? (JSON.parse(item.review_diff) as ElementChange[]) : null,
    current: current ? versionView(current) : null,
    draft: draft ? versionView(draft) : null,
    versions: all
      .filter((v) => v.state === 'final' || mayDraft)
      .map((v) => ({ versionNo: v.version_no, state: v.state as 'draft' | 'final', effectiveFrom: v.effective_from, effectiveTo: v.effective_to, changeNote: v.change_note, source: v.source, createdAt: v.created_at })),
  };
}

/**
 * Opens a draft from the current effective version (or from the catalogue's current uniform elements with `takeOver`).
 * @throws ITEM.NOT_FOUND, ITEM.DRAFT_EXISTS (409)
 */
export async function startDraft(ctx: ServiceContext, code: string, options: { takeOver?: boolean } = {}): Promise<DraftResult> {
  const item = await loadItem(ctx, ctx.db, code);
  requireEditor(ctx, item);
  const versionNo = await ctx.db.transaction().execute(async (trx) => {
    if (await repo.findDraftOfItem(trx, item.id)) throw conflict('ITEM.DRAFT_EXISTS', '该事项已有草稿，请继续编辑现有草稿');
    const now = ctx.now.toISOString();
    const current = await repo.effectiveVersionAt(trx, item.id, now);
    const cat = (await repo.findCatalogueItem(trx, item.catalogue_item_id))!;
    const catVersion = toCatalogueVersion((await repo.findCatalogueVersion(trx, cat.id, cat.current_version_no))!);
    const base: ItemElements = current
      ? (JSON.parse(current.elements) as ItemElements)
      : ({ ...catVersion.uniform, ...defaultLocalElements(catVersion.uniform) } as ItemElements);
    // Taking over copies the catalogue's uniform elements into the draft; local elements stay the org's.
    const elements = options.takeOver ? ({ ...base, ...uniformOf(catVersion.uniform) } as ItemElements) : base;
    const no = (await repo.maxVersionNo(trx, item.id)) + 1;
    await repo.insertItemVersion(trx, {
      id: newId(ctx.now.getTime()), item_id: item.id, version_no: no, state: 'draft', implementation_code: item.implementation_code, org_id: item.org_id,
      catalogue_version_no: options.takeOver ? cat.current_version_no : (current?.catalogue_version_no ?? cat.current_version_no),
      effective_from: null, effective_to: null, ...filterColumns(elements), change_note: null, source: options.takeOver ? 'takeover' : 'load',
      created_at: now, created_by: actorOf(ctx).userId, updated_at: now, finalised_at: null, finalised_by: null,
    });
    await recordAudit(trx, ctx, { action: options.takeOver ? 'item.take_over' : 'item.start_draft', targetType: 'item', targetId: code, summary: { versionNo: no } });
    return no;
  });
  return getDraft(ctx, code, versionNo);
}

async function getDraft(ctx: ServiceContext, code: string, versionNo: number): Promise<DraftResult> {
  const item = await loadItem(ctx, ctx.db, code);
  const row = await repo.findItemVersion(ctx.db, item.id, versionNo);
  if (!row) throw notFound('ITEM.VERSION_NOT_FOUND', '版本不存在');
  const version = versionView(row);
  return { version, problems: await validateElements(ctx, version.elements) };
}

/**
 * Saves a draft's elements (structure already validated by the schema). Uniform elements stay the catalogue's
 * unless the item is a local one; rule problems are returned, not refused: a draft may be incomplete.
 * @throws ITEM.NOT_FOUND, ITEM.VERSION_NOT_DRAFT (409: an effective version is never edited)
 */
export async function saveDraft(ctx: ServiceContext, code: string, versionNo: number, elements: ItemElements, changeNote?: string): Promise<DraftResult> {
  const item = await loadItem(ctx, ctx.db, code);
  requireEditor(ctx, item);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.findItemVersion(trx, item.id, versionNo);
    if (!row) throw notFound('ITEM.VERSION_NOT_FOUND', '版本不存在');
    if (row.state !== 'draft') {
      throw conflict('ITEM.VERSION_NOT_DRAFT', '已生效或已归档的版本不可修改，请新建草稿', { state: row.state, allowedActions: ['startDraft'] });
    }
    const before = JSON.parse(row.elements) as ItemElements;
    await repo.updateItemVersion(trx, row.id, { ...filterColumns(elements), change_note: changeNote ?? row.change_note, updated_at: ctx.now.toISOString() });
    await recordAudit(trx, ctx, {
      action: 'item.save_draft',
      targetType: 'item',
      targetId: code,
      summary: { versionNo, changed: diffElements(before, elements).map((c) => c.path).slice(0, 50) },
    });
  });
  return getDraft(ctx, code, versionNo);
}

/** All problems of a draft at once (field path + Chinese message). @throws ITEM.NOT_FOUND */
export async function validateDraft(ctx: ServiceContext, code: string, versionNo: number): Promise<DraftResult> {
  const item = await loadItem(ctx, ctx.db, code);
  if (!canSeeDrafts(actorOf(ctx), item.org_id)) throw itemNotFound();
  return getDraft(ctx, code, versionNo);
}

/** Discards a draft. @throws ITEM.VERSION_NOT_DRAFT (409) */
export async function discardDraft(ctx: ServiceContext, code: string, versionNo: number): Promise<void> {
  const item = await loadItem(ctx, ctx.db, code);
  requireEditor(ctx, item);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.findItemVersion(trx, item.id, versionNo);
    if (!row) throw notFound('ITEM.VERSION_NOT_FOUND', '版本不存在');
    if (row.state !== 'draft') throw conflict('ITEM.VERSION_NOT_DRAFT', '已生效的版本不可删除', { state: row.state, allowedActions: [] });
    await repo.deleteDraftVersion(trx, row.id);
    await recordAudit(trx, ctx, { action: 'item.discard_draft', targetType: 'item', targetId: code, summary: { versionNo } });
  });
}

/**
 * Makes a draft version effective from `effectiveFrom` (default now) inside the caller's transaction: closes the
 * previous open interval, writes handling items, refreshes search, clears the review flag when the catalogue
 * version was taken over. Shared by direct loading and (later) approved adjustments.
 * @throws ITEM.DRAFT_INVALID (400 with all problems), ITEM.INTERVAL_OVERLAP (409)
 */
export async function applyDraftVersion(trx: ServiceContext['db'], ctx: ServiceContext, item: repo.ItemRow, row: repo.ItemVersionRow, effectiveFrom: string): Promise<void> {
  await assertNotFrozen(trx, effectiveFrom);
  const elements = JSON.parse(row.elements) as ItemElements;
  const problems = await validateElements({ ...ctx, db: trx }, elements);
  if (problems.length > 0) throw invalid('ITEM.DRAFT_INVALID', '草稿未通过校验，不能生效', problems);
  const later = await repo.finalVersionsFrom(trx, item.id, effectiveFrom);
  if (later.length > 0) {
    throw conflict('ITEM.INTERVAL_OVERLAP', '生效时间与已有版本的有效期重叠', { conflictingVersions: later.map((v) => ({ versionNo: v.version_no, effectiveFrom: v.effective_from })) });
  }
  const open = await repo.effectiveVersionAt(trx, item.id, effectiveFrom);
  if (open) await repo.updateItemVersion(trx, open.id, { effective_to: effectiveFrom, updated_at: ctx.now.toISOString() });
  const now = ctx.now.toISOString();
  await repo.updateItemVersion(trx, row.id, { state: 'final', effective_from: effectiveFrom, finalised_at: now, finalised_by: ctx.actor?.userId ?? null, updated_at: now });
  await repo.replaceHandlingItems(trx, row.id, handlingRows(item.implementation_code, row.id, elements));
  const cat = (await repo.findCatalogueItem(trx, item.catalogue_item_id))!;
  if (item.review_needed && row.catalogue_version_no >= cat.current_version_no) {
    await repo.updateItem(trx, item.id, { review_needed: false, review_catalogue_version_no: null, review_diff: null, updated_at: now });
  }
  if (effectiveFrom <= now) await indexCurrent(trx, item, elements, cat.basic_code);
}

/**
 * A published list is never rewritten: nothing may take effect (or end) before the latest publication.
 * @throws ITEM.BEFORE_PUBLISHED (409)
 */
export async function assertNotFrozen(trx: ServiceContext['db'], effectiveFrom: string): Promise<void> {
  const frozen = await repo.frozenUntil(trx);
  if (frozen && effectiveFrom < frozen) {
    throw conflict('ITEM.BEFORE_PUBLISHED', `生效时间早于最近一次清单公布（${frozen}），已公布的清单不可追溯修改`, { frozenUntil: frozen });
  }
}

/** Puts an item's effective elements into the search index. */
export async function indexCurrent(trx: ServiceContext['db'], item: repo.ItemRow, el: ItemElements, basicCode: string): Promise<void> {
  await indexCurrentMany(trx, [{ item, elements: el, basicCode }]);
}

/** What search holds for an item's effective elements. */
function indexRowOf(item: repo.ItemRow, el: ItemElements, basicCode: string) {
  const codes = [item.implementation_code, basicCode, ...el.handlingItems.map((h) => buildHandlingItemCode(item.implementation_code, h.seq))];
  return {
    itemId: item.id,
    implementationCode: item.implementation_code,
    orgId: item.org_id,
    type: el.type,
    name: el.name,
    searchText: [el.name, ...codes, ...el.legalBasis.map((c) => c.law), ...el.keywords, ...el.handlingItems.map((h) => h.name)].join(' '),
  };
}

/** Puts many items' effective elements into the search index in bulk (imports). */
export async function indexCurrentMany(trx: ServiceContext['db'], entries: Array<{ item: repo.ItemRow; elements: ItemElements; basicCode: string }>): Promise<void> {
  // Secret (涉密) filing items stay out of search, which serves the public list (filing Art 5).
  for (const e of entries.filter((x) => x.elements.filing?.secret)) await unindexItem(trx, e.item.id);
  await indexItems(trx, entries.filter((x) => !x.elements.filing?.secret).map((e) => indexRowOf(e.item, e.elements, e.basicCode)));
}

/** Removes an item from the current list's search index (cancelled). */
export async function unindexCurrent(trx: ServiceContext['db'], itemId: string): Promise<void> {
  await unindexItem(trx, itemId);
}

/** A date means the start of that day in China (UTC+8); a timestamp is taken as given. */
function effectiveInstant(value: string): string {
  const t = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00+08:00` : value);
  if (Number.isNaN(t)) throw invalid('ITEM.INVALID_EFFECTIVE_FROM', '生效时间格式不正确', [{ path: 'body.effectiveFrom', message: '生效时间格式不正确' }]);
  return new Date(t).toISOString();
}

/**
 * The public element set of an item effective now or at `asOf` (no drafts, no internal flags).
 * @throws ITEM.NOT_FOUND, ITEM.NOT_EFFECTIVE (404)
 */
export async function getPublicItem(ctx: ServiceContext, code: string, asOf?: string) {
  const detail = await getItemDetail({ ...ctx, actor: null }, code, asOfInstant(asOf, ctx.now));
  // A secret filing item is not on the public list: to the public it does not exist.
  if (detail.current?.elements.filing?.secret) throw itemNotFound();
  if (!detail.current) throw notFound('ITEM.NOT_EFFECTIVE', '该事项在所查询的日期不在清单内');
  return { implementationCode: detail.implementationCode, orgId: detail.orgId, orgName: detail.orgName, basicCode: detail.basicCode, ...detail.current };
}

/**
 * The bureau's initial-loading path: makes a draft effective directly, audited as `item.load`.
 * @throws ACCESS.FORBIDDEN, ITEM.NOT_FOUND, ITEM.VERSION_NOT_DRAFT, ITEM.DRAFT_INVALID, ITEM.INTERVAL_OVERLAP
 */
export async function loadDraft(ctx: ServiceContext, code: string, versionNo: number, effectiveFrom?: string): Promise<ItemDetail> {
  const actor = actorOf(ctx);
  const item = await loadItem(ctx, ctx.db, code);
  if (!canSeeDrafts(actor, item.org_id)) throw itemNotFound();
  if (!canLoadDirectly(actor)) throw forbidden();
  await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.findItemVersion(trx, item.id, versionNo);
    if (!row) throw notFound('ITEM.VERSION_NOT_FOUND', '版本不存在');
    if (row.state !== 'draft') throw conflict('ITEM.VERSION_NOT_DRAFT', '该版本已生效', { state: row.state, allowedActions: ['startDraft'] });
    const from = effectiveFrom ? effectiveInstant(effectiveFrom) : ctx.now.toISOString();
    await applyDraftVersion(trx, ctx, item, row, from);
    await recordAudit(trx, ctx, { action: 'item.load', targetType: 'item', targetId: code, summary: { versionNo, effectiveFrom: from } });
  });
  return getItemDetail(ctx, code);
}

/** Element-level diff between two versions of an item. @throws ITEM.NOT_FOUND, ITEM.VERSION_NOT_FOUND */
export async function diffVersions(ctx: ServiceContext, code: string, a: number, b: number): Promise<VersionDiff> {
  const item = await loadItem(ctx, ctx.db, code);
  const mayDraft = ctx.actor ? canSeeDrafts(ctx.actor, item.org_id) : false;
  const load = async (n: number) => {
    const row = await repo.findItemVersion(ctx.db, item.id, n);
    if (!row || (row.state === 'draft' && !mayDraft)) throw notFound('ITEM.VERSION_NOT_FOUND', '版本不存在');
    return JSON.parse(row.elements) as ItemElements;
  };
  return { from: a, to: b, changes: diffElements(await load(a), await load(b)) };
}
