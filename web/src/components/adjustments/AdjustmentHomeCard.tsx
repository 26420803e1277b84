import { Alert, Card, Col, Row } from 'antd';
import { Link } from 'react-router';
import { dashboardApi } from '../../adjustmentsApi.ts';
import { useApiData } from '../../useApiData.ts';
import { DashboardCounts, ReviewQueue, TriggerDeadlines } from './DashboardParts.tsx';

/** The home page's landing card for the bureau: counts, the nearest deadlines and the review queue. */
export function AdjustmentHomeCard() {
  const dash = useApiData(() => dashboardApi.adjustments(), []);
  const d = dash.data;
  return (
    <Card title="动态调整" extra={<Link to="/adjustments/dashboard">进入工作台</Link>} loading={!d && dash.loading} data-testid="home-adjustments">
      {dash.error && <Alert type="error" showIcon title={dash.error.message} />}
      {d && (
        <>
          <DashboardCounts counts={d.counts} scope={d.scope} />
          <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
            <Col xs={24} xl={12}>
              <TriggerDeadlines triggers={d.triggers} limit={5} />
            </Col>
            <Col xs={24} xl={12}>
              <ReviewQueue requests={d.reviewQueue} limit={5} />
            </Col>
          </Row>
        </>
      )}
    </Card>
  );
}
