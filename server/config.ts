import fs from 'node:fs';
import path from 'node:path';

/** Typed configuration, read once from the environment; invalid values stop the process. */
export interface Config {
  env: 'development' | 'test' | 'production';
  databaseUrl: string;
  port: number;
  host: string;
  dataDir: string;
  logLevel: string;
  /** Seed demo data into an empty database at start. */
  demo: boolean;
  /** Demo accounts' password; refused in production. */
  demoPassword: string;
  session: { idleMinutes: number; absoluteHours: number; secureCookie: boolean };
  login: { maxFailures: number; lockMinutes: number; perIpPerMinute: number };
  /** Region this deployment serves (GB/T 2260 division code). */
  regionCode: string;
  /** Fastify trustProxy: false (default), true, or a comma list of proxy addresses/CIDRs whose X-Forwarded-For is believed. */
  trustProxy: boolean | string[];
  /** 事项类型 code used for 行政备案 (no confirmed national code: configurable, default 11). */
  filingTypeCode: string;
  /** Prefix of adjustment decision numbers: 乌政务调〔2026〕17号. */
  decisionPrefix: string;
  /** Working days after which an open handover alerts on dashboards. */
  handoverAlertWorkingDays: number;
  webDistDir: string;
  /** Key-encryption key of seal private keys: inline (QINGDAN_SEAL_KEK) or a file, never the database. */
  sealKek: SealKekConfig;
  /** 报备: how a report package reaches the city bureau, and how failed sends are retried. */
  reports: ReportsConfig;
  /** 接受社会监督: the answer deadline and the anonymous abuse guard. */
  feedback: { answerWorkingDays: number; perIpPerHour: number };
  /** E-mail copies of in-app notifications; off (host null) by default. */
  notify: NotifyConfig;
  /** The public origin of this deployment (https://qingdan.example.cn): printed on sealed PDFs, linked from e-mails. */
  publicBaseUrl: string | null;
}

export interface NotifyConfig {
  smtp: { host: string | null; port: number; secure: boolean; user: string | null; password: string | null };
  from: string | null;
  /** Origin the e-mailed links point at (https://qingdan.example.cn); without it mails show the path only. */
  baseUrl: string | null;
}

export type ReportDelivery = 'dir' | 'smtp' | 'http';

export interface ReportsConfig {
  delivery: ReportDelivery;
  /** Directory drop: each package lands in <dir>/<publication number>/. */
  dir: string;
  /** Addressee of the summary letter; default: the external org named 鄂尔多斯市行政审批和政务服务局. */
  recipient: string;
  smtp: { host: string | null; port: number; secure: boolean; user: string | null; password: string | null; from: string | null; to: string | null };
  http: { url: string | null; token: string | null; format: 'json' | 'multipart' };
  /** Failed sends are retried by a job after baseSeconds · 2^(attempt-1), up to maxAttempts in all. */
  retry: { maxAttempts: number; baseSeconds: number };
}

/** Where the seal KEK (32 bytes) comes from; `create` lets development and test generate the file at first start. */
export type SealKekConfig = { kind: 'inline'; key: Buffer } | { kind: 'file'; path: string; create: boolean };

export class ConfigError extends Error {}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  }
  return n;
}

/** Decodes a KEK given as base64 (or, from a file, 32 raw bytes); undefined unless it is exactly 32 bytes. */
export function decodeSealKek(raw: Buffer | string): Buffer | undefined {
  if (Buffer.isBuffer(raw) && raw.length === 32) return raw;
  const text = raw.toString().trim();
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(text)) return undefined;
  const key = Buffer.from(text, 'base64');
  return key.length === 32 ? key : undefined;
}

function sealKek(env: NodeJS.ProcessEnv, nodeEnv: Config['env'], dataDir: string): SealKekConfig {
  const inline = env.QINGDAN_SEAL_KEK;
  const file = env.QINGDAN_SEAL_KEK_FILE;
  if (inline) {
    const key = decodeSealKek(inline);
    if (!key) throw new ConfigError('QINGDAN_SEAL_KEK must be 32 bytes in base64 (e.g. `openssl rand -base64 32`)');
    return { kind: 'inline', key };
  }
  if (file) {
    const resolved = path.resolve(file);
    // Production refuses to start with a missing or malformed KEK file: seal keys would be unreadable.
    let content: Buffer;
    try {
      content = fs.readFileSync(resolved);
    } catch {
      throw new ConfigError(`QINGDAN_SEAL_KEK_FILE ${resolved} cannot be read`);
    }
    if (!decodeSealKek(content)) throw new ConfigError(`QINGDAN_SEAL_KEK_FILE ${resolved} must hold 32 bytes (raw or base64)`);
    return { kind: 'file', path: resolved, create: false };
  }
  if (nodeEnv === 'production') {
    throw new ConfigError('NODE_ENV=production needs a seal key-encryption key: set QINGDAN_SEAL_KEK_FILE (or QINGDAN_SEAL_KEK), see README "Seals"');
  }
  return { kind: 'file', path: path.join(dataDir, 'seal-kek.key'), create: true };
}

function reportsConfig(env: NodeJS.ProcessEnv, dataDir: string): ReportsConfig {
  const delivery = env.QINGDAN_REPORT_DELIVERY || 'dir';
  if (!['dir', 'smtp', 'http'].includes(delivery)) throw new ConfigError(`QINGDAN_REPORT_DELIVERY must be dir, smtp or http, got "${delivery}"`);
  const format = env.QINGDAN_REPORT_HTTP_FORMAT || 'json';
  if (!['json', 'multipart'].includes(format)) throw new ConfigError(`QINGDAN_REPORT_HTTP_FORMAT must be json or multipart, got "${format}"`);
  const url = env.QINGDAN_REPORT_HTTP_URL || null;
  if (url && !/^https?:\/\//.test(url)) throw new ConfigError('QINGDAN_REPORT_HTTP_URL must be an http(s) URL');
  return {
    delivery: delivery as ReportDelivery,
    dir: path.resolve(env.QINGDAN_REPORT_DIR || path.join(dataDir, 'reports')),
    recipient: env.QINGDAN_REPORT_RECIPIENT || '鄂尔多斯市行政审批和政务服务局',
    smtp: {
      host: env.QINGDAN_REPORT_SMTP_HOST || null,
      port: int(env, 'QINGDAN_REPORT_SMTP_PORT', 25, 1, 65535),
      secure: bool(env, 'QINGDAN_REPORT_SMTP_SECURE', false),
      user: env.QINGDAN_REPORT_SMTP_USER || null,
      password: env.QINGDAN_REPORT_SMTP_PASSWORD || null,
      from: env.QINGDAN_REPORT_SMTP_FROM || null,
      to: env.QINGDAN_REPORT_SMTP_TO || null,
    },
    http: { url, token: env.QINGDAN_REPORT_HTTP_TOKEN || null, format: format as 'json' | 'multipart' },
    retry: {
      maxAttempts: int(env, 'QINGDAN_REPORT_RETRY_MAX_ATTEMPTS', 6, 1, 100),
      baseSeconds: int(env, 'QINGDAN_REPORT_RETRY_BASE_SECONDS', 60, 1, 86_400),
    },
  };
}

/** An http(s) origin from the environment, without a trailing slash; null when unset. */
function origin(env: NodeJS.ProcessEnv, name: string): string | null {
  const value = (env[name] || '').replace(/\/+$/, '') || null;
  if (value && !/^https?:\/\/[^/]+$/.test(value)) throw new ConfigError(`${name} must be an http(s) origin such as https://qingdan.example.cn`);
  return value;
}

function notifyConfig(env: NodeJS.ProcessEnv): NotifyConfig {
  const host = env.QINGDAN_NOTIFY_SMTP_HOST || null;
  const from = env.QINGDAN_NOTIFY_FROM || null;
  const baseUrl = origin(env, 'QINGDAN_NOTIFY_BASE_URL') ?? origin(env, 'QINGDAN_PUBLIC_BASE_URL');
  if (host && !from) throw new ConfigError('QINGDAN_NOTIFY_SMTP_HOST needs QINGDAN_NOTIFY_FROM (the sender address of notification e-mails)');
  return {
    smtp: {
      host,
      port: int(env, 'QINGDAN_NOTIFY_SMTP_PORT', 25, 1, 65535),
      secure: bool(env, 'QINGDAN_NOTIFY_SMTP_SECURE', false),
      user: env.QINGDAN_NOTIFY_SMTP_USER || null,
      password: env.QINGDAN_NOTIFY_SMTP_PASSWORD || null,
    },
    from,
    baseUrl,
  };
}

// A chosen adapter without its settings would fail only at the first send: refuse to start instead.
function checkReports(r: ReportsConfig): void {
  if (r.delivery === 'smtp' && (!r.smtp.host || !r.smtp.from || !r.smtp.to)) {
    throw new ConfigError('QINGDAN_REPORT_DELIVERY=smtp needs QINGDAN_REPORT_SMTP_HOST, QINGDAN_REPORT_SMTP_FROM and QINGDAN_REPORT_SMTP_TO');
  }
  if (r.delivery === 'http' && !r.http.url) throw new ConfigError('QINGDAN_REPORT_DELIVERY=http needs QINGDAN_REPORT_HTTP_URL');
}

function bool(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

// Only a known proxy may name the client address: otherwise anyone could pick the IP the login limit counts.
function trustProxy(raw: string | undefined): boolean | string[] {
  if (raw === undefined || raw === '' || raw === 'false') return false;
  if (raw === 'true') return true;
  return raw.split(',').map((s) => s.trim()).filter(Boolean);
}

/** Builds the config from environment variables; throws ConfigError on any invalid value. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const nodeEnv = env.NODE_ENV ?? 'development';
  if (!['development', 'test', 'production'].includes(nodeEnv)) {
    throw new ConfigError(`NODE_ENV must be development, test or production, got "${nodeEnv}"`);
  }
  const dataDir = path.resolve(env.QINGDAN_DATA_DIR ?? './data');
  const databaseUrl = env.QINGDAN_DATABASE_URL ?? `sqlite:${path.join(dataDir, 'qingdan.db')}`;
  if (!/^(sqlite:|postgres(ql)?:\/\/)/.test(databaseUrl)) {
    throw new ConfigError('QINGDAN_DATABASE_URL must start with sqlite: or postgres://');
  }
  const env_ = nodeEnv as Config['env'];
  const demo = bool(env, 'QINGDAN_DEMO', env_ !== 'production');
  const demoPassword = env.QINGDAN_DEMO_PASSWORD ?? 'Qingdan-demo-2026';
  if (env_ === 'production' && demo) {
    throw new ConfigError('QINGDAN_DEMO must be off when NODE_ENV=production: demo accounts are demo-only');
  }
  const config: Config = {
    env: env_,
    databaseUrl,
    port: int(env, 'QINGDAN_PORT', 8080, 0, 65535),
    host: env.QINGDAN_HOST ?? '0.0.0.0',
    dataDir,
    logLevel: env.QINGDAN_LOG_LEVEL ?? (env_ === 'test' ? 'silent' : 'info'),
    demo,
    demoPassword,
    session: {
      idleMinutes: int(env, 'QINGDAN_SESSION_IDLE_MINUTES', 30, 1, 24 * 60),
      absoluteHours: int(env, 'QINGDAN_SESSION_ABSOLUTE_HOURS', 12, 1, 24 * 7),
      secureCookie: bool(env, 'QINGDAN_SECURE_COOKIE', env_ === 'production'),
    },
    login: {
      maxFailures: int(env, 'QINGDAN_LOGIN_MAX_FAILURES', 10, 3, 100),
      lockMinutes: int(env, 'QINGDAN_LOGIN_LOCK_MINUTES', 15, 1, 24 * 60),
      perIpPerMinute: int(env, 'QINGDAN_LOGIN_PER_IP_PER_MINUTE', 30, 5, 10_000),
    },
    regionCode: env.QINGDAN_REGION_CODE ?? '150626',
    trustProxy: trustProxy(env.QINGDAN_TRUST_PROXY),
    filingTypeCode: env.QINGDAN_FILING_TYPE_CODE ?? '11',
    decisionPrefix: env.QINGDAN_DECISION_PREFIX ?? '乌政务调',
    handoverAlertWorkingDays: int(env, 'QINGDAN_HANDOVER_ALERT_WORKING_DAYS', 20, 1, 250),
    webDistDir: path.resolve(env.QINGDAN_WEB_DIST ?? path.join(import.meta.dirname, '..', 'web', 'dist')),
    sealKek: overrides.sealKek ?? sealKek(env, env_, dataDir),
    reports: reportsConfig(env, overrides.dataDir ?? dataDir),
    feedback: {
      answerWorkingDays: int(env, 'QINGDAN_FEEDBACK_ANSWER_WORKING_DAYS', 10, 1, 60),
      perIpPerHour: int(env, 'QINGDAN_FEEDBACK_PER_IP_PER_HOUR', 10, 1, 10_000),
    },
    notify: notifyConfig(env),
    publicBaseUrl: origin(env, 'QINGDAN_PUBLIC_BASE_URL'),
    ...overrides,
  };
  checkReports(config.reports);
  if (!/^\d{2}$/.test(config.filingTypeCode)) throw new ConfigError('QINGDAN_FILING_TYPE_CODE must be a 2-digit item type code');
  if (!/^\d{6}$/.test(config.regionCode)) throw new ConfigError('QINGDAN_REGION_CODE must be a 6-digit division code');
  return config;
}
