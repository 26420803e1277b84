// `npm start`: build the workbench once if it is missing or older than its sources, then serve with demo data.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'web', 'dist', 'index.html');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

if (!fs.existsSync(dist) || fs.statSync(dist).mtimeMs < newestSource(path.join(root, 'web'))) {
  process.stdout.write('building the workbench (web/dist)…\n');
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const build = spawnSync(process.execPath, [vite, 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// Serve in this process: the CLI reads its command from argv.
process.argv = [process.argv[0], path.join(root, 'server', 'main.ts'), 'serve'];
await import('../server/main.ts');
