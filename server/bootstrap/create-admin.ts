import { isValidUscc } from '../../common/checksums.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import { insertAuditEvent } from '../domain/audit/audit.repo.ts';
import { findOrgRowByUscc, insertOrgRow, listOrgRows } from '../domain/orgs/orgs.repo.ts';
import { passwordProblems } from '../domain/identity/identity.policy.ts';
import { findUserByUsername, insertUser, replaceRoles } from '../domain/identity/identity.repo.ts';
import { hashPassword } from '../domain/identity/identity.service.ts';

export interface FirstAdmin {
  username: string;
  displayName: string;
  password: string;
  /** Needed only when the database has no bureau yet. */
  orgUscc?: string;
  orgName?: string;
}

/**
 * Creates a bureau administrator from the command line (installation or lost access), creating the bureau org if none exists.
 * @throws Error with a Chinese message when the input is invalid or the username exists
 */
export async function createFirstAdmin(database: Db, config: Config, input: FirstAdmin): Promise<{ username: string; orgName: string }> {
  const problems = passwordProblems(input.password, input.username).map((p) => p.message);
  if (problems.length) throw new Error(`密码不符合要求：${problems.join('；')}`);
  const now = new Date();
  const iso = now.toISOString();
  const passwordHash = await hashPassword(input.password);
  return database.db.transaction().execute(async (trx) => {
    if (await findUserByUsername(trx, input.username)) throw new Error(`用户名 ${input.username} 已存在`);
    let bureau = (await listOrgRows(trx)).find((o) => o.kind === 'bureau' && o.parent_id === null);
    if (!bureau) {
      if (!input.orgUscc || !input.orgName) throw new Error('数据库中还没有政务服务局机构：请提供 --org-uscc 与 --org-name');
      if (!isValidUscc(input.orgUscc)) throw new Error('统一社会信用代码校验不通过（GB 32100）');
      if (await findOrgRowByUscc(trx, input.orgUscc)) throw new Error('该统一社会信用代码已被其他机构使用');
      bureau = {
        id: newId(), parent_id: null, kind: 'bureau', uscc: input.orgUscc, level: 4, name_zh: input.orgName, name_en: null, name_mn: null,
        division_code: config.regionCode, active: true, sort_order: 1, created_at: iso, updated_at: iso,
      };
      await insertOrgRow(trx, bureau);
    }
    const id = newId();
    await insertUser(trx, {
      id, username: input.username, display_name: input.displayName, org_id: bureau.id, password_hash: passwordHash, active: true,
      failed_logins: 0, locked_until: null, password_changed_at: iso, created_at: iso, updated_at: iso,
    });
    await replaceRoles(trx, id, bureau.id, ['bureau_admin']);
    await insertAuditEvent(trx, {
      id: newId(), occurred_at: iso, actor_id: null, actor_name: 'cli', org_id: bureau.id, role: null, action: 'user.create_admin',
      target_type: 'user', target_id: id, summary: JSON.stringify({ username: input.username }), request_id: null, ip: null,
    });
    return { username: input.username, orgName: bureau.name_zh };
  });
}
