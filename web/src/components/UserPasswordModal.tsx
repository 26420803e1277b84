import { useEffect, useState } from 'react';
import { Alert, App, Form, Modal } from 'antd';
import { usersApi, type User } from '../api.ts';
import { applyApiError } from '../formErrors.ts';
import { PasswordInput } from './PasswordInput.tsx';

export function UserPasswordModal({ user, open, onClose, onSaved }: { user: User | null; open: boolean; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<{ password: string }>();
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const { modal } = App.useApp();

  useEffect(() => {
    if (open) {
      form.resetFields();
      setFormError(null);
    }
  }, [open, form]);

  async function submit() {
    if (!user) return;
    const { password } = await form.validateFields();
    setSaving(true);
    setFormError(null);
    try {
      await usersApi.resetPassword(user.id, password);
      modal.success({
        title: '密码已重置',
        content: (
          <span>
            {user.displayName}（{user.username}）的新密码为 <b className="qd-mono">{password}</b>。请通过安全渠道告知本人。
          </span>
        ),
      });
      onSaved();
    } catch (e) {
      setFormError(applyApiError(form, e, ['password']));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal title={`重置密码 · ${user?.displayName ?? ''}`} open={open} onOk={() => void submit().catch(() => undefined)} onCancel={onClose} okText="重置" confirmLoading={saving} destroyOnHidden>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" autoComplete="off">
        <Form.Item name="password" label="新密码" rules={[{ required: true, message: '请输入或生成新密码' }]}>
          <PasswordInput />
        </Form.Item>
      </Form>
    </Modal>
  );
}
