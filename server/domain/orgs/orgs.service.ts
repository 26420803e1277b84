import { isValidUscc } from '../../../common/checksums.ts';
import type { NewOrg, Org, OrgNames } from '../../../common/org-views.ts';
import { ORG_KINDS, type OrgKind } from '../../../common/roles.ts';
import { newId } from '../../db/ids.ts';
import { actorOf, type ServiceContext } from '../../platform/context.ts';
import { conflict, forbidden, invalid, notFound, type ErrorDetail } from '../../platform/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { canManageOrgs, expectedLevel, mayPlaceUnder, wouldCreateCycle } from './orgs.policy.ts';
import * as repo from './orgs.repo.ts';

export type { NewOrg, Org, OrgNames };

function toOrg(r: repo.OrgRow): Org {
  return {
    id: r.id,
    parentId: r.parent_id,
    kind: r.kind as OrgKind,
    uscc: r.uscc,
    level: r.level,
    nameZh: r.name_zh,
    nameEn: r.name_en,
    nameMn: r.name_mn,
    divisionCode: r.division_code,
    active: Boolean(r.active),
  };
}

/** The whole org tree as a flat list (parents before children is not guaranteed; use parentId). */
export async function listOrgs(ctx: ServiceContext): Promise<Org[]> {
  return (await repo.listOrgRows(ctx.db)).map(toOrg);
}

/** Finds an org by id. */
export async function findOrg(ctx: ServiceContext, id: string): Promise<Org | undefined> {
  const row = await repo.findOrgRow(ctx.db, id);
  return row && toOrg(row);
}

/**
 * Gets an org by id.
 * @throws ORG.NOT_FOUND
 */
export async function getOrg(ctx: ServiceContext, id: string): Promise<Org> {
  const org = await findOrg(ctx, id);
  if (!org) throw notFound('ORG.NOT_FOUND', '组织机构不存在');
  return org;
}

/** Orgs by id, for labelling lists. */
export async function orgsByIds(ctx: ServiceContext, ids: string[]): Promise<Map<string, Org>> {
  const rows = await repo.findOrgRowsByIds(ctx.db, [...new Set(ids)]);
  return new Map(rows.map((r) => [r.id, toOrg(r)]));
}

function requireManager(ctx: ServiceContext): void {
  if (!canManageOrgs(actorOf(ctx).roles)) throw forbidden();
}

function namesProblems(names: OrgNames): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (!names.nameZh.trim()) problems.push({ path: 'body.nameZh', message: '中文名称不能为空' });
  return problems;
}

/**
 * Creates an org under a parent (or at the root for the bureau and external orgs).
 * @throws ORG.INVALID (400, all problems at once), ORG.PARENT_NOT_FOUND, ORG.USCC_TAKEN (409)
 */
export async function createOrg(ctx: ServiceContext, input: NewOrg): Promise<Org> {
  requireManager(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const problems = namesProblems(input);
    if (!ORG_KINDS.includes(input.kind)) problems.push({ path: 'body.kind', message: '机构类型不正确' });
    if (!isValidUscc(input.uscc)) problems.push({ path: 'body.uscc', message: '统一社会信用代码校验不通过（GB 32100）' });
    const parent = input.parentId ? await repo.findOrgRow(trx, input.parentId) : undefined;
    if (input.parentId && !parent) throw notFound('ORG.PARENT_NOT_FOUND', '上级机构不存在');
    if (parent && !parent.active) problems.push({ path: 'body.parentId', message: '上级机构已停用' });
    if (!mayPlaceUnder(input.kind, (parent?.kind as OrgKind | undefined) ?? null)) {
      problems.push({ path: 'body.parentId', message: '该类型的机构不能设在所选上级之下' });
    }
    const level = expectedLevel(input.kind);
    if (level !== null && input.level !== level) problems.push({ path: 'body.level', message: `该类型机构的行使层级应为 ${level}` });
    if (problems.length > 0) throw invalid('ORG.INVALID', '机构信息不正确', problems);
    if (await repo.findOrgRowByUscc(trx, input.uscc)) throw conflict('ORG.USCC_TAKEN', '该统一社会信用代码已被其他机构使用');
    const now = ctx.now.toISOString();
    const row: repo.OrgRow = {
      id: newId(ctx.now.getTime()),
      parent_id: input.parentId,
      kind: input.kind,
      uscc: input.uscc,
      level: input.level,
      name_zh: input.nameZh.trim(),
      name_en: input.nameEn?.trim() || null,
      name_mn: input.nameMn?.trim() || null,
      division_code: input.divisionCode ?? null,
      active: true,
      sort_order: (await repo.maxSortOrder(trx, input.parentId)) + 1,
      created_at: now,
      updated_at: now,
    };
    await repo.insertOrgRow(trx, row);
    await recordAudit(trx, ctx, { action: 'org.create', targetType: 'org', targetId: row.id, summary: { nameZh: row.name_zh, kind: row.kind, uscc: row.uscc, parentId: row.parent_id } });
    return toOrg(row);
  });
}

/**
 * Renames an org (any of its zh/en/mn names).
 * @throws ORG.NOT_FOUND, ORG.INVALID
 */
export async function renameOrg(ctx: ServiceContext, id: string, names: OrgNames): Promise<Org> {
  requireManager(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await repo.findOrgRow(trx, id);
    if (!row) throw notFound('ORG.NOT_FOUND', '组织机构不存在');
    const problems = namesProblems(names);
    if (problems.length > 0) throw invalid('ORG.INVALID', '机构信息不正确', problems);
    const patch = {
      name_zh: names.nameZh.trim(),
      name_en: names.nameEn === undefined ? row.name_en : names.nameEn?.trim() || null,
      name_mn: names.nameMn === undefined ? row.name_mn : names.nameMn?.trim() || null,
      updated_at: ctx.now.toISOString(),
    };
    await repo.updateOrgRow(trx, id, patch);
    await recordAudit(trx, ctx, {
      action: 'org.rename',
      targetType: 'org',
      targetId: id,
      summary: { before: { nameZh: row.name_zh, nameEn: row.name_en, nameMn: row.name_mn }, after: { nameZh: patch.name_zh, nameEn: patch.name_en, nameMn: patch.name_mn } },
    });
    return toOrg({ ...row, ...patch });
  });
}

/**
 * Moves an org under another parent.
 * @throws ORG.NOT_FOUND, ORG.PARENT_NOT_FOUND, ORG.INVALID (kind rule, deactivated parent), ORG.MOVE_CYCLE (409)
 */
export async function moveOrg(ctx: ServiceContext, id: string, parentId: string | null): Promise<Org> {
  requireManager(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const rows = await repo.listOrgRows(trx);
    const row = rows.find((r) => r.id === id);
    if (!row) throw notFound('ORG.NOT_FOUND', '组织机构不存在');
    const parent = parentId === null ? undefined : rows.find((r) => r.id === parentId);
    if (parentId !== null && !parent) throw notFound('ORG.PARENT_NOT_FOUND', '上级机构不存在');
    if (parentId !== null && wouldCreateCycle(id, parentId, new Map(rows.map((r) => [r.id, r.parent_id])))) {
      throw conflict('ORG.MOVE_CYCLE', '不能将机构移动到其自身或其下级之下');
    }
    if (!mayPlaceUnder(row.kind as OrgKind, (parent?.kind as OrgKind | undefined) ?? null)) {
      throw invalid('ORG.INVALID', '机构信息不正确', [{ path: 'body.parentId', message: '该类型的机构不能设在所选上级之下' }]);
    }
    // Same rule as creating and activating: no active org under a deactivated parent.
    if (parent && !parent.active && Boolean(row.active)) {
      throw invalid('ORG.INVALID', '机构信息不正确', [{ path: 'body.parentId', message: '上级机构已停用' }]);
    }
    const patch = { parent_id: parentId, updated_at: ctx.now.toISOString() };
    await repo.updateOrgRow(trx, id, patch);
    await recordAudit(trx, ctx, { action: 'org.move', targetType: 'org', targetId: id, summary: { from: row.parent_id, to: parentId } });
    return toOrg({ ...row, ...patch });
  });
}

/**
 * Deactivates or reactivates an org; a deactivated org keeps its history but takes no new work.
 * @throws ORG.NOT_FOUND, ORG.HAS_ACTIVE_CHILDREN (409) when deactivating a parent of active orgs
 */
export async function setOrgActive(ctx: ServiceContext, id: string, active: boolean): Promise<Org> {
  requireManager(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const rows = await repo.listOrgRows(trx);
    const row = rows.find((r) => r.id === id);
    if (!row) throw notFound('ORG.NOT_FOUND', '组织机构不存在');
    if (!active && rows.some((r) => r.parent_id === id && Boolean(r.active))) {
      throw conflict('ORG.HAS_ACTIVE_CHILDREN', '该机构仍有启用中的下级机构，请先停用或移动下级机构');
    }
    if (active && row.parent_id && !rows.find((r) => r.id === row.parent_id)?.active) {
      throw conflict('ORG.PARENT_INACTIVE', '上级机构已停用，请先启用上级机构');
    }
    const patch = { active, updated_at: ctx.now.toISOString() };
    await repo.updateOrgRow(trx, id, patch);
    await recordAudit(trx, ctx, { action: active ? 'org.activate' : 'org.deactivate', targetType: 'org', targetId: id, summary: { nameZh: row.name_zh } });
    return toOrg({ ...row, ...patch });
  });
}
