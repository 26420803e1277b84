// `npm run bench`: speed and memory targets, measured (never asserted in timed tests).
// Exits non-zero when a target is missed. Results also go to bench/results/latest.json.
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { addWorkingDays, buildWorkCalendar, type CalendarDay } from '../common/calendar.ts';
import { buildTestApp } from '../server/test/test-app.ts';

interface Result {
  name: string;
  value: number;
  unit: string;
  target: number;
  ok: boolean;
}

const results: Result[] = [];
const record = (name: string, value: number, unit: string, target: number) =>
  results.push({ name, value: Math.round(value * 1000) / 1000, unit, target, ok: value <= target });

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const t = await buildTestApp();
const admin = await t.login('admin');

for (const [name, url, target] of [
  ['GET /api/orgs p95', '/api/orgs', 15],
  ['GET /api/me p95', '/api/me', 10],
  ['GET /api/calendar/deadline p95', '/api/calendar/deadline?from=2025-09-26&workingDays=20', 10],
  ['GET /api/audit p95', '/api/audit?limit=50', 15],
] as const) {
  const samples: number[] = [];
  for (let i = 0; i < 400; i++) {
    const start = performance.now();
    const res = await t.call(admin, 'GET', url);
    samples.push(performance.now() - start);
    if (res.statusCode !== 200) throw new Error(`${url} answered ${res.statusCode}`);
  }
  record(name, percentile(samples.slice(50), 95), 'ms', target);
}

const loginSamples: number[] = [];
for (let i = 0; i < 10; i++) {
  const start = performance.now();
  await t.login('reviewer');
  loginSamples.push(performance.now() - start);
}
record('login (argon2id) p50', percentile(loginSamples, 50), 'ms', 250);

const seed = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '..', 'server', 'db', 'migrations', 'data', 'calendar-2004-2026.json'), 'utf8')) as { years: number[]; days: CalendarDay[] };
const cal = buildWorkCalendar(seed.years, seed.days);
const n = 100_000;
const start = performance.now();
for (let i = 0; i < n; i++) addWorkingDays(cal, '2025-09-26', 20);
record('addWorkingDays(20) per call', ((performance.now() - start) / n) * 1000, 'µs', 50);

await t.close();
global.gc?.();
record('RSS after run', process.memoryUsage().rss / 1024 / 1024, 'MiB', 400);

const width = Math.max(...results.map((r) => r.name.length));
for (const r of results) {
  process.stdout.write(`${r.ok ? 'ok  ' : 'MISS'} ${r.name.padEnd(width)}  ${String(r.value).padStart(9)} ${r.unit.padEnd(3)} (target ≤ ${r.target})\n`);
}
fs.mkdirSync(path.join(import.meta.dirname, 'results'), { recursive: true });
fs.writeFileSync(path.join(import.meta.dirname, 'results', 'foundation.json'), JSON.stringify({ at: new Date().toISOString(), results }, null, 2));
process.exit(results.every((r) => r.ok) ? 0 : 1);
