import { Alert } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';

/**
 * Where attachments (legal texts, decisions) will go. The server has no attachment endpoint for triggers or
 * adjustment requests yet, so nothing is uploaded here; give the document's 文号 and link instead.
 */
export function AttachmentPlaceholder({ what }: { what: string }) {
  return (
    <Alert
      type="info"
      showIcon
      icon={<PaperClipOutlined />}
      title={`附件（${what}）：暂不支持上传`}
      description="系统尚未提供附件存储接口，附件功能开通前请在文号和链接中注明依据文件，纸质材料按原渠道报送。"
      data-testid="attachment-placeholder"
    />
  );
}
