import { useEffect, useRef, useState } from 'react';
import { Select, Spin } from 'antd';
import { lookupApi } from '../../adjustmentsApi.ts';

interface Option {
  value: string;
  label: string;
}

export interface LookupSelectProps {
  /** Effective implemented items (by implementation code) or catalogue items (by id). */
  source: 'items' | 'catalogue';
  /** Items of this org only. */
  orgId?: string;
  value?: string[];
  onChange?: (value: string[]) => void;
  placeholder?: string;
  id?: string;
  /** Labels of values chosen before (so a saved selection shows names, not ids). */
  known?: Option[];
}

/** A multi-select that searches the item list or the catalogue as the user types. */
export function LookupSelect({ source, orgId, value, onChange, placeholder, id, known }: LookupSelectProps) {
  const [options, setOptions] = useState<Option[]>([]);
  const [loading, setLoading] = useState(false);
  const [q, setQ] = useState('');
  const labels = useRef(new Map<string, string>((known ?? []).map((o) => [o.value, o.label])));
  const generation = useRef(0);

  useEffect(() => {
    const mine = ++generation.current;
    const timer = setTimeout(() => {
      setLoading(true);
      const load =
        source === 'items'
          ? lookupApi.items({ org: orgId, q: q.trim() || undefined, limit: 20 }).then((r) => r.items.map((i) => ({ value: i.implementationCode, label: `${i.name}（${i.orgName}）` })))
          : lookupApi.catalogue({ q: q.trim() || undefined, limit: 20 }).then((r) => r.items.map((c) => ({ value: c.id, label: `${c.name}（${c.basicCode}）` })));
      load
        .then((found) => {
          if (mine !== generation.current) return;
          for (const o of found) labels.current.set(o.value, o.label);
          setOptions(found);
        })
        .catch(() => {
          if (mine === generation.current) setOptions([]);
        })
        .finally(() => {
          if (mine === generation.current) setLoading(false);
        });
    }, 250);
    return () => clearTimeout(timer);
  }, [source, orgId, q]);

  // Chosen values stay listed (with their names) while the search shows other results.
  const chosen = (value ?? []).filter((v) => !options.some((o) => o.value === v)).map((v) => ({ value: v, label: labels.current.get(v) ?? v }));

  return (
    <Select
      id={id}
      mode="multiple"
      value={value}
      onChange={(v: string[]) => onChange?.(v)}
      showSearch={{ filterOption: false, onSearch: setQ }}
      onBlur={() => setQ('')}
      options={[...chosen, ...options]}
      notFoundContent={loading ? <Spin size="small" /> : '没有找到'}
      placeholder={placeholder ?? (source === 'items' ? '输入事项名称搜索' : '输入目录事项名称搜索')}
      style={{ width: '100%' }}
    />
  );
}
