import { Suspense, useEffect, useState } from 'react';
import { App, Button, Dropdown, Flex, Layout, Menu, Select, Space, Tag, Typography } from 'antd';
import { BankOutlined, DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useAuth } from '../useAuth.ts';
import { navItemFor, visibleNavItems } from '../nav.tsx';
import { errorMessage } from '../formErrors.ts';
import { ChangePasswordModal } from './ChangePasswordModal.tsx';
import { NotificationBell } from './NotificationBell.tsx';
import { FullPageSpin } from './FullPageSpin.tsx';
import { BRAND } from '../site.ts';

const { Header, Sider, Content, Footer } = Layout;

export function WorkbenchLayout() {
  const { me, logout, switchOrg } = useAuth();
  const { message } = App.useApp();
  const location = useLocation();
  const navigate = useNavigate();
  const [collapsed, setCollapsed] = useState(false);
  const [passwordOpen, setPasswordOpen] = useState(false);
  const [switching, setSwitching] = useState(false);

  const current = navItemFor(location.pathname);
  useEffect(() => {
    document.title = current ? `${current.label} - ${BRAND}` : BRAND;
  }, [current]);

  if (!me) return null;
  const items = visibleNavItems(me.roles);

  async function onSwitchOrg(orgId: string) {
    setSwitching(true);
    try {
      const switched = await switchOrg(orgId);
      message.success(`已切换到 ${switched.orgName}`);
      // The new org may not grant the current page: go home unless it is still visible.
      if (!visibleNavItems(switched.roles).some((item) => item.path === current?.path)) navigate('/');
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setSwitching(false);
    }
  }

  // Signing out clears `me`; RequireAuth then shows the login page.
  async function onLogout() {
    try {
      await logout();
    } catch {
      // The session is gone on our side either way.
    }
  }

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} width={208} theme="dark">
        <Link to="/" aria-label="返回首页">
          <Flex align="center" gap={8} style={{ height: 56, padding: '0 20px', color: '#fff', overflow: 'hidden', whiteSpace: 'nowrap' }}>
            <BankOutlined style={{ fontSize: 20 }} />
            {!collapsed && <span style={{ fontSize: 16, fontWeight: 600 }}>清单</span>}
          </Flex>
        </Link>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={current ? [current.path] : []}
          items={items.map((item) => ({ key: item.path, icon: item.icon, label: <Link to={item.path}>{item.label}</Link> }))}
        />
      </Sider>
      <Layout>
        <Header
          style={{
            background: '#fff',
            padding: '0 24px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            borderBottom: '1px solid #f0f0f0',
          }}
        >
          <Typography.Text strong style={{ fontSize: 16 }}>
            {BRAND}
          </Typography.Text>
          <Space size="middle">
            <NotificationBell />
            {me.memberships.length > 1 ? (
              <Select
                aria-label="切换机构"
                value={me.orgId}
                loading={switching}
                disabled={switching}
                style={{ minWidth: 220 }}
                options={me.memberships.map((m) => ({ value: m.orgId, label: m.orgName }))}
                onChange={(orgId: string) => void onSwitchOrg(orgId)}
                popupMatchSelectWidth={false}
              />
            ) : (
              <Tag icon={<BankOutlined />} color="blue" style={{ marginInlineEnd: 0 }}>
                {me.orgName}
              </Tag>
            )}
            <Dropdown
              menu={{
                items: [
                  { key: 'password', icon: <KeyOutlined />, label: '修改密码', onClick: () => setPasswordOpen(true) },
                  { type: 'divider' },
                  { key: 'logout', icon: <LogoutOutlined />, label: '退出登录', onClick: () => void onLogout() },
                ],
              }}
            >
              <Button type="text" icon={<UserOutlined />}>
                {me.displayName} <DownOutlined style={{ fontSize: 10 }} />
              </Button>
            </Dropdown>
            <Button type="link" icon={<LogoutOutlined />} onClick={() => void onLogout()} style={{ paddingInline: 0 }}>
              退出登录
            </Button>
          </Space>
        </Header>
        <Content style={{ margin: 24 }}>
          <Suspense fallback={<FullPageSpin />}>
            {/* Remount pages on org switch: everything they loaded was scoped to the old org. */}
            <div key={me.orgId}>
              <Outlet />
            </div>
          </Suspense>
        </Content>
        <Footer style={{ textAlign: 'center', color: '#8c8c8c', padding: '12px 24px' }}>
          {BRAND}
        </Footer>
      </Layout>
      <ChangePasswordModal open={passwordOpen} onClose={() => setPasswordOpen(false)} />
    </Layout>
  );
}
