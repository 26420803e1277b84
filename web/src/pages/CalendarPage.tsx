import { useMemo, useState } from 'react';
import { Alert, Button, Calendar, Card, Col, Empty, Flex, Row, Select, Space, Spin, Tag, Typography } from 'antd';
import { CalendarOutlined, LeftOutlined, RightOutlined, UploadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useSearchParams } from 'react-router';
import { calendarApi, type CalendarDay } from '../api.ts';
import { useApiData } from '../useApiData.ts';
import { useAuth } from '../useAuth.ts';
import { groupRuns } from '../calendarParse.ts';
import { CalendarLoadModal } from '../components/CalendarLoadModal.tsx';
import { DeadlineCalculator } from '../components/DeadlineCalculator.tsx';

function DayMark({ day }: { day: CalendarDay }) {
  const holiday = day.kind === 'holiday';
  return (
    <div className={`qd-calendar-cell ${holiday ? 'qd-calendar-holiday' : 'qd-calendar-workday'}`} data-date={day.date} data-kind={day.kind}>
      <span>
        <span className="qd-calendar-mark">{holiday ? '休' : '班'}</span>
      </span>
      <span className="qd-calendar-name">{day.name}</span>
    </div>
  );
}

const NO_DAYS: CalendarDay[] = [];

export default function CalendarPage() {
  const { hasRole } = useAuth();
  const canLoad = hasRole('bureau_admin');
  const [params, setParams] = useSearchParams();
  const [loadOpen, setLoadOpen] = useState(false);

  // The shown month lives in the URL (?month=2026-10) so it can be linked and reloaded.
  const monthParam = params.get('month');
  const month = useMemo(() => {
    const parsed = monthParam && /^\d{4}-\d{2}$/.test(monthParam) ? dayjs(`${monthParam}-01`) : null;
    return parsed?.isValid() ? parsed : dayjs().startOf('month');
  }, [monthParam]);
  const year = month.year();
  const [selected, setSelected] = useState<Dayjs>(() => month);
  const calendar = useApiData(() => calendarApi.year(year), [year]);
  const days = calendar.data?.days ?? NO_DAYS;
  const byDate = useMemo(() => new Map(days.map((d) => [d.date, d])), [days]);
  const runs = useMemo(() => groupRuns(days), [days]);

  function showMonth(next: Dayjs) {
    setParams({ month: next.format('YYYY-MM') }, { replace: true });
  }

  const thisYear = dayjs().year();
  const years = Array.from({ length: 8 }, (_, i) => thisYear - 5 + i);
  if (!years.includes(year)) years.push(year);
  years.sort((a, b) => a - b);

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={17}>
        <Card
          title={
            <Space>
              <CalendarOutlined />
              工作日历
            </Space>
          }
          extra={
            canLoad && (
              <Button icon={<UploadOutlined />} onClick={() => setLoadOpen(true)}>
                载入年度安排
              </Button>
            )
          }
        >
          {calendar.error && <Alert type="error" showIcon title={calendar.error.message} style={{ marginBottom: 16 }} />}
          {calendar.data && !calendar.data.loaded && (
            <Alert
              type="warning"
              showIcon
              title="该年度节假日安排尚未载入"
              description={
                canLoad
                  ? `请按国务院办公厅发布的 ${year} 年放假安排，点击“载入年度安排”录入；载入前，该年度的办理时限无法准确计算。`
                  : `请联系政务服务局管理员载入 ${year} 年放假安排；载入前，该年度的办理时限无法准确计算。`
              }
              style={{ marginBottom: 16 }}
            />
          )}
          <Spin spinning={calendar.loading}>
            <Calendar
              value={selected.isSame(month, 'month') ? selected : month}
              onSelect={(d, info) => {
                setSelected(d);
                if (info.source !== 'date' || !d.isSame(month, 'month')) showMonth(d.startOf('month'));
              }}
              onPanelChange={(d) => showMonth(d.startOf('month'))}
              headerRender={() => (
                <Flex justify="space-between" align="center" wrap gap={8} style={{ padding: '0 0 12px' }}>
                  <Typography.Title level={4} style={{ margin: 0 }} data-testid="calendar-month">
                    {month.format('YYYY年M月')}
                  </Typography.Title>
                  <Space wrap>
                    <Select
                      aria-label="年份"
                      value={year}
                      style={{ width: 110 }}
                      options={years.map((y) => ({ value: y, label: `${y}年` }))}
                      onChange={(y: number) => showMonth(month.year(y))}
                    />
                    <Select
                      aria-label="月份"
                      value={month.month()}
                      style={{ width: 90 }}
                      options={Array.from({ length: 12 }, (_, m) => ({ value: m, label: `${m + 1}月` }))}
                      onChange={(m: number) => showMonth(month.month(m))}
                    />
                    <Button icon={<LeftOutlined />} aria-label="上个月" onClick={() => showMonth(month.subtract(1, 'month'))} />
                    <Button onClick={() => showMonth(dayjs().startOf('month'))}>本月</Button>
                    <Button icon={<RightOutlined />} aria-label="下个月" onClick={() => showMonth(month.add(1, 'month'))} />
                  </Space>
                </Flex>
              )}
              cellRender={(date, info) => {
                if (info.type !== 'date') return info.originNode;
                const day = byDate.get(date.format('YYYY-MM-DD'));
                return day ? <DayMark day={day} /> : null;
              }}
            />
          </Spin>
          <Space size="large" style={{ marginTop: 8 }}>
            <span>
              <Tag color="#cf1322">休</Tag>法定节假日
            </span>
            <span>
              <Tag color="#1d5fbf">班</Tag>调休上班日
            </span>
            <Typography.Text type="secondary">未标记的周六、周日为休息日，其余为工作日。</Typography.Text>
          </Space>
        </Card>
      </Col>
      <Col xs={24} xl={7}>
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Card size="small" title={`${year} 年放假安排`}>
            {runs.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚无数据" />
            ) : (
              <Flex vertical>
                {runs.map((run) => (
                  <Flex
                    key={`${run.kind}-${run.from}`}
                    justify="space-between"
                    align="center"
                    gap={8}
                    role="button"
                    tabIndex={0}
                    style={{ cursor: 'pointer', padding: '6px 0', borderBottom: '1px solid #f0f0f0' }}
                    onClick={() => showMonth(dayjs(run.from).startOf('month'))}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter') showMonth(dayjs(run.from).startOf('month'));
                    }}
                  >
                    <Space size={4}>
                      <Tag color={run.kind === 'holiday' ? 'red' : 'blue'}>{run.kind === 'holiday' ? '休' : '班'}</Tag>
                      <span>{run.name}</span>
                    </Space>
                    <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
                      {run.count > 1
                        ? `${dayjs(run.from).format('M月D日')}–${dayjs(run.to).format('M月D日')}，${run.count}天`
                        : dayjs(run.from).format('M月D日 ddd')}
                    </Typography.Text>
                  </Flex>
                ))}
              </Flex>
            )}
          </Card>
          <DeadlineCalculator />
        </Space>
      </Col>
      {canLoad && (
        <CalendarLoadModal
          year={year}
          current={days}
          open={loadOpen}
          onClose={() => setLoadOpen(false)}
          onLoaded={(loaded) => {
            setLoadOpen(false);
            calendar.setData(loaded);
          }}
        />
      )}
    </Row>
  );
}
