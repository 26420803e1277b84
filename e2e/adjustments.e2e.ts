// 动态调整 in the browser (issue 4): a department delegates an item to a town, the leader signs off, the bureau returns it,
// the clerk revises, the bureau approves, and the item is implemented by the town under its new code.
import assert from 'node:assert/strict';
import { request, type APIRequestContext, type Page } from 'playwright-core';
import { demoPassword, journey, logIn } from './harness.ts';
import { itemElements, nextBasicCode, uniformElements } from '../server/test/factories.ts';

interface Api {
  ctx: APIRequestContext;
  call: <T = unknown>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown) => Promise<T>;
}

/** A signed-in API client (own cookies) for arranging data the journey needs. */
async function apiAs(baseUrl: string, username: string): Promise<Api> {
  const ctx = await request.newContext({ baseURL: baseUrl });
  const login = await ctx.post('/api/auth/login', { data: { username, password: demoPassword } });
  assert.equal(login.status(), 200, await login.text());
  const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
  const call = async <T,>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<T> => {
    const res = await ctx.fetch(path, { method, data: method === 'GET' ? undefined : (body ?? {}), headers: method === 'GET' ? {} : { 'x-csrf-token': csrf } });
    const text = await res.text();
    assert.ok(res.ok(), `${method} ${path} → ${res.status()} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
  return { ctx, call };
}

/** An effective item of 市场监督管理局 made through the API (the demo may not have one to spare). */
async function effectiveItem(admin: Api, scjgId: string, name: string): Promise<string> {
  const cat = await admin.call<{ id: string }>('POST', '/api/catalogue-items', { basicCode: nextBasicCode(), origin: 'provincial', levels: [4, 5], uniform: uniformElements({ name }) });
  const item = await admin.call<{ implementationCode: string }>('POST', '/api/items', { catalogueItemId: cat.id, orgId: scjgId, levelDigit: 4 });
  const code = item.implementationCode;
  const saved = await admin.call<{ problems: unknown[] }>('PUT', `/api/items/${code}/versions/1`, { elements: itemElements({}, { name }) });
  assert.deepEqual(saved.problems, []);
  // Effective now: a list published earlier today freezes anything before it.
  await admin.call('POST', `/api/items/${code}/versions/1/load`, {});
  return code;
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.waitForURL('**/admin/login');
}

/** Signs in as another user and opens the request. */
async function openAs(page: Page, username: string, requestId: string): Promise<void> {
  await signOut(page);
  await logIn(page, username);
  await page.goto(`/admin/adjustments/${requestId}`);
  await page.getByTestId('history').waitFor();
}

/** Clicks an action button of the request and confirms its dialog (with an opinion when given). */
async function act(page: Page, button: string, confirm: string, opinion?: string): Promise<void> {
  await page.getByTestId('request-actions').getByRole('button', { name: button, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  // A click during antd's zoom-in animation can be lost: wait until the modal has settled.
  await page.waitForFunction(() => !document.querySelector('.ant-zoom-appear, .ant-zoom-enter'));
  if (opinion) await dialog.getByRole('textbox').fill(opinion);
  await dialog.getByRole('button', { name: confirm }).click();
  await dialog.waitFor({ state: 'hidden' });
}

async function stateIs(page: Page, label: string): Promise<void> {
  await page.locator('.ant-card-head').getByText(label, { exact: true }).waitFor();
}

/** Picks the option of an antd Select by its text. */
async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
}

journey(
  '部门下放事项至嘎鲁图镇：经办人申请 → 负责人提交 → 审核退回 → 修改重报 → 批准生效',
  async ({ page, baseUrl, screenshot }) => {
    const admin = await apiAs(baseUrl, 'admin');
    const orgs = (await admin.call<{ items: Array<{ id: string; nameZh: string }> }>('GET', '/api/orgs')).items;
    const scjgId = orgs.find((o) => o.nameZh.includes('市场监督管理局'))!.id;
    const gltId = orgs.find((o) => o.nameZh === '嘎鲁图镇')!.id;
    const suffix = String(Date.now()).slice(-6);
    const itemName = `兽药经营许可（测试${suffix}）`;
    const code = await effectiveItem(admin, scjgId, itemName);

    // 1. The clerk files a delegate request in the wizard and saves it as a draft.
    await logIn(page, 'scjg');
    await page.getByRole('menuitem', { name: '调整申请' }).click();
    await page.getByRole('button', { name: '新建调整申请' }).click();
    await page.waitForURL('**/admin/adjustments/new');
    await page.locator('label.ant-radio-button-wrapper', { hasText: '下放' }).click();
    await choose(page, '调整理由', '职能调整');
    await page.getByLabel('承接单位', { exact: true }).fill('嘎鲁图');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '嘎鲁图镇' }).click();
    await screenshot('adjust-1-wizard-kind');
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByLabel('搜索本单位事项').fill(itemName);
    await page.getByLabel('搜索本单位事项').press('Enter');
    const row = page.locator('.ant-table-row', { hasText: code });
    await row.getByRole('button', { name: '选择' }).click();
    await page.getByTestId('chosen-items').getByText(itemName).waitFor();
    await screenshot('adjust-2-wizard-items');
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByTestId('proposal-1').waitFor();
    await page.getByRole('button', { name: '下一步' }).click();
    assert.match(await page.getByText(`下放“${itemName}”至嘎鲁图镇`).first().innerText(), /下放/);
    // The decision's text goes with the request: chosen here, uploaded once the draft exists.
    const decisionPdf = Buffer.from('%PDF-1.7\n乌审旗人民政府关于下放事项的决定\n%%EOF\n');
    await page.getByTestId('attachments').locator('input[type=file]').setInputFiles({ name: '关于下放事项的决定.pdf', mimeType: 'application/pdf', buffer: decisionPdf });
    await page.getByTestId('attachments').getByText('关于下放事项的决定.pdf').waitFor();
    await screenshot('adjust-3-wizard-review');
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.waitForURL(/\/admin\/adjustments\/[0-9a-f-]{36}$/);
    const requestId = new URL(page.url()).pathname.split('/').pop()!;
    await stateIs(page, '草稿');
    const attachmentLink = page.getByTestId('attachments').getByRole('link', { name: '关于下放事项的决定.pdf' });
    await attachmentLink.waitFor();
    const downloaded = await page.request.get((await attachmentLink.getAttribute('href'))!);
    assert.equal(downloaded.status(), 200);
    assert.ok((await downloaded.body()).equals(decisionPdf));
    assert.match(downloaded.headers()['content-disposition'] ?? '', /filename\*=UTF-8''%E5%85%B3%E4%BA%8E/);
    // A clerk may edit or withdraw a draft, not submit it: that is the leader's sign-off.
    const clerkButtons = await page.getByTestId('request-actions').getByRole('button').allInnerTexts();
    assert.deepEqual(clerkButtons.map((t) => t.trim()), ['修改', '撤回']);
    await screenshot('adjust-4-draft');

    // 2. The leader signs off.
    await openAs(page, 'scjg-leader', requestId);
    await act(page, '提交', '确认提交');
    await stateIs(page, '已提交');
    await screenshot('adjust-5-submitted');

    // 3. The reviewer finds it in the queue, starts the review and returns it with an opinion.
    await signOut(page);
    await logIn(page, 'reviewer');
    await page.goto('/admin/adjustments?queue=true');
    await page.locator('.ant-table-row', { hasText: `下放“${itemName}”` }).getByRole('link').click();
    await page.getByTestId('history').waitFor();
    await act(page, '开始审核', '确认开始审核');
    await stateIs(page, '审核中');
    await page.getByTestId('request-actions').getByRole('button', { name: '退回修改' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确认退回修改' }).click();
    await page.getByText('退回修改须填写意见').waitFor();
    await page.getByRole('dialog').getByRole('textbox').fill('请写明嘎鲁图镇的办理地点');
    await page.getByRole('dialog').getByRole('button', { name: '确认退回修改' }).click();
    await stateIs(page, '已退回');
    assert.match(await page.getByTestId('history').innerText(), /请写明嘎鲁图镇的办理地点/);
    await screenshot('adjust-6-returned');

    // 4. The clerk is notified, opens the request from the bell and revises the place of service.
    await signOut(page);
    await logIn(page, 'scjg');
    const bell = page.getByTestId('notification-bell');
    await bell.click();
    await page.getByTestId('notification-list').getByText('调整申请被退回修改').first().waitFor();
    await screenshot('adjust-7-bell');
    await page.getByTestId('notification-list').locator('[role=listitem]', { hasText: `下放“${itemName}”` }).first().click();
    await page.waitForURL(`**/admin/adjustments/${requestId}`);
    await page.getByTestId('request-actions').getByRole('button', { name: '修改' }).click();
    await page.waitForURL(`**/admin/adjustments/${requestId}/edit`);
    await page.locator('.ant-alert', { hasText: '审核意见（退回修改）' }).getByText('请写明嘎鲁图镇的办理地点').waitFor();
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByTestId('chosen-items').getByText(itemName).waitFor();
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('switch', { name: `调整${itemName}的要素` }).click();
    await page.getByLabel('办理地点').fill('嘎鲁图镇便民服务中心综合窗口');
    // The full element form (shared with the item editor) opens in a drawer for the elements the compact form leaves out.
    await page.getByTestId('proposal-1').getByRole('button', { name: '编辑全部要素' }).click();
    const drawer = page.getByRole('dialog').filter({ hasText: '编辑全部要素' });
    await drawer.waitFor();
    await screenshot('adjust-8a-full-editor');
    await drawer.getByRole('button', { name: '完成' }).click();
    await drawer.waitFor({ state: 'hidden' });
    await page.getByText('与现行版本对比（1 处变化）').click();
    await screenshot('adjust-8-revise');
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('button', { name: '保存修改' }).click();
    await page.waitForURL(`**/admin/adjustments/${requestId}`);
    await page.getByTestId('element-diff').getByText('嘎鲁图镇便民服务中心综合窗口').waitFor();

    // 5. The leader submits again.
    await openAs(page, 'scjg-leader', requestId);
    await act(page, '提交', '确认提交');
    await stateIs(page, '已提交');

    // 6. The reviewer approves: the decision is numbered and the item moves to the town with a new code.
    await openAs(page, 'reviewer', requestId);
    await act(page, '开始审核', '确认开始审核');
    await screenshot('adjust-9-review-diff');
    await act(page, '批准', '确认批准', '同意下放，请做好指导培训');
    await stateIs(page, '已生效');
    const decision = await page.getByTestId('decision-number').innerText();
    assert.match(decision, /^乌政务调〔\d{4}〕\d+号$/);
    const resultCode = (await page.getByTestId('result-code').locator('.qd-mono').innerText()).trim();
    assert.match(resultCode, /^[0-9A-Z]{31}$/);
    assert.notEqual(resultCode, code);
    assert.equal(resultCode.slice(18, 19), '5', 'the town implements at level 5');
    await screenshot('adjust-10-approved');

    // 7. The item is on the list under 嘎鲁图镇 with that code (and gone from 市场监督管理局).
    const underTown = await admin.call<{ items: Array<{ implementationCode: string; orgName: string; powerSource: number }> }>(
      'GET',
      `/api/items?org=${gltId}&q=${encodeURIComponent(itemName)}`,
    );
    assert.ok(underTown.items.some((i) => i.implementationCode === resultCode && i.orgName === '嘎鲁图镇' && i.powerSource === 2), JSON.stringify(underTown.items));
    const underScjg = await admin.call<{ items: Array<{ implementationCode: string }> }>('GET', `/api/items?org=${scjgId}&q=${encodeURIComponent(itemName)}`);
    assert.ok(!underScjg.items.some((i) => i.implementationCode === code));

    // … and the workbench's item list, filtered by 嘎鲁图镇, shows it under its new code.
    await page.goto(`/admin/items?org=${gltId}&q=${encodeURIComponent(itemName)}`);
    await page.locator('.ant-table-row', { hasText: resultCode }).waitFor();
    await screenshot('adjust-11-items-town');

    // 8. The town sees the handover the approval opened.
    await signOut(page);
    await logIn(page, 'glt');
    await page.getByRole('menuitem', { name: '交接' }).click();
    await page.locator('.ant-table-row', { hasText: resultCode }).getByRole('link').click();
    await page.getByText('交接中').waitFor();
    await screenshot('adjust-12-handover-town');
    await admin.ctx.dispose();
  },
  { timeout: 180_000 },
);

const beijingDay = (offsetDays: number) => new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

journey('政务服务局登记调整事由：一个月办结期限、超期标红、记录无需调整、工作台与部门视图', async ({ page, screenshot }) => {
  const title = `《乌审旗测试条例》修订（测试${String(Date.now()).slice(-6)}）`;
  await logIn(page, 'reviewer');
  // The landing card of the bureau's home page.
  await page.getByTestId('home-adjustments').getByText('调整事由办结期限').or(page.getByTestId('home-adjustments').locator('.ant-statistic').first()).first().waitFor();
  await screenshot('adjust-home-bureau');

  await page.getByRole('menuitem', { name: '调整事由' }).click();
  await page.getByRole('button', { name: '登记调整事由' }).click();
  const dialog = page.getByRole('dialog', { name: '登记调整事由' });
  await dialog.getByLabel('事由类型').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '法律法规规章修改' }).click();
  await dialog.getByLabel('事由名称（文件标题）').fill(title);
  await dialog.getByLabel('文号').fill('乌政发〔2026〕9号');
  await dialog.getByLabel('发文机关').fill('乌审旗人民政府');
  const occurred = dialog.getByLabel('事由发生日期');
  await occurred.click();
  await occurred.fill(beijingDay(-45));
  await occurred.press('Enter');
  await dialog.getByLabel('责任单位').fill('市场监督');
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '乌审旗市场监督管理局' }).click();
  await dialog.getByLabel('责任单位').fill('嘎鲁图');
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '嘎鲁图镇' }).click();
  await dialog.getByLabel('文号').click(); // closes the dropdown
  await screenshot('adjust-trigger-register');
  await dialog.getByRole('button', { name: '登记', exact: true }).click();
  await page.waitForURL(/\/admin\/triggers\/[0-9a-f-]{36}$/);
  const triggerUrl = new URL(page.url()).pathname;
  // The bureau attaches the source document's scan.
  const scan = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32)]);
  await page.getByTestId('attachments').locator('input[type=file]').setInputFiles({ name: '乌政发〔2026〕9号.png', mimeType: 'image/png', buffer: scan });
  await page.getByTestId('attachments').getByRole('link', { name: '乌政发〔2026〕9号.png' }).waitFor();
  // Occurred 45 days ago: one civil month has passed, so it is overdue and red.
  await page.locator('[data-due="overdue"]').first().waitFor();

  // The town has nothing to adjust: the bureau records that, with the reason.
  const townRow = page.locator('.ant-table-row', { hasText: '嘎鲁图镇' });
  await townRow.getByRole('button', { name: '无需调整' }).click();
  const noChange = page.getByRole('dialog', { name: /无需调整/ });
  await noChange.getByLabel('理由').fill('本镇清单中无涉及该条例的事项');
  await noChange.getByRole('button', { name: '确认无需调整' }).click();
  await townRow.locator('.ant-tag', { hasText: '无需调整' }).waitFor();
  await screenshot('adjust-trigger-detail');

  // The overdue filter and the dashboard list it in red.
  await page.goto('/admin/triggers?overdue=true');
  await page.locator('.ant-table-row', { hasText: title }).waitFor();
  await screenshot('adjust-triggers-overdue');
  await page.getByRole('menuitem', { name: '调整工作台' }).click();
  const dashRow = page.getByTestId('dash-triggers').locator('.ant-table-row', { hasText: title });
  assert.equal(await dashRow.getAttribute('data-due'), 'overdue');
  assert.match(await dashRow.innerText(), /已超期 \d+ 个工作日/);
  await screenshot('adjust-dashboard-bureau');

  // The department sees its own dashboard, the trigger among its deadlines, and may start a request from it.
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.waitForURL('**/admin/login');
  await logIn(page, 'scjg');
  await page.getByRole('menuitem', { name: '调整工作台' }).click();
  await page.getByText('本单位：乌审旗市场监督管理局').first().waitFor();
  await page.getByTestId('dash-triggers').locator('.ant-table-row', { hasText: title }).waitFor();
  await screenshot('adjust-dashboard-dept');
  await page.goto(`/admin${triggerUrl.replace(/^\/admin/, '')}`);
  await page.locator('.ant-table-row', { hasText: '乌审旗市场监督管理局' }).getByRole('button', { name: '发起调整申请' }).click();
  await page.waitForURL(/\/admin\/adjustments\/new\?trigger=/);
  // The wizard starts with the trigger linked.
  await page.locator('.ant-form-item', { hasText: '关联调整事由' }).getByText(title, { exact: false }).waitFor();
  await screenshot('adjust-wizard-from-trigger');
});

journey('交接：交出单位安排培训，承接单位完成任务并确认具备实施条件', async ({ page, baseUrl, screenshot }) => {
  const admin = await apiAs(baseUrl, 'admin');
  const clerk = await apiAs(baseUrl, 'scjg');
  const leader = await apiAs(baseUrl, 'scjg-leader');
  const reviewer = await apiAs(baseUrl, 'reviewer');
  const orgs = (await admin.call<{ items: Array<{ id: string; nameZh: string }> }>('GET', '/api/orgs')).items;
  const scjgId = orgs.find((o) => o.nameZh.includes('市场监督管理局'))!.id;
  const gltId = orgs.find((o) => o.nameZh === '嘎鲁图镇')!.id;
  const name = `食品小作坊登记（测试${String(Date.now()).slice(-6)}）`;
  const code = await effectiveItem(admin, scjgId, name);
  const filed = await clerk.call<{ id: string }>('POST', '/api/adjustments', {
    kind: 'delegate', reasonCode: 'function_change', title: `下放“${name}”至嘎鲁图镇`, receivingOrgId: gltId, items: [{ itemCode: code }], clientTxId: `e2e-${Date.now()}`,
  });
  await leader.call('POST', `/api/adjustments/${filed.id}/submit`, {});
  await reviewer.call('POST', `/api/adjustments/${filed.id}/start-review`, {});
  const approved = await reviewer.call<{ items: Array<{ resultCode: string }> }>('POST', `/api/adjustments/${filed.id}/approve`, { opinion: '同意' });
  const newCode = approved.items[0]!.resultCode;

  // The delegating department schedules a training session.
  await logIn(page, 'scjg');
  await page.goto('/admin/handovers');
  await page.locator('.ant-table-row', { hasText: newCode }).getByRole('link').click();
  await page.getByRole('button', { name: '添加指导任务' }).click();
  const dialog = page.getByRole('dialog', { name: '添加指导任务' });
  await dialog.getByLabel('名称').fill('小作坊登记审查要点培训');
  const date = dialog.getByLabel('培训日期');
  await date.click();
  await date.fill(beijingDay(3));
  await date.press('Enter');
  await dialog.getByLabel('培训人').fill('王磊（市场监管局）');
  await dialog.getByLabel('参训人员').fill('巴特尔');
  await dialog.getByLabel('参训人员').press('Enter');
  await dialog.getByLabel('参训人员').fill('乌云');
  await dialog.getByLabel('参训人员').press('Enter');
  await dialog.getByLabel('培训材料').fill('审查要点课件');
  await dialog.getByLabel('培训材料').press('Enter');
  await dialog.getByRole('button', { name: '添加', exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
  const training = page.locator('.ant-table-row', { hasText: '小作坊登记审查要点培训' });
  assert.match(await training.innerText(), /巴特尔、乌云/);
  await screenshot('adjust-handover-tasks');

  // The town works through the tasks and confirms it can run the item.
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.waitForURL('**/admin/login');
  await logIn(page, 'glt');
  await page.goto('/admin/handovers');
  await page.locator('.ant-table-row', { hasText: newCode }).getByRole('link').click();
  const confirm = page.getByRole('button', { name: '确认具备实施条件' });
  assert.equal(await confirm.isDisabled(), true, 'not before every task is done');
  for (;;) {
    const pending = page.getByRole('button', { name: '标记完成' });
    if ((await pending.count()) === 0) break;
    await pending.first().click();
    await page.waitForTimeout(200);
  }
  await confirm.click();
  const confirmDialog = page.getByRole('dialog', { name: '确认具备实施条件' });
  await confirmDialog.getByRole('textbox').fill('已完成培训，窗口人员已到位');
  await confirmDialog.getByRole('button', { name: '确认', exact: true }).click();
  await page.locator('.ant-card-head').getByText('已完成', { exact: true }).waitFor();
  await screenshot('adjust-handover-confirmed');
  for (const a of [admin, clerk, leader, reviewer]) await a.ctx.dispose();
});
