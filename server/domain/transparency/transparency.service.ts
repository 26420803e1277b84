import { canonicalize } from '../../../common/jcs.ts';
import { lockForTransaction } from '../../db/locks.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import { listSeals, sealDocument } from '../seals/seals.service.ts';
import { consistencyProof, inclusionProof, leafHash, rootHash } from './merkle.ts';
import * as repo from './transparency.repo.ts';

export interface LogEntry {
  kind: 'adjustment' | 'publication';
  refId: string;
  /** What the leaf commits to; its canonical JSON (RFC 8785) bytes are the leaf. */
  data: Record<string, unknown>;
}

export interface SignedTreeHead {
  tree_size: number;
  timestamp: string;
  sha256_root_hash: string;
  /** The bureau's seal record over the JCS form of {tree_size, timestamp, sha256_root_hash}; null until sealed. */
  tree_head_signature: unknown;
}

const toBuf = (hex: string) => Buffer.from(hex, 'hex');

/** Seals a tree head with the acting bureau user's seal, if they have one they may use; else leaves it unsigned. */
async function trySealHead(trx: ServiceContext['db'], ctx: ServiceContext, head: { tree_size: number; timestamp: string; sha256_root_hash: string }): Promise<void> {
  if (!ctx.actor) return;
  const seals = await listSeals({ ...ctx, db: trx }).catch(() => []);
  const seal = seals.find((s) => s.orgId === ctx.actor!.orgId && s.status === 'active');
  if (!seal) return;
  try {
    const record = await sealDocument({ ...ctx, db: trx }, seal.id, { format: 'json', json: head, name: `树头 ${head.tree_size}`, purpose: 'transparency.tree_head' });
    await repo.updateHead(trx, head.tree_size, { seal_record: JSON.stringify(record) });
  } catch {
    // A role that may not press the bureau seal leaves the head for the next sealed append or publication.
  }
}

/**
 * Appends a leaf inside the caller's transaction and records the new tree head (sealed when the actor holds the
 * bureau seal). Appends are serialised, so leaf indexes never collide across processes.
 */
export async function appendLeaf(trx: ServiceContext['db'], ctx: ServiceContext, entry: LogEntry): Promise<{ index: number; leafHash: string; treeSize: number }> {
  await lockForTransaction(trx, ctx.dialect, 'transparency_log');
  const hashes = await repo.leafHashes(trx);
  const entryJson = canonicalize({ kind: entry.kind, refId: entry.refId, ...entry.data });
  const leaf = leafHash(Buffer.from(entryJson, 'utf8'));
  const index = hashes.length;
  const now = ctx.now.toISOString();
  await repo.insertLeaf(trx, { idx: index, leaf_hash: leaf.toString('hex'), kind: entry.kind, ref_id: entry.refId, entry: entryJson, created_at: now });
  const root = rootHash([...hashes.map(toBuf), leaf]).toString('hex');
  await repo.insertHead(trx, { tree_size: index + 1, root_hash: root, created_at: now, seal_record: null });
  await trySealHead(trx, ctx, { tree_size: index + 1, timestamp: now, sha256_root_hash: root });
  return { index, leafHash: leaf.toString('hex'), treeSize: index + 1 };
}

function sth(row: repo.HeadRow): SignedTreeHead {
  return { tree_size: row.tree_size, timestamp: row.created_at, sha256_root_hash: row.root_hash, tree_head_signature: row.seal_record ? JSON.parse(row.seal_record) : null };
}

/** The latest tree head (RFC 6962 get-sth shape, hex hashes). */
export async function latestTreeHead(ctx: ServiceContext): Promise<SignedTreeHead> {
  const row = await repo.latestHead(ctx.db);
  if (!row) return { tree_size: 0, timestamp: ctx.now.toISOString(), sha256_root_hash: rootHash([]).toString('hex'), tree_head_signature: null };
  return sth(row);
}

/** The tree head recorded at a size. @throws LOG.HEAD_NOT_FOUND */
export async function treeHeadAt(ctx: ServiceContext, treeSize: number): Promise<SignedTreeHead> {
  const row = await repo.headAt(ctx.db, treeSize);
  if (!row) throw notFound('LOG.HEAD_NOT_FOUND', '没有该规模的树头');
  return sth(row);
}

/**
 * The audit path of a leaf in the tree of `treeSize` (RFC 6962 get-proof-by-hash).
 * @throws LOG.LEAF_NOT_FOUND (404), LOG.INVALID_SIZE (400)
 */
export async function inclusionByHash(ctx: ServiceContext, leafHashHex: string, treeSize: number): Promise<{ leaf_index: number; audit_path: string[] }> {
  const leaf = await repo.findLeafByHash(ctx.db, leafHashHex.toLowerCase());
  if (!leaf) throw notFound('LOG.LEAF_NOT_FOUND', '日志中没有该叶子');
  const hashes = await repo.leafHashes(ctx.db, treeSize);
  if (treeSize < 1 || treeSize > hashes.length || leaf.idx >= treeSize) {
    throw invalid('LOG.INVALID_SIZE', '树的规模不正确或叶子不在该规模的树中', [{ path: 'querystring.treeSize', message: '树的规模不正确' }]);
  }
  return { leaf_index: leaf.idx, audit_path: inclusionProof(leaf.idx, hashes.map(toBuf)).map((b) => b.toString('hex')) };
}

/** The consistency proof between two tree sizes (RFC 6962 get-sth-consistency). @throws LOG.INVALID_SIZE */
export async function consistencyBetween(ctx: ServiceContext, first: number, second: number): Promise<{ consistency: string[] }> {
  const hashes = await repo.leafHashes(ctx.db, second);
  if (first < 1 || first > second || second > hashes.length) {
    throw invalid('LOG.INVALID_SIZE', '树的规模不正确', [{ path: 'querystring', message: '须 1 ≤ first ≤ second ≤ 当前规模' }]);
  }
  return { consistency: consistencyProof(first, hashes.map(toBuf)).map((b) => b.toString('hex')) };
}

/** The stored entry of a leaf (so anyone can recompute its hash). @throws LOG.LEAF_NOT_FOUND */
export async function leafEntry(ctx: ServiceContext, index: number): Promise<{ index: number; leaf_hash: string; kind: string; ref_id: string; entry: string }> {
  const leaf = await repo.leafAt(ctx.db, index);
  if (!leaf) throw notFound('LOG.LEAF_NOT_FOUND', '日志中没有该叶子');
  return { index: leaf.idx, leaf_hash: leaf.leaf_hash, kind: leaf.kind, ref_id: leaf.ref_id, entry: leaf.entry };
}

/** The leaf of a publication or adjustment, if it was logged. */
export async function leafOf(ctx: ServiceContext, kind: string, refId: string): Promise<{ index: number; leafHash: string } | undefined> {
  const leaf = await repo.findLeafByRef(ctx.db, kind, refId);
  return leaf && { index: leaf.idx, leafHash: leaf.leaf_hash };
}
