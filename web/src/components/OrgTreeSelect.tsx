import { useMemo } from 'react';
import { TreeSelect } from 'antd';
import type { Org } from '../api.ts';
import { buildOrgTree, type OrgNode } from '../orgTree.ts';

interface TreeOption {
  value: string;
  title: string;
  disabled?: boolean;
  children: TreeOption[];
}

export interface OrgTreeSelectProps {
  orgs: Org[];
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  /** Orgs that may not be chosen (e.g. the moved org's own subtree). */
  disabledIds?: Set<string>;
  /** Inactive orgs are shown but may not be chosen. */
  activeOnly?: boolean;
  placeholder?: string;
  allowClear?: boolean;
  style?: React.CSSProperties;
  id?: string;
}

/** A searchable org picker shaped like the org tree; works as a Form.Item control. */
export function OrgTreeSelect({ orgs, value, onChange, disabledIds, activeOnly, placeholder, allowClear, style, id }: OrgTreeSelectProps) {
  const treeData = useMemo(() => {
    const toOption = (node: OrgNode): TreeOption => ({
      value: node.org.id,
      title: node.org.active ? node.org.nameZh : `${node.org.nameZh}（已停用）`,
      disabled: (disabledIds?.has(node.org.id) ?? false) || (activeOnly === true && !node.org.active),
      children: node.children.map(toOption),
    });
    return buildOrgTree(orgs).map(toOption);
  }, [orgs, disabledIds, activeOnly]);

  return (
    <TreeSelect
      id={id}
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v)}
      treeData={treeData}
      treeDefaultExpandAll
      showSearch
      treeNodeFilterProp="title"
      placeholder={placeholder ?? '选择机构'}
      allowClear={allowClear}
      style={{ width: '100%', ...style }}
      popupMatchSelectWidth={false}
    />
  );
}
