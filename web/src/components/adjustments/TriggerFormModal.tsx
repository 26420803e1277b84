import { Col, DatePicker, Form, Input, Row, Select, Typography } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { TRIGGER_KINDS } from '../../../../common/adjustment-states.ts';
import type { Org } from '../../api.ts';
import { triggersApi, type Trigger } from '../../adjustmentsApi.ts';
import { useAuth } from '../../useAuth.ts';
import { FormModal } from '../FormModal.tsx';
import { LookupSelect } from './LookupSelect.tsx';

interface Values {
  kind: string;
  title: string;
  docNumber?: string;
  issuingBody?: string;
  docEffectiveOn?: Dayjs | null;
  url?: string;
  occurredOn: Dayjs;
  responsibleOrgIds: string[];
  itemCodes?: string[];
  catalogueItemIds?: string[];
}

const FIELDS = ['kind', 'title', 'docNumber', 'issuingBody', 'docEffectiveOn', 'url', 'occurredOn', 'responsibleOrgIds', 'itemCodes', 'catalogueItemIds'];

/** Orgs that may be responsible for an adjustment: this banner's active departments, towns and the bureau. */
export function orgOptions(orgs: Org[], exclude?: string) {
  return orgs.filter((o) => o.active && o.kind !== 'external' && o.id !== exclude).map((o) => ({ value: o.id, label: o.nameZh }));
}

export interface TriggerFormModalProps {
  open: boolean;
  orgs: Org[];
  onClose: () => void;
  onCreated: (trigger: Trigger) => void;
}

/** 登记调整事由. The bureau names any responsible orgs; a department registers for itself (the server enforces both). */
export function TriggerFormModal({ open, orgs, onClose, onCreated }: TriggerFormModalProps) {
  const { me, hasRole } = useAuth();
  const bureau = hasRole('bureau_admin', 'bureau_reviewer');
  const [form] = Form.useForm<Values>();

  async function submit(v: Values) {
    const created = await triggersApi.register({
      kind: v.kind,
      title: v.title.trim(),
      docNumber: v.docNumber?.trim() || null,
      issuingBody: v.issuingBody?.trim() || null,
      docEffectiveOn: v.docEffectiveOn ? v.docEffectiveOn.format('YYYY-MM-DD') : null,
      url: v.url?.trim() || null,
      occurredOn: v.occurredOn.format('YYYY-MM-DD'),
      responsibleOrgIds: bureau ? v.responsibleOrgIds : [me!.orgId],
      itemCodes: v.itemCodes ?? [],
      catalogueItemIds: v.catalogueItemIds ?? [],
    });
    form.resetFields();
    onCreated(created);
  }

  return (
    <FormModal form={form} fields={FIELDS} onSubmit={submit} title="登记调整事由" open={open} width={760} onCancel={onClose} okText="登记">
      <Form form={form} layout="vertical" preserve={false} initialValues={{ responsibleOrgIds: bureau ? [] : [me?.orgId], occurredOn: dayjs() }}>
        <Row gutter={16}>
          <Col span={10}>
            <Form.Item name="kind" label="事由类型" rules={[{ required: true, message: '请选择事由类型' }]}>
              <Select options={Object.entries(TRIGGER_KINDS).map(([value, label]) => ({ value, label }))} placeholder="选择类型" />
            </Form.Item>
          </Col>
          <Col span={14}>
            <Form.Item name="title" label="事由名称（文件标题）" rules={[{ required: true, whitespace: true, message: '请填写事由名称' }, { max: 300 }]}>
              <Input placeholder="如：《中华人民共和国食品安全法实施条例》修订" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="docNumber" label="文号" rules={[{ max: 100 }]}>
              <Input placeholder="如：国务院令第721号" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="issuingBody" label="发文机关" rules={[{ max: 200 }]}>
              <Input placeholder="如：国务院" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="docEffectiveOn" label="文件施行日期">
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="url" label="文件链接" rules={[{ pattern: /^https?:\/\//, message: '链接须以 http:// 或 https:// 开头' }, { max: 500 }]}>
              <Input placeholder="https://" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="occurredOn"
              label="事由发生日期"
              tooltip="办结期限为发生之日起一个月（遇节假日顺延）"
              rules={[{ required: true, message: '请选择发生日期' }]}
            >
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="responsibleOrgIds"
          label="责任单位"
          rules={[{ required: true, type: 'array', min: 1, message: '至少指定一个责任单位' }]}
          extra={bureau ? undefined : '部门只能为本单位登记调整事由'}
        >
          <Select mode="multiple" options={orgOptions(orgs)} disabled={!bureau} showSearch={{ optionFilterProp: 'label' }} placeholder="选择负责调整的单位" />
        </Form.Item>
        <Form.Item name="itemCodes" label="涉及的实施事项">
          <LookupSelect source="items" orgId={bureau ? undefined : me?.orgId} />
        </Form.Item>
        <Form.Item name="catalogueItemIds" label="涉及的基本目录事项">
          <LookupSelect source="catalogue" />
        </Form.Item>
        <Typography.Text type="secondary">
          <PaperClipOutlined /> 登记后可在事由详情页上传文件原文（PDF、OFD、Word、Excel、图片，≤ 20 MB）。
        </Typography.Text>
      </Form>
    </FormModal>
  );
}
