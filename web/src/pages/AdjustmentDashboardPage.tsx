import { Alert, Button, Card, Col, Row, Space, Spin, Typography } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { dashboardApi } from '../adjustmentsApi.ts';
import { useApiData } from '../useApiData.ts';
import { useAuth } from '../useAuth.ts';
import { DashboardCounts, OpenHandovers, ReviewQueue, TriggerDeadlines } from '../components/adjustments/DashboardParts.tsx';

/** 动态调整工作台: open triggers by due date, requests waiting for review, open handovers — banner-wide or for one org. */
export default function AdjustmentDashboardPage() {
  const { me, hasRole } = useAuth();
  const dash = useApiData(() => dashboardApi.adjustments(), []);
  const d = dash.data;
  const banner = d?.scope === 'banner';

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
          <div>
            <Typography.Title level={4} style={{ margin: 0 }}>
              动态调整工作台
            </Typography.Title>
            <Typography.Text type="secondary">
              {d ? (banner ? '全旗' : `本单位：${me?.orgName ?? ''}`) : ' '} · 调整事由发生一个月内完成动态调整（“两优”清单标准化动态调整制度第十条），超期标红，5 个工作日内到期标橙。
            </Typography.Text>
          </div>
          <Space>
            {hasRole('dept_editor') && (
              <Link to="/adjustments/new">
                <Button type="primary" icon={<PlusOutlined />}>
                  新建调整申请
                </Button>
              </Link>
            )}
            <Button icon={<ReloadOutlined />} onClick={() => void dash.reload()} loading={dash.loading}>
              刷新
            </Button>
          </Space>
        </Space>
      </Card>
      {dash.error && <Alert type="error" showIcon title={dash.error.message} />}
      {!d && dash.loading && <Spin style={{ display: 'block', margin: 48 }} />}
      {d && (
        <>
          <DashboardCounts counts={d.counts} scope={d.scope} />
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              <Card title="调整事由办结期限" extra={<Link to="/triggers">全部事由</Link>} data-testid="dash-triggers">
                <TriggerDeadlines triggers={d.triggers} />
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card
                title={banner ? '待审核的调整申请' : '本单位等待审核的申请'}
                extra={<Link to={banner ? '/adjustments?queue=true' : '/adjustments'}>{banner ? '审核队列' : '全部申请'}</Link>}
                data-testid="dash-queue"
              >
                <ReviewQueue requests={d.reviewQueue} />
              </Card>
            </Col>
            <Col xs={24}>
              <Card title="未完成的交接（指导与培训）" extra={<Link to="/handovers">全部交接</Link>} data-testid="dash-handovers">
                <OpenHandovers handovers={d.handovers} />
              </Card>
            </Col>
          </Row>
        </>
      )}
    </Space>
  );
}
