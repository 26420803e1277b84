import { useEffect } from 'react';
import { App, Form, Input, Select } from 'antd';
import { usersApi, type Org, type User } from '../api.ts';
import { ROLE_OPTIONS } from '../labels.ts';
import { FormModal } from './FormModal.tsx';
import { OrgTreeSelect } from './OrgTreeSelect.tsx';
import { PasswordInput } from './PasswordInput.tsx';

interface Values {
  username: string;
  displayName: string;
  orgId: string;
  roles: string[];
  password: string;
}

export function UserCreateModal({ orgs, open, defaultOrgId, onClose, onCreated }: { orgs: Org[]; open: boolean; defaultOrgId?: string; onClose: () => void; onCreated: (user: User) => void }) {
  const [form] = Form.useForm<Values>();
  const { modal } = App.useApp();

  useEffect(() => {
    if (open) {
      form.resetFields();
      if (defaultOrgId) form.setFieldsValue({ orgId: defaultOrgId });
    }
  }, [open, defaultOrgId, form]);

  async function submit(values: Values) {
    const user = await usersApi.create({ ...values, username: values.username.trim(), displayName: values.displayName.trim() });
    modal.success({
      title: `已创建用户 ${user.displayName}`,
      content: (
        <span>
          用户名 <b>{user.username}</b>，初始密码 <b className="qd-mono">{values.password}</b>。请当面或通过安全渠道告知本人，首次登录后修改密码。
        </span>
      ),
    });
    onCreated(user);
  }

  return (
    <FormModal form={form} fields={['username', 'displayName', 'orgId', 'roles', 'password']} onSubmit={submit} title="新建用户" open={open} onCancel={onClose} okText="创建">
      <Form form={form} layout="vertical" autoComplete="off">
        <Form.Item
          name="username"
          label="用户名"
          rules={[
            { required: true, whitespace: true, message: '请输入用户名' },
            { pattern: /^[a-z0-9][a-z0-9._-]{1,39}$/i, message: '用户名为 2–40 位字母、数字、点、下划线或连字符' },
          ]}
        >
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="displayName" label="姓名" rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="orgId" label="所属机构" rules={[{ required: true, message: '请选择所属机构' }]}>
          <OrgTreeSelect orgs={orgs} activeOnly />
        </Form.Item>
        <Form.Item name="roles" label="角色" rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一个角色' }]}>
          <Select mode="multiple" options={ROLE_OPTIONS} placeholder="选择角色" showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        <Form.Item name="password" label="初始密码" rules={[{ required: true, message: '请输入或生成初始密码' }]}>
          <PasswordInput />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
