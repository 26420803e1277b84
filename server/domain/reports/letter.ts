// The one-page summary letter (报备函) of a report package: pure text, sealed into a PDF by the seal service.
import { CHANGE_KIND_LABELS, CHANGE_KINDS, type ChangeKind } from '../../../common/publication-views.ts';
import type { ListChange } from '../publications/publications.service.ts';

/** Beyond this many changes the letter summarises and points to the attachments: the letter stays on one page. */
export const LETTER_MAX_LISTED_CHANGES = 15;
// Measured: an A4 letter keeps its seal on page one with a details paragraph of up to ~400 characters; keep a margin.
export const LETTER_MAX_DETAIL_CHARS = 320;
const MAX_LISTED_DECISIONS = 10;
const MAX_NAME = 24;

export interface LetterInput {
  recipient: string;
  sender: string;
  number: string;
  publishedAt: string;
  previous: string | null;
  itemCount: number;
  counts: Record<ChangeKind, number>;
  changes: ListChange[];
}

export interface Letter {
  title: string;
  paragraphs: string[];
}

/** China date of an instant: 2026年11月29日. */
export function chinaDateZh(iso: string): string {
  const d = new Date(Date.parse(iso) + 8 * 3600_000);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

const short = (name: string) => (name.length > MAX_NAME ? `${name.slice(0, MAX_NAME - 1)}…` : name);

/** The letter: addressee, what was published, counts of changes, the changes and decisions (or a pointer to the list). */
export function reportLetter(input: LetterInput): Letter {
  const paragraphs = [
    `${input.recipient}：`,
    `按照政务服务事项清单管理有关规定，${input.sender}于${chinaDateZh(input.publishedAt)}公布了《${input.number}》，本期清单共有政务服务事项 ${input.itemCount} 项，现予报备。`,
  ];
  const total = input.changes.length;
  if (!input.previous) {
    paragraphs.push('本期为首次公布，清单全部事项见附件。');
  } else if (total === 0) {
    paragraphs.push(`与上一期《${input.previous}》相比，事项无变化。`);
  } else {
    const counts = CHANGE_KINDS.filter((k) => input.counts[k] > 0).map((k) => `${CHANGE_KIND_LABELS[k]} ${input.counts[k]} 项`);
    paragraphs.push(`与上一期《${input.previous}》相比，共调整事项 ${total} 项：${counts.join('，')}。`);
    const lines = input.changes.map((c, i) => `${i + 1}. ${CHANGE_KIND_LABELS[c.kind]}“${short(c.name)}”${c.decisionNumbers.length ? `（${c.decisionNumbers.join('、')}）` : ''}`);
    const details = `调整明细：${lines.join('；')}。`;
    if (total <= LETTER_MAX_LISTED_CHANGES && details.length <= LETTER_MAX_DETAIL_CHARS) {
      paragraphs.push(details);
    } else {
      const decisions = [...new Set(input.changes.flatMap((c) => c.decisionNumbers))];
      const listed = decisions.slice(0, MAX_LISTED_DECISIONS).join('、');
      paragraphs.push(
        `调整明细详见附件清单。${decisions.length ? `所依据的调整决定为 ${listed}${decisions.length > MAX_LISTED_DECISIONS ? ` 等 ${decisions.length} 件` : ''}。` : ''}`,
      );
    }
  }
  paragraphs.push('附件：1. 清单公布文件（publication.json）及其电子印章记录；2. 清单表格（list.xlsx）；3. 文件清单（manifest.json）。');
  paragraphs.push('特此报备。');
  return { title: `关于报备《${input.number}》的函`, paragraphs };
}
