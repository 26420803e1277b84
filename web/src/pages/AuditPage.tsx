import { useEffect, useMemo, useState } from 'react';
import { AutoComplete, Button, Card, DatePicker, Descriptions, Form, Input, Select, Space, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { AuditOutlined, SearchOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { auditApi, orgsApi, usersApi, type AuditEvent, type AuditQuery } from '../api.ts';
import { useApiData } from '../useApiData.ts';
import { useCursorPages } from '../useCursorPages.ts';
import { CursorTable } from '../components/CursorTable.tsx';
import { AUDIT_ACTION_LABELS, auditActionLabel, roleLabel } from '../labels.ts';
import { summaryLines } from '../auditSummary.ts';

interface Filters {
  action?: string;
  actorId?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

const PAGE_SIZE = 50;

const TARGET_LABELS: Record<string, string> = { org: '机构', user: '用户', calendar: '日历' };

const ACTION_AREAS: Record<string, string> = {
  'auth.': '登录与会话',
  'org.': '组织机构',
  'user.': '用户',
  'calendar.': '工作日历',
};

const fetchPage = (query: AuditQuery, cursor: string | undefined) => auditApi.list({ ...query, cursor, limit: PAGE_SIZE });

function toQuery(filters: Filters): AuditQuery {
  const [from, to] = filters.range ?? [null, null];
  return {
    action: filters.action?.trim() || undefined,
    actorId: filters.actorId?.trim() || undefined,
    // Whole local days; the server's "to" is exclusive, so send the start of the day after.
    from: from ? from.startOf('day').toISOString() : undefined,
    to: to ? to.add(1, 'day').startOf('day').toISOString() : undefined,
  };
}

export default function AuditPage() {
  const [form] = Form.useForm<Filters>();
  const [query, setQuery] = useState<AuditQuery>({});
  const pages = useCursorPages(fetchPage);
  const { load } = pages;
  // Auditors may not be allowed to list users: then the actor filter takes a typed id.
  const users = useApiData(() => usersApi.list(), []);
  const orgs = useApiData(() => orgsApi.list(), []);
  const orgNames = useMemo(() => new Map((orgs.data ?? []).map((o) => [o.id, o.nameZh])), [orgs.data]);
  const userNames = useMemo(() => new Map((users.data ?? []).map((u) => [u.id, `${u.displayName}（${u.username}）`])), [users.data]);
  // Targets read as names where we know them; the id stays in the tooltip and the expanded row.
  const targetName = (type: string | null, id: string | null): string | undefined =>
    !id ? undefined : type === 'org' ? orgNames.get(id) : type === 'user' ? userNames.get(id) : undefined;

  useEffect(() => {
    void load(query);
  }, [query, load]);

  const columns: TableColumnsType<AuditEvent> = [
    {
      title: '时间',
      dataIndex: 'occurredAt',
      width: 170,
      render: (v: string) => <span className="qd-mono">{dayjs(v).format('YYYY-MM-DD HH:mm:ss')}</span>,
    },
    {
      title: '操作人',
      key: 'actor',
      width: 180,
      render: (_, e) => (
        <Space orientation="vertical" size={0}>
          <span>{e.actorName ?? e.actorId ?? '（系统）'}</span>
          {e.role && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {roleLabel(e.role)}
              {e.orgId && orgNames.get(e.orgId) ? ` · ${orgNames.get(e.orgId)}` : ''}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: '操作',
      dataIndex: 'action',
      width: 170,
      render: (action: string) => (
        <Space orientation="vertical" size={0}>
          <span>{auditActionLabel(action)}</span>
          {AUDIT_ACTION_LABELS[action] && (
            <Typography.Text type="secondary" className="qd-mono">
              {action}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: '对象',
      key: 'target',
      width: 200,
      render: (_, e) => {
        if (!e.targetType) return '—';
        const name = targetName(e.targetType, e.targetId);
        return (
          <span>
            <Tag>{TARGET_LABELS[e.targetType] ?? e.targetType}</Tag>
            <Typography.Text className={name ? undefined : 'qd-mono'} ellipsis={{ tooltip: e.targetId }} style={{ maxWidth: 130 }}>
              {name ?? e.targetId}
            </Typography.Text>
          </span>
        );
      },
    },
    {
      title: '摘要',
      dataIndex: 'summary',
      render: (v: AuditEvent['summary']) => {
        const lines = summaryLines(v, (id) => orgNames.get(id));
        return lines.length === 0 ? (
          '—'
        ) : (
          <Typography.Paragraph ellipsis={{ rows: 2, tooltip: lines.join('\n') }} style={{ margin: 0 }}>
            {lines.join('；')}
          </Typography.Paragraph>
        );
      },
    },
    { title: 'IP', dataIndex: 'ip', width: 130, render: (v: string | null) => <span className="qd-mono">{v ?? '—'}</span> },
  ];

  function onSearch(values: Filters) {
    setQuery(toQuery(values));
  }

  // A code ending in "." matches every action of that area (the server filters by prefix).
  const actionOptions = [
    ...Object.entries(ACTION_AREAS).map(([value, label]) => ({ value, label: `${label}（${value}*）` })),
    ...Object.entries(AUDIT_ACTION_LABELS).map(([value, label]) => ({ value, label: `${label}（${value}）` })),
  ];

  return (
    <Card
      title={
        <Space>
          <AuditOutlined />
          审计日志
        </Space>
      }
    >
      <Form<Filters> form={form} layout="inline" onFinish={onSearch} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item
          name="action"
          label="操作"
          rules={[{ pattern: /^[a-z_]+(\.[a-z_]*)*$/, message: '操作代码为小写字母、下划线和点，如 user.create' }]}
        >
          <AutoComplete
            options={actionOptions}
            style={{ width: 220 }}
            placeholder="如 user.create"
            allowClear
            showSearch={{ filterOption: (input, option) => String(option?.label ?? '').toLowerCase().includes(input.toLowerCase()) }}
          />
        </Form.Item>
        <Form.Item name="actorId" label="操作人">
          {users.data ? (
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder="全部"
              style={{ width: 200 }}
              options={users.data.map((u) => ({ value: u.id, label: `${u.displayName}（${u.username}）` }))}
            />
          ) : (
            <Input allowClear placeholder="用户 ID" style={{ width: 200 }} />
          )}
        </Form.Item>
        <Form.Item name="range" label="日期">
          <DatePicker.RangePicker allowEmpty={[true, true]} disabledDate={(d) => d.isAfter(dayjs().endOf('day'))} />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
              查询
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                onSearch({});
              }}
            >
              重置
            </Button>
          </Space>
        </Form.Item>
      </Form>
      <CursorTable<AuditEvent>
        pages={pages}
        unit="条"
        rowKey="id"
        size="small"
        columns={columns}
        expandable={{
          expandedRowRender: (e) => (
            <Descriptions
              size="small"
              column={2}
              items={[
                { key: 'id', label: '记录号', children: <span className="qd-mono">{e.id}</span> },
                { key: 'requestId', label: '请求号', children: <span className="qd-mono">{e.requestId ?? '—'}</span> },
                { key: 'actorId', label: '操作人 ID', children: <span className="qd-mono">{e.actorId ?? '—'}</span> },
                { key: 'org', label: '机构', children: e.orgId ? (orgNames.get(e.orgId) ?? e.orgId) : '—' },
                { key: 'target', label: '对象', children: e.targetType ? `${e.targetType} ${e.targetId ?? ''}` : '—' },
                { key: 'occurredAt', label: '原始时间', children: <span className="qd-mono">{e.occurredAt}</span> },
                {
                  key: 'summary',
                  label: '摘要',
                  span: 2,
                  children: <pre className="qd-mono" style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{JSON.stringify(e.summary, null, 2)}</pre>,
                },
              ]}
            />
          ),
        }}
      />
    </Card>
  );
}
