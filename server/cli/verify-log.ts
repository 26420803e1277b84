// `node server/main.ts verify-log --url BASE [--head SAVED.json] [--publication NUMBER]`: checks, against a running
// Qingdan over its public API only, that the log a saved tree head saw is a prefix of today's log (consistency), that a
// publication is in today's log (inclusion), and that each stored leaf still hashes to what the tree committed to.
// Anyone who kept an old head can detect a silently rewritten list this way.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { canonicalize } from '../../common/jcs.ts';
import { ConfigError } from '../config.ts';
import { leafHash, verifyConsistency, verifyInclusion } from '../domain/transparency/merkle.ts';

export type Fetch = (path: string) => Promise<{ status: number; json: () => Promise<unknown> }>;

interface Head {
  tree_size: number;
  sha256_root_hash: string;
}

export interface LogCheck {
  ok: boolean;
  lines: string[];
}

const hex = (s: string) => Buffer.from(s, 'hex');

async function get<T>(fetch: Fetch, path: string): Promise<T> {
  const res = await fetch(path);
  if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
  return (await res.json()) as T;
}

/** Verifies the log through `fetch` (public endpoints only); `ok` is false on any inconsistency. */
export async function verifyLog(fetch: Fetch, options: { savedHead?: Head; publication?: string }): Promise<LogCheck> {
  const lines: string[] = [];
  let ok = true;
  const fail = (line: string) => {
    ok = false;
    lines.push(`FAIL ${line}`);
  };
  const head = await get<Head>(fetch, '/api/public/log/head');
  lines.push(`current head: size ${head.tree_size}, root ${head.sha256_root_hash}`);

  if (options.savedHead) {
    const saved = options.savedHead;
    if (saved.tree_size > head.tree_size) fail(`saved head (size ${saved.tree_size}) is larger than the current log: the log shrank`);
    else if (saved.tree_size === head.tree_size) {
      if (saved.sha256_root_hash === head.sha256_root_hash) lines.push('ok   saved head equals the current head');
      else fail('same size, different root: the log was rewritten');
    } else {
      const proof = await get<{ consistency: string[] }>(fetch, `/api/public/log/consistency?first=${saved.tree_size}&second=${head.tree_size}`);
      if (verifyConsistency(saved.tree_size, head.tree_size, hex(saved.sha256_root_hash), hex(head.sha256_root_hash), proof.consistency.map(hex))) {
        lines.push(`ok   the log of size ${saved.tree_size} is a prefix of the current log`);
      } else fail(`consistency proof ${saved.tree_size} → ${head.tree_size} does not verify: entries before the saved head were changed`);
    }
  }

  if (options.publication) {
    const pub = await get<{ number: string; leafHash: string | null; logIndex: number | null; document: unknown }>(fetch, `/api/public/publications/${encodeURIComponent(options.publication)}`);
    if (!pub.leafHash || pub.logIndex === null) fail(`publication ${pub.number} is not in the log`);
    else {
      const leaf = await get<{ entry: string; leaf_hash: string }>(fetch, `/api/public/log/leaves/${pub.logIndex}`);
      const recomputed = leafHash(Buffer.from(leaf.entry, 'utf8')).toString('hex');
      if (recomputed !== pub.leafHash || leaf.leaf_hash !== pub.leafHash) fail(`leaf ${pub.logIndex} no longer hashes to the logged value`);
      const entry = JSON.parse(leaf.entry) as { number?: string; documentSha256?: string };
      const docSha = createHash('sha256').update(canonicalize(pub.document)).digest('hex');
      if (entry.number !== pub.number || entry.documentSha256 !== docSha) fail(`the published document of ${pub.number} differs from what the log committed to`);
      const proof = await get<{ leaf_index: number; audit_path: string[] }>(fetch, `/api/public/log/inclusion?leafHash=${pub.leafHash}&treeSize=${head.tree_size}`);
      if (verifyInclusion(hex(recomputed), proof.leaf_index, head.tree_size, proof.audit_path.map(hex), hex(head.sha256_root_hash))) {
        lines.push(`ok   publication ${pub.number} is leaf ${proof.leaf_index} of the current log`);
      } else fail(`inclusion proof of ${pub.number} does not verify against the current head`);
    }
  }
  return { ok, lines };
}

/** The CLI: exit code 0 when every check passes. */
export async function verifyLogCommand(args: string[], out: (text: string) => void): Promise<number> {
  const { values } = parseArgs({ args, options: { url: { type: 'string' }, head: { type: 'string' }, publication: { type: 'string' }, save: { type: 'string' } } });
  if (!values.url) throw new ConfigError('usage: main.ts verify-log --url https://host [--head saved-head.json] [--publication "…2026年第1版"] [--save head.json]');
  const base = values.url.replace(/\/$/, '');
  const fetcher: Fetch = async (p) => {
    const res = await fetch(base + p);
    return { status: res.status, json: () => res.json() };
  };
  const savedHead = values.head ? (JSON.parse(fs.readFileSync(values.head, 'utf8')) as Head) : undefined;
  const result = await verifyLog(fetcher, { savedHead, publication: values.publication });
  if (values.save) fs.writeFileSync(values.save, JSON.stringify(await (await fetcher('/api/public/log/head')).json(), null, 2));
  out(`${result.lines.join('\n')}\n${result.ok ? 'verdict: consistent' : 'verdict: INCONSISTENT'}\n`);
  return result.ok ? 0 : 1;
}
