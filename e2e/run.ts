// Browser test runner: `node e2e/run.ts` (npm run test:e2e). See e2e/README.md.
import { after, before, test } from 'node:test';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { journeys, repoRoot, runJourney, setUp, tearDown } from './harness.ts';

// Every e2e/*.e2e.ts declares journeys with journey(); `node e2e/run.ts calendar` loads only the
// files whose name contains "calendar".
const filters = process.argv.slice(2);
const dir = join(repoRoot, 'e2e');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.e2e.ts'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();

for (const file of files) await import(pathToFileURL(join(dir, file)).href);

// One server and one browser for the whole run; the after hook stops both even when a journey or
// the start-up failed (server.ts also kills the server on exit and on SIGINT/SIGTERM).
before(setUp, { timeout: 180_000 });
after(tearDown, { timeout: 30_000 });
for (const j of journeys) test(j.name, { timeout: j.timeout }, () => runJourney(j));
