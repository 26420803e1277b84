// `npm run bench -- import [--items N] [--orgs N] [--from FILE] [--rows N]`: only the spreadsheet import of the catalogue
// suite (bench/import-export.ts measureImport) on SQLite, without search, list and export measurements: the quick
// loop for import throughput (issue 3: ≥ 2,000 items/s for 10,000 new items into a 1,000,000-item list).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig, type Config } from '../server/config.ts';
import { benchSqlite } from './db.ts';
import { asUser, measureImport } from './import-export.ts';

const { values } = parseArgs({ options: { items: { type: 'string' }, orgs: { type: 'string' }, from: { type: 'string' }, rows: { type: 'string' } } });
const CONFIG: Config = loadConfig({ NODE_ENV: 'test', QINGDAN_DEMO_PASSWORD: 'Qingdan-bench-2026' });

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qingdan-bench-'));
try {
  const { db } = await benchSqlite(dir, CONFIG, { items: Number(values.items ?? 1_000_000), orgs: Number(values.orgs ?? 1_000), from: values.from });
  const results = await measureImport('SQLite', await asUser(db, CONFIG, 'admin'), Number(values.rows ?? 10_000));
  await db.destroy();
  for (const m of results) {
    process.stdout.write(`${m.ok ? 'ok  ' : 'MISS'} ${m.name}  ${m.value} ${m.unit}  (target ${m.target})${m.note ? ` — ${m.note}` : ''}\n`);
  }
  process.stdout.write(`peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB\n`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
