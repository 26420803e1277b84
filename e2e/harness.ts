// Shared state and helpers for journeys: one server and one browser per run (see README.md).
import { mkdirSync, readdirSync, statSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { startServer, waitForReady, type RunningServer } from './server.ts';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));
export const artifactsDir = join(repoRoot, 'e2e', 'artifacts');
export const demoPassword = process.env.QINGDAN_DEMO_PASSWORD ?? 'Qingdan-demo-2026';

export interface JourneyContext {
  /** A fresh page in its own browser context (own cookies), baseURL set to the server. */
  page: Page;
  baseUrl: string;
  /** Saves a full-page PNG to e2e/artifacts/<name>.png and returns its path. */
  screenshot: (name: string) => Promise<string>;
}

let server: RunningServer | null = null;
let browser: Browser | null = null;
let baseUrl = '';

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

// The server serves web/dist at /admin: rebuild it when the sources are newer, so a run never tests stale UI.
function ensureWebBuilt(): void {
  if (process.env.QINGDAN_E2E_SKIP_BUILD === '1') return;
  const index = join(repoRoot, 'web', 'dist', 'index.html');
  // common/ is bundled into the web app too (labels, checksums).
  const sources = ['web/src', 'web/index.html', 'web/vite.config.ts', 'common'].map((p) => join(repoRoot, p)).filter(existsSync);
  if (existsSync(index) && statSync(index).mtimeMs >= Math.max(...sources.map(newestMtime))) return;
  console.log('# building web/dist (vite build)');
  const vite = join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`vite build failed with status ${result.status}`);
}

/** Starts (or finds) the server and launches Chromium; registered as the run's `before` hook. */
export async function setUp(): Promise<void> {
  mkdirSync(artifactsDir, { recursive: true });
  const external = process.env.QINGDAN_E2E_BASE_URL?.replace(/\/$/, '');
  if (external) {
    await waitForReady(external, 10_000);
    baseUrl = external;
  } else {
    ensureWebBuilt();
    server = await startServer({
      repoRoot,
      logFile: join(artifactsDir, 'server.log'),
      timeoutMs: Number(process.env.QINGDAN_E2E_START_TIMEOUT_MS ?? 60_000),
    });
    baseUrl = server.baseUrl;
  }
  console.log(`# server: ${baseUrl}`);
  browser = await chromium.launch({
    executablePath: process.env.QINGDAN_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Closes the browser and stops the server we started; registered as the run's `after` hook. */
export async function tearDown(): Promise<void> {
  try {
    await browser?.close();
  } finally {
    browser = null;
    await server?.stop();
    server = null;
  }
}

export interface Journey {
  name: string;
  run: (ctx: JourneyContext) => Promise<void>;
  timeout: number;
}

/** Journeys declared by the *.e2e.ts files; run.ts turns them into node:test tests. */
export const journeys: Journey[] = [];

/**
 * Declares one browser journey. Files only declare: run.ts registers every journey with node:test in
 * one synchronous pass after all files are imported (node:test's root before/after hooks misfire
 * with --test-name-pattern when tests are registered across awaits).
 */
export function journey(name: string, run: (ctx: JourneyContext) => Promise<void>, options: { timeout?: number } = {}): void {
  journeys.push({ name, run, timeout: options.timeout ?? 60_000 });
}

/**
 * Runs one journey in a fresh browser context (no cookies). Uncaught page errors fail it, and a
 * failing journey leaves e2e/artifacts/failed-<name>.png behind.
 */
export async function runJourney({ name, run }: Journey): Promise<void> {
  if (!browser) throw new Error('browser not started (setUp failed?)');
  const context = await browser.newContext({ baseURL: baseUrl, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1440, height: 900 } });
  // Generous: a loaded 2-core machine renders antd pages slowly; a real failure still fails, only later.
  context.setDefaultTimeout(30_000);
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  const screenshot = async (shot: string) => {
    const path = join(artifactsDir, `${shot}.png`);
    // Transitions (antd's spinner fade, modal zoom) are fast-forwarded so a shot never catches them midway.
    await page.screenshot({ path, fullPage: true, animations: 'disabled' });
    return path;
  };
  try {
    await run({ page, baseUrl, screenshot });
    if (pageErrors.length > 0) throw new Error(`uncaught errors in the page:\n${pageErrors.join('\n')}`);
  } catch (error) {
    const slug = name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');
    await page.screenshot({ path: join(artifactsDir, `failed-${slug}.png`), fullPage: true }).catch(() => undefined);
    throw error;
  } finally {
    await context.close();
  }
}

/** Signs in through the login form and waits for the workbench. */
export async function logIn(page: Page, username: string, password = demoPassword): Promise<void> {
  await page.goto('/admin/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL((url) => url.pathname.startsWith('/admin') && !url.pathname.startsWith('/admin/login'));
  await page.getByRole('button', { name: '退出登录' }).waitFor();
}

/**
 * Signs the administrator in, opens 电子印章 and fills the new-seal dialog for 乌审旗政务服务局 with `name`;
 * returns the dialog, not yet submitted (its 制作 button makes the seal).
 */
export async function openNewBureauSealDialog(page: Page, name: string): Promise<Locator> {
  await logIn(page, 'admin');
  await page.getByRole('menuitem', { name: '电子印章' }).click();
  await page.waitForURL('**/admin/seals');
  await page.getByRole('button', { name: '新建印章' }).click();
  const dialog = page.getByRole('dialog', { name: '新建电子印章' });
  await dialog.getByLabel('所属机构').click();
  await page.keyboard.type('乌审旗政务服务局');
  await page.locator('.ant-select-tree-node-content-wrapper', { hasText: /^乌审旗政务服务局$/ }).first().click();
  await dialog.getByLabel('印章名称').fill(name);
  return dialog;
}
