import { organisationCodeCheckCharacter, usccCheckCharacter } from '../../../common/checksums.ts';
import type { OrgKind } from '../../../common/roles.ts';

export interface DemoOrg {
  key: string;
  kind: OrgKind;
  nameZh: string;
  nameEn: string;
  nameMn?: string;
  level: number;
  /** 6-digit division of the registering authority: 150626 乌审旗, 150600 鄂尔多斯市. */
  division: string;
  /** Serial of the synthetic 9-character organisation code 99xxxxxx + check. */
  serial: number;
  parent: string | null;
}

/**
 * A checksum-valid synthetic USCC for a government body (category 11) registered in `division`,
 * following STANDARDS.md's synthetic 乌审旗 codes (e.g. serial 1 → 11150626990000017B).
 */
export function demoUscc(division: string, serial: number): string {
  const org8 = `99${String(serial).padStart(6, '0')}`;
  const first17 = `11${division}${org8}${organisationCodeCheckCharacter(org8)}`;
  return first17 + usccCheckCharacter(first17);
}

const dept = (key: string, serial: number, nameZh: string, nameEn: string): DemoOrg => ({
  key, kind: 'department', nameZh, nameEn, level: 4, division: '150626', serial, parent: 'bureau',
});
const town = (key: string, serial: number, nameZh: string, nameEn: string): DemoOrg => ({
  key, kind: 'town', nameZh, nameEn, level: 5, division: '150626', serial, parent: 'bureau',
});

/** Real 乌审旗 departments and towns/sumu; serials 1–5 match the synthetic codes in STANDARDS.md §4. */
export const DEMO_ORGS: DemoOrg[] = [
  { key: 'bureau', kind: 'bureau', nameZh: '乌审旗政务服务局', nameEn: 'Uxin Banner Government Services Bureau', level: 4, division: '150626', serial: 1, parent: null },
  dept('scjg', 2, '乌审旗市场监督管理局', 'Uxin Banner Administration for Market Regulation'),
  dept('wjw', 3, '乌审旗卫生健康委员会', 'Uxin Banner Health Commission'),
  dept('mzj', 4, '乌审旗民政局', 'Uxin Banner Civil Affairs Bureau'),
  dept('zjj', 5, '乌审旗住房和城乡建设局', 'Uxin Banner Housing and Urban-Rural Development Bureau'),
  dept('zrzy', 6, '乌审旗自然资源局', 'Uxin Banner Natural Resources Bureau'),
  dept('nmj', 7, '乌审旗农牧局', 'Uxin Banner Agriculture and Animal Husbandry Bureau'),
  dept('jtys', 8, '乌审旗交通运输局', 'Uxin Banner Transport Bureau'),
  dept('sthj', 9, '鄂尔多斯市生态环境局乌审旗分局', 'Ordos Ecology and Environment Bureau, Uxin Banner Branch'),
  dept('yjgl', 10, '乌审旗应急管理局', 'Uxin Banner Emergency Management Bureau'),
  dept('jyty', 11, '乌审旗教育体育局', 'Uxin Banner Education and Sports Bureau'),
  dept('rsj', 12, '乌审旗人力资源和社会保障局', 'Uxin Banner Human Resources and Social Security Bureau'),
  dept('wlj', 13, '乌审旗文化旅游体育局', 'Uxin Banner Culture, Tourism and Sports Bureau'),
  dept('lcj', 14, '乌审旗林业和草原局', 'Uxin Banner Forestry and Grassland Bureau'),
  dept('slj', 15, '乌审旗水利局', 'Uxin Banner Water Resources Bureau'),
  dept('gaj', 16, '乌审旗公安局', 'Uxin Banner Public Security Bureau'),
  dept('sfj', 17, '乌审旗司法局', 'Uxin Banner Justice Bureau'),
  dept('tyjr', 18, '乌审旗退役军人事务局', 'Uxin Banner Veterans Affairs Bureau'),
  dept('ybj', 19, '乌审旗医疗保障局', 'Uxin Banner Healthcare Security Bureau'),
  dept('nyj', 20, '乌审旗能源局', 'Uxin Banner Energy Bureau'),
  dept('xfjy', 21, '乌审旗消防救援大队', 'Uxin Banner Fire and Rescue Brigade'),
  dept('fgw', 22, '乌审旗发展和改革委员会', 'Uxin Banner Development and Reform Commission'),
  dept('czj', 23, '乌审旗财政局', 'Uxin Banner Finance Bureau'),
  dept('gxj', 24, '乌审旗工业和信息化局', 'Uxin Banner Industry and Information Technology Bureau'),
  dept('swj', 25, '乌审旗商务局', 'Uxin Banner Commerce Bureau'),
  town('glt', 31, '嘎鲁图镇', 'Galutu Town'),
  town('wsz', 32, '乌审召镇', 'Uxin Ju Town'),
  town('tk', 33, '图克镇', 'Tuke Town'),
  town('wltlg', 34, '乌兰陶勒盖镇', 'Ulan Tolgoi Town'),
  town('sldsm', 35, '苏力德苏木', 'Sulide Sumu'),
  town('wdh', 36, '无定河镇', 'Wudinghe Town'),
  { key: 'city', kind: 'external', nameZh: '鄂尔多斯市行政审批和政务服务局', nameEn: 'Ordos Administrative Approval and Government Services Bureau', level: 3, division: '150600', serial: 1, parent: null },
];

export interface DemoUser {
  username: string;
  displayName: string;
  org: string;
  roles: string[];
}

/** One demo account per role (README lists them; the password is demo-only). */
export const DEMO_USERS: DemoUser[] = [
  { username: 'admin', displayName: '系统管理员', org: 'bureau', roles: ['bureau_admin'] },
  { username: 'reviewer', displayName: '审核员 张敏', org: 'bureau', roles: ['bureau_reviewer'] },
  { username: 'scjg', displayName: '市场监管局经办人 王磊', org: 'scjg', roles: ['dept_editor'] },
  { username: 'scjg-leader', displayName: '市场监管局负责人 李娜', org: 'scjg', roles: ['dept_leader'] },
  { username: 'scjg-filing', displayName: '市场监管局备案经办人 赵强', org: 'scjg', roles: ['filing_officer'] },
  { username: 'glt', displayName: '嘎鲁图镇经办人 巴特尔', org: 'glt', roles: ['dept_editor', 'filing_officer'] },
  { username: 'auditor', displayName: '审计监督 刘洋', org: 'bureau', roles: ['auditor'] },
];
