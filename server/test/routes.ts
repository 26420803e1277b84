// Shared steps of the route tests: the error envelope, the audit row of a request, the demo orgs' ids, and items
// made effective through the API. Each asserts what it relies on, so a broken route fails the test that uses it.
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { ItemElements, UniformElements } from '../../common/item-elements.ts';
import { DEMO_ORGS, demoUscc, type DemoOrg } from '../bootstrap/demo/demo-orgs.ts';
import { itemElements, nextBasicCode, uniformElements } from './factories.ts';
import type { Session, TestApp } from './test-app.ts';

export type Res = LightMyRequestResponse;

/** The error envelope every API error answers with. */
export interface ErrorBody {
  code: string;
  message: string;
  /** The fields at fault, for validation errors (a few errors name an object instead, which tests compare whole). */
  details?: Array<{ path: string; message: string }>;
  requestId: string;
}

/**
 * Asserts the error envelope: status, code, a Chinese message and the request's id; `paths` (when given) is the
 * exact set of fields named in details.
 */
export function expectError(res: Res, status: number, code: string, paths?: string[]): ErrorBody {
  expect(res.statusCode, res.body).toBe(status);
  const error = (res.json() as { error: ErrorBody }).error;
  expect(error.code).toBe(code);
  expect(error.message).toMatch(/\p{Script=Han}/u);
  expect(error.requestId).toBe(res.headers['x-request-id']);
  if (paths) expect([...new Set((error.details ?? []).map((d) => d.path))].sort()).toEqual([...new Set(paths)].sort());
  return error;
}

/** The one audit row with `action` that the request answered by `res` wrote, its summary parsed. */
export async function auditRowOf(t: TestApp, action: string, res: Res) {
  const rows = (await t.auditRows(action)).filter((r) => r.request_id === res.headers['x-request-id']);
  expect(rows).toHaveLength(1);
  return { ...rows[0], summary: JSON.parse(rows[0].summary) as Record<string, unknown> };
}

/** The demo org with this key ('bureau', 'scjg', 'glt', …). */
export function demoOrg(key: string): DemoOrg {
  const org = DEMO_ORGS.find((o) => o.key === key);
  if (!org) throw new Error(`no demo org ${key}`);
  return org;
}

/** The USCC the demo seed gives the org with this key. */
export const demoUsccOf = (key: string): string => demoUscc(demoOrg(key).division, demoOrg(key).serial);

/** The ids of every demo org by key, as GET /api/orgs lists them to `session`. */
export async function demoOrgIds(t: TestApp, session: Session): Promise<Record<string, string>> {
  const res = await t.call(session, 'GET', '/api/orgs');
  expect(res.statusCode, res.body).toBe(200);
  const orgs = res.json().items as Array<{ id: string; uscc: string }>;
  return Object.fromEntries(DEMO_ORGS.map((d) => {
    const org = orgs.find((o) => o.uscc === demoUsccOf(d.key));
    if (!org) throw new Error(`demo org ${d.key} not listed`);
    return [d.key, org.id];
  }));
}

/** A new provincial catalogue item (基本目录) with a fresh basic code, exercised at `levels`. */
export async function createCatalogueItem(t: TestApp, session: Session, uniform: UniformElements = uniformElements(), levels = [4, 5]): Promise<{ id: string; basicCode: string }> {
  const basicCode = nextBasicCode();
  const res = await t.call(session, 'POST', '/api/catalogue-items', { basicCode, origin: 'provincial', levels, uniform });
  expect(res.statusCode, res.body).toBe(201);
  return { id: res.json().id as string, basicCode };
}

export interface LoadedItemSpec {
  orgId: string;
  levelDigit: number;
  elements: ItemElements;
  changeNote?: string;
  /** Default: effective now. */
  effectiveFrom?: string;
}

/** An item of `spec.orgId` implementing `catalogueItemId`, its version 1 saved without problems and loaded; its code. */
export async function implementItem(t: TestApp, session: Session, catalogueItemId: string, spec: LoadedItemSpec): Promise<string> {
  const created = await t.call(session, 'POST', '/api/items', { catalogueItemId, orgId: spec.orgId, levelDigit: spec.levelDigit });
  expect(created.statusCode, created.body).toBe(201);
  const code = created.json().implementationCode as string;
  const saved = await t.call(session, 'PUT', `/api/items/${code}/versions/1`, spec.changeNote ? { elements: spec.elements, changeNote: spec.changeNote } : { elements: spec.elements });
  expect(saved.statusCode, saved.body).toBe(200);
  expect(saved.json().problems).toEqual([]);
  const loaded = await t.call(session, 'POST', `/api/items/${code}/versions/1/load`, spec.effectiveFrom ? { effectiveFrom: spec.effectiveFrom } : {});
  expect(loaded.statusCode, loaded.body).toBe(200);
  return code;
}

export interface EffectiveItemSpec extends Omit<LoadedItemSpec, 'elements' | 'levelDigit'> {
  /** Default 4 (a department of the banner). */
  levelDigit?: number;
  /** The new catalogue item's uniform elements, over the factory's. */
  uniform?: Partial<UniformElements>;
  /** Default: the factory's element set over `uniform`. */
  elements?: ItemElements;
  /** The levels the catalogue item is exercised at; default [4, 5]. */
  levels?: number[];
}

/** A fresh catalogue item and an item of `spec.orgId` on it whose version 1 is effective. */
export async function createEffectiveItem(t: TestApp, session: Session, spec: EffectiveItemSpec): Promise<{ code: string; catalogueItemId: string }> {
  const cat = await createCatalogueItem(t, session, uniformElements(spec.uniform), spec.levels);
  const code = await implementItem(t, session, cat.id, { ...spec, levelDigit: spec.levelDigit ?? 4, elements: spec.elements ?? itemElements({}, spec.uniform) });
  return { code, catalogueItemId: cat.id };
}
