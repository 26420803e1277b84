// One report package: its files (with SHA-256), the delivery and answer history, and the bureau's actions.
import { useState } from 'react';
import { Alert, App, Breadcrumb, Button, Card, Col, Descriptions, Input, Modal, Result, Row, Space, Spin, Table, Tag, Timeline, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DownloadOutlined, SendOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import dayjs from 'dayjs';
import { ApiError } from '../api.ts';
import { useApiData } from '../useApiData.ts';
import { useAuth } from '../useAuth.ts';
import { errorMessage } from '../formErrors.ts';
import { REPORT_STATE_TAGS, reportsApi, type ReportEvent, type ReportFile, type ReportState } from '../publicationsApi.ts';

function ReportStateTag({ state }: { state: ReportState }) {
  const t = REPORT_STATE_TAGS[state] ?? { label: state, color: 'default' };
  return <Tag color={t.color}>{t.label}</Tag>;
}

const EVENT_LABELS: Record<string, string> = { prepare: '生成报备材料', send: '报送', acknowledge: '记录市局确认', query: '记录市局意见', retry: '自动重试' };

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const stateLabel = (s: string | null) => (s ? (REPORT_STATE_TAGS[s as ReportState]?.label ?? s) : '');

type ReplyKind = 'acknowledge' | 'query';

export default function ReportsDetailPage() {
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const { hasRole } = useAuth();
  const canWork = hasRole('bureau_admin', 'bureau_reviewer');
  const report = useApiData(() => reportsApi.get(id), [id]);
  const [sending, setSending] = useState(false);
  const [sendError, setSendError] = useState<string | null>(null);
  const [replyKind, setReplyKind] = useState<ReplyKind | null>(null);
  const [reply, setReply] = useState('');
  const [replyError, setReplyError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const r = report.data;

  if (report.error?.status === 404) return <Result status="404" title="报备记录不存在" extra={<Link to="/reports">返回报备</Link>} />;
  if (!r) return report.error ? <Alert type="error" showIcon title={report.error.message} /> : <Spin style={{ display: 'block', margin: 48 }} />;

  async function send() {
    setSending(true);
    setSendError(null);
    try {
      const updated = await reportsApi.send(id);
      report.setData(updated);
      message.success(`报送成功：${updated.stateLabel}`);
    } catch (e) {
      // 502: the attempt is recorded and retried automatically; the package stays sendable by hand.
      setSendError(errorMessage(e));
      if (e instanceof ApiError && (e.status === 502 || e.status === 409)) await report.reload();
    } finally {
      setSending(false);
    }
  }

  async function saveReply() {
    if (!replyKind) return;
    if (!reply.trim()) {
      setReplyError('请填写市局的回复内容');
      return;
    }
    setSaving(true);
    try {
      const updated = replyKind === 'acknowledge' ? await reportsApi.acknowledge(id, reply.trim()) : await reportsApi.query(id, reply.trim());
      report.setData(updated);
      setReplyKind(null);
      message.success(`已记录：${updated.stateLabel}`);
    } catch (e) {
      setReplyError(errorMessage(e));
      if (e instanceof ApiError && e.status === 409) await report.reload();
    } finally {
      setSaving(false);
    }
  }

  const openReply = (kind: ReplyKind) => {
    setReply('');
    setReplyError(null);
    setReplyKind(kind);
  };

  const fileColumns: TableColumnsType<ReportFile> = [
    {
      title: '文件',
      dataIndex: 'name',
      render: (name: string, f) => (
        <Space orientation="vertical" size={0}>
          <a href={reportsApi.fileUrl(r.id, name)} download={name}>
            <DownloadOutlined /> {name}
          </a>
          {f.title && <Typography.Text type="secondary">{f.title}</Typography.Text>}
        </Space>
      ),
    },
    { title: '大小', dataIndex: 'size', width: 100, align: 'right', render: size },
    {
      title: 'SHA-256',
      dataIndex: 'sha256',
      render: (h: string) => (
        <Typography.Text className="qd-mono" copyable={{ text: h }} style={{ fontSize: 12, wordBreak: 'break-all' }}>
          {h}
        </Typography.Text>
      ),
    },
  ];

  const canSend = canWork && r.allowedActions.includes('send');

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb items={[{ title: <Link to="/reports">报备</Link> }, { title: r.publicationNumber }]} />
      <Card
        title={
          <Space wrap>
            <span>清单报备 {r.publicationNumber}</span>
            <span data-testid="report-state">
              <ReportStateTag state={r.state} />
            </span>
          </Space>
        }
        extra={
          canWork && (
            <Space wrap data-testid="report-actions">
              {canSend && (
                <Button type="primary" icon={<SendOutlined />} loading={sending} onClick={() => void send()}>
                  {r.attempts > 0 || r.state === 'queried' ? '重新发送' : '发送'}
                </Button>
              )}
              {r.allowedActions.includes('acknowledge') && <Button onClick={() => openReply('acknowledge')}>记录市局确认</Button>}
              {r.allowedActions.includes('query') && <Button onClick={() => openReply('query')}>记录市局意见</Button>}
            </Space>
          )
        }
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          {sendError && <Alert type="error" showIcon title={sendError} description={canSend || r.state === 'prepared' ? '已记录本次失败，系统将按退避策略自动重试，也可再次点击“发送”。' : undefined} data-testid="send-error" />}
          <Descriptions
            bordered
            size="small"
            column={{ xs: 1, md: 2, xl: 3 }}
            items={[
              { key: 'pub', label: '清单期号', children: <a href={`/publications/${encodeURIComponent(r.publicationNumber)}`} target="_blank" rel="noreferrer">{r.publicationNumber}</a> },
              { key: 'state', label: '状态', children: <ReportStateTag state={r.state} /> },
              { key: 'recipient', label: '报送至', children: r.recipient },
              { key: 'prepared', label: '生成时间', children: dayjs(r.preparedAt).format('YYYY-MM-DD HH:mm') },
              { key: 'sent', label: '报送时间', children: r.sentAt ? dayjs(r.sentAt).format('YYYY-MM-DD HH:mm') : '—' },
              { key: 'answered', label: '市局回复时间', children: r.answeredAt ? dayjs(r.answeredAt).format('YYYY-MM-DD HH:mm') : '—' },
              ...(r.reply ? [{ key: 'reply', label: '市局回复', span: 3, children: r.reply }] : []),
              ...(r.lastError
                ? [
                    {
                      key: 'err',
                      label: '最近报送失败',
                      span: 3,
                      children: (
                        <Typography.Text type="danger">
                          {r.lastError}（已失败 {r.attempts} 次{r.nextAttemptAt ? `，将于 ${dayjs(r.nextAttemptAt).format('YYYY-MM-DD HH:mm')} 自动重试` : '，不再自动重试，请手动发送'}）
                        </Typography.Text>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </Space>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Card title={`报备文件（${r.files.length} 个）`} data-testid="manifest">
            <Table<ReportFile> size="small" rowKey="name" columns={fileColumns} dataSource={r.files} pagination={false} />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card title="报送记录" data-testid="report-history">
            <Timeline
              items={r.history.map((e: ReportEvent) => ({
                key: e.seq,
                color: e.outcome === 'failed' ? 'red' : e.kind === 'acknowledge' ? 'green' : e.kind === 'query' ? 'orange' : 'blue',
                content: (
                  <Space orientation="vertical" size={0} style={{ width: '100%' }}>
                    <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
                      <span>
                        <strong>{EVENT_LABELS[e.kind] ?? e.kind}</strong>
                        {e.outcome === 'failed' ? (
                          <Tag color="error" style={{ marginInlineStart: 8 }}>
                            失败
                          </Tag>
                        ) : (
                          e.fromState !== e.toState && <Typography.Text type="secondary"> → {stateLabel(e.toState)}</Typography.Text>
                        )}
                      </span>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {dayjs(e.at).format('YYYY-MM-DD HH:mm:ss')}
                      </Typography.Text>
                    </Space>
                    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                      {e.actorName ?? '系统'}
                      {e.adapter ? ` · 通道：${e.adapter}` : ''}
                    </Typography.Text>
                    {e.error && <Typography.Text type="danger">{e.error}</Typography.Text>}
                    {e.reply && <Typography.Paragraph style={{ margin: '4px 0 0', background: '#fafafa', padding: '4px 8px', borderRadius: 4 }}>回复：{e.reply}</Typography.Paragraph>}
                  </Space>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
      <Modal
        open={replyKind !== null}
        title={replyKind === 'acknowledge' ? '记录市局确认' : '记录市局意见'}
        okText="保存"
        cancelText="取消"
        confirmLoading={saving}
        onOk={() => void saveReply()}
        onCancel={() => setReplyKind(null)}
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">
            {replyKind === 'acknowledge' ? '市政务服务局已确认收到本期清单报备，请记录其回复。' : '市政务服务局对报备有疑问，请记录其意见；处理后可重新发送。'}
          </Typography.Text>
          <Input.TextArea aria-label="市局回复" rows={4} maxLength={4000} showCount value={reply} onChange={(e) => setReply(e.target.value)} />
          {replyError && <Alert type="error" showIcon title={replyError} />}
        </Space>
      </Modal>
    </Space>
  );
}
