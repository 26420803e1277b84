import type { ReactNode } from 'react';
import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { useAuth } from '../useAuth.ts';
import { roleLabel } from '../labels.ts';

/** Shows the page only to the listed roles (the server checks again: this is for the user, not security). */
export function RequireRole({ roles, children }: { roles: string[]; children: ReactNode }) {
  const { hasRole } = useAuth();
  if (hasRole(...roles)) return children;
  return (
    <Result
      status="403"
      title="无权访问"
      subTitle={`此页面仅限${roles.map(roleLabel).join('、')}使用。`}
      extra={
        <Link to="/">
          <Button type="primary">返回首页</Button>
        </Link>
      }
    />
  );
}
