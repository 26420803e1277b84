import { createHash } from 'node:crypto';
import { canonicalize } from '../../../common/jcs.ts';
import type { ElementChange } from '../../../common/item-diff.ts';
import type { ChangeKind, PublicationSummary } from '../../../common/publication-views.ts';
import { lockForTransaction } from '../../db/locks.ts';
import { newId } from '../../db/ids.ts';
import { actorOf, type ServiceContext } from '../../platform/context.ts';
import { conflict, forbidden, notFound } from '../../platform/errors.ts';
import { decisionsAppliedBetween, type AppliedDecision } from '../adjustments/adjustments.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { freezeList, itemsToRecheckSince, listChangesBetween, type ListedVersion, type VersionChange } from '../catalogue/history.service.ts';
import { listDeviations } from '../catalogue/list.service.ts';
import { elementValidator } from '../catalogue/validation.service.ts';
import { listOrgs, orgsByIds } from '../orgs/orgs.service.ts';
import { listSeals, sealDocument } from '../seals/seals.service.ts';
import { appendLeaf, leafOf } from '../transparency/transparency.service.ts';
import { decodeState, digestOf, EMPTY_STATE, encodeState, LIST_DIGEST, withChanges, withLines } from './list-digest.ts';
import * as repo from './publications.repo.ts';

export type { ChangeKind, PublicationSummary };

export interface ListChange {
  kind: ChangeKind;
  implementationCode: string;
  newImplementationCode: string | null;
  name: string;
  orgId: string;
  orgName: string;
  fromVersionNo: number | null;
  toVersionNo: number | null;
  decisionNumbers: string[];
  diff: ElementChange[];
}

export interface Publication extends PublicationSummary {
  listDigest: string;
  changes: ListChange[];
  /** The canonical JSON that was sealed, and its seal record: verify one against the other offline. */
  document: Record<string, unknown>;
  seal: unknown;
  leafHash: string | null;
}

const EMPTY_COUNTS = (): Record<ChangeKind, number> => ({ added: 0, cancelled: 0, delegated: 0, entrusted: 0, changed: 0 });

/** Classifies the list's changes between two instants, pairing delegations' old and new items and citing decisions. */
export async function changesBetween(ctx: ServiceContext, from: string, to: string): Promise<ListChange[]> {
  return (await classify(ctx, from, to)).changes;
}

async function classify(ctx: ServiceContext, from: string, to: string): Promise<{ changes: ListChange[]; versions: VersionChange[]; entered: ListedVersion[]; left: ListedVersion[] }> {
  const [{ changes: versions, entered, left }, decisions] = await Promise.all([listChangesBetween(ctx, from, to), decisionsAppliedBetween(ctx, from, to)]);
  const moved = new Map<string, AppliedDecision>();
  const arrivals = new Set<string>();
  for (const d of decisions) {
    if ((d.kind === 'delegate' || d.kind === 'entrust') && d.itemCode && d.resultCode) {
      moved.set(d.itemCode, d);
      arrivals.add(d.resultCode);
    }
  }
  const decisionsOf = (code: string) => [...new Set(decisions.filter((d) => d.itemCode === code || d.resultCode === code).map((d) => d.decisionNumber).filter((n): n is string => Boolean(n)))];
  const orgs = await orgsByIds(ctx, versions.map((v) => v.orgId));
  const out: ListChange[] = [];
  for (const v of versions) {
    let kind: ChangeKind;
    let newCode: string | null = null;
    if (!v.before && v.after) {
      // The receiving side of a delegation is reported with the delegating side.
      if (arrivals.has(v.implementationCode)) continue;
      kind = 'added';
    } else if (v.before && !v.after) {
      const m = moved.get(v.implementationCode);
      kind = m ? (m.kind === 'delegate' ? 'delegated' : 'entrusted') : 'cancelled';
      newCode = m?.resultCode ?? null;
    } else {
      kind = 'changed';
    }
    out.push({
      kind, implementationCode: v.implementationCode, newImplementationCode: newCode, name: v.name, orgId: v.orgId, orgName: orgs.get(v.orgId)?.nameZh ?? '',
      fromVersionNo: v.before?.versionNo ?? null, toVersionNo: v.after?.versionNo ?? null,
      decisionNumbers: [...new Set([...decisionsOf(v.implementationCode), ...(newCode ? decisionsOf(newCode) : [])])], diff: v.diff,
    });
  }
  return { changes: out, versions, entered, left };
}

function countsOf(changes: ListChange[]): Record<ChangeKind, number> {
  const counts = EMPTY_COUNTS();
  for (const c of changes) counts[c.kind] += 1;
  return counts;
}

const lineOf = (v: ListedVersion) => `${v.implementationCode}:${v.versionNo}`;

/**
 * The list digest state of the whole list effective at `at`, computed from the list itself (a first publication, or
 * one after a publication that stored no state). Read in pages of `pageSize` items.
 */
export async function listStateAt(ctx: ServiceContext, at: string, pageSize = 20_000): Promise<{ state: bigint; count: number }> {
  let state = EMPTY_STATE;
  let count = 0;
  for (let after = ''; ;) {
    const page = await repo.listLinesPage(ctx.db, at, after, pageSize);
    state = withLines(state, page.lines);
    count += page.lines.length;
    if (page.lines.length < pageSize || !page.last) break;
    after = page.last;
  }
  return { state, count };
}

async function regionName(ctx: ServiceContext): Promise<string> {
  const bureau = (await listOrgs(ctx)).find((o) => o.kind === 'bureau' && o.parentId === null);
  return (bureau?.nameZh ?? '').replace(/政务服务局$/, '') || '本级';
}

/**
 * Publishes the list as it is now: a numbered, dated, sealed publication that commits to every effective version
 * (by digest) and records the changes since the previous one with their decisions; appended to the transparency log.
 * @throws PUBLICATION.DEVIATIONS (409 with the deviations), PUBLICATION.INVALID_ITEMS (409), PUBLICATION.NO_SEAL (409), ACCESS.FORBIDDEN
 */
export async function publishList(ctx: ServiceContext): Promise<Publication> {
  const actor = actorOf(ctx);
  if (!actor.roles.some((r) => r === 'bureau_admin' || r === 'bureau_reviewer')) throw forbidden();
  const seal = (await listSeals(ctx)).find((s) => s.orgId === actor.orgId && s.status === 'active');
  if (!seal) throw conflict('PUBLICATION.NO_SEAL', '本单位没有可用的电子印章，请先在“电子印章”中创建');
  const id = await ctx.db.transaction().execute(async (trx) => {
    const tctx = { ...ctx, db: trx };
    await lockForTransaction(trx, ctx.dialect, 'publication');
    const prev = await repo.latestPublication(trx);
    const at = ctx.now.toISOString();
    // The previous publication had no deviations: only items changed since (or whose catalogue item changed) can
    // have one now. The first publication checks the whole list.
    const deviations = prev ? await listDeviations(tctx, { itemIds: await itemsToRecheckSince(tctx, prev.published_at, at) }) : await listDeviations(tctx);
    if (deviations.length) {
      throw conflict('PUBLICATION.DEVIATIONS', `有 ${deviations.length} 处事项要素与基本目录不一致，不能公布`, { count: deviations.length, deviations: deviations.slice(0, 200) });
    }
    // The first publication lists no changes (the list itself is committed by digest); later ones, what changed since.
    const { changes, versions, entered, left } = prev ? await classify(tctx, prev.published_at, at) : { changes: [], versions: [], entered: [], left: [] };
    // Items that changed since the last publication must pass every rule; the rest passed when they were published.
    const invalidItems: Array<{ implementationCode: string; problems: unknown[] }> = [];
    const problemsOf = await elementValidator(tctx);
    for (const v of versions) {
      if (!v.after) continue;
      const problems = problemsOf(v.after.elements);
      if (problems.length) invalidItems.push({ implementationCode: v.implementationCode, problems });
    }
    if (invalidItems.length) throw conflict('PUBLICATION.INVALID_ITEMS', `有 ${invalidItems.length} 个事项未通过校验，不能公布`, { items: invalidItems });
    // The digest follows the list's changes from the previous publication's state; it reads the whole list only when
    // there is no state to follow (the first publication, or one before states were stored).
    const { state, count } = prev?.list_state
      ? { state: withChanges(decodeState(prev.list_state), entered.map(lineOf), left.map(lineOf)), count: prev.item_count + entered.length - left.length }
      : await listStateAt(tctx, at);
    const digest = digestOf(state);
    const day = new Date(ctx.now.getTime() + 8 * 3600_000);
    const year = day.getUTCFullYear();
    const seq = await repo.nextSeq(trx, year);
    const number = `${await regionName(tctx)}政务服务事项清单 ${year}年第${seq}版`;
    const counts = countsOf(changes);
    const document = {
      type: 'qingdan.list-publication',
      version: 2,
      number,
      publishedAt: at,
      previous: prev?.number ?? null,
      itemCount: count,
      listDigest: { ...LIST_DIGEST, value: digest },
      counts,
      changes,
    };
    const record = await sealDocument(tctx, seal.id, { format: 'json', json: document, name: number, purpose: 'list.publish' });
    const pubId = newId(ctx.now.getTime());
    await repo.insertPublication(
      trx,
      {
        id: pubId, number, year, seq, published_at: at, published_by: actor.userId, previous_id: prev?.id ?? null, item_count: count, list_digest: digest, list_state: encodeState(state),
        summary: JSON.stringify(counts), document: canonicalize(document), seal_record: JSON.stringify(record), log_index: null,
      },
      changes.map((c, i) => ({
        publication_id: pubId, seq: i + 1, kind: c.kind, implementation_code: c.implementationCode, new_implementation_code: c.newImplementationCode, name: c.name,
        org_id: c.orgId, from_version_no: c.fromVersionNo, to_version_no: c.toVersionNo, decision_numbers: JSON.stringify(c.decisionNumbers), diff: JSON.stringify(c.diff),
      })),
    );
    const documentSha256 = createHash('sha256').update(canonicalize(document)).digest('hex');
    await freezeList(tctx, at);
    const leaf = await appendLeaf(trx, tctx, { kind: 'publication', refId: pubId, data: { number, publishedAt: at, itemCount: count, listDigest: digest, documentSha256 } });
    await repo.setLogIndex(trx, pubId, leaf.index);
    await recordAudit(trx, ctx, { action: 'list.publish', targetType: 'publication', targetId: pubId, summary: { number, itemCount: count, counts, logIndex: leaf.index } });
    return pubId;
  });
  return getPublication(ctx, id);
}

function summaryOf(row: repo.PublicationRow, previous: string | null): PublicationSummary {
  return { number: row.number, publishedAt: row.published_at, previous, itemCount: row.item_count, counts: JSON.parse(row.summary) as Record<ChangeKind, number>, logIndex: row.log_index };
}

/** Publications, newest first (public). */
export async function listPublications(ctx: ServiceContext): Promise<PublicationSummary[]> {
  const rows = await repo.listPublications(ctx.db, 500);
  const byId = new Map(rows.map((r) => [r.id, r.number]));
  return rows.map((r) => summaryOf(r, r.previous_id ? (byId.get(r.previous_id) ?? null) : null));
}

/** One publication by number (or id), with its sealed document and seal record (public). @throws PUBLICATION.NOT_FOUND */
export async function getPublication(ctx: ServiceContext, key: string): Promise<Publication> {
  const row = await repo.findByNumberOrId(ctx.db, key);
  if (!row) throw notFound('PUBLICATION.NOT_FOUND', '该期清单不存在');
  const document = JSON.parse(row.document) as Record<string, unknown> & { changes: ListChange[]; previous: string | null };
  const leaf = await leafOf(ctx, 'publication', row.id);
  return { ...summaryOf(row, document.previous), listDigest: row.list_digest, changes: document.changes, document, seal: JSON.parse(row.seal_record), leafHash: leaf?.leafHash ?? null };
}

/** What changed between two publications (either order), drilled down to element diffs. @throws PUBLICATION.NOT_FOUND */
export async function comparePublications(ctx: ServiceContext, a: string, b: string): Promise<{ from: PublicationSummary; to: PublicationSummary; counts: Record<ChangeKind, number>; changes: ListChange[] }> {
  const [x, y] = await Promise.all([repo.findByNumberOrId(ctx.db, a), repo.findByNumberOrId(ctx.db, b)]);
  if (!x || !y) throw notFound('PUBLICATION.NOT_FOUND', '该期清单不存在');
  const [from, to] = x.published_at <= y.published_at ? [x, y] : [y, x];
  const changes = await changesBetween(ctx, from.published_at, to.published_at);
  return { from: summaryOf(from, null), to: summaryOf(to, null), counts: countsOf(changes), changes };
}

/** The publication in force at an instant (for "the list as of date D"). */
export async function publicationInForce(ctx: ServiceContext, at: string): Promise<PublicationSummary | null> {
  const row = await repo.publicationAt(ctx.db, at);
  return row ? summaryOf(row, null) : null;
}

