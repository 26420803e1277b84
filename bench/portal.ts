// `npm run bench -- portal [--items N] [--orgs N] [--seconds S] [--from FILE]`: the public portal over HTTP at scale (issue 6).
// Generates N items (default 1,000,000; bench/generate.ts) on SQLite next to the demo orgs and accounts, starts the
// real app and a bare Fastify hello-world in this process (both on 127.0.0.1), and loads each with autocannon
// (50 connections, S seconds, in a child process): bare route, item guide page (plain GET and conditional GET with
// If-None-Match), search results page /items?q=食品. Then publishing: a sealed first publication, 1,000 items get a
// new final version effective after it, and publishList is timed.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type autocannon from 'autocannon';
import Fastify from 'fastify';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { filterColumns } from '../server/domain/catalogue/items.service.ts';
import { publishList } from '../server/domain/publications/publications.service.ts';
import { createSeal } from '../server/domain/seals/seals.service.ts';
import type { ItemElements } from '../common/item-elements.ts';
import { benchSqlite } from './db.ts';
import { asUser } from './import-export.ts';

const { values } = parseArgs({ options: { items: { type: 'string' }, orgs: { type: 'string' }, seconds: { type: 'string' }, from: { type: 'string' } } });
const N = Number(values.items ?? 1_000_000);
const ORGS = Number(values.orgs ?? 1_000);
const SECONDS = Number(values.seconds ?? 10);
const CONNECTIONS = 50;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qingdan-portal-bench-'));
const databaseUrl = `sqlite:${path.join(dir, 'bench.db')}`;
const config = loadConfig({ NODE_ENV: 'test', QINGDAN_DEMO_PASSWORD: 'Qingdan-bench-2026' }, { databaseUrl, webDistDir: '/nonexistent', sealKek: { kind: 'inline', key: randomBytes(32) } });
const { db } = await benchSqlite(dir, config, { items: N, orgs: ORGS, from: values.from });

interface Row {
  name: string;
  value: number;
  unit: string;
  target: string;
  ok: boolean;
  note?: string;
}
const rows: Row[] = [];

// ---- publishing: seal, first publication, 1,000 changed items, second publication
const admin = await asUser(db, config, 'admin');
const reviewer = await asUser(db, config, 'reviewer');
await createSeal(admin, { orgId: admin.actor!.orgId });
let t0 = performance.now();
const first = await publishList({ ...reviewer, now: new Date() });
const firstS = (performance.now() - t0) / 1000;
rows.push({ name: `first publication (${first.itemCount} items, no previous)`, value: Math.round(firstS * 100) / 100, unit: 's', target: 'reported', ok: true });

await new Promise((r) => setTimeout(r, 20));
const changeAt = new Date().toISOString();
const CHANGED = Math.min(1000, N);
const step = Math.floor(N / CHANGED);
const ids = Array.from({ length: CHANGED }, (_, i) => `bench-item-${i * step}`);
await db.db.transaction().execute(async (trx) => {
  for (let i = 0; i < ids.length; i += 200) {
    const v1 = await trx.selectFrom('item_version').selectAll().where('item_id', 'in', ids.slice(i, i + 200)).where('version_no', '=', 1).execute();
    await trx.updateTable('item_version').set({ effective_to: changeAt }).where('item_id', 'in', ids.slice(i, i + 200)).where('version_no', '=', 1).execute();
    await trx.insertInto('item_version').values(v1.map((v) => {
      const el = JSON.parse(v.elements) as ItemElements;
      el.promisedTimeLimit = { amount: 3, unit: 'workday' };
      el.hours = '工作日 9:00–17:00（基准测试修改）';
      return { ...v, id: `${v.item_id}-v2`, version_no: 2, effective_from: changeAt, effective_to: null, ...filterColumns(el), created_at: changeAt, updated_at: changeAt, finalised_at: changeAt };
    })).execute();
  }
});
await new Promise((r) => setTimeout(r, 20));
t0 = performance.now();
const second = await publishList({ ...reviewer, now: new Date() });
const publishS = (performance.now() - t0) / 1000;
const changedCount = Object.values(second.counts).reduce((a, b) => a + b, 0);
rows.push({ name: `publish with ${CHANGED} changed items among ${second.itemCount}`, value: Math.round(publishS * 100) / 100, unit: 's', target: '≤ 3', ok: publishS <= 3, note: `changes recorded: ${JSON.stringify(second.counts)}` });
if (changedCount !== CHANGED) process.stdout.write(`  warning: the publication recorded ${changedCount} changes, expected ${CHANGED}\n`);

// ---- HTTP
const app = await buildApp(config, { db, logger: false });
await app.listen({ host: '127.0.0.1', port: 0 });
const appUrl = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
const bare = Fastify({ logger: false });
bare.get('/', async () => ({ hello: 'world' }));
await bare.listen({ host: '127.0.0.1', port: 0 });
const bareUrl = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}/`;

function load(url: string, headers: Record<string, string> = {}): Promise<autocannon.Result> {
  const options = { url, connections: CONNECTIONS, duration: SECONDS, headers };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(import.meta.dirname, 'load-child.ts'), JSON.stringify(options)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let text = '';
    child.stdout.on('data', (d: Buffer) => (text += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(text) as autocannon.Result) : reject(new Error(`autocannon child exited ${code}`))));
  });
}

const code = (await db.db.selectFrom('item').select('implementation_code').where('id', '=', `bench-item-${Math.floor(N / 2) + 1}`).executeTakeFirstOrThrow()).implementation_code;
const guideUrl = `${appUrl}/items/${code}`;
const probe = await fetch(guideUrl);
const etag = probe.headers.get('etag');
const probeBody = await probe.text();
if (probe.status !== 200 || !etag) throw new Error(`guide page ${guideUrl}: ${probe.status}, etag ${etag}`);
const cond = await fetch(guideUrl, { headers: { 'if-none-match': etag } });
if (cond.status !== 304) throw new Error(`conditional guide page answered ${cond.status}`);
const searchUrl = `${appUrl}/items?q=${encodeURIComponent('食品')}`;
const searchProbe = await fetch(searchUrl);
const searchBody = await searchProbe.text();
if (searchProbe.status !== 200) throw new Error(`search page answered ${searchProbe.status}`);
process.stdout.write(`  guide page ${probeBody.length} chars, ETag ${etag}; search page ${searchBody.length} chars\n`);

const http: Array<{ name: string; r: autocannon.Result }> = [];
for (const [name, url, headers] of [
  ['bare Fastify hello-world', bareUrl, {}],
  ['guide page /items/:code (plain GET, 200)', guideUrl, {}],
  ['guide page /items/:code (If-None-Match, 304)', guideUrl, { 'if-none-match': etag }],
  ['search results page /items?q=食品', searchUrl, {}],
] as const) {
  process.stdout.write(`  loading ${name} for ${SECONDS} s…\n`);
  http.push({ name, r: await load(url, headers) });
}
const bareRps = http[0].r.requests.average;
for (const { name, r } of http) {
  const share = r.requests.average / bareRps;
  const cached = name.startsWith('guide');
  rows.push({
    name: `${name} req/s`, value: Math.round(r.requests.average), unit: 'req/s',
    target: cached ? '≥ 40% of bare' : name.startsWith('bare') ? 'baseline' : 'reported',
    ok: cached ? share >= 0.4 : true,
    note: `${Math.round(share * 100)}% of bare; p99 ${r.latency.p99} ms, median ${r.latency.p50} ms; ${r['2xx']} 2xx, ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts`,
  });
}

await app.close();
await bare.close();
await db.destroy();
fs.rmSync(dir, { recursive: true, force: true });

const width = Math.max(...rows.map((r) => r.name.length));
for (const r of rows) process.stdout.write(`${r.ok ? 'ok  ' : 'MISS'} ${r.name.padEnd(width)}  ${String(r.value).padStart(8)} ${r.unit}  (target ${r.target})${r.note ? ` — ${r.note}` : ''}\n`);
process.stdout.write(`load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}; peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB\n`);
fs.mkdirSync(path.join(import.meta.dirname, 'results'), { recursive: true });
fs.writeFileSync(path.join(import.meta.dirname, 'results', 'portal.json'), JSON.stringify({ at: new Date().toISOString(), items: N, orgs: ORGS, connections: CONNECTIONS, seconds: SECONDS, rows, http }, null, 2));
