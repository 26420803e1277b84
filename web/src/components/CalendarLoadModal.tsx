import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, DatePicker, Form, Input, Modal, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { ApiError, calendarApi, type CalendarDay, type CalendarDayKind, type CalendarYear } from '../api.ts';
import { errorMessage } from '../formErrors.ts';
import { checkDays, parseCalendarText, type ParseProblem } from '../calendarParse.ts';

interface Row {
  date?: Dayjs;
  kind?: CalendarDayKind;
  name?: string;
}

const EXAMPLE = `# 每行一条：日期 类型 名称（类型写 holiday/休 或 workday/班；可用逗号、制表符或空格分隔，可直接从表格复制）
2026-10-01~2026-10-07 休 国庆节
2026-09-20 班 国庆节调休
2026-10-10 班 国庆节调休
# 也可粘贴 JSON：{"date":"2026-01-01","kind":"holiday","name":"元旦"}`;

/** 载入年度安排: the State Council's notice for a year, as data (calendars are data, not computable). */
export function CalendarLoadModal({ year, current, open, onClose, onLoaded }: { year: number; current: CalendarDay[]; open: boolean; onClose: () => void; onLoaded: (calendar: CalendarYear) => void }) {
  const [tab, setTab] = useState<'paste' | 'table'>('paste');
  const [text, setText] = useState('');
  const [source, setSource] = useState('');
  const [form] = Form.useForm<{ rows: Row[] }>();
  const rows = Form.useWatch('rows', form);
  const [saving, setSaving] = useState(false);
  const [serverErrors, setServerErrors] = useState<string[]>([]);
  const { message } = App.useApp();

  useEffect(() => {
    if (open) {
      // Start from what is loaded, so a correction is an edit rather than a retype.
      setText(current.length > 0 ? current.map((d) => `${d.date}\t${d.kind}\t${d.name}`).join('\n') : '');
      form.setFieldsValue({ rows: current.map((d) => ({ date: dayjs(d.date), kind: d.kind, name: d.name })) });
      setServerErrors([]);
    }
  }, [open, current, form]);

  const parsed = useMemo(() => {
    if (tab === 'paste') return parseCalendarText(text, year);
    const problems: ParseProblem[] = [];
    const days: CalendarDay[] = [];
    (rows ?? []).forEach((row, i) => {
      if (!row?.date || !row.kind || !row.name?.trim()) {
        problems.push({ line: i + 1, message: '日期、类型、名称都必须填写' });
        return;
      }
      days.push({ date: row.date.format('YYYY-MM-DD'), kind: row.kind, name: row.name.trim() });
    });
    return { days: checkDays(days, year, problems), problems };
  }, [tab, text, rows, year]);

  const holidays = parsed.days.filter((d) => d.kind === 'holiday').length;
  const workdays = parsed.days.length - holidays;

  async function submit() {
    setSaving(true);
    setServerErrors([]);
    try {
      const calendar = await calendarApi.load(year, parsed.days, source.trim() || undefined);
      message.success(`已载入 ${year} 年节假日安排（${calendar.days.length} 天）`);
      onLoaded(calendar);
    } catch (e) {
      // A 400 names the offending day by its index in the list we sent.
      if (e instanceof ApiError && e.details.length > 0) {
        setServerErrors(
          e.details.map((d) => {
            const index = /days\D+(\d+)/.exec(d.path)?.[1];
            const day = index !== undefined ? parsed.days[Number(index)] : undefined;
            return day ? `${day.date} ${day.name}：${d.message}` : d.message;
          }),
        );
      } else {
        setServerErrors([errorMessage(e)]);
      }
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      title={`载入 ${year} 年节假日安排`}
      open={open}
      width={760}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Space>
          <Typography.Text type="secondary">
            共 {parsed.days.length} 天：放假 {holidays} 天，调休上班 {workdays} 天
          </Typography.Text>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={saving} disabled={parsed.problems.length > 0 || parsed.days.length === 0} onClick={() => void submit()}>
            载入
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        按国务院办公厅当年发布的放假安排通知录入。载入后将替换该年度已有的安排，并用于计算所有办理时限。
      </Typography.Paragraph>
      {serverErrors.length > 0 && (
        <Alert
          type="error"
          showIcon
          title="服务器未接受这些数据"
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {serverErrors.map((m, i) => (
                <li key={i}>{m}</li>
              ))}
            </ul>
          }
          style={{ marginBottom: 16 }}
        />
      )}
      <Space.Compact style={{ width: '100%', marginBottom: 12 }}>
        <Space.Addon>依据文件</Space.Addon>
        <Input
          value={source}
          onChange={(e) => setSource(e.target.value)}
          maxLength={200}
          placeholder={`国务院办公厅关于${year}年部分节假日安排的通知`}
          aria-label="依据文件"
        />
      </Space.Compact>
      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k as 'paste' | 'table')}
        items={[
          {
            key: 'paste',
            label: '粘贴文本 / JSON',
            children: (
              <Input.TextArea
                value={text}
                onChange={(e) => setText(e.target.value)}
                placeholder={EXAMPLE}
                autoSize={{ minRows: 10, maxRows: 18 }}
                className="qd-mono"
                aria-label="节假日安排数据"
              />
            ),
          },
          {
            key: 'table',
            label: '逐条录入',
            forceRender: true,
            children: (
              <Form form={form} component={false}>
                <Form.List name="rows">
                  {(fields, { add, remove }) => (
                    <>
                      <Table
                        size="small"
                        pagination={false}
                        rowKey="key"
                        dataSource={fields}
                        scroll={{ y: 320 }}
                        columns={[
                          {
                            title: '日期',
                            width: 170,
                            render: (_, field) => (
                              <Form.Item name={[field.name, 'date']} noStyle>
                                <DatePicker
                                  style={{ width: '100%' }}
                                  defaultPickerValue={dayjs(`${year}-01-01`)}
                                  disabledDate={(d) => d.year() !== year}
                                />
                              </Form.Item>
                            ),
                          },
                          {
                            title: '类型',
                            width: 130,
                            render: (_, field) => (
                              <Form.Item name={[field.name, 'kind']} noStyle>
                                <Select
                                  style={{ width: '100%' }}
                                  options={[
                                    { value: 'holiday', label: <Tag color="red">休 放假</Tag> },
                                    { value: 'workday', label: <Tag color="blue">班 调休上班</Tag> },
                                  ]}
                                />
                              </Form.Item>
                            ),
                          },
                          {
                            title: '名称',
                            render: (_, field) => (
                              <Form.Item name={[field.name, 'name']} noStyle>
                                <Input placeholder="如 国庆节" />
                              </Form.Item>
                            ),
                          },
                          {
                            title: '',
                            width: 48,
                            render: (_, field) => <Button type="text" danger icon={<DeleteOutlined />} aria-label="删除" onClick={() => remove(field.name)} />,
                          },
                        ]}
                      />
                      <Button type="dashed" block icon={<PlusOutlined />} style={{ marginTop: 8 }} onClick={() => add({ kind: 'holiday' })}>
                        添加一天
                      </Button>
                    </>
                  )}
                </Form.List>
              </Form>
            ),
          },
        ]}
      />
      {parsed.problems.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          title={`有 ${parsed.problems.length} 处需要修改`}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20, maxHeight: 120, overflow: 'auto' }}>
              {parsed.problems.slice(0, 50).map((p, i) => (
                <li key={i}>{p.line > 0 ? `第 ${p.line} 行：${p.message}` : p.message}</li>
              ))}
            </ul>
          }
        />
      )}
    </Modal>
  );
}
