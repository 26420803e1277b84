import { useEffect } from 'react';
import { App, Form, Input } from 'antd';
import { orgsApi, type Org } from '../api.ts';
import { FormModal } from './FormModal.tsx';

interface Values {
  nameZh: string;
  nameEn?: string;
  nameMn?: string;
}

export function OrgRenameModal({ org, open, onClose, onSaved }: { org: Org | null; open: boolean; onClose: () => void; onSaved: (org: Org) => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();

  useEffect(() => {
    if (open && org) {
      form.setFieldsValue({ nameZh: org.nameZh, nameEn: org.nameEn ?? '', nameMn: org.nameMn ?? '' });
    }
  }, [open, org, form]);

  async function submit(values: Values) {
    if (!org) return;
    const saved = await orgsApi.rename(org.id, {
      nameZh: values.nameZh.trim(),
      // null clears a name; leaving it out would keep the old one.
      nameEn: values.nameEn?.trim() || null,
      nameMn: values.nameMn?.trim() || null,
    });
    message.success('名称已更新');
    onSaved(saved);
  }

  return (
    <FormModal form={form} fields={['nameZh', 'nameEn', 'nameMn']} onSubmit={submit} title={`重命名 · ${org?.nameZh ?? ''}`} open={open} onCancel={onClose} okText="保存">
      <Form form={form} layout="vertical" autoComplete="off">
        <Form.Item name="nameZh" label="中文名称" rules={[{ required: true, whitespace: true, message: '请输入中文名称' }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="nameMn" label="蒙古文名称">
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="nameEn" label="英文名称">
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
