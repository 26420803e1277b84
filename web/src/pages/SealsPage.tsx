// 电子印章管理 (bureau_admin): seal list with picture preview, create / import, suspend / reinstate /
// revoke / rotate, a test sealing that downloads a sealed PDF, and each seal's certificates and usage log.
import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Drawer, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ImportOutlined, PlusOutlined, ReloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { api, orgsApi } from '../api.ts';
import { useApiData } from '../useApiData.ts';
import { applyApiError, errorMessage } from '../formErrors.ts';
import { OrgTreeSelect } from '../components/OrgTreeSelect.tsx';

interface SealKey {
  id: string;
  version: number;
  algorithm: string;
  fingerprint: string;
  serial: string;
  subject: string;
  issuer: string;
  notBefore: string;
  notAfter: string;
  retiredAt: string | null;
  certificate: string;
}

interface Seal {
  id: string;
  orgId: string;
  orgName: string;
  name: string;
  algorithm: string;
  status: 'active' | 'suspended' | 'revoked';
  statusReason: string | null;
  source: string;
  allowedActions: string[];
  currentKey: SealKey | null;
  keys: SealKey[];
  createdAt: string;
}

interface SealUse {
  id: string;
  keyVersion: number | null;
  actorName: string | null;
  format: string;
  documentName: string | null;
  purpose: string | null;
  digestSm3: string;
  signedAt: string;
}

const STATUS: Record<Seal['status'], { label: string; color: string }> = {
  active: { label: '启用', color: 'green' },
  suspended: { label: '已暂停', color: 'orange' },
  revoked: { label: '已吊销', color: 'red' },
};
const ALGORITHMS = [
  { value: 'sm2', label: 'SM2（国密，默认）' },
  { value: 'p256', label: 'ECDSA P-256（国际互认）' },
  { value: 'ed25519', label: 'Ed25519（国际互认）' },
];

const sealsApi = {
  list: () => api.get<{ items: Seal[] }>('/api/seals').then((r) => r.items),
  create: (body: Record<string, unknown>) => api.post<Seal>('/api/seals', body),
  import: (body: Record<string, unknown>) => api.post<Seal>('/api/seals/import', body),
  act: (id: string, action: string, body?: Record<string, unknown>) => api.post<Seal>(`/api/seals/${encodeURIComponent(id)}/${action}`, body),
  uses: (id: string) => api.get<{ items: SealUse[] }>(`/api/seals/${encodeURIComponent(id)}/uses`).then((r) => r.items),
  samplePdf: (id: string) =>
    api.post<{ pdfBase64: string }>(`/api/seals/${encodeURIComponent(id)}/sealed-pdf`, {
      title: '电子印章试盖章',
      paragraphs: ['本文件为电子印章试盖章样张，用于核对印章图样与数字签名。', '可将本文件上传到公众验证页面（/verify）核验签章。'],
      purpose: '试盖章',
    }),
};

const day = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD') : '—');
const time = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm:ss');

function download(base64: string, filename: string) {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

type Dialog = { kind: 'create' } | { kind: 'import' } | { kind: 'reason'; seal: Seal; action: 'suspend' | 'revoke' } | null;

export default function SealsPage() {
  const { message } = App.useApp();
  const seals = useApiData(() => sealsApi.list(), []);
  const orgs = useApiData(() => orgsApi.list(), []);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [detail, setDetail] = useState<Seal | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  async function run(key: string, work: () => Promise<unknown>, done: string) {
    setBusy(key);
    try {
      await work();
      message.success(done);
      await seals.reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  }

  const columns: TableColumnsType<Seal> = [
    { title: '图样', dataIndex: 'id', width: 84, render: (id: string, s) => <img src={`/api/seals/${id}/picture`} alt={`${s.name}图样`} width={64} height={64} /> },
    {
      title: '印章',
      dataIndex: 'name',
      render: (name: string, s) => (
        <Space direction="vertical" size={0}>
          <Typography.Link onClick={() => setDetail(s)}>{name}</Typography.Link>
          <Typography.Text type="secondary">{s.orgName}</Typography.Text>
        </Space>
      ),
    },
    { title: '算法', dataIndex: 'algorithm', width: 100, render: (a: string) => <Tag>{a.toUpperCase()}</Tag> },
    {
      title: '状态',
      dataIndex: 'status',
      width: 110,
      render: (status: Seal['status'], s) => (
        <Space direction="vertical" size={0}>
          <Tag color={STATUS[status].color}>{STATUS[status].label}</Tag>
          {s.statusReason && <Typography.Text type="secondary">{s.statusReason}</Typography.Text>}
        </Space>
      ),
    },
    { title: '当前密钥', width: 210, render: (_, s) => (s.currentKey ? `第 ${s.currentKey.version} 版 · ${day(s.currentKey.notBefore)} 至 ${day(s.currentKey.notAfter)}` : '—') },
    {
      title: '操作',
      width: 330,
      render: (_, s) => (
        <Space wrap size="small">
          {s.allowedActions.includes('use') && (
            <Button size="small" loading={busy === `pdf:${s.id}`} onClick={() => run(`pdf:${s.id}`, async () => download((await sealsApi.samplePdf(s.id)).pdfBase64, `${s.name}-试盖章.pdf`), '已生成试盖章 PDF')}>
              试盖章
            </Button>
          )}
          {s.allowedActions.includes('rotate') && (
            <Popconfirm title="轮换密钥？" description="新密钥立即启用，旧证书保留用于验证已盖章文件。" onConfirm={() => run(`rotate:${s.id}`, () => sealsApi.act(s.id, 'rotate', {}), '已轮换密钥')}>
              <Button size="small" loading={busy === `rotate:${s.id}`}>轮换密钥</Button>
            </Popconfirm>
          )}
          {s.allowedActions.includes('suspend') && (
            <Button size="small" onClick={() => setDialog({ kind: 'reason', seal: s, action: 'suspend' })}>暂停</Button>
          )}
          {s.allowedActions.includes('reinstate') && (
            <Button size="small" loading={busy === `reinstate:${s.id}`} onClick={() => run(`reinstate:${s.id}`, () => sealsApi.act(s.id, 'reinstate', {}), '已恢复使用')}>
              恢复
            </Button>
          )}
          {s.allowedActions.includes('revoke') && (
            <Button size="small" danger onClick={() => setDialog({ kind: 'reason', seal: s, action: 'revoke' })}>吊销</Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={<><SafetyCertificateOutlined /> 电子印章</>}
      extra={
        <Space>
          <Button icon={<ReloadOutlined />} onClick={() => void seals.reload()}>刷新</Button>
          <Button icon={<ImportOutlined />} onClick={() => setDialog({ kind: 'import' })}>导入证书</Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })}>新建印章</Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        每个机构的电子印章由 SM2 密钥对、本局印章根证书签发的证书和印章图样组成，私钥加密保存。公众可在 <a href="/verify" target="_blank" rel="noreferrer">/verify</a> 验证盖章文件，
        全部证书公布于 <a href="/.well-known/qingdan-seals.json" target="_blank" rel="noreferrer">/.well-known/qingdan-seals.json</a>。
      </Typography.Paragraph>
      {seals.error && <Alert type="error" showIcon message={seals.error.message} style={{ marginBottom: 16 }} />}
      <Table rowKey="id" columns={columns} dataSource={seals.data ?? []} loading={seals.loading} pagination={false} locale={{ emptyText: '尚未制作电子印章' }} />
      {dialog?.kind === 'create' && <CreateSealModal orgs={orgs.data ?? []} onClose={() => setDialog(null)} onDone={() => { setDialog(null); void seals.reload(); }} />}
      {dialog?.kind === 'import' && <ImportSealModal orgs={orgs.data ?? []} onClose={() => setDialog(null)} onDone={() => { setDialog(null); void seals.reload(); }} />}
      {dialog?.kind === 'reason' && (
        <ReasonModal
          seal={dialog.seal}
          action={dialog.action}
          onClose={() => setDialog(null)}
          onSubmit={(reason) => run(`${dialog.action}:${dialog.seal.id}`, () => sealsApi.act(dialog.seal.id, dialog.action, { reason }), dialog.action === 'revoke' ? '印章已吊销' : '印章已暂停').then(() => setDialog(null))}
        />
      )}
      {detail && <SealDrawer seal={detail} onClose={() => setDetail(null)} />}
    </Card>
  );
}

function CreateSealModal({ orgs, onClose, onDone }: { orgs: Awaited<ReturnType<typeof orgsApi.list>>; onClose: () => void; onDone: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const orgId = Form.useWatch<string | undefined>('orgId', form);
  const bottom = Form.useWatch<string | undefined>('pictureBottom', form);
  const rim = useMemo(() => orgs.find((o) => o.id === orgId)?.nameZh, [orgs, orgId]);

  async function submit(values: Record<string, unknown>) {
    setSaving(true);
    try {
      await sealsApi.create(Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== '')));
      message.success('已制作电子印章');
      onDone();
    } catch (e) {
      const rest = applyApiError(form, e, ['orgId', 'name', 'algorithm', 'validYears', 'pictureBottom']);
      if (rest) message.error(rest);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal open title="新建电子印章" okText="制作" onOk={() => form.submit()} confirmLoading={saving} onCancel={onClose} width={640} destroyOnHidden>
      <Space align="start" size="large">
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ algorithm: 'sm2', validYears: 3, pictureBottom: '电子印章' }} style={{ width: 380 }}>
          <Form.Item name="orgId" label="所属机构" rules={[{ required: true, message: '请选择机构' }]}>
            <OrgTreeSelect orgs={orgs} activeOnly placeholder="选择机构" />
          </Form.Item>
          <Form.Item name="name" label="印章名称" extra="留空则为“机构名称 + 电子印章”">
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="pictureBottom" label="图样下方文字">
            <Input maxLength={12} />
          </Form.Item>
          <Form.Item name="algorithm" label="签名算法">
            <Select options={ALGORITHMS} />
          </Form.Item>
          <Form.Item name="validYears" label="证书有效期（年）">
            <InputNumber min={1} max={10} />
          </Form.Item>
        </Form>
        <div style={{ textAlign: 'center' }}>
          <Typography.Text type="secondary">图样预览</Typography.Text>
          <div style={{ width: 180, height: 180, marginTop: 8 }}>
            {rim ? <img alt="印章图样预览" width={180} height={180} src={`/api/seals/picture-preview?rim=${encodeURIComponent(rim)}&bottom=${encodeURIComponent(bottom ?? '')}`} /> : <Typography.Text type="secondary">选择机构后显示</Typography.Text>}
          </div>
        </div>
      </Space>
    </Modal>
  );
}

function ImportSealModal({ orgs, onClose, onDone }: { orgs: Awaited<ReturnType<typeof orgsApi.list>>; onClose: () => void; onDone: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);

  async function submit(values: Record<string, unknown>) {
    setSaving(true);
    try {
      await sealsApi.import(Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== '')));
      message.success('已导入印章证书');
      onDone();
    } catch (e) {
      const rest = applyApiError(form, e, ['orgId', 'name', 'certificatePem', 'privateKeyPem', 'chainPem']);
      if (rest) message.error(rest);
    } finally {
      setSaving(false);
    }
  }

  const pem = { rows: 5, style: { fontFamily: 'monospace', fontSize: 12 } };
  return (
    <Modal open title="导入 CA 签发的印章证书" okText="导入" onOk={() => form.submit()} confirmLoading={saving} onCancel={onClose} width={640} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="orgId" label="所属机构" rules={[{ required: true, message: '请选择机构' }]}>
          <OrgTreeSelect orgs={orgs} activeOnly placeholder="选择机构" />
        </Form.Item>
        <Form.Item name="name" label="印章名称">
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="certificatePem" label="印章证书（PEM）" rules={[{ required: true, message: '请粘贴证书' }]}>
          <Input.TextArea {...pem} placeholder="-----BEGIN CERTIFICATE-----" />
        </Form.Item>
        <Form.Item name="privateKeyPem" label="私钥（PEM，未加密；导入后加密保存，不再显示）" rules={[{ required: true, message: '请粘贴私钥' }]}>
          <Input.TextArea {...pem} placeholder="-----BEGIN PRIVATE KEY-----" />
        </Form.Item>
        <Form.Item name="chainPem" label="CA 证书链（PEM，可选）">
          <Input.TextArea {...pem} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ReasonModal({ seal, action, onClose, onSubmit }: { seal: Seal; action: 'suspend' | 'revoke'; onClose: () => void; onSubmit: (reason: string) => Promise<void> }) {
  const [reason, setReason] = useState('');
  const [saving, setSaving] = useState(false);
  const revoke = action === 'revoke';
  return (
    <Modal
      open
      title={`${revoke ? '吊销' : '暂停'}：${seal.name}`}
      okText={revoke ? '吊销' : '暂停'}
      okButtonProps={{ danger: revoke, disabled: !reason.trim() }}
      confirmLoading={saving}
      onCancel={onClose}
      onOk={async () => {
        setSaving(true);
        await onSubmit(reason.trim());
        setSaving(false);
      }}
    >
      {revoke && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message="吊销不可恢复：此后验证该印章加盖的所有文件都将显示“印章已吊销”。" />}
      <Input.TextArea aria-label="原因" rows={3} maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} placeholder="请填写原因" />
    </Modal>
  );
}

function SealDrawer({ seal, onClose }: { seal: Seal; onClose: () => void }) {
  const uses = useApiData(() => sealsApi.uses(seal.id), [seal.id]);
  const useColumns: TableColumnsType<SealUse> = [
    { title: '时间', dataIndex: 'signedAt', width: 170, render: time },
    { title: '盖章人', dataIndex: 'actorName', width: 150 },
    { title: '文件', render: (_, u) => `${u.documentName ?? '—'}（${u.format}）` },
    { title: '用途', dataIndex: 'purpose', width: 100 },
    { title: '密钥版本', dataIndex: 'keyVersion', width: 80 },
  ];
  return (
    <Drawer open width={820} title={seal.name} onClose={onClose}>
      <Tabs
        items={[
          {
            key: 'keys',
            label: '证书与密钥版本',
            children: seal.keys
              .slice()
              .reverse()
              .map((k) => (
                <Descriptions key={k.id} bordered size="small" column={1} style={{ marginBottom: 16 }} title={`第 ${k.version} 版${k.retiredAt ? `（${day(k.retiredAt)} 轮换停用）` : '（当前）'}`}>
                  <Descriptions.Item label="主体">{k.subject}</Descriptions.Item>
                  <Descriptions.Item label="签发者">{k.issuer}</Descriptions.Item>
                  <Descriptions.Item label="有效期">{`${day(k.notBefore)} 至 ${day(k.notAfter)}`}</Descriptions.Item>
                  <Descriptions.Item label="算法">{k.algorithm.toUpperCase()}</Descriptions.Item>
                  <Descriptions.Item label="SHA-256 指纹"><span className="qd-mono">{k.fingerprint}</span></Descriptions.Item>
                  <Descriptions.Item label="证书">
                    <Typography.Paragraph copyable={{ text: k.certificate }} style={{ marginBottom: 0 }}>PEM</Typography.Paragraph>
                  </Descriptions.Item>
                </Descriptions>
              )),
          },
          {
            key: 'uses',
            label: '使用记录',
            children: <Table rowKey="id" size="small" columns={useColumns} dataSource={uses.data ?? []} loading={uses.loading} pagination={false} locale={{ emptyText: '暂无使用记录' }} />,
          },
        ]}
      />
    </Drawer>
  );
}
