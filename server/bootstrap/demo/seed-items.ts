// Loads the 乌审旗 demo list through the catalogue services (as the demo administrator), so every rule, audit row
// and search entry is exactly what a real initial loading (初始加载) produces.
import { uniformOf } from '../../../common/item-elements.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import { addCatalogueVersion, createCatalogueItem, findCatalogueByBasicCode } from '../../domain/catalogue/catalogue.service.ts';
import { createItem, loadDraft, saveDraft, startDraft } from '../../domain/catalogue/items.service.ts';
import { findUserByUsername } from '../../domain/identity/identity.repo.ts';
import { findOrgRowByUscc } from '../../domain/orgs/orgs.repo.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { DEMO_ORGS, demoUscc } from './demo-orgs.ts';
import {
  buildDemoElements, buildDemoUniform, catalogueLevels, DEMO_CATALOGUE, DEMO_REVISIONS, demoOrg, REVISION_EFFECTIVE_FROM, REVISION_NOTE,
  reviseDemoElements,
} from './demo-items.ts';

export const DEMO_LIST_EFFECTIVE_FROM = '2026-01-01';

export interface SeedItemsResult {
  catalogue: number;
  items: number;
}

async function demoContext(database: Db, config: Config): Promise<ServiceContext> {
  const admin = await findUserByUsername(database.db, 'admin');
  if (!admin) throw new Error('seed-items needs the demo orgs and accounts: run seedDemo first');
  return {
    db: database.db,
    dialect: database.dialect,
    config,
    actor: { userId: admin.id, username: admin.username, displayName: admin.display_name, orgId: admin.org_id, roles: ['bureau_admin'], sessionId: 'seed' },
    requestId: 'seed-demo',
    ip: null,
    now: new Date(),
  };
}

async function demoOrgIds(database: Db): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const o of DEMO_ORGS) {
    const row = await findOrgRowByUscc(database.db, demoUscc(o.division, o.serial));
    if (!row) throw new Error(`seed-items: demo org ${o.key} (${o.nameZh}) is missing`);
    ids.set(o.key, row.id);
  }
  return ids;
}

function fail(what: string, problems: Array<{ path: string; message: string }>): never {
  throw new Error(`seed-items: ${what}: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}`);
}

/**
 * Loads the demo list into a database seeded by seedDemo: every catalogue item, every org's item effective from
 * 2026-01-01, and for DEMO_REVISIONS a second, optimised version effective 2026-07-01. The materials of those items
 * are uniform elements, so their catalogue item gets a new version first and the item takes it over (同源).
 * Runs once: a database that already holds the first demo catalogue item is left alone.
 */
export async function seedDemoItems(database: Db, config: Config): Promise<SeedItemsResult> {
  if (config.env === 'production') throw new Error('seed-items is refused in production: demo data is demo-only');
  const ctx = await demoContext(database, config);
  if (await findCatalogueByBasicCode(ctx, DEMO_CATALOGUE[0].basicCode)) return { catalogue: 0, items: 0 };
  const ids = await demoOrgIds(database);
  const orgId = (key: string) => ids.get(key)!;
  const catalogueIds = new Map<string, string>();
  const codes = new Map<string, string>();
  let items = 0;
  for (const entry of DEMO_CATALOGUE) {
    const cat = await createCatalogueItem(ctx, {
      basicCode: entry.basicCode, origin: 'provincial', levels: catalogueLevels(entry), uniform: buildDemoUniform(entry), changeNote: '认领自治区政务服务事项基本目录',
    });
    catalogueIds.set(entry.basicCode, cat.id);
    for (const key of entry.orgs) {
      const created = await createItem(ctx, { catalogueItemId: cat.id, orgId: orgId(key), levelDigit: demoOrg(key).level });
      const code = created.implementationCode;
      const saved = await saveDraft(ctx, code, 1, buildDemoElements(entry, key, orgId));
      if (saved.problems.length > 0) fail(`${entry.name} (${key})`, saved.problems);
      await loadDraft(ctx, code, 1, DEMO_LIST_EFFECTIVE_FROM);
      codes.set(`${entry.basicCode}/${key}`, code);
      items += 1;
    }
  }
  for (const entry of DEMO_REVISIONS) {
    const key = entry.orgs[0];
    const code = codes.get(`${entry.basicCode}/${key}`)!;
    const revised = reviseDemoElements(buildDemoElements(entry, key, orgId));
    await addCatalogueVersion(ctx, catalogueIds.get(entry.basicCode)!, { levels: catalogueLevels(entry), uniform: uniformOf(revised), changeNote: '自治区精简申请材料' });
    const draft = await startDraft(ctx, code, { takeOver: true });
    const saved = await saveDraft(ctx, code, draft.version.versionNo, revised, REVISION_NOTE);
    if (saved.problems.length > 0) fail(`${entry.name} v${draft.version.versionNo}`, saved.problems);
    await loadDraft(ctx, code, draft.version.versionNo, REVISION_EFFECTIVE_FROM);
  }
  return { catalogue: DEMO_CATALOGUE.length, items };
}
