import { useState } from 'react';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import { ADJUSTMENT_ACTION_LABELS, ADJUSTMENT_TRANSITIONS, type AdjustmentAction } from '../../../../common/adjustment-states.ts';
import { errorMessage } from '../../formErrors.ts';

/** Whether the state table requires an opinion for this action in any state (returning, rejecting). */
export function opinionRequired(action: AdjustmentAction): boolean {
  return Object.values(ADJUSTMENT_TRANSITIONS).some((rules) => rules[action]?.opinionRequired === true);
}

const HINTS: Partial<Record<AdjustmentAction, string>> = {
  submit: '提交后申请进入政务服务局审核，提交前请确认拟调整事项已通过校验。',
  start_review: '开始审核后，申请由您负责审核。',
  return: '退回后由申请单位修改并重新提交，请写明需要修改的内容。',
  approve: '批准后生成调整决定文号；未指定生效日期的立即生效，指定日期的到期自动生效。',
  reject: '不予调整须写明理由，申请单位将收到通知。',
  withdraw: '撤回后申请结束，不能再提交。',
};

export interface ActionDialogProps {
  action: AdjustmentAction | null;
  onCancel: () => void;
  /** Performs the action; a rejected promise keeps the dialog open with the error. */
  onConfirm: (action: AdjustmentAction, opinion: string) => Promise<void>;
}

/** The opinion dialog of a state-table action: required for 退回 and 不予调整, optional otherwise. */
export function ActionDialog({ action, onCancel, onConfirm }: ActionDialogProps) {
  const [form] = Form.useForm<{ opinion: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const required = action ? opinionRequired(action) : false;
  const label = action ? ADJUSTMENT_ACTION_LABELS[action] : '';

  async function submit() {
    if (!action) return;
    const { opinion } = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      await onConfirm(action, opinion ?? '');
      form.resetFields();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      title={label}
      open={action !== null}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={() => {
        setError(null);
        onCancel();
      }}
      okText={`确认${label.replace(/（.*）$/, '')}`}
      okButtonProps={{ danger: action === 'reject' || action === 'withdraw' }}
      confirmLoading={busy}
      destroyOnHidden
    >
      {action && HINTS[action] && <Typography.Paragraph type="secondary">{HINTS[action]}</Typography.Paragraph>}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="opinion"
          label={required ? '意见（必填）' : '意见（选填）'}
          rules={required ? [{ required: true, whitespace: true, message: `${label}须填写意见` }] : []}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount placeholder={required ? '请写明理由和需要修改的内容' : '可填写审核或签发意见'} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
