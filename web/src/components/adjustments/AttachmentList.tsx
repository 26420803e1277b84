import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Empty, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { ATTACHMENT_ACCEPT, ATTACHMENT_MAX_BYTES, attachmentsApi, type Attachment, type AttachmentOwner } from '../../adjustmentsApi.ts';
import { useAuth } from '../../useAuth.ts';
import { errorMessage } from '../../formErrors.ts';

const EXTENSIONS = ATTACHMENT_ACCEPT.split(',');

function sizeLabel(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

function asUploadFile(a: Attachment): UploadFile {
  return { uid: a.id, name: a.fileName, status: 'done', url: a.downloadUrl, size: a.size };
}

export interface AttachmentListProps {
  owner: AttachmentOwner;
  ownerId: string;
  /** What belongs here, e.g. "法律文本、决定文件". */
  what: string;
  /** The list the detail answer carried; loaded from the server when absent. */
  initial?: Attachment[];
  /** Whether this user may add and remove files now. */
  canEdit: boolean;
  /** Shown instead of the upload button when editing is not possible, e.g. a closed request. */
  readOnlyHint?: string;
  /** Render without the surrounding card (inside a form step). */
  bare?: boolean;
}

/**
 * A trigger's or request's attachments: list with download links, and for those who may, upload (one file ≤ 20 MB:
 * pdf, ofd, Word, Excel, jpg, png) and remove. Removal hides the file; the server keeps it for the record.
 */
export function AttachmentList({ owner, ownerId, what, initial, canEdit, readOnlyHint, bare }: AttachmentListProps) {
  const { me } = useAuth();
  const { message, modal } = App.useApp();
  const [items, setItems] = useState<Attachment[] | undefined>(initial);
  const [uploading, setUploading] = useState<UploadFile[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (initial) {
      setItems(initial);
      return;
    }
    let live = true;
    attachmentsApi.list(owner, ownerId).then(
      (list) => live && setItems(list),
      (e: unknown) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [owner, ownerId, initial]);

  const fileList = [...(items ?? []).map(asUploadFile), ...uploading];

  const upload = (
    <Upload
      accept={ATTACHMENT_ACCEPT}
      multiple
      fileList={fileList}
      showUploadList={{ showRemoveIcon: canEdit, showDownloadIcon: false }}
      itemRender={(node, file) => {
        const a = items?.find((x) => x.id === file.uid);
        return (
          <div title={a ? `${a.uploadedByName ?? ''} ${dayjs(a.uploadedAt).format('YYYY-MM-DD HH:mm')} · ${sizeLabel(a.size)}` : undefined} data-testid="attachment-item">
            {node}
          </div>
        );
      }}
      beforeUpload={(file) => {
        const ext = file.name.slice(file.name.lastIndexOf('.')).toLowerCase();
        if (!EXTENSIONS.includes(ext)) {
          message.error(`${file.name}：只能上传 PDF、OFD、Word、Excel、JPG 或 PNG 文件`);
          return Upload.LIST_IGNORE;
        }
        if (file.size > ATTACHMENT_MAX_BYTES) {
          message.error(`${file.name}：文件不能超过 20 MB`);
          return Upload.LIST_IGNORE;
        }
        return true;
      }}
      customRequest={({ file, onSuccess, onError }) => {
        const f = file as File & { uid: string };
        setUploading((u) => [...u, { uid: f.uid, name: f.name, status: 'uploading' }]);
        attachmentsApi.upload(owner, ownerId, f, me?.csrfToken ?? '').then(
          (a) => {
            setUploading((u) => u.filter((x) => x.uid !== f.uid));
            setItems((list) => [...(list ?? []), a]);
            onSuccess?.(a);
            message.success(`已上传：${a.fileName}`);
          },
          (e: unknown) => {
            setUploading((u) => u.filter((x) => x.uid !== f.uid));
            onError?.(e as Error);
            message.error(`${f.name}：${errorMessage(e)}`);
          },
        );
      }}
      onRemove={(file) =>
        new Promise<boolean>((resolve) => {
          modal.confirm({
            title: `移除附件“${file.name}”？`,
            content: '移除后不再显示；文件与上传记录仍留档备查。',
            okText: '移除',
            okButtonProps: { danger: true },
            cancelText: '取消',
            onOk: async () => {
              try {
                await attachmentsApi.remove(file.uid);
                setItems((list) => (list ?? []).filter((x) => x.id !== file.uid));
                message.success('已移除');
              } catch (e) {
                message.error(errorMessage(e));
              }
              resolve(false);
            },
            onCancel: () => resolve(false),
          });
        })
      }
    >
      {canEdit && <Button icon={<UploadOutlined />}>上传附件</Button>}
    </Upload>
  );

  const body = (
    <>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} />}
      {canEdit ? (
        <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
          {what}。每个文件不超过 20 MB，支持 PDF、OFD、Word、Excel、JPG、PNG。
        </Typography.Paragraph>
      ) : (
        readOnlyHint && <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>{readOnlyHint}</Typography.Paragraph>
      )}
      {items && items.length === 0 && uploading.length === 0 && !canEdit ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无附件" /> : upload}
    </>
  );
  if (bare) return <div data-testid="attachments">{body}</div>;
  return (
    <Card
      size="small"
      data-testid="attachments"
      title={
        <span>
          <PaperClipOutlined /> 附件（{what}）
        </span>
      }
    >
      {body}
    </Card>
  );
}

/**
 * Files chosen before the request exists: kept in the browser and uploaded against the draft's id once it is saved.
 */
export function PendingAttachments({ value, onChange, what }: { value: File[]; onChange: (files: File[]) => void; what: string }) {
  const { message } = App.useApp();
  const fileList: UploadFile[] = value.map((f, i) => ({ uid: `pending-${i}-${f.name}`, name: f.name, status: 'done', size: f.size }));
  return (
    <div data-testid="attachments">
      <Typography.Paragraph type="secondary" style={{ fontSize: 13, marginBottom: 8 }}>
        <PaperClipOutlined /> 附件（{what}）：保存草稿后自动上传。每个文件不超过 20 MB，支持 PDF、OFD、Word、Excel、JPG、PNG。
      </Typography.Paragraph>
      <Upload
        accept={ATTACHMENT_ACCEPT}
        multiple
        fileList={fileList}
        beforeUpload={(file) => {
          const ext = file.name.slice(file.name.lastIndexOf('.')).toLowerCase();
          if (!EXTENSIONS.includes(ext)) message.error(`${file.name}：只能上传 PDF、OFD、Word、Excel、JPG 或 PNG 文件`);
          else if (file.size > ATTACHMENT_MAX_BYTES) message.error(`${file.name}：文件不能超过 20 MB`);
          else onChange([...value, file]);
          return Upload.LIST_IGNORE;
        }}
        onRemove={(file) => {
          onChange(value.filter((_, i) => fileList[i]?.uid !== file.uid));
          return false;
        }}
      >
        <Button icon={<UploadOutlined />}>选择附件</Button>
      </Upload>
    </div>
  );
}
