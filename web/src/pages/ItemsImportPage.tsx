// 导入: upload the bureau's spreadsheet; the answer is a row-level error report (nothing written unless all
// rows are valid, or — explicitly — only the valid rows).
import { useEffect, useState } from 'react';
import { Alert, App, Breadcrumb, Button, Card, Descriptions, Flex, Radio, Result, Space, Table, Tag, Typography, Upload } from 'antd';
import type { TableColumnsType } from 'antd';
import { DownloadOutlined, InboxOutlined, UploadOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { ApiError } from '../api.ts';
import { useAuth } from '../useAuth.ts';
import { errorMessage } from '../formErrors.ts';
import { markTransferUnavailable, transferApi, transferEndpointsAvailable, type ImportError, type ImportMode, type ImportReport } from '../itemsApi.ts';

const MAX_BYTES = 20 * 1024 * 1024;

function ReportView({ report }: { report: ImportReport }) {
  const columns: TableColumnsType<ImportError> = [
    { title: '工作表', dataIndex: 'sheet', width: 80 },
    { title: '行', dataIndex: 'row', width: 64, align: 'right' },
    { title: '列', dataIndex: 'column', width: 230 },
    {
      title: '单元格内容',
      dataIndex: 'value',
      width: 240,
      render: (v: string | null) => (v === null || v === '' ? <Typography.Text type="secondary">（空）</Typography.Text> : <Typography.Text ellipsis={{ tooltip: v }} style={{ maxWidth: 220 }}>{v}</Typography.Text>),
    },
    { title: '问题', dataIndex: 'message', render: (m: string) => <Typography.Text type="danger">{m}</Typography.Text> },
  ];
  const written = report.imported + report.updated;
  const status = report.errorCount === 0 ? 'success' : report.committed && written > 0 ? 'warning' : 'error';
  const title =
    report.errorCount === 0
      ? `导入完成：新增 ${report.imported} 项，更新 ${report.updated} 项`
      : report.committed
        ? `已导入有效行：新增 ${report.imported} 项，更新 ${report.updated} 项；${report.errorCount} 处错误的行未导入`
        : `文件有 ${report.errorCount} 处错误，未导入任何事项`;
  return (
    <Flex vertical gap={16} data-testid="import-report">
      <Alert
        type={status}
        showIcon
        title={title}
        description={
          report.committed
            ? report.effective
              ? '导入的事项已直接生效（初始载入，记入审计日志 item.import）。'
              : '导入的事项已生成草稿，请在事项页核对后提交调整申请。'
            : '请按下表修改文件后重新上传；也可选择“仅导入有效行”。'
        }
      />
      <Descriptions
        size="small"
        bordered
        column={{ xs: 2, md: 4 }}
        items={[
          { key: 'rows', label: '事项行', children: report.rows },
          { key: 'materials', label: '材料行', children: report.materialRows },
          { key: 'imported', label: '新增', children: report.imported },
          { key: 'updated', label: '更新', children: report.updated },
          { key: 'unchanged', label: '无变化', children: report.unchanged },
          { key: 'catalogue', label: '新建目录事项', children: report.createdCatalogueItems },
          { key: 'errors', label: '错误', children: report.errorCount > 0 ? <Typography.Text type="danger">{report.errorCount}</Typography.Text> : 0 },
          { key: 'mode', label: '导入方式', children: report.mode === 'all' ? '全部有效才导入' : '仅导入有效行' },
        ]}
      />
      {report.errors.length > 0 && (
        <>
          {report.errorCount > report.errors.length && (
            <Typography.Text type="secondary">共 {report.errorCount} 处错误，下表列出前 {report.errors.length} 处。</Typography.Text>
          )}
          <Table<ImportError>
            rowKey={(e) => `${e.sheet}:${e.row}:${e.column}:${e.code}`}
            size="small"
            columns={columns}
            dataSource={report.errors}
            pagination={{ defaultPageSize: 20, hideOnSinglePage: true, showSizeChanger: true, pageSizeOptions: [20, 50, 100], showTotal: (n) => `共 ${n} 条` }}
          />
        </>
      )}
    </Flex>
  );
}

export default function ItemsImportPage() {
  const { me } = useAuth();
  const { message } = App.useApp();
  const [available, setAvailable] = useState<boolean | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<ImportMode>('all');
  const [busy, setBusy] = useState(false);
  const [downloading, setDownloading] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void transferEndpointsAvailable().then(setAvailable);
  }, []);

  function unavailable(e: unknown): boolean {
    if (e instanceof ApiError && e.status === 404 && e.code === 'NOT_FOUND') {
      markTransferUnavailable();
      setAvailable(false);
      return true;
    }
    return false;
  }

  async function template() {
    setDownloading(true);
    try {
      await transferApi.template();
    } catch (e) {
      if (!unavailable(e)) message.error(errorMessage(e));
    } finally {
      setDownloading(false);
    }
  }

  async function upload() {
    if (!file || !me) return;
    setBusy(true);
    setError(null);
    setReport(null);
    try {
      setReport(await transferApi.import(file, mode, me.csrfToken));
    } catch (e) {
      if (!unavailable(e)) setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  const crumbs = <Breadcrumb items={[{ title: <Link to="/items">事项清单</Link> }, { title: '导入' }]} />;
  if (available === false) {
    return (
      <Flex vertical gap={16}>
        {crumbs}
        <Card>
          <Result status="info" title="导入功能暂不可用" subTitle="服务器尚未开放表格导入，请稍后再试或联系政务服务局。" extra={<Link to="/items">返回事项清单</Link>} />
        </Card>
      </Flex>
    );
  }

  return (
    <Flex vertical gap={16}>
      {crumbs}
      <Card
        title={
          <Space>
            <UploadOutlined />
            导入事项清单
          </Space>
        }
        extra={
          <Button icon={<DownloadOutlined />} loading={downloading} onClick={() => void template()}>
            下载导入模板
          </Button>
        }
      >
        <Typography.Paragraph type="secondary">
          按模板填写：“事项”工作表每行一个实施事项（或业务办理项），“材料”工作表按实施编码列出申请材料，填写要求见“说明”工作表。同一实施编码重复导入只会更新，不会重复新增。
          {me?.roles.includes('bureau_admin') ? '管理员导入的事项直接生效（初始载入）。' : '导入本机构的事项，生成草稿。'}
        </Typography.Paragraph>
        <Flex vertical gap={16}>
          <Upload.Dragger
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            maxCount={1}
            multiple={false}
            fileList={file ? [{ uid: 'file', name: file.name, size: file.size, status: 'done' }] : []}
            beforeUpload={(f) => {
              if (f.size > MAX_BYTES) {
                message.error('文件不能超过 20 MB');
                return Upload.LIST_IGNORE;
              }
              if (!/\.xlsx$/i.test(f.name)) {
                message.error('请选择 .xlsx 文件');
                return Upload.LIST_IGNORE;
              }
              setFile(f);
              setReport(null);
              // Kept until 开始导入: the upload goes with the chosen mode.
              return false;
            }}
            onRemove={() => {
              setFile(null);
              setReport(null);
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">点击或拖拽 .xlsx 文件到此处</p>
            <p className="ant-upload-hint">不超过 20 MB，一次一个文件</p>
          </Upload.Dragger>
          <Flex align="center" gap={16} wrap>
            <span>导入方式</span>
            <Radio.Group
              value={mode}
              onChange={(e) => setMode(e.target.value as ImportMode)}
              options={[
                { value: 'all', label: '全部有效才导入' },
                { value: 'validRows', label: '仅导入有效行' },
              ]}
            />
            <Tag>{mode === 'all' ? '有任何错误则什么都不写入' : '跳过有错误的行，导入其余'}</Tag>
            <Button type="primary" icon={<UploadOutlined />} disabled={!file} loading={busy} onClick={() => void upload()}>
              开始导入
            </Button>
          </Flex>
          {error && <Alert type="error" showIcon title={error} />}
          {report && <ReportView report={report} />}
        </Flex>
      </Card>
    </Flex>
  );
}
