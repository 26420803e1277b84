import { Checkbox, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { HANDOVER_TASK_KINDS, handoversApi, type Handover, type HandoverTaskKind } from '../../adjustmentsApi.ts';
import { FormModal } from '../FormModal.tsx';

interface Values {
  kind: HandoverTaskKind;
  title: string;
  date?: Dayjs | null;
  trainer?: string;
  attendees?: string[];
  materials?: string[];
  url?: string;
  note?: string;
  done?: boolean;
}

/** Adds a guidance task to a handover: a policy document, an implementation standard or a training session. */
export function HandoverTaskModal({ handover, open, onClose, onAdded }: { handover: Handover; open: boolean; onClose: () => void; onAdded: (h: Handover) => void }) {
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);

  async function submit(v: Values) {
    const detail = {
      ...(v.date ? { date: v.date.format('YYYY-MM-DD') } : {}),
      ...(v.trainer?.trim() ? { trainer: v.trainer.trim() } : {}),
      ...(v.attendees?.length ? { attendees: v.attendees } : {}),
      ...(v.materials?.length ? { materials: v.materials } : {}),
      ...(v.url?.trim() ? { url: v.url.trim() } : {}),
      ...(v.note?.trim() ? { note: v.note.trim() } : {}),
    };
    onAdded(await handoversApi.addTask(handover.id, { kind: v.kind, title: v.title.trim(), detail, done: v.done ?? false }));
    form.resetFields();
  }

  const training = kind === 'training';
  return (
    <FormModal form={form} fields={['kind', 'title', 'date', 'trainer']} onSubmit={submit} title="添加指导任务" open={open} width={680} onCancel={onClose} okText="添加">
      <Form form={form} layout="vertical" preserve={false} initialValues={{ kind: 'training' }}>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="kind" label="任务类型" rules={[{ required: true }]}>
              <Select options={Object.entries(HANDOVER_TASK_KINDS).map(([value, label]) => ({ value, label }))} />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="title" label="名称" rules={[{ required: true, whitespace: true, message: '请填写名称' }, { max: 300 }]}>
              <Input placeholder={training ? '如：食品经营许可审查要点培训' : '如：《食品经营许可审查细则》'} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="date" label={training ? '培训日期' : '日期'} rules={training ? [{ required: true, message: '培训须填写日期' }] : []}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={16}>
            {training && (
              <Form.Item name="trainer" label="培训人" rules={[{ required: true, whitespace: true, message: '培训须填写培训人' }, { max: 100 }]}>
                <Input placeholder="姓名及单位" />
              </Form.Item>
            )}
          </Col>
        </Row>
        {training && (
          <Form.Item name="attendees" label="参训人员" extra="输入姓名后回车，可添加多人">
            <Select mode="tags" open={false} suffixIcon={null} placeholder="如：巴特尔" />
          </Form.Item>
        )}
        <Form.Item name="materials" label={training ? '培训材料' : '文件 / 材料'} extra="输入名称后回车，可添加多项">
          <Select mode="tags" open={false} suffixIcon={null} placeholder="如：审查要点课件" />
        </Form.Item>
        <Form.Item name="url" label="链接" rules={[{ max: 500 }]}>
          <Input placeholder="https://" />
        </Form.Item>
        <Form.Item name="note" label="备注" rules={[{ max: 2000 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="done" valuePropName="checked">
          <Checkbox>已完成（如培训已举办、文件已送达）</Checkbox>
        </Form.Item>
      </Form>
    </FormModal>
  );
}
