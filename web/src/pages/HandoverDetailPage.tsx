import { useState } from 'react';
import { Alert, App, Breadcrumb, Button, Card, Descriptions, Form, Input, Modal, Result, Space, Spin, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ArrowRightOutlined, CheckOutlined, PlusOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import dayjs from 'dayjs';
import { ADJUSTMENT_KIND_LABELS, type AdjustmentKind } from '../../../common/adjustment-states.ts';
import { handoversApi, type Handover, type HandoverTask } from '../adjustmentsApi.ts';
import { useApiData } from '../useApiData.ts';
import { useAuth } from '../useAuth.ts';
import { errorMessage } from '../formErrors.ts';
import { HandoverTaskModal } from '../components/adjustments/HandoverTaskModal.tsx';

function TaskDetail({ task }: { task: HandoverTask }) {
  const d = task.detail;
  const rows = [
    d.date && `日期：${d.date}`,
    d.trainer && `培训人：${d.trainer}`,
    d.attendees?.length && `参训人员：${d.attendees.join('、')}`,
    d.materials?.length && `材料：${d.materials.join('、')}`,
    d.note && `备注：${d.note}`,
  ].filter(Boolean) as string[];
  if (rows.length === 0 && !d.url) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space orientation="vertical" size={0}>
      {rows.map((r) => (
        <Typography.Text key={r} type="secondary" style={{ fontSize: 13 }}>
          {r}
        </Typography.Text>
      ))}
      {d.url && (
        <a href={d.url} target="_blank" rel="noreferrer noopener">
          {d.url}
        </a>
      )}
    </Space>
  );
}

function ConfirmModal({ handover, open, onClose, onDone }: { handover: Handover; open: boolean; onClose: () => void; onDone: (h: Handover) => void }) {
  const [form] = Form.useForm<{ note?: string }>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function submit() {
    const { note } = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      onDone(await handoversApi.confirm(handover.id, note));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }
  return (
    <Modal title="确认具备实施条件" open={open} onOk={() => void submit().catch(() => undefined)} onCancel={onClose} okText="确认" confirmLoading={saving} destroyOnHidden>
      <Typography.Paragraph type="secondary">
        确认后交接完成，{handover.fromOrgName}将收到通知。请确认人员、场地、系统权限和业务能力已具备。
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="note" label="说明（选填）">
          <Input.TextArea rows={3} maxLength={2000} placeholder="如：已完成培训，窗口人员已到位" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** A handover: the tasks that prepare the receiving org, who may add and complete them, and the receiving org's confirmation. */
export default function HandoverDetailPage() {
  const { id = '' } = useParams();
  const { me, hasRole } = useAuth();
  const { message } = App.useApp();
  const handover = useApiData(() => handoversApi.get(id), [id]);
  const [adding, setAdding] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [busyTask, setBusyTask] = useState<string | null>(null);
  const h = handover.data;

  if (handover.error?.status === 404) return <Result status="404" title="交接记录不存在" extra={<Link to="/handovers">返回交接列表</Link>} />;
  if (!h) return handover.error ? <Alert type="error" showIcon title={handover.error.message} /> : <Spin style={{ display: 'block', margin: 48 }} />;

  const bureau = hasRole('bureau_admin', 'bureau_reviewer');
  const staff = hasRole('dept_editor', 'dept_leader');
  const open = h.status === 'open';
  // The same rules as the server's policy: the delegating org or the bureau adds tasks; either org works them; the receiving org confirms.
  const mayAdd = open && (bureau || (me?.orgId === h.fromOrgId && staff));
  const mayComplete = open && (bureau || ((me?.orgId === h.fromOrgId || me?.orgId === h.toOrgId) && staff));
  const mayConfirm = open && me?.orgId === h.toOrgId && staff;
  const pending = h.tasks.filter((t) => t.status !== 'done');

  async function complete(task: HandoverTask) {
    setBusyTask(task.id);
    try {
      handover.setData(await handoversApi.completeTask(h!.id, task.id));
      message.success(`已完成：${task.title}`);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusyTask(null);
    }
  }

  const columns: TableColumnsType<HandoverTask> = [
    { title: '类型', dataIndex: 'kindLabel', width: 100, render: (l: string) => <Tag>{l}</Tag> },
    { title: '名称', dataIndex: 'title', width: 260 },
    { title: '内容', key: 'detail', render: (_, t) => <TaskDetail task={t} /> },
    {
      title: '状态',
      key: 'status',
      width: 150,
      render: (_, t) =>
        t.status === 'done' ? (
          <Tag color="success" icon={<CheckOutlined />}>
            已完成{t.doneAt ? ` ${dayjs(t.doneAt).format('MM-DD')}` : ''}
          </Tag>
        ) : mayComplete ? (
          <Button size="small" loading={busyTask === t.id} onClick={() => void complete(t)}>
            标记完成
          </Button>
        ) : (
          <Tag color="processing">进行中</Tag>
        ),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb items={[{ title: <Link to="/handovers">交接</Link> }, { title: h.newItemCode ?? h.itemCode }]} />
      <Card
        title={
          <Space wrap>
            <span>
              {h.fromOrgName} <ArrowRightOutlined /> {h.toOrgName}
            </span>
            <Tag>{ADJUSTMENT_KIND_LABELS[h.kind as AdjustmentKind] ?? h.kind}</Tag>
            <Tag color={open ? 'processing' : 'success'}>{open ? '交接中' : '已完成'}</Tag>
          </Space>
        }
        extra={
          <Space>
            {mayAdd && (
              <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
                添加指导任务
              </Button>
            )}
            {mayConfirm && (
              <Button type="primary" icon={<SafetyCertificateOutlined />} onClick={() => setConfirming(true)} disabled={pending.length > 0}>
                确认具备实施条件
              </Button>
            )}
          </Space>
        }
      >
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'code', label: '原实施编码', children: <span className="qd-mono">{h.itemCode}</span> },
            {
              key: 'new',
              label: '新实施编码',
              children: h.newItemCode ? (
                <Link to={`/items/${h.newItemCode}`} className="qd-mono">
                  {h.newItemCode}
                </Link>
              ) : (
                '—'
              ),
            },
            { key: 'from', label: '交出单位', children: h.fromOrgName },
            { key: 'to', label: '承接单位', children: h.toOrgName },
            { key: 'created', label: '开始时间', children: dayjs(h.createdAt).format('YYYY-MM-DD HH:mm') },
            { key: 'req', label: '调整申请', children: <Link to={`/adjustments/${h.requestId}`}>查看调整申请</Link> },
            ...(h.confirmedAt
              ? [
                  { key: 'confirmed', label: '确认时间', children: dayjs(h.confirmedAt).format('YYYY-MM-DD HH:mm') },
                  { key: 'note', label: '确认说明', children: h.confirmationNote ?? '—' },
                ]
              : []),
          ]}
        />
        {mayConfirm && pending.length > 0 && (
          <Alert style={{ marginTop: 16 }} type="info" showIcon title={`还有 ${pending.length} 项指导任务未完成，全部完成后方可确认具备实施条件。`} />
        )}
      </Card>
      <Card title={`指导任务（${h.tasks.length - pending.length}/${h.tasks.length} 已完成）`}>
        <Table<HandoverTask> rowKey="id" size="small" columns={columns} dataSource={h.tasks} pagination={false} locale={{ emptyText: '尚未安排指导任务' }} />
      </Card>
      <HandoverTaskModal
        handover={h}
        open={adding}
        onClose={() => setAdding(false)}
        onAdded={(updated) => {
          setAdding(false);
          handover.setData(updated);
          message.success('已添加指导任务');
        }}
      />
      <ConfirmModal
        handover={h}
        open={confirming}
        onClose={() => setConfirming(false)}
        onDone={(updated) => {
          setConfirming(false);
          handover.setData(updated);
          message.success('交接完成');
        }}
      />
    </Space>
  );
}
