// The one CLI entry: serve | migrate | seed-demo | create-admin | verify-seal | verify-log.
import { parseArgs } from 'node:util';
import { buildApp } from './app.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { openDatabase } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { startScheduler } from './jobs/scheduler.ts';
import { seedFullDemo } from './bootstrap/demo/seed-demo.ts';
import { createFirstAdmin } from './bootstrap/create-admin.ts';
import { verifySealCommand } from './cli/verify-seal.ts';
import { verifyLogCommand } from './cli/verify-log.ts';
import { loadSealKek } from './domain/seals/kek.ts';

function log(message: string): void {
  process.stdout.write(`${message}\n`);
}

async function migrate(config: Config): Promise<void> {
  const database = openDatabase(config.databaseUrl);
  try {
    const { applied } = await migrateToLatest(database.db, database.dialect);
    log(applied.length ? `migrations applied: ${applied.join(', ')}` : 'database is up to date');
  } finally {
    await database.destroy();
  }
}

async function serve(config: Config): Promise<void> {
  // Read (in development: create, mode 0600) the seal key-encryption key before anything else.
  loadSealKek(config.sealKek);
  const database = openDatabase(config.databaseUrl);
  await migrateToLatest(database.db, database.dialect);
  if (config.demo) {
    const loaded = await seedFullDemo(database, config);
    if (loaded) log(`${loaded} (see README for the demo password)`);
  }
  const app = await buildApp(config, { db: database });
  // Scheduled work (due adjustments, deadline reminders) runs on every node; database leases keep each job single.
  const stopScheduler = startScheduler(database.db, database.dialect, config, (msg, err) => app.log.error({ err }, msg));
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    stopScheduler();
    await app.close();
    await database.destroy();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  log(`Qingdan is serving http://localhost:${port}  (workbench /admin, API docs /api/docs)`);
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  const config = loadConfig();
  switch (command) {
    case 'serve':
      return serve(config);
    case 'migrate':
      return migrate(config);
    case 'seed-demo': {
      const database = openDatabase(config.databaseUrl);
      try {
        await migrateToLatest(database.db, database.dialect);
        const loaded = await seedFullDemo(database, config);
        log(loaded ?? 'database is not empty: demo data not loaded');
      } finally {
        await database.destroy();
      }
      return;
    }
    case 'create-admin': {
      const { values } = parseArgs({
        args: rest,
        options: { username: { type: 'string' }, 'display-name': { type: 'string' }, 'org-uscc': { type: 'string' }, 'org-name': { type: 'string' } },
      });
      // The password comes from the environment, never the command line (shell history, ps).
      const password = process.env.QINGDAN_ADMIN_PASSWORD;
      if (!values.username || !password) {
        throw new ConfigError('usage: QINGDAN_ADMIN_PASSWORD=… main.ts create-admin --username NAME [--display-name 名称] [--org-uscc USCC --org-name 名称]');
      }
      const database = openDatabase(config.databaseUrl);
      try {
        await migrateToLatest(database.db, database.dialect);
        const result = await createFirstAdmin(database, config, {
          username: values.username,
          displayName: values['display-name'] ?? '系统管理员',
          password,
          orgUscc: values['org-uscc'],
          orgName: values['org-name'],
        });
        log(`administrator ${result.username} created in ${result.orgName}`);
      } finally {
        await database.destroy();
      }
      return;
    }
    case 'verify-seal':
      process.exitCode = await verifySealCommand(config, rest, (text) => process.stdout.write(text));
      return;
    case 'verify-log':
      process.exitCode = await verifyLogCommand(rest, (text) => process.stdout.write(text));
      return;
    default:
      throw new ConfigError(`unknown command "${command ?? ''}": use serve | migrate | seed-demo | create-admin | verify-seal | verify-log`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`qingdan: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
