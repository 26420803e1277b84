import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Form, InputNumber, Radio, Space, Typography } from 'antd';
import { FieldTimeOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { calendarApi } from '../api.ts';
import { errorMessage } from '../formErrors.ts';

interface Values {
  from: Dayjs;
  unit: 'workingDays' | 'months';
  amount: number;
}

/** 办理时限计算: the server's calendar arithmetic, so the answer matches what cases will use. */
export function DeadlineCalculator() {
  const [form] = Form.useForm<Values>();
  const [result, setResult] = useState<{ due: string; text: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  async function onFinish(values: Values) {
    setLoading(true);
    setError(null);
    try {
      const from = values.from.format('YYYY-MM-DD');
      const { due } =
        values.unit === 'workingDays'
          ? await calendarApi.deadline({ from, workingDays: values.amount })
          : await calendarApi.deadline({ from, months: values.amount });
      setResult({ due, text: `${from} 起 ${values.amount} ${values.unit === 'workingDays' ? '个工作日' : '个月'}` });
    } catch (e) {
      setResult(null);
      setError(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }

  return (
    <Card
      size="small"
      title={
        <Space>
          <FieldTimeOutlined />
          办理时限计算
        </Space>
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ from: dayjs(), unit: 'workingDays', amount: 20 }}
        onFinish={(v) => void onFinish(v)}
        onValuesChange={() => setResult(null)}
      >
        <Form.Item name="from" label="起算日" rules={[{ required: true, message: '请选择起算日' }]}>
          <DatePicker style={{ width: '100%' }} allowClear={false} />
        </Form.Item>
        <Form.Item name="unit" label="计算方式">
          <Radio.Group
            optionType="button"
            options={[
              { value: 'workingDays', label: '工作日' },
              { value: 'months', label: '月' },
            ]}
          />
        </Form.Item>
        <Form.Item name="amount" label="期限" rules={[{ required: true, message: '请输入期限' }]}>
          <InputNumber min={1} max={3650} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={loading} block>
          计算到期日
        </Button>
      </Form>
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
      {result && (
        <Alert
          type="success"
          style={{ marginTop: 12 }}
          title={
            <span>
              到期日：<b>{dayjs(result.due).format('YYYY年M月D日 dddd')}</b>
            </span>
          }
          description={<Typography.Text type="secondary">{result.text}；起算日当日不计入，遇法定节假日顺延。</Typography.Text>}
        />
      )}
    </Card>
  );
}
