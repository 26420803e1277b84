import { useEffect } from 'react';
import { App, Form } from 'antd';
import { usersApi, type User } from '../api.ts';
import { FormModal } from './FormModal.tsx';
import { PasswordInput } from './PasswordInput.tsx';

export function UserPasswordModal({ user, open, onClose, onSaved }: { user: User | null; open: boolean; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<{ password: string }>();
  const { modal } = App.useApp();

  useEffect(() => {
    if (open) {
      form.resetFields();
    }
  }, [open, form]);

  async function submit({ password }: { password: string }) {
    if (!user) return;
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
  }

  return (
    <FormModal form={form} fields={['password']} onSubmit={submit} title={`重置密码 · ${user?.displayName ?? ''}`} open={open} onCancel={onClose} okText="重置">
      <Form form={form} layout="vertical" autoComplete="off">
        <Form.Item name="password" label="新密码" rules={[{ required: true, message: '请输入或生成新密码' }]}>
          <PasswordInput />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
