import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ItemElements, UniformElements } from '../../../common/item-elements.ts';
import { demoUscc } from '../../bootstrap/demo/demo-orgs.ts';
import { itemElements, nextBasicCode, uniformElements } from '../../test/factories.ts';
import { expectAccessible, textOf } from '../../test/html.ts';
import { createEffectiveItem, demoOrg, demoOrgIds, demoUsccOf } from '../../test/routes.ts';
import { buildTestApp, TEST_DIALECT, type Session, type TestApp } from '../../test/test-app.ts';
import { compressionPercent, formatLimit, guidePage, type GuideModel } from './guide.view.ts';

// The public service guide (办事指南) at /items/:code, its printable version and the public list page /items:
// rendered from the element set only, escaped, cached by version, small, and readable without JavaScript.

describe(`service guide pages (${TEST_DIALECT})`, () => {
  let t: TestApp;
  let admin: Session;
  let orgIds: Record<string, string>;
  const org = (key: string) => orgIds[key];
  let richCode: string;
  let rich: ItemElements;

  beforeAll(async () => {
    t = await buildTestApp();
    admin = await t.login('admin');
    orgIds = await demoOrgIds(t, admin);

    const uniform = uniformElements({
      legalBasis: [
        { law: '《中华人民共和国食品安全法》', article: '第三十五条', clause: '国家对食品生产经营实行许可制度。', level: '法律', url: 'https://flk.npc.gov.cn/detail?id=spaqf' },
        { law: '《食品经营许可和备案管理办法》', article: '第十条', level: '部门规章' },
      ],
      process: [
        { name: '申请与受理', actor: '综合受理窗口', timeLimit: { amount: 0, unit: 'workday' }, description: '材料齐全、符合法定形式的，当场受理。' },
        { name: '审查', actor: '市场监管局审查人员', timeLimit: { amount: 2, unit: 'workday' } },
        { name: '决定与送达', actor: '分管负责人', timeLimit: { amount: 1, unit: 'workday' } },
      ],
      materials: [
        {
          name: '食品经营许可申请书', kind: '原件', copies: 1, required: '必要', source: '申请人自备', legalBasis: '《食品经营许可和备案管理办法》第十二条',
          blankForm: '/files/forms/spjy-sqs.docx', sample: 'https://zwfw.nmg.gov.cn/samples/spjy-sqs.pdf', fillGuide: '按表格提示逐项填写，签字并加盖公章。',
        },
        { name: '营业执照', kind: '电子', copies: 0, required: '必要', source: '政府部门核发', satisfiedBy: '营业执照电子证照' },
        { name: '食品安全管理制度', kind: '复印件', copies: 2, required: '容缺', source: '申请人自备' },
      ],
      result: { name: '食品经营许可证', kind: '证照', sampleFile: '/files/samples/spjyxkz.pdf', issuesLicenceType: '食品经营许可证电子证照' },
      intermediaryServices: [{ name: '食品检验检测', legalBasis: '《食品安全法》第八十四条', providerRequirement: '取得检验检测机构资质认定', timeLimit: { amount: 5, unit: 'workday' }, fee: '按服务合同' }],
    });
    rich = itemElements(
      {
        handlingItems: [
          { seq: 1, name: '食品经营许可（新办）', splitReason: '新设' },
          { seq: 2, name: '食品经营许可（变更）', splitReason: '变更' },
          { seq: 3, name: '食品经营许可（注销）', splitReason: '注销' },
        ],
        promisedTimeLimit: { amount: 3, unit: 'workday', note: '自受理之日起计算' },
        faq: [{ question: '可以委托他人代为办理吗？', answer: '可以。\n受托人须携带授权委托书和本人身份证件。' }],
        optimisation: { materialsBefore: 6, stepsBefore: 5, visitsBefore: 2, timeLimitBefore: { amount: 20, unit: 'workday' } },
      },
      uniform,
    );
    richCode = await effectiveItem('scjg', uniform, rich, { effectiveFrom: '2025-01-01', changeNote: '首次载入' });
  });
  afterAll(async () => {
    await t?.close();
  });

  const effectiveItem = async (orgKey: string, uniform: UniformElements, elements: ItemElements, opts: { effectiveFrom?: string; changeNote?: string } = {}): Promise<string> =>
    (await createEffectiveItem(t, admin, { orgId: org(orgKey), levelDigit: demoOrg(orgKey).level, uniform, elements, ...opts })).code;

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

  describe('GET /items/:code', () => {
    it('200 without login: HTML with every element of the effective version', async () => {
      const res = await get(`/items/${richCode}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      const text = textOf(res.body);
      const el = rich;
      // Header: name, type, org, codes, handling items with their 33-character codes.
      expect(res.body).toMatch(/<h1>食品经营许可<\/h1>/);
      for (const s of ['行政许可', '乌审旗市场监督管理局', richCode, richCode.slice(19), '县级', '法定本级行使', '法定机关']) expect(text).toContain(s);
      for (const h of el.handlingItems) {
        expect(text).toContain(`${richCode}${String(h.seq).padStart(2, '0')} ${h.name} ${h.splitReason}`);
      }
      // Conditions, recipients, basis, process.
      expect(text).toContain(el.acceptanceConditions);
      expect(text).toContain('企业法人、非法人企业');
      expect(text).toContain('《中华人民共和国食品安全法》 第三十五条 （法律）');
      expect(text).toContain('国家对食品生产经营实行许可制度。');
      expect(res.body).toContain('<a href="https://flk.npc.gov.cn/detail?id=spaqf">查看原文</a>');
      expect(text).toMatch(/申请与受理 办理人员：综合受理窗口 时限：即时办结 材料齐全、符合法定形式的，当场受理。.*审查 办理人员：市场监管局审查人员 时限：2个工作日.*决定与送达/);
      // Materials table: every column, links, 免提交.
      expect(text).toContain('申请材料清单（共 3 项，其中 1 项免提交）');
      expect(text).toContain('1 食品经营许可申请书 依据：《食品经营许可和备案管理办法》第十二条 原件 1 必要 申请人自备 空白表格 填写示例 按表格提示逐项填写，签字并加盖公章。');
      expect(res.body).toContain('<a href="/files/forms/spjy-sqs.docx">空白表格</a>');
      expect(res.body).toContain('<a href="https://zwfw.nmg.gov.cn/samples/spjy-sqs.pdf">填写示例</a>');
      expect(text).toContain('营业执照 免提交：通过“营业执照电子证照”共享获取，申请人无需提供 电子 — 必要 政府部门核发');
      expect(text).toContain('食品安全管理制度 复印件 2 容缺 申请人自备');
      // Time limits with compression, case kind, result, intermediary service, fees.
      expect(text).toContain('法定办结时限 10个工作日');
      expect(text).toContain('承诺办结时限 3个工作日 （自受理之日起计算）');
      expect(text).toContain('比法定时限压缩 70%');
      expect(text).toContain('办件类型 承诺件');
      expect(text).toContain('结果名称 食品经营许可证 结果类型 证照');
      expect(res.body).toContain('<a href="/files/samples/spjyxkz.pdf">查看样本</a>');
      expect(text).toContain('同步签发电子证照（食品经营许可证电子证照）');
      expect(text).toContain('食品检验检测 《食品安全法》第八十四条 取得检验检测机构资质认定 5个工作日 按服务合同');
      expect(text).toContain('收费标准 不收费');
      // Place, hours, phones, online handling, visits.
      for (const s of [el.place, el.hours, '咨询电话 0477-7212345', '监督投诉电话 0477-12345', '网上办理深度 全程网办', '到办事现场次数 0 次']) expect(text).toContain(s);
      expect(res.body).toContain('<a href="https://zwfw.nmg.gov.cn/guide/spjyxk">前往网上办理</a>');
      // 两优 record, FAQ, version information with the as-of link and the print link.
      expect(text).toContain('申请材料（项） 6 2');
      expect(text).toContain('办结时限 20个工作日 3个工作日');
      expect(res.body).toMatch(/<h3 id="faq-1">1\. 可以委托他人代为办理吗？<\/h3><p>可以。<\/p><p>受托人须携带授权委托书和本人身份证件。<\/p>/);
      expect(text).toContain('版本 第 1 版 生效日期 2025年1月1日 变更说明 首次载入');
      expect(res.body).toContain(`<a href="/items/${richCode}?asOf=2025-01-01">2025-01-01 起有效的版本</a>`);
      expect(res.body).toContain(`<a href="/items/${richCode}/print">打印版（A4）</a>`);
    });

    it('is well-formed for assistive technology and needs no JavaScript', async () => {
      expectAccessible((await get(`/items/${richCode}`)).body, 'zh-CN');
    });

    it('stays under 60 KB compressed, even with a hundred materials', async () => {
      const uniform = uniformElements({
        name: '建设工程规划许可',
        materials: Array.from({ length: 100 }, (_, i) => ({
          name: `建设工程设计方案图纸第${i + 1}册`, kind: '原件' as const, copies: 2, required: '必要' as const, source: '中介机构出具',
          blankForm: `/files/forms/jsgc-${i + 1}.docx`, sample: `/files/samples/jsgc-${i + 1}.pdf`,
          fillGuide: '图纸应当由具有相应资质的设计单位编制，加盖出图章和注册师执业章，比例尺与图例完整，总平面图标明用地红线、建筑退让距离及周边道路。'.repeat(2),
        })),
      });
      const code = await effectiveItem('zjj', uniform, itemElements({ faq: Array.from({ length: 20 }, (_, i) => ({ question: `问题${i + 1}：办理本事项需要注意什么？`, answer: '请按照申请材料清单准备齐全后再提交，材料不全的将一次性告知需要补正的全部内容。'.repeat(3) })) }, uniform));
      const res = await get(`/items/${code}`);
      expect(res.statusCode).toBe(200);
      expect(textOf(res.body)).toContain('建设工程设计方案图纸第100册');
      const size = gzipSync(res.body).length;
      expect(size).toBeLessThan(60 * 1024);
    });

    it('escapes HTML in every element: a <script> in a name, an attribute breaker in a material, markup in the FAQ', async () => {
      const evil = '<script>alert("xss")</script>食品经营许可';
      const uniform = uniformElements({
        name: evil,
        acceptanceConditions: '<img src=x onerror=alert(1)>受理条件',
        materials: [{ name: '申请书" onmouseover="alert(1)', kind: '原件', copies: 1, required: '必要', source: '<b>申请人自备</b>', blankForm: '/files/a.docx?x="><script>alert(2)</script>' }],
      });
      const code = await effectiveItem('scjg', uniform, itemElements({ faq: [{ question: '</h3><h1>伪造标题</h1>', answer: '<a href="javascript:alert(3)">点此</a>' }] }, uniform));
      const res = await get(`/items/${code}`);
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toMatch(/<script/i);
      expect(res.body).not.toMatch(/<img/i);
      expect(res.body).not.toContain('onmouseover="');
      expect(res.body).not.toContain('href="javascript:');
      expect(res.body).toContain('&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;食品经营许可');
      expect(res.body.match(/<h1>/g)).toHaveLength(1);
      const text = textOf(res.body);
      expect(text).toContain(evil);
      expect(text).toContain('申请书" onmouseover="alert(1)');
      expect(text).toContain('</h3><h1>伪造标题</h1>');
      expect(res.body).toContain('<title>&lt;script&gt;');
    });

    it('shows the effective version, never a draft', async () => {
      const uniform = uniformElements({ name: '餐饮服务许可' });
      const code = await effectiveItem('scjg', uniform, itemElements({}, uniform));
      const draft = await t.call(admin, 'POST', `/api/items/${code}/drafts`, {});
      const versionNo = draft.json().version.versionNo as number;
      await t.call(admin, 'PUT', `/api/items/${code}/versions/${versionNo}`, { elements: itemElements({ consultPhone: '0477-草稿电话' }, { ...uniform, name: '餐饮服务许可（草稿）' }) });
      const body = (await get(`/items/${code}`)).body;
      expect(body).toContain('<h1>餐饮服务许可</h1>');
      expect(body).not.toContain('草稿');
    });

    it('shows a fee table, the entrusting org and a 行政备案 without approval wording', async () => {
      const uniform = uniformElements({ name: '特种设备使用登记' });
      const code = await effectiveItem('scjg', uniform, itemElements({
        fees: [{ name: '检验费', standard: '每台 200 元', basis: '《内蒙古自治区特种设备检验收费标准》' }],
        powerSource: 5, implementerNature: 3, entrustingOrgId: org('city'),
      }, uniform));
      const text = textOf((await get(`/items/${code}`)).body);
      expect(text).toContain('收费项目 收费标准 收费依据 检验费 每台 200 元 《内蒙古自治区特种设备检验收费标准》');
      expect(text).not.toContain('不收费');
      expect(text).toContain('权力来源 上级委托');
      expect(text).toContain('实施主体性质 受委托组织');
      expect(text).toContain('委托机关 鄂尔多斯市行政审批和政务服务局');

      const filingUniform = uniformElements({
        name: '建设工程消防验收备案', type: '11',
        materials: [{ name: '消防验收备案表', kind: '原件', copies: 1, required: '必要', source: '申请人自备' }],
        result: { name: '备案凭证', kind: '凭证' },
      });
      const filing = await effectiveItem('zjj', filingUniform, itemElements({
        filing: { category: 'notice', secret: false },
        handlingItems: [{ seq: 1, name: '建设工程消防验收备案', splitReason: '新设' }],
      }, filingUniform));
      const filingText = textOf((await get(`/items/${filing}`)).body);
      expect(filingText).toContain('行政备案');
      expect(filingText).toContain('备案类别 事后告知类');
      expect(filingText).not.toMatch(/审批|批准/);
    });

    it('?asOf= shows the version effective that day, with a notice and a link to the current one', async () => {
      const uniform = uniformElements({ name: '食品小摊点备案登记' });
      const code = await effectiveItem('scjg', uniform, itemElements({}, uniform), { effectiveFrom: '2025-01-01' });
      const draft = await t.call(admin, 'POST', `/api/items/${code}/drafts`, {});
      const versionNo = draft.json().version.versionNo as number;
      await t.call(admin, 'PUT', `/api/items/${code}/versions/${versionNo}`, { elements: itemElements({ promisedTimeLimit: { amount: 1, unit: 'workday' } }, uniform) });
      expect((await t.call(admin, 'POST', `/api/items/${code}/versions/${versionNo}/load`, { effectiveFrom: '2025-07-01' })).statusCode).toBe(200);

      const old = textOf((await get(`/items/${code}?asOf=2025-03-01`)).body);
      expect(old).toContain('您正在查看 2025年3月1日 有效的办事指南（第 1 版）');
      expect(old).toContain('承诺办结时限 3个工作日');
      expect(old).toContain('有效期至 2025年6月30日');
      const current = (await get(`/items/${code}`)).body;
      expect(textOf(current)).toContain('承诺办结时限 1个工作日');
      expect(textOf(current)).toContain('版本 第 2 版 生效日期 2025年7月1日');
      expect(current).not.toContain('您正在查看');
      expect(textOf((await get(`/items/${code}/print?asOf=2025-03-01`)).body)).toContain('承诺办结时限 3个工作日');
    });

    it('404 (Chinese page) for an unknown code, a malformed code, a draft-only item, a secret item, a date before the item existed', async () => {
      const draftOnly = await t.call(admin, 'POST', '/api/items', {
        catalogueItemId: (await t.call(admin, 'POST', '/api/catalogue-items', { basicCode: nextBasicCode(), origin: 'provincial', levels: [4], uniform: uniformElements() })).json().id,
        orgId: org('scjg'), levelDigit: 4,
      });
      const secretUniform = uniformElements({ name: '涉密单位备案', type: '11' });
      const secret = await effectiveItem('zjj', secretUniform, itemElements({ filing: { category: 'notice', secret: true } }, secretUniform));
      for (const url of [
        `/items/${demoUsccOf('scjg')}4150999999999`, '/items/not-a-code', `/items/${richCode.slice(0, 30)}a`, `/items/${draftOnly.json().implementationCode}`,
        `/items/${secret}`, `/items/${secret}/print`, `/items/${richCode}?asOf=2024-12-01`,
      ]) {
        const res = await get(url);
        expect(res.statusCode, url).toBe(404);
        expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
        expect(res.body).toContain('<h1>未找到该事项</h1>');
        expect(res.body).toContain('<html lang="zh-CN">');
        expect(res.body).not.toContain('涉密单位备案');
      }
      // A conditional request cannot probe for a secret item either, with `*` or a guessed tag.
      const generation = /-o(\d+)"$/.exec((await get(`/items/${richCode}`)).headers.etag as string)![1];
      for (const tag of ['*', `"${secret}-1-o${generation}"`]) {
        expect((await get(`/items/${secret}`, { 'if-none-match': tag })).statusCode, tag).toBe(404);
      }
    });

    it('400 (Chinese page) for a malformed date', async () => {
      for (const asOf of ['2025-13-45', 'yesterday', '2025-1-1']) {
        const res = await get(`/items/${richCode}?asOf=${asOf}`);
        expect(res.statusCode, asOf).toBe(400);
        expect(res.body).toContain('<h1>查询条件有误</h1>');
      }
    });
  });

  describe('caching by version', () => {
    it('ETag is the implementation code and version number (and the org generation); If-None-Match answers 304; a new version changes it', async () => {
      const uniform = uniformElements({ name: '食品生产加工小作坊登记' });
      const code = await effectiveItem('scjg', uniform, itemElements({}, uniform));
      const first = await get(`/items/${code}`);
      const tag = first.headers.etag as string;
      expect(tag).toMatch(new RegExp(`^"${code}-1-o\\d+"$`));
      expect(first.headers['cache-control']).toMatch(/public/);
      const again = await get(`/items/${code}`, { 'if-none-match': tag });
      expect(again.statusCode).toBe(304);
      expect(again.body).toBe('');
      expect((await get(`/items/${code}`, { 'if-none-match': `W/${tag}` })).statusCode).toBe(304);
      // Served again from memory: the same bytes and tag.
      const cached = await get(`/items/${code}`);
      expect(cached.headers.etag).toBe(tag);
      expect(cached.body).toBe(first.body);
      const print = await get(`/items/${code}/print`);
      expect(print.headers.etag).toMatch(new RegExp(`^"${code}-1-print-o\\d+"$`));

      const draft = await t.call(admin, 'POST', `/api/items/${code}/drafts`, {});
      const versionNo = draft.json().version.versionNo as number;
      await t.call(admin, 'PUT', `/api/items/${code}/versions/${versionNo}`, { elements: itemElements({ hours: '工作日 8:30—17:30' }, uniform) });
      // A draft does not change the published guide.
      expect((await get(`/items/${code}`, { 'if-none-match': tag })).statusCode).toBe(304);
      await t.call(admin, 'POST', `/api/items/${code}/versions/${versionNo}/load`, {});
      const changed = await get(`/items/${code}`, { 'if-none-match': tag });
      expect(changed.statusCode).toBe(200);
      expect(changed.headers.etag).toMatch(new RegExp(`^"${code}-2-o\\d+"$`));
      expect(textOf(changed.body)).toContain('工作日 8:30—17:30');
    });
  });

  describe('GET /items/:code/print', () => {
    it('the same content on A4, without navigation or forms', async () => {
      const res = await get(`/items/${richCode}/print`);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('@page{size:A4');
      expect(res.body).not.toMatch(/<nav|<form/);
      expect(res.body).toMatch(/<title>食品经营许可 · 办事指南 · 乌审旗政务服务局（打印版）<\/title>/);
      const text = textOf(res.body);
      const screen = textOf((await get(`/items/${richCode}`)).body);
      for (const s of ['受理条件', '申请材料清单（共 3 项，其中 1 项免提交）', '比法定时限压缩 70%', '可以委托他人代为办理吗？', '不收费', `${richCode}03`, '第 1 版']) {
        expect(screen).toContain(s);
        expect(text).toContain(s);
      }
      // On paper a link is no use: the online guide's address is printed out.
      expect(text).toContain('网上办事指引 https://zwfw.nmg.gov.cn/guide/spjyxk');
      expectAccessible(res.body, 'zh-CN');
    });
  });

  describe('GET /items (the public list)', () => {
    let listed: string[];
    beforeAll(async () => {
      listed = [];
      for (let i = 0; i < 22; i++) {
        const uniform = uniformElements({ name: `草原征占用审核${String(i).padStart(2, '0')}`, type: i < 2 ? '07' : '01' });
        listed.push(await effectiveItem('lcj', uniform, itemElements({}, uniform)));
      }
    });

    it('is reachable from the home page', async () => {
      expect((await get('/')).body).toContain('<a href="/items">');
    });

    it('lists the current items with links to their guides, a search box and filters', async () => {
      const res = await get(`/items?org=${org('lcj')}`);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('<input type="search" name="q"');
      expect(res.body).toContain(`<option value="${org('lcj')}" selected>乌审旗林业和草原局</option>`);
      expect(res.body).toContain('<option value="11">行政备案</option>');
      expect(textOf(res.body)).toContain('共找到 22 项事项');
      expect(res.body).toContain(`<a href="/items/${[...listed].sort()[0]}">`);
      expect(res.body.match(/<tr><th scope="row">/g)).toHaveLength(20);
      expectAccessible(res.body, 'zh-CN');
    });

    it('pages with the cursor: the second page holds the rest, and links back to the first', async () => {
      const first = await get(`/items?org=${org('lcj')}`);
      const next = first.body.match(/<a href="([^"]+)" rel="next">下一页<\/a>/)![1].replace(/&amp;/g, '&');
      expect(next).toContain('cursor=');
      const second = await get(next);
      expect(second.statusCode).toBe(200);
      const links = (html: string) => [...html.matchAll(/<a href="\/items\/([0-9A-Z]{31})">/g)].map((m) => m[1]);
      expect([...links(first.body), ...links(second.body)]).toEqual([...listed].sort());
      expect(second.body).not.toContain('rel="next"');
      expect(second.body).toContain('回到第一页');
    });

    it('searches and filters by type; a search with no hit says so', async () => {
      const found = await get(`/items?q=${encodeURIComponent('草原征占用审核03')}`);
      expect(textOf(found.body)).toContain('共找到 1 项事项');
      expect(found.body).toContain('value="草原征占用审核03"');
      const typed = await get(`/items?org=${org('lcj')}&type=07`);
      expect(textOf(typed.body)).toContain('共找到 2 项事项');
      const none = await get(`/items?q=${encodeURIComponent('不存在的事项名称')}`);
      expect(textOf(none.body)).toContain('没有找到符合条件的事项');
    });

    it('never lists drafts or secret items; a malformed date or cursor gets a Chinese 400 page', async () => {
      const body = (await get('/items?q=%E6%B6%89%E5%AF%86')).body;
      expect(textOf(body)).toContain('共找到 0 项事项');
      expect((await get('/items?asOf=2025-02-30x')).statusCode).toBe(400);
      const bad = await get(`/items?q=${encodeURIComponent('草原')}&cursor=${Buffer.from('-1').toString('base64url')}`);
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('<h1>查询条件有误</h1>');
    });
  });
});

describe('guide view (pure)', () => {
  const model = (elements: Partial<ItemElements>): GuideModel => ({
    siteName: '乌审旗政务服务局', implementationCode: `${demoUscc('150626', 2)}4150900000001`, basicCode: '150900000001', orgName: '乌审旗市场监督管理局',
    typeLabel: '行政许可', versionNo: 1, effectiveFrom: '2025-12-31T16:00:00.000Z', effectiveTo: null, changeNote: null,
    elements: itemElements(elements), handlingItems: [], entrustingOrgName: null, asOf: null,
  });

  it('renders only web and site links as links: a javascript: URL is shown as text', () => {
    const page = guidePage(model({ onlineGuideUrl: 'javascript:alert(1)' }));
    expect(page).not.toContain('href="javascript:');
    expect(page).toContain('javascript:alert(1)');
  });

  it('formats limits and the compression percentage', () => {
    expect(formatLimit({ amount: 20, unit: 'workday' })).toBe('20个工作日');
    expect(formatLimit({ amount: 3, unit: 'month' })).toBe('3个月');
    expect(formatLimit({ amount: 0, unit: 'day' })).toBe('即时办结');
    expect(compressionPercent({ amount: 20, unit: 'workday' }, { amount: 5, unit: 'workday' })).toBe(75);
    expect(compressionPercent({ amount: 1, unit: 'month' }, { amount: 5, unit: 'workday' })).toBeNull();
  });

  it('dates are China dates: an instant of 16:00 UTC is the next day', () => {
    expect(guidePage(model({}))).toContain('2026年1月1日');
  });
});
