import { Card, Col, Descriptions, Row, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import dayjs from 'dayjs';
import { useAuth } from '../useAuth.ts';
import { visibleNavItems } from '../nav.tsx';
import { ROLE_COLORS, roleLabel } from '../labels.ts';
import { AdjustmentHomeCard } from '../components/adjustments/AdjustmentHomeCard.tsx';

function greeting(hour: number): string {
  if (hour < 6) return '夜深了';
  if (hour < 12) return '上午好';
  if (hour < 14) return '中午好';
  if (hour < 18) return '下午好';
  return '晚上好';
}

export default function HomePage() {
  const { me, hasRole } = useAuth();
  if (!me) return null;
  const links = visibleNavItems(me.roles).filter((item) => item.path !== '/');
  const now = dayjs();

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {greeting(now.hour())}，{me.displayName}
        </Typography.Title>
        <Typography.Paragraph type="secondary">今天是 {now.format('YYYY年M月D日 dddd')}。</Typography.Paragraph>
        <Descriptions
          column={1}
          size="small"
          items={[
            { key: 'org', label: '当前机构', children: me.orgName },
            { key: 'username', label: '用户名', children: me.username },
            {
              key: 'roles',
              label: '角色',
              children:
                me.roles.length > 0 ? (
                  <Space size={[4, 4]} wrap>
                    {me.roles.map((r) => (
                      <Tag key={r} color={ROLE_COLORS[r]}>
                        {roleLabel(r)}
                      </Tag>
                    ))}
                  </Space>
                ) : (
                  <Typography.Text type="secondary">在当前机构没有角色</Typography.Text>
                ),
            },
            ...(me.memberships.length > 1
              ? [
                  {
                    key: 'memberships',
                    label: '所属机构',
                    children: (
                      <Space orientation="vertical" size={2}>
                        {me.memberships.map((m) => (
                          <span key={m.orgId}>
                            {m.orgName}：{m.roles.map(roleLabel).join('、') || '无角色'}
                          </span>
                        ))}
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {hasRole('bureau_admin', 'bureau_reviewer') && <AdjustmentHomeCard />}
      <Row gutter={[16, 16]}>
        {links.map((item) => (
          <Col key={item.path} xs={24} sm={12} lg={6}>
            <Link to={item.path}>
              <Card hoverable style={{ height: '100%' }}>
                <Card.Meta
                  avatar={<span style={{ fontSize: 24, color: '#1d5fbf' }}>{item.icon}</span>}
                  title={item.label}
                  description={item.description}
                />
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    </Space>
  );
}
