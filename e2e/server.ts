// Starts `node server/main.ts serve` on a fresh SQLite database with demo data, for one test run.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export interface RunningServer {
  baseUrl: string;
  /** Stops the process (SIGTERM, then SIGKILL) and removes its data directory. Safe to call twice. */
  stop: () => Promise<void>;
}

export interface StartOptions {
  repoRoot: string;
  logFile: string;
  timeoutMs: number;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function tail(file: string, lines: number): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no server log)';
  }
}

const children = new Set<ChildProcess>();
// Last resort: a crash or Ctrl-C in the runner must not leave a server holding a port.
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    for (const child of children) child.kill('SIGKILL');
    process.exit(130);
  });
}

/** Waits until GET /readyz answers 200; fails early when the process exits. */
export async function waitForReady(baseUrl: string, timeoutMs: number, child?: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode} before it was ready`);
    try {
      const response = await fetch(`${baseUrl}/readyz`, { signal: AbortSignal.timeout(2000) });
      if (response.status === 200) return;
      last = `HTTP ${response.status}`;
    } catch (e) {
      last = e instanceof Error ? e.message : String(e);
    }
    await sleep(250);
  }
  throw new Error(`server at ${baseUrl} not ready after ${timeoutMs} ms (last: ${last})`);
}

/** Spawns the server with QINGDAN_DEMO=1 on a temporary SQLite database and a free port. */
export async function startServer({ repoRoot, logFile, timeoutMs }: StartOptions): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'qingdan-e2e-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const log = createWriteStream(logFile);
  const child = spawn(process.execPath, ['server/main.ts', 'serve'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      QINGDAN_DATABASE_URL: `sqlite:${join(dataDir, 'e2e.db')}`,
      QINGDAN_DATA_DIR: dataDir,
      QINGDAN_PORT: String(port),
      QINGDAN_DEMO: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    children.delete(child);
    await new Promise<void>((resolve) => log.end(resolve));
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    await waitForReady(baseUrl, timeoutMs, child);
  } catch (e) {
    await stop();
    const reason = e instanceof Error ? e.message : String(e);
    throw new Error(`${reason}\n--- last lines of ${logFile} ---\n${tail(logFile, 40)}`, { cause: e });
  }
  return { baseUrl, stop };
}
