// 新增事项: an org starts implementing a catalogue item; the server builds the 31-character code and a first draft.
import { useEffect, useMemo, useState } from 'react';
import { Alert, Form, Modal, Select, Spin, Typography } from 'antd';
import { buildImplementationCode } from '../../../../common/checksums.ts';
import { itemTypeLabel } from '../../../../common/dictionaries.ts';
import type { Org } from '../../api.ts';
import { applyApiError } from '../../formErrors.ts';
import { catalogueApi, itemsApi, type CatalogueListEntry, type ItemDetail } from '../../itemsApi.ts';
import { levelLabel } from '../../labels.ts';
import { OrgTreeSelect } from '../OrgTreeSelect.tsx';

interface Values {
  catalogueItemId: string;
  orgId: string;
  levelDigit: number;
}

export interface NewItemModalProps {
  open: boolean;
  orgs: Org[];
  /** Department editors create items of their own org only. */
  fixedOrgId?: string;
  onClose: () => void;
  onCreated: (item: ItemDetail) => void;
}

export function NewItemModal({ open, orgs, fixedOrgId, onClose, onCreated }: NewItemModalProps) {
  const [form] = Form.useForm<Values>();
  const [search, setSearch] = useState('');
  const [options, setOptions] = useState<CatalogueListEntry[]>([]);
  const [searching, setSearching] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const catalogueItemId = Form.useWatch('catalogueItemId', form);
  const orgId = Form.useWatch('orgId', form);
  const levelDigit = Form.useWatch('levelDigit', form);

  useEffect(() => {
    if (!open) return;
    let stale = false;
    setSearching(true);
    const timer = setTimeout(() => {
      catalogueApi
        .list({ q: search.trim() || undefined, limit: 30 })
        .then((page) => !stale && setOptions(page.items))
        .catch(() => !stale && setOptions([]))
        .finally(() => !stale && setSearching(false));
    }, 250);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [open, search]);

  useEffect(() => {
    if (open) {
      form.resetFields();
      setError(null);
      setSearch('');
      if (fixedOrgId) {
        const org = orgs.find((o) => o.id === fixedOrgId);
        form.setFieldsValue({ orgId: fixedOrgId, levelDigit: org?.level });
      }
    }
  }, [open, fixedOrgId, orgs, form]);

  const chosen = options.find((c) => c.id === catalogueItemId);
  const org = orgs.find((o) => o.id === orgId);
  const preview = useMemo(() => {
    if (!chosen || !org || !levelDigit) return null;
    try {
      return buildImplementationCode(org.uscc, levelDigit, chosen.basicCode);
    } catch (e) {
      return e instanceof Error ? e : null;
    }
  }, [chosen, org, levelDigit]);

  async function submit(values: Values) {
    setSaving(true);
    setError(null);
    try {
      const created = await itemsApi.create(values);
      onCreated(created);
    } catch (e) {
      setError(applyApiError(form, e, ['catalogueItemId', 'orgId', 'levelDigit']));
    } finally {
      setSaving(false);
    }
  }

  const levels = chosen?.levels ?? [1, 2, 3, 4, 5, 6];
  return (
    <Modal
      open={open}
      title="新增实施事项"
      okText="创建并编辑"
      onOk={() => form.submit()}
      confirmLoading={saving}
      onCancel={onClose}
      destroyOnHidden
      width={640}
    >
      <Typography.Paragraph type="secondary">
        选择基本目录事项和实施机构，系统生成 31 位实施编码并以目录的统一要素创建首个草稿。
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        onValuesChange={(changed: Partial<Values>) => {
          // The level digit must equal the org's level: follow the org.
          if (changed.orgId) form.setFieldsValue({ levelDigit: orgs.find((o) => o.id === changed.orgId)?.level });
        }}
      >
        <Form.Item name="catalogueItemId" label="基本目录事项" rules={[{ required: true, message: '请选择目录事项' }]}>
          <Select
            showSearch={{ filterOption: false, onSearch: setSearch }}
            placeholder="输入事项名称或基本编码检索"
            notFoundContent={searching ? <Spin size="small" /> : '没有匹配的目录事项'}
            options={options.map((c) => ({
              value: c.id,
              label: (
                <span>
                  {c.name} <Typography.Text type="secondary" className="qd-mono">{c.basicCode}</Typography.Text>{' '}
                  <Typography.Text type="secondary">{itemTypeLabel(c.type)}</Typography.Text>
                </span>
              ),
            }))}
          />
        </Form.Item>
        <Form.Item name="orgId" label="实施机构" rules={[{ required: true, message: '请选择实施机构' }]}>
          {fixedOrgId ? (
            <Select disabled options={[{ value: fixedOrgId, label: org?.nameZh ?? fixedOrgId }]} />
          ) : (
            <OrgTreeSelect orgs={orgs} activeOnly placeholder="选择实施机构" />
          )}
        </Form.Item>
        <Form.Item
          name="levelDigit"
          label="行使层级"
          rules={[{ required: true, message: '请选择行使层级' }]}
          extra={chosen ? `该目录事项在 ${chosen.levels.map(levelLabel).join('、')} 行使` : '须与实施机构的层级一致'}
        >
          <Select options={levels.map((l) => ({ value: l, label: `${l} ${levelLabel(l)}` }))} style={{ width: 200 }} />
        </Form.Item>
      </Form>
      {preview && !(preview instanceof Error) && (
        <Typography.Paragraph>
          实施编码：<Typography.Text className="qd-mono" copyable>{preview}</Typography.Text>
        </Typography.Paragraph>
      )}
      {preview instanceof Error && <Alert type="warning" showIcon title={`无法生成实施编码：${preview.message}`} />}
    </Modal>
  );
}
