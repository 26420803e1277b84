// 清单公布 and 报备 in the browser: the reviewer publishes the list (or sees why it cannot be published),
// generates the report package of the latest publication and sends it through the default directory-drop adapter.
import assert from 'node:assert/strict';
import { journey, logIn } from './harness.ts';

journey('审核员公布清单，生成报备材料并报送市局', async ({ page, screenshot }) => {
  await logIn(page, 'reviewer');
  await page.getByRole('menuitem', { name: '清单公布' }).click();
  await page.waitForURL('**/admin/publications');
  await page.getByRole('button', { name: '公布清单' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await page.waitForFunction(() => !document.querySelector('.ant-zoom-appear, .ant-zoom-enter'));
  await screenshot('pub-1-confirm');
  await dialog.getByRole('button', { name: '确认公布' }).click();

  // Either a new number or, when the demo list deviates from the catalogue (409), the list of what to fix.
  const published = page.getByTestId('published-number');
  const blocked = page.getByTestId('publish-blocked');
  await published.or(blocked).first().waitFor();
  if (await published.isVisible()) {
    assert.match(await published.innerText(), /已公布 \S+/);
  } else {
    const text = await blocked.innerText();
    assert.match(text, /不能公布/);
    // Each deviating or invalid item links to its page.
    assert.ok((await blocked.locator('a[href*="/admin/items/"]').count()) > 0, 'the blocked list links to the items');
  }
  await screenshot('pub-2-published');

  // 报备: a package of the newest publication that has none yet.
  await page.getByRole('menuitem', { name: '报备' }).click();
  await page.waitForURL('**/admin/reports');
  await page.getByRole('button', { name: '生成报备材料' }).click();
  const prepare = page.getByRole('dialog');
  await prepare.waitFor();
  await page.waitForFunction(() => !document.querySelector('.ant-zoom-appear, .ant-zoom-enter'));
  await page.getByLabel('清单期号').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option:not(.ant-select-item-option-disabled)').first().click();
  await screenshot('pub-3-prepare');
  await prepare.getByRole('button', { name: '生成' }).click();
  await page.waitForURL(/\/admin\/reports\/[^/]+$/);
  await page.getByTestId('report-state').getByText('已生成待报送').waitFor();
  const manifest = page.getByTestId('manifest');
  await manifest.locator('.ant-table-row').first().waitFor();
  assert.ok((await manifest.locator('.ant-table-row').count()) >= 2, 'the package has its files');
  assert.match(await manifest.innerText(), /[0-9a-f]{64}/);
  const link = manifest.locator('a[download]').first();
  const file = await page.request.get((await link.getAttribute('href'))!);
  assert.equal(file.status(), 200);
  await screenshot('pub-4-report');

  await page.getByTestId('report-actions').getByRole('button', { name: '发送' }).click();
  await page.getByTestId('report-state').getByText('已报送').waitFor();
  assert.match(await page.getByTestId('report-history').innerText(), /报送/);
  await screenshot('pub-5-sent');
});
