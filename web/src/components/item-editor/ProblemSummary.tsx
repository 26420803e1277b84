import { Alert, Typography } from 'antd';
import type { Problem } from '../../../../common/item-elements.ts';
import { elementPathLabel } from './elementLabels.ts';
import { scrollToField } from './ElementsEditor.tsx';
import { fieldPath } from './problems.ts';

export interface ProblemSummaryProps {
  problems: readonly Problem[];
  /** What the check covers, e.g. "草稿" or "目录要素". */
  subject?: string;
  /** Shown when there is nothing to fix. */
  okText?: string;
}

/** All problems in one list; each names its field and scrolls to it. */
export function ProblemSummary({ problems, subject = '草稿', okText }: ProblemSummaryProps) {
  if (problems.length === 0) {
    return <Alert type="success" showIcon title={okText ?? `${subject}已通过全部校验`} />;
  }
  return (
    <Alert
      type="warning"
      showIcon
      title={`${subject}有 ${problems.length} 个问题需要处理`}
      description={
        <ol className="qd-problem-list" data-testid="problem-list">
          {problems.map((p, i) => {
            const path = fieldPath(p.path);
            return (
              <li key={`${path}-${i}`}>
                <a
                  href={`#${path}`}
                  onClick={(e) => {
                    e.preventDefault();
                    scrollToField(path);
                  }}
                >
                  <span className="qd-problem-where">{path ? elementPathLabel(path) : '整体'}：</span>
                  <Typography.Text type="danger">{p.message}</Typography.Text>
                </a>
              </li>
            );
          })}
        </ol>
      }
    />
  );
}
