// The site's name (the bureau's) and the org list that public pages show, kept per database while the org table's
// generation stays the same: a trigger raises it on every write to `org`, from any node (ADR 0010).
import type { ServiceContext } from '../../platform/context.ts';
import { listOrgs, type Org } from '../orgs/orgs.service.ts';
import { orgGeneration } from './portal.repo.ts';

const kept = new WeakMap<object, { generation: number; orgs: Org[] }>();

/**
 * The bureau's name and every org, as public pages show them. `generation` when the caller has just read the org
 * generation (a guide stamp holds it), else it is read here (one primary-key lookup).
 */
export async function publicSite(ctx: ServiceContext, generation?: number): Promise<{ name: string; orgs: Org[] }> {
  const current = generation ?? (await orgGeneration(ctx.db));
  const held = kept.get(ctx.db);
  let orgs = held && held.generation === current ? held.orgs : undefined;
  if (!orgs) {
    // Read after the generation, so at least as new as it: keeping it under that generation is safe.
    orgs = await listOrgs(ctx);
    kept.set(ctx.db, { generation: current, orgs });
  }
  const bureau = orgs.find((o) => o.kind === 'bureau' && o.parentId === null && o.active);
  return { name: bureau?.nameZh ?? '政务服务局', orgs };
}
