import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { insertAuditEvent } from '../../domain/audit/audit.repo.ts';
import { hashPassword } from '../../domain/identity/identity.service.ts';
import { insertUser, replaceRoles } from '../../domain/identity/identity.repo.ts';
import { countOrgs, insertOrgRow } from '../../domain/orgs/orgs.repo.ts';
import { DEMO_ORGS, DEMO_USERS, demoUscc } from './demo-orgs.ts';

export interface SeedResult {
  seeded: boolean;
  orgs: number;
  users: number;
}

/**
 * Loads the 乌审旗 demo: orgs and one account per role. Runs only on an empty database, in one transaction.
 * @throws when called with NODE_ENV=production (demo accounts are demo-only)
 */
export async function seedDemo(database: Db, config: Config): Promise<SeedResult> {
  if (config.env === 'production') throw new Error('seed-demo is refused in production: demo accounts are demo-only');
  if ((await countOrgs(database.db)) > 0) return { seeded: false, orgs: 0, users: 0 };
  const now = new Date();
  const iso = now.toISOString();
  const passwordHash = await hashPassword(config.demoPassword);
  await database.db.transaction().execute(async (trx) => {
    const ids = new Map<string, string>();
    let order = 0;
    for (const o of DEMO_ORGS) {
      const id = newId(now.getTime());
      ids.set(o.key, id);
      await insertOrgRow(trx, {
        id,
        parent_id: o.parent ? (ids.get(o.parent) ?? null) : null,
        kind: o.kind,
        uscc: demoUscc(o.division, o.serial),
        level: o.level,
        name_zh: o.nameZh,
        name_en: o.nameEn,
        name_mn: o.nameMn ?? null,
        division_code: o.kind === 'bureau' || o.kind === 'external' ? o.division : null,
        active: true,
        sort_order: ++order,
        created_at: iso,
        updated_at: iso,
      });
    }
    for (const u of DEMO_USERS) {
      const id = newId(now.getTime());
      const orgId = ids.get(u.org)!;
      await insertUser(trx, {
        id,
        username: u.username,
        display_name: u.displayName,
        org_id: orgId,
        password_hash: passwordHash,
        active: true,
        failed_logins: 0,
        locked_until: null,
        password_changed_at: iso,
        created_at: iso,
        updated_at: iso,
      });
      await replaceRoles(trx, id, orgId, u.roles);
    }
    await insertAuditEvent(trx, {
      id: newId(now.getTime()),
      occurred_at: iso,
      actor_id: null,
      actor_name: 'seed-demo',
      org_id: null,
      role: null,
      action: 'demo.seed',
      target_type: null,
      target_id: null,
      summary: JSON.stringify({ orgs: DEMO_ORGS.length, users: DEMO_USERS.map((u) => u.username) }),
      request_id: null,
      ip: null,
    });
  });
  return { seeded: true, orgs: DEMO_ORGS.length, users: DEMO_USERS.length };
}

/** The whole demo for `npm start`: orgs and accounts, then the list, then the adjustment workflow. */
export async function seedFullDemo(database: Db, config: Config): Promise<string | null> {
  const base = await seedDemo(database, config);
  if (!base.seeded) return null;
  const { seedDemoItems } = await import('./seed-items.ts');
  const { seedDemoAdjustments, seedDemoPublication } = await import('./seed-adjustments.ts');
  const items = await seedDemoItems(database, config);
  const adjustments = await seedDemoAdjustments(database, config);
  const publication = await seedDemoPublication(database, config);
  return `demo data loaded: ${base.orgs} orgs, ${base.users} accounts, ${items.catalogue} catalogue items, ${items.items} items, ${adjustments.triggers} triggers, ${adjustments.requests} adjustment requests, seals of the bureau and 市场监督管理局, ${publication}`;
}
