// 清单 journeys (issue 3): the public service guide, the workbench list with a search, a department editor's
// draft (changed, validated inline, saved), direct loading with a version diff, import with its error report,
// a catalogue version flagging an item for review, and the consistency check. Each journey makes its own item
// through the API (as the demo administrator) and leaves no consistency deviation behind, so it neither depends
// on nor disturbs the demo list or other journeys.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { join } from 'node:path';
import { artifactsDir, demoPassword, journey, logIn } from './harness.ts';

interface Session {
  cookie: string;
  csrf: string;
}

async function call<T>(baseUrl: string, session: Session | null, method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (session) {
    headers.cookie = session.cookie;
    if (method !== 'GET') headers['x-csrf-token'] = session.csrf;
  }
  const response = await fetch(`${baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${text.slice(0, 500)}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

async function apiLogin(baseUrl: string, username: string): Promise<Session> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ username, password: demoPassword }),
  });
  assert.equal(response.status, 200, `API login as ${username}`);
  const me = (await response.json()) as { csrfToken: string };
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { cookie, csrf: me.csrfToken };
}

/** A complete, valid element set for an implemented item (as server/test/factories.ts builds one). */
function elementsFor(name: string) {
  const uniform = {
    name,
    type: '01',
    legalBasis: [{ law: '《中华人民共和国食品安全法》', article: '第三十六条', level: '法律' }],
    acceptanceConditions: '从事食品生产加工的小作坊，应当具有与生产加工的食品品种、数量相适应的场所和设备。',
    serviceRecipients: [1, 5],
    process: [
      { name: '受理', actor: '窗口工作人员', description: '核对申请材料是否齐全、符合法定形式' },
      { name: '审查', actor: '审查人员', timeLimit: { amount: 5, unit: 'workday' } },
      { name: '决定', actor: '分管负责人' },
    ],
    materials: [
      { name: '食品生产加工小作坊登记申请书', kind: '原件', copies: 1, required: '必要', source: '申请人自备', blankForm: '/files/forms/xzf-apply.docx' },
      { name: '生产加工场所平面图', kind: '复印件', copies: 1, required: '必要', source: '申请人自备' },
      { name: '营业执照', kind: '电子', copies: 0, required: '必要', source: '政府部门核发', satisfiedBy: '营业执照电子证照' },
    ],
    statutoryTimeLimit: { amount: 10, unit: 'workday' },
    result: { name: '食品生产加工小作坊登记证', kind: '证照', issuesLicenceType: '食品小作坊登记证' },
    handlingItemSplit: '按新设、变更、延续、注销拆分',
    intermediaryServices: [],
  };
  return {
    uniform,
    elements: {
      ...uniform,
      handlingItems: [
        { seq: 1, name: `${name}（新设）`, splitReason: '新设' },
        { seq: 2, name: `${name}（变更）`, splitReason: '变更' },
      ],
      promisedTimeLimit: { amount: 7, unit: 'workday' },
      caseKind: 2,
      powerSource: 1,
      implementerNature: 1,
      entrustingOrgId: null,
      place: '乌审旗政务服务中心一楼市场监管窗口',
      hours: '工作日 9:00—12:00，14:30—17:30',
      consultPhone: '0477-7212345',
      complaintPhone: '0477-12345',
      onlineDepth: 3,
      onlineGuideUrl: 'https://zwfw.nmg.gov.cn/guide/xzfdj',
      visitsRequired: 1,
      inServiceHall: true,
      selfServiceTerminal: false,
      fees: [],
      faq: [{ question: '小作坊登记证有效期多久？', answer: '登记证有效期为三年，期满前 30 日内申请延续。' }],
      themes: ['市场准入', '食品药品'],
      keywords: ['小作坊', '食品'],
      optimisation: { materialsBefore: 5, stepsBefore: 4, visitsBefore: 2 },
      filing: null,
    },
  };
}

interface Created {
  code: string;
  name: string;
}

/**
 * Makes an effective item of 市场监督管理局 (scjg's org) with a unique name: catalogue item, item, version 1
 * loaded directly (初始载入).
 */
async function createEffectiveItem(
  baseUrl: string,
  options: { deviate?: boolean } = {},
): Promise<Created & { catalogueItemId: string; uniform: ReturnType<typeof elementsFor>['uniform']; levels: number[] }> {
  const admin = await apiLogin(baseUrl, 'admin');
  const stamp = String(Date.now()).slice(-7);
  const name = `食品生产加工小作坊登记（演示${stamp}）`;
  const { uniform, elements } = elementsFor(name);
  const users = await call<{ items: Array<{ username: string; orgId: string }> }>(baseUrl, admin, 'GET', '/api/users?q=scjg');
  const orgId = users.items.find((u) => u.username === 'scjg')?.orgId;
  assert.ok(orgId, 'demo account scjg exists');
  const org = await call<{ level: number }>(baseUrl, admin, 'GET', `/api/orgs/${orgId}`);
  const cat = await call<{ id: string }>(baseUrl, admin, 'POST', '/api/catalogue-items', {
    basicCode: `15099${stamp}`, origin: 'provincial', levels: [org.level], uniform, changeNote: '浏览器测试',
  });
  const item = await call<{ implementationCode: string }>(baseUrl, admin, 'POST', '/api/items', { catalogueItemId: cat.id, orgId, levelDigit: org.level });
  const code = item.implementationCode;
  // A deviating item differs from its catalogue item in a uniform element (同源 deviation once effective).
  if (options.deviate) elements.materials[1]!.copies = 3;
  const saved = await call<{ problems: unknown[] }>(baseUrl, admin, 'PUT', `/api/items/${code}/versions/1`, { elements, changeNote: '初始载入' });
  assert.deepEqual(saved.problems, [], 'the element set is valid');
  // Effective now: the list published at start-up is frozen, nothing may take effect before it.
  await call(baseUrl, admin, 'POST', `/api/items/${code}/versions/1/load`, {});
  return { code, name, catalogueItemId: cat.id, uniform, levels: [org.level] };
}

/** Publishes a catalogue version with these uniform elements (as the administrator). */
async function publishCatalogueVersion(baseUrl: string, catalogueItemId: string, levels: number[], uniform: object): Promise<void> {
  const admin = await apiLogin(baseUrl, 'admin');
  await call(baseUrl, admin, 'POST', `/api/catalogue-items/${catalogueItemId}/versions`, { levels, uniform, changeNote: '浏览器测试：恢复' });
}

/** The viewport only (the full-page shot of the editor is very tall). */
async function viewportShot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(artifactsDir, `${name}.png`), animations: 'disabled' });
}

journey('公众打开事项的办事指南', async ({ page, baseUrl, screenshot }) => {
  const item = await createEffectiveItem(baseUrl);
  const response = await page.goto(`/items/${item.code}`);
  assert.equal(response?.status(), 200);
  await page.getByRole('heading', { name: item.name }).first().waitFor();
  const body = await page.locator('body').innerText();
  assert.match(body, /食品生产加工小作坊登记申请书/, 'materials listed');
  assert.match(body, /7\s*个工作日/, 'promised time limit shown');
  assert.match(body, /中华人民共和国食品安全法/, 'legal basis shown');
  await screenshot('item-guide');
});

journey('部门经办人检索事项清单', async ({ page, screenshot }) => {
  await logIn(page, 'scjg');
  await page.getByRole('menuitem', { name: '事项清单' }).click();
  await page.waitForURL('**/admin/items');
  await page.getByLabel('检索事项').fill('食品');
  await page.getByLabel('检索事项').press('Enter');
  await page.waitForURL(/q=/);
  await page.getByTestId('items-total').filter({ hasText: '相关的事项' }).waitFor();
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  await rows.first().waitFor();
  assert.ok((await rows.count()) > 0, 'search finds items');
  assert.match(await rows.first().innerText(), /食品/);
  await screenshot('items-list');
});

journey('部门经办人新建草稿、修改承诺时限和材料并保存', async ({ page, baseUrl, screenshot }) => {
  const item = await createEffectiveItem(baseUrl);
  await logIn(page, 'scjg');
  await page.getByRole('menuitem', { name: '事项清单' }).click();
  await page.getByLabel('检索事项').fill(item.name);
  await page.getByLabel('检索事项').press('Enter');
  await page.getByRole('link', { name: item.name }).click();
  await page.waitForURL(`**/admin/items/${item.code}`);
  await page.getByRole('tab', { name: /草稿/ }).click();
  await page.getByRole('button', { name: '新建草稿' }).click();
  await page.getByTestId('draft-toolbar').waitFor();

  // Name and type identify the catalogue item: a department editor sees them locked.
  assert.ok(await page.getByText('统一要素，随基本目录').first().isVisible());
  assert.ok(await page.locator('#el-name').isDisabled(), 'the name is read-only for a department editor');
  assert.equal(await page.getByTestId('catalogue-deviations').count(), 0, 'a fresh draft matches the catalogue');

  // A promised limit above the statutory one is flagged beside the field as it is typed.
  const promised = page.locator('#el-promisedTimeLimit');
  await promised.fill('15');
  await page.locator('[data-path="promisedTimeLimit"]').getByText('承诺办结时限不能超过法定办结时限').waitFor();
  assert.match(await page.getByTestId('validation-state').innerText(), /1 个问题/);
  await promised.fill('5');
  await page.locator('[data-path="promisedTimeLimit"]').getByText('承诺办结时限不能超过法定办结时限').waitFor({ state: 'detached' });

  // The change note, and a material: two copies of the floor plan instead of one.
  await page.getByLabel('修改说明').fill('压缩承诺时限；平面图改为两份');
  const copies = page.locator('#el-materials-1-copies');
  assert.equal(await copies.inputValue(), '1');
  await copies.fill('2');
  await page.getByText('有未保存的修改').waitFor();
  // Materials are uniform elements: the editor says the draft now departs from the catalogue (同源).
  await page.getByTestId('catalogue-deviations').filter({ hasText: '申请材料' }).waitFor();

  await page.getByRole('button', { name: '保存草稿' }).click();
  await page.getByTestId('save-state').filter({ hasText: '已保存' }).waitFor();
  await page.getByTestId('validation-state').filter({ hasText: '校验通过' }).waitFor();
  await page.evaluate(() => window.scrollTo(0, 0));
  await viewportShot(page, 'item-editor-top');
  await screenshot('item-editor');

  // What was saved is what the server holds.
  await page.reload();
  await page.getByRole('tab', { name: /草稿 v2/ }).click();
  assert.equal(await page.locator('#el-promisedTimeLimit').inputValue(), '5');
  assert.equal(await page.locator('#el-materials-1-copies').inputValue(), '2');
  await page.getByTestId('validation-state').filter({ hasText: '校验通过' }).waitFor();

  // The list keeps the open draft at hand under the table.
  await page.getByRole('menuitem', { name: '事项清单' }).click();
  await page.waitForURL('**/admin/items');
  await page.getByTestId('drafts-card').getByRole('link', { name: item.name }).waitFor();
});

journey('管理员使草稿直接生效并比较两个版本', async ({ page, baseUrl, screenshot }) => {
  const item = await createEffectiveItem(baseUrl);
  const admin = await apiLogin(baseUrl, 'admin');
  const draft = await call<{ version: { elements: { promisedTimeLimit: unknown; materials: Array<{ copies: number }> } } }>(
    baseUrl, admin, 'POST', `/api/items/${item.code}/drafts`, {},
  );
  const elements = draft.version.elements;
  elements.promisedTimeLimit = { amount: 3, unit: 'workday' };
  elements.materials[1]!.copies = 2;
  await call(baseUrl, admin, 'PUT', `/api/items/${item.code}/versions/2`, { elements, changeNote: '两优：压缩时限' });

  await logIn(page, 'admin');
  await page.goto(`/admin/items/${item.code}?tab=draft`);
  await page.getByRole('button', { name: '直接生效（初始载入）' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText('仅用于初始清单载入').waitFor();
  await dialog.getByRole('button', { name: '生效' }).click();
  await page.getByText('草稿 v2 已生效').waitFor();
  // Version 1 took effect today, so the dialog proposed tomorrow: version 2 is scheduled.
  await page.getByRole('tab', { name: '现行版本' }).waitFor();

  await page.getByRole('tab', { name: /版本历史/ }).click();
  await page.locator('.ant-table-row', { hasText: 'v2' }).getByText('待生效').waitFor();
  await page.getByRole('button', { name: '与 v1 比较' }).click();
  const diff = page.getByTestId('diff-table');
  await diff.waitFor();
  const text = await diff.innerText();
  assert.match(text, /承诺办结时限/);
  assert.match(text, /生产加工场所平面图/);
  await screenshot('item-history');
});

journey('部门经办人导出清单后导入，看到逐格错误报告', async ({ page, screenshot }) => {
  await logIn(page, 'scjg');
  await page.goto('/admin/items');
  await page.getByTestId('items-total').filter({ hasText: '共' }).waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Excel' }).click()]);
  assert.match(download.suggestedFilename(), /\.xlsx$/);
  const buffer = await readFile(await download.path());

  // The whole list holds other orgs' items, which a department may not import: nothing is written (mode all).
  await page.getByRole('button', { name: '导入' }).click();
  await page.waitForURL('**/admin/items/import');
  await page.locator('input[type=file]').setInputFiles({ name: download.suggestedFilename(), mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
  await page.getByRole('button', { name: '开始导入' }).click();
  const report = page.getByTestId('import-report');
  await report.waitFor({ timeout: 30_000 });
  assert.match(await report.innerText(), /未导入任何事项/);
  const rows = report.locator('.ant-table-tbody tr.ant-table-row');
  assert.ok((await rows.count()) > 0, 'the report lists the bad cells');
  assert.match(await rows.first().innerText(), /只能导入本单位的事项/);
  await screenshot('items-import-report');
});

journey('目录新版本标记需复核，实施机构承接新版本', async ({ page, baseUrl, screenshot }) => {
  const item = await createEffectiveItem(baseUrl);
  await logIn(page, 'admin');
  await page.getByRole('menuitem', { name: '基本目录' }).click();
  await page.getByLabel('检索目录事项').fill(item.name);
  await page.getByLabel('检索目录事项').press('Enter');
  await page.getByRole('link', { name: item.name }).click();
  await page.getByRole('button', { name: '新版本' }).click();
  await page.waitForURL('**/new-version');

  // The province extends the statutory limit: one material change, shown before publishing.
  await page.locator('#el-statutoryTimeLimit').fill('15');
  await page.getByText('与现行第 1 版的差异：1 处').waitFor();
  await page.getByLabel('修改说明').fill('依据新修订的条例延长法定时限');
  await page.getByRole('button', { name: '发布新版本' }).click();
  await page.getByText(/已发布 .* 目录第 2 版/).waitFor();
  const flagged = page.getByTestId('flagged-items');
  await flagged.getByText(item.code).waitFor();
  assert.match(await flagged.innerText(), /法定办结时限/);
  await screenshot('catalogue-flagged');

  await flagged.getByRole('link', { name: item.code }).click();
  await page.waitForURL(/tab=review/);
  const diff = page.getByTestId('diff-table');
  assert.match(await diff.innerText(), /法定办结时限/);
  await screenshot('item-review');
  await page.getByRole('button', { name: '承接目录新版本' }).click();
  await page.getByText('已承接目录新版本').waitFor();
  await page.getByTestId('draft-toolbar').waitFor();
  assert.equal(await page.locator('#el-statutoryTimeLimit').inputValue(), '15');
  assert.equal(await page.getByTestId('catalogue-deviations').count(), 0, 'the draft now follows the catalogue');

  // Leave no deviation behind: the catalogue returns to what the effective version holds, the draft goes.
  await publishCatalogueVersion(baseUrl, item.catalogueItemId, item.levels, item.uniform);
  const admin = await apiLogin(baseUrl, 'admin');
  await call(baseUrl, admin, 'POST', `/api/items/${item.code}/versions/2/discard`, {});
});

journey('同源检查列出与基本目录不一致的统一要素', async ({ page, baseUrl, screenshot }) => {
  const item = await createEffectiveItem(baseUrl, { deviate: true });
  await logIn(page, 'scjg');
  await page.getByRole('menuitem', { name: '同源检查' }).click();
  await page.waitForURL('**/admin/consistency');
  await page.getByPlaceholder('按事项名称、编码或机构筛选').fill(item.name);
  await page.getByPlaceholder('按事项名称、编码或机构筛选').press('Enter');
  const group = page.locator('.ant-collapse-item', { hasText: item.name });
  await group.waitFor();
  const text = await group.innerText();
  assert.match(text, /申请材料〔生产加工场所平面图〕 › 份数/);
  assert.match(text, /不一致/);
  await screenshot('consistency');

  // The catalogue adopts the item's value (the province confirmed it): the deviation clears on the next check.
  const materials = item.uniform.materials.map((m, i) => (i === 1 ? { ...m, copies: 3 } : m));
  await publishCatalogueVersion(baseUrl, item.catalogueItemId, item.levels, { ...item.uniform, materials });
  await page.getByRole('button', { name: '重新检查' }).click();
  await group.waitFor({ state: 'detached' });
});
