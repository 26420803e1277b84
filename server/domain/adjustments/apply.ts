// Applying an approved request's batch to the list, inside the approval (or scheduled job's) transaction.
import type { ItemElements } from '../../../common/item-elements.ts';
import { newId } from '../../db/ids.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { applyAdd, applyCancel, applyChange, effectiveSnapshot } from '../catalogue/apply.service.ts';
import * as repo from './adjustments.repo.ts';
import { resolveByAdjustment } from './triggers.service.ts';
import { appendLeaf } from '../transparency/transparency.service.ts';

type Trx = ServiceContext['db'];

// Guidance every handover starts with (Art 6: 指导和培训); the delegating org adds more.
const STANDARD_TASKS = [
  { kind: 'policy_document', title: '移交事项设定依据及政策文件' },
  { kind: 'implementation_standard', title: '移交办事指南、审查细则和文书样本' },
  { kind: 'training', title: '组织业务培训' },
] as const;

async function openHandover(trx: Trx, ctx: ServiceContext, req: repo.RequestRow, itemCode: string, newCode: string | null, toOrgId: string): Promise<void> {
  const id = newId(ctx.now.getTime());
  const now = ctx.now.toISOString();
  await repo.insertHandover(trx, {
    id, request_id: req.id, kind: req.kind, item_code: itemCode, new_item_code: newCode, from_org_id: req.org_id, to_org_id: toOrgId,
    status: 'open', created_at: now, confirmed_at: null, confirmed_by: null, confirmation_note: null,
  });
  for (const t of STANDARD_TASKS) {
    await repo.insertTask(trx, { id: newId(ctx.now.getTime()), handover_id: id, kind: t.kind, title: t.title, detail: '{}', status: 'pending', created_by: null, created_at: now, done_at: null });
  }
}

/**
 * Applies every item of the request at its effective time: add, change, cancel, delegate (new code at the receiving org,
 * powerSource 2), entrust (receiving org implements, powerSource 5, entrusting org recorded). Opens handovers for
 * delegate/entrust/cancel and resolves the linked triggers for the filing org. Any failure throws: nothing is applied.
 */
export async function applyRequest(trx: Trx, ctx: ServiceContext, req: repo.RequestRow): Promise<void> {
  const at = req.effective_from && req.effective_from > ctx.now.toISOString() ? req.effective_from : (req.effective_from ?? ctx.now.toISOString());
  const note = `${req.decision_number ?? ''} ${req.title}`.trim();
  for (const item of await repo.itemsOfRequest(trx, req.id)) {
    const proposed = item.elements ? (JSON.parse(item.elements) as ItemElements) : null;
    let result: string | null = null;
    switch (req.kind) {
      case 'add':
        result = await applyAdd(trx, ctx, req.org_id, item.catalogue_item_id!, proposed!, at, note);
        break;
      case 'change':
        result = await applyChange(trx, ctx, item.item_code!, proposed!, at, note);
        break;
      case 'cancel':
        await applyCancel(trx, ctx, item.item_code!, at);
        await openHandover(trx, ctx, req, item.item_code!, null, req.receiving_org_id ?? req.org_id);
        break;
      case 'delegate':
      case 'entrust': {
        const snap = await effectiveSnapshot(trx, item.item_code!, at);
        const base = proposed ?? snap.elements;
        const elements: ItemElements =
          req.kind === 'delegate'
            ? { ...base, powerSource: 2, implementerNature: 1, entrustingOrgId: null }
            : { ...base, powerSource: 5, implementerNature: 3, entrustingOrgId: req.org_id };
        await applyCancel(trx, ctx, item.item_code!, at);
        result = await applyAdd(trx, ctx, req.receiving_org_id!, snap.catalogueItemId, elements, at, note);
        await openHandover(trx, ctx, req, item.item_code!, result, req.receiving_org_id!);
        break;
      }
      default:
        throw new Error(`unknown adjustment kind ${req.kind}`);
    }
    await repo.updateAdjItem(trx, item.id, { result_code: result });
  }
  for (const t of await repo.triggersOfRequest(trx, req.id)) await resolveByAdjustment(trx, ctx, t.id, req.org_id, req.id);
  // Every applied adjustment is a leaf of the public transparency log, in the same transaction.
  const applied = await repo.itemsOfRequest(trx, req.id);
  await appendLeaf(trx, ctx, {
    kind: 'adjustment',
    refId: req.id,
    data: {
      decisionNumber: req.decision_number, adjustmentKind: req.kind, title: req.title, orgId: req.org_id, receivingOrgId: req.receiving_org_id, effectiveFrom: at,
      items: applied.map((i) => ({ itemCode: i.item_code, catalogueItemId: i.catalogue_item_id, resultCode: i.result_code })),
    },
  });
}
