import { useEffect, useState } from 'react';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { BankOutlined, LockOutlined, UserOutlined } from '@ant-design/icons';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useAuth } from '../useAuth.ts';
import { errorMessage } from '../formErrors.ts';
import { BRAND, SITE_TITLE } from '../site.ts';

interface Values {
  username: string;
  password: string;
}

export default function LoginPage() {
  const { me, login } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const from = (location.state as { from?: string } | null)?.from ?? '/';

  useEffect(() => {
    document.title = `登录 - ${SITE_TITLE}`;
  }, []);

  if (me) return <Navigate to={from} replace />;

  async function onFinish(values: Values) {
    setSubmitting(true);
    setError(null);
    try {
      await login(values.username.trim(), values.password);
      navigate(from, { replace: true });
    } catch (e) {
      // The server's message says what happened (wrong password, locked until …) in Chinese.
      setError(errorMessage(e));
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <Flex
      vertical
      align="center"
      justify="center"
      style={{ minHeight: '100vh', padding: 24, background: 'linear-gradient(160deg, #0f3d7a 0%, #1d5fbf 55%, #eaf1fb 55%)' }}
    >
      <Card style={{ width: 440, maxWidth: '100%', boxShadow: '0 8px 24px rgba(0,0,0,0.12)' }}>
        <Flex vertical align="center" gap={4} style={{ marginBottom: 24 }}>
          <BankOutlined style={{ fontSize: 36, color: '#1d5fbf' }} />
          <Typography.Title level={3} style={{ margin: '8px 0 0', textAlign: 'center' }}>
            {SITE_TITLE}
          </Typography.Title>
          <Typography.Text type="secondary">{BRAND}</Typography.Text>
        </Flex>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
        <Form<Values> layout="vertical" size="large" onFinish={(v) => void onFinish(v)} requiredMark={false}>
          <Form.Item name="username" label="用户名" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Form.Item style={{ marginBottom: 8 }}>
            <Button type="primary" htmlType="submit" block loading={submitting}>
              登录
            </Button>
          </Form.Item>
        </Form>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: 0, textAlign: 'center' }}>
          仅限政务服务工作人员使用，所有操作均记录审计日志。
        </Typography.Paragraph>
      </Card>
    </Flex>
  );
}
