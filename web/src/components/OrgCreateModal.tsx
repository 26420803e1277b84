import { useEffect } from 'react';
import { App, Col, Form, Input, Row, Select } from 'antd';
import { orgsApi, type Org, type OrgKind } from '../api.ts';
import { LEVEL_LABELS, ORG_KIND_LABELS } from '../labels.ts';
import { usccProblem } from '../uscc.ts';
import { childKinds, expectedLevel } from '../orgRules.ts';
import { FormModal } from './FormModal.tsx';

interface Values {
  kind: OrgKind;
  uscc: string;
  level: number;
  nameZh: string;
  nameEn?: string;
  nameMn?: string;
}

const FIELDS = ['kind', 'uscc', 'level', 'nameZh', 'nameEn', 'nameMn'];

function defaultsFor(parent: Org | null): Partial<Values> {
  const kind = childKinds(parent?.kind ?? null)[0] ?? 'external';
  return { kind, level: expectedLevel(kind) ?? parent?.level ?? 3 };
}

export function OrgCreateModal({ parent, open, onClose, onCreated }: { parent: Org | null; open: boolean; onClose: () => void; onCreated: (org: Org) => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const kind = Form.useWatch('kind', form);
  const fixedLevel = kind ? expectedLevel(kind) : null;
  const kinds = childKinds(parent?.kind ?? null);

  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue(defaultsFor(parent));
    }
  }, [open, parent, form]);

  async function submit(values: Values) {
    const org = await orgsApi.create({
      parentId: parent?.id ?? null,
      kind: values.kind,
      uscc: values.uscc.trim(),
      level: values.level,
      nameZh: values.nameZh.trim(),
      nameEn: values.nameEn?.trim() || undefined,
      nameMn: values.nameMn?.trim() || undefined,
    });
    message.success(`已新增 ${org.nameZh}`);
    onCreated(org);
  }

  return (
    <FormModal
      form={form}
      fields={FIELDS}
      onSubmit={submit}
      title={parent ? `新增下级机构 · ${parent.nameZh}` : '新增顶级机构'}
      open={open}
      onCancel={onClose}
      okText="新增"
      width={640}
    >
      <Form form={form} layout="vertical" autoComplete="off">
        <Form.Item name="nameZh" label="机构名称（中文）" rules={[{ required: true, whitespace: true, message: '请输入机构名称' }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="kind" label="机构类别" rules={[{ required: true, message: '请选择机构类别' }]}>
              <Select
                options={kinds.map((value) => ({ value, label: ORG_KIND_LABELS[value] }))}
                onChange={(k: OrgKind) => {
                  const level = expectedLevel(k);
                  if (level !== null) form.setFieldsValue({ level });
                }}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="level"
              label="行使层级"
              rules={[{ required: true, message: '请选择行使层级' }]}
              extra={fixedLevel !== null ? '由机构类别确定' : undefined}
            >
              <Select
                disabled={fixedLevel !== null}
                options={Object.entries(LEVEL_LABELS).map(([value, label]) => ({ value: Number(value), label: `${value} ${label}` }))} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="uscc"
          label="统一社会信用代码"
          normalize={(v: string) => v.toUpperCase().replace(/\s/g, '')}
          rules={[
            { required: true, message: '请输入统一社会信用代码' },
            { validator: (_, v: string | undefined) => (!v || !usccProblem(v) ? Promise.resolve() : Promise.reject(new Error(usccProblem(v) ?? ''))) },
          ]}
        >
          <Input maxLength={18} className="qd-mono" placeholder="18 位，如 11150626990000017B" />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="nameMn" label="蒙古文名称（可选）">
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="nameEn" label="英文名称（可选）">
              <Input maxLength={200} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </FormModal>
  );
}
