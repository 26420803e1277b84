import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Input, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { KeyOutlined, LockOutlined, PlusOutlined, ReloadOutlined, TeamOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { orgsApi, usersApi, type User } from '../api.ts';
import { useApiData } from '../useApiData.ts';
import { useAuth } from '../useAuth.ts';
import { errorMessage } from '../formErrors.ts';
import { ROLE_COLORS, roleLabel } from '../labels.ts';
import { orgPath } from '../orgTree.ts';
import { OrgTreeSelect } from '../components/OrgTreeSelect.tsx';
import { UserCreateModal } from '../components/UserCreateModal.tsx';
import { UserRolesModal } from '../components/UserRolesModal.tsx';
import { UserPasswordModal } from '../components/UserPasswordModal.tsx';

type Dialog = { kind: 'create' } | { kind: 'roles'; user: User } | { kind: 'password'; user: User } | null;

export default function UsersPage() {
  const { me } = useAuth();
  const { message } = App.useApp();
  const [orgId, setOrgId] = useState<string | undefined>();
  const [q, setQ] = useState('');
  const [dialog, setDialog] = useState<Dialog>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const orgs = useApiData(() => orgsApi.list(), []);
  const users = useApiData(() => usersApi.list({ orgId, q: q.trim() || undefined }), [orgId, q]);
  const orgList = useMemo(() => orgs.data ?? [], [orgs.data]);
  const orgsById = useMemo(() => new Map(orgList.map((o) => [o.id, o])), [orgList]);

  async function toggleActive(user: User) {
    setBusyId(user.id);
    try {
      if (user.active) await usersApi.deactivate(user.id);
      else await usersApi.activate(user.id);
      message.success(user.active ? `已停用 ${user.displayName}` : `已启用 ${user.displayName}`);
      await users.reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusyId(null);
    }
  }

  const columns: TableColumnsType<User> = [
    { title: '用户名', dataIndex: 'username', render: (v: string) => <span className="qd-mono">{v}</span>, width: 140 },
    { title: '姓名', dataIndex: 'displayName', width: 190 },
    {
      title: '所属机构',
      dataIndex: 'orgId',
      render: (id: string) => {
        const org = orgsById.get(id);
        if (!org) return id;
        return (
          <Tooltip title={orgPath(orgList, id).join(' / ')}>
            <span className={org.active ? undefined : 'qd-org-inactive'}>{org.nameZh}</span>
          </Tooltip>
        );
      },
    },
    {
      title: '角色',
      dataIndex: 'roles',
      render: (roles: string[]) => (
        <Space size={[4, 4]} wrap>
          {roles.map((r) => (
            <Tag key={r} color={ROLE_COLORS[r]}>
              {roleLabel(r)}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      title: '状态',
      dataIndex: 'active',
      width: 80,
      render: (active: boolean) => (active ? <Tag color="success">启用</Tag> : <Tag>已停用</Tag>),
    },
    {
      title: '锁定至',
      dataIndex: 'lockedUntil',
      width: 150,
      render: (until: string | null) =>
        until && dayjs(until).isAfter(dayjs()) ? (
          <Tooltip title="连续输错密码，账号被临时锁定">
            <Tag icon={<LockOutlined />} color="warning">
              {dayjs(until).format('MM-DD HH:mm')}
            </Tag>
          </Tooltip>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 230,
      render: (_, user) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => setDialog({ kind: 'roles', user })}>
            编辑角色
          </Button>
          <Button type="link" size="small" icon={<KeyOutlined />} onClick={() => setDialog({ kind: 'password', user })}>
            重置密码
          </Button>
          {user.active ? (
            <Popconfirm
              title={`停用 ${user.displayName}？`}
              description="停用后该用户不能再登录。"
              okText="停用"
              okButtonProps={{ danger: true }}
              cancelText="取消"
              onConfirm={() => toggleActive(user)}
              disabled={user.id === me?.id}
            >
              <Button type="link" size="small" danger loading={busyId === user.id} disabled={user.id === me?.id}>
                停用
              </Button>
            </Popconfirm>
          ) : (
            <Button type="link" size="small" loading={busyId === user.id} onClick={() => void toggleActive(user)}>
              启用
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={
        <Space>
          <TeamOutlined />
          用户管理
        </Space>
      }
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })}>
          新建用户
        </Button>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <OrgTreeSelect orgs={orgList} value={orgId} onChange={setOrgId} allowClear placeholder="全部机构" style={{ width: 260 }} />
        <Input.Search allowClear placeholder="用户名或姓名" onSearch={setQ} style={{ width: 220 }} />
        <Button icon={<ReloadOutlined />} onClick={() => void users.reload()}>
          刷新
        </Button>
      </Space>
      {users.error && <Alert type="error" showIcon title={users.error.message} style={{ marginBottom: 16 }} />}
      <Table<User>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={users.data ?? []}
        loading={users.loading}
        pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (total) => `共 ${total} 人` }}
        rowClassName={(u) => (u.active ? '' : 'qd-org-inactive')}
      />
      <UserCreateModal
        orgs={orgList}
        open={dialog?.kind === 'create'}
        defaultOrgId={orgId}
        onClose={() => setDialog(null)}
        onCreated={() => {
          setDialog(null);
          void users.reload();
        }}
      />
      <UserRolesModal
        user={dialog?.kind === 'roles' ? dialog.user : null}
        open={dialog?.kind === 'roles'}
        onClose={() => setDialog(null)}
        onSaved={() => {
          setDialog(null);
          void users.reload();
        }}
      />
      <UserPasswordModal
        user={dialog?.kind === 'password' ? dialog.user : null}
        open={dialog?.kind === 'password'}
        onClose={() => setDialog(null)}
        onSaved={() => {
          setDialog(null);
          void users.reload();
        }}
      />
    </Card>
  );
}
