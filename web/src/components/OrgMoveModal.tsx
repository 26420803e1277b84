import { useEffect, useMemo } from 'react';
import { App, Form, Typography } from 'antd';
import { orgsApi, type Org } from '../api.ts';
import { orgPath, subtreeIds } from '../orgTree.ts';
import { childKinds } from '../orgRules.ts';
import { FormModal } from './FormModal.tsx';
import { OrgTreeSelect } from './OrgTreeSelect.tsx';

export function OrgMoveModal({ org, orgs, open, onClose, onSaved }: { org: Org | null; orgs: Org[]; open: boolean; onClose: () => void; onSaved: (org: Org) => void }) {
  const [form] = Form.useForm<{ parentId: string }>();
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
    }
  }, [open, org, form]);

  async function submit({ parentId }: { parentId: string }) {
    if (!org) return;
    if (parentId === org.parentId) {
      onClose();
      return;
    }
    const saved = await orgsApi.move(org.id, parentId);
    message.success(`已移动到 ${orgPath(orgs, parentId).join(' / ')}`);
    onSaved(saved);
  }

  return (
    <FormModal
      form={form}
      fields={['parentId']}
      onSubmit={submit}
      title={`移动 · ${org?.nameZh ?? ''}`}
      open={open}
      onCancel={onClose}
      okText="移动"
      intro={
        org && (
          <Typography.Paragraph type="secondary">
            当前位置：{orgPath(orgs, org.id).slice(0, -1).join(' / ') || '（顶级）'}
          </Typography.Paragraph>
        )
      }
    >
      <Form form={form} layout="vertical">
        <Form.Item name="parentId" label="新的上级机构" rules={[{ required: true, message: '请选择新的上级机构' }]}>
          <OrgTreeSelect orgs={orgs} disabledIds={blocked} activeOnly placeholder="选择上级机构" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
