import type { ReactNode } from 'react';
import { ApartmentOutlined, AuditOutlined, SafetyCertificateOutlined, CalendarOutlined, HomeOutlined, TeamOutlined } from '@ant-design/icons';
import { DashboardOutlined, FileSyncOutlined, NotificationOutlined, SwapOutlined } from '@ant-design/icons';
import { BookOutlined, SafetyOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { CommentOutlined, CloudUploadOutlined, GlobalOutlined } from '@ant-design/icons';

export interface NavItem {
  path: string;
  label: string;
  icon: ReactNode;
  /** Roles that see the page; undefined means every signed-in staff user. */
  roles?: string[];
  description: string;
}

const ADJUSTMENT_ROLES = ['bureau_admin', 'bureau_reviewer', 'dept_editor', 'dept_leader', 'auditor'];

// One list drives the side menu, the route guards and the links on the home page.
export const NAV_ITEMS: NavItem[] = [
  { path: '/', label: '首页', icon: <HomeOutlined />, description: '工作台概览' },
  // 清单 (issue 3): every staff user reads the list; editing and catalogue management are checked on the pages and the server.
  { path: '/items', label: '事项清单', icon: <UnorderedListOutlined />, description: '实施清单的检索、筛选、事项要素编辑、版本历史与表格导入导出' },
  { path: '/catalogue', label: '基本目录', icon: <BookOutlined />, description: '基本目录事项及其统一要素和版本' },
  { path: '/consistency', label: '同源检查', icon: <SafetyOutlined />, description: '实施事项统一要素与基本目录的一致性偏差' },
  { path: '/publications', label: '清单公布', icon: <GlobalOutlined />, roles: ['bureau_admin', 'bureau_reviewer', 'auditor'], description: '公布盖章清单、历次公布记录与变化统计' },
  { path: '/reports', label: '报备', icon: <CloudUploadOutlined />, roles: ['bureau_admin', 'bureau_reviewer'], description: '向市政务服务局报备清单：报备材料、报送与市局回复' },
  { path: '/feedback', label: '社会监督', icon: <CommentOutlined />, description: '群众对事项和清单的意见、答复期限与答复' },
  { path: '/orgs', label: '组织机构', icon: <ApartmentOutlined />, description: '旗直部门、苏木镇、嘎查村/社区的组织机构树' },
  { path: '/users', label: '用户管理', icon: <TeamOutlined />, roles: ['bureau_admin'], description: '工作人员账号、角色与密码' },
  { path: '/calendar', label: '工作日历', icon: <CalendarOutlined />, description: '法定节假日、调休上班日与办理时限计算' },
  { path: '/seals', label: '电子印章', icon: <SafetyCertificateOutlined />, roles: ['bureau_admin'], description: '机构电子印章的制作、导入、暂停、吊销、密钥轮换与使用记录' },
  // 动态调整: the dashboard before the request list, so /adjustments/dashboard is not taken for /adjustments/….
  { path: '/adjustments/dashboard', label: '调整工作台', icon: <DashboardOutlined />, roles: ADJUSTMENT_ROLES, description: '调整事由期限、待审核申请与交接进度' },
  { path: '/triggers', label: '调整事由', icon: <NotificationOutlined />, roles: ADJUSTMENT_ROLES, description: '法律法规变化、上级下放等调整事由及一个月办结期限' },
  { path: '/adjustments', label: '调整申请', icon: <FileSyncOutlined />, roles: ADJUSTMENT_ROLES, description: '事项增加、取消、下放、委托、变更的申请与审核' },
  { path: '/handovers', label: '交接', icon: <SwapOutlined />, roles: ADJUSTMENT_ROLES, description: '下放、委托、取消后的指导培训与承接确认' },
  { path: '/audit', label: '审计日志', icon: <AuditOutlined />, roles: ['bureau_admin', 'auditor'], description: '系统操作留痕，可按操作、人员、日期查询' },
];

export function visibleNavItems(roles: string[]): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.roles || item.roles.some((r) => roles.includes(r)));
}

export function navItemFor(pathname: string): NavItem | undefined {
  if (pathname === '/' || pathname === '') return NAV_ITEMS[0];
  return NAV_ITEMS.find((item) => item.path !== '/' && (pathname === item.path || pathname.startsWith(`${item.path}/`)));
}
