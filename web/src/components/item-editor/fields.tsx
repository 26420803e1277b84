// Building blocks of the element editor: a field that shows its problems, time-limit inputs and dynamic lists.
import { createContext, useContext, type ReactNode } from 'react';
import { Alert, Button, Card, Checkbox, ConfigProvider, Flex, Form, Input, InputNumber, Select, Space, Tag, Tooltip, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, BookOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { TIME_UNITS, type TimeUnit } from '../../../../common/dictionaries.ts';
import type { TimeLimit } from '../../../../common/item-elements.ts';
import { moveEntry, patchEntry, removeEntry } from './model.ts';

export interface EditorState {
  /** Messages by the path of the field that shows them (see problems.ts fieldPath). */
  problems: Map<string, string[]>;
  /** Name and type identify the catalogue item: read-only unless the user is bureau_admin. */
  identityLocked: boolean;
  /** Show which elements are uniform (item editor), and which of them differ from the catalogue. */
  showUniform: boolean;
  /** Uniform element keys whose value differs from the catalogue item's current version (同源). */
  deviating: ReadonlySet<string>;
}

export const EditorContext = createContext<EditorState>({ problems: new Map(), identityLocked: false, showUniform: false, deviating: new Set() });

export function useEditor(): EditorState {
  return useContext(EditorContext);
}

/** The DOM id of a field's control (labels point at it; the problem list scrolls to it). */
export const fieldId = (path: string) => `el-${path.replace(/[^A-Za-z0-9]+/g, '-')}`;

export const UNIFORM_NOTE = '统一要素，随基本目录';

/** Renders name and type disabled when they are locked for this user. */
export function IdentityLock({ children }: { children: ReactNode }) {
  const { identityLocked } = useEditor();
  return <ConfigProvider componentDisabled={identityLocked}>{children}</ConfigProvider>;
}

/** Marks uniform elements in the item editor; amber when they no longer match the catalogue. */
export function UniformTag({ keys }: { keys: readonly string[] }) {
  const { showUniform, deviating } = useEditor();
  if (!showUniform) return null;
  if (keys.some((k) => deviating.has(k))) {
    return (
      <Tooltip title="此统一要素与基本目录现行版本不一致：生效后同源检查将列出偏差。可在上方“与基本目录的差异”中恢复。">
        <Tag color="warning" variant="filled" style={{ marginInlineEnd: 0 }}>
          与基本目录不一致
        </Tag>
      </Tooltip>
    );
  }
  return (
    <Tooltip title="统一要素由基本目录规定，各实施机构应保持一致（同源）">
      <Tag icon={<BookOutlined />} variant="filled" style={{ marginInlineEnd: 0 }}>
        统一要素
      </Tag>
    </Tooltip>
  );
}

export interface FieldProps {
  path: string;
  label: ReactNode;
  required?: boolean;
  extra?: ReactNode;
  children: ReactNode;
}

/** A labelled control that shows every problem of its path beneath it. */
export function Field({ path, label, required, extra, children }: FieldProps) {
  const { problems } = useEditor();
  const messages = problems.get(path) ?? [];
  return (
    <div data-path={path}>
      <Form.Item
        label={label}
        htmlFor={fieldId(path)}
        required={required}
        validateStatus={messages.length > 0 ? 'error' : undefined}
        help={messages.length > 0 ? messages.join('；') : undefined}
        extra={extra}
      >
        {children}
      </Form.Item>
    </div>
  );
}

export interface TextFieldProps {
  path: string;
  label: ReactNode;
  value: string | null | undefined;
  onChange: (value: string) => void;
  required?: boolean;
  multiline?: boolean | number;
  maxLength?: number;
  placeholder?: string;
  extra?: ReactNode;
}

export function TextField({ path, label, value, onChange, required, multiline, maxLength, placeholder, extra }: TextFieldProps) {
  const id = fieldId(path);
  return (
    <Field path={path} label={label} required={required} extra={extra}>
      {multiline ? (
        <Input.TextArea
          id={id}
          value={value ?? ''}
          onChange={(e) => onChange(e.target.value)}
          // Optional notes start as one line and grow; long texts (受理条件) start taller and count their characters.
          autoSize={{ minRows: typeof multiline === 'number' ? multiline : 1, maxRows: 12 }}
          maxLength={maxLength}
          showCount={maxLength !== undefined && maxLength >= 5000}
          placeholder={placeholder}
        />
      ) : (
        <Input id={id} value={value ?? ''} onChange={(e) => onChange(e.target.value)} maxLength={maxLength} placeholder={placeholder} />
      )}
    </Field>
  );
}

export interface NumberFieldProps {
  path: string;
  label: ReactNode;
  value: number;
  onChange: (value: number) => void;
  min?: number;
  max?: number;
  suffix?: string;
  required?: boolean;
  extra?: ReactNode;
}

export function NumberField({ path, label, value, onChange, min = 0, max, suffix, required, extra }: NumberFieldProps) {
  return (
    <Field path={path} label={label} required={required} extra={extra}>
      <InputNumber
        id={fieldId(path)}
        value={value}
        min={min}
        max={max}
        precision={0}
        suffix={suffix}
        // A cleared box keeps the smallest allowed value rather than an invalid empty one.
        onChange={(v) => onChange(typeof v === 'number' ? v : min)}
        style={{ width: '100%' }}
      />
    </Field>
  );
}

export const TIME_UNIT_OPTIONS = (Object.entries(TIME_UNITS) as Array<[TimeUnit, string]>).map(([value, label]) => ({ value, label }));

export interface TimeLimitInputProps {
  id?: string;
  value: TimeLimit;
  onChange: (value: TimeLimit) => void;
  /** Also edit the note (e.g. "不含现场核查时间"). */
  withNote?: boolean;
}

/** Amount + unit (+ note) of a time limit. */
export function TimeLimitInput({ id, value, onChange, withNote }: TimeLimitInputProps) {
  return (
    <Flex gap={8} wrap>
      <Space.Compact>
        <InputNumber
          id={id}
          // With an id, the field's <label> names the box; without one, say what it is.
          aria-label={id ? undefined : '时限数量'}
          min={0}
          max={3650}
          precision={0}
          value={value.amount}
          onChange={(v) => onChange({ ...value, amount: typeof v === 'number' ? v : 0 })}
          style={{ width: 96 }}
        />
        <Select<TimeUnit>
          aria-label="时限单位"
          value={value.unit}
          options={TIME_UNIT_OPTIONS}
          onChange={(unit) => onChange({ ...value, unit })}
          style={{ width: 108 }}
        />
      </Space.Compact>
      {withNote && (
        <Input
          aria-label="时限说明"
          placeholder="说明（可选），如：不含现场核查时间"
          value={value.note ?? ''}
          maxLength={500}
          onChange={(e) => onChange({ ...value, note: e.target.value || undefined })}
          style={{ flex: 1, minWidth: 200 }}
        />
      )}
    </Flex>
  );
}

/** A time limit that may be absent (a step or a service without its own limit). */
export function OptionalTimeLimitInput({ id, value, onChange }: { id?: string; value: TimeLimit | null | undefined; onChange: (value: TimeLimit | null) => void }) {
  return (
    <Flex gap={8} align="center" wrap>
      <Checkbox checked={!!value} onChange={(e) => onChange(e.target.checked ? { amount: 1, unit: 'workday' } : null)}>
        设定时限
      </Checkbox>
      {value && <TimeLimitInput id={id} value={value} onChange={onChange} />}
    </Flex>
  );
}

export interface EntryListProps<T extends object> {
  /** The list's element path, e.g. "materials"; entries are `${path}.${index}`. */
  path: string;
  items: readonly T[];
  onChange: (items: T[]) => void;
  blank: () => T;
  /** What one entry is called: "材料" → "添加材料", "第 2 个材料". */
  noun: string;
  /** The entry's title in its card header (e.g. the material's name). */
  title: (entry: T, index: number) => ReactNode;
  render: (entry: T, index: number, patch: (p: Partial<T>) => void) => ReactNode;
  max?: number;
  empty?: ReactNode;
}

/** An ordered list of entries, each in its own card with 上移/下移/删除, and an 添加 button. */
export function EntryList<T extends object>({ path, items, onChange, blank, noun, title, render, max, empty }: EntryListProps<T>) {
  const { problems } = useEditor();
  const listProblems = problems.get(path) ?? [];
  return (
    <div data-path={path}>
      {listProblems.length > 0 && <Alert type="error" showIcon title={listProblems.join('；')} style={{ marginBottom: 12 }} />}
      {items.length === 0 && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
          {empty ?? `暂无${noun}`}
        </Typography.Paragraph>
      )}
      <Flex vertical gap={12}>
        {items.map((entry, index) => {
          const entryProblems = problems.get(`${path}.${index}`) ?? [];
          return (
            <Card
              // Controlled inputs: index keys only cost focus on reorder, never data.
              key={index}
              size="small"
              data-path={`${path}.${index}`}
              className="qd-entry"
              title={
                <Space size={8}>
                  <Tag variant="filled" style={{ marginInlineEnd: 0 }}>
                    {index + 1}
                  </Tag>
                  <span className="qd-entry-title">{title(entry, index) || <Typography.Text type="secondary">（未填写）</Typography.Text>}</span>
                </Space>
              }
              extra={
                <Space size={0}>
                    <Tooltip title="上移">
                      <Button type="text" size="small" icon={<ArrowUpOutlined />} aria-label={`上移第 ${index + 1} 个${noun}`} disabled={index === 0} onClick={() => onChange(moveEntry(items, index, index - 1))} />
                    </Tooltip>
                    <Tooltip title="下移">
                      <Button
                        type="text"
                        size="small"
                        icon={<ArrowDownOutlined />}
                        aria-label={`下移第 ${index + 1} 个${noun}`}
                        disabled={index === items.length - 1}
                        onClick={() => onChange(moveEntry(items, index, index + 1))}
                      />
                    </Tooltip>
                    <Tooltip title="删除">
                      <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={`删除第 ${index + 1} 个${noun}`} onClick={() => onChange(removeEntry(items, index))} />
                    </Tooltip>
                  </Space>
              }
            >
              {entryProblems.length > 0 && <Alert type="error" showIcon title={entryProblems.join('；')} style={{ marginBottom: 12 }} />}
              {render(entry, index, (p) => onChange(patchEntry(items, index, p)))}
            </Card>
          );
        })}
      </Flex>
      {(max === undefined || items.length < max) && (
        <Button type="dashed" block icon={<PlusOutlined />} onClick={() => onChange([...items, blank()])} style={{ marginTop: 12 }}>
          添加{noun}
        </Button>
      )}
    </div>
  );
}
