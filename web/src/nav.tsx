import type { ReactNode } from 'react';
import { ApartmentOutlined, AuditOutlined, SafetyCertificateOutlined, CalendarOutlined, HomeOutlined, TeamOutlined } from '@ant-design/icons';

export interface NavItem {
  path: string;
  label: string;
  icon: ReactNode;
  /** Roles that see the page; undefined means every signed-in staff user. */
  roles?: string[];
  description: string;
}

// One list drives the side menu, the route guards and the links on the home page.
export const NAV_ITEMS: NavItem[] = [
  { path: '/', label: '首页', icon: <HomeOutlined />, description: '工作台概览' },
  { path: '/orgs', label: '组织机构', icon: <ApartmentOutlined />, description: '旗直部门、苏木镇、嘎查村/社区的组织机构树' },
  { path: '/users', label: '用户管理', icon: <TeamOutlined />, roles: ['bureau_admin'], description: '工作人员账号、角色与密码' },
  { path: '/calendar', label: '工作日历', icon: <CalendarOutlined />, description: '法定节假日、调休上班日与办理时限计算' },
  { path: '/seals', label: '电子印章', icon: <SafetyCertificateOutlined />, roles: ['bureau_admin'], description: '机构电子印章的制作、导入、暂停、吊销、密钥轮换与使用记录' },
  { path: '/audit', label: '审计日志', icon: <AuditOutlined />, roles: ['bureau_admin', 'auditor'], description: '系统操作留痕，可按操作、人员、日期查询' },
];

export function visibleNavItems(roles: string[]): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.roles || item.roles.some((r) => roles.includes(r)));
}

export function navItemFor(pathname: string): NavItem | undefined {
  if (pathname === '/' || pathname === '') return NAV_ITEMS[0];
  return NAV_ITEMS.find((item) => item.path !== '/' && (pathname === item.path || pathname.startsWith(`${item.path}/`)));
}
