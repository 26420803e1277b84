import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { buildApp } from '../app.ts';
import { loadConfig, type Config } from '../config.ts';
import { openDatabase, type Db, type Dialect } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { seedDemo } from '../bootstrap/demo/seed-demo.ts';

/** The dialect this test run uses: PostgreSQL when QINGDAN_TEST_DATABASE_URL is set (CI's second pass), else SQLite. */
export const TEST_DIALECT: Dialect = process.env.QINGDAN_TEST_DATABASE_URL ? 'postgres' : 'sqlite';

export const DEMO_PASSWORD = 'Qingdan-demo-2026';

/**
 * A fresh, migrated database: in-memory SQLite, or a new database on the PostgreSQL server
 * named by QINGDAN_TEST_DATABASE_URL (dropped again by `destroy`). `migrationsDir`: migrate only as far as the
 * migrations in that folder (a migration test then applies the rest).
 */
export async function createTestDatabase(options: { migrationsDir?: string } = {}): Promise<Db> {
  const adminUrl = process.env.QINGDAN_TEST_DATABASE_URL;
  if (!adminUrl) {
    const db = openDatabase('sqlite::memory:');
    await migrateToLatest(db.db, db.dialect, options.migrationsDir);
    return db;
  }
  const { url, drop } = await createPostgresTestDatabase(adminUrl);
  const db = openDatabase(url);
  await migrateToLatest(db.db, db.dialect, options.migrationsDir);
  return {
    ...db,
    destroy: async () => {
      await db.destroy();
      await drop();
    },
  };
}

/** Runs `run` on a fresh, migrated database (createTestDatabase) and destroys it afterwards, whether `run` passed or not. */
export async function withTestDatabase<T>(run: (db: Db) => Promise<T>): Promise<T> {
  const db = await createTestDatabase();
  try {
    return await run(db);
  } finally {
    await db.destroy();
  }
}

/** A new, empty database on the PostgreSQL server of `adminUrl`: its URL and how to drop it. */
async function createPostgresTestDatabase(adminUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `qingdan_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name} template template0 encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8'`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

export interface Session {
  cookie: string;
  csrfToken: string;
  userId: string;
  orgId: string;
}

export interface TestApp {
  app: FastifyInstance;
  database: Db;
  config: Config;
  /** Signs a demo (or other) account in and returns its cookie and CSRF token. */
  login(username: string, password?: string): Promise<Session>;
  /** Signs these demo accounts in, one after another, and returns their sessions in the same order. */
  loginAll(...usernames: string[]): Promise<Session[]>;
  /** Sends a request as `session` (anonymous when undefined), JSON body, CSRF header included. */
  call(session: Session | undefined, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown): Promise<LightMyRequestResponse>;
  /** The audit rows with this action, newest first. */
  auditRows(action: string): Promise<Array<{ action: string; actor_id: string | null; target_id: string | null; summary: string; request_id: string | null }>>;
  close(): Promise<void>;
}

/** Builds the app on a fresh database with the 乌审旗 demo orgs and accounts. */
export async function buildTestApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = testConfig(overrides);
  await seedDemo(database, config);
  return testAppOn(database, config);
}

/** The test configuration: in-memory SQLite, no web build, a random seal key; `env` adds or replaces environment variables. */
export function testConfig(overrides: Partial<Config> = {}, env: Record<string, string> = {}): Config {
  return loadConfig({ NODE_ENV: 'test', QINGDAN_DEMO_PASSWORD: DEMO_PASSWORD, ...env }, { databaseUrl: 'sqlite::memory:', webDistDir: '/nonexistent', sealKek: { kind: 'inline', key: randomBytes(32) }, ...overrides });
}

/**
 * Two apps on one fresh database, each with its own connection, as two nodes behind a load balancer: a SQLite file
 * opened twice, or a new PostgreSQL database with two pools. Demo orgs and accounts; `close` ends both and the database.
 */
export async function buildTestNodes(): Promise<{ a: TestApp; b: TestApp; close(): Promise<void> }> {
  const adminUrl = process.env.QINGDAN_TEST_DATABASE_URL;
  const dir = adminUrl ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'qingdan-nodes-'));
  const shared = adminUrl ? await createPostgresTestDatabase(adminUrl) : { url: `sqlite:${path.join(dir!, 'db.sqlite')}`, drop: async () => fs.rmSync(dir!, { recursive: true, force: true }) };
  const first = openDatabase(shared.url);
  await migrateToLatest(first.db, first.dialect);
  const config = testConfig({ databaseUrl: shared.url });
  await seedDemo(first, config);
  const a = await testAppOn(first, config);
  const b = await testAppOn(openDatabase(shared.url), config);
  return {
    a, b,
    close: async () => {
      await a.close();
      await b.close();
      await shared.drop();
    },
  };
}

async function testAppOn(database: Db, config: Config): Promise<TestApp> {
  const app = await buildApp(config, { db: database, logger: false });
  await app.ready();
  const call: TestApp['call'] = (session, method, url, body) =>
    app.inject({
      method,
      url,
      headers: {
        ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {}),
        ...(method === 'GET' ? {} : { 'content-type': 'application/json' }),
      },
      payload: method === 'GET' ? undefined : JSON.stringify(body ?? {}),
    });
  const login: TestApp['login'] = async (username, password = DEMO_PASSWORD) => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === 'qingdan_session');
    const me = res.json() as { csrfToken: string; id: string; orgId: string };
    return { cookie: `qingdan_session=${cookie!.value}`, csrfToken: me.csrfToken, userId: me.id, orgId: me.orgId };
  };
  return {
    app,
    database,
    config,
    call,
    login,
    async loginAll(...usernames) {
      const sessions: Session[] = [];
      for (const username of usernames) sessions.push(await login(username));
      return sessions;
    },
    async auditRows(action) {
      return database.db.selectFrom('audit_event').select(['action', 'actor_id', 'target_id', 'summary', 'request_id']).where('action', '=', action).orderBy('id', 'desc').execute();
    },
    async close() {
      await app.close();
      await database.destroy();
    },
  };
}
