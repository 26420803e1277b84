import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalize } from '../../../common/jcs.ts';
import { verifyLog, type Fetch } from '../../cli/verify-log.ts';
import { newId } from '../../db/ids.ts';
import { itemElements, nextBasicCode, uniformElements } from '../../test/factories.ts';
import { createEffectiveItem, demoOrgIds } from '../../test/routes.ts';
import { buildTestApp, TEST_DIALECT, type Session, type TestApp } from '../../test/test-app.ts';
import { filterColumns } from '../catalogue/items.service.ts';
import { digestOf } from './list-digest.ts';
import { listStateAt } from './publications.service.ts';
import { recordTbs } from '../seals/record.ts';

let t: TestApp;
let admin: Session;
let reviewer: Session;
let clerk: Session;
let leader: Session;
let orgIds: Record<string, string>;

const effectiveItem = (name: string): Promise<{ code: string; catalogueItemId: string }> => createEffectiveItem(t, admin, { orgId: orgIds.scjg, uniform: { name } });

async function approve(kind: string, body: Record<string, unknown>) {
  const r = await t.call(clerk, 'POST', '/api/adjustments', { kind, reasonCode: kind === 'change' ? 'element_change' : 'function_change', title: `测试${kind}`, ...body });
  expect(r.statusCode, r.body).toBe(201);
  const id = r.json().id;
  await t.call(leader, 'POST', `/api/adjustments/${id}/submit`, {});
  await t.call(reviewer, 'POST', `/api/adjustments/${id}/start-review`, {});
  const a = await t.call(reviewer, 'POST', `/api/adjustments/${id}/approve`, {});
  expect(a.json().state, a.body).toBe('applied');
  return a.json();
}

const P = (1n << 3072n) - 1103717n;

// What a third party does (docs/decisions/0008), written out independently of list-digest.ts: page through the public
// list as of the instant and multiply SHAKE256 of each "implementationCode:versionNo" modulo 2^3072 − 1103717.
async function recomputedDigest(asOf: string): Promise<{ digest: string; count: number }> {
  let product = 1n;
  let count = 0;
  for (let cursor: string | null = ''; cursor !== null; ) {
    const page = (await t.call(undefined, 'GET', `/api/public/items?asOf=${encodeURIComponent(asOf)}&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)).json();
    for (const i of page.items as Array<{ implementationCode: string; versionNo: number }>) {
      product = (product * BigInt(`0x${createHash('shake256', { outputLength: 384 }).update(`${i.implementationCode}:${i.versionNo}`).digest('hex')}`)) % P;
      count += 1;
    }
    cursor = page.nextCursor as string | null;
  }
  return { digest: createHash('sha256').update(Buffer.from(product.toString(16).padStart(768, '0'), 'hex')).digest('hex'), count };
}

const fetchVia = (app: TestApp): Fetch => async (p) => {
  const res = await app.call(undefined, 'GET', p);
  return { status: res.statusCode, json: async () => res.json() };
};

beforeAll(async () => {
  t = await buildTestApp();
  [admin, reviewer, clerk, leader] = await t.loginAll('admin', 'reviewer', 'scjg', 'scjg-leader');
  orgIds = await demoOrgIds(t, admin);
});
afterAll(async () => {
  await t.close();
});

describe(`publications and the transparency log (${TEST_DIALECT})`, () => {
  it('401/403: only the bureau publishes; 409 without a bureau seal', async () => {
    expect((await t.call(undefined, 'POST', '/api/publications', {})).statusCode).toBe(401);
    expect((await t.call(clerk, 'POST', '/api/publications', {})).statusCode).toBe(403);
    const noSeal = await t.call(reviewer, 'POST', '/api/publications', {});
    expect(noSeal.statusCode).toBe(409);
    expect(noSeal.json().error.code).toBe('PUBLICATION.NO_SEAL');
    const seal = await t.call(admin, 'POST', '/api/seals', { orgId: orgIds.bureau });
    expect(seal.statusCode, seal.body).toBe(201);
  });

  it('409 while an item deviates from its catalogue item, listing the deviation; publishes once it is cleared', async () => {
    const { code } = await effectiveItem('公共场所卫生许可');
    // An item whose uniform element differs from the catalogue (a changed acceptance condition).
    const draft = await t.call(admin, 'POST', `/api/items/${code}/drafts`, {});
    const el = draft.json().version.elements;
    await t.call(admin, 'PUT', `/api/items/${code}/versions/${draft.json().version.versionNo}`, { elements: { ...el, acceptanceConditions: '另行规定的受理条件' } });
    await t.call(admin, 'POST', `/api/items/${code}/versions/${draft.json().version.versionNo}/load`, {});
    const refused = await t.call(reviewer, 'POST', '/api/publications', {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'PUBLICATION.DEVIATIONS' });
    expect(refused.json().error.details.deviations).toContainEqual(expect.objectContaining({ implementationCode: code, element: 'acceptanceConditions' }));
    const fix = await t.call(admin, 'POST', `/api/items/${code}/drafts`, { takeOver: true });
    await t.call(admin, 'POST', `/api/items/${code}/versions/${fix.json().version.versionNo}/load`, {});
    const first = await t.call(reviewer, 'POST', '/api/publications', {});
    expect(first.statusCode, first.body).toBe(201);
    const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
    expect(first.json().number).toBe(`乌审旗政务服务事项清单 ${year}年第1版`);
    expect(first.json().changes).toEqual([]);
    const audit = await t.auditRows('list.publish');
    expect(audit[0].summary).toContain(first.json().number);
  });

  it('a second publication lists an added, a cancelled, a delegated and a changed item with decisions; the diff endpoint agrees', async () => {
    const toCancel = await effectiveItem('养犬登记');
    const toDelegate = await effectiveItem('种畜禽生产经营许可');
    const toChange = await effectiveItem('食品经营许可');
    // The items above existed before the first publication? No: they are new since it, so publish once more first.
    const base = (await t.call(reviewer, 'POST', '/api/publications', {})).json();
    expect(base.counts.added).toBe(3);
    const cat = await t.call(admin, 'POST', '/api/catalogue-items', { basicCode: nextBasicCode(), origin: 'local', levels: [4], uniform: uniformElements({ name: '个体工商户登记' }) });
    const added = await approve('add', { items: [{ catalogueItemId: cat.json().id, elements: itemElements({}, { name: '个体工商户登记' }) }] });
    const cancelled = await approve('cancel', { items: [{ itemCode: toCancel.code }] });
    const delegated = await approve('delegate', { receivingOrgId: orgIds.glt, items: [{ itemCode: toDelegate.code }] });
    // A changed material: the province changes the catalogue item, the department takes the new version over.
    const newMaterials: ReturnType<typeof uniformElements>['materials'] = [...uniformElements().materials, { name: '食品安全管理制度文本', kind: '原件', copies: 1, required: '必要', source: '申请人自备' }];
    await t.call(admin, 'POST', `/api/catalogue-items/${toChange.catalogueItemId}/versions`, { levels: [4, 5], uniform: uniformElements({ name: '食品经营许可', materials: newMaterials }) });
    const changed = await approve('change', { items: [{ itemCode: toChange.code, elements: itemElements({}, { name: '食品经营许可', materials: newMaterials }) }] });
    const second = await t.call(reviewer, 'POST', '/api/publications', {});
    expect(second.statusCode, second.body).toBe(201);
    const pub = second.json();
    expect(pub.previous).toBe(base.number);
    const byKind = (k: string) => pub.changes.filter((c: { kind: string }) => c.kind === k);
    expect(byKind('added')).toEqual([expect.objectContaining({ implementationCode: added.items[0].resultCode, decisionNumbers: [added.decisionNumber] })]);
    expect(byKind('cancelled')).toEqual([expect.objectContaining({ implementationCode: toCancel.code, decisionNumbers: [cancelled.decisionNumber] })]);
    expect(byKind('delegated')).toEqual([expect.objectContaining({ implementationCode: toDelegate.code, newImplementationCode: delegated.items[0].resultCode, decisionNumbers: [delegated.decisionNumber] })]);
    const ch = byKind('changed');
    expect(ch).toHaveLength(1);
    expect(ch[0].decisionNumbers).toEqual([changed.decisionNumber]);
    expect(ch[0].diff).toContainEqual(expect.objectContaining({ path: 'materials[食品安全管理制度文本]', kind: 'added' }));
    const diff = (await t.call(undefined, 'GET', `/api/public/publications/${encodeURIComponent(base.number)}/diff/${encodeURIComponent(pub.number)}`)).json();
    expect(diff.counts).toEqual({ added: 1, cancelled: 1, delegated: 1, entrusted: 0, changed: 1 });
  });

  it('the list as of a publication equals that publication: same count, same digest', async () => {
    const pubs = (await t.call(undefined, 'GET', '/api/public/publications')).json().items as Array<{ number: string; publishedAt: string; itemCount: number }>;
    expect(pubs.length).toBeGreaterThan(2);
    for (const p of pubs) {
      const full = (await t.call(undefined, 'GET', `/api/public/publications/${encodeURIComponent(p.number)}`)).json();
      expect(full.document.listDigest).toMatchObject({ algorithm: 'muhash3072-shake256', value: full.listDigest });
      expect(await recomputedDigest(p.publishedAt)).toEqual({ digest: full.listDigest, count: p.itemCount });
    }
  });

  it('the digest of the whole list does not depend on the page size it is read in', async () => {
    const latest = (await t.call(undefined, 'GET', '/api/public/publications')).json().items[0] as { number: string; publishedAt: string; itemCount: number };
    const full = (await t.call(undefined, 'GET', `/api/public/publications/${encodeURIComponent(latest.number)}`)).json();
    expect(latest.itemCount).toBeGreaterThan(3);
    const ctx = { db: t.database.db, dialect: t.database.dialect, config: t.config, actor: null, requestId: 'test', ip: null, now: new Date() };
    for (const size of [1, 2, 3, latest.itemCount, 20_000]) {
      const { state, count } = await listStateAt(ctx, latest.publishedAt, size);
      expect({ digest: digestOf(state), count }).toEqual({ digest: full.listDigest, count: latest.itemCount });
    }
  });

  it('a publication after one without a stored digest state reads the whole list, and later ones follow it again', async () => {
    const latest = (await t.call(undefined, 'GET', '/api/public/publications')).json().items[0] as { number: string };
    // As a publication made before states were stored.
    await t.database.db.updateTable('list_publication').set({ list_state: null }).where('number', '=', latest.number).execute();
    await effectiveItem('建筑工程施工许可');
    const next = (await t.call(reviewer, 'POST', '/api/publications', {})).json();
    expect(await recomputedDigest(next.publishedAt)).toEqual({ digest: next.listDigest, count: next.itemCount });
    await effectiveItem('建设工程消防验收');
    const after = (await t.call(reviewer, 'POST', '/api/publications', {})).json();
    expect(await recomputedDigest(after.publishedAt)).toEqual({ digest: after.listDigest, count: after.itemCount });
  });

  it('a secret (涉密) filing item stays out of publications: not among the changes or in the document, not in the digest', async () => {
    const name = '涉密军工设施建设项目备案';
    const cat = await t.call(admin, 'POST', '/api/catalogue-items', { basicCode: nextBasicCode(), origin: 'provincial', levels: [4, 5], uniform: uniformElements({ name, type: '11' }) });
    const code = (await t.call(admin, 'POST', '/api/items', { catalogueItemId: cat.json().id, orgId: orgIds.scjg, levelDigit: 4 })).json().implementationCode as string;
    const saved = await t.call(admin, 'PUT', `/api/items/${code}/versions/1`, { elements: itemElements({ filing: { category: 'notice', secret: true } }, { name, type: '11' }) });
    expect(saved.json().problems, saved.body).toEqual([]);
    const previous = (await t.call(undefined, 'GET', '/api/public/publications')).json().items[0] as { itemCount: number };
    expect((await t.call(admin, 'POST', `/api/items/${code}/versions/1/load`, {})).statusCode).toBe(200);
    // Followed from the previous publication, and read from the whole list (a predecessor without a stored state).
    const followed = await t.call(reviewer, 'POST', '/api/publications', {});
    expect(followed.statusCode, followed.body).toBe(201);
    expect(followed.body).not.toContain(name);
    expect(followed.body).not.toContain(code);
    expect(followed.json().itemCount).toBe(previous.itemCount);
    expect(await recomputedDigest(followed.json().publishedAt)).toEqual({ digest: followed.json().listDigest, count: followed.json().itemCount });
    await t.database.db.updateTable('list_publication').set({ list_state: null }).where('number', '=', followed.json().number).execute();
    await effectiveItem('城镇污水排入排水管网许可');
    const whole = (await t.call(reviewer, 'POST', '/api/publications', {})).json();
    expect(whole.itemCount).toBe(previous.itemCount + 1);
    expect(await recomputedDigest(whole.publishedAt)).toEqual({ digest: whole.listDigest, count: whole.itemCount });
  });

  it('storage grows with changes, not with the list: 1,000 items, two publications, one change', async () => {
    const now = new Date().toISOString();
    const cat = (await t.call(admin, 'POST', '/api/catalogue-items', { basicCode: nextBasicCode(), origin: 'local', levels: [4], uniform: uniformElements() })).json();
    const orgs = (await t.call(admin, 'GET', '/api/orgs')).json().items as Array<{ uscc: string; id: string }>;
    const scjg = orgs.find((o) => o.id === orgIds.scjg)!;
    // Bulk rows straight into the tables: a thousand items through the API would only slow the test down.
    for (let i = 0; i < 1000; i += 250) {
      const rows = Array.from({ length: 250 }, (_, j) => {
        const n = i + j;
        const code = `${scjg.uscc}4${`9${String(n).padStart(11, '0')}`}`;
        return { id: newId(), code, n };
      });
      await t.database.db.insertInto('item').values(rows.map((r) => ({ id: r.id, implementation_code: r.code, org_id: scjg.id, catalogue_item_id: cat.id, level_digit: 4, review_needed: false, review_catalogue_version_no: null, review_diff: null, created_at: now, updated_at: now }))).execute();
      await t.database.db.insertInto('item_version').values(rows.map((r) => ({ id: newId(), item_id: r.id, version_no: 1, state: 'final', implementation_code: r.code, org_id: scjg.id, catalogue_version_no: 1, effective_from: now, effective_to: null, ...filterColumns(itemElements()), change_note: null, source: 'load', created_at: now, created_by: null, updated_at: now, finalised_at: now, finalised_by: null }))).execute();
    }
    const one = (await t.call(reviewer, 'POST', '/api/publications', {})).json();
    const rowsAfterOne = (await t.database.db.selectFrom('publication_change').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
    const { code } = await effectiveItem('出版物零售单位设立审批');
    const two = (await t.call(reviewer, 'POST', '/api/publications', {})).json();
    expect(two.itemCount).toBe(one.itemCount + 1);
    const rowsAfterTwo = (await t.database.db.selectFrom('publication_change').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
    expect(Number(rowsAfterTwo) - Number(rowsAfterOne)).toBe(1);
    expect(two.changes).toEqual([expect.objectContaining({ kind: 'added', implementationCode: code })]);
    // The second one followed the first one's digest with one change and still commits to all 1,000 and more.
    expect(await recomputedDigest(two.publishedAt)).toEqual({ digest: two.listDigest, count: two.itemCount });
  });

  it('the sealed publication JSON verifies with the OpenSSL command line', async () => {
    const has = spawnSync('openssl', ['version']).status === 0;
    if (!has) return;
    const pub = (await t.call(undefined, 'GET', '/api/public/publications')).json().items[0];
    const full = (await t.call(undefined, 'GET', `/api/public/publications/${encodeURIComponent(pub.number)}`)).json();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qingdan-pub-'));
    try {
      fs.writeFileSync(path.join(dir, 'tbs.bin'), recordTbs(full.seal));
      fs.writeFileSync(path.join(dir, 'sig.der'), Buffer.from(full.seal.signature, 'base64'));
      fs.writeFileSync(path.join(dir, 'cert.pem'), full.seal.certificate);
      execFileSync('openssl', ['x509', '-in', path.join(dir, 'cert.pem'), '-noout', '-pubkey', '-out', path.join(dir, 'pub.pem')]);
      const verify = (file: string) => spawnSync('openssl', ['pkeyutl', '-verify', '-pubin', '-inkey', path.join(dir, 'pub.pem'), '-rawin', '-in', file, '-sigfile', path.join(dir, 'sig.der'), '-digest', 'sm3', '-pkeyopt', 'distid:1234567812345678'], { encoding: 'utf8' });
      expect(verify(path.join(dir, 'tbs.bin')).stdout).toContain('Signature Verified Successfully');
      // The record's digest is of the canonical publication document: recompute it with openssl.
      fs.writeFileSync(path.join(dir, 'doc.json'), canonicalize(full.document));
      const sha = execFileSync('openssl', ['dgst', '-sha256', '-r', path.join(dir, 'doc.json')], { encoding: 'utf8' }).split(' ')[0];
      expect(sha).toBe(full.seal.content.sha256);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('verify-log: a saved head stays consistent and publications are included; an altered stored leaf is caught', async () => {
    const savedHead = (await t.call(undefined, 'GET', '/api/public/log/head')).json();
    expect(savedHead.tree_size).toBeGreaterThan(3);
    expect(savedHead.tree_head_signature).toMatchObject({ type: 'qingdan.seal-signature' });
    await effectiveItem('旅行社设立许可');
    const latest = (await t.call(reviewer, 'POST', '/api/publications', {})).json();
    const good = await verifyLog(fetchVia(t), { savedHead, publication: latest.number });
    expect(good.ok, good.lines.join('\n')).toBe(true);
    const first = (await t.call(undefined, 'GET', '/api/public/publications')).json().items.at(-1).number as string;
    // Someone rewrites history in the database: the first leaf's entry and hash.
    const leaf = await t.database.db.selectFrom('log_leaf').selectAll().where('idx', '=', 0).executeTakeFirstOrThrow();
    await t.database.db.updateTable('log_leaf').set({ leaf_hash: 'ab'.repeat(32), entry: leaf.entry.replace('"kind"', '"kinD"') }).where('idx', '=', 0).execute();
    const bad = await verifyLog(fetchVia(t), { savedHead, publication: first });
    expect(bad.ok).toBe(false);
    expect(bad.lines.join('\n')).toMatch(/FAIL/);
    await t.database.db.updateTable('log_leaf').set({ leaf_hash: leaf.leaf_hash, entry: leaf.entry }).where('idx', '=', 0).execute();
  });
});

describe(`publications: items that come and go between two publications (${TEST_DIALECT})`, () => {
  it('an item added and cancelled between publications is no change at all', async () => {
    const { code } = await effectiveItem('临时占用城市道路许可');
    const cancel = await t.call(clerk, 'POST', '/api/adjustments', { kind: 'cancel', reasonCode: 'function_change', title: '取消', items: [{ itemCode: code }] });
    const id = cancel.json().id;
    await t.call(leader, 'POST', `/api/adjustments/${id}/submit`, {});
    await t.call(reviewer, 'POST', `/api/adjustments/${id}/start-review`, {});
    expect((await t.call(reviewer, 'POST', `/api/adjustments/${id}/approve`, {})).json().state).toBe('applied');
    const pub = await t.call(reviewer, 'POST', '/api/publications', {});
    expect(pub.statusCode, pub.body).toBe(201);
    expect(pub.json().changes.map((c: { implementationCode: string }) => c.implementationCode)).not.toContain(code);
  });
});

describe(`publications re-check only what changed since the last one (${TEST_DIALECT})`, () => {
  it('a catalogue change after a publication still blocks the next one until the item takes it over', async () => {
    const item = await effectiveItem('出租汽车经营许可');
    expect((await t.call(reviewer, 'POST', '/api/publications', {})).statusCode).toBe(201);
    const changed = uniformElements({ name: '出租汽车经营许可', acceptanceConditions: '具备符合要求的车辆和驾驶员' });
    await t.call(admin, 'POST', `/api/catalogue-items/${item.catalogueItemId}/versions`, { levels: [4, 5], uniform: changed });
    const refused = await t.call(reviewer, 'POST', '/api/publications', {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.details.deviations).toContainEqual(expect.objectContaining({ implementationCode: item.code, element: 'acceptanceConditions' }));
    const draft = await t.call(admin, 'POST', `/api/items/${item.code}/drafts`, { takeOver: true });
    await t.call(admin, 'POST', `/api/items/${item.code}/versions/${draft.json().version.versionNo}/load`, {});
    expect((await t.call(reviewer, 'POST', '/api/publications', {})).statusCode).toBe(201);
  });
});

describe(`publications compare and check what changed (${TEST_DIALECT})`, () => {
  const publish = async () => {
    const r = await t.call(reviewer, 'POST', '/api/publications', {});
    expect(r.statusCode, r.body).toBe(201);
    return r.json() as { number: string };
  };
  const diff = async (a: string, b: string) =>
    (await t.call(undefined, 'GET', `/api/public/publications/${encodeURIComponent(a)}/diff/${encodeURIComponent(b)}`)).json().changes as Array<{ kind: string; implementationCode: string }>;

  it('a comparison of two earlier publications still sees a version that has ended since', async () => {
    const a = await publish();
    const item = await effectiveItem('娱乐场所经营许可');
    const b = await publish();
    const draft = await t.call(admin, 'POST', `/api/items/${item.code}/drafts`, {});
    const n = draft.json().version.versionNo as number;
    await t.call(admin, 'PUT', `/api/items/${item.code}/versions/${n}`, { elements: itemElements({ hours: '工作日 8:30–17:30' }, { name: '娱乐场所经营许可' }) });
    expect((await t.call(admin, 'POST', `/api/items/${item.code}/versions/${n}/load`, {})).statusCode).toBe(200);
    const c = await publish();
    // Version 1 started between a and b and ended between b and c.
    expect(await diff(a.number, b.number)).toEqual([expect.objectContaining({ kind: 'added', implementationCode: item.code })]);
    expect(await diff(b.number, c.number)).toEqual([expect.objectContaining({ kind: 'changed', implementationCode: item.code })]);
  });

  it('409 PUBLICATION.INVALID_ITEMS names a changed item that breaks an item rule; publishes once it is fixed', async () => {
    const item = await effectiveItem('印刷经营许可');
    await publish();
    await new Promise((r) => setTimeout(r, 5));
    // A final version that bypassed the rules (written straight into the table): an unknown entrusting org, no consult phone.
    const v1 = await t.database.db.selectFrom('item_version').selectAll().where('implementation_code', '=', item.code).where('state', '=', 'final').where('effective_to', 'is', null).executeTakeFirstOrThrow();
    const now = new Date().toISOString();
    const bad = { ...itemElements({}, { name: '印刷经营许可' }), entrustingOrgId: 'no-such-org', consultPhone: '' };
    await t.database.db.updateTable('item_version').set({ effective_to: now }).where('id', '=', v1.id).execute();
    await t.database.db.insertInto('item_version').values({ ...v1, id: newId(), version_no: v1.version_no + 1, effective_from: now, effective_to: null, ...filterColumns(bad), created_at: now, updated_at: now, finalised_at: now }).execute();
    const refused = await t.call(reviewer, 'POST', '/api/publications', {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('PUBLICATION.INVALID_ITEMS');
    const items = refused.json().error.details.items as Array<{ implementationCode: string; problems: Array<{ path: string }> }>;
    expect(items.map((i) => i.implementationCode)).toEqual([item.code]);
    expect(items[0].problems.map((p) => p.path).sort()).toEqual(['consultPhone', 'entrustingOrgId']);
    const draft = await t.call(admin, 'POST', `/api/items/${item.code}/drafts`, {});
    const n = draft.json().version.versionNo as number;
    await t.call(admin, 'PUT', `/api/items/${item.code}/versions/${n}`, { elements: itemElements({}, { name: '印刷经营许可' }) });
    expect((await t.call(admin, 'POST', `/api/items/${item.code}/versions/${n}/load`, {})).statusCode).toBe(200);
    await publish();
  });
});
