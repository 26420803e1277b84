import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';

// The CLI as an operator or a deploy script runs it: a migration that fails must stop everything with a non-zero exit.

const root = path.resolve(import.meta.dirname, '..');

describe('server/main.ts', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('`migrate` and `serve` exit 1 with the reason when a migration fails, and `serve` never listens', { timeout: 90_000 }, () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qingdan-cli-'));
    const file = path.join(dir, 'q.db');
    // A table the first migration creates already exists with other columns: that migration cannot run.
    const raw = new DatabaseSync(file);
    raw.exec('create table org (x integer)');
    raw.close();
    const env = { ...process.env, NODE_ENV: 'development', QINGDAN_DATA_DIR: dir, QINGDAN_DATABASE_URL: `sqlite:${file}`, QINGDAN_HOST: '127.0.0.1', QINGDAN_PORT: '18999', QINGDAN_LOG_LEVEL: 'silent' };
    for (const command of ['migrate', 'serve']) {
      const run = spawnSync(process.execPath, ['server/main.ts', command], { cwd: root, env, encoding: 'utf8', timeout: 30_000 });
      expect(run.status, `${command}: ${run.stdout}${run.stderr}`).toBe(1);
      expect(run.stderr).toMatch(/^qingdan: .*org/m);
      expect(run.stdout).not.toContain('Qingdan is serving');
    }
    const check = new DatabaseSync(file);
    expect(check.prepare("select count(*) as n from sqlite_master where name = 'app_user'").get()).toEqual({ n: 0 });
    check.close();
  });
});
