import assert from 'node:assert/strict';
import { journey, openNewBureauSealDialog } from './harness.ts';

// The seal workbench beyond making a seal (verify.e2e.ts): the usage log of a seal, then suspend,
// reinstate and revoke, each changing what the row offers.

journey('管理员查看电子印章使用记录，暂停、恢复并吊销印章', async ({ page, screenshot }) => {
  const name = `乌审旗政务服务局测试章-${Date.now().toString(36)}`;
  const dialog = await openNewBureauSealDialog(page, name);
  await dialog.getByRole('button', { name: '制作' }).click();

  // The seal list's row (the drawer's certificate tables also name the seal, so only the list's rows).
  const row = page.locator('.ant-card tr', { hasText: name });
  await row.getByText('启用').waitFor();
  const downloading = page.waitForEvent('download');
  await row.getByRole('button', { name: '试盖章' }).click();
  await downloading;

  // Every use is logged: the trial seal appears in the seal's usage log with who, what and which key.
  await row.getByText(name, { exact: true }).click();
  const drawer = page.locator('.ant-drawer-body');
  await drawer.getByRole('tab', { name: '使用记录' }).click();
  const use = drawer.locator('tr', { hasText: '电子印章试盖章.pdf（pdf）' });
  await use.waitFor();
  assert.match(await use.innerText(), /系统管理员[\s\S]*试盖章[\s\S]*1/);
  await screenshot('seal-uses');
  await page.keyboard.press('Escape');
  await drawer.waitFor({ state: 'detached' });

  // Suspended: no sealing; reinstated: sealing again.
  await row.getByRole('button', { name: '暂停' }).click();
  const suspend = page.getByRole('dialog', { name: `暂停：${name}` });
  await suspend.getByLabel('原因').fill('印章管理员调岗');
  await suspend.getByRole('button', { name: '暂停' }).click();
  await row.getByText('已暂停').waitFor();
  await row.getByText('印章管理员调岗').waitFor();
  assert.equal(await row.getByRole('button', { name: '试盖章' }).count(), 0);
  await row.getByRole('button', { name: '恢复' }).click();
  await row.getByRole('button', { name: '试盖章' }).waitFor();

  // Revoked is final: no action is left.
  await row.getByRole('button', { name: '吊销' }).click();
  const revoke = page.getByRole('dialog', { name: `吊销：${name}` });
  await revoke.getByLabel('原因').fill('机构撤并');
  await revoke.getByRole('button', { name: '吊销' }).click();
  await row.getByText('已吊销').waitFor();
  assert.equal(await row.getByRole('button').count(), 0);
  await screenshot('seal-revoked');
});
