import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { seedDemo } from '../bootstrap/demo/seed-demo.ts';
import { DEMO_PASSWORD } from '../test/test-app.ts';

// The CLI runs as its own process against a database file, as an operator would run it.

const root = path.resolve(import.meta.dirname, '..', '..');
const receipt = { 回执编号: 'WSQ-CLI-1', 事项: '备案' };

describe('node server/main.ts verify-seal FILE [SIG]', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qingdan-cli-'));
    env = { ...process.env, NODE_ENV: 'test', QINGDAN_DATA_DIR: dir, QINGDAN_DATABASE_URL: `sqlite:${path.join(dir, 'q.db')}`, QINGDAN_SEAL_KEK: randomBytes(32).toString('base64') };
    const config = loadConfig(env, { webDistDir: '/nonexistent' });
    const database = openDatabase(config.databaseUrl);
    await migrateToLatest(database.db, database.dialect);
    await seedDemo(database, { ...config, demoPassword: DEMO_PASSWORD });
    const app = await buildApp(config, { db: database, logger: false });
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: DEMO_PASSWORD } });
    const headers = { cookie: `qingdan_session=${login.cookies.find((c) => c.name === 'qingdan_session')!.value}`, 'x-csrf-token': login.json().csrfToken as string };
    const orgs = (await app.inject({ method: 'GET', url: '/api/orgs', headers })).json().items as Array<{ id: string; kind: string }>;
    const seal = (await app.inject({ method: 'POST', url: '/api/seals', headers, payload: { orgId: orgs.find((o) => o.kind === 'bureau')!.id } })).json() as { id: string };
    const record = (await app.inject({ method: 'POST', url: `/api/seals/${seal.id}/seal`, headers, payload: { json: receipt } })).json();
    const pdf = (await app.inject({ method: 'POST', url: `/api/seals/${seal.id}/sealed-pdf`, headers, payload: { title: '回执', paragraphs: ['正文'] } })).json();
    fs.writeFileSync(path.join(dir, 'receipt.json'), JSON.stringify(receipt, null, 2));
    fs.writeFileSync(path.join(dir, 'changed.json'), JSON.stringify({ ...receipt, 事项: '许可' }));
    fs.writeFileSync(path.join(dir, 'receipt.sig.json'), JSON.stringify(record));
    fs.writeFileSync(path.join(dir, 'sealed.pdf'), Buffer.from(pdf.pdfBase64 as string, 'base64'));
    await app.close();
    await database.destroy();
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const cli = (...args: string[]) => spawnSync(process.execPath, [path.join(root, 'server', 'main.ts'), 'verify-seal', ...args], { env, encoding: 'utf8' });

  it('valid (exit 0) for a sealed PDF and for a JSON document with its signature record', () => {
    const pdf = cli(path.join(dir, 'sealed.pdf'));
    expect(pdf.status, pdf.stderr + pdf.stdout).toBe(0);
    expect(pdf.stdout).toMatch(/^verdict: valid\n/);
    expect(pdf.stdout).toContain('盖章单位: 乌审旗政务服务局');
    const json = cli(path.join(dir, 'receipt.json'), path.join(dir, 'receipt.sig.json'));
    expect(json.status, json.stderr + json.stdout).toBe(0);
    expect(json.stdout).toContain('盖章时间: ');
  });

  it('tampered (exit 1) for a changed document; usage error (exit 1, stderr) without arguments', () => {
    const changed = cli(path.join(dir, 'changed.json'), path.join(dir, 'receipt.sig.json'));
    expect(changed.status).toBe(1);
    expect(changed.stdout).toMatch(/^verdict: tampered\n/);
    const usage = cli();
    expect(usage.status).toBe(1);
    expect(usage.stderr).toContain('usage: main.ts verify-seal FILE [SIG]');
  });
});
