import { Tag, Tooltip } from 'antd';
import { CheckCircleOutlined, ClockCircleOutlined, MinusCircleOutlined } from '@ant-design/icons';
import type { Trigger } from '../../adjustmentsApi.ts';
import { ADJUSTMENT_KIND_LABELS, ADJUSTMENT_STATE_LABELS, type AdjustmentKind, type AdjustmentState } from '../../../../common/adjustment-states.ts';
import { DUE_COLORS, dueStatus, workingDaysLeftText } from '../../adjustmentFormat.ts';

const STATE_COLORS: Record<AdjustmentState, string> = {
  draft: 'default',
  submitted: 'blue',
  under_review: 'gold',
  returned: 'orange',
  approved: 'cyan',
  applied: 'green',
  rejected: 'red',
  withdrawn: 'default',
};

export function StateTag({ state }: { state: AdjustmentState }) {
  return (
    <Tag color={STATE_COLORS[state]} data-state={state} style={{ marginInlineEnd: 0 }}>
      {ADJUSTMENT_STATE_LABELS[state] ?? state}
    </Tag>
  );
}

const KIND_COLORS: Record<AdjustmentKind, string> = { add: 'green', cancel: 'red', delegate: 'purple', entrust: 'geekblue', change: 'blue' };

export function KindTag({ kind }: { kind: AdjustmentKind }) {
  return (
    <Tag color={KIND_COLORS[kind]} variant="outlined" style={{ marginInlineEnd: 0 }}>
      {ADJUSTMENT_KIND_LABELS[kind] ?? kind}
    </Tag>
  );
}

export interface DueTagProps {
  dueOn: string;
  overdue: boolean;
  status?: 'open' | 'closed';
  dueSoon?: boolean;
  workingDaysLeft?: number | null;
}

/** The due date: red when overdue, orange within 5 working days, green once closed. */
export function DueTag({ dueOn, overdue, status, dueSoon, workingDaysLeft }: DueTagProps) {
  const s = dueStatus({ overdue, status, dueSoon, workingDaysLeft });
  const left = workingDaysLeftText(workingDaysLeft);
  const text = s === 'overdue' ? `${dueOn} 已超期` : s === 'closed' ? `${dueOn} 已办结` : dueOn;
  return (
    <Tooltip title={left || undefined}>
      <Tag color={DUE_COLORS[s]} data-due={s} style={{ marginInlineEnd: 0 }}>
        {text}
      </Tag>
    </Tooltip>
  );
}

/** One responsible org's resolution of a trigger: adjusted, no change needed (with the reason), or still open. */
export function ResolutionTag({ r, withOrg = true }: { r: Trigger['responsible'][number]; withOrg?: boolean }) {
  const who = withOrg ? `${r.orgName}：` : '';
  if (r.resolution === 'adjusted')
    return (
      <Tag icon={<CheckCircleOutlined />} color="success">
        {who}已调整
      </Tag>
    );
  if (r.resolution === 'no_change')
    return (
      <Tooltip title={r.note}>
        <Tag icon={<MinusCircleOutlined />} color="default">
          {who}无需调整
        </Tag>
      </Tooltip>
    );
  return (
    <Tag icon={<ClockCircleOutlined />} color="processing">
      {who}未办结
    </Tag>
  );
}

