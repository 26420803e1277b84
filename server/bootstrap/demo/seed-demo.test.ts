import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isValidUscc } from '../../../common/checksums.ts';
import { buildApp } from '../../app.ts';
import { ConfigError, loadConfig } from '../../config.ts';
import { TEST_DIALECT, testConfig, withTestDatabase } from '../../test/test-app.ts';
import { seedDemo } from './seed-demo.ts';

// The demo orgs and accounts (issue 2, README "Demo accounts"): what the seed loads, its password, and that
// production never gets it.

describe(`seed-demo (${TEST_DIALECT})`, () => {
  it('loads 乌审旗: the bureau, at least 20 departments, the six towns/sumu and the city bureau, every code checksum-valid; one account per role', () => withTestDatabase(async (db) => {
    expect(await seedDemo(db, testConfig())).toMatchObject({ seeded: true });
    const orgs = await db.db.selectFrom('org').select(['kind', 'name_zh', 'uscc', 'level']).execute();
    const named = (kind: string) => orgs.filter((o) => o.kind === kind).map((o) => o.name_zh);
    expect(named('bureau')).toEqual(['乌审旗政务服务局']);
    expect(named('department').length).toBeGreaterThanOrEqual(20);
    for (const dept of ['市场监督管理局', '住房和城乡建设局', '卫生健康委员会', '民政局', '自然资源局', '农牧局', '交通运输局', '生态环境局乌审旗分局', '应急管理局', '教育体育局', '人力资源和社会保障局', '文化旅游体育局', '林业和草原局', '水利局', '公安局', '司法局', '退役军人事务局', '医疗保障局', '能源局', '消防救援大队']) {
      expect(named('department').filter((n) => n.endsWith(dept)), dept).toHaveLength(1);
    }
    expect(named('town').sort()).toEqual(['乌兰陶勒盖镇', '乌审召镇', '嘎鲁图镇', '图克镇', '无定河镇', '苏力德苏木'].sort());
    expect(named('external')).toContain('鄂尔多斯市行政审批和政务服务局');
    expect(orgs.filter((o) => !isValidUscc(o.uscc))).toEqual([]);
    expect(new Set(orgs.map((o) => o.uscc)).size).toBe(orgs.length);

    const roles = (await db.db.selectFrom('user_role').select('role').execute()).map((r) => r.role);
    expect(new Set(roles)).toEqual(new Set(['bureau_admin', 'bureau_reviewer', 'dept_editor', 'dept_leader', 'filing_officer', 'auditor']));
  }));

  it('QINGDAN_DEMO_PASSWORD sets the demo accounts’ password; the default one then does not sign in', () => withTestDatabase(async (db) => {
    const config = testConfig({}, { QINGDAN_DEMO_PASSWORD: 'Steppe-Override-2026!' });
    await seedDemo(db, config);
    const app = await buildApp(config, { db, logger: false });
    try {
      const login = (password: string) => app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password } });
      expect((await login('Steppe-Override-2026!')).statusCode).toBe(200);
      expect((await login('Qingdan-demo-2026')).statusCode).toBe(401);
    } finally {
      await app.close();
    }
  }));

  it('is refused in production: the config will not switch the demo on, and seeding throws without writing', async () => {
    const kek = randomBytes(32).toString('base64');
    expect(() => loadConfig({ NODE_ENV: 'production', QINGDAN_SEAL_KEK: kek, QINGDAN_DEMO: 'true' })).toThrow(ConfigError);
    expect(loadConfig({ NODE_ENV: 'production', QINGDAN_SEAL_KEK: kek }).demo).toBe(false);

    await withTestDatabase(async (db) => {
      await expect(seedDemo(db, { ...testConfig(), env: 'production' })).rejects.toThrow(/production/);
      expect(await db.db.selectFrom('org').select('id').execute()).toEqual([]);
      expect(await db.db.selectFrom('app_user').select('id').execute()).toEqual([]);
    });
  });
});
