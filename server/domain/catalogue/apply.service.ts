// Applying list changes inside a caller's transaction: the adjustment workflow's way into the list.
// Every function here throws a DomainError on a rule violation, so the caller's whole batch rolls back.
import { buildImplementationCode, CodeError } from '../../../common/checksums.ts';
import { defaultLocalElements, type ItemElements, type UniformElements } from '../../../common/item-elements.ts';
import { newId } from '../../db/ids.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { conflict, invalid, notFound } from '../../platform/errors.ts';
import { getOrg } from '../orgs/orgs.service.ts';
import { applyDraftVersion, assertNotFrozen, filterColumns, unindexCurrent } from './items.service.ts';
import { validateElements } from './validation.service.ts';
import * as repo from './catalogue.repo.ts';

type Trx = ServiceContext['db'];

export interface ItemSnapshot {
  implementationCode: string;
  orgId: string;
  catalogueItemId: string;
  basicCode: string;
  elements: ItemElements;
}

/** The effective element set of an item now (inside a transaction). @throws ITEM.NOT_FOUND, ITEM.NOT_EFFECTIVE */
export async function effectiveSnapshot(trx: Trx, code: string, at: string): Promise<ItemSnapshot> {
  const item = await repo.findItemByCode(trx, code);
  if (!item) throw notFound('ITEM.NOT_FOUND', `事项 ${code} 不存在`);
  const version = await repo.effectiveVersionAt(trx, item.id, at);
  if (!version) throw conflict('ITEM.NOT_EFFECTIVE', `事项 ${code} 当前不在清单内`);
  const cat = (await repo.findCatalogueItem(trx, item.catalogue_item_id))!;
  return { implementationCode: code, orgId: item.org_id, catalogueItemId: item.catalogue_item_id, basicCode: cat.basic_code, elements: JSON.parse(version.elements) as ItemElements };
}

/** Starting elements for adding a catalogue item: its uniform elements plus default local ones. */
export async function elementsFromCatalogue(ctx: ServiceContext, catalogueItemId: string): Promise<ItemElements> {
  const cat = await repo.findCatalogueItem(ctx.db, catalogueItemId);
  if (!cat) throw notFound('CATALOGUE.NOT_FOUND', '目录事项不存在');
  const version = (await repo.findCatalogueVersion(ctx.db, cat.id, cat.current_version_no))!;
  const uniform = JSON.parse(version.uniform) as UniformElements;
  return { ...uniform, ...defaultLocalElements(uniform) } as ItemElements;
}

/** Problems of a proposed element set, calendar-aware (for request validation). */
export async function proposalProblems(ctx: ServiceContext, elements: ItemElements) {
  return validateElements(ctx, elements);
}

async function newFinalVersion(trx: Trx, ctx: ServiceContext, item: repo.ItemRow, elements: ItemElements, effectiveFrom: string, note: string, catalogueVersionNo: number): Promise<void> {
  const now = ctx.now.toISOString();
  const row: repo.ItemVersionRow = {
    id: newId(ctx.now.getTime()), item_id: item.id, version_no: (await repo.maxVersionNo(trx, item.id)) + 1, state: 'draft',
    implementation_code: item.implementation_code, org_id: item.org_id, catalogue_version_no: catalogueVersionNo, effective_from: null, effective_to: null,
    ...filterColumns(elements), change_note: note, source: 'adjustment', created_at: now, created_by: ctx.actor?.userId ?? null, updated_at: now,
    finalised_at: null, finalised_by: null,
  };
  await repo.insertItemVersion(trx, row);
  await applyDraftVersion(trx, { ...ctx, db: trx }, item, row, effectiveFrom);
}

/** A changed element set for an existing item becomes its next version. */
export async function applyChange(trx: Trx, ctx: ServiceContext, code: string, elements: ItemElements, effectiveFrom: string, note: string): Promise<string> {
  const item = await repo.findItemByCode(trx, code);
  if (!item) throw notFound('ITEM.NOT_FOUND', `事项 ${code} 不存在`);
  // A change continues an item on the list; it never brings back a cancelled one (that is an `add`).
  if (!(await repo.effectiveVersionAt(trx, item.id, effectiveFrom))) throw conflict('ITEM.NOT_EFFECTIVE', `事项 ${code} 在生效时间不在清单内`);
  const cat = (await repo.findCatalogueItem(trx, item.catalogue_item_id))!;
  await newFinalVersion(trx, ctx, item, elements, effectiveFrom, note, cat.current_version_no);
  return code;
}

/**
 * A new item of `orgId` implementing a catalogue item, effective from `effectiveFrom`.
 * @throws ITEM.INVALID_CODE, ITEM.EXISTS (409, unless the item exists without an effective version: then it is re-added)
 */
export async function applyAdd(trx: Trx, ctx: ServiceContext, orgId: string, catalogueItemId: string, elements: ItemElements, effectiveFrom: string, note: string): Promise<string> {
  const org = await getOrg({ ...ctx, db: trx }, orgId);
  const cat = await repo.findCatalogueItem(trx, catalogueItemId);
  if (!cat) throw notFound('CATALOGUE.NOT_FOUND', '目录事项不存在');
  let code: string;
  try {
    code = buildImplementationCode(org.uscc, org.level, cat.basic_code);
  } catch (e) {
    if (e instanceof CodeError) throw invalid('ITEM.INVALID_CODE', `无法为 ${org.nameZh} 生成实施编码：${e.message}`);
    throw e;
  }
  let item = await repo.findItemByCode(trx, code);
  if (item) {
    if (await repo.effectiveVersionAt(trx, item.id, effectiveFrom)) throw conflict('ITEM.EXISTS', `${org.nameZh} 已实施该事项（${code}）`);
  } else {
    const now = ctx.now.toISOString();
    item = {
      id: newId(ctx.now.getTime()), implementation_code: code, org_id: org.id, catalogue_item_id: cat.id, level_digit: org.level,
      review_needed: false, review_catalogue_version_no: null, review_diff: null, created_at: now, updated_at: now,
    };
    await repo.insertItem(trx, item);
  }
  await newFinalVersion(trx, ctx, item, elements, effectiveFrom, note, cat.current_version_no);
  return code;
}

/** Ends an item's effective interval at `effectiveFrom` (取消, or the old side of a delegation). */
export async function applyCancel(trx: Trx, ctx: ServiceContext, code: string, effectiveFrom: string): Promise<void> {
  const item = await repo.findItemByCode(trx, code);
  if (!item) throw notFound('ITEM.NOT_FOUND', `事项 ${code} 不存在`);
  await assertNotFrozen(trx, effectiveFrom);
  const open = await repo.effectiveVersionAt(trx, item.id, effectiveFrom);
  if (!open) throw conflict('ITEM.NOT_EFFECTIVE', `事项 ${code} 在生效时间不在清单内`);
  const later = await repo.finalVersionsFrom(trx, item.id, effectiveFrom);
  if (later.some((v) => v.id !== open.id)) throw conflict('ITEM.INTERVAL_OVERLAP', `事项 ${code} 已有更晚生效的版本`);
  await repo.updateItemVersion(trx, open.id, { effective_to: effectiveFrom, updated_at: ctx.now.toISOString() });
  if (effectiveFrom <= ctx.now.toISOString()) await unindexCurrent(trx, item.id);
}
