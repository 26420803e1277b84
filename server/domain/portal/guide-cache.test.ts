import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ItemElements, UniformElements } from '../../../common/item-elements.ts';
import { itemElements, uniformElements } from '../../test/factories.ts';
import { createEffectiveItem, demoOrg, demoOrgIds } from '../../test/routes.ts';
import { buildTestNodes, TEST_DIALECT, type Session, type TestApp } from '../../test/test-app.ts';

// Guide pages are kept in memory per node and served again while their stamp (version, feedback, org generation)
// holds (ADR 0010). Two nodes share one database here: node A serves and keeps the page, node B takes the writes, as
// behind a load balancer. Every change must show on A's next request, plain or conditional.

const textOf = (html: string) => html.replace(/<style[\s\S]*?<\/style>/g, ' ').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe(`cached guide pages stay fresh across nodes (${TEST_DIALECT})`, () => {
  let nodes: Awaited<ReturnType<typeof buildTestNodes>>;
  let a: TestApp;
  let b: TestApp;
  let admin: Session;
  let orgIds: Record<string, string>;

  beforeAll(async () => {
    nodes = await buildTestNodes();
    ({ a, b } = nodes);
    admin = await b.login('admin');
    orgIds = await demoOrgIds(b, admin);
  });
  afterAll(async () => {
    await nodes?.close();
  });

  /** An item of 市场监管局 whose version 1 is effective (written through node B). */
  const effectiveItem = async (uniform: UniformElements, elements: ItemElements): Promise<string> =>
    (await createEffectiveItem(b, admin, { orgId: orgIds.scjg, levelDigit: demoOrg('scjg').level, uniform, elements })).code;

  /** A new final version with these elements, effective now or at `effectiveFrom` (written through node B). */
  async function newVersion(code: string, elements: ItemElements, effectiveFrom?: string): Promise<void> {
    const draft = await b.call(admin, 'POST', `/api/items/${code}/drafts`, {});
    const no = draft.json().version.versionNo as number;
    expect((await b.call(admin, 'PUT', `/api/items/${code}/versions/${no}`, { elements })).json().problems).toEqual([]);
    const loaded = await b.call(admin, 'POST', `/api/items/${code}/versions/${no}/load`, effectiveFrom ? { effectiveFrom } : {});
    expect(loaded.statusCode, loaded.body).toBe(200);
  }

  const onA = (url: string, headers: Record<string, string> = {}) => a.app.inject({ method: 'GET', url, headers });

  /** Node A's page, asked for twice so that the second answer comes from its memory; its ETag. */
  async function cachedOnA(url: string): Promise<{ body: string; etag: string }> {
    const first = await onA(url);
    expect(first.statusCode).toBe(200);
    const second = await onA(url);
    expect(second.body).toBe(first.body);
    expect(second.headers.etag).toBe(first.headers.etag);
    expect((await onA(url, { 'if-none-match': first.headers.etag as string })).statusCode).toBe(304);
    return { body: first.body, etag: first.headers.etag as string };
  }

  it('a new version written on another node shows at once, to plain and conditional requests', async () => {
    const uniform = uniformElements({ name: '食品经营许可（缓存）' });
    const code = await effectiveItem(uniform, itemElements({ hours: '工作日 9:00—17:00' }, uniform));
    const before = await cachedOnA(`/items/${code}`);
    expect(textOf(before.body)).toContain('工作日 9:00—17:00');
    const print = await cachedOnA(`/items/${code}/print`);

    await newVersion(code, itemElements({ hours: '工作日 8:30—18:00' }, uniform));
    const conditional = await onA(`/items/${code}`, { 'if-none-match': before.etag });
    expect(conditional.statusCode).toBe(200);
    expect(conditional.headers.etag).not.toBe(before.etag);
    expect(textOf(conditional.body)).toContain('工作日 8:30—18:00');
    expect(textOf((await onA(`/items/${code}`)).body)).toContain('工作日 8:30—18:00');
    const printed = await onA(`/items/${code}/print`, { 'if-none-match': print.etag });
    expect(printed.statusCode).toBe(200);
    expect(textOf(printed.body)).toContain('工作日 8:30—18:00');
  });

  it('feedback sent and answered on another node shows at once', async () => {
    const uniform = uniformElements({ name: '小餐饮登记（缓存）' });
    const code = await effectiveItem(uniform, itemElements({}, uniform));
    const before = await cachedOnA(`/items/${code}`);
    expect(textOf(before.body)).toContain('暂无已答复的意见');

    const sent = await b.call(undefined, 'POST', '/api/public/feedback', { target: { kind: 'item', implementationCode: code }, category: 'suggestion', text: '建议在办事指南中写明停车位置。' });
    expect(sent.statusCode, sent.body).toBe(201);
    const pending = await onA(`/items/${code}`, { 'if-none-match': before.etag });
    expect(pending.statusCode).toBe(200);
    expect(textOf(pending.body)).toContain('另有 1 条意见正在办理');
    const pendingTag = pending.headers.etag as string;
    expect((await onA(`/items/${code}`, { 'if-none-match': pendingTag })).statusCode).toBe(304);

    expect((await b.call(admin, 'POST', `/api/feedback/${sent.json().id}/answer`, { answer: '已在指南中补充停车位置。' })).statusCode).toBe(200);
    const answered = await onA(`/items/${code}`, { 'if-none-match': pendingTag });
    expect(answered.statusCode).toBe(200);
    expect(answered.body).toContain('已在指南中补充停车位置。');
    expect(textOf(answered.body)).not.toContain('正在办理');
    expect((await onA(`/items/${code}`)).body).toContain('已在指南中补充停车位置。');
  });

  it('a version scheduled for later replaces the cached page when its time comes, with nothing written meanwhile', async () => {
    const uniform = uniformElements({ name: '食品摊贩登记（缓存）' });
    const code = await effectiveItem(uniform, itemElements({ promisedTimeLimit: { amount: 5, unit: 'workday' } }, uniform));
    const start = Date.now();
    await newVersion(code, itemElements({ promisedTimeLimit: { amount: 1, unit: 'workday' } }, uniform), new Date(start + 5 * 60_000).toISOString());
    const before = await cachedOnA(`/items/${code}`);
    expect(textOf(before.body)).toContain('承诺办结时限 5个工作日');
    const print = await cachedOnA(`/items/${code}/print`);
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(start + 6 * 60_000);
      const later = await onA(`/items/${code}`, { 'if-none-match': before.etag });
      expect(later.statusCode).toBe(200);
      expect(textOf(later.body)).toContain('承诺办结时限 1个工作日');
      expect(textOf((await onA(`/items/${code}`)).body)).toContain('承诺办结时限 1个工作日');
      expect(textOf((await onA(`/items/${code}/print`, { 'if-none-match': print.etag })).body)).toContain('承诺办结时限 1个工作日');
      // So does the page as of a later date.
      expect(textOf((await onA(`/items/${code}?asOf=2099-01-01`)).body)).toContain('承诺办结时限 1个工作日');
    } finally {
      vi.useRealTimers();
    }
  });

  it('renaming the item\'s org or the bureau on another node shows at once', async () => {
    const uniform = uniformElements({ name: '食品生产许可（缓存）' });
    const code = await effectiveItem(uniform, itemElements({}, uniform));
    const before = await cachedOnA(`/items/${code}`);
    const rename = async (key: string, nameZh: string) => {
      const res = await b.call(admin, 'POST', `/api/orgs/${orgIds[key]}/rename`, { nameZh });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().nameZh as string;
    };
    const oldName = (await b.call(admin, 'GET', `/api/orgs/${orgIds.scjg}`)).json().nameZh as string;
    const oldSite = (await b.call(admin, 'GET', `/api/orgs/${orgIds.bureau}`)).json().nameZh as string;
    try {
      await rename('scjg', '乌审旗市场监督管理局（更名）');
      const renamed = await onA(`/items/${code}`, { 'if-none-match': before.etag });
      expect(renamed.statusCode).toBe(200);
      expect(renamed.body).toContain('乌审旗市场监督管理局（更名）');
      await rename('bureau', '乌审旗政务服务局（更名）');
      const site = await onA(`/items/${code}`, { 'if-none-match': renamed.headers.etag as string });
      expect(site.statusCode).toBe(200);
      expect(site.body).toContain('乌审旗政务服务局（更名）');
      for (const url of ['/items', '/', '/publications']) expect((await onA(url)).body, url).toContain('乌审旗政务服务局（更名）');
    } finally {
      await rename('scjg', oldName);
      await rename('bureau', oldSite);
    }
    expect((await onA(`/items/${code}`)).body).toContain(oldSite);
  });
});
