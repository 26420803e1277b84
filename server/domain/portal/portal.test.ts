import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ItemElements, UniformElements } from '../../../common/item-elements.ts';
import { demoUscc } from '../../bootstrap/demo/demo-orgs.ts';
import { itemElements, uniformElements } from '../../test/factories.ts';
import { expectAccessible, textOf } from '../../test/html.ts';
import { createEffectiveItem, demoOrg, demoOrgIds } from '../../test/routes.ts';
import { buildTestApp, TEST_DIALECT, type Session, type TestApp } from '../../test/test-app.ts';
import type { ListChange } from '../publications/publications.service.ts';
import { averageCompression, reduction } from './dashboard.view.ts';
import { LANGS, MESSAGE_KEYS, t as tr } from './i18n.ts';
import type { Chrome } from './layout.ts';
import { detailPage, MAX_CHANGES_PER_KIND, pathLabel } from './publications.view.ts';
import { addItem } from '../catalogue/stats.service.ts';

// The public portal: home, list filters and "as of", publications (history, detail, compare, sealed download), the
// 两优 dashboard, languages, elder mode and public supervision — server-rendered, escaped, cached, small.

const KB60 = 60 * 1024;

describe(`public portal (${TEST_DIALECT})`, () => {
  let t: TestApp;
  let admin: Session;
  let reviewer: Session;
  let orgIds: Record<string, string>;
  const org = (key: string) => orgIds[key];
  let codeA: string;
  let codeB: string;
  let first: string;
  let second: string;

  const effectiveItem = async (orgKey: string, uniform: UniformElements, elements: ItemElements): Promise<string> =>
    (await createEffectiveItem(t, admin, { orgId: org(orgKey), levelDigit: demoOrg(orgKey).level, uniform, elements })).code;

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });
  const post = (url: string, form: Record<string, string>) =>
    t.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(form).toString() });

  beforeAll(async () => {
    t = await buildTestApp();
    [admin, reviewer] = await t.loginAll('admin', 'reviewer');
    orgIds = await demoOrgIds(t, admin);
    // Two items of 农牧局 with known 两优 figures: 10 → 3 and 10 → 10 working days; 6 materials before, 1 now each.
    const uA = uniformElements({ name: '种畜禽生产经营许可', type: '01' });
    codeA = await effectiveItem('nmj', uA, itemElements({ themes: ['农牧业'] }, uA));
    const uB = uniformElements({ name: '兽药经营许可<b>证</b>', type: '01', serviceRecipients: [1] });
    codeB = await effectiveItem('nmj', uB, itemElements({ promisedTimeLimit: { amount: 10, unit: 'workday' }, themes: ['农牧业'] }, uB));
    expect((await t.call(admin, 'POST', '/api/seals', { orgId: org('bureau') })).statusCode).toBe(201);
    const p1 = await t.call(reviewer, 'POST', '/api/publications', {});
    expect(p1.statusCode, p1.body).toBe(201);
    first = p1.json().number;
    // One change: item A promises 2 working days instead of 3.
    const draft = await t.call(admin, 'POST', `/api/items/${codeA}/drafts`, {});
    const no = draft.json().version.versionNo as number;
    await t.call(admin, 'PUT', `/api/items/${codeA}/versions/${no}`, { elements: itemElements({ themes: ['农牧业'], promisedTimeLimit: { amount: 2, unit: 'workday' } }, uA) });
    expect((await t.call(admin, 'POST', `/api/items/${codeA}/versions/${no}/load`, {})).statusCode).toBe(200);
    const p2 = await t.call(reviewer, 'POST', '/api/publications', {});
    expect(p2.statusCode, p2.body).toBe(201);
    second = p2.json().number;
  });
  afterAll(async () => {
    await t?.close();
  });

  const pubUrl = (n: string) => `/publications/${encodeURIComponent(n)}`;

  describe('GET /', () => {
    it('shows the bureau, a search box, counts by org and type linking into the list, the latest publication and quick links', async () => {
      const res = await get('/');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.body).toMatch(/<h1 id="title">乌审旗政务服务局<\/h1>/);
      expect(res.body).toContain('<form class="search" method="get" action="/items" role="search"');
      expect(res.body).toContain(`<a href="/items?org=${org('nmj')}">乌审旗农牧局</a><span class="n">2 项</span>`);
      expect(res.body).toContain('<a href="/items?type=01">行政许可</a><span class="n">2 项</span>');
      expect(res.body).toContain(`<a href="${pubUrl(second).replace(/&/g, '&amp;')}">${second}</a>`);
      for (const href of ['/publications', '/as-of', '/dashboard', '/verify', '/feedback']) expect(res.body).toContain(`<a href="${href}">`);
      expectAccessible(res.body);
      expect(gzipSync(res.body).length).toBeLessThan(KB60);
    });

    it('ETag: 304 when unchanged; another language has another tag; a newly effective item changes it', async () => {
      const res = await get('/');
      const etag = res.headers.etag as string;
      expect(etag).toMatch(/^"home-/);
      expect(res.headers.vary).toMatch(/Cookie/);
      expect((await get('/', { 'if-none-match': etag })).statusCode).toBe(304);
      const en = await get('/', { cookie: 'qingdan_lang=en' });
      expect(en.headers.etag).not.toBe(etag);
      const u = uniformElements({ name: '农机购置补贴' });
      await effectiveItem('nmj', u, itemElements({}, u));
      expect((await get('/', { 'if-none-match': etag })).statusCode).toBe(200);
    });
  });

  describe('languages and elder mode', () => {
    it('?lang=en answers in English and remembers it in a cookie; the cookie alone keeps it', async () => {
      const res = await get('/?lang=en');
      expect(res.body).toMatch(/<html lang="en">/);
      expect(res.body).toContain('>Publications</a>');
      expect(res.body).toContain('<a class="skip" href="#main">Skip to content</a>');
      const cookie = [res.headers['set-cookie']].flat().find((c) => c?.startsWith('qingdan_lang='))!;
      expect(cookie).toMatch(/qingdan_lang=en;.*Max-Age=31536000/);
      expect(cookie).toMatch(/HttpOnly/);
      const again = await get('/items', { cookie: 'qingdan_lang=en' });
      expect(again.body).toMatch(/<html lang="en">/);
      expect(again.body).toContain('>Service list</a>');
    });

    it('?lang=mn: traditional Mongolian navigation and headings marked lang="mn-Mong", Chinese data marked Chinese', async () => {
      const res = await get('/dashboard?lang=mn');
      expect(res.body).toMatch(/<html lang="mn-Mong" class="mong">/);
      expect(res.body).toContain('<main id="main" lang="zh-CN">');
      expect(res.body).toContain(`<span class="mn" lang="mn-Mong">${tr('mn-Mong', 'navHome')}</span>`);
      expect(res.body).toMatch(/<h1><span class="mn" lang="mn-Mong">[\u1800-\u18AF\u202F ]+<\/span><\/h1>/);
      expect(res.body).toContain('writing-mode:vertical-lr');
      expect(res.body).toContain('"Noto Sans Mongolian"');
      expectAccessible(res.body);
    });

    it('every message has Chinese and English; Mongolian entries are in the Mongolian block', () => {
      for (const key of MESSAGE_KEYS) {
        for (const lang of LANGS) expect(tr(lang, key), `${lang} ${key}`).not.toBe('');
        const mn = tr('mn-Mong', key);
        if (mn !== tr('zh-CN', key)) expect(mn, key).toMatch(/^[\u1800-\u18AF\u202F ]+$/);
      }
    });

    it('?elder=1 switches on large type and high contrast, remembered; ?elder=0 switches it off; an unknown language is ignored', async () => {
      const on = await get('/publications?elder=1&lang=xx');
      expect(on.body).toMatch(/<html lang="zh-CN" class="elder">/);
      expect(on.body).toContain('html.elder{font-size:21px');
      expect(on.body).toContain('标准模式');
      expect([on.headers['set-cookie']].flat().join(';')).toContain('qingdan_elder=1');
      expect((await get('/items', { cookie: 'qingdan_elder=1' })).body).toMatch(/<html lang="zh-CN" class="elder">/);
      expect((await get(`/items/${codeB}`, { cookie: 'qingdan_elder=1' })).body).toMatch(/class="elder"/);
      const off = await get('/?elder=0', { cookie: 'qingdan_elder=1' });
      expect(off.body).toMatch(/<html lang="zh-CN">/);
      expect([off.headers['set-cookie']].flat().join(';')).toContain('qingdan_elder=0');
    });

    it('language links on every page keep the rest of the query', async () => {
      for (const url of ['/', '/items?q=%E7%A7%8D%E7%95%9C', `/items/${codeA}`, '/publications', pubUrl(first), '/dashboard', '/as-of', '/feedback']) {
        const body = (await get(url)).body;
        expect(body, url).toContain('hreflang="en"');
        expect(body, url).toContain('hreflang="mn-Mong"');
        expect(body, url).toContain('elder=1');
      }
      expect((await get('/items?q=%E7%A7%8D%E7%95%9C')).body).toContain('href="/items?q=%E7%A7%8D%E7%95%9C&amp;lang=en"');
    });
  });

  describe('GET /items (filters and the list as of a date)', () => {
    it('filters by theme and recipient', async () => {
      const theme = await get(`/items?theme=${encodeURIComponent('农牧业')}`);
      expect(textOf(theme.body)).toContain('共找到 2 项事项');
      expect(theme.body).toContain('<option selected>农牧业</option>');
      const recipient = await get(`/items?theme=${encodeURIComponent('农牧业')}&recipient=1`);
      expect(textOf(recipient.body)).toContain('共找到 1 项事项');
      expect(recipient.body).toContain('兽药经营许可&lt;b&gt;证&lt;/b&gt;');
      expect(recipient.body).toContain('<option value="1" selected>自然人</option>');
      expectAccessible(recipient.body);
    });

    it('?asOf= names the publication in force that day with a link; before any publication it says so', async () => {
      const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
      const res = await get(`/items?asOf=${today}`);
      expect(res.statusCode).toBe(200);
      const text = textOf(res.body);
      expect(text).toContain('您正在查看');
      expect(text).toContain(`当日有效的公布版本为 ${second}`);
      expect(res.body).toContain(`<a href="${pubUrl(second)}">${second}</a>`);
      const old = await get('/items?asOf=2020-01-01');
      expect(textOf(old.body)).toContain('当日尚无公布的清单版本');
      expect(textOf(old.body)).toContain('共找到 0 项事项');
      expect((await get('/as-of')).body).toContain(`${first}</a>`);
    });
  });

  describe('publications', () => {
    it('/publications lists each publication with counts, downloads and the verification link', async () => {
      const res = await get('/publications');
      expect(res.statusCode).toBe(200);
      const text = textOf(res.body);
      expect(text).toContain(`${second}`);
      expect(text).toMatch(/新增 取消 下放 委托 变更/);
      expect(res.body).toContain(`<a href="${pubUrl(first)}/sealed.json" download>盖章 JSON</a>`);
      expect(res.body).toContain('<a href="/verify">验证</a>');
      expect(res.body).toContain('action="/publications/compare"');
      expectAccessible(res.body);
      const etag = res.headers.etag as string;
      expect((await get('/publications', { 'if-none-match': etag })).statusCode).toBe(304);
    });

    it('/publications/:number shows the changes grouped by kind with org, codes and an expandable element diff', async () => {
      const res = await get(pubUrl(second));
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain(`<h1>${second}</h1>`);
      const text = textOf(res.body);
      expect(text).toContain('变更（1 项）');
      expect(text).toContain('种畜禽生产经营许可 乌审旗农牧局');
      expect(text).toContain(`实施编码 ${codeA}`);
      expect(res.body).toMatch(/<details><summary>查看要素变化（1 项）<\/summary>/);
      expect(text).toContain('承诺办结时限 › 数量 修改 3 2');
      expect(text).toContain(`上一期 ${first}`);
      expect(res.body).toContain(`<form class="feedback no-print" method="post" action="/feedback?publication=${encodeURIComponent(second)}">`);
      expectAccessible(res.body);
      const etag = res.headers.etag as string;
      expect((await get(pubUrl(second), { 'if-none-match': etag })).statusCode).toBe(304);
    });

    it('the first publication is the baseline: no changes listed', async () => {
      const res = await get(pubUrl(first));
      expect(res.statusCode).toBe(200);
      expect(textOf(res.body)).toContain('本期变更 没有变更。');
    });

    it('the sealed JSON downloads as a file and holds the document and its seal record', async () => {
      const res = await get(`${pubUrl(second)}/sealed.json`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="qingdan-publication-[\w-]+\.json"; filename\*=UTF-8''/);
      const json = res.json();
      expect(json.number).toBe(second);
      expect(json.document).toBeTruthy();
      expect(json.seal).toBeTruthy();
      expect(json).toEqual((await t.call(undefined, 'GET', `/api/public/publications/${encodeURIComponent(second)}`)).json());
    });

    it('compare: added, cancelled and changed between any two, either order; unknown numbers are 404', async () => {
      const res = await get(`/publications/compare?a=${encodeURIComponent(second)}&b=${encodeURIComponent(first)}`);
      expect(res.statusCode).toBe(200);
      const text = textOf(res.body);
      expect(text).toContain(`${first} → ${second}`);
      expect(text).toContain('清单共有 1 项变更');
      expect(text).toContain('承诺办结时限 › 数量 修改 3 2');
      expectAccessible(res.body);
      const picker = await get('/publications/compare');
      expect(picker.statusCode).toBe(200);
      expect(picker.body).toContain(`<option value="${second}" selected>`);
      expect((await get(`/publications/compare?a=nope&b=${encodeURIComponent(first)}`)).statusCode).toBe(404);
      const missing = await get(pubUrl('乌审旗政务服务事项清单 1999年第9版'));
      expect(missing.statusCode).toBe(404);
      expect(missing.body).toContain('<h1>未找到该期清单</h1>');
      expect((await get(`${pubUrl('nope')}/sealed.json`)).statusCode).toBe(404);
    });
  });

  describe('GET /dashboard', () => {
    it('per org and banner-wide: compression, materials, steps, visits, online depth, 即办件 — as charts with data tables', async () => {
      const res = await get('/dashboard');
      expect(res.statusCode).toBe(200);
      const text = textOf(res.body);
      // 农牧局: three items now (A at 10 → 2, B at 10 → 10, the later 农机购置补贴 at 10 → 3: 80%, 0%, 70%).
      expect(text).toContain('乌审旗农牧局 3 50% 10 5');
      expect(text).toContain('乌审旗农牧局 18 3 83.3%');
      expect(text).toContain('全程网办 3 100%');
      expect(res.body.match(/<svg class="chart" role="img" aria-label="[^"]+"/g)?.length).toBe(6);
      expect(res.body.match(/<details class="data">/g)?.length).toBe(6);
      expectAccessible(res.body);
      expect(gzipSync(res.body).length).toBeLessThan(KB60);
      expect((await get('/dashboard', { 'if-none-match': res.headers.etag as string })).statusCode).toBe(304);
    });

    it('leaves out secret filing items', async () => {
      const u = uniformElements({ name: '涉密单位备案', type: '11' });
      await effectiveItem('nmj', u, itemElements({ filing: { category: 'notice', secret: true } }, u));
      const text = textOf((await get('/dashboard')).body);
      expect(text).toContain('乌审旗农牧局 3 50%');
    });
  });

  describe('public supervision', () => {
    it('the guide carries the form; a submission gets a Chinese confirmation; the answer then shows on the guide, the contact never', async () => {
      const guide = await get(`/items/${codeB}`);
      expect(guide.body).toContain(`<form class="feedback no-print" method="post" action="/feedback?item=${codeB}">`);
      expect(guide.body).toMatch(/<div class="hp" aria-hidden="true"><label>[^<]*<input name="website" tabindex="-1"/);
      expectAccessible(guide.body);
      const etag = guide.headers.etag as string;

      const sent = await post(`/feedback?item=${codeB}`, { category: 'guide_error', text: '办事指南中的咨询电话无人接听，请核实。', name: '张三', phone: '13800000000', website: '' });
      expect(sent.statusCode, sent.body).toBe(200);
      expect(sent.body).toContain('<h1>意见已收到</h1>');
      const text = textOf(sent.body);
      expect(text).toMatch(/受理编号 \S+/);
      expect(text).toMatch(/将在 \d{4}-\d{2}-\d{2} 前答复/);

      const list = (await t.call(admin, 'GET', '/api/feedback')).json().items as Array<{ id: string; text: string }>;
      const mine = list.find((f) => f.text.startsWith('办事指南中的咨询电话'))!;
      expect(mine).toBeTruthy();
      const pending = await get(`/items/${codeB}`, { 'if-none-match': etag });
      expect(pending.statusCode).toBe(200);
      expect(textOf(pending.body)).toContain('另有 1 条意见正在办理');
      expect((await t.call(admin, 'POST', `/api/feedback/${mine.id}/answer`, { answer: '已更正咨询电话为 0477-7210000。' })).statusCode).toBe(200);
      const answered = await get(`/items/${codeB}`);
      expect(textOf(answered.body)).toContain('答复 （');
      expect(answered.body).toContain('已更正咨询电话为 0477-7210000。');
      expect(answered.body).not.toContain('13800000000');
      expect(answered.body).not.toContain('张三');
    });

    it('the honeypot looks like success and stores nothing; a short text comes back with the form refilled and escaped', async () => {
      const before = (await t.call(admin, 'GET', '/api/feedback')).json().items.length;
      const bot = await post(`/feedback?publication=${encodeURIComponent(second)}`, { category: 'suggestion', text: '这是一条机器人填写的广告内容，请忽略。', website: 'http://spam.example' });
      expect(bot.statusCode).toBe(200);
      expect(bot.body).toContain('<h1>意见已收到</h1>');
      expect((await t.call(admin, 'GET', '/api/feedback')).json().items.length).toBe(before);
      const short = await post(`/feedback?publication=${encodeURIComponent(second)}`, { category: 'suggestion', text: '<i>太短</i>' });
      expect(short.statusCode).toBe(400);
      expect(short.body).toContain('意见内容应为 10～2000 字');
      expect(short.body).toContain('&lt;i&gt;太短&lt;/i&gt;</textarea>');
      expect((await post('/feedback', { category: 'suggestion', text: '没有目标的意见内容应当被拒绝。' })).statusCode).toBe(400);
      expect((await post(`/feedback?item=${demoUscc('150626', 7)}4150999999999`, { category: 'suggestion', text: '对不存在的事项提出的意见内容。' })).statusCode).toBe(404);
      expect((await post(`/feedback?item=${codeA}`, { category: 'bogus', text: '意见类型不正确的意见内容。' })).statusCode).toBe(400);
    });

    it('/feedback explains public supervision and offers the form for the current publication', async () => {
      const res = await get('/feedback');
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain(`action="/feedback?publication=${encodeURIComponent(second)}"`);
      expectAccessible(res.body);
    });
  });
});

describe('portal views (pure)', () => {
  const chrome: Chrome = { lang: 'zh-CN', elder: false, siteName: '乌审旗政务服务局', url: '/publications/x' };

  it('a publication with 2,000 changes stays under 60 KB compressed: each kind shows its first entries and points to the JSON', () => {
    const changes: ListChange[] = Array.from({ length: 2000 }, (_, i) => ({
      kind: i % 2 ? 'changed' : 'added', implementationCode: `${demoUscc('150626', 2)}41509${String(i).padStart(8, '0')}`, newImplementationCode: null,
      name: `<script>名称第${i}号（按办理情形拆分）`, orgId: 'o', orgName: '乌审旗市场监督管理局', fromVersionNo: 1, toVersionNo: 2, decisionNumbers: [`乌政服调〔2026〕${i}号`],
      diff: [{ path: 'materials[营业执照].copies', kind: 'changed', before: 2, after: 1 }, { path: 'promisedTimeLimit', kind: 'changed', before: { amount: 5, unit: 'workday' }, after: { amount: 3, unit: 'workday' } }],
    }));
    const page = detailPage(chrome, {
      publication: { number: '乌审旗政务服务事项清单 2026年第2版', publishedAt: '2026-03-01T02:00:00.000Z', previous: null, itemCount: 100000, logIndex: 3, listDigest: 'ab'.repeat(32), leafHash: null, changes, counts: { added: 1000, cancelled: 0, delegated: 0, entrusted: 0, changed: 1000 } },
      xlsx: true, feedback: [],
    });
    expect(page.match(/<li class="change">/g)).toHaveLength(2 * MAX_CHANGES_PER_KIND);
    expect(textOf(page)).toContain(`仅显示前 ${MAX_CHANGES_PER_KIND} 项，全部变更见 盖章 JSON`);
    expect(page).toContain('&lt;script&gt;名称');
    expect(page).not.toContain('<script>');
    expect(gzipSync(page).length).toBeLessThan(KB60);
    expect(textOf(page)).toContain('清单摘要（SHA-256）');
  });

  it('names the list digest the publication document declares (MuHash3072 for version 2)', () => {
    const publication = { number: '乌审旗政务服务事项清单 2026年第3版', publishedAt: '2026-03-01T02:00:00.000Z', previous: null, itemCount: 1, logIndex: null, listDigest: 'cd'.repeat(32), leafHash: null, changes: [], counts: { added: 0, cancelled: 0, delegated: 0, entrusted: 0, changed: 0 } };
    const page = detailPage(chrome, { publication: { ...publication, document: { listDigest: { algorithm: 'muhash3072-shake256' } } }, xlsx: false, feedback: [] });
    expect(textOf(page)).toContain('清单摘要（MuHash3072 / SHAKE256）');
  });

  it('names element paths in Chinese', () => {
    expect(pathLabel('materials[营业执照].copies')).toBe('申请材料〔营业执照〕 › 份数');
    expect(pathLabel('promisedTimeLimit.amount')).toBe('承诺办结时限 › 数量');
  });

  it('computes compression and reductions', () => {
    const totals = { items: 0, timeComparable: 0, compressionSum: 0, workdayItems: 0, statutoryWorkdays: 0, promisedWorkdays: 0, materialsBefore: 0, materialsNow: 0, stepsBefore: 0, stepsNow: 0, visitsBefore: 0, visitsNow: 0, zeroVisit: 0, onlineDepth: [0, 0, 0, 0, 0], immediate: 0 };
    addItem(totals, itemElements({ promisedTimeLimit: { amount: 5, unit: 'workday' } }, { statutoryTimeLimit: { amount: 20, unit: 'workday' } }));
    addItem(totals, itemElements({ promisedTimeLimit: { amount: 10, unit: 'day' } }, { statutoryTimeLimit: { amount: 1, unit: 'month' } }));
    expect(totals.timeComparable).toBe(1);
    expect(averageCompression(totals)).toBe(75);
    expect(totals.materialsBefore).toBe(12);
    expect(totals.materialsNow).toBe(2);
    expect(reduction(12, 2)).toBe(83.3);
    expect(reduction(0, 3)).toBe(0);
    expect(reduction(2, 5)).toBe(0);
  });
});
