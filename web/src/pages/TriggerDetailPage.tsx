import { useState } from 'react';
import { Alert, App, Breadcrumb, Button, Card, Descriptions, Form, Input, Modal, Result, Space, Spin, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import dayjs from 'dayjs';
import { lookupApi, triggersApi, type Trigger, type TriggerDetail } from '../adjustmentsApi.ts';
import { useApiData } from '../useApiData.ts';
import { useAuth } from '../useAuth.ts';
import { errorMessage } from '../formErrors.ts';
import { DueTag, ResolutionTag } from '../components/adjustments/tags.tsx';
import { AttachmentList } from '../components/adjustments/AttachmentList.tsx';

type Responsible = Trigger['responsible'][number];

/** The name of an item or catalogue item, looked up; the code while loading or when not visible. */
function LookupName({ source, id }: { source: 'items' | 'catalogue'; id: string }) {
  const found = useApiData(
    () => (source === 'items' ? lookupApi.item(id).then((i) => i.current?.elements.name ?? id) : lookupApi.catalogueItem(id).then((c) => `${c.current.name}（${c.basicCode}）`)),
    [source, id],
  );
  return (
    <Tag style={{ marginBottom: 4 }}>
      {found.data ?? id}
      {source === 'items' && <span className="qd-mono" style={{ marginInlineStart: 6, color: '#8c8c8c' }}>{id}</span>}
    </Tag>
  );
}

function NoChangeModal({ trigger, org, onClose, onDone }: { trigger: Trigger; org: Responsible | null; onClose: () => void; onDone: (t: TriggerDetail) => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function submit() {
    if (!org) return;
    const { reason } = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      onDone(await triggersApi.noChange(trigger.id, org.orgId, reason.trim()));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }
  return (
    <Modal title={`无需调整 · ${org?.orgName ?? ''}`} open={org !== null} onOk={() => void submit().catch(() => undefined)} onCancel={onClose} okText="确认无需调整" confirmLoading={saving} destroyOnHidden>
      <Typography.Paragraph type="secondary">记录后该单位对此事由视为已办结；全部责任单位办结后事由关闭。</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="reason" label="理由" rules={[{ required: true, whitespace: true, message: '请说明无需调整的理由' }]}>
          <Input.TextArea rows={4} maxLength={2000} showCount placeholder="如：本单位清单中无涉及该条例的事项" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** A trigger: its document, deadline, affected items and each responsible org's resolution. */
export default function TriggerDetailPage() {
  const { id = '' } = useParams();
  const { me, hasRole } = useAuth();
  const { message } = App.useApp();
  const trigger = useApiData(() => triggersApi.get(id), [id]);
  const [noChangeFor, setNoChangeFor] = useState<Responsible | null>(null);
  const bureau = hasRole('bureau_admin', 'bureau_reviewer');
  const t = trigger.data;

  if (trigger.error?.status === 404) {
    return <Result status="404" title="调整事由不存在" subTitle="可能已被删除，或不属于本单位。" extra={<Link to="/triggers">返回调整事由</Link>} />;
  }
  if (!t) return trigger.error ? <Alert type="error" showIcon title={trigger.error.message} /> : <Spin style={{ display: 'block', margin: 48 }} />;

  const columns: TableColumnsType<Responsible> = [
    { title: '责任单位', dataIndex: 'orgName' },
    { title: '办结情况', key: 'resolution', width: 200, render: (_, r) => <ResolutionTag r={r} withOrg={false} /> },
    {
      title: '说明',
      key: 'note',
      render: (_, r) =>
        r.resolution === 'adjusted' && r.adjustmentId ? (
          <Link to={`/adjustments/${r.adjustmentId}`}>查看调整申请</Link>
        ) : (
          (r.note ?? <Typography.Text type="secondary">—</Typography.Text>)
        ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 220,
      render: (_, r) =>
        t.status === 'open' && r.resolution === null ? (
          <Space size={0} wrap>
            {me?.orgId === r.orgId && hasRole('dept_editor') && (
              <Link to={`/adjustments/new?trigger=${t.id}`}>
                <Button type="link" size="small" icon={<PlusOutlined />}>
                  发起调整申请
                </Button>
              </Link>
            )}
            {bureau && (
              <Button type="link" size="small" onClick={() => setNoChangeFor(r)}>
                无需调整
              </Button>
            )}
          </Space>
        ) : null,
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb items={[{ title: <Link to="/triggers">调整事由</Link> }, { title: t.title }]} />
      <Card
        title={
          <Space wrap>
            <span>{t.title}</span>
            <Tag color={t.status === 'open' ? 'processing' : 'success'}>{t.status === 'open' ? '未办结' : '已办结'}</Tag>
          </Space>
        }
      >
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: 'kind', label: '事由类型', children: t.kindLabel },
            { key: 'doc', label: '文号', children: t.docNumber ?? '—' },
            { key: 'issuer', label: '发文机关', children: t.issuingBody ?? '—' },
            { key: 'docEff', label: '文件施行日期', children: t.docEffectiveOn ?? '—' },
            { key: 'occurred', label: '事由发生日期', children: t.occurredOn },
            { key: 'due', label: '办结期限', children: <DueTag dueOn={t.dueOn} overdue={t.overdue} status={t.status} /> },
            {
              key: 'url',
              label: '文件链接',
              span: 2,
              children: t.url ? (
                <a href={t.url} target="_blank" rel="noreferrer noopener">
                  {t.url}
                </a>
              ) : (
                '—'
              ),
            },
            { key: 'created', label: '登记时间', children: dayjs(t.createdAt).format('YYYY-MM-DD HH:mm') },
            ...(t.closedAt ? [{ key: 'closed', label: '办结时间', children: dayjs(t.closedAt).format('YYYY-MM-DD HH:mm') }] : []),
          ]}
        />
        {t.overdue && <Alert type="error" showIcon style={{ marginTop: 16 }} title={`已超过办结期限（${t.dueOn}），请尽快完成调整或说明无需调整。`} />}
      </Card>
      <Card title="责任单位办结情况">
        <Table<Responsible> rowKey="orgId" size="small" columns={columns} dataSource={t.responsible} pagination={false} />
      </Card>
      <Card title="涉及事项">
        {t.affected.itemCodes.length === 0 && t.affected.catalogueItemIds.length === 0 ? (
          <Typography.Text type="secondary">登记时未指定涉及的事项。</Typography.Text>
        ) : (
          <Descriptions
            column={1}
            size="small"
            items={[
              ...(t.affected.itemCodes.length
                ? [{ key: 'items', label: '实施事项', children: <div>{t.affected.itemCodes.map((c) => <LookupName key={c} source="items" id={c} />)}</div> }]
                : []),
              ...(t.affected.catalogueItemIds.length
                ? [{ key: 'cat', label: '基本目录事项', children: <div>{t.affected.catalogueItemIds.map((c) => <LookupName key={c} source="catalogue" id={c} />)}</div> }]
                : []),
            ]}
          />
        )}
      </Card>
      <AttachmentList
        owner="trigger"
        ownerId={t.id}
        what="文件原文"
        initial={t.attachments}
        canEdit={bureau || (hasRole('dept_editor', 'dept_leader') && t.responsible.every((r) => r.orgId === me?.orgId))}
        readOnlyHint="由登记单位上传。"
      />
      <NoChangeModal
        trigger={t}
        org={noChangeFor}
        onClose={() => setNoChangeFor(null)}
        onDone={(updated) => {
          setNoChangeFor(null);
          trigger.setData(updated);
          message.success(updated.status === 'closed' ? '已记录，事由已办结' : '已记录无需调整');
        }}
      />
    </Space>
  );
}
