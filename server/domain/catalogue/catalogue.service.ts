import { diffElements } from '../../../common/item-diff.ts';
import { UNIFORM_ELEMENT_KEYS, uniformProblems, type UniformElements } from '../../../common/item-elements.ts';
import { newId } from '../../db/ids.ts';
import { actorOf, type ServiceContext } from '../../platform/context.ts';
import { conflict, forbidden, invalid, notFound } from '../../platform/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { canManageCatalogue } from './catalogue.policy.ts';
import * as repo from './catalogue.repo.ts';
import type { CatalogueDetail, CatalogueItem, CatalogueListEntry, CatalogueVersion, CatalogueVersionResult, NewCatalogueItem, NewCatalogueVersion } from '../../../common/item-views.ts';

export function toCatalogueVersion(r: repo.CatalogueVersionRow): CatalogueVersion {
  return {
    versionNo: r.version_no,
    name: r.name,
    type: r.type,
    levels: JSON.parse(r.levels) as number[],
    uniform: JSON.parse(r.uniform) as UniformElements,
    changeNote: r.change_note,
    createdAt: r.created_at,
  };
}

function checkCatalogueInput(input: { basicCode?: string; levels: number[]; uniform: UniformElements }, filingTypeCode: string): void {
  const problems = uniformProblems(input.uniform, filingTypeCode).map((p) => ({ ...p, path: `body.uniform.${p.path}` }));
  if (input.basicCode !== undefined && !/^[0-9A-Z]{12}$/.test(input.basicCode)) {
    problems.push({ path: 'body.basicCode', message: '基本编码须为12位数字或大写字母，不含分隔符' });
  }
  if (input.levels.length === 0 || input.levels.some((l) => !Number.isInteger(l) || l < 1 || l > 6)) {
    problems.push({ path: 'body.levels', message: '行使层级须为 1–6 的一项或多项' });
  }
  if (problems.length > 0) throw invalid('CATALOGUE.INVALID', '目录事项信息不正确', problems);
}

/**
 * Adds a catalogue item (claimed from the provincial catalogue or created locally) with its first version.
 * @throws CATALOGUE.INVALID (400), CATALOGUE.CODE_TAKEN (409), ACCESS.FORBIDDEN
 */
export async function createCatalogueItem(ctx: ServiceContext, input: NewCatalogueItem): Promise<CatalogueItem> {
  if (!canManageCatalogue(actorOf(ctx))) throw forbidden();
  checkCatalogueInput(input, ctx.config.filingTypeCode);
  return ctx.db.transaction().execute(async (trx) => {
    if (await repo.findCatalogueItemByBasicCode(trx, input.basicCode)) throw conflict('CATALOGUE.CODE_TAKEN', '该基本编码已存在');
    if (input.localCode && (await repo.findCatalogueItemByLocalCode(trx, input.localCode))) throw conflict('CATALOGUE.CODE_TAKEN', '该地方编码已存在');
    const now = ctx.now.toISOString();
    const id = newId(ctx.now.getTime());
    await repo.insertCatalogueItem(trx, { id, basic_code: input.basicCode, local_code: input.localCode ?? null, origin: input.origin, current_version_no: 1, created_at: now, updated_at: now });
    const version: repo.CatalogueVersionRow = {
      id: newId(ctx.now.getTime()), catalogue_item_id: id, version_no: 1, name: input.uniform.name, type: input.uniform.type,
      levels: JSON.stringify(input.levels), uniform: JSON.stringify(input.uniform), change_note: input.changeNote ?? null, created_at: now, created_by: ctx.actor?.userId ?? null,
    };
    await repo.insertCatalogueVersion(trx, version);
    await recordAudit(trx, ctx, { action: 'catalogue.create', targetType: 'catalogue_item', targetId: id, summary: { basicCode: input.basicCode, name: input.uniform.name } });
    return { id, basicCode: input.basicCode, localCode: input.localCode ?? null, origin: input.origin, currentVersionNo: 1, current: toCatalogueVersion(version) };
  });
}

/**
 * Records a new version of a catalogue item (the province changed it). Every linked item whose uniform elements
 * differ materially from the new version is flagged `reviewNeeded` with the element diff; cosmetic edits flag nothing.
 * @throws CATALOGUE.NOT_FOUND, CATALOGUE.INVALID
 */
export async function addCatalogueVersion(
  ctx: ServiceContext,
  catalogueItemId: string,
  input: NewCatalogueVersion,
): Promise<CatalogueVersionResult> {
  if (!canManageCatalogue(actorOf(ctx))) throw forbidden();
  checkCatalogueInput(input, ctx.config.filingTypeCode);
  return ctx.db.transaction().execute(async (trx) => {
    const item = await repo.findCatalogueItem(trx, catalogueItemId);
    if (!item) throw notFound('CATALOGUE.NOT_FOUND', '目录事项不存在');
    const previous = await repo.findCatalogueVersion(trx, item.id, item.current_version_no);
    const versionNo = item.current_version_no + 1;
    const now = ctx.now.toISOString();
    const version: repo.CatalogueVersionRow = {
      id: newId(ctx.now.getTime()), catalogue_item_id: item.id, version_no: versionNo, name: input.uniform.name, type: input.uniform.type,
      levels: JSON.stringify(input.levels), uniform: JSON.stringify(input.uniform), change_note: input.changeNote ?? null, created_at: now, created_by: ctx.actor?.userId ?? null,
    };
    await repo.insertCatalogueVersion(trx, version);
    await repo.updateCatalogueItem(trx, item.id, { current_version_no: versionNo, updated_at: now });
    const flagged: CatalogueVersionResult['flagged'] = [];
    for (const linked of await repo.itemsOfCatalogueItem(trx, item.id)) {
      const current = await repo.effectiveVersionAt(trx, linked.id, now);
      const followed = current ? JSON.parse(current.elements) as UniformElements : previous ? (JSON.parse(previous.uniform) as UniformElements) : null;
      const changes = diffElements(followed, input.uniform, UNIFORM_ELEMENT_KEYS);
      if (changes.length === 0) continue;
      await repo.updateItem(trx, linked.id, { review_needed: true, review_catalogue_version_no: versionNo, review_diff: JSON.stringify(changes), updated_at: now });
      flagged.push({ implementationCode: linked.implementation_code, changes });
    }
    await recordAudit(trx, ctx, {
      action: 'catalogue.add_version',
      targetType: 'catalogue_item',
      targetId: item.id,
      summary: { versionNo, flagged: flagged.map((f) => f.implementationCode) },
    });
    return {
      item: { id: item.id, basicCode: item.basic_code, localCode: item.local_code, origin: item.origin as 'provincial' | 'local', currentVersionNo: versionNo, current: toCatalogueVersion(version) },
      flagged,
    };
  });
}

/** A catalogue item with its current version. @throws CATALOGUE.NOT_FOUND */
export async function getCatalogueItem(ctx: ServiceContext, id: string): Promise<CatalogueDetail> {
  const item = await repo.findCatalogueItem(ctx.db, id);
  if (!item) throw notFound('CATALOGUE.NOT_FOUND', '目录事项不存在');
  const versions = (await repo.listCatalogueVersions(ctx.db, id)).map(toCatalogueVersion);
  return {
    id: item.id, basicCode: item.basic_code, localCode: item.local_code, origin: item.origin as 'provincial' | 'local',
    currentVersionNo: item.current_version_no, current: versions.find((v) => v.versionNo === item.current_version_no)!, versions,
  };
}

/** Finds a catalogue item by basic code (for import and item creation). */
export async function findCatalogueByBasicCode(ctx: ServiceContext, basicCode: string): Promise<repo.CatalogueItemRow | undefined> {
  return repo.findCatalogueItemByBasicCode(ctx.db, basicCode);
}

/** The catalogue, current versions, keyset by basic code. */
export async function listCatalogue(ctx: ServiceContext, f: { q?: string; type?: string; cursor?: string; limit?: number }): Promise<{ items: CatalogueListEntry[]; nextCursor: string | null }> {
  const limit = f.limit ?? 50;
  const rows = await repo.listCurrentCatalogue(ctx.db, { q: f.q, type: f.type, after: f.cursor, limit: limit + 1 });
  const page = rows.slice(0, limit);
  return {
    items: page.map((r) => ({ id: r.id, basicCode: r.basic_code, localCode: r.local_code, origin: r.origin as CatalogueListEntry['origin'], currentVersionNo: r.current_version_no, name: r.name, type: r.type, levels: JSON.parse(r.levels) as number[] })),
    nextCursor: rows.length > limit ? page[page.length - 1].basic_code : null,
  };
}
