// `node server/main.ts verify-seal FILE [SIG]`: the same verification as POST /api/verify, from a shell.
import fs from 'node:fs';
import type { Config } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { ConfigError } from '../config.ts';
import { DomainError } from '../platform/errors.ts';
import type { ServiceContext } from '../platform/context.ts';
import { verifySubmission, type Verification } from '../domain/seals/verify.service.ts';

/** The verdict as lines a person reads (and a script greps: the first line is `verdict: <code>`). */
export function formatVerification(v: Verification): string {
  const lines = [`verdict: ${v.verdict}`, `结论: ${v.label}（${v.reason}）`, `说明: ${v.message}`];
  if (v.seal) {
    lines.push(`盖章单位: ${v.seal.orgName}${v.seal.uscc ? `（${v.seal.uscc}）` : ''}`);
    lines.push(`印章: ${v.seal.name}（第 ${v.seal.keyVersion} 版密钥，${v.seal.algorithm}，状态 ${v.seal.status}）`);
    lines.push(`印章有效期: ${v.seal.notBefore} — ${v.seal.notAfter}${v.seal.retiredAt ? `，${v.seal.retiredAt} 轮换停用` : ''}`);
  }
  if (v.signedAt) lines.push(`盖章时间: ${v.signedAt}`);
  if (v.signer) lines.push(`盖章人: ${v.signer}`);
  if (v.document?.sm3) lines.push(`SM3: ${v.document.sm3}`);
  return `${lines.join('\n')}\n`;
}

/**
 * Verifies FILE (a sealed PDF, or a document whose signature record is SIG) against this
 * deployment's seals; exit code 0 when valid, 1 for any other verdict.
 * @throws ConfigError for wrong usage or unreadable files
 */
export async function verifySealCommand(config: Config, args: string[], out: (text: string) => void): Promise<number> {
  const [file, sig] = args;
  if (!file || args.length > 2) throw new ConfigError('usage: main.ts verify-seal FILE [SIG]   (FILE: a sealed PDF, or the sealed document with its signature record SIG)');
  const read = (p: string) => {
    try {
      return fs.readFileSync(p);
    } catch {
      throw new ConfigError(`cannot read ${p}`);
    }
  };
  const document = read(file);
  const signature = sig ? read(sig).toString('utf8') : undefined;
  const database = openDatabase(config.databaseUrl);
  try {
    await migrateToLatest(database.db, database.dialect);
    const ctx: ServiceContext = { db: database.db, dialect: database.dialect, config, actor: null, requestId: 'cli-verify-seal', ip: null, now: new Date() };
    const verification = await verifySubmission(ctx, { document, signature });
    out(formatVerification(verification));
    return verification.verdict === 'valid' ? 0 : 1;
  } catch (error) {
    if (error instanceof DomainError) throw new ConfigError(error.message);
    throw error;
  } finally {
    await database.destroy();
  }
}
