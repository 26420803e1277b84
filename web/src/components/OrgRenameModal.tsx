import { useEffect, useState } from 'react';
import { Alert, App, Form, Input, Modal } from 'antd';
import { orgsApi, type Org } from '../api.ts';
import { applyApiError } from '../formErrors.ts';

interface Values {
  nameZh: string;
  nameEn?: string;
  nameMn?: string;
}

export function OrgRenameModal({ org, open, onClose, onSaved }: { org: Org | null; open: boolean; onClose: () => void; onSaved: (org: Org) => void }) {
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const { message } = App.useApp();

  useEffect(() => {
    if (open && org) {
      form.setFieldsValue({ nameZh: org.nameZh, nameEn: org.nameEn ?? '', nameMn: org.nameMn ?? '' });
      setFormError(null);
    }
  }, [open, org, form]);

  async function submit() {
    if (!org) return;
    const values = await form.validateFields();
    setSaving(true);
    setFormError(null);
    try {
      const saved = await orgsApi.rename(org.id, {
        nameZh: values.nameZh.trim(),
        // null clears a name; leaving it out would keep the old one.
        nameEn: values.nameEn?.trim() || null,
        nameMn: values.nameMn?.trim() || null,
      });
      message.success('名称已更新');
      onSaved(saved);
    } catch (e) {
      setFormError(applyApiError(form, e, ['nameZh', 'nameEn', 'nameMn']));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal title={`重命名 · ${org?.nameZh ?? ''}`} open={open} onOk={() => void submit().catch(() => undefined)} onCancel={onClose} okText="保存" confirmLoading={saving} destroyOnHidden>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
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
    </Modal>
  );
}
