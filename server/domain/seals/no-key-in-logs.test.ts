import { spawn, type ChildProcess } from 'node:child_process';
import { createPrivateKey } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/database.ts';
import { DEMO_PASSWORD } from '../../test/test-app.ts';
import { openPrivateKey } from './kek.ts';
import { generateKeyPair, toPem } from './keys.ts';
import { issueCertificate } from './certs.ts';

// The real server process at the most verbose log level, through a seal's whole life: creation,
// import (a private key in the request body), sealing, a sealed PDF, rotation. Afterwards neither the
// log, nor the database rows, nor any file in the data directory holds any private key, and the KEK
// file was created with mode 0600.

const root = path.resolve(import.meta.dirname, '..', '..', '..');

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

describe('seal keys never reach the log or the database in plaintext', () => {
  let dir: string;
  let child: ChildProcess;
  let base: string;
  const log: Buffer[] = [];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qingdan-keylog-'));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, ['server/main.ts', 'serve'], {
      cwd: root,
      env: { ...process.env, NODE_ENV: 'development', QINGDAN_DATA_DIR: dir, QINGDAN_DATABASE_URL: `sqlite:${path.join(dir, 'q.db')}`, QINGDAN_PORT: String(port), QINGDAN_HOST: '127.0.0.1', QINGDAN_DEMO: '1', QINGDAN_DEMO_PASSWORD: DEMO_PASSWORD, QINGDAN_LOG_LEVEL: 'trace', QINGDAN_SEAL_KEK: '', QINGDAN_SEAL_KEK_FILE: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (b: Buffer) => log.push(b));
    child.stderr!.on('data', (b: Buffer) => log.push(b));
    for (let i = 0; i < 120; i++) {
      if ((await fetch(`${base}/readyz`).catch(() => null))?.status === 200) break;
      await sleep(250);
    }
  });
  afterAll(async () => {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('creates the KEK file (0600) at start, then seals without writing any key to the log', async () => {
    const kekFile = path.join(dir, 'seal-kek.key');
    expect(fs.statSync(kekFile).mode & 0o777).toBe(0o600);

    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: DEMO_PASSWORD }) });
    const cookie = login.headers.getSetCookie().find((c) => c.startsWith('qingdan_session='))!.split(';')[0];
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const call = async (method: string, url: string, body?: unknown) => {
      const res = await fetch(`${base}${url}`, { method, headers: { cookie, 'x-csrf-token': csrfToken, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
      return { status: res.status, body: (await res.json()) as Record<string, any> };
    };
    const orgs = (await call('GET', '/api/orgs')).body.items as Array<{ id: string; kind: string; nameZh: string }>;
    const bureau = orgs.find((o) => o.kind === 'bureau')!;
    // The demo already made the bureau's seal (for its first publication): use that one, and make another org's.
    const listed = (await call('GET', '/api/seals')).body.items as Array<{ id: string; orgId: string }>;
    const seal = { body: listed.find((s) => s.orgId === bureau.id)! };
    expect(seal.body).toBeDefined();
    const wjw = orgs.find((o) => o.nameZh === '乌审旗卫生健康委员会')!;
    expect((await call('POST', '/api/seals', { orgId: wjw.id })).status).toBe(201);
    expect((await call('POST', `/api/seals/${seal.body.id}/seal`, { json: { a: 1 } })).status).toBe(200);
    expect((await call('POST', `/api/seals/${seal.body.id}/sealed-pdf`, { title: '回执', paragraphs: ['正文'] })).status).toBe(200);
    expect((await call('POST', `/api/seals/${seal.body.id}/rotate`, {})).status).toBe(200);
    // An imported key travels in a request body: it must not be echoed into the log either.
    const own = generateKeyPair('p256');
    const name = { commonName: '民政局印章', organization: '乌审旗民政局' };
    const cert = issueCertificate({ subject: name, issuer: { name, key: own.privateKey, spki: own.spki }, subjectSpki: own.spki, notBefore: new Date(Date.now() - 60_000), notAfter: new Date(Date.now() + 86_400_000), ca: false });
    const mzj = orgs.find((o) => o.nameZh === '乌审旗民政局')!;
    expect((await call('POST', '/api/seals/import', { orgId: mzj.id, certificatePem: toPem('CERTIFICATE', cert), privateKeyPem: own.privateKey.secret })).status).toBe(201);
    await sleep(300);

    const kek = Buffer.from(fs.readFileSync(kekFile, 'utf8').trim(), 'base64');
    const database = openDatabase(`sqlite:${path.join(dir, 'q.db')}`);
    const keys = await database.db.selectFrom('seal_key').selectAll().execute();
    const authorities = await database.db.selectFrom('seal_authority').selectAll().execute();
    const dump = JSON.stringify([keys, authorities, await database.db.selectFrom('seal_use').selectAll().execute(), await database.db.selectFrom('audit_event').selectAll().execute()]);
    await database.destroy();
    const secrets = [
      ...keys.flatMap((k) => [openPrivateKey(kek, k.key_envelope, `seal_key:${k.id}`).secret, openPrivateKey(kek, k.pdf_key_envelope, `seal_key_pdf:${k.id}`).secret]),
      ...authorities.map((a) => openPrivateKey(kek, a.key_envelope, `authority:${a.id}`).secret),
    ];
    expect(secrets.length).toBeGreaterThanOrEqual(8); // 2 versions × 2 keys, 1 imported × 2, 2 roots
    // The private scalar in every spelling a leak could take (a PKCS#8 PEM also holds the public key,
    // which certificates rightly contain, so PEM text itself is no test).
    const scalar = (s: string) => (s.includes('-----') ? Buffer.from(createPrivateKey(s).export({ format: 'jwk' }).d!, 'base64url') : Buffer.from(s, 'hex'));
    const scalars = secrets.map(scalar);
    const fragments = scalars.flatMap((d) => [d.toString('hex'), d.toString('base64').slice(0, 40), d.toString('base64url').slice(0, 40)]);
    const logText = Buffer.concat(log).toString('utf8');
    expect(logText).toContain('"url":"/api/seals/import"'); // the server did log the requests
    for (const fragment of fragments) {
      expect(logText).not.toContain(fragment);
      expect(dump).not.toContain(fragment);
    }
    expect(logText).not.toContain(kek.toString('base64'));

    // On disk, byte for byte: every file the server wrote (database, WAL, blobs, anything else) but the
    // KEK itself — also free pages and journal frames a row-level read never sees.
    const files = (fs.readdirSync(dir, { recursive: true }) as string[]).map((f) => path.join(dir, f)).filter((f) => f !== kekFile && fs.statSync(f).isFile());
    expect(files.map((f) => path.basename(f))).toContain('q.db');
    const needles = [...scalars, ...fragments.map((f) => Buffer.from(f))];
    for (const file of files) {
      const bytes = fs.readFileSync(file);
      for (const needle of needles) expect(bytes.includes(needle), `${path.relative(dir, file)} holds a private key`).toBe(false);
    }
  });
});
