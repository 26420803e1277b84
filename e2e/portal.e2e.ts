import assert from 'node:assert/strict';
import { journey } from './harness.ts';

journey('公众首页显示政务服务局名称', async ({ page, screenshot }) => {
  const response = await page.goto('/');
  assert.equal(response?.status(), 200);
  await page.getByText('乌审旗政务服务局').first().waitFor();
  assert.match(await page.title(), /\S/, 'page has a title');
  await screenshot('portal-home');
});
