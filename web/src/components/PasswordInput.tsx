import { Button, Input, Space, Tooltip } from 'antd';
import { ThunderboltOutlined } from '@ant-design/icons';
import { generatePassword } from '../password.ts';

/** A password field with a 随机生成 button; the value stays visible so it can be handed over. */
export function PasswordInput({ value, onChange, id }: { value?: string; onChange?: (value: string) => void; id?: string }) {
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input id={id} value={value} onChange={(e) => onChange?.(e.target.value)} autoComplete="new-password" className="qd-mono" />
      <Tooltip title="生成随机密码">
        <Button icon={<ThunderboltOutlined />} onClick={() => onChange?.(generatePassword())}>
          随机生成
        </Button>
      </Tooltip>
    </Space.Compact>
  );
}
