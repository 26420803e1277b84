// The bench database: migrated, seeded with the demo orgs and accounts (no demo items), then N generated items.
// With `--from FILE` the filled database is kept as a template: generated into FILE the first time, copied from it
// on later runs (a 1M-item list takes minutes to generate; runs that only measure can start from the copy).
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../server/config.ts';
import { openDatabase, type Db } from '../server/db/database.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { seedDemo } from '../server/bootstrap/demo/seed-demo.ts';
import { generate } from './generate.ts';

async function fill(file: string, config: Config, items: number, orgs: number): Promise<void> {
  const db = openDatabase(`sqlite:${file}`);
  await migrateToLatest(db.db, db.dialect);
  process.stdout.write(`SQLite: generating ${items} items over ${orgs} orgs into ${file}…\n`);
  await seedDemo(db, config); // the bureau, its accounts (importer, publisher) and the demo departments; no items
  await generate(db, { items, orgs });
  await db.destroy();
}

/** Opens `dir`/bench.db filled with `items` items (from the template `from` when given, made first if missing). */
export async function benchSqlite(dir: string, config: Config, options: { items: number; orgs: number; from?: string }): Promise<{ db: Db; url: string }> {
  const file = path.join(dir, 'bench.db');
  if (options.from) {
    const template = path.resolve(options.from);
    if (!fs.existsSync(template)) await fill(template, config, options.items, options.orgs);
    else process.stdout.write(`SQLite: copying the template ${template} (its item count is what it was generated with)\n`);
    // A closed database has no write-ahead log left; one that has is still being written (or was not closed).
    if (fs.existsSync(`${template}-wal`) && fs.statSync(`${template}-wal`).size > 0) throw new Error(`${template} is still being written (it has a -wal file): wait for it, or open and close it once`);
    fs.copyFileSync(template, file);
  } else {
    await fill(file, config, options.items, options.orgs);
  }
  const url = `sqlite:${file}`;
  const db = openDatabase(url);
  await migrateToLatest(db.db, db.dialect);
  return { db, url };
}
