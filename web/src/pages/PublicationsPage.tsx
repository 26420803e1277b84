// 清单公布: every publication of the list, and publishing a new one (the server seals it and logs it).
import { useState } from 'react';
import { Alert, App, Button, Card, Modal, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ReloadOutlined, SendOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import dayjs from 'dayjs';
import { useApiData } from '../useApiData.ts';
import { useAuth } from '../useAuth.ts';
import { errorMessage } from '../formErrors.ts';
import { describeValue, elementPathLabel, lastKey, parentKey } from '../components/item-editor/elementLabels.ts';
import { CHANGE_KIND_COLORS, CHANGE_KIND_LABELS, CHANGE_KINDS, PublishBlocked, publicationsApi, type Deviation, type InvalidItem, type PublicationSummary } from '../publicationsApi.ts';

function Value({ d, side }: { d: Deviation; side: 'expected' | 'actual' }) {
  const value = d[side];
  if (value === null || value === undefined) return <Typography.Text type="secondary">—</Typography.Text>;
  return <span style={{ whiteSpace: 'pre-wrap' }}>{describeValue(value, lastKey(d.element), parentKey(d.element))}</span>;
}

const itemLink = (code: string) => (
  <Link to={`/items/${code}`} className="qd-mono">
    {code}
  </Link>
);

function problemText(p: InvalidItem['problems'][number]): string {
  if (typeof p === 'string') return p;
  return [p.path ? elementPathLabel(p.path) : '', p.message ?? ''].filter(Boolean).join('：');
}

/** Why the list could not be published: the server's message and what to fix, item by item. */
function Blocked({ error }: { error: PublishBlocked }) {
  const deviationColumns: TableColumnsType<Deviation> = [
    { title: '实施编码', dataIndex: 'implementationCode', width: 300, render: itemLink },
    { title: '事项名称', dataIndex: 'name', width: 200 },
    { title: '要素', dataIndex: 'element', width: 180, render: (path: string) => <span title={path}>{elementPathLabel(path)}</span> },
    { title: '基本目录（应为）', key: 'expected', render: (_, d) => <Value d={d} side="expected" /> },
    { title: '实施清单（实际）', key: 'actual', render: (_, d) => <Value d={d} side="actual" /> },
  ];
  const itemColumns: TableColumnsType<InvalidItem> = [
    { title: '实施编码', dataIndex: 'implementationCode', width: 300, render: itemLink },
    {
      title: '问题',
      dataIndex: 'problems',
      render: (ps: InvalidItem['problems']) => (
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {ps.map((p, i) => (
            <li key={i}>{problemText(p)}</li>
          ))}
        </ul>
      ),
    },
  ];
  return (
    <Card size="small" data-testid="publish-blocked" title={<Typography.Text type="danger">{error.message}</Typography.Text>}>
      {error.deviations.length > 0 && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">
            以下事项要素与基本目录不一致（同源），请修改事项或基本目录后再公布
            {error.total > error.deviations.length ? `（仅列出前 ${error.deviations.length} 处，共 ${error.total} 处）` : ''}。
            也可在 <Link to="/consistency">同源检查</Link> 中查看。
          </Typography.Text>
          <Table<Deviation>
            size="small"
            rowKey={(d) => `${d.implementationCode}:${d.kind}:${d.element}`}
            columns={deviationColumns}
            dataSource={error.deviations}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            scroll={{ x: 1000 }}
          />
        </Space>
      )}
      {error.invalidItems.length > 0 && (
        <Table<InvalidItem> size="small" rowKey="implementationCode" columns={itemColumns} dataSource={error.invalidItems} pagination={{ pageSize: 10, hideOnSinglePage: true }} />
      )}
    </Card>
  );
}

export default function PublicationsPage() {
  const { me, hasRole } = useAuth();
  const { message } = App.useApp();
  const list = useApiData(() => publicationsApi.list(), []);
  const [confirming, setConfirming] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const [blocked, setBlocked] = useState<PublishBlocked | null>(null);
  const [published, setPublished] = useState<PublicationSummary | null>(null);
  const canPublish = hasRole('bureau_admin', 'bureau_reviewer');

  async function publish() {
    setPublishing(true);
    try {
      const p = await publicationsApi.publish(me?.csrfToken ?? '');
      setBlocked(null);
      setPublished(p);
      setConfirming(false);
      message.success(`已公布 ${p.number}`);
      await list.reload();
    } catch (e) {
      setConfirming(false);
      setPublished(null);
      if (e instanceof PublishBlocked) setBlocked(e);
      else message.error(errorMessage(e));
    } finally {
      setPublishing(false);
    }
  }

  const columns: TableColumnsType<PublicationSummary> = [
    {
      title: '期号',
      dataIndex: 'number',
      render: (n: string) => (
        <a href={`/publications/${encodeURIComponent(n)}`} target="_blank" rel="noreferrer">
          {n}
        </a>
      ),
    },
    { title: '公布时间', dataIndex: 'publishedAt', width: 160, render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm') },
    { title: '事项数', dataIndex: 'itemCount', width: 90, align: 'right' },
    {
      title: '本期变化',
      key: 'counts',
      render: (_, p) => {
        const tags = CHANGE_KINDS.filter((k) => (p.counts?.[k] ?? 0) > 0);
        if (!p.previous) return <Typography.Text type="secondary">首期</Typography.Text>;
        if (tags.length === 0) return <Typography.Text type="secondary">无变化</Typography.Text>;
        return (
          <Space size={4} wrap>
            {tags.map((k) => (
              <Tag key={k} color={CHANGE_KIND_COLORS[k]}>
                {CHANGE_KIND_LABELS[k]} {p.counts[k]}
              </Tag>
            ))}
          </Space>
        );
      },
    },
    { title: '上一期', dataIndex: 'previous', width: 200, render: (n: string | null) => n ?? '—' },
    { title: '透明日志序号', dataIndex: 'logIndex', width: 120, render: (i: number | null) => (i === null ? '—' : i) },
  ];

  return (
    <Card
      title="清单公布"
      extra={
        <Space>
          <Button icon={<ReloadOutlined />} onClick={() => void list.reload()} loading={list.loading}>
            刷新
          </Button>
          {canPublish && (
            <Button type="primary" icon={<SendOutlined />} onClick={() => setConfirming(true)}>
              公布清单
            </Button>
          )}
        </Space>
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {published && (
          <Alert
            type="success"
            showIcon
            data-testid="published-number"
            title={
              <span>
                已公布 <strong>{published.number}</strong>，共 {published.itemCount} 项。
                <a href={`/publications/${encodeURIComponent(published.number)}`} target="_blank" rel="noreferrer">
                  查看公开页面
                </a>
              </span>
            }
          />
        )}
        {blocked && <Blocked error={blocked} />}
        {list.error && <Alert type="error" showIcon title={list.error.message} />}
        <Table<PublicationSummary>
          rowKey="number"
          columns={columns}
          dataSource={list.data ?? []}
          loading={list.loading}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: '尚未公布清单' }}
        />
      </Space>
      <Modal
        open={confirming}
        title="公布清单"
        okText="确认公布"
        cancelText="取消"
        confirmLoading={publishing}
        onOk={() => void publish()}
        onCancel={() => setConfirming(false)}
      >
        <Typography.Paragraph>将以当前生效的全部事项公布新一期清单：加盖本局电子印章、记入透明日志，并在门户网站公开。公布后不能撤回。</Typography.Paragraph>
        <Typography.Paragraph type="secondary">公布前会检查事项要素与基本目录是否一致；不一致时不公布，并列出需要修改的事项。</Typography.Paragraph>
      </Modal>
    </Card>
  );
}
