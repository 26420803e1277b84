import assert from 'node:assert/strict';
import { organisationCodeCheckCharacter, usccCheckCharacter } from '../common/checksums.ts';
import { journey, logIn } from './harness.ts';

// Unique per run, so the journeys also pass against a long-running server (QINGDAN_E2E_BASE_URL).
const stamp = String(Date.now() % 1_000_000).padStart(6, '0');

function syntheticUscc(): string {
  const org8 = `98${stamp}`;
  const first17 = `11150626${org8}${organisationCodeCheckCharacter(org8)}`;
  return first17 + usccCheckCharacter(first17);
}

journey('登录失败时显示服务器的中文提示', async ({ page }) => {
  await page.goto('/admin/login');
  await page.getByLabel('用户名').fill('reviewer');
  await page.getByLabel('密码').fill('not-the-password');
  await page.getByRole('button', { name: '登录' }).click();
  const alert = page.getByRole('alert').filter({ hasText: /\S/ }).first();
  await alert.waitFor();
  assert.match(await alert.innerText(), /[\u4e00-\u9fff]/, 'message is Chinese');
  assert.match(new URL(page.url()).pathname, /^\/admin\/login/);
});

journey('审计员只见审计日志，看不到用户管理', async ({ page }) => {
  await logIn(page, 'auditor');
  const menu = page.getByRole('menu');
  await menu.getByRole('menuitem', { name: '审计日志' }).waitFor();
  assert.equal(await menu.getByRole('menuitem', { name: '用户管理' }).count(), 0);
  await menu.getByRole('menuitem', { name: '审计日志' }).click();
  // The auditor's own sign-in is the newest row.
  await page.locator('.ant-table-row').filter({ hasText: 'auth.login' }).first().waitFor();
  await page.goto('/admin/users');
  await page.getByText('无权访问').waitFor();
});

journey('管理员新增下级机构并为其创建用户', async ({ page, screenshot }) => {
  const orgName = `e2e测试嘎查${stamp}`;
  const username = `e2e${stamp}`;
  // A deep link survives the detour through the login page.
  await page.goto('/admin/orgs');
  await page.waitForURL('**/admin/login');
  await page.getByLabel('用户名').fill('admin');
  await page.getByLabel('密码').fill(process.env.QINGDAN_DEMO_PASSWORD ?? 'Qingdan-demo-2026');
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL('**/admin/orgs');

  // Villages (嘎查) hang under towns; the dialog preselects that kind and its level 6.
  await page.locator('.ant-tree').getByText('嘎鲁图镇', { exact: true }).click();
  await page.getByRole('button', { name: '新增下级' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText('嘎查村/社区').waitFor();
  await dialog.getByLabel('机构名称（中文）').fill(orgName);
  await dialog.getByLabel('统一社会信用代码').fill(syntheticUscc());
  await dialog.getByRole('button', { name: '新增', exact: true }).click();
  await page.locator('.ant-tree').getByText(orgName, { exact: true }).waitFor();
  await screenshot('org-created');

  await page.getByRole('menuitem', { name: '用户管理' }).click();
  await page.getByRole('button', { name: '新建用户' }).click();
  const create = page.getByRole('dialog', { name: '新建用户' });
  await create.getByLabel('用户名').fill(username);
  await create.getByLabel('姓名').fill('测试 经办人');
  await create.getByLabel('所属机构').fill(orgName);
  await page.locator('.ant-select-tree-node-content-wrapper', { hasText: orgName }).click();
  await create.getByLabel('角色').fill('部门经办人');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await create.getByRole('button', { name: '随机生成' }).click();
  await create.getByRole('button', { name: '创建' }).click();
  // The confirmation shows the initial password once, to hand over to the new user.
  const done = page.getByRole('dialog', { name: '已创建用户 测试 经办人' });
  assert.match(await done.innerText(), /初始密码/);
  await done.getByRole('button').last().click();
  const row = page.locator('.ant-table-row', { hasText: username });
  await row.waitFor();
  assert.match(await row.innerText(), new RegExp(orgName));
  assert.match(await row.innerText(), /部门经办人/);

  await page.getByRole('menuitem', { name: '审计日志' }).click();
  await page.locator('.ant-table-row', { hasText: 'user.create' }).first().waitFor();
  await page.locator('.ant-table-row', { hasText: 'org.create' }).first().waitFor();
  await screenshot('audit');
});
