import { useEffect } from 'react';
import { App, Form, Select } from 'antd';
import { usersApi, type User } from '../api.ts';
import { ROLE_OPTIONS } from '../labels.ts';
import { FormModal } from './FormModal.tsx';

export function UserRolesModal({ user, open, onClose, onSaved }: { user: User | null; open: boolean; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<{ roles: string[] }>();
  const { message } = App.useApp();

  useEffect(() => {
    if (open && user) {
      form.setFieldsValue({ roles: user.roles });
    }
  }, [open, user, form]);

  async function submit({ roles }: { roles: string[] }) {
    if (!user) return;
    await usersApi.setRoles(user.id, roles);
    message.success('角色已更新');
    onSaved();
  }

  return (
    <FormModal form={form} fields={['roles']} onSubmit={submit} title={`编辑角色 · ${user?.displayName ?? ''}`} open={open} onCancel={onClose} okText="保存">
      <Form form={form} layout="vertical">
        <Form.Item name="roles" label="角色" rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一个角色' }]}>
          <Select mode="multiple" options={ROLE_OPTIONS} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
