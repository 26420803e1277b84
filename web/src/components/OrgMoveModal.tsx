import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Form, Modal, Typography } from 'antd';
import { orgsApi, type Org } from '../api.ts';
import { applyApiError } from '../formErrors.ts';
import { orgPath, subtreeIds } from '../orgTree.ts';
import { childKinds } from '../orgRules.ts';
import { OrgTreeSelect } from './OrgTreeSelect.tsx';

export function OrgMoveModal({ org, orgs, open, onClose, onSaved }: { org: Org | null; orgs: Org[]; open: boolean; onClose: () => void; onSaved: (org: Org) => void }) {
  const [form] = Form.useForm<{ parentId: string }>();
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const { message } = App.useApp();
  // Not under itself or its descendants, and only under a kind that may hold it (orgs.policy.ts).
  const blocked = useMemo(() => {
    if (!org) return new Set<string>();
    const ids = subtreeIds(orgs, org.id);
    for (const o of orgs) if (!childKinds(o.kind).includes(org.kind)) ids.add(o.id);
    return ids;
  }, [org, orgs]);

  useEffect(() => {
    if (open && org) {
      form.setFieldsValue({ parentId: org.parentId ?? undefined });
      setFormError(null);
    }
  }, [open, org, form]);

  async function submit() {
    if (!org) return;
    const { parentId } = await form.validateFields();
    if (parentId === org.parentId) {
      onClose();
      return;
    }
    setSaving(true);
    setFormError(null);
    try {
      const saved = await orgsApi.move(org.id, parentId);
      message.success(`已移动到 ${orgPath(orgs, parentId).join(' / ')}`);
      onSaved(saved);
    } catch (e) {
      setFormError(applyApiError(form, e, ['parentId']));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal title={`移动 · ${org?.nameZh ?? ''}`} open={open} onOk={() => void submit().catch(() => undefined)} onCancel={onClose} okText="移动" confirmLoading={saving} destroyOnHidden>
      {org && (
        <Typography.Paragraph type="secondary">
          当前位置：{orgPath(orgs, org.id).slice(0, -1).join(' / ') || '（顶级）'}
        </Typography.Paragraph>
      )}
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical">
        <Form.Item name="parentId" label="新的上级机构" rules={[{ required: true, message: '请选择新的上级机构' }]}>
          <OrgTreeSelect orgs={orgs} disabledIds={blocked} activeOnly placeholder="选择上级机构" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
