import assert from 'node:assert/strict';
import { journey, logIn } from './harness.ts';

journey('管理员登录后查看组织机构树', async ({ page, screenshot }) => {
  await logIn(page, 'admin');
  await page.getByRole('menuitem', { name: '组织机构' }).click();
  await page.waitForURL('**/admin/orgs');
  const tree = page.locator('.ant-tree');
  await tree.getByText('乌审旗政务服务局', { exact: true }).waitFor();
  // The demo names it 乌审旗市场监督管理局: match the part any deployment would share.
  await tree.getByText(/市场监督管理局/).first().waitFor();
  // Kind labels and credit codes are part of each node.
  assert.ok((await tree.getByText('旗直部门').count()) > 0, 'department kind label shown');
  assert.match((await tree.innerText()).replace(/\s+/g, ' '), /[0-9A-HJ-NPQRTUWXY]{18}/, 'USCC shown');
  await screenshot('org-tree');
});

journey('工作日历显示 2026 年国庆假期', async ({ page, screenshot }) => {
  await logIn(page, 'admin');
  await page.getByRole('menuitem', { name: '工作日历' }).click();
  await page.waitForURL('**/admin/calendar**');
  await page.goto('/admin/calendar?month=2026-10');
  await page.getByTestId('calendar-month').getByText('2026年10月').waitFor();
  const national = page.locator('[data-date="2026-10-01"]');
  await national.waitFor();
  assert.equal(await national.getAttribute('data-kind'), 'holiday');
  assert.match(await national.innerText(), /国庆/);
  assert.match(await national.innerText(), /休/);
  await screenshot('calendar');
});
