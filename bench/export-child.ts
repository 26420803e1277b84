// `node bench/export-child.ts <databaseUrl> <queryJSON> <outFile>`: one .xlsx export of the list, streamed to a file,
// in its own process so that its peak RSS is the export's. Prints {ms, bytes, maxRssMiB} as JSON.
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pipeline } from 'node:stream/promises';
import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/database.ts';
import { exportItems, type ExportQuery } from '../server/domain/catalogue/export.service.ts';

const [databaseUrl, queryJson, outFile] = process.argv.slice(2);
const db = openDatabase(databaseUrl);
const config = loadConfig({ NODE_ENV: 'test' }, { databaseUrl });
const baseline = process.memoryUsage().rss;
const t0 = performance.now();
// Anonymous, like GET /api/public/items/export.
const file = await exportItems({ db: db.db, dialect: db.dialect, config, actor: null, requestId: 'bench-export', ip: null, now: new Date() }, JSON.parse(queryJson) as ExportQuery, 'xlsx');
await pipeline(file.stream, fs.createWriteStream(outFile));
const ms = performance.now() - t0;
await db.destroy();
process.stdout.write(JSON.stringify({ ms, bytes: fs.statSync(outFile).size, maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024), baselineRssMiB: Math.round(baseline / 1024 / 1024) }));
