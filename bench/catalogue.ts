// `npm run bench -- catalogue [--items N] [--orgs N] [--from FILE] [--queries-only] [--pg URL [--pg-keep NAME]]`: the list at
// scale (issue 3 performance). Generates N items (default 1,000,000) over ~1,000 orgs on SQLite (and PostgreSQL when --pg
// names an admin URL; --pg-keep generates into database NAME once, keeps it and reuses it on later runs),
// then measures search, keyset list pages, item detail and as-of pages through the services, in process; then
// import throughput for a 10,000-row workbook and an export of ~100,000 items (bench/import-export.ts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { loadConfig, type Config } from '../server/config.ts';
import { openDatabase, type Db } from '../server/db/database.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { seedDemo } from '../server/bootstrap/demo/seed-demo.ts';
import { getItemDetail } from '../server/domain/catalogue/items.service.ts';
import { listItems } from '../server/domain/catalogue/list.service.ts';
import type { ServiceContext } from '../server/platform/context.ts';
import { generate, TYPES } from './generate.ts';
import { benchSqlite } from './db.ts';
import { asUser, measureExport, measureImport, type Measured } from './import-export.ts';

const { values } = parseArgs({ options: { items: { type: 'string' }, orgs: { type: 'string' }, from: { type: 'string' }, 'queries-only': { type: 'boolean' }, pg: { type: 'string' }, 'pg-keep': { type: 'string' } } });
const N = Number(values.items ?? 1_000_000);
const ORGS = Number(values.orgs ?? 1_000);
const CONFIG: Config = loadConfig({ NODE_ENV: 'test', QINGDAN_DEMO_PASSWORD: 'Qingdan-bench-2026' });


function stats(samples: number[]): { median: number; p99: number } {
  const s = [...samples].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], p99: s[Math.min(s.length - 1, Math.floor(s.length * 0.99))] };
}

async function measure(label: string, db: Db): Promise<Array<{ name: string; median: number; p99: number; target: number }>> {
  const ctx: ServiceContext = { db: db.db, dialect: db.dialect, config: CONFIG, actor: null, requestId: 'bench', ip: null, now: new Date() };
  const out: Array<{ name: string; median: number; p99: number; target: number }> = [];
  const run = async (name: string, target: number, times: number, fn: (i: number) => Promise<unknown>) => {
    for (let i = 0; i < 5; i++) await fn(i);
    const samples: number[] = [];
    for (let i = 0; i < times; i++) {
      const t0 = performance.now();
      await fn(i);
      samples.push(performance.now() - t0);
    }
    const s = stats(samples);
    out.push({ name: `${label} ${name}`, ...s, target });
  };
  const q1 = ['证', '药', '户', '犬', '草'];
  const q2 = ['许可', '登记', '备案', '救助', '草原'];
  const q4 = ['食品经营', '道路运输', '公共场所', '特种设备', '临时救助'];
  const qm = ['食品 许可', 'icp 备案', '150626', '药品经营许可', '残疾人 补贴'];
  await run('search 1-char top 20', 15, 100, (i) => listItems(ctx, { q: q1[i % 5], limit: 20 }));
  await run('search 2-char top 20', 15, 100, (i) => listItems(ctx, { q: q2[i % 5], limit: 20 }));
  await run('search 4-char top 20', 15, 100, (i) => listItems(ctx, { q: q4[i % 5], limit: 20 }));
  await run('search mixed top 20', 15, 100, (i) => listItems(ctx, { q: qm[i % 5], limit: 20 }));
  // The third page of an org's list, from the cursor the second page gave (fetched before the clock starts).
  const thirdPageCursors: Array<string | undefined> = [];
  for (let i = 0; i < 105; i++) {
    let page = await listItems(ctx, { orgId: `bench-org-${(i * 37) % ORGS}`, limit: 20 });
    for (let p = 0; p < 1 && page.nextCursor; p++) page = await listItems(ctx, { orgId: `bench-org-${(i * 37) % ORGS}`, limit: 20, cursor: page.nextCursor });
    thirdPageCursors.push(page.nextCursor ?? undefined);
  }
  await run('list page by org (keyset, page 3)', 5, 100, (i) => listItems(ctx, { orgId: `bench-org-${(i * 37) % ORGS}`, limit: 20, cursor: thirdPageCursors[i] }));
  await run('list page by type', 5, 100, (i) => listItems(ctx, { type: TYPES[i % TYPES.length], limit: 20 }));
  const codes = (await db.db.selectFrom('item').select('implementation_code').where('org_id', 'in', ['bench-org-3', `bench-org-${ORGS - 1}`]).limit(50).execute()).map((r) => r.implementation_code);
  await run('item detail', 5, 100, (i) => getItemDetail(ctx, codes[i % codes.length]));
  await run('as-of-date list page', 5, 100, (i) => listItems(ctx, { asOf: '2026-03-01', orgId: `bench-org-${(i * 13) % ORGS}`, limit: 20 }));
  return out;
}

async function importExport(label: string, db: Db, databaseUrl: string): Promise<Measured[]> {
  if (values['queries-only']) return [];
  const admin = await asUser(db, CONFIG, 'admin');
  return [...(await measureImport(label, admin)), ...(await measureExport(label, db, databaseUrl))];
}

const results: Array<{ name: string; median: number; p99: number; target: number }> = [];
const other: Measured[] = [];
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qingdan-bench-'));
const { db: sqliteDb, url: sqliteUrl } = await benchSqlite(dir, CONFIG, { items: N, orgs: ORGS, from: values.from });
results.push(...(await measure('SQLite', sqliteDb)));
other.push(...(await importExport('SQLite', sqliteDb, sqliteUrl)));
await sqliteDb.destroy();
fs.rmSync(dir, { recursive: true, force: true });

if (values.pg) {
  const keep = values['pg-keep'];
  if (keep && !/^[a-z_][a-z0-9_]*$/.test(keep)) throw new Error('--pg-keep takes a plain database name (a-z, 0-9, _)');
  const name = keep ?? `qingdan_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: values.pg });
  await admin.connect();
  const exists = (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;
  if (!exists) await admin.query(`create database ${name} template template0 encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8'`);
  await admin.end();
  const url = new URL(values.pg);
  url.pathname = `/${name}`;
  const pgDb = openDatabase(url.toString());
  await migrateToLatest(pgDb.db, pgDb.dialect);
  if (exists) {
    process.stdout.write(`PostgreSQL: reusing ${name} (its item count is what it was generated with)\n`);
  } else {
    process.stdout.write(`PostgreSQL: generating ${N} items…\n`);
    await seedDemo(pgDb, CONFIG);
    await generate(pgDb, { items: N, orgs: ORGS });
  }
  results.push(...(await measure('PostgreSQL', pgDb)));
  other.push(...(await importExport('PostgreSQL', pgDb, url.toString())));
  await pgDb.destroy();
  if (!keep) {
    const cleanup = new pg.Client({ connectionString: values.pg });
    await cleanup.connect();
    await cleanup.query(`drop database ${name} with (force)`);
    await cleanup.end();
  }
}

const width = Math.max(...results.map((r) => r.name.length));
for (const r of results) {
  process.stdout.write(`${r.p99 <= r.target ? 'ok  ' : 'MISS'} ${r.name.padEnd(width)}  median ${r.median.toFixed(2).padStart(8)} ms  p99 ${r.p99.toFixed(2).padStart(8)} ms  (target p99 ≤ ${r.target})\n`);
}
for (const m of other) {
  process.stdout.write(`${m.ok ? 'ok  ' : 'MISS'} ${m.name.padEnd(width)}  ${String(m.value).padStart(9)} ${m.unit}  (target ${m.target})${m.note ? ` — ${m.note}` : ''}\n`);
}
process.stdout.write(`peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB\n`);
fs.mkdirSync(path.join(import.meta.dirname, 'results'), { recursive: true });
fs.writeFileSync(path.join(import.meta.dirname, 'results', 'catalogue.json'), JSON.stringify({ at: new Date().toISOString(), items: N, orgs: ORGS, results, importExport: other }, null, 2));
