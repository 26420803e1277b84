// The 草稿 tab: edit a draft with live validation (the shared rules), save it (the server validates again),
// discard it, or — bureau_admin's initial loading path — make it effective directly.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, DatePicker, Flex, Input, Modal, Popconfirm, Space, Tag, Typography } from 'antd';
import { CheckCircleFilled, DeleteOutlined, ExclamationCircleFilled, SaveOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { useBlocker } from 'react-router';
import dayjs, { type Dayjs } from 'dayjs';
import type { ItemElements, Problem, UniformElements } from '../../../../common/item-elements.ts';
import { ApiError, type Org } from '../../api.ts';
import { errorMessage } from '../../formErrors.ts';
import { itemsApi, type ItemDetail, type ItemVersion } from '../../itemsApi.ts';
import { ELEMENT_LABELS, elementPathLabel } from './elementLabels.ts';
import { ItemElementsEditor } from './ElementsEditor.tsx';
import { sameElements, uniformDeviations } from './model.ts';
import { ProblemSummary } from './ProblemSummary.tsx';
import { elementProblems, fieldPath, problemsNotIn } from './problems.ts';
import { firstFreeLoadDate, overlappingVersions } from './versions.ts';

export interface DraftEditorProps {
  detail: ItemDetail;
  draft: ItemVersion;
  orgs: Org[];
  /** bureau_admin: may change name and type, and load drafts directly. */
  isAdmin: boolean;
  /** The catalogue item's current uniform elements, for the live 同源 comparison. */
  catalogueUniform?: UniformElements;
  /** After save/discard/load: the page reloads the item. */
  onChanged: (next?: ItemDetail) => void;
  onDiscarded: () => void;
  onLoaded: () => void;
}

export function DraftEditor({ detail, draft, orgs, isAdmin, catalogueUniform, onChanged, onDiscarded, onLoaded }: DraftEditorProps) {
  const { message } = App.useApp();
  const [elements, setElements] = useState<ItemElements>(draft.elements);
  const [saved, setSaved] = useState<ItemElements>(draft.elements);
  const [changeNote, setChangeNote] = useState(draft.changeNote ?? '');
  const [savedNote, setSavedNote] = useState(draft.changeNote ?? '');
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [serverProblems, setServerProblems] = useState<Problem[] | null>(null);
  const [saving, setSaving] = useState(false);
  const [discarding, setDiscarding] = useState(false);
  const [loadOpen, setLoadOpen] = useState(false);

  // The server's own check of the stored draft (calendar-aware limits, org existence) joins the live one.
  // The page keys this component by draft version, so a new draft mounts afresh.
  useEffect(() => {
    let stale = false;
    itemsApi
      .validateDraft(detail.implementationCode, draft.versionNo)
      .then((r) => !stale && setServerProblems(r.problems))
      .catch(() => undefined);
    return () => {
      stale = true;
    };
  }, [detail.implementationCode, draft.versionNo]);

  const problems = useMemo(() => elementProblems(elements), [elements]);
  // Problems only the server finds (calendar-aware time limits, org existence), as of the last save.
  const serverOnly = useMemo(() => (serverProblems ? problemsNotIn(serverProblems, problems) : []), [serverProblems, problems]);
  const allProblems = useMemo(() => [...problems, ...serverOnly], [problems, serverOnly]);
  const dirty = !sameElements(elements, saved) || changeNote !== savedNote;
  const deviations = useMemo(() => (catalogueUniform ? uniformDeviations(catalogueUniform, elements) : new Map()), [catalogueUniform, elements]);

  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname);
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    Modal.confirm({
      title: '草稿有未保存的修改',
      content: '离开此页面将丢失未保存的修改。',
      okText: '放弃修改并离开',
      okButtonProps: { danger: true },
      cancelText: '留在此页',
      onOk: () => blocker.proceed(),
      onCancel: () => blocker.reset(),
    });
  }, [blocker]);
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const save = useCallback(async (): Promise<boolean> => {
    setSaving(true);
    try {
      const result = await itemsApi.saveDraft(detail.implementationCode, draft.versionNo, elements, changeNote.trim() || undefined);
      setElements(result.version.elements);
      setSaved(result.version.elements);
      setSavedNote(result.version.changeNote ?? '');
      setChangeNote(result.version.changeNote ?? '');
      setServerProblems(result.problems);
      setSavedAt(dayjs().format('HH:mm:ss'));
      message.success(result.problems.length === 0 ? '草稿已保存，已通过全部校验' : `草稿已保存，尚有 ${result.problems.length} 个问题`);
      onChanged();
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.details.length > 0) {
        // A structural refusal (400): the fields it names are marked like any other problem.
        setServerProblems(e.details.map((d) => ({ path: fieldPath(d.path), message: d.message })));
      }
      message.error(errorMessage(e));
      return false;
    } finally {
      setSaving(false);
    }
  }, [detail.implementationCode, draft.versionNo, elements, changeNote, message, onChanged]);

  // Ctrl+S / ⌘S saves, as in any editor.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
        e.preventDefault();
        if (!saving) void save();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [save, saving]);

  async function discard() {
    setDiscarding(true);
    try {
      await itemsApi.discardDraft(detail.implementationCode, draft.versionNo);
      setSaved(elements);
      setSavedNote(changeNote);
      message.success('草稿已删除');
      onDiscarded();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setDiscarding(false);
    }
  }

  return (
    <>
      <div className="qd-editor-toolbar" data-testid="draft-toolbar">
        <Flex justify="space-between" align="center" gap={12} wrap>
          <Space size={12} wrap>
            <Typography.Text strong>草稿 v{draft.versionNo}</Typography.Text>
            {dirty ? (
              <Tag color="orange">有未保存的修改</Tag>
            ) : (
              <Tag color="green" data-testid="save-state">
                已保存{savedAt ? ` ${savedAt}` : ''}
              </Tag>
            )}
            {allProblems.length === 0 ? (
              <Typography.Text type="success" data-testid="validation-state">
                <CheckCircleFilled /> 校验通过
              </Typography.Text>
            ) : (
              <Typography.Text type="warning" data-testid="validation-state">
                <ExclamationCircleFilled /> {allProblems.length} 个问题
              </Typography.Text>
            )}
          </Space>
          <Space wrap>
            <Popconfirm
              title="删除此草稿？"
              description="草稿中的全部修改将被删除，现行版本不受影响。"
              okText="删除"
              okButtonProps={{ danger: true }}
              cancelText="取消"
              onConfirm={() => void discard()}
            >
              <Button danger icon={<DeleteOutlined />} loading={discarding}>
                删除草稿
              </Button>
            </Popconfirm>
            {isAdmin && (
              <Button icon={<ThunderboltOutlined />} onClick={() => setLoadOpen(true)}>
                直接生效（初始载入）
              </Button>
            )}
            <Button type="primary" icon={<SaveOutlined />} loading={saving} onClick={() => void save()} disabled={!dirty && serverProblems !== null}>
              保存草稿
            </Button>
          </Space>
        </Flex>
      </div>
      <Flex vertical gap={16}>
        <ProblemSummary problems={allProblems} okText="草稿已通过全部校验" />
        {catalogueUniform && deviations.size > 0 && (
          <Alert
            type="warning"
            showIcon
            data-testid="catalogue-deviations"
            title={`与基本目录的差异：${deviations.size} 个统一要素与目录现行版本不一致`}
            description={
              <Flex vertical gap={4}>
                <Typography.Text type="secondary">
                  统一要素应与基本目录一致（同源）。确需调整的，请报政务服务局发布目录新版本或提出变更申请；生效后同源检查将列出这些偏差。
                </Typography.Text>
                {[...deviations].map(([key, changes]) => (
                  <Flex key={key} gap={8} align="center" wrap>
                    <Typography.Text strong>{ELEMENT_LABELS[key] ?? key}</Typography.Text>
                    <Typography.Text type="secondary">{changes.length} 处不同</Typography.Text>
                    <Button
                      size="small"
                      type="link"
                      onClick={() => setElements({ ...elements, [key]: catalogueUniform[key as keyof UniformElements] })}
                    >
                      恢复为目录要素
                    </Button>
                  </Flex>
                ))}
              </Flex>
            }
          />
        )}
        <Flex align="center" gap={8}>
          <label htmlFor="draft-change-note" style={{ whiteSpace: 'nowrap' }}>
            修改说明
          </label>
          <Input
            id="draft-change-note"
            placeholder="简述本次修改的内容和原因（可选，最多 500 字）"
            value={changeNote}
            maxLength={500}
            onChange={(e) => setChangeNote(e.target.value)}
          />
        </Flex>
        <ItemElementsEditor
          value={elements}
          onChange={setElements}
          problems={allProblems}
          identityLocked={!isAdmin}
          catalogueUniform={catalogueUniform}
          implementationCode={detail.implementationCode}
          orgs={orgs}
        />
      </Flex>
      {isAdmin && (
        <LoadModal
          open={loadOpen}
          detail={detail}
          draft={draft}
          dirty={dirty}
          problems={allProblems}
          save={save}
          onClose={() => setLoadOpen(false)}
          onLoaded={() => {
            setLoadOpen(false);
            setSaved(elements);
            onLoaded();
          }}
        />
      )}
    </>
  );
}

interface LoadModalProps {
  open: boolean;
  detail: ItemDetail;
  draft: ItemVersion;
  dirty: boolean;
  problems: Problem[];
  save: () => Promise<boolean>;
  onClose: () => void;
  onLoaded: () => void;
}

/** 直接生效（初始载入）: the draft becomes the effective version from a date; refusals listed in full. */
function LoadModal({ open, detail, draft, dirty, problems, save, onClose, onLoaded }: LoadModalProps) {
  const { message } = App.useApp();
  const [date, setDate] = useState<Dayjs | null>(dayjs());
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<{ title: string; lines: string[] } | null>(null);

  useEffect(() => {
    if (open) {
      setRefusal(null);
      setDate(dayjs(firstFreeLoadDate(detail.versions, new Date(), (d) => dayjs(d).format('YYYY-MM-DD'))));
    }
  }, [open, detail.versions]);

  async function submit() {
    setBusy(true);
    setRefusal(null);
    try {
      if (dirty && !(await save())) return;
      const effectiveFrom = date ? date.format('YYYY-MM-DD') : undefined;
      await itemsApi.loadDraft(detail.implementationCode, draft.versionNo, effectiveFrom);
      message.success(`草稿 v${draft.versionNo} 已生效`);
      onLoaded();
    } catch (e) {
      if (e instanceof ApiError && e.status === 400) {
        setRefusal({ title: e.message, lines: e.details.map((d) => `${elementPathLabel(fieldPath(d.path))}：${d.message}`) });
      } else if (e instanceof ApiError && e.code === 'ITEM.INTERVAL_OVERLAP') {
        const from = date ? date.startOf('day').toDate() : new Date();
        const clash = overlappingVersions(detail.versions, from);
        setRefusal({
          title: e.message,
          lines: clash.length
            ? clash.map((v) => `版本 v${v.versionNo} 自 ${dayjs(v.effectiveFrom).format('YYYY-MM-DD HH:mm')} 起生效，请选择晚于该时间的生效日期`)
            : ['请选择晚于现有版本生效时间的日期'],
        });
      } else {
        setRefusal({ title: errorMessage(e), lines: [] });
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open={open}
      title={`草稿 v${draft.versionNo} 直接生效`}
      okText={dirty ? '保存并生效' : '生效'}
      onOk={() => void submit()}
      confirmLoading={busy}
      onCancel={onClose}
      width={560}
    >
      <Typography.Paragraph type="secondary">
        仅用于初始清单载入：草稿不经动态调整流程直接成为现行版本，操作记入审计日志（item.load）。此后的修改应通过调整申请办理。
      </Typography.Paragraph>
      <Flex vertical gap={12}>
        <Space>
          <span>生效日期</span>
          <DatePicker value={date} onChange={setDate} allowClear={false} aria-label="生效日期" />
          <Typography.Text type="secondary">当日 0 时起生效</Typography.Text>
        </Space>
        {problems.length > 0 && !refusal && <Alert type="warning" showIcon title={`草稿尚有 ${problems.length} 个问题，服务器将拒绝生效`} />}
        {refusal && (
          <Alert
            type="error"
            showIcon
            title={refusal.title}
            description={
              refusal.lines.length > 0 && (
                <ul className="qd-problem-list" data-testid="load-refusal">
                  {refusal.lines.map((line, i) => (
                    <li key={i}>{line}</li>
                  ))}
                </ul>
              )
            }
          />
        )}
      </Flex>
    </Modal>
  );
}
