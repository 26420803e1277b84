import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { artifactsDir, journey, openNewBureauSealDialog } from './harness.ts';

// Seals: the administrator makes the bureau's seal in the workbench and seals a test PDF; anyone
// then uploads that PDF to the public /verify page and sees it verified — and a changed copy refused.

journey('管理员制作电子印章并试盖章，公众在验证页面看到“签章有效”', async ({ page, screenshot }) => {
  // A unique name: journeys share one server, and an org has one unrevoked seal per name.
  const name = `乌审旗政务服务局电子印章-${Date.now().toString(36)}`;
  const dialog = await openNewBureauSealDialog(page, name);
  await dialog.getByAltText('印章图样预览').waitFor();
  await screenshot('seal-create');
  await dialog.getByRole('button', { name: '制作' }).click();

  const row = page.locator('tr', { hasText: name });
  await row.getByText('启用').waitFor();
  await row.getByAltText(`${name}图样`).waitFor();
  await screenshot('seals');

  const downloading = page.waitForEvent('download');
  await row.getByRole('button', { name: '试盖章' }).click();
  const download = await downloading;
  const pdfPath = join(artifactsDir, 'sealed-sample.pdf');
  await download.saveAs(pdfPath);
  const pdf = readFileSync(pdfPath);
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');

  // The public page, as a citizen: no session needed.
  await page.context().clearCookies();
  await page.goto('/verify');
  await page.getByLabel('文件（已盖章的 PDF，或被签章的原始文件）').setInputFiles(pdfPath);
  await page.getByRole('button', { name: '验证' }).click();
  const verdict = page.getByRole('status');
  await verdict.getByRole('heading', { name: /签章有效/ }).waitFor();
  assert.equal(await verdict.getByRole('heading').getAttribute('data-verdict'), 'valid');
  const text = await verdict.innerText();
  assert.match(text, /盖章单位\s*乌审旗政务服务局/);
  assert.match(text, /盖章时间\s*\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}（北京时间）/);
  assert.ok(text.includes(name), 'the seal is named');
  await screenshot('verify-valid');

  // One changed byte inside the signed content: the same page now refuses it.
  const changed = Buffer.from(pdf);
  changed[changed.indexOf('stream\n') + 20] ^= 0x01;
  const changedPath = join(artifactsDir, 'sealed-sample-changed.pdf');
  writeFileSync(changedPath, changed);
  await page.getByLabel('文件（已盖章的 PDF，或被签章的原始文件）').setInputFiles(changedPath);
  await page.getByRole('button', { name: '验证' }).click();
  await page.getByRole('status').getByRole('heading', { name: /文件已被篡改/ }).waitFor();
  await screenshot('verify-tampered');
});
