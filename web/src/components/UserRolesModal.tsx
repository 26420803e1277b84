import { useEffect, useState } from 'react';
import { Alert, App, Form, Modal, Select } from 'antd';
import { usersApi, type User } from '../api.ts';
import { applyApiError } from '../formErrors.ts';
import { ROLE_OPTIONS } from '../labels.ts';

export function UserRolesModal({ user, open, onClose, onSaved }: { user: User | null; open: boolean; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<{ roles: string[] }>();
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const { message } = App.useApp();

  useEffect(() => {
    if (open && user) {
      form.setFieldsValue({ roles: user.roles });
      setFormError(null);
    }
  }, [open, user, form]);

  async function submit() {
    if (!user) return;
    const { roles } = await form.validateFields();
    setSaving(true);
    setFormError(null);
    try {
      await usersApi.setRoles(user.id, roles);
      message.success('角色已更新');
      onSaved();
    } catch (e) {
      setFormError(applyApiError(form, e, ['roles']));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal title={`编辑角色 · ${user?.displayName ?? ''}`} open={open} onOk={() => void submit().catch(() => undefined)} onCancel={onClose} okText="保存" confirmLoading={saving} destroyOnHidden>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical">
        <Form.Item name="roles" label="角色" rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一个角色' }]}>
          <Select mode="multiple" options={ROLE_OPTIONS} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
