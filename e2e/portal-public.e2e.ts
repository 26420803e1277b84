// The public portal in the browser (issue 6): search → service guide → publication compare, elder mode, Mongolian
// navigation drawn in vertical traditional script, and axe-core on the main pages.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { request, type Page } from 'playwright-core';
import { demoPassword, journey, repoRoot } from './harness.ts';

const axeSource = readFileSync(join(repoRoot, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/** A signed-in API client for arranging data; returns the JSON of each call, or the failed response's status and body. */
async function apiAs(baseUrl: string, username: string) {
  const ctx = await request.newContext({ baseURL: baseUrl });
  const login = await ctx.post('/api/auth/login', { data: { username, password: demoPassword } });
  assert.equal(login.status(), 200, await login.text());
  const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
  return {
    ctx,
    call: async (method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown) => {
      const res = await ctx.fetch(path, { method, data: method === 'GET' ? undefined : (body ?? {}), headers: method === 'GET' ? {} : { 'x-csrf-token': csrf } });
      const text = await res.text();
      return { status: res.status(), json: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
    },
  };
}

/**
 * Runs axe-core in the page. The portal's CSP allows scripts from 'self' only, so an injected <script> tag would be
 * refused; evaluating the library through the DevTools protocol is not subject to the page's CSP.
 */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(`${axeSource}\n;void 0`);
  const result = (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] })`)) as {
    violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: string[] }> }>;
    passes: unknown[];
  };
  // A run that checked nothing would pass vacuously.
  assert.ok(result.passes.length > 10, `axe ran ${result.passes.length} checks`);
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

journey('公众搜索事项，查看办事指南，比较两期清单', async ({ page, baseUrl, screenshot }) => {
  await page.goto('/');
  await page.getByRole('searchbox', { name: /搜索政务服务事项/ }).fill('食品经营许可');
  await page.getByRole('button', { name: '搜索' }).click();
  await page.waitForURL('**/items?q=*');
  const first = page.locator('table tbody th a').first();
  const name = (await first.textContent())!.trim();
  assert.match(name, /食品/);
  await screenshot('portal-search');
  await first.click();
  await page.waitForURL(/\/items\/[0-9A-Z]{31}$/);
  assert.equal((await page.locator('h1').textContent())!.trim(), name);
  const code = page.url().split('/').pop()!;
  await page.getByRole('heading', { name: '社会监督' }).waitFor();
  await screenshot('portal-guide');

  // A change through the API: the item now promises one working day less, then the bureau publishes.
  const admin = await apiAs(baseUrl, 'admin');
  const reviewer = await apiAs(baseUrl, 'reviewer');
  try {
    const draft = await admin.call('POST', `/api/items/${code}/drafts`, {});
    assert.equal(draft.status, 201, JSON.stringify(draft.json));
    const version = draft.json.version as { versionNo: number; elements: { promisedTimeLimit: { amount: number; unit: string } } };
    const elements = { ...version.elements, promisedTimeLimit: { ...version.elements.promisedTimeLimit, amount: Math.max(0, version.elements.promisedTimeLimit.amount - 1) } };
    assert.equal((await admin.call('PUT', `/api/items/${code}/versions/${version.versionNo}`, { elements })).status, 200);
    const loaded = await admin.call('POST', `/api/items/${code}/versions/${version.versionNo}/load`, {});
    assert.equal(loaded.status, 200, JSON.stringify(loaded.json));
    const published = await reviewer.call('POST', '/api/publications', {});
    // Other journeys may leave a deviation behind; then there is one publication to compare with itself.
    if (published.status !== 201) assert.equal((published.json.error as { code?: string } | undefined)?.code, 'PUBLICATION.DEVIATIONS', JSON.stringify(published.json));
  } finally {
    await admin.ctx.dispose();
    await reviewer.ctx.dispose();
  }

  await page.goto('/publications');
  await page.getByRole('table').waitFor();
  await screenshot('portal-publications');
  const options = await page.getByLabel('较早一期').locator('option').allTextContents();
  assert.ok(options.length >= 1);
  await page.getByLabel('较早一期').selectOption({ label: options[options.length > 1 ? 1 : 0] });
  await page.getByLabel('较新一期').selectOption({ label: options[0] });
  await page.getByRole('button', { name: '比较' }).click();
  await page.waitForURL('**/publications/compare?*');
  await page.getByRole('heading', { level: 2, name: /→/ }).waitFor();
  if (options.length > 1) {
    await page.getByText(name, { exact: true }).first().waitFor();
    await page.locator('summary', { hasText: '查看要素变化' }).first().click();
    await page.locator('table.diff th', { hasText: '承诺办结时限' }).first().waitFor();
  }
  await screenshot('portal-compare');
  assert.deepEqual(await axeViolations(page), []);
});

journey('长辈模式：大字高对比，切换后各页记住', async ({ page, screenshot }) => {
  await page.goto('/items');
  await page.getByRole('link', { name: '长辈模式（大字）' }).click();
  await page.waitForURL('**elder=1');
  assert.equal(await page.locator('html').getAttribute('class'), 'elder');
  const size = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
  assert.equal(size, '21px');
  await page.locator('table tbody th a').first().click();
  await page.waitForURL(/\/items\/[0-9A-Z]{31}$/);
  assert.equal(await page.locator('html').getAttribute('class'), 'elder', 'the cookie keeps the mode on the next page');
  const box = await page.getByRole('button', { name: '提交意见' }).boundingBox();
  assert.ok(box && box.height >= 48, `touch target ${box?.height}px`);
  await screenshot('portal-elder');
  assert.deepEqual(await axeViolations(page), []);
  await page.getByRole('link', { name: '标准模式' }).click();
  await page.waitForURL('**elder=0');
  assert.equal(await page.locator('html').getAttribute('class'), null);
});

journey('蒙古文导航：传统蒙古文竖排显示', async ({ page, screenshot }) => {
  await page.goto('/?lang=mn');
  assert.equal(await page.locator('html').getAttribute('lang'), 'mn-Mong');
  const home = page.locator('nav.main a[aria-current="page"] .mn');
  assert.equal((await home.textContent())!.trim(), 'ᠨᠢᠭᠤᠷ ᠬᠠᠭᠤᠳᠠᠰᠤ');
  assert.equal(await home.evaluate((el) => getComputedStyle(el).writingMode), 'vertical-lr');
  const box = (await home.boundingBox())!;
  assert.ok(box.height > box.width * 2, `vertical: ${box.width}×${box.height}`);
  // The glyphs come from a Mongolian font, not boxes from a fallback that lacks them.
  const cdp = await page.context().newCDPSession(page);
  const { root } = await cdp.send('DOM.getDocument');
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: 'nav.main a[aria-current="page"] .mn' });
  await cdp.send('CSS.enable');
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  assert.ok(fonts.some((f) => /Mongolian/.test(f.familyName) && f.glyphCount > 0), JSON.stringify(fonts));
  await screenshot('portal-mongolian');
  // The choice is remembered: the dashboard comes in Mongolian too.
  await page.locator('nav.main').getByRole('link', { name: 'ᠦᠷ᠎ᠡ ᠠᠰᠢᠭ' }).click();
  await page.waitForURL('**/dashboard');
  assert.equal(await page.locator('html').getAttribute('lang'), 'mn-Mong');
  await screenshot('portal-mongolian-dashboard');
  await page.goto('/?lang=zh-CN');
  assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
});

journey('无障碍检查（axe-core）：首页、清单、办事指南、比较、“两优”成效', async ({ page, screenshot }) => {
  const failures: string[] = [];
  for (const url of ['/', '/items', '/items?q=%E5%A9%9A%E5%A7%BB', '/publications/compare', '/dashboard', '/publications', '/feedback', '/as-of']) {
    await page.goto(url);
    failures.push(...(await axeViolations(page)).map((v) => `${url}: ${v}`));
  }
  await page.goto('/items');
  await page.locator('table tbody th a').first().click();
  await page.waitForURL(/\/items\/[0-9A-Z]{31}$/);
  failures.push(...(await axeViolations(page)).map((v) => `guide: ${v}`));
  await page.goto('/dashboard');
  await screenshot('portal-dashboard');
  assert.deepEqual(failures, []);
}, { timeout: 120_000 });
